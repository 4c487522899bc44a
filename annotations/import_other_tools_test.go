package annotations

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// Files of other tools: what they write must import, annotation by
// annotation, never refused whole for one annotation.

// w3cFile wraps annotations (JSON objects) in a W3C collection.
func w3cFile(items ...string) string {
	return `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[` +
		strings.Join(items, ",") + `]}}`
}

// w3cQuoteItem is an annotation of another tool on a quote of the seed.
func w3cQuoteItem(id, bodies, times, selectors string) string {
	s := `{"id":"` + id + `","type":"Annotation",` + times
	if bodies != "" {
		s += `"body":` + bodies + `,`
	}
	return s + `"target":{"source":"https://undocs.org/A/HRC/RES/53/11","selector":` + selectors + `}}`
}

const importTime = "2024-05-06T07:08:09.010Z"

func importNow() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 10e6, time.UTC) }

func TestAW3CAnnotationWithoutCreatedGetsTheImportTime(t *testing.T) {
	doc := seedDoc(t)
	quote := `{"type":"TextQuoteSelector","exact":"non-traditional donor countries"}`
	file := w3cFile(
		w3cQuoteItem("https://example.org/a/1", `{"purpose":"tagging","value":"request"}`, ``, quote),
		w3cQuoteItem("https://example.org/a/2", `{"purpose":"tagging","value":"concern"}`, `"modified":"2024-01-02T03:04:05Z",`,
			`{"type":"TextQuoteSelector","exact":"the funds","prefix":"support ","suffix":";"}`),
	)
	opts := ImportOptions{Now: importNow}
	s := NewSet(doc, fixedNow)
	p, err := s.Import([]byte(file), opts)
	if err != nil {
		t.Fatalf("the file is refused: %v", err)
	}
	undated, dated := p.File.Annotations[0], p.File.Annotations[1]
	if formatTime(undated.Created) != importTime || !undated.Modified.Equal(undated.Created) {
		t.Errorf("without times: created %v, modified %v, want the import time", undated.Created, undated.Modified)
	}
	if formatTime(dated.Created) != "2024-01-02T03:04:05.000Z" {
		t.Errorf("with modified only: created %v, want the modified time", dated.Created)
	}
	if !slices.Equal(p.File.Undated, []string{undated.ID}) {
		t.Errorf("Undated = %v, want the first annotation only", p.File.Undated)
	}
	if !strings.Contains(p.Summary(), "1 without a time, dated at this import") {
		t.Errorf("the preview does not say so: %q", p.Summary())
	}
	if _, err := p.Apply(); err != nil {
		t.Fatal(err)
	}
	t.Run("importing the same file again changes nothing", func(t *testing.T) {
		later := ImportOptions{Now: func() time.Time { return importNow().Add(time.Hour) }}
		p, err := s.Import([]byte(file), later)
		if err != nil {
			t.Fatal(err)
		}
		if p.Changes() != 0 || len(p.Unchanged) != 2 {
			t.Errorf("second import: %s", p.Summary())
		}
	})
	t.Run("an edited undated annotation keeps both", func(t *testing.T) {
		edited := strings.Replace(file, `"value":"request"`, `"value":"commitment"`, 1)
		p, err := s.Import([]byte(edited), ImportOptions{Now: importNow})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Conflicts) != 1 || p.Conflicts[0].Kind != Undated || p.Conflicts[0].Copy == nil || p.Conflicts[0].Copy.Tag != Commitment {
			t.Fatalf("got %+v, want an Undated conflict with a copy", p.Conflicts)
		}
		if _, err := p.Apply(); err != nil {
			t.Fatal(err)
		}
		again, _ := s.Import([]byte(edited), ImportOptions{Now: importNow})
		if again.Changes() != 0 {
			t.Errorf("importing it again: %s", again.Summary())
		}
	})
}

