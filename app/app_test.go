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
		Clauses []annotations.Clause `json:"clauses"`
	}
	if err := json.Unmarshal(data, &fixture); err != nil {
		t.Fatal(err)
	}
	adoc, err := AnnotationDocument(seedDoc(t))
	if err != nil {
		t.Fatal(err)
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
	cases := []struct {
		f     panelFilter
		limit int
		want  []string
		total int
	}{
		{panelFilter{}, 10, []string{"1", "2", "3"}, 3},
		{panelFilter{Tag: annotations.Request}, 10, []string{"1", "3"}, 2},
		{panelFilter{Query: "ÉCARTER"}, 10, []string{"2", "3"}, 2},
		{panelFilter{Query: "office"}, 10, []string{"1"}, 1},
		{panelFilter{}, 2, []string{"1", "2"}, 3},
	}
	for _, c := range cases {
		each := func(f func(annotations.Annotation) bool) {
			for _, a := range as {
				if !f(a) {
					return
				}
			}
		}
		got, total := filterAnnotations(each, c.f, c.limit)
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		if strings.Join(ids, ",") != strings.Join(c.want, ",") || total != c.total {
			t.Errorf("%+v: got %v of %d, want %v of %d", c.f, ids, total, c.want, c.total)
		}
	}
}

func TestThePainterRendersTheDocumentsState(t *testing.T) {
	doc := seedDoc(t)
	d, err := newOpenDoc(doc, browser.NewFake())
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
