package app

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/resolution"
)

// seedDoc is the seed resolution, parsed.
func seedDoc(t *testing.T) *resolution.Document {
	t.Helper()
	doc, err := resolution.Parse(resolution.Seed())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestTheAnnotationDocumentIsTheParsedSeed(t *testing.T) {
	// annotations/testdata/seed-clauses.json is the fixture package
	// annotations tests with; it must be what the parser gives.
	data, err := os.ReadFile("../annotations/testdata/seed-clauses.json")
	if err != nil {
		t.Fatal(err)
	}
	var fixture struct {
		Symbol, Title, Body, Session, Adopted string
		Clauses                               []annotations.Clause `json:"clauses"`
	}
	if err := json.Unmarshal(data, &fixture); err != nil {
		t.Fatal(err)
	}
	adoc, err := AnnotationDocument(seedDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	got := [...]string{adoc.Symbol, adoc.Title, adoc.Body, adoc.Session, adoc.Adopted, adoc.Date}
	if want := [...]string{fixture.Symbol, fixture.Title, fixture.Body, fixture.Session, fixture.Adopted, ""}; got != want {
		t.Errorf("symbol, title, body, session, adopted, date: got %q, want %q", got, want)
	}
	if want := annotations.ClausesSHA256(fixture.Clauses); adoc.TextSHA256 != want {
		t.Errorf("the text hash %s is not the hash of the clauses, %s", adoc.TextSHA256, want)
	}
	if len(adoc.Clauses) != len(fixture.Clauses) {
		t.Fatalf("got %d clauses, want %d", len(adoc.Clauses), len(fixture.Clauses))
	}
	for i, c := range adoc.Clauses {
		if c != fixture.Clauses[i] {
			t.Errorf("clause %d: got %+v, want %+v", i, c, fixture.Clauses[i])
		}
	}
}

func TestEachClauseOfTheAnnotationDocumentSaysItsPart(t *testing.T) {
	parse := func(name string) *annotations.Document {
		t.Helper()
		data, err := os.ReadFile("../resolution/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := resolution.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		adoc, err := AnnotationDocument(doc)
		if err != nil {
			t.Fatal(err)
		}
		if adoc.TextSHA256 != doc.TextSHA256() {
			t.Errorf("%s: the text hash changed", name)
		}
		return adoc
	}
	part := func(d *annotations.Document, id string) annotations.Part {
		t.Helper()
		c, ok := d.Clause(id)
		if !ok {
			t.Fatalf("%s has no clause %s", d.Symbol, id)
		}
		return c.Part
	}
	// The draft S/2022/158: "Acting under Chapter VII", paragraphs 23 and
	// 24, then two annexes, the second with lettered points.
	draft := parse("annexes-i-ii.txt")
	if draft.Date != "28 February 2022" || draft.Adopted != "" || draft.Body != "Security Council" {
		t.Errorf("date %q, adopted %q, body %q: want the date under the distribution, no adoption, the Security Council", draft.Date, draft.Adopted, draft.Body)
	}
	// A/HRC/RES/54/99 (a test text): a preambular paragraph with lettered
	// points, an operative one with points and sub-points.
	hrc := parse("subparagraphs.txt")
	if hrc.Adopted != "12 October 2023" || hrc.Session != "Fifty-fourth session" {
		t.Errorf("adopted %q, session %q", hrc.Adopted, hrc.Session)
	}
	for _, c := range []struct {
		doc  *annotations.Document
		id   string
		want annotations.Part
	}{
		{draft, "pp1", annotations.Preamble},
		{draft, "op24", annotations.OperativePart},
		{draft, "annex1.p1", annotations.AnnexPart},
		{draft, "annex2.p1.a", annotations.AnnexPart},
		{hrc, "pp3.a", annotations.Preamble},
		{hrc, "op2.a.ii", annotations.OperativePart},
	} {
		if got := part(c.doc, c.id); got != c.want {
			t.Errorf("%s %s: part %v, want %v", c.doc.Symbol, c.id, got, c.want)
		}
	}
	// A text whose structure was not recognised: paragraphs in no part.
	notes, err := resolution.Parse([]byte("Notes\n\nWe met.\n\nWe agreed.\n"))
	if err != nil {
		t.Fatal(err)
	}
	adoc, err := AnnotationDocument(notes)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range adoc.Clauses {
		if c.Part != annotations.Unknown {
			t.Errorf("%s of a text not recognised: part %v, want none", c.ID, c.Part)
		}
	}
	if len(adoc.Clauses) == 0 {
		t.Error("the notes have no clauses")
	}
}

func TestATextWithNoSymbolIsNamedByItsText(t *testing.T) {
	name := func(text string) *annotations.Document {
		t.Helper()
		doc, err := resolution.Parse([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		adoc, err := AnnotationDocument(doc)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		return adoc
	}
	a, again, b := name("Notes\n\nWe met.\n"), name("Notes\n\nWe met.\n"), name("Notes\n\nWe met twice.\n")
	if !strings.HasPrefix(a.Symbol, UntitledSymbolPrefix) || len(a.Symbol) != len(UntitledSymbolPrefix)+12 {
		t.Errorf("symbol %q: want %s and 12 hex digits", a.Symbol, UntitledSymbolPrefix)
	}
	if a.Symbol != again.Symbol || a.Source != again.Source {
		t.Errorf("the same text got two names: %q %q", a.Symbol, again.Symbol)
	}
	if a.Symbol == b.Symbol {
		t.Errorf("two texts share the name %q", a.Symbol)
	}
	if a.Source != "urn:sha256:"+a.TextSHA256 {
		t.Errorf("source %q", a.Source)
	}
	if got := name("").Symbol; !strings.HasPrefix(got, UntitledSymbolPrefix) {
		t.Errorf("an empty text: symbol %q", got)
	}
}

func TestExportFileNames(t *testing.T) {
	day := time.Date(2026, 11, 27, 23, 59, 0, 0, time.UTC)
	cases := []struct {
		symbol string
		f      exportFormat
		want   string
	}{
		{"A/HRC/RES/53/11", exportJSON, "A-HRC-RES-53-11-annotations-2026-11-27.json"},
		{"A/HRC/RES/53/11", exportW3C, "A-HRC-RES-53-11-annotations-2026-11-27.w3c.jsonld"},
		{"A/RES/73/8", exportMarkdown, "A-RES-73-8-annotations-2026-11-27.md"},
		{"S/RES/2712 (2023)", exportCSV, "S-RES-2712--2023--annotations-2026-11-27.csv"},
	}
	for _, c := range cases {
		if got := exportFileName(c.symbol, c.f, day); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestTargetClause(t *testing.T) {
	cases := map[string]string{
		"op21":             "op21",
		"fnref-pp8-1":      "pp8",
		"fnref-pp8-1-2":    "pp8",
		"fnref-op6.a-12":   "op6.a",
		"fn3":              "fn3",
		"":                 "",
		"fnref-":           "fnref-",
		"fnref-op6.a.ii-4": "op6.a.ii",
	}
	for in, want := range cases {
		if got := targetClause(in); got != want {
			t.Errorf("targetClause(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestFilterAnnotations(t *testing.T) {
	as := []annotations.Annotation{
		{ID: "1", Tag: annotations.Request, Exact: "Requests the Office", Note: ""},
		{ID: "2", Tag: annotations.Concern, Exact: "Expresses its concern", Note: "Écarter ce paragraphe"},
		{ID: "3", Tag: annotations.Request, Exact: "Urges States", Note: "écarter"},
	}
	// byTag is what each tag chip counts: the matches of the search, of
	// every tag.
	cases := []struct {
		f     panelFilter
		limit int
		want  []string
		total int
		byTag annotations.Counts
	}{
		{panelFilter{}, 10, []string{"1", "2", "3"}, 3, annotations.Counts{Request: 2, Concern: 1}},
		{panelFilter{Tag: annotations.Request}, 10, []string{"1", "3"}, 2, annotations.Counts{Request: 2, Concern: 1}},
		{panelFilter{Query: "ÉCARTER"}, 10, []string{"2", "3"}, 2, annotations.Counts{Request: 1, Concern: 1}},
		{panelFilter{Query: "office"}, 10, []string{"1"}, 1, annotations.Counts{Request: 1}},
		{panelFilter{Query: "écarter", Tag: annotations.Concern}, 10, []string{"2"}, 1, annotations.Counts{Request: 1, Concern: 1}},
		{panelFilter{Query: "office", Tag: annotations.Concern}, 10, nil, 0, annotations.Counts{Request: 1}},
		{panelFilter{}, 2, []string{"1", "2"}, 3, annotations.Counts{Request: 2, Concern: 1}},
	}
	for _, c := range cases {
		each := func(f func(annotations.Annotation) bool) {
			for _, a := range as {
				if !f(a) {
					return
				}
			}
		}
		got, total, byTag := filterAnnotations(each, c.f, c.limit)
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		if strings.Join(ids, ",") != strings.Join(c.want, ",") || total != c.total {
			t.Errorf("%+v: got %v of %d, want %v of %d", c.f, ids, total, c.want, c.total)
		}
		if byTag != c.byTag {
			t.Errorf("%+v: counts per tag %+v, want %+v", c.f, byTag, c.byTag)
		}
	}
}

func TestThePainterRendersTheDocumentsState(t *testing.T) {
	doc := seedDoc(t)
	d, err := newOpenDoc(doc, "", newWorkspace(browser.NewFake(), doc))
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.session.Create("op21", 0, 8, annotations.Concern, "")
	if err != nil {
		t.Fatal(err)
	}
	d.paint.setTarget("op21")
	h := d.paint.section(d.paint.parts[1])
	for _, want := range []string{`data-annotation="` + a.ID + `" data-tag="concern" data-start`, ` is-target`, `class="cm-suggest" data-tag="request"`} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %s", want)
		}
	}
	if !strings.HasPrefix(h, `<section id="cm-operative" class="cm-operative" aria-label="Operative part">`) {
		t.Errorf("the section begins %.80s", h)
	}
}
