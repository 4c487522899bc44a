package library

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// Document is one document of the library: what the delegate opened, under
// which name, where they stopped reading, and every version of its text.
// It is the record of the "documents" object store; its Summary is kept
// apart (the library page reads only those).
//
// A document is known by its ID, DocumentID of its Symbol. Symbol is the
// symbol its annotations are filed under (annotations.Annotation.Document):
// the symbol of its first version, kept when a later version has another
// one (a draft "A/HRC/53/L.12" adopted as "A/HRC/RES/53/11" stays one
// document, and its annotations follow it to the new text).
type Document struct {
	ID     string `json:"id"`
	Symbol string `json:"symbol"`
	// Name is the delegate's own short name for it ("" for none).
	Name string `json:"name,omitempty"`
	// Added is when it came into the library, Opened when it was last
	// opened (zero: never).
	Added  time.Time `json:"added"`
	Opened time.Time `json:"opened"`
	// Place is where the delegate was in it: the id of the clause at the
	// top of the page ("op21"), "" for the top.
	Place string `json:"place,omitempty"`
	// Builtin marks the resolution that comes with the app.
	Builtin bool `json:"builtin,omitempty"`
	// Versions are the texts of the document, oldest first; the last is the
	// current one, the one shown and annotated.
	Versions []Version `json:"versions"`
}

// Version is one text of a document: a draft, a revision, the adopted
// text, an oral revision.
type Version struct {
	// Number counts the versions of the document from 1, oldest first.
	Number int `json:"number"`
	// Name is what the delegate calls it ("L.12", "L.12/Rev.1", "as
	// adopted", "oral revision 14:30"); NewVersion gives one by default.
	Name string `json:"name"`
	// Added is when it came into the library.
	Added time.Time `json:"added"`
	// Symbol is the symbol the text itself gives ("" if none).
	Symbol string `json:"symbol,omitempty"`
	// Source is the format of the file the text came from: one of the
	// Source constants.
	Source string `json:"source"`
	// FileName is the name of that file ("" when typed, pasted or
	// built in).
	FileName string `json:"fileName,omitempty"`
	// Text is the text in the form resolution.Parse reads (what package
	// extract makes of a PDF, Word or web page).
	Text string `json:"text"`
	// TextSHA256 is resolution.Document.TextSHA256 of the parsed text: what
	// annotation files record of the text they were made on.
	TextSHA256 string `json:"textSHA256"`
	// Review is what became of the annotations of the version before when
	// this one was added (see Revise); nil for a first version.
	Review *Review `json:"review,omitempty"`
}

// The formats a version's text can come from (Version.Source).
const (
	SourcePDF     = "pdf"
	SourceDOCX    = "docx"
	SourceHTML    = "html"
	SourceText    = "text"
	SourceBuiltin = "builtin"
)

// validSource reports whether s is one of the Source constants.
func validSource(s string) bool {
	switch s {
	case SourcePDF, SourceDOCX, SourceHTML, SourceText, SourceBuiltin:
		return true
	}
	return false
}

// Limits of the fields a delegate types.
const (
	// MaxNameLength is the longest name of a document or a version, in
	// code points.
	MaxNameLength = 100
	// MaxTextSize is the largest text of a version, in bytes: what
	// package extract reads from a file (20 MB).
	MaxTextSize = 20 << 20
)

// Errors of the library.
var (
	// ErrNotFound: there is no document with that id.
	ErrNotFound = errors.New("the document is not in the library")
	// ErrExists: a document with that id is in the library already.
	ErrExists = errors.New("the document is in the library already")
	// ErrInvalid: a record is not valid (see Document.Validate).
	ErrInvalid = errors.New("invalid library record")
)

// Current returns the current version: the last one. A document without
// versions (never valid) gives the zero Version.
func (d *Document) Current() Version {
	if len(d.Versions) == 0 {
		return Version{}
	}
	return d.Versions[len(d.Versions)-1]
}

// DisplayName is what the library shows first for a document: its Name,
// else its Symbol.
func (d *Document) DisplayName() string {
	if d.Name != "" {
		return d.Name
	}
	return d.Symbol
}

// Rename sets the delegate's short name: spaces collapsed, at most
// MaxNameLength code points; "" removes it.
func (d *Document) Rename(name string) error {
	name, err := cleanName(name)
	if err != nil {
		return err
	}
	d.Name = name
	return nil
}

