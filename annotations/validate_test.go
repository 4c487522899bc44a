package annotations

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func validAnnotation() Annotation {
	t := time.Date(2024, 2, 20, 14, 5, 0, 0, time.UTC)
	return Annotation{
		ID: "urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d", Clause: "op21", Start: 0, End: 8,
		Exact: "Requests", Suffix: " the Office", Tag: Request, Note: "Voir « ceci » 👍🏽",
		Author: "Délégation du Sénégal", Created: t, Modified: t.Add(time.Hour),
	}
}

func TestValidateAcceptsAValidAnnotation(t *testing.T) {
	if err := Validate(validAnnotation()); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

func TestValidateNamesTheFieldAndTheReason(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Annotation)
		field  string
		err    error
	}{
		{"no id", func(a *Annotation) { a.ID = "" }, "id", ErrMissing},
		{"an id that is not a urn:uuid", func(a *Annotation) { a.ID = "ann-1" }, "id", ErrInvalidID},
		{"a clause id with a slash", func(a *Annotation) { a.Clause = "op/1" }, "clause", ErrInvalidValue},
		{"a negative start", func(a *Annotation) { a.Start = -1 }, "start", ErrOutOfRange},
		{"an end beyond any clause", func(a *Annotation) { a.End = MaxOffset + 1 }, "end", ErrOutOfRange},
		{"a zero-length range", func(a *Annotation) { a.End = a.Start }, "end", ErrZeroLength},
		{"no exact", func(a *Annotation) { a.Exact = "" }, "exact", ErrMissing},
		{"an exact longer than the range", func(a *Annotation) { a.Exact = "Requestsé" }, "exact", ErrLength},
		{"an exact that is not UTF-8", func(a *Annotation) { a.Exact = "Request\xff" }, "exact", ErrInvalidUTF8},
		{"a prefix of 33 code points", func(a *Annotation) { a.Prefix = strings.Repeat("é", 33) }, "prefix", ErrTooLong},
		{"a suffix of 33 code points", func(a *Annotation) { a.Suffix = strings.Repeat("👍", 33) }, "suffix", ErrTooLong},
		{"a label twice", func(a *Annotation) { a.Labels = []string{"UNGA", "UNGA"} }, "labels[1]", ErrInvalidValue},
		{"an empty label", func(a *Annotation) { a.Labels = []string{""} }, "labels[0]", ErrInvalidValue},
		{"a label with spaces around", func(a *Annotation) { a.Labels = []string{" UNGA"} }, "labels[0]", ErrInvalidValue},
		{"a label of two lines", func(a *Annotation) { a.Labels = []string{"UN\nGA"} }, "labels[0]", ErrControlChar},
		{"a label over the limit", func(a *Annotation) { a.Labels = []string{strings.Repeat("é", MaxLabelLength+1)} }, "labels[0]", ErrTooLong},
		{"too many labels", func(a *Annotation) { a.Labels = manyLabels(MaxLabels + 1) }, "labels", ErrTooLong},
		{"an unknown tag", func(a *Annotation) { a.Tag = "Important" }, "tag", ErrInvalidTag},
		{"a note over the limit", func(a *Annotation) { a.Note = strings.Repeat("ü", MaxNoteLength+1) }, "note", ErrTooLong},
		{"a note that is not UTF-8", func(a *Annotation) { a.Note = "\xc3" }, "note", ErrInvalidUTF8},
		{"an author over the limit", func(a *Annotation) { a.Author = strings.Repeat("a", MaxAuthorLength+1) }, "author", ErrTooLong},
		{"an author with a newline", func(a *Annotation) { a.Author = "France\nGermany" }, "author", ErrControlChar},
		{"no created time", func(a *Annotation) { a.Created = time.Time{} }, "created", ErrMissing},
		{"no modified time", func(a *Annotation) { a.Modified = time.Time{} }, "modified", ErrMissing},
		{"modified before created", func(a *Annotation) { a.Modified = a.Created.Add(-time.Second) }, "modified", ErrTimeOrder},
		{"no clause but a start", func(a *Annotation) { a.Clause = ""; a.Start, a.End = 1, 9 }, "start", ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAnnotation()
			tt.change(&a)
			err := Validate(a)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Validate: got %v, want a *FieldError", err)
			}
			if fe.Field != tt.field {
				t.Errorf("field: got %q, want %q (%v)", fe.Field, tt.field, err)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("error: got %q, want one wrapping %q", err, tt.err)
			}
			if fe.ID != a.ID {
				t.Errorf("id: got %q, want %q", fe.ID, a.ID)
			}
		})
	}
}

func TestValidateAcceptsAnyUnicodeInNotes(t *testing.T) {
	a := validAnnotation()
	a.Note = "Ligne 1\nLigne 2\t— “quoted” e\u0301 東京 👍🏽 \u200d\u202e"
	if err := Validate(a); err != nil {
		t.Errorf("Validate: %v", err)
	}
	a.Note = strings.Repeat("👍", MaxNoteLength)
	if err := Validate(a); err != nil {
		t.Errorf("Validate of a note of exactly MaxNoteLength code points: %v", err)
	}
}

func TestFieldErrorMessage(t *testing.T) {
	e := &FieldError{Index: 3, ID: "urn:uuid:x", Field: "tag", Err: ErrInvalidTag}
	if got, want := e.Error(), `annotation 3 (urn:uuid:x): tag: not "commitment", "request" or "concern"`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in      string
		utcOnly bool
		want    string
		ok      bool
	}{
		{"2024-02-20T14:05:00Z", true, "2024-02-20T14:05:00.000Z", true},
		{"2024-02-20T14:05:00.123456Z", true, "2024-02-20T14:05:00.123Z", true},
		{"2024-02-20T15:05:00+01:00", true, "", false},
		{"2024-02-20T15:05:00+01:00", false, "2024-02-20T14:05:00.000Z", true},
		{"2024-02-20 14:05:00Z", true, "", false},
		{"yesterday", false, "", false},
		{"0000-01-01T00:00:00Z", true, "", false},
	}
	for _, tt := range tests {
		got, err := parseTime(tt.in, tt.utcOnly)
		if (err == nil) != tt.ok {
			t.Errorf("parseTime(%q): err = %v, want ok = %v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && formatTime(got) != tt.want {
			t.Errorf("parseTime(%q) = %q, want %q", tt.in, formatTime(got), tt.want)
		}
	}
}

func manyLabels(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "label " + itoa(i)
	}
	return out
}

func TestAnAnnotationMayHaveNoTagAndLabels(t *testing.T) {
	a := mustAnnotation(t, seedDoc(t), "untagged", "op23", "the funds", "", "")
	a.Labels = manyLabels(MaxLabels)
	if err := Validate(a); err != nil {
		t.Errorf("Validate(untagged, %d labels) = %v", MaxLabels, err)
	}
}
