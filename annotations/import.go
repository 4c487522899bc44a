package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// File-level errors of Read and Import (some wrapped in a *FieldError naming
// the member).
var (
	ErrTooLarge      = errors.New("file too large")
	ErrTooDeep       = errors.New("JSON nested too deeply")
	ErrTooMany       = errors.New("too many annotations")
	ErrSyntax        = errors.New("not valid JSON")
	ErrFormat        = errors.New("not a Clausemark or W3C Web Annotation file")
	ErrVersion       = errors.New("unsupported version")
	ErrOtherDocument = errors.New("annotations of another document")
	// ErrCSV is the error for a spreadsheet given to import.
	ErrCSV = errors.New("CSV files are for spreadsheets: import a Clausemark .json or a W3C .jsonld file")
)

// Format is the kind of an annotation file.
type Format string

// The formats Import reads.
const (
	Native Format = "native" // NativeFormat, version NativeVersion
	W3C    Format = "w3c"    // W3C Web Annotation JSON-LD
)

// ImportOptions change how a file is read.
type ImportOptions struct {
	// AllowOtherDocument accepts a file made on another document (another
	// symbol, or for W3C files another source): every annotation is then
	// re-anchored by its quote. Without it such a file is an error wrapping
	// ErrOtherDocument.
	AllowOtherDocument bool
	// Now is the import time, given to W3C annotations that have no
	// creation time (nil: time.Now).
	Now func() time.Time
}

// File is an annotation file read by Read: every annotation validated, then
// anchored in the document.
type File struct {
	Format Format
	// Version is the version of a native file.
	Version int
	// Symbol, Title and TextSHA256 are what a native file says of its
	// document; Source is the target source of a W3C file.
	Symbol, Title, TextSHA256, Source string
	// Exported is when the file was written (W3C: "generated", if given).
	Exported time.Time
	// OtherDocument is set when the file is for another document (only
	// with ImportOptions.AllowOtherDocument).
	OtherDocument bool
	// TextChanged is set when a native file's text hash differs from the
	// document's: the text was revised since.
	TextChanged bool
	// Text is the text of the document, when a native file (version 3)
	// carries it.
	Text *Text
	// Annotations are the annotations of the file in file order, moved
	// where re-anchoring found them; orphans are kept as they were.
	Annotations []Annotation
	// Reanchored lists the annotations that did not fit the text as they
	// were: moved ones and orphans.
	Reanchored []Reanchored
	// Undated are the ids of the annotations of a W3C file that had no
	// creation time: they are dated at the import (ImportOptions.Now), and
	// the preview should say so.
	Undated []string
}

// Reanchored is an annotation of a file that did not fit the document's
// text at its offsets.
type Reanchored struct {
	// Index is the annotation's position in the file.
	Index int
	ID    string
	// From are the selectors in the file; To is where they were found
	// (To.Orphan() when nowhere).
	From Selectors
	To   Match
}

// Orphans returns the annotations of the file that could not be anchored.
func (f *File) Orphans() []Annotation {
	var out []Annotation
	for _, r := range f.Reanchored {
		if r.To.Orphan() {
			out = append(out, f.Annotations[r.Index])
		}
	}
	return out
}

// readItem is an annotation read from a file with the selectors to anchor.
type readItem struct {
	a   Annotation
	sel Selectors
	// alts are other selectors to try, in order, when sel does not anchor
	// (W3C files: other readings of a position, the quote without footnote
	// markers).
	alts []Selectors
	// undated: the file gave no time; the annotation is dated at the import.
	undated bool
	// entry is the document of a version 3 native file the annotation is
	// of (documents[entry]); -1 for other files.
	entry int
}

// anchorItem anchors an item: its selectors, else the first alternative
// that anchors, the fuzzy search spending at most MaxFuzzyWork of budget.
// It returns the match and the selectors described there.
func anchorItem(doc *Document, it readItem, budget *work) (Match, Selectors) {
	w := &work{left: min(MaxFuzzyWork, budget.left)}
	before := w.left
	m := doc.anchorWithin(it.sel, w)
	for i := 0; m.Orphan() && i < len(it.alts); i++ {
		m = doc.anchorWithin(it.alts[i], w)
	}
	budget.left -= before - max(w.left, 0)
	if m.Orphan() {
		return m, Selectors{}
	}
	found, _ := doc.Describe(m.Clause, m.Start, m.End)
	return m, found
}

