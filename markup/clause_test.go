package markup

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

func TestSuggestionsFollowTheOpeningPhrase(t *testing.T) {
	doc := seedDoc(t)
	cases := map[string]annotations.Tag{"op21": annotations.Request, "op8": annotations.Concern, "op37": annotations.Commitment, "pp1": annotations.Commitment, "pp2": ""}
	for id, want := range cases {
		c := doc.Clause(id)
		got, ok := Suggestion(c, nil)
		if got != want || ok != (want != "") {
			t.Errorf("%s: got %q, want %q", id, got, want)
		}
	}
	// Once the whole clause has the tag, the suggestion goes; another tag
	// or a part of the clause leaves it.
	c := doc.Clause("op21")
	n := utf8.RuneCountInString(c.Text)
	whole := annotations.Annotation{Start: 0, End: n, Tag: annotations.Request}
	if _, ok := Suggestion(c, []annotations.Annotation{whole}); ok {
		t.Error("a clause tagged as suggested still shows the suggestion")
	}
	for _, a := range []annotations.Annotation{{Start: 0, End: n, Tag: annotations.Concern}, {Start: 0, End: n - 1, Tag: annotations.Request}} {
		if _, ok := Suggestion(c, []annotations.Annotation{a}); !ok {
			t.Errorf("%+v hides the suggestion", a)
		}
	}
	if got := SuggestionHTML(c, []annotations.Annotation{whole}); got != "" {
		t.Errorf("SuggestionHTML of a clause tagged as suggested: %q", got)
	}
	if got := SuggestionHTML(c, nil); !strings.HasPrefix(got, `<button type="button" class="cm-suggest" data-tag="request"`) || !strings.Contains(got, ">Request?</button>") {
		t.Errorf("SuggestionHTML: %q", got)
	}
	sub := &resolution.Clause{ID: "op6.a", Kind: resolution.Subparagraph, Number: "a", Text: "Requests the States to act;"}
	if _, ok := Suggestion(sub, nil); ok {
		t.Error("a sub-paragraph got a suggestion")
	}
}

func TestWriteClauseHasTheHooksTheViewAndTheSubParagraphs(t *testing.T) {
	doc := seedDoc(t)
	sub := &resolution.Clause{ID: "op6.a", Label: "OP6(a)", Kind: resolution.Subparagraph, Number: "a", Text: "The States;"}
	c := &resolution.Clause{ID: "op6", Label: "OP6", Kind: resolution.Operative, Number: "6", Lead: 8,
		Text: "Requests the Secretary-General:", Children: []*resolution.Clause{sub}}
	a := annotations.Annotation{ID: "urn:uuid:x", Clause: sub.ID, Start: 0, End: 3, Exact: string([]rune(sub.Text)[:3]), Tag: annotations.Concern}
	v := View{
		Annotations: func(id string) []annotations.Annotation {
			if id == sub.ID {
				return []annotations.Annotation{a}
			}
			return nil
		},
		Target:   c.ID,
		Selected: sub.ID,
	}
	var b strings.Builder
	WriteClause(&b, c, v)
	h := b.String()
	for _, want := range []string{
		`<div id="op6" class="cm-clause cm-operative cm-lines-`,
		` is-target has-suggestion" data-clause="op6" data-label="OP6">`,
		`<div id="op6.a" class="cm-clause cm-subparagraph cm-lines-1 is-selected" data-clause="op6.a" data-label="OP6(a)">`,
		`<span class="cm-num" data-nontext>6.</span>`,
		`<span class="cm-num" data-nontext>(a)</span>`,
		`<button type="button" class="cm-suggest" data-tag="`,
		`<a class="cm-anchor" href="#op6.a" aria-label="Link to OP6(a)">#</a>`,
		`data-annotation="urn:uuid:x"`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %s in\n%s", want, h)
		}
	}
	if i, j := strings.Index(h, `data-annotation="urn:uuid:x"`), strings.Index(h, `id="op6.a"`); i < j {
		t.Error("the annotation of the sub-paragraph is in its parent's text")
	}
	if strings.Count(h, "<div") != strings.Count(h, "</div>") {
		t.Error("unbalanced <div>")
	}

	// With no annotations and nothing targeted.
	b.Reset()
	WriteClause(&b, doc.Clause("pp2"), View{})
	if h := b.String(); strings.Contains(h, "<mark") || strings.Contains(h, "is-") || strings.Contains(h, "cm-suggest") {
		t.Errorf("an empty view: %s", h)
	}
}

func TestTheSeedHasAPreambleAndAnOperativePart(t *testing.T) {
	doc := seedDoc(t)
	parts := Parts(doc)
	if len(parts) != 2 || parts[0].ID != PreambleID || parts[1].ID != OperativeID || len(parts[0].Clauses) != 33 || len(parts[1].Clauses) != 37 {
		t.Fatalf("parts %+v", parts)
	}
	h := SectionHTML(parts[0], View{})
	if want := `<section id="cm-preamble" class="cm-preamble" aria-label="Preamble">`; !strings.HasPrefix(h, want) || !strings.HasSuffix(h, "</section>") || strings.Count(h, `class="cm-clause `) != 33 {
		t.Errorf("the preamble's section: %.200s", h)
	}
	if strings.Contains(h, "cm-crosshead") || strings.Contains(h, "cm-annex") {
		t.Error("headings in a text that has none")
	}
}

