package annotations

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits. Lengths count code points; a file over any of them is rejected as a
// whole.
const (
	// MaxNoteLength is the longest note.
	MaxNoteLength = 10_000
	// MaxAuthorLength is the longest author (a delegation name).
	MaxAuthorLength = 200
	// MaxQuoteLength is the longest marked text (Exact); the longest clause
	// of the real resolutions is about 1,500.
	MaxQuoteLength = 20_000
	// MaxOffset bounds Start and End.
	MaxOffset = 1 << 20
	// ContextLength is the most code points Prefix and Suffix hold.
	ContextLength = 32
	// MaxLabels is the most labels an annotation has.
	MaxLabels = 32
	// MaxLabelLength is the longest label.
	MaxLabelLength = 100
	// MaxClauseIDLength is the longest clause id.
	MaxClauseIDLength = 64
	// MaxFileSize is the largest file Import reads, in bytes.
	MaxFileSize = 256 << 20
	// MaxAnnotations is the most annotations one file may hold.
	MaxAnnotations = 100_000
	// MaxDepth is the deepest JSON nesting of arrays and objects Import
	// accepts (a native file needs 3, a W3C file about 6).
	MaxDepth = 32
)

// Errors that a FieldError wraps, for errors.Is.
var (
	ErrMissing      = errors.New("missing")
	ErrInvalidID    = errors.New(`not "urn:uuid:" and a lowercase UUID`)
	ErrDuplicateID  = errors.New("duplicate id")
	ErrInvalidTag   = errors.New(`not "commitment", "request" or "concern"`)
	ErrInvalidTime  = errors.New("not an RFC 3339 UTC time ending in Z")
	ErrTimeOrder    = errors.New("before created")
	ErrOutOfRange   = errors.New("out of range")
	ErrZeroLength   = errors.New("empty range (end must be greater than start)")
	ErrLength       = errors.New("does not match end - start")
	ErrTooLong      = errors.New("too long")
	ErrInvalidUTF8  = errors.New("not valid UTF-8")
	ErrControlChar  = errors.New("contains a control character")
	ErrInvalidValue = errors.New("invalid value")
	ErrNotFound     = errors.New("no annotation with this id")
	ErrNoClause     = errors.New("no such clause in the document")
	ErrNotAnchored  = errors.New("does not fit the clause text")
)

// FieldError is a problem with one field of one annotation, or of the file
// when Index is -1 and ID is empty.
type FieldError struct {
	// Document is the symbol of the document whose annotation it is, in a
	// file of several documents (native version 3); "" otherwise.
	Document string
	// Index is the annotation's position in the file (in a file of several
	// documents: among the annotations of its Document), -1 for the file
	// itself or an annotation not read from a file.
	Index int
	// ID is the annotation id, when it is known.
	ID string
	// Field is the JSON field, e.g. "note", "target.selector".
	Field string
	// Err says why, e.g. ErrTooLong.
	Err error
}

func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Document != "" {
		fmt.Fprintf(&b, "document %s: ", e.Document)
	}
	switch {
	case e.Index >= 0:
		fmt.Fprintf(&b, "annotation %d", e.Index)
		if e.ID != "" {
			fmt.Fprintf(&b, " (%s)", e.ID)
		}
		b.WriteString(": ")
	case e.ID != "":
		fmt.Fprintf(&b, "annotation %s: ", e.ID)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field string, err error) *FieldError {
	return &FieldError{Index: -1, Field: field, Err: err}
}

func fieldErrf(field string, base error, format string, args ...any) *FieldError {
	return fieldErr(field, fmt.Errorf("%w: "+format, append([]any{base}, args...)...))
}

// Validate checks the fields of a on their own, without the document: a
// valid id, a clause id, a non-empty range consistent with Exact, context of
// at most ContextLength code points, a tag (or none), labels, text within
// the limits, and times. The error is a *FieldError naming the first field at fault. Whether
// the range fits the clause is Document.Fits.
func Validate(a Annotation) error {
	if err := validate(a); err != nil {
		err.ID = a.ID
		return err
	}
	return nil
}