// anchorOne anchors the item read at position i of the file in the
// document and stores it in f.Annotations (f.Reanchored too if it did not fit
// as it was).
func (f *File) anchorOne(doc *Document, i int, it readItem, budget *work) {
	a := it.a
	if it.undated {
		f.Undated = append(f.Undated, a.ID)
	}
	if it.sel.HasPosition && doc.Fits(a) {
		sel, _ := doc.Describe(a.Clause, a.Start, a.End)
		a.Prefix, a.Suffix = sel.Prefix, sel.Suffix
		f.Annotations[i] = a
		return
	}
	m, found := anchorItem(doc, it, budget)
	switch {
	case !m.Orphan():
		a.Clause, a.Start, a.End = m.Clause, m.Start, m.End
		a.Exact, a.Prefix, a.Suffix = found.Exact, found.Prefix, found.Suffix
	case !it.sel.HasPosition:
		// An orphan without a position has no clause (the W3C
		// fragment, if any, was only a hint): see Annotation.
		a.Clause, a.Start, a.End = "", 0, runeLen(a.Exact)
	}
	f.Annotations[i] = a
	f.Reanchored = append(f.Reanchored, Reanchored{Index: i, ID: a.ID, From: it.sel, To: m})
}

// detect tells a native file from a W3C one by its top-level members
// ("format" for native; "@context" or "type" for W3C), or by a top-level
// array (W3C). It also rejects JSON nested deeper than MaxDepth, before any
// decoding: one scan of the bytes, strings skipped.
func detect(data []byte) (Format, error) {
	depth := 0
	inString, isKey := false, false
	keyStart := 0
	expectKey := false // at depth 1, the next string is a member name
	var first byte
	native, w3c := false, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
				if isKey {
					switch string(data[keyStart:i]) {
					case "format":
						native = true
					case "@context", "type":
						w3c = true
					}
				}
			}
			continue
		}
		if first == 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			first = c
		}
		switch c {
		case '"':
			inString, isKey, keyStart = true, depth == 1 && expectKey, i+1
			expectKey = false
		case '[', '{':
			depth++
			expectKey = c == '{' && depth == 1
			if depth > MaxDepth {
				return "", fmt.Errorf("%w: more than %d levels at byte %d", ErrTooDeep, MaxDepth, i)
			}
		case ']', '}':
			depth--
		case ',':
			expectKey = depth == 1 && first == '{'
		}
	}
	switch {
	case first == 0:
		return "", fmt.Errorf("%w: empty file", ErrSyntax)
	case first == '[':
		return W3C, nil
	case first != '{' && looksLikeCSV(data):
		return "", ErrCSV
	case first != '{':
		return "", fmt.Errorf("%w: this is not an annotation file (import a Clausemark .json or a W3C .jsonld file)", ErrSyntax)
	case native:
		return Native, nil
	case w3c:
		return W3C, nil
	}
	return "", ErrFormat
}

// looksLikeCSV reports whether the first line of data is a row of several
// cells (separated by commas, semicolons or tabs), as a CSV file's header.
func looksLikeCSV(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSpace(line)
	if len(line) == 0 || line[0] == '"' && bytes.Count(line, []byte(`"`)) < 2 {
		return false
	}
	for _, sep := range []string{",", ";", "\t"} {
		if bytes.Count(line, []byte(sep)) >= 1 && len(bytes.TrimSpace(bytes.Split(line, []byte(sep))[0])) > 0 {
			return true
		}
	}
	return false
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// jsonError turns a decoding error into a *FieldError naming the member.
func jsonError(index int, id string, err error) *FieldError {
	fe := &FieldError{Index: index, ID: id}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		fe.Field = typeErr.Field
		fe.Err = fmt.Errorf("%w: a JSON %s where %s is expected", ErrInvalidValue, typeErr.Value, jsonKind(typeErr.Type.Kind().String()))
	case errors.As(err, &syntaxErr):
		fe.Err = fmt.Errorf("%w: %v at byte %d", ErrSyntax, syntaxErr, syntaxErr.Offset)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		fe.Field = strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		fe.Err = fmt.Errorf("%w: unknown member", ErrInvalidValue)
	case errors.Is(err, ErrSyntax):
		fe.Err = err
	default:
		fe.Err = fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	return fe
}

func jsonKind(k string) string {
	switch k {
	case "int", "int64":
		return "an integer"
	case "string":
		return "a string"
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	case "ptr":
		return "a value"
	}
	return "a " + k
}

// errorList collects up to maxErrors field errors.
type errorList []error

const maxErrors = 100

// add appends e and reports whether the list is full.
func (l *errorList) add(e *FieldError) bool {
	*l = append(*l, e)
	return len(*l) >= maxErrors
}

func (l errorList) err() error {
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	return errors.Join(l...)
}
