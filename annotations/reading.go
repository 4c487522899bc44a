package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Reading a file in steps. A file of the largest size Import reads takes
// seconds to decode and, when its annotations do not fit the text, longer to
// re-anchor; done in one call that would freeze a page. A Reading does the
// same work as Read in slices: the caller calls Step with a time budget
// (a few milliseconds), lets the page breathe between calls, shows Progress,
// and takes the Result when Step reports that it is done.
//
//	r, err := annotations.NewReading(doc, data, opts)
//	for err == nil && !r.Step(8 * time.Millisecond) {
//		show(r.Progress()) // and yield to the browser
//	}
//	f, err := r.Result()
//
// Decoding streams the JSON: the file is decoded one annotation at a time, so
// a large file does not need its decoded copy in memory at once.

// Stage is how far a Reading has got.
type Stage int

// The stages of a Reading.
const (
	// Decoding: reading and checking the file, annotation by annotation.
	Decoding Stage = iota
	// Anchoring: finding each annotation in the document's text.
	Anchoring
	// Finished: the result is ready.
	Finished
)

// Progress says how far a Reading has got. In Decoding, Done and Total count
// bytes of the file; in Anchoring, annotations.
type Progress struct {
	Stage       Stage
	Done, Total int
}

// Fraction is the progress from 0 to 1, decoding taking the first half and
// anchoring the second.
func (p Progress) Fraction() float64 {
	part := 0.0
	if p.Total > 0 {
		part = float64(p.Done) / float64(p.Total)
	}
	switch p.Stage {
	case Decoding:
		return part / 2
	case Anchoring:
		return 0.5 + part/2
	}
	return 1
}

// Reading is an annotation file being read in steps (see NewReading).
type Reading struct {
	doc  *Document
	opts ImportOptions
	data []byte
	dec  *json.Decoder
	// decode decodes until the deadline and reports whether it is done.
	decode func(deadline time.Time) (bool, error)
	// finish checks the envelope once everything is decoded.
	finish func() error

	file  *File
	items []readItem
	seen  map[string]string // id → where it was met
	errs  errorList
	count int // annotations met in the file
	// stopped: too many annotations, decoding stops.
	stopped bool
	// collection is what a Reading of NewCollectionReading reads.
	collection *Collection

	stage    Stage
	anchored int
	fuzzy    work // what the fuzzy search of this import may still spend
	err      error
}

// NewReading starts reading an annotation file made for doc, native or W3C
// (see Read). It checks at once what needs no decoding (size, encoding,
// nesting, the kind of file), so that an obviously wrong file is refused
// before any step.
func NewReading(doc *Document, data []byte, opts ImportOptions) (*Reading, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, len(data), MaxFileSize)
	}
	data = bytes.TrimPrefix(data, []byte(byteOrderMark))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%w: at byte %d", ErrInvalidUTF8, invalidUTF8At(data))
	}
	format, err := detect(data)
	if err != nil {
		return nil, err
	}
	if doc == nil && format != Native {
		return nil, ErrNotNative
	}
	r := &Reading{doc: doc, opts: opts, data: data, file: &File{Format: format}, fuzzy: work{left: MaxImportFuzzyWork}}
	if r.opts.Now == nil {
		r.opts.Now = time.Now
	}
	r.dec = json.NewDecoder(bytes.NewReader(data))
	if format == Native {
		r.dec.DisallowUnknownFields()
		n := &nativeReader{r: r}
		r.decode, r.finish = n.step, n.finish
	} else {
		r.dec.UseNumber()
		w := &w3cReader{r: r, now: normTime(r.opts.Now())}
		r.decode, r.finish = w.step, w.finish
	}
	return r, nil
}

// byteOrderMark is UTF-8's, which some editors write at the start of a file.
const byteOrderMark = "\uFEFF"

// Step does the next slice of the work, for about budget (at least one
// annotation; the whole file when budget is 0 or less), and reports whether
// the reading is finished: then Result has the file or the error.
func (r *Reading) Step(budget time.Duration) bool {
	var deadline time.Time
	if budget > 0 {
		deadline = time.Now().Add(budget)
	}
	for r.stage != Finished {
		switch r.stage {
		case Decoding:
			done, err := r.decode(deadline)
			if err != nil {
				r.fail(err)
				return true
			}
			if !done {
				return false
			}
			if err := r.finish(); err != nil {
				r.fail(err)
				return true
			}
			if err := r.errs.err(); err != nil {
				r.fail(err)
				return true
			}
			if r.doc == nil {
				r.collect()
				r.stage = Finished
				return true
			}
			r.file.Annotations = make([]Annotation, len(r.items))
			r.stage = Anchoring
		case Anchoring:
			for r.anchored < len(r.items) {
				r.file.anchorOne(r.doc, r.anchored, r.items[r.anchored], &r.fuzzy)
				r.items[r.anchored] = readItem{} // let the decoded copy go
				r.anchored++
				if past(deadline) && r.anchored < len(r.items) {
					return false
				}
			}
			r.items = nil
			r.stage = Finished
		}
	}
	return true
}