func TestTagsOfOtherToolsBecomeTagsOrLabels(t *testing.T) {
	doc := seedDoc(t)
	quote := func(exact string) string { return `{"type":"TextQuoteSelector","exact":"` + exact + `"}` }
	created := `"created":"2024-01-10T08:00:00Z",`
	tests := []struct {
		name, bodies string
		tag          Tag
		labels       []string
		note         string
	}{
		{"a tag with a capital", `{"type":"TextualBody","purpose":"tagging","value":"Request"}`, Request, nil, ""},
		{"a synonym", `{"purpose":"tagging","value":"#Concerns"}`, Concern, nil, ""},
		{"a free tag", `[{"purpose":"tagging","value":"UNGA"}]`, "", []string{"UNGA"}, ""},
		{"a free tag and a known one", `[{"purpose":"tagging","value":"UNGA"},{"purpose":"tagging","value":"pledge"}]`, Commitment, []string{"UNGA"}, ""},
		{"two known tags", `[{"purpose":"tagging","value":"request"},{"purpose":"tagging","value":"concern"}]`, Request, []string{"concern"}, ""},
		{"no tagging body", `{"type":"TextualBody","value":"Worth a look","purpose":"commenting"}`, "", nil, "Worth a look"},
		{"no body at all", ``, "", nil, ""},
		{"untidy free tags", `[{"purpose":"tagging","value":"  follow\nup "},{"purpose":"tagging","value":"follow up"},{"purpose":"tagging","value":"` + strings.Repeat("x", 150) + `"},{"purpose":"tagging","value":" "}]`,
			"", []string{"follow up", strings.Repeat("x", MaxLabelLength)}, ""},
	}
	quotes := []string{"non-traditional donor countries", "technical cooperation", "the Charter of the United Nations", "enhancement of international cooperation in the field of human rights", "voluntary contributions", "the funds", "dialogue", "cultural diversity"}
	var items []string
	for i, tt := range tests {
		items = append(items, w3cQuoteItem("https://example.org/t/"+itoa(i), tt.bodies, created, quote(quotes[i])))
	}
	f, err := Read(doc, []byte(w3cFile(items...)), ImportOptions{})
	if err != nil {
		t.Fatalf("the file is refused: %v", err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := f.Annotations[i]
			if a.Tag != tt.tag || !slices.Equal(a.Labels, tt.labels) || a.Note != tt.note {
				t.Errorf("tag %q labels %q note %q, want %q %q %q", a.Tag, a.Labels, a.Note, tt.tag, tt.labels, tt.note)
			}
		})
	}
	t.Run("labels and untagged annotations are exported again", func(t *testing.T) {
		s := NewSet(doc, fixedNow)
		p := s.Plan(f)
		if _, err := p.Apply(); err != nil {
			t.Fatal(err)
		}
		for name, export := range map[string]func(*Set, func() time.Time) ([]byte, error){"native": ExportJSON, "W3C": ExportW3C} {
			data, err := export(s, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(doc, data, ImportOptions{})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if d := diffAnnotations(back.Annotations, s.All()); d != "" {
				t.Errorf("%s: %s", name, d)
			}
		}
	})
}

func TestParseTag(t *testing.T) {
	for in, want := range map[string]Tag{
		"commitment": Commitment, "Commitment": Commitment, " COMMITMENTS ": Commitment, "pledge": Commitment,
		"Request": Request, "requests": Request, "#request": Request, "ask": Request,
		"concern": Concern, "Concerns": Concern, "concerned": Concern, "worry": Concern,
	} {
		if got, ok := ParseTag(in); !ok || got != want {
			t.Errorf("ParseTag(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"UNGA", "", "important", "request later", "commitmentx"} {
		if got, ok := ParseTag(in); ok {
			t.Errorf("ParseTag(%q) = %q, want none", in, got)
		}
	}
}

func TestAQuoteCopiedWithFootnoteMarkersAnchors(t *testing.T) {
	doc := seedDoc(t)
	created := `"created":"2024-01-10T08:00:00Z",`
	tag := `{"purpose":"tagging","value":"concern"}`
	tests := []struct {
		name, selector, clause, exact string
	}{
		{"a marker at the end", `{"type":"TextQuoteSelector","exact":"at its fifty-second session,¹"}`, "pp8", "at its fifty-second session,"},
		{"a marker inside, and in the context", `{"type":"TextQuoteSelector","exact":"Programme of Action,² and their role","prefix":"Durban Declaration and ","suffix":" in the enhancement"}`,
			"pp10", "Programme of Action, and their role"},
		{"a marker in a quote with a fragment", `{"type":"FragmentSelector","value":"op20","refinedBy":{"type":"TextQuoteSelector","exact":"in the Field of Human Rights;⁴"}}`, "op20", "in the Field of Human Rights;"},
	}
	var items []string
	for i, tt := range tests {
		items = append(items, w3cQuoteItem("https://example.org/f/"+itoa(i), tag, created, tt.selector))
	}
	f, err := Read(doc, []byte(w3cFile(items...)), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := f.Annotations[i]
			if !doc.Fits(a) || a.Clause != tt.clause || a.Exact != tt.exact {
				t.Errorf("got %s %q (fits %v), want %s %q", a.Clause, a.Exact, doc.Fits(a), tt.clause, tt.exact)
			}
		})
	}
}

