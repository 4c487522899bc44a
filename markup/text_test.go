package markup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

func TestClauseTextSpellsTheWholeTextAndEachHighlightExactly(t *testing.T) {
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
	h := ClauseText(c, as)

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
	checkCanonical(t, h, c, as)
}

func TestClauseTextNeverCarriesANote(t *testing.T) {
	text := "Requests the Secretary-General to report;"
	c := &resolution.Clause{ID: "op1", Label: "OP1", Kind: resolution.Operative, Number: "1", Text: text}
	a := span("urn:uuid:a", text, 0, 8, annotations.Request)
	a.Note = `<img src=x onerror=alert(1)> secret note`
	h := ClauseText(c, []annotations.Annotation{a})
	if strings.Contains(h, "secret note") || strings.Contains(h, "<img") {
		t.Errorf("the HTML carries the note: %s", h)
	}
	if !strings.Contains(h, "data-note") || !strings.Contains(h, "with a note") {
		t.Error("the highlight does not say it has a note")
	}
}

func TestClauseTextEscapesIDsAndLeavesOutWhatDoesNotFit(t *testing.T) {
	text := "Requests the Secretary-General to report;"
	c := &resolution.Clause{ID: "op1", Label: "OP1", Kind: resolution.Operative, Number: "1", Text: text}
	as := []annotations.Annotation{
		span(`a"><script>`, text, 0, 8, annotations.Request),
		{ID: "past", Start: 30, End: 99, Tag: annotations.Request},
		{ID: "empty", Start: 5, End: 5, Tag: annotations.Request},
		{ID: "reversed", Start: 9, End: 3, Tag: annotations.Request},
		{ID: "negative", Start: -1, End: 3, Tag: annotations.Request},
		{ID: "badtag", Start: 0, End: 3, Tag: "wish"},
	}
	h := ClauseText(c, as)
	if strings.Contains(h, "<script>") || !strings.Contains(h, `data-annotation="a&#34;&gt;&lt;script&gt;"`) {
		t.Errorf("the id is not escaped: %s", h)
	}
	for _, id := range []string{"past", "empty", "reversed", "negative", "badtag"} {
		if strings.Contains(h, `"`+id+`"`) {
			t.Errorf("%s is in the HTML, though it does not fit: %s", id, h)
		}
	}
	checkCanonical(t, h, c, as)
}