func validate(a Annotation) *FieldError {
	switch {
	case a.ID == "":
		return fieldErr("id", ErrMissing)
	case !validID(a.ID):
		return fieldErr("id", ErrInvalidID)
	case !validClauseID(a.Clause):
		return fieldErrf("clause", ErrInvalidValue, "%q is not a clause id", a.Clause)
	case a.Start < 0 || a.Start > MaxOffset:
		return fieldErrf("start", ErrOutOfRange, "%d", a.Start)
	case a.End < 0 || a.End > MaxOffset:
		return fieldErrf("end", ErrOutOfRange, "%d", a.End)
	case a.End <= a.Start:
		return fieldErr("end", ErrZeroLength)
	case a.Clause == "" && a.Start != 0:
		return fieldErrf("start", ErrOutOfRange, "%d: an annotation without a clause starts at 0", a.Start)
	case a.Exact == "":
		return fieldErr("exact", ErrMissing)
	}
	if err := checkText("exact", a.Exact, MaxQuoteLength, false); err != nil {
		return err
	}
	if n := runeLen(a.Exact); n != a.End-a.Start {
		return fieldErrf("exact", ErrLength, "%d code points, range %d", n, a.End-a.Start)
	}
	if err := checkText("prefix", a.Prefix, ContextLength, false); err != nil {
		return err
	}
	if err := checkText("suffix", a.Suffix, ContextLength, false); err != nil {
		return err
	}
	if a.Tag != "" && !a.Tag.Valid() {
		return fieldErrf("tag", ErrInvalidTag, "%q", a.Tag)
	}
	if err := checkLabels(a.Labels); err != nil {
		return err
	}
	if err := checkText("note", a.Note, MaxNoteLength, false); err != nil {
		return err
	}
	if err := checkText("author", a.Author, MaxAuthorLength, true); err != nil {
		return err
	}
	if err := checkTime("created", a.Created); err != nil {
		return err
	}
	if err := checkTime("modified", a.Modified); err != nil {
		return err
	}
	if a.Modified.Before(a.Created) {
		return fieldErr("modified", ErrTimeOrder)
	}
	return nil
}

// checkLabels checks an annotation's labels: at most MaxLabels, each one
// line of 1 to MaxLabelLength code points without surrounding spaces, no two
// the same.
func checkLabels(ls []string) *FieldError {
	if len(ls) > MaxLabels {
		return fieldErrf("labels", ErrTooLong, "%d labels, at most %d", len(ls), MaxLabels)
	}
	for i, l := range ls {
		field := fmt.Sprintf("labels[%d]", i)
		if l == "" || strings.TrimSpace(l) != l {
			return fieldErrf(field, ErrInvalidValue, "%q: empty or with surrounding spaces", l)
		}
		if err := checkText(field, l, MaxLabelLength, true); err != nil {
			return err
		}
		for _, m := range ls[:i] {
			if m == l {
				return fieldErrf(field, ErrInvalidValue, "%q twice", l)
			}
		}
	}
	return nil
}

// checkText checks that s is valid UTF-8 of at most max code points and, for
// a single line, free of control characters.
func checkText(field, s string, max int, line bool) *FieldError {
	if !utf8.ValidString(s) {
		return fieldErr(field, ErrInvalidUTF8)
	}
	if len(s) > max { // cheap bound first: a code point is at least one byte
		if n := runeLen(s); n > max {
			return fieldErrf(field, ErrTooLong, "%d code points, at most %d", n, max)
		}
	}
	if line && strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return fieldErr(field, ErrControlChar)
	}
	return nil
}

func checkTime(field string, t time.Time) *FieldError {
	if t.IsZero() {
		return fieldErr(field, ErrMissing)
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fieldErrf(field, ErrInvalidTime, "year %d", y)
	}
	return nil
}

// timeLayout is how files write times: RFC 3339, UTC, milliseconds.
const timeLayout = "2006-01-02T15:04:05.000Z"

// formatTime writes t as the files do.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// normTime is t in UTC at millisecond precision (the precision of files).
func normTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.Truncate(time.Millisecond).UTC()
}

// parseTime reads an RFC 3339 time. With utcOnly it must end in "Z". The
// result is normalised with normTime.
func parseTime(s string, utcOnly bool) (time.Time, error) {
	if utcOnly && !strings.HasSuffix(s, "Z") {
		return time.Time{}, fmt.Errorf("%w: %q", ErrInvalidTime, s)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.IsZero() || t.UTC().Year() < 1 {
		return time.Time{}, fmt.Errorf("%w: %q", ErrInvalidTime, s)
	}
	return normTime(t), nil
}
