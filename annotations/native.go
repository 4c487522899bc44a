package annotations

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// The native file format (FORMAT.md, schema/clausemark-annotations-v1.schema.json).
const (
	// NativeFormat is the value of the "format" member.
	NativeFormat = "clausemark.annotations"
	// NativeVersion is the version this package writes and reads.
	NativeVersion = 1
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
	ID       string `json:"id"`
	Clause   string `json:"clause"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Exact    string `json:"exact"`
	Prefix   string `json:"prefix"`
	Suffix   string `json:"suffix"`
	Tag      Tag    `json:"tag"`
	Note     string `json:"note"`
	Author   string `json:"author,omitempty"`
	Created  string `json:"created"`
	Modified string `json:"modified"`
}

// ExportJSON writes the set in the native format: every annotation, orphans
// included, in document order, indented with two spaces. now gives the
// "exported" time (nil: time.Now).
func ExportJSON(s *Set, now func() time.Time) ([]byte, error) {
	return encodeNative(s.doc, s.All(), clock(now))
}

func encodeNative(doc *Document, as []Annotation, exported time.Time) ([]byte, error) {
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
			Tag: a.Tag, Note: a.Note, Author: a.Author,
			Created: formatTime(a.Created), Modified: formatTime(a.Modified),
		}
	}
	return marshal(f)
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

// nativeIn is the envelope as read: pointers tell missing members apart.
type nativeIn struct {
	Format      *string            `json:"format"`
	Version     *int               `json:"version"`
	Document    *nativeDocumentIn  `json:"document"`
	Exported    *string            `json:"exported"`
	Annotations *[]json.RawMessage `json:"annotations"`
}

// nativeInFast is nativeIn with the annotations decoded in the same pass.
type nativeInFast struct {
	Format      *string               `json:"format"`
	Version     *int                  `json:"version"`
	Document    *nativeDocumentIn     `json:"document"`
	Exported    *string               `json:"exported"`
	Annotations *[]nativeAnnotationIn `json:"annotations"`
}

type nativeDocumentIn struct {
	Symbol     *string `json:"symbol"`
	Title      *string `json:"title"`
	TextSHA256 *string `json:"textSHA256"`
}

type nativeAnnotationIn struct {
	ID       *string `json:"id"`
	Clause   *string `json:"clause"`
	Start    *int    `json:"start"`
	End      *int    `json:"end"`
	Exact    *string `json:"exact"`
	Prefix   *string `json:"prefix"`
	Suffix   *string `json:"suffix"`
	Tag      *string `json:"tag"`
	Note     *string `json:"note"`
	Author   *string `json:"author"`
	Created  *string `json:"created"`
	Modified *string `json:"modified"`
}

// readNative decodes and validates a native file (whose size, encoding and
// depth were checked).
func readNative(doc *Document, data []byte, opts ImportOptions) (*File, error) {
	// Fast path: one strict decoding of the whole file. If it fails, the
	// annotations are decoded one by one, so that the error can name the
	// annotation at fault.
	var fast nativeInFast
	var in nativeIn
	var parsed []nativeAnnotationIn
	if err := decodeStrict(data, &fast); err == nil {
		in = nativeIn{Format: fast.Format, Version: fast.Version, Document: fast.Document, Exported: fast.Exported}
		if fast.Annotations != nil {
			parsed = *fast.Annotations
			raws := make([]json.RawMessage, len(parsed))
			in.Annotations = &raws
		}
	} else if err := decodeStrict(data, &in); err != nil {
		return nil, jsonError(-1, "", err)
	}
	f := &File{Format: Native}
	var errs errorList
	switch {
	case in.Format == nil:
		return nil, fieldErr("format", ErrMissing)
	case *in.Format != NativeFormat:
		return nil, fieldErrf("format", ErrFormat, "%q, want %q", *in.Format, NativeFormat)
	case in.Version == nil:
		return nil, fieldErr("version", ErrMissing)
	case *in.Version != NativeVersion:
		return nil, fieldErrf("version", ErrVersion, "%d, this version of Clausemark reads %d", *in.Version, NativeVersion)
	case in.Document == nil:
		return nil, fieldErr("document", ErrMissing)
	case in.Document.Symbol == nil || *in.Document.Symbol == "":
		return nil, fieldErr("document.symbol", ErrMissing)
	case in.Exported == nil:
		return nil, fieldErr("exported", ErrMissing)
	case in.Annotations == nil:
		return nil, fieldErr("annotations", ErrMissing)
	}
	f.Symbol = *in.Document.Symbol
	if in.Document.Title != nil {
		f.Title = *in.Document.Title
	}
	if in.Document.TextSHA256 != nil {
		f.TextSHA256 = *in.Document.TextSHA256
		if f.TextSHA256 != "" && !validSHA256(f.TextSHA256) {
			return nil, fieldErrf("document.textSHA256", ErrInvalidValue, "%q is not 64 lowercase hex digits", f.TextSHA256)
		}
	}
	if f.Symbol != doc.Symbol && !opts.AllowOtherDocument {
		return nil, fieldErrf("document.symbol", ErrOtherDocument, "the file is for %q, not %q", f.Symbol, doc.Symbol)
	}
	f.OtherDocument = f.Symbol != doc.Symbol
	f.TextChanged = f.TextSHA256 != doc.TextSHA256
	t, err := parseTime(*in.Exported, true)
	if err != nil {
		return nil, fieldErr("exported", err)
	}
	f.Exported = t
	raws := *in.Annotations
	if len(raws) > MaxAnnotations {
		return nil, fieldErrf("annotations", ErrTooMany, "%d, at most %d", len(raws), MaxAnnotations)
	}

	items := make([]readItem, 0, len(raws))
	seen := make(map[string]int, len(raws))
	for i, raw := range raws {
		var a Annotation
		var ferr *FieldError
		if parsed != nil {
			a, ferr = fromNativeIn(parsed[i])
		} else {
			a, ferr = decodeNativeAnnotation(raw)
		}
		if ferr == nil {
			ferr = validate(a)
		}
		if ferr == nil {
			if j, dup := seen[a.ID]; dup {
				ferr = fieldErrf("id", ErrDuplicateID, "same as annotation %d", j)
			}
			seen[a.ID] = i
		}
		if ferr != nil {
			ferr.Index = i
			if ferr.ID == "" {
				ferr.ID = a.ID
			}
			if errs.add(ferr) {
				break
			}
			continue
		}
		a.Document = doc.Symbol
		items = append(items, readItem{a: a, sel: a.Selectors()})
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	f.anchor(doc, items)
	return f, nil
}

func decodeNativeAnnotation(raw json.RawMessage) (Annotation, *FieldError) {
	var in nativeAnnotationIn
	if err := decodeStrict(raw, &in); err != nil {
		var idOnly struct {
			ID string `json:"id"`
		}
		json.Unmarshal(raw, &idOnly)
		return Annotation{ID: idOnly.ID}, jsonError(-1, idOnly.ID, err)
	}
	return fromNativeIn(in)
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
	var err error
	if a.Created, err = parseTime(*in.Created, true); err != nil {
		return a, &FieldError{ID: a.ID, Field: "created", Err: err}
	}
	if a.Modified, err = parseTime(*in.Modified, true); err != nil {
		return a, &FieldError{ID: a.ID, Field: "modified", Err: err}
	}
	return a, nil
}

// decodeStrict decodes one JSON value, rejecting unknown members and
// trailing data.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: data after the JSON value", ErrSyntax)
	}
	return nil
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