func TestClauseTextOfAnEmptyClause(t *testing.T) {
	c := &resolution.Clause{ID: "p1", Label: "P1", Kind: resolution.Paragraph}
	if got, want := ClauseText(c, nil), `<span class="cm-text"></span>`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestClauseTextOfEverySeedClauseSpellsItsText(t *testing.T) {
	for _, c := range seedDoc(t).Clauses() {
		h := ClauseText(c, nil)
		if got := textOf(h); got != c.Text {
			t.Errorf("%s: got %q, want %q", c.ID, got, c.Text)
		}
		checkCanonical(t, h, c, nil)
	}
}

func TestAHighlightThatOverlapsNothingIsOneElement(t *testing.T) {
	text := "Requests the Secretary-General to report on the implementation;"
	c := &resolution.Clause{ID: "op1", Label: "OP1", Kind: resolution.Operative, Number: "1", Text: text, Lead: 8}
	as := []annotations.Annotation{
		span("urn:uuid:a", text, 13, 30, annotations.Request),
		span("urn:uuid:b", text, 34, 40, annotations.Concern),
	}
	h := ClauseText(c, as)
	for _, a := range as {
		if n := strings.Count(h, `data-annotation="`+a.ID+`"`); n != 1 {
			t.Errorf("%s has %d elements, want 1", a.ID, n)
		}
		if n := strings.Count(h, `data-tagmark="`+string(a.Tag)+`"`); n != 1 {
			t.Errorf("%s has %d tag letters, want 1", a.ID, n)
		}
	}
}

// TestOverlapsNest spells out the HTML of a few overlaps: what opens
// first is outside, the longest-lasting of those that open together, then
// the smaller id; an inner highlight goes on in a new element after an
// outer one ends, and what opens again there is ordered by its end with
// what starts there.
func TestOverlapsNest(t *testing.T) {
	text := "abcdefghij"
	c := &resolution.Clause{ID: "op1", Label: "OP1", Kind: resolution.Operative, Text: text}
	m := func(id string, first bool) string {
		if first {
			return `<mark data-annotation="` + id + `" data-tag="request" data-start tabindex="0" aria-description="Request. Enter to open.">`
		}
		return `<mark data-annotation="` + id + `" data-tag="request">`
	}
	tm := func(id string) string {
		return `<span class="cm-tagmark" data-nontext aria-hidden="true" data-tagmark="request" data-for="` + id + `"></span>`
	}
	fnref := `<sup class="cm-fnref" data-nontext><a id="fnref-op1-1" href="#fn1" aria-label="Footnote 1">1</a></sup>`
	a := func(id string, s, e int) annotations.Annotation {
		return span(id, text, s, e, annotations.Request)
	}
	cases := []struct {
		name string
		as   []annotations.Annotation
		want string
	}{
		{"crossing", []annotations.Annotation{a("y", 3, 8), a("x", 0, 5)},
			m("x", true) + "abc" + m("y", true) + "de</mark></mark>" + tm("x") + m("y", false) + "fgh</mark>" + tm("y") + "ij"},
		{"inside", []annotations.Annotation{a("y", 2, 4), a("x", 0, 6)},
			m("x", true) + "ab" + m("y", true) + "cd</mark>" + tm("y") + "ef</mark>" + tm("x") + "ghij"},
		{"same start, longer outside", []annotations.Annotation{a("a", 0, 3), a("b", 0, 6)},
			m("b", true) + m("a", true) + "abc</mark>" + tm("a") + "def</mark>" + tm("b") + "ghij"},
		{"same range, smaller id outside", []annotations.Annotation{a("b", 1, 3), a("a", 1, 3)},
			"a" + m("a", true) + m("b", true) + "bc</mark>" + tm("b") + "</mark>" + tm("a") + "defghij"},
		{"same end", []annotations.Annotation{a("x", 0, 10), a("y", 5, 10)},
			m("x", true) + "abcde" + m("y", true) + "fghij</mark>" + tm("y") + "</mark>" + tm("x")},
		{"touching", []annotations.Annotation{a("x", 0, 5), a("y", 5, 10)},
			m("x", true) + "abcde</mark>" + tm("x") + m("y", true) + "fghij</mark>" + tm("y")},
		{"reopened inside what starts and lasts longer", []annotations.Annotation{a("a", 0, 4), a("b", 2, 8), a("c", 4, 10)},
			m("a", true) + "ab" + m("b", true) + "cd</mark></mark>" + tm("a") + m("c", true) + m("b", false) + "efgh</mark>" + tm("b") + "ij</mark>" + tm("c")},
		{"a footnote keeps the order of what ends together", []annotations.Annotation{a("x", 0, 10), a("y", 2, 10)},
			m("x", true) + "ab" + m("y", true) + "cde</mark></mark>" + fnref + m("x", false) + m("y", false) + "fghij</mark>" + tm("y") + "</mark>" + tm("x")},
	}
	for _, tc := range cases {
		c.Footnotes = nil
		if strings.Contains(tc.want, fnref) {
			c.Footnotes = []resolution.FootnoteRef{{Number: 1, At: 5}}
		}
		got := ClauseText(c, tc.as)
		want := `<span class="cm-text">` + tc.want + `</span>`
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, want)
		}
		checkCanonical(t, got, c, tc.as)
	}
}

