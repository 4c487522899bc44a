package annotations

import (
	"bytes"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// A native file of version 3 holds several documents, each with its
// annotations and, if the writer chose, its text, so that a colleague who
// receives it gets documents they lack with their annotations in one
// import (FORMAT.md). Read takes from it the annotations of one document;
// ReadCollection reads every document.

// Text is the text of a document as a native file carries it: what
// resolution.Parse reads (a PDF, Word document or web page already made
// text by package extract), with the format and the name of the file it
// came from.
type Text struct {
	// Text is the text, at most MaxTextSize bytes.
	Text string
	// SourceFormat is "pdf", "docx", "html", "text" or "builtin" (the
	// resolution that comes with the app), or "" when unknown.
	SourceFormat string
	// FileName is the name of the file the text came from ("" if none), one
	// line of at most MaxFileNameLength code points.
	FileName string
}

// Limits of a document's text in a file.
const (
	// MaxTextSize is the largest text of a document, in bytes (20 MB, the
	// largest file the app opens).
	MaxTextSize = 20 << 20
	// MaxFileNameLength is the longest file name, in code points.
	MaxFileNameLength = 255
)

// sourceFormats are the values of Text.SourceFormat.
var sourceFormats = map[string]bool{"": true, "pdf": true, "docx": true, "html": true, "text": true, "builtin": true}

// validate checks t, the text of the document at field.
func (t *Text) validate(field string) error {
	switch {
	case t.Text == "":
		return fieldErrf(field+".text", ErrInvalidValue, "empty")
	case len(t.Text) > MaxTextSize:
		return fieldErrf(field+".text", ErrTooLong, "%d bytes, at most %d", len(t.Text), MaxTextSize)
	case !utf8.ValidString(t.Text):
		return fieldErr(field+".text", ErrInvalidUTF8)
	case !sourceFormats[t.SourceFormat]:
		return fieldErrf(field+".sourceFormat", ErrInvalidValue, "%q: want pdf, docx, html, text or builtin", t.SourceFormat)
	case utf8.RuneCountInString(t.FileName) > MaxFileNameLength:
		return fieldErrf(field+".fileName", ErrTooLong, "at most %d characters", MaxFileNameLength)
	}
	for _, r := range t.FileName {
		if r < 0x20 || r == 0x7f {
			return fieldErr(field+".fileName", ErrControlChar)
		}
	}
	return nil
}

// Entry is one document of a native file with its annotations.
type Entry struct {
	// Symbol, Title and TextSHA256 are what the file says of the document.
	Symbol, Title, TextSHA256 string
	// Text is the document's text, nil when the file does not carry it.
	Text *Text
	// Annotations are the document's annotations in file order, each
	// checked on its own (Validate) and filed under Symbol, not anchored
	// in any text: Anchor does that.
	Annotations []Annotation
}

// Collection is a native file read whole by ReadCollection: every document
// it holds.
type Collection struct {
	// Version is the file's version: 1 and 2 hold one document.
	Version int
	// Exported is when the file was written.
	Exported time.Time
	// Entries are the documents in file order.
	Entries []Entry
}

// Symbols returns the symbols of the documents, in file order.
func (c *Collection) Symbols() []string {
	out := make([]string, len(c.Entries))
	for i, e := range c.Entries {
		out[i] = e.Symbol
	}
	return out
}

// Entry returns the document of this symbol, or nil.
func (c *Collection) Entry(symbol string) *Entry {
	for i := range c.Entries {
		if c.Entries[i].Symbol == symbol {
			return &c.Entries[i]
		}
	}
	return nil
}

// Total is the number of annotations of every document.
func (c *Collection) Total() int {
	n := 0
	for _, e := range c.Entries {
		n += len(e.Annotations)
	}
	return n
}

// ErrNotNative is the error of ReadCollection for a W3C file: it holds the
// annotations of one document, and is imported into that document.
var ErrNotNative = errors.New("a W3C Web Annotation file holds no document: import it into the document it was made on")

// ReadCollection reads a native file of any version, checking all of it
// as Read does (size, encoding, nesting, format and version, every
// document and every annotation, ids unique in the file), and returns
// every document it holds, with its text if the file carries it. Nothing
// is anchored: an Entry's Anchor does that once the document's text is
// known. A W3C file is an error wrapping ErrNotNative.
func ReadCollection(data []byte) (*Collection, error) {
	r, err := NewCollectionReading(data)
	if err != nil {
		return nil, err
	}
	r.Step(0)
	return r.Collection()
}

// NewCollectionReading starts reading a native file as ReadCollection
// does, in steps (see Reading); Collection gives the result.
func NewCollectionReading(data []byte) (*Reading, error) {
	f, err := Detect(data)
	if err != nil {
		return nil, err
	}
	if f != Native {
		return nil, ErrNotNative
	}
	return NewReading(nil, data, ImportOptions{})
}

// Collection returns what a Reading made by NewCollectionReading read,
// once Step reported it finished.
func (r *Reading) Collection() (*Collection, error) {
	if r.stage != Finished {
		return nil, errors.New("annotations: Collection called before the reading finished")
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.collection == nil {
		return nil, errors.New("annotations: Collection of a reading made for one document")
	}
	return r.collection, nil
}

// collect puts the annotations read in the entries of the collection.
func (r *Reading) collect() {
	c := r.collection
	for _, it := range r.items {
		i := max(it.entry, 0)
		it.a.Document = c.Entries[i].Symbol
		c.Entries[i].Annotations = append(c.Entries[i].Annotations, it.a)
	}
	for i := range c.Entries {
		if c.Entries[i].Annotations == nil {
			c.Entries[i].Annotations = []Annotation{}
		}
	}
	r.items = nil
}

// Detect tells what kind of annotation file data is, native or W3C, from
// its top-level members, without decoding it (a byte order mark is
// skipped). Data that is neither is an error: ErrSyntax, ErrFormat, ErrCSV
// or ErrTooDeep.
func Detect(data []byte) (Format, error) {
	return detect(bytes.TrimPrefix(data, []byte(byteOrderMark)))
}

// Reading returns a Reading that anchors the entry's annotations in doc,
// as Read anchors those of a file made for doc: the result is the File
// that Set.Plan takes. An entry of another symbol is an error wrapping
// ErrOtherDocument unless opts allows it.
func (e *Entry) Reading(doc *Document, opts ImportOptions) (*Reading, error) {
	if e.Symbol != doc.Symbol && !opts.AllowOtherDocument {
		return nil, fieldErrf("document.symbol", ErrOtherDocument, "the file is for %q, not %q", e.Symbol, doc.Symbol)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	f := &File{
		Format: Native, Symbol: e.Symbol, Title: e.Title, TextSHA256: e.TextSHA256, Text: e.Text,
		OtherDocument: e.Symbol != doc.Symbol,
		TextChanged:   e.TextSHA256 != doc.TextSHA256,
		Annotations:   make([]Annotation, len(e.Annotations)),
	}
	r := &Reading{doc: doc, opts: opts, file: f, stage: Anchoring, fuzzy: work{left: MaxImportFuzzyWork}}
	r.items = make([]readItem, len(e.Annotations))
	for i, a := range e.Annotations {
		a.Document = doc.Symbol
		r.items[i] = readItem{a: a, sel: a.Selectors(), entry: -1}
	}
	return r, nil
}

// Anchor anchors the entry's annotations in doc in one step (see
// Reading).
func (e *Entry) Anchor(doc *Document, opts ImportOptions) (*File, error) {
	r, err := e.Reading(doc, opts)
	if err != nil {
		return nil, err
	}
	r.Step(0)
	return r.Result()
}

// EntryOf is the entry of a set's document and annotations (in document
// order, orphans last), with its text or nil.
func EntryOf(s *Set, text *Text) Entry {
	d := s.Document()
	return Entry{Symbol: d.Symbol, Title: d.Title, TextSHA256: d.TextSHA256, Text: text, Annotations: s.All()}
}

// ExportEntries writes documents and their annotations as one native
// file: version 2 (as ExportJSON) when it is one document without its
// text, so that readers of version 2 read it too, else version 3. The
// annotations are written in the order given, each filed under its entry
// whatever its Document says. now gives the "exported" time (nil:
// time.Now). It refuses entries that would make a file ReadCollection
// refuses: no symbol, a symbol twice, an invalid text or annotation, an id
// twice, more than MaxAnnotations annotations (ErrTooMany) or more than
// MaxFileSize bytes (ErrTooLarge).
func ExportEntries(entries []Entry, now func() time.Time) ([]byte, error) {
	total := 0
	seen := map[string]bool{}
	ids := map[string]bool{}
	for i, e := range entries {
		field := fmt.Sprintf("documents[%d].document", i)
		switch {
		case e.Symbol == "":
			return nil, fieldErr(field+".symbol", ErrMissing)
		case seen[e.Symbol]:
			return nil, fieldErrf(field+".symbol", ErrInvalidValue, "%q is given twice", e.Symbol)
		case e.TextSHA256 != "" && !validSHA256(e.TextSHA256):
			return nil, fieldErrf(field+".textSHA256", ErrInvalidValue, "%q is not 64 lowercase hex digits", e.TextSHA256)
		}
		seen[e.Symbol] = true
		if e.Text != nil {
			if err := e.Text.validate(field); err != nil {
				return nil, err
			}
		}
		for j, a := range e.Annotations {
			if ferr := validate(a); ferr != nil {
				ferr.Document, ferr.Index = e.Symbol, j
				return nil, ferr
			}
			if ids[a.ID] {
				return nil, &FieldError{Document: e.Symbol, Index: j, ID: a.ID, Field: "id", Err: ErrDuplicateID}
			}
			ids[a.ID] = true
		}
		total += len(e.Annotations)
	}
	if err := checkExportCount(total); err != nil {
		return nil, err
	}
	exported := clock(now)
	if len(entries) == 1 && entries[0].Text == nil {
		e := entries[0]
		doc := &Document{Symbol: e.Symbol, Title: e.Title, TextSHA256: e.TextSHA256}
		return encodeNative(doc, e.Annotations, exported)
	}
	f := nativeFileV3{
		Format:    NativeFormat,
		Version:   NativeVersion,
		Exported:  formatTime(exported),
		Documents: make([]nativeEntry, len(entries)),
	}
	for i, e := range entries {
		d := nativeDocumentV3{Symbol: e.Symbol, Title: e.Title, TextSHA256: e.TextSHA256}
		if e.Text != nil {
			d.Text, d.SourceFormat, d.FileName = e.Text.Text, e.Text.SourceFormat, e.Text.FileName
		}
		as := make([]nativeAnnotation, len(e.Annotations))
		for j, a := range e.Annotations {
			as[j] = toNative(a)
		}
		f.Documents[i] = nativeEntry{Document: d, Annotations: as}
	}
	return marshalChecked(f)
}
