package app

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
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

// span makes an annotation on [start, end) of a clause text.
func span(id string, text string, start, end int, tag annotations.Tag) annotations.Annotation {
	r := []rune(text)
	return annotations.Annotation{ID: id, Clause: "op1", Start: start, End: end, Exact: string(r[start:end]), Tag: tag}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// textOf is the text of HTML without its markup and footnote markers.
func textOf(h string) string {
	h = regexp.MustCompile(`<sup class="cm-fnref"[^>]*>.*?</sup>`).ReplaceAllString(h, "")
	return unescape(tagRE.ReplaceAllString(h, ""))
}

func unescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
}

// markText is the text inside the marks of one annotation.
func markText(h, id string) string {
	var b strings.Builder
	depth := 0 // depth inside marks of id
	stack := []bool{}
	for i := 0; i < len(h); {
		switch {
		case strings.HasPrefix(h[i:], "<mark"):
			end := strings.IndexByte(h[i:], '>') + i
			own := strings.Contains(h[i:end], `data-annotation="`+id+`"`)
			stack = append(stack, own)
			if own {
				depth++
			}
			i = end + 1
		case strings.HasPrefix(h[i:], "</mark>"):
			if stack[len(stack)-1] {
				depth--
			}
			stack = stack[:len(stack)-1]
			i += len("</mark>")
		case h[i] == '<':
			end := strings.IndexByte(h[i:], '>') + i
			if strings.HasPrefix(h[i:], "<sup") {
				end = strings.Index(h[i:], "</sup>") + i + len("</sup>") - 1
			}
			i = end + 1
		default:
			j := strings.IndexByte(h[i:], '<')
			if j < 0 {
				j = len(h) - i
			}
			if depth > 0 {
				b.WriteString(h[i : i+j])
			}
			i += j
		}
	}
	return unescape(b.String())
}

func TestClauseHTMLSpellsTheWholeTextAndEachHighlightExactly(t *testing.T) {
	text := "Welcomes the “Café Déjà-vu” initiative 🌍🤝 and the naïve e\u0301tude of 東京 <partners> & “friends”;"
	c := &resolution.Clause{ID: "op1", Label: "OP1", Kind: resolution.Operative, Number: "1", Text: text, Lead: 8,
		Footnotes: []resolution.FootnoteRef{{Number: 3, At: 27}, {Number: 4, At: utf8.RuneCountInString(text)}}}
	n := utf8.RuneCountInString(text)
	as := []annotations.Annotation{
		span("urn:uuid:a", text, 0, n, annotations.Commitment),   // the whole clause
		span("urn:uuid:b", text, 4, 40, annotations.Request),     // across the lead, a marker and into the emoji
		span("urn:uuid:c", text, 39, 41, annotations.Concern),    // the two emoji, overlapping b
		span("urn:uuid:d", text, 39, 41, annotations.Commitment), // the same range as c
		span("urn:uuid:e", text, 62, 75, annotations.Request),    // markup characters
	}
	h := clauseHTML(c, as)

	if got := textOf(h); got != text {
		t.Errorf("the text of the HTML: got %q, want %q", got, text)
	}
	for _, a := range as {
		if got := markText(h, a.ID); got != a.Exact {
			t.Errorf("%s covers %q, want %q", a.ID, got, a.Exact)
		}
		if n := strings.Count(h, `data-annotation="`+a.ID+`" data-tag="`+string(a.Tag)+`" data-start`); n != 1 {
			t.Errorf("%s has %d first pieces, want 1", a.ID, n)
		}
	}
	if strings.Contains(h, "<partn") || !strings.Contains(h, "&lt;partn") || !strings.Contains(h, "ers&gt; &amp;") {
		t.Error("markup characters of the text are not escaped")
	}
	if !strings.Contains(h, `<em class="cm-lead">`) {
		t.Error("the opening phrase is not in italics")
	}
	for _, id := range []string{`id="fnref-op1-3" href="#fn3"`, `id="fnref-op1-4" href="#fn4"`} {
		if !strings.Contains(h, id) {
			t.Errorf("missing the footnote marker %s", id)
		}
	}
	if strings.Count(h, "<mark") != strings.Count(h, "</mark>") {
		t.Error("unbalanced marks")
	}
}

func TestClauseHTMLNeverCarriesANote(t *testing.T) {
	text := "Requests the Secretary-General to report;"
	c := &resolution.Clause{ID: "op1", Label: "OP1", Kind: resolution.Operative, Number: "1", Text: text}
	a := span("urn:uuid:a", text, 0, 8, annotations.Request)
	a.Note = `<img src=x onerror=alert(1)> secret note`
	h := clauseHTML(c, []annotations.Annotation{a})
	if strings.Contains(h, "secret note") || strings.Contains(h, "<img") {
		t.Errorf("the HTML carries the note: %s", h)
	}
	if !strings.Contains(h, "data-note") || !strings.Contains(h, "with a note") {
		t.Error("the highlight does not say it has a note")
	}
}