func TestTheOrderOfTheAnnotationsDoesNotMatter(t *testing.T) {
	doc := seedDoc(t)
	c := doc.Clause("pp9")
	as := randomAnnotations(rand.New(rand.NewPCG(3, 4)), c, 40)
	want := ClauseText(c, as)
	rng := rand.New(rand.NewPCG(5, 6))
	for range 10 {
		rng.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
		if got := ClauseText(c, as); got != want {
			t.Fatalf("another order of the same annotations gives other HTML:\n got %s\nwant %s", got, want)
		}
	}
}

func TestRandomOverlappingHighlightsAreExactAndFew(t *testing.T) {
	doc := seedDoc(t)
	rng := rand.New(rand.NewPCG(1, 2))
	clauses := []*resolution.Clause{doc.Clause("pp9"), doc.Clause("op6"), doc.Clause("pp8")} // the longest, one with a lead, one with a footnote
	if len(clauses[2].Footnotes) == 0 || clauses[1].Lead == 0 {
		t.Fatal("the seed clauses chosen lost their footnote or lead")
	}
	for round := 0; round < 60; round++ {
		c := clauses[round%len(clauses)]
		count := 1 + rng.IntN(60)
		as := randomAnnotations(rng, c, count)
		h := ClauseText(c, as)
		if got := textOf(h); got != c.Text {
			t.Fatalf("round %d: the text differs", round)
		}
		for _, a := range as {
			if got := markText(h, a.ID); got != a.Exact {
				t.Fatalf("round %d: %s covers %q, want %q", round, a.ID, got, a.Exact)
			}
		}
		checkCanonical(t, h, c, as)
		// Far fewer elements than one per annotation per segment.
		segs, _ := annotations.Segments(c.Text, as)
		perSegment := 0
		for _, s := range segs {
			perSegment += len(s.Annotations)
		}
		if marks := strings.Count(h, "<mark"); marks > perSegment || marks > 4*count+len(segs) {
			t.Errorf("round %d: %d mark elements for %d annotations in %d segments", round, marks, count, len(segs))
		}
	}
}

// randomAnnotations makes count annotations of 1–200 code points at random
// places of c, with random tags, some with a note, some of the same range.
func randomAnnotations(rng *rand.Rand, c *resolution.Clause, count int) []annotations.Annotation {
	n := utf8.RuneCountInString(c.Text)
	tags := []annotations.Tag{annotations.Commitment, annotations.Request, annotations.Concern}
	as := make([]annotations.Annotation, count)
	for i := range as {
		l := 1 + rng.IntN(min(200, n))
		s := rng.IntN(n - l + 1)
		if i > 0 && rng.IntN(8) == 0 { // the same range as another
			s, l = as[i-1].Start, as[i-1].End-as[i-1].Start
		}
		as[i] = span(fmt.Sprintf("urn:uuid:%04d", rng.IntN(10000)*100+i), c.Text, s, s+l, tags[rng.IntN(3)])
		as[i].Clause = c.ID
		if rng.IntN(4) == 0 {
			as[i].Note = "a note"
		}
	}
	return as
}

