package annotations

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// The native file format (FORMAT.md, schema/clausemark-annotations-v3.schema.json).
const (
	// NativeFormat is the value of the "format" member.
	NativeFormat = "clausemark.annotations"
	// NativeVersion is the newest version of the format, which this
	// package reads with every version before it (1: no labels, a tag on
	// every annotation; 2: one document, no text). It writes version 3
	// for a file of several documents or with a document's text, and
	// version 2 for one document without its text (ExportJSON), which
	// readers of version 2 read too.
	NativeVersion = 3
	// SingleVersion is the version of a file of one document without its
	// text: what ExportJSON writes.
	SingleVersion = 2
)

// nativeFile is the native envelope as written, versions 1 and 2.
type nativeFile struct {
	Format      string             `json:"format"`
	Version     int                `json:"version"`
	Document    nativeDocument     `json:"document"`
	Exported    string             `json:"exported"`
	Annotations []nativeAnnotation `json:"annotations"`
}

type nativeDocument struct {
	Symbol     string `json:"symbol"`
	Title      string `json:"title"`
	TextSHA256 string `json:"textSHA256"`
}

// nativeFileV3 is the native envelope as written, version 3: documents,
// each with its annotations and perhaps its text.
type nativeFileV3 struct {
	Format    string        `json:"format"`
	Version   int           `json:"version"`
	Exported  string        `json:"exported"`
	Documents []nativeEntry `json:"documents"`
}

// nativeEntry is one document of a version 3 file.
type nativeEntry struct {
	Document    nativeDocumentV3   `json:"document"`
	Annotations []nativeAnnotation `json:"annotations"`
}

type nativeDocumentV3 struct {
	Symbol       string `json:"symbol"`
	Title        string `json:"title"`
	TextSHA256   string `json:"textSHA256"`
	Text         string `json:"text,omitempty"`
	SourceFormat string `json:"sourceFormat,omitempty"`
	FileName     string `json:"fileName,omitempty"`
}