func TestClauseHTMLOfAnEmptyClause(t *testing.T) {
	c := &resolution.Clause{ID: "p1", Label: "P1", Kind: resolution.Paragraph}
	if got, want := clauseHTML(c, nil), `<span class="cm-text"></span>`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestClauseHTMLOfEverySeedClauseSpellsItsText(t *testing.T) {
	for _, c := range seedDoc(t).Clauses() {
		if got := textOf(clauseHTML(c, nil)); got != c.Text {
			t.Errorf("%s: got %q, want %q", c.ID, got, c.Text)
		}
	}
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

func TestSuggestionsFollowTheOpeningPhrase(t *testing.T) {
	doc := seedDoc(t)
	cases := map[string]annotations.Tag{"op21": annotations.Request, "op8": annotations.Concern, "op37": annotations.Commitment, "pp1": annotations.Commitment, "pp2": ""}
	for id, want := range cases {
		c := doc.Clause(id)
		got, ok := suggestedTag(c, nil)
		if got != want || ok != (want != "") {
			t.Errorf("%s: got %q, want %q", id, got, want)
		}
	}
	// Once the whole clause has the tag, the suggestion goes.
	c := doc.Clause("op21")
	whole := annotations.Annotation{Start: 0, End: utf8.RuneCountInString(c.Text), Tag: annotations.Request}
	if _, ok := suggestedTag(c, []annotations.Annotation{whole}); ok {
		t.Error("a clause tagged as suggested still shows the suggestion")
	}
}

func TestAHighlightThatOverlapsNothingIsOneElement(t *testing.T) {
	text := "Requests the Secretary-General to report on the implementation;"
	c := &resolution.Clause{ID: "op1", Label: "OP1", Kind: resolution.Operative, Number: "1", Text: text, Lead: 8}
	as := []annotations.Annotation{
		span("urn:uuid:a", text, 13, 30, annotations.Request),
		span("urn:uuid:b", text, 34, 40, annotations.Concern),
	}
	h := clauseHTML(c, as)
	for _, a := range as {
		if n := strings.Count(h, `data-annotation="`+a.ID+`"`); n != 1 {
			t.Errorf("%s has %d elements, want 1", a.ID, n)
		}
		if n := strings.Count(h, `data-tagmark="`+string(a.Tag)+`"`); n != 1 {
			t.Errorf("%s has %d tag letters, want 1", a.ID, n)
		}
	}
}

func TestRandomOverlappingHighlightsAreExactAndFew(t *testing.T) {
	doc := seedDoc(t)
	c := doc.Clause("pp9") // the longest clause of the seed
	n := utf8.RuneCountInString(c.Text)
	rng := rand.New(rand.NewPCG(1, 2))
	tags := []annotations.Tag{annotations.Commitment, annotations.Request, annotations.Concern}
	for round := 0; round < 50; round++ {
		count := 1 + rng.IntN(60)
		as := make([]annotations.Annotation, count)
		for i := range as {
			l := 1 + rng.IntN(min(200, n))
			s := rng.IntN(n - l + 1)
			as[i] = span(fmt.Sprintf("urn:uuid:%04d", i), c.Text, s, s+l, tags[rng.IntN(3)])
			as[i].Clause = c.ID
		}
		slices.SortFunc(as, func(x, y annotations.Annotation) int {
			if x.Start != y.Start {
				return x.Start - y.Start
			}
			return x.End - y.End
		})
		h := clauseHTML(c, as)
		if got := textOf(h); got != c.Text {
			t.Fatalf("round %d: the text differs", round)
		}
		segs, _ := annotations.Segments(c.Text, as)
		for _, a := range as {
			if got := markText(h, a.ID); got != a.Exact {
				t.Fatalf("round %d: %s covers %q, want %q", round, a.ID, got, a.Exact)
			}
			if k := strings.Count(h, `data-annotation="`+a.ID+`" data-tag="`+string(a.Tag)+`" data-start`); k != 1 {
				t.Fatalf("round %d: %s has %d first elements", round, a.ID, k)
			}
		}
		// Far fewer elements than one per annotation per segment.
		perSegment := 0
		for _, s := range segs {
			perSegment += len(s.Annotations)
		}
		if marks := strings.Count(h, "<mark"); marks > perSegment || marks > 4*count+len(segs) {
			t.Errorf("round %d: %d mark elements for %d annotations in %d segments", round, marks, count, len(segs))
		}
	}
}