// checkCanonical checks the HTML of WriteClauseText against the rules of
// the package documentation, independently of how the writer works: over
// every code point the marks around it are those of the annotations that
// cover it, one each; the opening phrase is in <em> right
// around the text; no two neighbours could be one element; each
// annotation's first element has data-start and its last one is followed by
// its tag letter; attributes are those of Mark.Attrs, in order; footnote
// markers are at their places, outside every mark.
func checkCanonical(t *testing.T, h string, c *resolution.Clause, as []annotations.Annotation) {
	t.Helper()
	root := parseHTML(t, h)
	if len(root.children) != 1 || root.children[0].name != "span" || root.children[0].attrs["class"] != ClassText {
		t.Fatalf("the HTML is not one text element: %s", h)
	}
	text := []rune(c.Text)
	valid := map[string]annotations.Annotation{}
	for _, a := range as {
		if a.Start >= 0 && a.End <= len(text) && a.Start < a.End && a.Tag.Valid() {
			valid[a.ID] = a
		}
	}
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf(format+"\nin %s", append(args, h)...)
	}
	pos := 0
	firsts := map[string]int{}
	lastElem := map[string]*node{}
	tagmarks := map[string]*node{}
	markers := 0
	var walk func(n *node, chain []string)
	walk = func(n *node, chain []string) {
		for i, ch := range n.children {
			if i > 0 {
				prev := n.children[i-1]
				switch {
				case prev.name == "" && ch.name == "":
					fail("two texts side by side: %v %v", prev, ch)
				case prev.name == "em" && ch.name == "em":
					fail("two <em> side by side")
				case prev.isMark() && ch.isMark() && prev.attrs[AttrAnnotation] == ch.attrs[AttrAnnotation]:
					fail("two elements of %s side by side", ch.attrs[AttrAnnotation])
				}
			}
			switch {
			case ch.name == "":
				inLead := n.name == "em"
				for _, r := range ch.text {
					if pos >= len(text) || text[pos] != r {
						fail("the text differs at %d", pos)
					}
					if inLead != (pos < c.Lead) {
						fail("code point %d: in <em> %v, in the opening phrase %v", pos, inLead, pos < c.Lead)
					}
					var want []string
					for _, a := range valid {
						if a.Start <= pos && pos < a.End {
							want = append(want, a.ID)
						}
					}
					got := slices.Clone(chain)
					slices.Sort(got)
					slices.Sort(want)
					if !slices.Equal(got, want) {
						fail("code point %d is inside %v, want %v", pos, chain, want)
					}
					pos++
				}
			case ch.name == "em":
				if ch.attrs["class"] != ClassLead || len(ch.children) != 1 || ch.children[0].name != "" {
					fail("an <em> that is not text of the opening phrase: %v", ch)
				}
				walk(ch, chain)
			case ch.isMark():
				id := ch.attrs[AttrAnnotation]
				a, ok := valid[id]
				if !ok {
					fail("a mark of %q, which does not fit", id)
				}
				_, first := ch.attrs[AttrStart]
				if first {
					firsts[id]++
					if _, seen := lastElem[id]; seen {
						fail("the first element of %s is not its first", id)
					}
				}
				want := MarkOf(a).Attrs(first)
				if got := attrsOf(ch); !slices.Equal(got, want) {
					fail("attributes %v, want %v", got, want)
				}
				lastElem[id] = ch
				walk(ch, append(slices.Clip(chain), id))
			case ch.isTagMark():
				id := ch.attrs[AttrFor]
				a, ok := valid[id]
				if !ok || tagmarks[id] != nil {
					fail("a tag letter for %q: not a highlight, or a second one", id)
				}
				if i == 0 || n.children[i-1] != lastElem[id] || pos != a.End {
					fail("the tag letter of %s does not follow its last element", id)
				}
				if got, want := attrsOf(ch), MarkOf(a).TagMarkAttrs(); !slices.Equal(got, want) {
					fail("tag letter attributes %v, want %v", got, want)
				}
				tagmarks[id] = ch
			case ch.name == "sup":
				if n != root.children[0] || ch.attrs["class"] != ClassFootnoteRef || !ch.nonText() {
					fail("a footnote marker inside an element: %v in %v", ch, n)
				}
				if markers >= len(c.Footnotes) || min(max(c.Footnotes[markers].At, 0), len(text)) != pos {
					fail("footnote marker %d at %d", markers, pos)
				}
				markers++
			default:
				fail("unexpected element %v", ch)
			}
		}
	}
	walk(root.children[0], nil)
	if pos != len(text) || markers != len(c.Footnotes) {
		fail("%d code points and %d markers, want %d and %d", pos, markers, len(text), len(c.Footnotes))
	}
	for id := range valid {
		if firsts[id] != 1 || tagmarks[id] == nil {
			fail("%s has %d first elements and tag letter %v", id, firsts[id], tagmarks[id])
		}
	}
}

func attrsOf(n *node) []Attr {
	out := make([]Attr, len(n.order))
	for i, k := range n.order {
		out[i] = Attr{k, n.attrs[k]}
	}
	return out
}