// nativeAnnotation is one annotation as written, times as strings.
type nativeAnnotation struct {
	ID       string   `json:"id"`
	Clause   string   `json:"clause"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Exact    string   `json:"exact"`
	Prefix   string   `json:"prefix"`
	Suffix   string   `json:"suffix"`
	Tag      Tag      `json:"tag"`
	Labels   []string `json:"labels,omitempty"`
	Note     string   `json:"note"`
	Author   string   `json:"author,omitempty"`
	Created  string   `json:"created"`
	Modified string   `json:"modified"`
}

// ExportJSON writes the set in the native format, version SingleVersion
// (one document, without its text; ExportEntries writes more): every
// annotation, orphans included, in document order, indented with two
// spaces. now gives the "exported" time (nil: time.Now). A set that would
// make a file Read refuses (more than MaxAnnotations, or more than
// MaxFileSize bytes) is an error wrapping ErrTooMany or ErrTooLarge.
func ExportJSON(s *Set, now func() time.Time) ([]byte, error) {
	return encodeNative(s.doc, s.All(), clock(now))
}

func encodeNative(doc *Document, as []Annotation, exported time.Time) ([]byte, error) {
	if err := checkExportCount(len(as)); err != nil {
		return nil, err
	}
	f := nativeFile{
		Format:      NativeFormat,
		Version:     SingleVersion,
		Document:    nativeDocument{Symbol: doc.Symbol, Title: doc.Title, TextSHA256: doc.TextSHA256},
		Exported:    formatTime(exported),
		Annotations: make([]nativeAnnotation, len(as)),
	}
	for i, a := range as {
		f.Annotations[i] = toNative(a)
	}
	return marshalChecked(f)
}

// toNative is an annotation as the file writes it.
func toNative(a Annotation) nativeAnnotation {
	return nativeAnnotation{
		ID: a.ID, Clause: a.Clause, Start: a.Start, End: a.End,
		Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix,
		Tag: a.Tag, Labels: a.Labels, Note: a.Note, Author: a.Author,
		Created: formatTime(a.Created), Modified: formatTime(a.Modified),
	}
}

// checkExportCount refuses to write a file of more annotations than Read
// reads.
func checkExportCount(n int) error {
	if n > MaxAnnotations {
		return fmt.Errorf("%w: %d annotations, and a file holds at most %d: it could not be imported again", ErrTooMany, n, MaxAnnotations)
	}
	return nil
}

// writeLimit is the largest file the exports write: MaxFileSize, what Read
// reads (a variable so that a test can lower it).
var writeLimit = MaxFileSize

// marshalChecked is marshal, refusing a result larger than Read reads.
func marshalChecked(v any) ([]byte, error) {
	data, err := marshal(v)
	if err == nil && len(data) > writeLimit {
		return nil, fmt.Errorf("%w: the file would be %d bytes, and at most %d can be imported again", ErrTooLarge, len(data), writeLimit)
	}
	return data, err
}

// marshal writes v as indented JSON without HTML escaping, newline-ended.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("annotations: encode: %w", err)
	}
	return buf.Bytes(), nil
}

func clock(now func() time.Time) time.Time {
	if now == nil {
		return normTime(time.Now())
	}
	return normTime(now())
}

type nativeDocumentIn struct {
	Symbol       *string `json:"symbol"`
	Title        *string `json:"title"`
	TextSHA256   *string `json:"textSHA256"`
	Text         *string `json:"text"`
	SourceFormat *string `json:"sourceFormat"`
	FileName     *string `json:"fileName"`
}

type nativeAnnotationIn struct {
	ID       *string   `json:"id"`
	Clause   *string   `json:"clause"`
	Start    *int      `json:"start"`
	End      *int      `json:"end"`
	Exact    *string   `json:"exact"`
	Prefix   *string   `json:"prefix"`
	Suffix   *string   `json:"suffix"`
	Tag      *string   `json:"tag"`
	Labels   *[]string `json:"labels"`
	Note     *string   `json:"note"`
	Author   *string   `json:"author"`
	Created  *string   `json:"created"`
	Modified *string   `json:"modified"`
}

// Where a nativeReader is in the file.
const (
	inEnvelope         = iota // between the members of the envelope
	inAnnotations             // in the envelope's annotations (versions 1, 2)
	inDocuments               // in the documents array, between documents (version 3)
	inEntry                   // in a document of the documents array, between its members
	inEntryAnnotations        // in that document's annotations
)

// nativeEntryIn is a document of a version 3 file as read.
type nativeEntryIn struct {
	members  map[string]bool
	document *nativeDocumentIn
	count    int // annotations met
}

// nativeReader decodes a native file as a stream: the envelope members in
// whatever order they come, and the annotations one by one.
type nativeReader struct {
	r        *Reading
	started  bool
	state    int
	members  map[string]bool
	format   *string
	version  *int
	document *nativeDocumentIn
	exported *string
	entries  []*nativeEntryIn
	labelsAt int    // index of the first annotation with labels, or -1
	labelsID string // and its id
	// errEntry is the document of each annotation error of a version 3
	// file (its name is known only at the end).
	errEntry map[*FieldError]int
}

// step decodes until the deadline; it reports true once the whole file is
// decoded.
func (n *nativeReader) step(deadline time.Time) (bool, error) {
	r, dec := n.r, n.r.dec
	if !n.started {
		n.started, n.labelsAt, n.members = true, -1, map[string]bool{}
		if err := expectDelim(dec, '{', ""); err != nil {
			return false, err
		}
	}
	for k := 0; ; k++ {
		switch n.state {
		case inAnnotations, inEntryAnnotations:
			if !dec.More() {
				if _, err := dec.Token(); err != nil {
					return false, syntaxError(err)
				}
				if n.state == inAnnotations {
					n.state = inEnvelope
				} else {
					n.state = inEntry
				}
				continue
			}
			entry := -1
			if n.state == inEntryAnnotations {
				entry = len(n.entries) - 1
			}
			if err := n.annotation(entry); err != nil {
				return false, err
			}
			if r.stopped {
				return true, nil
			}
			if k%16 == 15 && past(deadline) {
				return false, nil
			}
			continue
		case inDocuments:
			if !dec.More() {
				if _, err := dec.Token(); err != nil {
					return false, syntaxError(err)
				}
				n.state = inEnvelope
				continue
			}
			field := fmt.Sprintf("documents[%d]", len(n.entries))
			if err := expectDelim(dec, '{', field); err != nil {
				return false, err
			}
			n.entries = append(n.entries, &nativeEntryIn{members: map[string]bool{}})
			n.state = inEntry
			continue
		case inEntry:
			e := n.entries[len(n.entries)-1]
			field := fmt.Sprintf("documents[%d]", len(n.entries)-1)
			if !dec.More() {
				if _, err := dec.Token(); err != nil { // the closing brace
					return false, syntaxError(err)
				}
				for _, m := range []string{"document", "annotations"} {
					if !e.members[m] {
						return false, fieldErr(field+"."+m, ErrMissing)
					}
				}
				n.state = inDocuments
				continue
			}
			key, err := n.member(e.members, field)
			if err != nil {
				return false, err
			}
			switch key {
			case "annotations":
				if err := expectDelim(dec, '[', field+"."+key); err != nil {
					return false, err
				}
				n.state = inEntryAnnotations
			case "document":
				if err := decodeMember(dec, field+"."+key, &e.document); err != nil {
					return false, err
				}
			default:
				return false, fieldErrf(field+"."+key, ErrInvalidValue, "unknown member")
			}
			continue
		}
		if !dec.More() {
			if _, err := dec.Token(); err != nil { // the closing brace
				return false, syntaxError(err)
			}
			return true, expectEnd(dec)
		}
		key, err := n.member(n.members, "")
		if err != nil {
			return false, err
		}
		var target any
		switch key {
		case "annotations":
			if err := expectDelim(dec, '[', key); err != nil {
				return false, err
			}
			n.state = inAnnotations
			continue
		case "documents":
			if err := expectDelim(dec, '[', key); err != nil {
				return false, err
			}
			n.state = inDocuments
			continue
		case "format":
			target = &n.format
		case "version":
			target = &n.version
		case "document":
			target = &n.document
		case "exported":
			target = &n.exported
		default:
			return false, fieldErrf(key, ErrInvalidValue, "unknown member")
		}
		if err := decodeMember(dec, key, target); err != nil {
			return false, err
		}
	}
}

// member reads the name of the next member of an object whose members so
// far are seen, refusing one given twice.
func (n *nativeReader) member(seen map[string]bool, field string) (string, error) {
	tok, err := n.r.dec.Token()
	if err != nil {
		return "", syntaxError(err)
	}
	key, _ := tok.(string)
	if field != "" {
		field += "."
	}
	if seen[key] {
		return "", fieldErrf(field+key, ErrInvalidValue, "the member is given twice")
	}
	seen[key] = true
	return key, nil
}

// decodeMember decodes the value of the member field into target.
func decodeMember(dec *json.Decoder, field string, target any) error {
	if err := dec.Decode(target); err != nil {
		fe := jsonError(-1, "", err)
		if fatal(err) {
			return fe
		}
		if fe.Field == "" {
			fe.Field = field
		} else {
			fe.Field = field + "." + fe.Field
		}
		return fe
	}
	return nil
}

// annotation decodes one annotation, of the document entry of a version 3
// file (-1: of the envelope).
func (n *nativeReader) annotation(entry int) error {
	r := n.r
	var in nativeAnnotationIn
	err := r.dec.Decode(&in)
	if err != nil && fatal(err) {
		return syntaxError(err)
	}
	var a Annotation
	var ferr *FieldError
	if err != nil {
		if in.ID != nil {
			a.ID = *in.ID
		}
		ferr = jsonError(-1, a.ID, err)
	} else if a, ferr = fromNativeIn(in); ferr == nil {
		ferr = validate(a)
	}
	index := r.count
	if entry >= 0 {
		index = n.entries[entry].count
		n.entries[entry].count++
	}
	if in.Labels != nil && n.labelsAt < 0 {
		n.labelsAt, n.labelsID = index, a.ID
	}
	it := readItem{a: a, sel: a.Selectors(), entry: entry}
	if fe := r.add(it, ferr, index); fe != nil && entry >= 0 {
		if n.errEntry == nil {
			n.errEntry = map[*FieldError]int{}
		}
		n.errEntry[fe] = entry
	}
	return nil
}

// finish checks the envelope once the file is decoded, and picks what the
// Reading wants of it: the annotations of its document, or every document.
func (n *nativeReader) finish() error {
	r, f := n.r, n.r.file
	switch {
	case n.format == nil:
		return fieldErr("format", ErrMissing)
	case *n.format != NativeFormat:
		return fieldErrf("format", ErrFormat, "%q, want %q", *n.format, NativeFormat)
	case n.version == nil:
		return fieldErr("version", ErrMissing)
	case *n.version < 1 || *n.version > NativeVersion:
		return fieldErrf("version", ErrVersion, "%d, this version of Clausemark reads 1 to %d", *n.version, NativeVersion)
	case n.exported == nil:
		return fieldErr("exported", ErrMissing)
	}
	f.Version = *n.version
	t, err := parseTime(*n.exported, true)
	if err != nil {
		return fieldErr("exported", err)
	}
	f.Exported = t
	if f.Version == 1 && n.labelsAt >= 0 {
		return &FieldError{Index: n.labelsAt, ID: n.labelsID, Field: "labels", Err: fmt.Errorf("%w: labels came with version 2 of the format", ErrInvalidValue)}
	}
	var entries []Entry
	if f.Version < 3 {
		switch {
		case n.members["documents"]:
			return fieldErrf("documents", ErrInvalidValue, "documents came with version 3 of the format")
		case n.document == nil:
			return fieldErr("document", ErrMissing)
		case !n.members["annotations"]:
			return fieldErr("annotations", ErrMissing)
		}
		e, err := entryOf(n.document, "document", false)
		if err != nil {
			return err
		}
		entries = []Entry{e}
	} else {
		switch {
		case n.members["document"]:
			return fieldErrf("document", ErrInvalidValue, "a version 3 file gives its documents in documents")
		case n.members["annotations"]:
			return fieldErrf("annotations", ErrInvalidValue, "a version 3 file gives the annotations of each document in documents")
		case !n.members["documents"]:
			return fieldErr("documents", ErrMissing)
		}
		seen := map[string]int{}
		for i, in := range n.entries {
			field := fmt.Sprintf("documents[%d].document", i)
			e, err := entryOf(in.document, field, true)
			if err != nil {
				return err
			}
			if j, dup := seen[e.Symbol]; dup {
				return fieldErrf(field+".symbol", ErrInvalidValue, "%q is also document %d: a file gives each document once", e.Symbol, j)
			}
			seen[e.Symbol] = i
			entries = append(entries, e)
		}
		for fe, i := range n.errEntry {
			fe.Document = entries[i].Symbol
		}
	}
	if r.doc == nil {
		r.collection = &Collection{Version: f.Version, Exported: f.Exported, Entries: entries}
		return nil
	}
	return n.choose(entries)
}

// choose picks the document of the file that the Reading's document is:
// the one of its symbol, or the only one when another document is
// allowed; the annotations of the others are dropped.
func (n *nativeReader) choose(entries []Entry) error {
	r, f, doc := n.r, n.r.file, n.r.doc
	pick := -1
	for i, e := range entries {
		if e.Symbol == doc.Symbol {
			pick = i
		}
	}
	if pick < 0 {
		switch {
		case len(entries) == 1 && r.opts.AllowOtherDocument:
			pick = 0
		case len(entries) == 1:
			field := "document.symbol"
			if f.Version >= 3 {
				field = "documents[0].document.symbol"
			}
			return fieldErrf(field, ErrOtherDocument, "the file is for %q, not %q", entries[0].Symbol, doc.Symbol)
		default:
			symbols := make([]string, len(entries))
			for i, e := range entries {
				symbols[i] = fmt.Sprintf("%q", e.Symbol)
			}
			if len(entries) == 0 {
				return fieldErrf("documents", ErrOtherDocument, "the file holds no document")
			}
			return fieldErrf("documents", ErrOtherDocument, "the file holds %d documents (%s), none of them %q: open it from the library", len(entries), strings.Join(symbols, ", "), doc.Symbol)
		}
	}
	e := entries[pick]
	f.Symbol, f.Title, f.TextSHA256, f.Text = e.Symbol, e.Title, e.TextSHA256, e.Text
	f.OtherDocument = f.Symbol != doc.Symbol
	f.TextChanged = f.TextSHA256 != doc.TextSHA256
	if f.Version >= 3 {
		kept := r.items[:0]
		for _, it := range r.items {
			if it.entry == pick {
				kept = append(kept, it)
			}
		}
		clear(r.items[len(kept):])
		r.items = kept
	}
	for i := range r.items {
		r.items[i].a.Document = doc.Symbol
	}
	return nil
}

// entryOf checks the document member of a file, at field, and returns it
// as an Entry without annotations. Only version 3 (v3) carries the text.
func entryOf(d *nativeDocumentIn, field string, v3 bool) (Entry, error) {
	if d == nil {
		return Entry{}, fieldErr(field, ErrMissing)
	}
	var e Entry
	if d.Symbol == nil || *d.Symbol == "" {
		return Entry{}, fieldErr(field+".symbol", ErrMissing)
	}
	e.Symbol = *d.Symbol
	if d.Title != nil {
		e.Title = *d.Title
	}
	if d.TextSHA256 != nil {
		e.TextSHA256 = *d.TextSHA256
		if e.TextSHA256 != "" && !validSHA256(e.TextSHA256) {
			return Entry{}, fieldErrf(field+".textSHA256", ErrInvalidValue, "%q is not 64 lowercase hex digits", e.TextSHA256)
		}
	}
	if !v3 {
		for name, p := range map[string]*string{"text": d.Text, "sourceFormat": d.SourceFormat, "fileName": d.FileName} {
			if p != nil {
				return Entry{}, fieldErrf(field+"."+name, ErrInvalidValue, "the text of a document came with version 3 of the format")
			}
		}
		return e, nil
	}
	if d.Text == nil {
		for name, p := range map[string]*string{"sourceFormat": d.SourceFormat, "fileName": d.FileName} {
			if p != nil {
				return Entry{}, fieldErrf(field+"."+name, ErrInvalidValue, "given without the text")
			}
		}
		return e, nil
	}
	t := &Text{Text: *d.Text}
	if d.SourceFormat != nil {
		t.SourceFormat = *d.SourceFormat
	}
	if d.FileName != nil {
		t.FileName = *d.FileName
	}
	if err := t.validate(field); err != nil {
		return Entry{}, err
	}
	e.Text = t
	return e, nil
}

// fromNativeIn checks that the required members are there and reads the
// times.
func fromNativeIn(in nativeAnnotationIn) (Annotation, *FieldError) {
	var a Annotation
	if in.ID != nil {
		a.ID = canonicalID(*in.ID)
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	required := []struct {
		name    string
		missing bool
	}{
		{"id", in.ID == nil}, {"clause", in.Clause == nil}, {"start", in.Start == nil}, {"end", in.End == nil},
		{"exact", in.Exact == nil}, {"tag", in.Tag == nil}, {"created", in.Created == nil}, {"modified", in.Modified == nil},
	}
	for _, r := range required {
		if r.missing {
			return a, &FieldError{ID: a.ID, Field: r.name, Err: ErrMissing}
		}
	}
	a.Clause, a.Start, a.End = *in.Clause, *in.Start, *in.End
	a.Exact, a.Prefix, a.Suffix = *in.Exact, str(in.Prefix), str(in.Suffix)
	a.Tag, a.Note, a.Author = Tag(*in.Tag), str(in.Note), str(in.Author)
	if in.Labels != nil && len(*in.Labels) > 0 {
		a.Labels = *in.Labels
	}
	var err error
	if a.Created, err = parseTime(*in.Created, true); err != nil {
		return a, &FieldError{ID: a.ID, Field: "created", Err: err}
	}
	if a.Modified, err = parseTime(*in.Modified, true); err != nil {
		return a, &FieldError{ID: a.ID, Field: "modified", Err: err}
	}
	return a, nil
}

func validSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