// astralDoc has clauses where code points and UTF-16 units differ (emoji
// outside the Basic Multilingual Plane) and a quote that occurs three times.
func astralDoc(t *testing.T) *Document {
	t.Helper()
	d, err := NewDocument(Document{Symbol: "A/RES/1/1", Clauses: []Clause{
		{ID: "pp1", Label: "PP1", Text: "Noting 😀 the States 𝄞 present,"},
		{ID: "op1", Label: "OP1", Text: "😀 States, 😀 States, 😀 States"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAW3CPositionInUTF16UnitsIsNotMisplaced(t *testing.T) {
	doc := astralDoc(t)
	item := func(selectors string) string {
		return `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d","type":"Annotation",` +
			`"created":"2024-01-10T08:00:00Z","body":{"purpose":"tagging","value":"request"},` +
			`"target":{"source":"https://undocs.org/A/RES/1/1","selector":` + selectors + `}}`
	}
	// "States" in OP1: code points 2, 12, 22; UTF-16 units 3, 14, 25. In
	// the document text (PP1, a line feed, OP1), code points 33, 43, 53;
	// UTF-16 units 36, 47, 58.
	tests := []struct {
		name, selectors string
		start           int
	}{
		{"in the clause, counted in UTF-16 units", `{"type":"FragmentSelector","value":"op1","refinedBy":[{"type":"TextQuoteSelector","exact":"States"},{"type":"TextPositionSelector","start":14,"end":20}]}`, 12},
		{"in the clause, counted in code points", `{"type":"FragmentSelector","value":"op1","refinedBy":[{"type":"TextQuoteSelector","exact":"States"},{"type":"TextPositionSelector","start":22,"end":28}]}`, 22},
		{"in the document, counted in UTF-16 units", `[{"type":"TextQuoteSelector","exact":"States"},{"type":"TextPositionSelector","start":47,"end":53}]`, 12},
		{"in the document, counted in code points", `[{"type":"TextQuoteSelector","exact":"States"},{"type":"TextPositionSelector","start":53,"end":59}]`, 22},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(doc, []byte(item(tt.selectors)), ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			a := f.Annotations[0]
			if a.Clause != "op1" || a.Start != tt.start || !doc.Fits(a) {
				t.Errorf("got %s [%d, %d) %q, want op1 from %d", a.Clause, a.Start, a.End, a.Exact, tt.start)
			}
		})
	}
	t.Run("a position where neither reading finds the quote is not taken", func(t *testing.T) {
		f, err := Read(doc, []byte(item(`[{"type":"TextQuoteSelector","exact":"States"},{"type":"TextPositionSelector","start":0,"end":6}]`)), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if a := f.Annotations[0]; doc.Fits(a) {
			t.Errorf("got %s [%d, %d): an ambiguous quote anchored at a wrong position", a.Clause, a.Start, a.End)
		}
	})
}

func TestTheDocumentTextJoinsTheClausesWithALineFeed(t *testing.T) {
	doc := astralDoc(t)
	want := "Noting 😀 the States 𝄞 present,\n😀 States, 😀 States, 😀 States"
	if got := doc.Text(); got != want || doc.TextLen() != runeLen(want) {
		t.Fatalf("Text() = %q (TextLen %d), want %q", got, doc.TextLen(), want)
	}
	for _, c := range doc.Clauses {
		for off := 0; off <= runeLen(c.Text); off++ {
			at, ok := doc.TextOffset(c.ID, off)
			if !ok || string([]rune(want)[at:at+runeLen(c.Text)-off]) != string([]rune(c.Text)[off:]) {
				t.Fatalf("TextOffset(%s, %d) = %d, %v", c.ID, off, at, ok)
			}
		}
	}
	if _, _, _, ok := doc.Locate(29, 32); ok {
		t.Errorf("Locate of a span across the line feed succeeded")
	}
	if clause, s, e, ok := doc.Locate(33, 39); !ok || clause != "op1" || s != 2 || e != 8 {
		t.Errorf("Locate(33, 39) = %s %d %d %v", clause, s, e, ok)
	}
	if clause, s, e, ok := doc.LocateUTF16(36, 42); !ok || clause != "op1" || s != 2 || e != 8 {
		t.Errorf("LocateUTF16(36, 42) = %s %d %d %v", clause, s, e, ok)
	}
	if _, _, _, ok := doc.LocateUTF16(34, 40); ok {
		t.Errorf("LocateUTF16 inside a surrogate pair succeeded")
	}
}

func TestTheW3CExportsPositionsAndQuotesOverTheDocumentText(t *testing.T) {
	s := fixtureSet(t)
	doc := s.Document()
	text := []rune(doc.Text())
	data, err := ExportW3C(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	v := decodeForSuite(t, data).(map[string]any)
	items := v["first"].(map[string]any)["items"].([]any)
	checked := 0
	for _, it := range items {
		sels := it.(map[string]any)["target"].(map[string]any)["selector"].([]any)
		var quote, pos map[string]any
		for _, x := range sels {
			m := x.(map[string]any)
			switch m["type"] {
			case "TextQuoteSelector":
				quote = m
			case "TextPositionSelector":
				pos = m
			}
		}
		if quote == nil {
			t.Fatalf("an item without a top-level TextQuoteSelector: %v", sels)
		}
		if pos == nil {
			continue // an orphan
		}
		start, _ := jsonInt(pos["start"])
		end, _ := jsonInt(pos["end"])
		exact := quote["exact"].(string)
		if got := string(text[start:end]); got != exact {
			t.Errorf("document text at [%d, %d) is %q, want the quote %q", start, end, got, exact)
		}
		prefix, suffix := quote["prefix"].(string), quote["suffix"].(string)
		if !strings.HasSuffix(string(text[:start]), prefix) || !strings.HasPrefix(string(text[end:]), suffix) ||
			runeLen(prefix) != min(ContextLength, start) || runeLen(suffix) != min(ContextLength, len(text)-end) {
			t.Errorf("context %q … %q does not surround [%d, %d) in the document text", prefix, suffix, start, end)
		}
		checked++
	}
	if checked != s.Len()-s.Counts().Orphans {
		t.Errorf("%d positions checked, want one per anchored annotation", checked)
	}
}

func TestAJSONFileWithAByteOrderMarkImports(t *testing.T) {
	s := fixtureSet(t)
	for name, export := range map[string]func(*Set, func() time.Time) ([]byte, error){"native": ExportJSON, "W3C": ExportW3C} {
		data, err := export(s, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Read(s.Document(), append([]byte(byteOrderMark), data...), ImportOptions{})
		if err != nil {
			t.Errorf("%s with a byte order mark: %v", name, err)
		} else if len(f.Annotations) != s.Len() {
			t.Errorf("%s with a byte order mark: %d annotations", name, len(f.Annotations))
		}
	}
}

func TestACSVFileIsToldToBeForSpreadsheets(t *testing.T) {
	s := fixtureSet(t)
	csv, err := ExportCSV(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"our CSV":                  csv,
		"a CSV with a BOM":         append([]byte(byteOrderMark), csv...),
		"a spreadsheet's with ';'": []byte("Clause;Tag;Note\r\nOP21;request;x\r\n"),
	} {
		_, err := Read(s.Document(), data, ImportOptions{})
		if !errors.Is(err, ErrCSV) || err.Error() != "CSV files are for spreadsheets: import a Clausemark .json or a W3C .jsonld file" {
			t.Errorf("%s: got %v", name, err)
		}
	}
	if _, err := Read(s.Document(), []byte("Notes from the meeting\nnothing else"), ImportOptions{}); errors.Is(err, ErrCSV) || !errors.Is(err, ErrSyntax) ||
		!strings.Contains(err.Error(), "import a Clausemark .json or a W3C .jsonld file") {
		t.Errorf("a text file: got %v", err)
	}
}
