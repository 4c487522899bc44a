package annotations

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// draftText is a text as a native file of version 3 carries it: what the
// parser reads, with markdown markers, line breaks and non-ASCII letters.
const draftText = "United Nations A/HRC/53/L.12\n\n**Human Rights Council**\n\n*The Human Rights Council,*\n\nRéaffirmant « les principes »,\n\n1. *Requests* the High Commissioner…\n"

// twoEntries is a collection of the fixture's document with its text and a
// draft of another symbol without text, each with annotations.
func twoEntries(t *testing.T) []Entry {
	t.Helper()
	fixture := EntryOf(fixtureSet(t), &Text{Text: draftText, SourceFormat: "pdf", FileName: "A_HRC_53_L.12 (E).pdf"})
	draftDoc, err := NewDocument(Document{Symbol: "A/HRC/53/L.12", Title: "Enhancement — draft", Clauses: insertOperative(t, seedClausesCopy(t), 21, newOP21)})
	if err != nil {
		t.Fatal(err)
	}
	draft := NewSet(draftDoc, fixedNow)
	if _, err := draft.Add(mustAnnotation(t, draftDoc, "draft-op21", "op21", "a report on the activities of the funds", Request, "in the draft only")); err != nil {
		t.Fatal(err)
	}
	return []Entry{fixture, EntryOf(draft, nil)}
}

