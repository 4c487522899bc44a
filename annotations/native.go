package annotations

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// The native file format (FORMAT.md, schema/clausemark-annotations-v1.schema.json).
const (
	// NativeFormat is the value of the "format" member.
	NativeFormat = "clausemark.annotations"
	// NativeVersion is the version this package writes; it reads it and
	// every version before (1: no labels, a tag on every annotation).
	NativeVersion = 2
)

// nativeFile is the native envelope as written.
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

// ExportJSON writes the set in the native format (version NativeVersion):
// every annotation, orphans included, in document order, indented with two
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
		Version:     NativeVersion,
		Document:    nativeDocument{Symbol: doc.Symbol, Title: doc.Title, TextSHA256: doc.TextSHA256},
		Exported:    formatTime(exported),
		Annotations: make([]nativeAnnotation, len(as)),
	}
	for i, a := range as {
		f.Annotations[i] = nativeAnnotation{
			ID: a.ID, Clause: a.Clause, Start: a.Start, End: a.End,
			Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix,
			Tag: a.Tag, Labels: a.Labels, Note: a.Note, Author: a.Author,
			Created: formatTime(a.Created), Modified: formatTime(a.Modified),
		}
	}
	return marshalChecked(f)
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
	Symbol     *string `json:"symbol"`
	Title      *string `json:"title"`
	TextSHA256 *string `json:"textSHA256"`
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

// nativeReader decodes a native file as a stream: the envelope members in
// whatever order they come, and the annotations one by one.
type nativeReader struct {
	r        *Reading
	started  bool
	inArray  bool
	done     bool
	members  map[string]bool
	format   *string
	version  *int
	document *nativeDocumentIn
	exported *string
	labelsAt int    // index of the first annotation with labels, or -1
	labelsID string // and its id
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
		if n.inArray {
			if !dec.More() {
				if _, err := dec.Token(); err != nil {
					return false, syntaxError(err)
				}
				n.inArray = false
				continue
			}
			var in nativeAnnotationIn
			err := dec.Decode(&in)
			if err != nil && fatal(err) {
				return false, syntaxError(err)
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
			if in.Labels != nil && n.labelsAt < 0 {
				n.labelsAt, n.labelsID = r.count, a.ID
			}
			if !r.add(readItem{a: a, sel: a.Selectors()}, ferr) {
				return true, nil
			}
			if k%16 == 15 && past(deadline) {
				return false, nil
			}
			continue
		}
		if !dec.More() {
			if _, err := dec.Token(); err != nil { // the closing brace
				return false, syntaxError(err)
			}
			return true, expectEnd(dec)
		}
		tok, err := dec.Token()
		if err != nil {
			return false, syntaxError(err)
		}
		key, _ := tok.(string)
		if n.members[key] {
			return false, fieldErrf(key, ErrInvalidValue, "the member is given twice")
		}
		n.members[key] = true
		var target any
		switch key {
		case "annotations":
			if err := expectDelim(dec, '[', key); err != nil {
				return false, err
			}
			n.inArray = true
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
		if err := dec.Decode(target); err != nil {
			fe := jsonError(-1, "", err)
			if fatal(err) {
				return false, fe
			}
			if fe.Field == "" {
				fe.Field = key
			} else {
				fe.Field = key + "." + fe.Field
			}
			return false, fe
		}
	}
}

// finish checks the envelope once the file is decoded.
func (n *nativeReader) finish() error {
	r, f, doc := n.r, n.r.file, n.r.doc
	switch {
	case n.format == nil:
		return fieldErr("format", ErrMissing)
	case *n.format != NativeFormat:
		return fieldErrf("format", ErrFormat, "%q, want %q", *n.format, NativeFormat)
	case n.version == nil:
		return fieldErr("version", ErrMissing)
	case *n.version < 1 || *n.version > NativeVersion:
		return fieldErrf("version", ErrVersion, "%d, this version of Clausemark reads 1 to %d", *n.version, NativeVersion)
	case n.document == nil:
		return fieldErr("document", ErrMissing)
	case n.document.Symbol == nil || *n.document.Symbol == "":
		return fieldErr("document.symbol", ErrMissing)
	case n.exported == nil:
		return fieldErr("exported", ErrMissing)
	case !n.members["annotations"]:
		return fieldErr("annotations", ErrMissing)
	}
	f.Version = *n.version
	f.Symbol = *n.document.Symbol
	if n.document.Title != nil {
		f.Title = *n.document.Title
	}
	if n.document.TextSHA256 != nil {
		f.TextSHA256 = *n.document.TextSHA256
		if f.TextSHA256 != "" && !validSHA256(f.TextSHA256) {
			return fieldErrf("document.textSHA256", ErrInvalidValue, "%q is not 64 lowercase hex digits", f.TextSHA256)
		}
	}
	if f.Symbol != doc.Symbol && !r.opts.AllowOtherDocument {
		return fieldErrf("document.symbol", ErrOtherDocument, "the file is for %q, not %q", f.Symbol, doc.Symbol)
	}
	f.OtherDocument = f.Symbol != doc.Symbol
	f.TextChanged = f.TextSHA256 != doc.TextSHA256
	t, err := parseTime(*n.exported, true)
	if err != nil {
		return fieldErr("exported", err)
	}
	f.Exported = t
	if f.Version == 1 && n.labelsAt >= 0 {
		return &FieldError{Index: n.labelsAt, ID: n.labelsID, Field: "labels", Err: fmt.Errorf("%w: labels came with version 2 of the format", ErrInvalidValue)}
	}
	return nil
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