// past reports whether a non-zero deadline has passed.
func past(deadline time.Time) bool {
	return !deadline.IsZero() && time.Now().After(deadline)
}

func (r *Reading) fail(err error) {
	r.err, r.stage, r.items, r.file = err, Finished, nil, nil
}

// Progress says how far the reading has got.
func (r *Reading) Progress() Progress {
	switch r.stage {
	case Decoding:
		return Progress{Stage: Decoding, Done: int(r.dec.InputOffset()), Total: len(r.data)}
	case Anchoring:
		return Progress{Stage: Anchoring, Done: r.anchored, Total: len(r.items)}
	}
	return Progress{Stage: Finished, Done: 1, Total: 1}
}

// Result returns the file read, or why it cannot be read. It is an error to
// call it before Step reported that the reading is finished.
func (r *Reading) Result() (*File, error) {
	if r.stage != Finished {
		return nil, errors.New("annotations: Result called before the reading finished")
	}
	return r.file, r.err
}

// add takes one decoded annotation (or its error) of the file, the
// index-th of its document: it checks the limits, validation and duplicate
// ids, and keeps it. It returns the error it kept for the annotation, if
// any. Past MaxAnnotations it sets r.stopped: reading must stop.
func (r *Reading) add(it readItem, ferr *FieldError, index int) *FieldError {
	r.count++
	if r.count > MaxAnnotations {
		r.errs = append(r.errs[:0], fieldErrf(r.itemsField(), ErrTooMany, "more than %d", MaxAnnotations))
		r.stopped = true
		return nil
	}
	if len(r.errs) >= maxErrors {
		return nil // enough said; go on counting
	}
	if ferr == nil {
		if j, dup := r.seen[it.a.ID]; dup {
			ferr = fieldErrf("id", ErrDuplicateID, "same as %s", j)
		}
	}
	if ferr != nil {
		ferr.Index = index
		if ferr.ID == "" {
			ferr.ID = it.a.ID
		}
		r.errs.add(ferr)
		return ferr
	}
	if r.seen == nil {
		r.seen = make(map[string]string)
	}
	r.seen[it.a.ID] = fmt.Sprintf("annotation %d", index)
	if it.entry >= 0 {
		r.seen[it.a.ID] = fmt.Sprintf("annotation %d of document %d", index, it.entry)
	}
	if r.doc != nil {
		it.a.Document = r.doc.Symbol
	}
	r.items = append(r.items, it)
	return nil
}

// itemsField names the list of annotations of the file.
func (r *Reading) itemsField() string {
	if r.file.Format == Native {
		return "annotations"
	}
	return "items"
}

// Read reads an annotation file made for doc, native or W3C (told apart by
// content; a UTF-8 byte order mark is skipped), and validates all of it
// before returning anything: size, encoding, nesting, format and version,
// document, and every field of every annotation (the error then names the
// annotation by index and id, and the field; up to 100 such errors are
// joined). Annotations that do not fit the document's text at their offsets
// are re-anchored; those not found are kept as orphans. Read does not change
// any set: see Set.Import. It is a Reading done in one step.
func Read(doc *Document, data []byte, opts ImportOptions) (*File, error) {
	r, err := NewReading(doc, data, opts)
	if err != nil {
		return nil, err
	}
	r.Step(0)
	return r.Result()
}

// expectDelim reads the next token and checks that it is the delimiter d.
func expectDelim(dec *json.Decoder, d json.Delim, field string) error {
	tok, err := dec.Token()
	if err != nil {
		return syntaxError(err)
	}
	if got, ok := tok.(json.Delim); !ok || got != d {
		return fieldErrf(field, ErrInvalidValue, "want %s, got %v", kindOfDelim(d), tokenKind(tok))
	}
	return nil
}

func kindOfDelim(d json.Delim) string {
	switch d {
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return string(d)
}

func tokenKind(tok any) string {
	switch v := tok.(type) {
	case json.Delim:
		return kindOfDelim(v)
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}

// syntaxError makes a decoder's error a file-level error.
func syntaxError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fieldErrf("", ErrSyntax, "the file ends too early")
	}
	return jsonError(-1, "", err)
}

// fatal reports whether a decoding error leaves the decoder unable to go on
// (a syntax error), as opposed to a value of the wrong type or an unknown
// member, after which the decoder has read the whole value.
func fatal(err error) bool {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return false
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true
	}
	return !isUnknownField(err)
}

// expectEnd checks that nothing but white space follows the JSON value.
func expectEnd(dec *json.Decoder) error {
	if _, err := dec.Token(); err != io.EOF {
		return fieldErrf("", ErrSyntax, "data after the JSON value")
	}
	return nil
}

// isUnknownField reports whether err is the decoder's error for a member the
// target type does not have.
func isUnknownField(err error) bool {
	return err != nil && strings.HasPrefix(err.Error(), "json: unknown field ")
}