func TestCollectionRoundTripIsExact(t *testing.T) {
	entries := twoEntries(t)
	data, err := ExportEntries(entries, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "collection.json", data)
	c, err := ReadCollection(data)
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != NativeVersion || !c.Exported.Equal(fixedNow()) || len(c.Entries) != 2 {
		t.Fatalf("collection: version %d, exported %v, %d documents; want %d, %v, 2", c.Version, c.Exported, len(c.Entries), NativeVersion, fixedNow())
	}
	for i, want := range entries {
		got := c.Entries[i]
		if got.Symbol != want.Symbol || got.Title != want.Title || got.TextSHA256 != want.TextSHA256 || !reflect.DeepEqual(got.Text, want.Text) {
			t.Errorf("document %d: got %q %q %q %+v, want %q %q %q %+v", i, got.Symbol, got.Title, got.TextSHA256, got.Text, want.Symbol, want.Title, want.TextSHA256, want.Text)
		}
		if d := diffAnnotations(got.Annotations, want.Annotations); d != "" {
			t.Errorf("document %d: %s", i, d)
		}
	}
	again, err := ExportEntries(c.Entries, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(data) {
		t.Errorf("read → export changed the file")
	}
}

func TestExportEntriesWritesVersion2WhenItCan(t *testing.T) {
	s := fixtureSet(t)
	one, err := ExportEntries([]Entry{EntryOf(s, nil)}, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	single, err := ExportJSON(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if string(one) != string(single) {
		t.Errorf("one document without its text: ExportEntries differs from ExportJSON (version 2)")
	}
	withText, err := ExportEntries([]Entry{EntryOf(s, &Text{Text: draftText})}, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ReadCollection(withText)
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != 3 || c.Entries[0].Text == nil || c.Entries[0].Text.Text != draftText {
		t.Errorf("one document with its text: version %d, text %+v; want version 3 with the text", c.Version, c.Entries[0].Text)
	}
}

func TestReadCollectionReadsOlderVersions(t *testing.T) {
	for _, name := range []string{filepath.Join("testdata", "v1", "fixture.json"), filepath.Join("testdata", "golden", "fixture.json")} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := ReadCollection(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := fixtureSet(t)
		if len(c.Entries) != 1 || c.Entries[0].Symbol != want.Document().Symbol || c.Entries[0].Text != nil {
			t.Fatalf("%s: %d documents, %+v", name, len(c.Entries), c.Entries)
		}
		// The file holds the fixture's annotations as exported: compare
		// with what Read makes of it in the fixture's document.
		f, err := Read(want.Document(), data, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d := diffAnnotations(c.Entries[0].Annotations, f.Annotations); d != "" {
			t.Errorf("%s: %s", name, d)
		}
	}
}

func TestReadPicksItsDocumentInAFileOfSeveral(t *testing.T) {
	entries := twoEntries(t)
	data, err := ExportEntries(entries, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	doc := seedDoc(t)
	f, err := Read(doc, data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Symbol != doc.Symbol || f.Version != 3 || f.Text == nil || f.Text.FileName != "A_HRC_53_L.12 (E).pdf" {
		t.Errorf("file: %+v", f)
	}
	if d := diffAnnotations(f.Annotations, fixtureSet(t).All()); d != "" {
		t.Error(d)
	}

	t.Run("a document the file lacks", func(t *testing.T) {
		other, err := NewDocument(Document{Symbol: "A/RES/73/6", Clauses: doc.Clauses})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Read(other, data, ImportOptions{AllowOtherDocument: true})
		if !errors.Is(err, ErrOtherDocument) || !strings.Contains(err.Error(), `"A/HRC/53/L.12"`) {
			t.Errorf("got %v, want ErrOtherDocument naming the documents of the file", err)
		}
	})
	t.Run("into a set, as an import", func(t *testing.T) {
		s := NewSet(doc, fixedNow)
		p, err := s.Import(data, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Apply(); err != nil {
			t.Fatal(err)
		}
		if s.Len() != fixtureSet(t).Len() {
			t.Errorf("imported %d annotations, want the fixture's %d", s.Len(), fixtureSet(t).Len())
		}
	})
}

func TestEntryAnchorsInARevisedText(t *testing.T) {
	data, err := ExportEntries(twoEntries(t), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ReadCollection(data)
	if err != nil {
		t.Fatal(err)
	}
	revised := docWith(t, insertOperative(t, seedClausesCopy(t), 21, newOP21))
	f, err := c.Entries[0].Anchor(revised, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// As TestReadNativeOfARevisedTextReanchors: two moved, two orphans.
	if !f.TextChanged || len(f.Reanchored) != 4 || len(f.Orphans()) != 2 {
		t.Errorf("TextChanged %v, %d re-anchored, %d orphans; want true, 4, 2", f.TextChanged, len(f.Reanchored), len(f.Orphans()))
	}
	if _, err := c.Entries[1].Anchor(revised, ImportOptions{}); !errors.Is(err, ErrOtherDocument) {
		t.Errorf("anchoring the draft's annotations in the resolution: %v, want ErrOtherDocument", err)
	}
	s := NewSet(revised, fixedNow)
	if _, err := s.Plan(f).Apply(); err != nil {
		t.Fatal(err)
	}
	if s.Len() != len(c.Entries[0].Annotations) {
		t.Errorf("the plan added %d, want %d", s.Len(), len(c.Entries[0].Annotations))
	}
}

func TestReadCollectionRejects(t *testing.T) {
	v3 := func(documents string) string {
		return `{"format":"clausemark.annotations","version":3,"exported":"2024-03-01T09:30:00.000Z","documents":[` + documents + `]}`
	}
	ann := func(id string) string {
		return `{"id":"urn:uuid:` + id + `","clause":"op23","start":36,"end":45,"exact":"the funds","tag":"request","created":"2024-02-20T14:05:00.000Z","modified":"2024-02-20T14:05:00.000Z"}`
	}
	const id1, id2 = "0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d", "1b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d"
	tests := []struct {
		name, file, field string
		err               error
	}{
		{"a symbol twice", v3(`{"document":{"symbol":"S/1"},"annotations":[]},{"document":{"symbol":"S/1"},"annotations":[]}`), "documents[1].document.symbol", ErrInvalidValue},
		{"a document without symbol", v3(`{"document":{"title":"x"},"annotations":[]}`), "documents[0].document.symbol", ErrMissing},
		{"a document without annotations", v3(`{"document":{"symbol":"S/1"}}`), "documents[0].annotations", ErrMissing},
		{"an unknown member of a document", v3(`{"document":{"symbol":"S/1"},"annotations":[],"notes":1}`), "documents[0].notes", ErrInvalidValue},
		{"an unknown member of its document", v3(`{"document":{"symbol":"S/1","author":"x"},"annotations":[]}`), "documents[0].document.author", ErrInvalidValue},
		{"a source format without text", v3(`{"document":{"symbol":"S/1","sourceFormat":"pdf"},"annotations":[]}`), "documents[0].document.sourceFormat", ErrInvalidValue},
		{"an unknown source format", v3(`{"document":{"symbol":"S/1","text":"x","sourceFormat":"odt"},"annotations":[]}`), "documents[0].document.sourceFormat", ErrInvalidValue},
		{"an empty text", v3(`{"document":{"symbol":"S/1","text":""},"annotations":[]}`), "documents[0].document.text", ErrInvalidValue},
		{"a file name of two lines", v3(`{"document":{"symbol":"S/1","text":"x","fileName":"a\nb"},"annotations":[]}`), "documents[0].document.fileName", ErrControlChar},
		{"an id in two documents", v3(`{"document":{"symbol":"S/1"},"annotations":[` + ann(id1) + `]},{"document":{"symbol":"S/2"},"annotations":[` + ann(id2) + `,` + ann(id1) + `]}`), "id", ErrDuplicateID},
		{"a bad tag in the second document", v3(`{"document":{"symbol":"S/1"},"annotations":[` + ann(id1) + `]},{"document":{"symbol":"S/2"},"annotations":[` + strings.Replace(ann(id2), `"request"`, `"urgent"`, 1) + `]}`), "tag", ErrInvalidTag},
		{"documents in version 2", `{"format":"clausemark.annotations","version":2,"exported":"2024-03-01T09:30:00.000Z","documents":[]}`, "documents", ErrInvalidValue},
		{"a text in version 2", `{"format":"clausemark.annotations","version":2,"exported":"2024-03-01T09:30:00.000Z","document":{"symbol":"S/1","text":"x"},"annotations":[]}`, "document.text", ErrInvalidValue},
		{"a document in version 3", `{"format":"clausemark.annotations","version":3,"exported":"2024-03-01T09:30:00.000Z","document":{"symbol":"S/1"},"documents":[]}`, "document", ErrInvalidValue},
		{"version 4", strings.Replace(v3(""), `"version":3`, `"version":4`, 1), "version", ErrVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCollection([]byte(tt.file))
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("got %v (%#v), want a *FieldError on %q", err, fe, tt.field)
			}
			if fe.Index >= 0 && fe.Document != "S/2" {
				t.Errorf("the error of an annotation names document %q, want S/2: %v", fe.Document, err)
			}
			if fe.Index >= 0 && !strings.HasPrefix(err.Error(), "document S/2: annotation ") {
				t.Errorf("message %q does not name the document and the annotation", err)
			}
		})
	}
	if _, err := ReadCollection([]byte(`[{"type":"Annotation"}]`)); !errors.Is(err, ErrNotNative) {
		t.Errorf("a W3C file: %v, want ErrNotNative", err)
	}
}

func TestExportEntriesRefusesWhatCannotBeRead(t *testing.T) {
	good := twoEntries(t)
	dupSymbol := append([]Entry{}, good[0], good[0])
	dupSymbol[1].Annotations = nil
	dupID := append([]Entry{}, good...)
	dupID[1].Annotations = append([]Annotation{}, good[0].Annotations[0])
	bigText := append([]Entry{}, good...)
	bigText[0].Text = &Text{Text: strings.Repeat("x", MaxTextSize+1)}
	for name, es := range map[string][]Entry{"a symbol twice": dupSymbol, "an id twice": dupID, "a text too large": bigText, "no symbol": {{}}} {
		if _, err := ExportEntries(es, fixedNow); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	empty, err := ExportEntries(nil, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ReadCollection(empty)
	if err != nil || len(c.Entries) != 0 || strings.Contains(string(empty), "null") {
		t.Errorf("no documents: %s → %+v, %v", empty, c, err)
	}
}

func TestCollectionReadingGoesInSteps(t *testing.T) {
	s := randomSet(t, seedDoc(t), 2000, 3)
	data, err := ExportEntries([]Entry{EntryOf(s, &Text{Text: draftText})}, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewCollectionReading(data)
	if err != nil {
		t.Fatal(err)
	}
	steps := 0
	for !r.Step(time.Nanosecond) {
		steps++
	}
	c, err := r.Collection()
	if err != nil {
		t.Fatal(err)
	}
	if steps < 2 || len(c.Entries[0].Annotations) != 2000 {
		t.Errorf("%d steps, %d annotations; want several steps and 2000", steps, len(c.Entries[0].Annotations))
	}
}