// Touch records that the document was opened at t, at place (a clause id,
// "" for the top).
func (d *Document) Touch(t time.Time, place string) {
	d.Opened = t.UTC()
	d.Place = place
}

// AddVersion makes v the current version, numbered after the last one. A
// text identical to the current one (the same TextSHA256) is not added:
// AddVersion then reports false. The name is cleaned as Rename cleans
// names, and defaults as in NewVersion.
func (d *Document) AddVersion(v Version) (bool, error) {
	if cur := d.Current(); cur.TextSHA256 != "" && cur.TextSHA256 == v.TextSHA256 {
		return false, nil
	}
	v.Number = len(d.Versions) + 1
	name, err := cleanName(v.Name)
	if err != nil {
		return false, err
	}
	v.Name = name
	if v.Name == "" {
		v.Name = defaultVersionName(v.Symbol, v.Number)
	}
	if err := v.validate(); err != nil {
		return false, err
	}
	d.Versions = append(d.Versions, v)
	return true, nil
}

// NewVersion makes a version of the text parsed as doc, from a file of the
// given source format and name, added at t. Its Name is name, or else the
// symbol the text gives, or else "Version 1" (AddVersion renumbers it).
func NewVersion(text string, doc *resolution.Document, source, fileName, name string, t time.Time) (Version, error) {
	v := Version{
		Number:     1,
		Name:       name,
		Added:      t.UTC(),
		Symbol:     doc.Symbol,
		Source:     source,
		FileName:   fileName,
		Text:       text,
		TextSHA256: doc.TextSHA256(),
	}
	name, err := cleanName(name)
	if err != nil {
		return Version{}, err
	}
	v.Name = name
	if v.Name == "" {
		v.Name = defaultVersionName(v.Symbol, 1)
	}
	return v, v.validate()
}

// NewDocument makes the library record of a text new to the library: its
// first version (see NewVersion), added at t, filed under the symbol
// AnnotationDocument gives it.
func NewDocument(text string, doc *resolution.Document, source, fileName string, t time.Time) (Document, error) {
	adoc, err := AnnotationDocument(doc, "")
	if err != nil {
		return Document{}, err
	}
	v, err := NewVersion(text, doc, source, fileName, "", t)
	if err != nil {
		return Document{}, err
	}
	d := Document{
		ID:       DocumentID(adoc.Symbol),
		Symbol:   adoc.Symbol,
		Added:    t.UTC(),
		Builtin:  source == SourceBuiltin,
		Versions: []Version{v},
	}
	return d, d.Validate()
}

func defaultVersionName(symbol string, n int) string {
	if symbol != "" {
		return symbol
	}
	return fmt.Sprintf("Version %d", n)
}

// cleanName collapses the spaces of a name typed by the delegate and checks
// its length.
func cleanName(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%w: the name is not valid UTF-8", ErrInvalid)
	}
	s = strings.Join(strings.Fields(s), " ")
	if n := utf8.RuneCountInString(s); n > MaxNameLength {
		return "", fmt.Errorf("%w: the name has %d characters, at most %d", ErrInvalid, n, MaxNameLength)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return "", fmt.Errorf("%w: the name has a control character", ErrInvalid)
		}
	}
	return s, nil
}

// Validate checks what every stored document must be: an id that is
// DocumentID of its symbol, at least one version, versions numbered 1, 2,
// … in order, each with a known source, a text of at most MaxTextSize
// bytes and a text hash, names of at most MaxNameLength code points.
func (d *Document) Validate() error {
	switch {
	case d.Symbol == "":
		return fmt.Errorf("%w: document without a symbol", ErrInvalid)
	case d.ID != DocumentID(d.Symbol):
		return fmt.Errorf("%w: document %q: its id should be %q, the id of its symbol %q", ErrInvalid, d.ID, DocumentID(d.Symbol), d.Symbol)
	case len(d.Versions) == 0:
		return fmt.Errorf("%w: document %q has no version", ErrInvalid, d.ID)
	}
	if n, err := cleanName(d.Name); err != nil || n != d.Name {
		return fmt.Errorf("%w: document %q: its name %q is not a clean name", ErrInvalid, d.ID, d.Name)
	}
	for i, v := range d.Versions {
		if v.Number != i+1 {
			return fmt.Errorf("%w: document %q: version %d is numbered %d", ErrInvalid, d.ID, i+1, v.Number)
		}
		if err := v.validate(); err != nil {
			return fmt.Errorf("document %q: %w", d.ID, err)
		}
	}
	return nil
}