// corpusDoc parses the contract text the PDF layout step made of a corpus
// PDF.
func corpusDoc(t *testing.T, stem string) *resolution.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", stem+".extract.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := resolution.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCrossHeadingsStandBetweenClausesAndAnnexesHaveTheirOwnSections(t *testing.T) {
	d := corpusDoc(t, "S_2022_158-EN")
	parts := Parts(d)
	if len(parts) != 3 || parts[2].ID != "annex1" || parts[2].Class != "cm-annex-part" || len(parts[2].Clauses) != 4 {
		t.Fatalf("parts of S/2022/158: %d", len(parts))
	}
	var all strings.Builder
	for _, p := range parts {
		all.WriteString(SectionHTML(p, View{}))
	}
	h := all.String()
	if n := strings.Count(h, `<h3 class="cm-crosshead">`); n != len(d.CrossHeadings) || n == 0 {
		t.Errorf("%d cross-headings rendered, the document has %d", n, len(d.CrossHeadings))
	}
	for _, ch := range d.CrossHeadings {
		// The heading stands right before the clause it precedes, outside
		// every clause.
		want := `<h3 class="cm-crosshead">` + html.EscapeString(ch.Text) + `</h3><div id="` + ch.Before + `"`
		if ch.Before != "" && !strings.Contains(h, want) {
			t.Errorf("heading %q is not right before %s", ch.Text, ch.Before)
		}
	}
	if !strings.Contains(h, `<section id="annex1" class="cm-annex-part" aria-label="`) || !strings.Contains(h, `<h2 class="cm-annex-heading">`) {
		t.Error("the annex has no section of its own with its heading")
	}
	for _, c := range parts[2].Clauses {
		if !strings.Contains(h, `<div id="`+c.ID+`"`) {
			t.Errorf("annex paragraph %s missing", c.ID)
		}
	}

	pre := corpusDoc(t, "S_2018_693-EN")
	var n int
	for _, p := range Parts(pre) {
		n += strings.Count(SectionHTML(p, View{}), `class="cm-crosshead"`)
	}
	if n != len(pre.CrossHeadings) {
		t.Errorf("S/2018/693: %d cross-headings rendered, %d parsed", n, len(pre.CrossHeadings))
	}
}

func TestHighlightDescription(t *testing.T) {
	a := annotations.Annotation{Tag: annotations.Request, Exact: strings.Repeat("word ", 20)}
	if got, want := HighlightDescription(a), "Request. Enter to open."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	a.Note = "secret"
	if got, want := HighlightDescription(a), "Request, with a note. Enter to open."; got != want {
		t.Errorf("with a note: got %q, want %q", got, want)
	}
}

func TestTagNamesLettersAndAttributes(t *testing.T) {
	for _, tc := range []struct {
		tag          annotations.Tag
		name, letter string
	}{
		{annotations.Commitment, "Commitment", "C"},
		{annotations.Request, "Request", "R"},
		{annotations.Concern, "Concern", "!"},
		{"", "Untagged", "–"},
		{"wish", "", ""},
	} {
		if TagName(tc.tag) != tc.name || TagLetter(tc.tag) != tc.letter {
			t.Errorf("%s: %q %q", tc.tag, TagName(tc.tag), TagLetter(tc.tag))
		}
	}
	m := Mark{ID: "x", Tag: annotations.Request, Note: true, Description: "L"}
	first, next := m.Attrs(true), m.Attrs(false)
	// A continuing element has the first one's attributes but those of
	// FirstOnly, in the same order; the note is last.
	var kept []Attr
	for _, a := range first {
		if !FirstOnly(a.Name) {
			kept = append(kept, a)
		}
	}
	if len(kept) != len(next) || len(next) != 3 {
		t.Fatalf("first %v, next %v", first, next)
	}
	for i := range next {
		if kept[i] != next[i] {
			t.Errorf("attribute %d: %v, want %v", i, next[i], kept[i])
		}
	}
	if first[len(first)-1].Name != AttrNote || m.TagMarkAttrs()[len(m.TagMarkAttrs())-1].Name != AttrNote {
		t.Error("data-note is not the last attribute")
	}
	if got := MarkOf(annotations.Annotation{ID: "y", Tag: annotations.Concern, Exact: "q"}); got != (Mark{ID: "y", Tag: annotations.Concern, Description: "Concern. Enter to open."}) {
		t.Errorf("MarkOf: %+v", got)
	}
}

func TestFootnoteRefIDsCountRepeats(t *testing.T) {
	c := &resolution.Clause{ID: "pp8", Footnotes: []resolution.FootnoteRef{{Number: 1}, {Number: 2}, {Number: 1}}}
	got := strings.Join(FootnoteRefIDs(c), " ")
	if want := "fnref-pp8-1 fnref-pp8-2 fnref-pp8-1-2"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSelectorsQuoteIDs(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"urn:uuid:1", `mark[data-annotation="urn:uuid:1"]`},
		{`a"b\c`, `mark[data-annotation="a\"b\\c"]`},
		{"new\nline\x00", `mark[data-annotation="new\a line` + "\uFFFD" + `"]`},
		{"東京 🌍", `mark[data-annotation="東京 🌍"]`},
	} {
		if got := AnnotationSelector(tc.id); got != tc.want {
			t.Errorf("AnnotationSelector(%q) = %s, want %s", tc.id, got, tc.want)
		}
	}
	if got := TagMarkSelector(`x"`); got != `.cm-tagmark[data-for="x\""]` {
		t.Errorf("TagMarkSelector: %s", got)
	}
	if got := ClauseSelector("op6.a"); got != `[data-clause="op6.a"]` {
		t.Errorf("ClauseSelector: %s", got)
	}
}
