package annotations

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestNativeRoundTripOfTheFixture(t *testing.T) {
	s := fixtureSet(t)
	data, err := ExportJSON(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(s.Document(), data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Format != Native || f.Symbol != s.Document().Symbol || f.TextChanged || !f.Exported.Equal(fixedNow()) {
		t.Errorf("file: %+v", f)
	}
	if d := diffAnnotations(f.Annotations, s.All()); d != "" {
		t.Error(d)
	}
	if got := len(f.Orphans()); got != 2 {
		t.Errorf("Orphans() = %d, want the fixture's 2", got)
	}
	back := NewSet(s.Document(), fixedNow)
	p := back.Plan(f)
	if _, err := p.Apply(); err != nil {
		t.Fatal(err)
	}
	if d := diffAnnotations(back.All(), s.All()); d != "" {
		t.Error(d)
	}
	again, _ := ExportJSON(back, fixedNow)
	if string(again) != string(data) {
		t.Errorf("export → import → export changed the file")
	}
}

// nativeWith returns a native file of one annotation whose JSON members are
// the fixture's with changes ("-name" removes a member).
func nativeFileWith(envelope map[string]string, annotations ...map[string]string) string {
	base := map[string]string{
		"format": `"clausemark.annotations"`, "version": "1",
		"document": `{"symbol":"A/HRC/RES/53/11","title":"t","textSHA256":""}`,
		"exported": `"2024-03-01T09:30:00.000Z"`,
	}
	for k, v := range envelope {
		base[k] = v
	}
	var anns []string
	for _, changes := range annotations {
		a := map[string]string{
			"id": `"urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d"`, "clause": `"op23"`, "start": "36", "end": "45",
			"exact": `"the funds"`, "prefix": `"s States to continue to support "`, "suffix": `";"`,
			"tag": `"request"`, "note": `""`, "created": `"2024-02-20T14:05:00.000Z"`, "modified": `"2024-02-20T14:05:00.000Z"`,
		}
		for k, v := range changes {
			if strings.HasPrefix(k, "-") {
				delete(a, k[1:])
			} else {
				a[k] = v
			}
		}
		anns = append(anns, object(a))
	}
	if _, ok := envelope["annotations"]; !ok {
		base["annotations"] = "[" + strings.Join(anns, ",") + "]"
	}
	for k := range envelope {
		if strings.HasPrefix(k, "-") {
			delete(base, k[1:])
		}
	}
	return object(base)
}

func object(m map[string]string) string {
	var parts []string
	for _, k := range []string{"format", "version", "document", "exported", "annotations", "id", "clause", "start", "end", "exact", "prefix", "suffix", "tag", "labels", "note", "author", "created", "modified", "extra"} {
		if v, ok := m[k]; ok {
			parts = append(parts, fmt.Sprintf("%q:%s", k, v))
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func TestReadNativeAcceptsAMinimalFile(t *testing.T) {
	doc := seedDoc(t)
	f, err := Read(doc, []byte(nativeFileWith(nil, map[string]string{"-prefix": "", "-suffix": "", "-note": ""})), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := f.Annotations[0]
	if a.Prefix != "s States to continue to support " || a.Suffix != ";" || a.Document != doc.Symbol {
		t.Errorf("got %+v, want the context described from the text", a)
	}
	if !f.TextChanged {
		t.Errorf("TextChanged is false for a file without a hash")
	}
}

func TestReadNativeRejects(t *testing.T) {
	doc := seedDoc(t)
	second := map[string]string{"id": `"urn:uuid:1b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d"`}
	tests := []struct {
		name  string
		file  string
		index int    // -1 for the file
		field string // "" to skip
		err   error
	}{
		{"a wrong format name", nativeFileWith(map[string]string{"format": `"clausemark.notes"`}, nil), -1, "format", ErrFormat},
		{"a newer version", nativeFileWith(map[string]string{"version": "4"}, nil), -1, "version", ErrVersion},
		{"version 0", nativeFileWith(map[string]string{"version": "0"}, nil), -1, "version", ErrVersion},
		{"labels in a version 1 file", nativeFileWith(nil, map[string]string{"labels": `["UNGA"]`}), 0, "labels", ErrInvalidValue},
		{"a member given twice", strings.Replace(nativeFileWith(nil, nil), `"version":1,`, `"version":1,"version":1,`, 1), -1, "version", ErrInvalidValue},
		{"a version that is a string", nativeFileWith(map[string]string{"version": `"1"`}, nil), -1, "version", ErrInvalidValue},
		{"no annotations member", nativeFileWith(map[string]string{"-annotations": ""}, nil), -1, "annotations", ErrMissing},
		{"another document", nativeFileWith(map[string]string{"document": `{"symbol":"A/RES/73/6"}`}, nil), -1, "document.symbol", ErrOtherDocument},
		{"a bad text hash", nativeFileWith(map[string]string{"document": `{"symbol":"A/HRC/RES/53/11","textSHA256":"abc"}`}, nil), -1, "document.textSHA256", ErrInvalidValue},
		{"an exported time without Z", nativeFileWith(map[string]string{"exported": `"2024-03-01T09:30:00+01:00"`}, nil), -1, "exported", ErrInvalidTime},
		{"an unknown envelope member", `{"format":"clausemark.annotations","version":1,"document":{"symbol":"A/HRC/RES/53/11"},"exported":"2024-03-01T09:30:00Z","annotations":[],"extra":1}`, -1, "extra", ErrInvalidValue},
		{"duplicate ids", nativeFileWith(nil, nil, nil), 1, "id", ErrDuplicateID},
		{"a bad tag", nativeFileWith(nil, nil, map[string]string{"id": second["id"], "tag": `"Commitment"`}), 1, "tag", ErrInvalidTag},
		{"a missing tag", nativeFileWith(nil, map[string]string{"-tag": ""}), 0, "tag", ErrMissing},
		{"a bad created time", nativeFileWith(nil, map[string]string{"created": `"20 Feb 2024"`}), 0, "created", ErrInvalidTime},
		{"a local modified time", nativeFileWith(nil, map[string]string{"modified": `"2024-02-20T15:05:00+01:00"`}), 0, "modified", ErrInvalidTime},
		{"a negative start", nativeFileWith(nil, map[string]string{"start": "-1"}), 0, "start", ErrOutOfRange},
		{"a start that is not an integer", nativeFileWith(nil, map[string]string{"start": "1.5"}), 0, "start", ErrInvalidValue},
		{"a zero-length range", nativeFileWith(nil, map[string]string{"end": "36"}), 0, "end", ErrZeroLength},
		{"an exact longer than its range", nativeFileWith(nil, map[string]string{"exact": `"the fundss"`}), 0, "exact", ErrLength},
		{"an unknown annotation member", nativeFileWith(nil, map[string]string{"extra": "true"}), 0, "extra", ErrInvalidValue},
		{"a note over the limit", nativeFileWith(nil, map[string]string{"note": `"` + strings.Repeat("é", MaxNoteLength+1) + `"`}), 0, "note", ErrTooLong},
		{"an id that is not a urn:uuid", nativeFileWith(nil, map[string]string{"id": `"42"`}), 0, "id", ErrInvalidID},
		{"not JSON", `{"format":`, -1, "", ErrSyntax},
		{"data after the JSON", nativeFileWith(nil, nil) + " {}", -1, "", ErrSyntax},
		{"invalid UTF-8", strings.Replace(nativeFileWith(nil, nil), `"the funds"`, "\"the \xff\"", 1), -1, "", ErrInvalidUTF8},
		{"deep nesting", nativeFileWith(map[string]string{"document": strings.Repeat("[", 40) + strings.Repeat("]", 40)}, nil), -1, "", ErrTooDeep},
		{"neither format", `{"hello":"world"}`, -1, "", ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(doc, []byte(tt.file), ImportOptions{})
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			if tt.field == "" {
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a *FieldError", err)
			}
			if fe.Field != tt.field || fe.Index != tt.index {
				t.Errorf("got field %q index %d, want %q %d (%v)", fe.Field, fe.Index, tt.field, tt.index, err)
			}
			if fe.Index >= 0 && !strings.Contains(err.Error(), fmt.Sprintf("annotation %d (", fe.Index)) {
				t.Errorf("message %q does not name the annotation", err)
			}
		})
	}
}

func TestReadRejectsHugeFiles(t *testing.T) {
	doc := seedDoc(t)
	big := make([]byte, MaxFileSize+1)
	if _, err := Read(doc, big, ImportOptions{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
	many := `{"format":"clausemark.annotations","version":1,"document":{"symbol":"A/HRC/RES/53/11"},"exported":"2024-03-01T09:30:00Z","annotations":[` +
		strings.Repeat("{},", MaxAnnotations) + `{}]}`
	if _, err := Read(doc, []byte(many), ImportOptions{}); !errors.Is(err, ErrTooMany) {
		t.Errorf("got %v, want ErrTooMany", err)
	}
}

func TestReadReportsEveryBadAnnotation(t *testing.T) {
	doc := seedDoc(t)
	var anns []map[string]string
	for i := range 3 {
		anns = append(anns, map[string]string{"id": fmt.Sprintf(`"urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4%d"`, i), "tag": `"x"`})
	}
	_, err := Read(doc, []byte(nativeFileWith(nil, anns...)), ImportOptions{})
	for i := range 3 {
		if !strings.Contains(fmt.Sprint(err), fmt.Sprintf("annotation %d (urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4%d): tag", i, i)) {
			t.Errorf("error does not name annotation %d: %v", i, err)
		}
	}
}

func TestReadNativeOfARevisedTextReanchors(t *testing.T) {
	orig := fixtureSet(t)
	data, _ := ExportJSON(orig, fixedNow)
	revised := docWith(t, insertOperative(t, seedClausesCopy(t), 21, newOP21))
	f, err := Read(revised, data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !f.TextChanged {
		t.Errorf("TextChanged = false for a revised text")
	}
	moved := map[string]string{}
	for _, r := range f.Reanchored {
		if !r.To.Orphan() {
			moved[r.ID] = r.To.Clause
		}
	}
	// The op21 and op23 annotations move to op22 and op24; the orphans stay
	// orphans. "Requests" at the start of op21 stays in the new op21, which
	// starts with the same 40 code points: its context (32) cannot tell.
	if len(moved) != 2 || len(f.Orphans()) != 2 {
		t.Errorf("moved %v and %d orphans, want 2 moved and 2 orphans", moved, len(f.Orphans()))
	}
	for _, a := range f.Annotations {
		if _, ok := moved[a.ID]; ok && !revised.Fits(a) {
			t.Errorf("%s moved but does not fit: %+v", a.ID, a)
		}
	}

	t.Run("another symbol is refused unless allowed", func(t *testing.T) {
		other, err := NewDocument(Document{Symbol: "A/HRC/53/L.10", Clauses: revised.Clauses})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Read(other, data, ImportOptions{}); !errors.Is(err, ErrOtherDocument) {
			t.Errorf("got %v, want ErrOtherDocument", err)
		}
		f, err := Read(other, data, ImportOptions{AllowOtherDocument: true})
		if err != nil || !f.OtherDocument || len(f.Annotations) != fixtureSet(t).Len() {
			t.Errorf("with AllowOtherDocument: %v, %+v", err, f)
		}
	})
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, in string
		want     Format
		err      error
	}{
		{"a native file", `{"version":1, "format":"clausemark.annotations"}`, Native, nil},
		{"a W3C collection", ` {"@context":"http://www.w3.org/ns/anno.jsonld"}`, W3C, nil},
		{"an array", "\n[ ]", W3C, nil},
		{"a format member nested deeper does not count", `{"x":{"format":1},"y":["format"]}`, "", ErrFormat},
		{"a format value does not count", `{"x":"format"}`, "", ErrFormat},
		{"an escaped quote in a string", `{"x":"a\"format","type":"Annotation"}`, W3C, nil},
		{"a string", `"format"`, "", ErrSyntax},
		{"nothing", "  ", "", ErrSyntax},
		{"nesting of 33 levels", strings.Repeat("[", 33) + strings.Repeat("]", 33), "", ErrTooDeep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := detect([]byte(tt.in))
			if got != tt.want || !errors.Is(err, tt.err) {
				t.Errorf("detect = %q, %v; want %q, %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func TestExportOfAnEmptySetSaysEmptyArrays(t *testing.T) {
	s := NewSet(seedDoc(t), fixedNow)
	for name, export := range map[string]func(*Set, func() time.Time) ([]byte, error){"native": ExportJSON, "W3C": ExportW3C} {
		data, err := export(s, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "null") || !strings.Contains(string(data), "[]") {
			t.Errorf("%s: %s", name, data)
		}
		if _, err := Read(s.Document(), data, ImportOptions{}); err != nil {
			t.Errorf("%s: reading it back: %v", name, err)
		}
	}
}