func (v *Version) validate() error {
	switch {
	case !validSource(v.Source):
		return fmt.Errorf("%w: version %d: unknown source format %q", ErrInvalid, v.Number, v.Source)
	case v.Text == "":
		return fmt.Errorf("%w: version %d has no text", ErrInvalid, v.Number)
	case len(v.Text) > MaxTextSize:
		return fmt.Errorf("%w: version %d: the text has %d bytes, at most %d", ErrInvalid, v.Number, len(v.Text), MaxTextSize)
	case !utf8.ValidString(v.Text):
		return fmt.Errorf("%w: version %d: the text is not valid UTF-8", ErrInvalid, v.Number)
	case len(v.TextSHA256) != 64:
		return fmt.Errorf("%w: version %d has no text hash", ErrInvalid, v.Number)
	}
	if n, err := cleanName(v.Name); err != nil || n != v.Name || n == "" {
		return fmt.Errorf("%w: version %d: its name %q is not a clean name", ErrInvalid, v.Number, v.Name)
	}
	if v.Review != nil {
		return v.Review.validate(v.Number)
	}
	return nil
}

// Parse parses the current version's text.
func (d *Document) Parse() (*resolution.Document, error) {
	return resolution.Parse([]byte(d.Current().Text))
}

// DocumentID is the id of a document in URLs, in the app and in the
// library: its symbol with every run of characters other than ASCII
// letters, digits, '.' and '-' made one '-', none at either end
// ("A/HRC/RES/53/11" → "A-HRC-RES-53-11", "S/RES/2719 (2023)" →
// "S-RES-2719-2023"). It is app.DocumentID.
func DocumentID(symbol string) string {
	var b strings.Builder
	dash := false
	for _, r := range symbol {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-'
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// UntitledSymbolPrefix starts the symbol given to a text that has none:
// "untitled-" and the first 12 hex digits of its text hash.
const UntitledSymbolPrefix = "untitled-"

// AnnotationDocument is a parsed text as package annotations sees it (it
// is app.AnnotationDocument): its symbol, title, text hash and clauses in
// document order. A text with no symbol is filed under
// UntitledSymbolPrefix and its hash. When key is not empty it is the
// symbol instead: the Symbol of the library Document, under which the
// annotations of every version are filed.
func AnnotationDocument(doc *resolution.Document, key string) (*annotations.Document, error) {
	var clauses []annotations.Clause
	var walk func(cs []*resolution.Clause, part annotations.Part)
	walk = func(cs []*resolution.Clause, part annotations.Part) {
		for _, c := range cs {
			clauses = append(clauses, annotations.Clause{ID: c.ID, Label: c.Label, Text: c.Text, Part: part})
			walk(c.Children, part)
		}
	}
	// The order of doc.Clauses(), which TextSHA256 hashes.
	operative := annotations.OperativePart
	if !doc.Recognised {
		operative = annotations.Unknown
	}
	walk(doc.Preamble, annotations.Preamble)
	walk(doc.Operative, operative)
	for _, a := range doc.Annexes {
		walk(a.Paragraphs, annotations.AnnexPart)
	}
	d := annotations.Document{
		Symbol:     doc.Symbol,
		Title:      doc.Title,
		TextSHA256: doc.TextSHA256(),
		Body:       doc.Body,
		Session:    doc.Session,
		Date:       doc.Date,
		Adopted:    doc.Adoption.Date,
		Clauses:    clauses,
	}
	if d.Symbol == "" {
		// Text with no symbol (a draft, notes): it is named by its text,
		// so that its annotations are kept, exported and imported for
		// that text and no other.
		d.Symbol = UntitledSymbolPrefix + d.TextSHA256[:12]
		d.Source = "urn:sha256:" + d.TextSHA256
	}
	if key != "" && key != d.Symbol {
		d.Symbol = key
		if d.Source == "" {
			d.Source = "https://undocs.org/" + doc.Symbol
		}
	}
	return annotations.NewDocument(d)
}
