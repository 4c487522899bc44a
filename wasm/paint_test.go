//go:build js && wasm

package wasm

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"syscall/js"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/markup"
	"github.com/clausemark/clausemark/resolution"
)

// These tests render a clause with package markup, change one highlight in
// place (Highlight, Unhighlight, Restyle, SetSuggestion, as the app does),
// and compare the page with a fresh render of the new state.
//
// What is compared:
//
//   - exactly, for the cases the painter promises to paint as a fresh
//     render does (see highlight.go): the HTML of the clause, byte for byte,
//     after the class tokens of each element are sorted (classList.toggle
//     puts has-suggestion last; the order of classes means nothing);
//   - for every case, the equivalence described by describe: the clause
//     outside its text elements exactly; in each text element the plain
//     text, the highlights over each UTF-16 unit, the attributes (in order)
//     of the first element of each highlight, which is its first in the
//     document and the only one with AttrStart, the attributes of its other
//     elements (the first one's less those of markup.FirstOnly), each tag
//     letter with its attributes, at its highlight's end, right after its
//     last element, the opening phrase in <em> right around text and only
//     there, the footnote markers and their places, and no element or text
//     split in two where nothing stands between the halves. How the marks
//     of overlapping highlights nest, and so how many elements each has, is
//     left out.

// paintClause is the clause the tests paint: an opening phrase, emoji (two
// UTF-16 units each), non-ASCII text, markup characters, footnote markers
// (one inside, one at the end) and a sub-paragraph.
func paintClause() *resolution.Clause {
	text := "Requests the “Café” 🌍🤝 initiative of 東京 <partners> & all States to act 🏳️‍🌈 now;"
	sub := &resolution.Clause{ID: "op5.a", Label: "OP5(a)", Kind: resolution.Subparagraph, Number: "a", Text: "To report 📄 on it;"}
	return &resolution.Clause{
		ID: "op5", Label: "OP5", Kind: resolution.Operative, Number: "5", Text: text, Lead: 8,
		Footnotes: []resolution.FootnoteRef{{Number: 2, At: runeIndex(text, " of 東京")}, {Number: 3, At: utf8.RuneCountInString(text)}},
		Children:  []*resolution.Clause{sub},
	}
}

// runeIndex is the code point offset of sub in text.
func runeIndex(text, sub string) int {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in %q", sub, text))
	}
	return utf8.RuneCountInString(text[:i])
}

// clauseIndex finds the clauses of c by id.
func clauseIndex(c *resolution.Clause) map[string]*resolution.Clause {
	m := map[string]*resolution.Clause{c.ID: c}
	for _, ch := range c.Children {
		for k, v := range clauseIndex(ch) {
			m[k] = v
		}
	}
	return m
}

// ann makes an annotation of a clause over the code points of sub (its
// first occurrence; "" for the whole clause).
func ann(c *resolution.Clause, id, sub string, tag annotations.Tag) annotations.Annotation {
	start, end := 0, utf8.RuneCountInString(c.Text)
	if sub != "" {
		start = runeIndex(c.Text, sub)
		end = start + utf8.RuneCountInString(sub)
	}
	return annotations.Annotation{ID: id, Clause: c.ID, Start: start, End: end, Exact: string([]rune(c.Text)[start:end]), Tag: tag}
}

// render is the fresh HTML of the clause with the annotations.
func render(c *resolution.Clause, as []annotations.Annotation) string {
	var b strings.Builder
	markup.WriteClause(&b, c, markup.View{Annotations: func(id string) []annotations.Annotation {
		var out []annotations.Annotation
		for _, a := range as {
			if a.Clause == id {
				out = append(out, a)
			}
		}
		return out
	}})
	return b.String()
}

// mount puts HTML on the page in a new element, removed when the test ends.
func mount(t *testing.T, html string) js.Value {
	t.Helper()
	doc := js.Global().Get("document")
	box := doc.Call("createElement", "div")
	box.Set("innerHTML", html)
	doc.Get("body").Call("appendChild", box)
	t.Cleanup(func() { box.Call("remove") })
	return box
}

// fresh parses HTML into a detached element, for comparison.
func fresh(html string) js.Value {
	box := js.Global().Get("document").Call("createElement", "div")
	box.Set("innerHTML", html)
	return box
}

// sortedHTML is the HTML of box's content with the class tokens of every
// element sorted, on a copy.
func sortedHTML(box js.Value) string {
	cp := box.Call("cloneNode", true)
	els := cp.Call("querySelectorAll", "[class]")
	for i := 0; i < els.Length(); i++ {
		el := els.Index(i)
		tokens := strings.Fields(el.Call("getAttribute", "class").String())
		sort.Strings(tokens)
		el.Call("setAttribute", "class", strings.Join(tokens, " "))
	}
	return cp.Get("innerHTML").String()
}

// describe is the equivalence of two renders of the same state (see the
// top of this file), as text: two DOMs are equivalent when their
// descriptions are equal.
func describe(box js.Value, clauses map[string]*resolution.Clause) string {
	var b strings.Builder
	// The clause without the content of its text elements.
	cp := box.Call("cloneNode", true)
	texts := cp.Call("querySelectorAll", "."+markup.ClassText)
	for i := 0; i < texts.Length(); i++ {
		texts.Index(i).Set("innerHTML", "")
	}
	b.WriteString(sortedHTML(cp))
	b.WriteString("\n")
	texts = box.Call("querySelectorAll", "."+markup.ClassText)
	for i := 0; i < texts.Length(); i++ {
		text := texts.Index(i)
		id := text.Call("closest", "["+markup.AttrClause+"]").Call("getAttribute", markup.AttrClause).String()
		fmt.Fprintf(&b, "text of %s:\n", id)
		describeText(&b, text, clauses[id])
	}
	return b.String()
}

// describeText describes a clause's text element.
func describeText(b *strings.Builder, text js.Value, c *resolution.Clause) {
	var (
		plain    strings.Builder
		cover    []string                  // per UTF-16 unit: the highlights over it
		elements = map[string][][]string{} // per highlight: its elements' attributes
		order    []string                  // highlights in the order of their first element
		lastEl   = map[string]js.Value{}
		pos      int
		problems []string
	)
	attrList := func(el js.Value) []string {
		var parts []string
		as := el.Get("attributes")
		for i := 0; i < as.Length(); i++ {
			parts = append(parts, as.Index(i).Get("name").String()+"="+fmt.Sprintf("%q", as.Index(i).Get("value").String()))
		}
		return parts
	}
	attrs := func(el js.Value) string { return strings.Join(attrList(el), " ") }
	lead := annotations.CodePointsToUTF16(c.Text, c.Lead)
	var walk func(n js.Value, chain []string, inEm bool)
	walk = func(n js.Value, chain []string, inEm bool) {
		var prev js.Value
		for ch := n.Get("firstChild"); !ch.IsNull(); ch = ch.Get("nextSibling") {
			if !prev.IsUndefined() {
				switch {
				case prev.Get("nodeType").Int() == textNode && ch.Get("nodeType").Int() == textNode:
					problems = append(problems, fmt.Sprintf("two texts side by side at %d", pos))
				case prev.Get("nodeType").Int() == elementNode && ch.Get("nodeType").Int() == elementNode &&
					prev.Get("tagName").String() == ch.Get("tagName").String() && prev.Get("tagName").String() != "SUP" &&
					prev.Call("getAttribute", markup.AttrAnnotation).String() == ch.Call("getAttribute", markup.AttrAnnotation).String() &&
					!prev.Call("hasAttribute", markup.AttrNonText).Bool():
					problems = append(problems, fmt.Sprintf("two <%s> of one thing side by side at %d", ch.Get("tagName"), pos))
				}
			}
			prev = ch
			switch {
			case ch.Get("nodeType").Int() == textNode:
				data := ch.Get("data").String()
				if data == "" {
					problems = append(problems, fmt.Sprintf("an empty text at %d", pos))
				}
				plain.WriteString(data)
				ids := slices.Clone(chain)
				slices.Sort(ids)
				for range utf16Len(data) {
					if inEm != (pos < lead) {
						problems = append(problems, fmt.Sprintf("unit %d: in <em> %v, in the opening phrase %v", pos, inEm, pos < lead))
					}
					cover = append(cover, strings.Join(ids, ","))
					pos++
				}
			case ch.Get("tagName").String() == "EM":
				if ch.Get("childNodes").Length() != 1 || ch.Get("firstChild").Get("nodeType").Int() != textNode {
					problems = append(problems, fmt.Sprintf("an <em> at %d that is not around one text", pos))
				}
				walk(ch, chain, true)
			case ch.Get("tagName").String() == "MARK":
				id := ch.Call("getAttribute", markup.AttrAnnotation).String()
				if len(elements[id]) == 0 {
					order = append(order, id)
					if !ch.Call("hasAttribute", markup.AttrStart).Bool() {
						problems = append(problems, fmt.Sprintf("the first element of %s has no %s", id, markup.AttrStart))
					}
				}
				if ch.Get("childNodes").Length() == 0 {
					problems = append(problems, fmt.Sprintf("an empty element of %s", id))
				}
				elements[id] = append(elements[id], attrList(ch))
				lastEl[id] = ch
				walk(ch, append(slices.Clip(chain), id), inEm)
			case ch.Call("hasAttribute", markup.AttrTagMark).Bool():
				id := ch.Call("getAttribute", markup.AttrFor).String()
				fmt.Fprintf(b, "tag letter at %d: %s\n", pos, attrs(ch))
				if last, ok := lastEl[id]; !ok || !last.Equal(ch.Get("previousSibling")) {
					problems = append(problems, fmt.Sprintf("the tag letter of %s does not follow its last element", id))
				}
			default:
				fmt.Fprintf(b, "at %d: %s\n", pos, ch.Get("outerHTML").String())
			}
		}
	}
	walk(text, nil, false)
	fmt.Fprintf(b, "plain text %q\n", plain.String())
	for i := 0; i < len(cover); {
		j := i
		for j < len(cover) && cover[j] == cover[i] {
			j++
		}
		fmt.Fprintf(b, "[%d,%d): %s\n", i, j, cover[i])
		i = j
	}
	slices.Sort(order)
	for _, id := range order {
		fmt.Fprintf(b, "%s: %s\n", id, strings.Join(elements[id][0], " "))
		// Each element after the first has the first one's attributes but
		// those that only the first has.
		var want []string
		for _, a := range elements[id][0] {
			name, _, _ := strings.Cut(a, "=")
			if !markup.FirstOnly(name) {
				want = append(want, a)
			}
		}
		for _, e := range elements[id][1:] {
			if !slices.Equal(e, want) {
				problems = append(problems, fmt.Sprintf("an element of %s has %v, want %v", id, e, want))
			}
		}
	}
	for _, p := range problems {
		fmt.Fprintf(b, "problem: %s\n", p)
	}
}

// change is one change of a highlight, as the app paints it.
type change struct {
	op string // "add", "delete", "restyle", "move" (a new range)
	a  annotations.Annotation
}

// apply paints a change in place, from the annotations before, and
// returns the annotations after.
func apply(t *testing.T, clauses map[string]*resolution.Clause, before []annotations.Annotation, ch change) []annotations.Annotation {
	t.Helper()
	c := clauses[ch.a.Clause]
	highlight := func() {
		t.Helper()
		s, e := annotations.CodePointsToUTF16(c.Text, ch.a.Start), annotations.CodePointsToUTF16(c.Text, ch.a.End)
		if err := Highlight(c.ID, s, e, markup.MarkOf(ch.a)); err != nil {
			t.Fatalf("Highlight: %v", err)
		}
	}
	after := slices.DeleteFunc(slices.Clone(before), func(x annotations.Annotation) bool { return x.ID == ch.a.ID })
	switch ch.op {
	case "add":
		highlight()
	case "delete":
		if err := Unhighlight(ch.a.ID); err != nil {
			t.Fatalf("Unhighlight: %v", err)
		}
	case "restyle":
		if err := Restyle(markup.MarkOf(ch.a)); err != nil {
			t.Fatalf("Restyle: %v", err)
		}
	case "move":
		if err := Unhighlight(ch.a.ID); err != nil {
			t.Fatalf("Unhighlight: %v", err)
		}
		highlight()
	default:
		t.Fatalf("unknown change %q", ch.op)
	}
	if ch.op != "delete" {
		after = append(after, ch.a)
	}
	var mine []annotations.Annotation
	for _, a := range after {
		if a.Clause == c.ID {
			mine = append(mine, a)
		}
	}
	if err := SetSuggestion(c.ID, markup.SuggestionHTML(c, mine)); err != nil {
		t.Fatalf("SetSuggestion: %v", err)
	}
	return after
}

func TestPaintingInPlaceGivesTheDOMOfAFreshRender(t *testing.T) {
	c := paintClause()
	sub := c.Children[0]
	clauses := clauseIndex(c)
	const (
		req  = annotations.Request
		com  = annotations.Commitment
		conc = annotations.Concern
	)
	a := func(id, s string, tag annotations.Tag) annotations.Annotation { return ann(c, id, s, tag) }
	noted := func(x annotations.Annotation, note string) annotations.Annotation { x.Note = note; return x }
	retag := func(x annotations.Annotation, tag annotations.Tag) annotations.Annotation { x.Tag = tag; return x }
	// Existing highlights the cases start from.
	cafe := a("m", "“Café” 🌍", req)                // inside the text
	crossFn := a("m", "initiative of 東京", conc)    // across the first footnote marker
	whole := a("w", "", com)                       // the whole clause
	tail := a("t", "States to act 🏳️‍🌈 now;", req) // up to the end
	leadSpan := a("l", "ests the", conc)           // across the end of the opening phrase
	cases := []struct {
		name   string
		before []annotations.Annotation
		change change
		exact  bool
	}{
		{"add a span alone", nil, change{"add", cafe}, true},
		{"add a span starting in the opening phrase", nil, change{"add", leadSpan}, true},
		{"add a span inside the opening phrase", nil, change{"add", a("l", "que", req)}, true},
		{"add a span across a footnote marker", nil, change{"add", crossFn}, true},
		{"add a span of emoji", nil, change{"add", a("e", "🌍🤝", com)}, true},
		{"add a span of a ZWJ emoji sequence up to the end", nil, change{"add", tail}, true},
		{"add the whole clause", nil, change{"add", whole}, true},
		{"add inside a highlight", []annotations.Annotation{cafe}, change{"add", a("n", "Café", com)}, true},
		{"add around a highlight", []annotations.Annotation{a("n", "Café", com)}, change{"add", a("m", "the “Café” 🌍🤝", req)}, true},
		{"add over the same range, smaller id", []annotations.Annotation{a("n", "“Café”", com)}, change{"add", a("a", "“Café”", req)}, true},
		{"add over the same range, larger id", []annotations.Annotation{a("n", "“Café”", com)}, change{"add", a("z", "“Café”", req)}, true},
		{"add from the same start, shorter", []annotations.Annotation{a("n", "“Café” 🌍🤝", com)}, change{"add", a("z", "“Café”", req)}, true},
		{"add from the same start, longer", []annotations.Annotation{a("n", "“Café”", com)}, change{"add", a("z", "“Café” 🌍🤝", req)}, true},
		{"add up to the same end", []annotations.Annotation{a("n", "Café” 🌍", com)}, change{"add", a("z", "“Café” 🌍", req)}, true},
		{"add crossing the start of a highlight", []annotations.Annotation{a("n", "Café” 🌍🤝 initiative", com)}, change{"add", a("z", "the “Café”", req)}, true},
		{"add crossing the end of a highlight", []annotations.Annotation{a("n", "the “Café”", com)}, change{"add", a("z", "Café” 🌍🤝 initiative", req)}, true},
		{"add across a footnote over a highlight across it", []annotations.Annotation{crossFn}, change{"add", a("z", "🤝 initiative of 東京 <partners>", req)}, true},
		{"add the whole clause over highlights", []annotations.Annotation{leadSpan, crossFn, tail, a("n", "Café", conc)}, change{"add", whole}, true},
		{"add the whole clause over a whole clause with a smaller id", []annotations.Annotation{a("a", "", conc), crossFn}, change{"add", whole}, true},
		{"add the whole clause over a whole clause with a larger id", []annotations.Annotation{a("z", "", conc), crossFn}, change{"add", whole}, true},
		{"add a span in a sub-paragraph", nil, change{"add", ann(sub, "s", "report 📄", req)}, true},
		{"add in the parent of a highlighted sub-paragraph", []annotations.Annotation{ann(sub, "s", "", req)}, change{"add", whole}, true},
		{"edit the tag", []annotations.Annotation{cafe, a("n", "Café", com)}, change{"restyle", retag(cafe, conc)}, true},
		{"add a note", []annotations.Annotation{crossFn}, change{"restyle", noted(crossFn, "see the report")}, true},
		{"remove the note", []annotations.Annotation{noted(crossFn, "old")}, change{"restyle", crossFn}, true},
		{"edit the tag of the whole clause: the suggestion comes back", []annotations.Annotation{retag(whole, req)}, change{"restyle", whole}, true},
		{"delete a span alone", []annotations.Annotation{cafe}, change{"delete", cafe}, true},
		{"delete a span across the opening phrase", []annotations.Annotation{leadSpan}, change{"delete", leadSpan}, true},
		{"delete a span across a footnote marker", []annotations.Annotation{crossFn}, change{"delete", crossFn}, true},
		{"delete an inner highlight", []annotations.Annotation{cafe, a("n", "Café", com)}, change{"delete", a("n", "Café", com)}, true},
		{"delete an outer highlight", []annotations.Annotation{cafe, a("n", "Café", com)}, change{"delete", cafe}, true},
		{"delete one of two crossing", []annotations.Annotation{a("n", "the “Café”", com), a("z", "Café” 🌍🤝 initiative", req)}, change{"delete", a("n", "the “Café”", com)}, true},
		{"delete the other of two crossing", []annotations.Annotation{a("n", "the “Café”", com), a("z", "Café” 🌍🤝 initiative", req)}, change{"delete", a("z", "Café” 🌍🤝 initiative", req)}, true},
		{"delete the whole clause over highlights", []annotations.Annotation{whole, leadSpan, crossFn, tail}, change{"delete", whole}, true},
		{"move a span", []annotations.Annotation{cafe, crossFn}, change{"move", a("m", "🤝 initiative", req)}, true},
		// Two highlights start inside the new one and last past its end,
		// the one that lasts longer started later: a fresh render nests
		// them the other way after the new one's end.
		{"add over the starts of two highlights that last past it", []annotations.Annotation{a("n", "Café” 🌍🤝 initiative", com), a("z", "🌍🤝 initiative of 東京", conc)},
			change{"add", a("x", "the “Café” 🌍", req)}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			box := mount(t, render(c, tc.before))
			after := apply(t, clauses, tc.before, tc.change)
			want := fresh(render(c, after))
			if got, want := describe(box, clauses), describe(want, clauses); got != want {
				t.Fatalf("the page is not equivalent to a fresh render:\n got %s\nwant %s", got, want)
			}
			got, wantHTML := sortedHTML(box), sortedHTML(want)
			if tc.exact && got != wantHTML {
				t.Fatalf("the page is not the fresh render:\n got %s\nwant %s", got, wantHTML)
			}
			if !tc.exact && got == wantHTML {
				t.Logf("equal to the fresh render, though not promised")
			}
		})
	}
}

// TestRandomChangesKeepThePageEquivalentToAFreshRender paints random
// sequences of changes in place and compares the page with a fresh render
// after each.
func TestRandomChangesKeepThePageEquivalentToAFreshRender(t *testing.T) {
	c := paintClause()
	clauses := clauseIndex(c)
	rng := rand.New(rand.NewPCG(11, 12))
	tags := []annotations.Tag{annotations.Commitment, annotations.Request, annotations.Concern}
	n := utf8.RuneCountInString(c.Text)
	exact, total := 0, 0
	for round := range 12 {
		box := mount(t, render(c, nil))
		var as []annotations.Annotation
		for step := range 25 {
			var ch change
			switch k := rng.IntN(10); {
			case len(as) == 0 || k < 5:
				s := rng.IntN(n)
				e := s + 1 + rng.IntN(n-s)
				if rng.IntN(6) == 0 {
					s, e = 0, n
				}
				x := annotations.Annotation{ID: fmt.Sprintf("urn:uuid:%02d-%03d", round, rng.IntN(1000)), Clause: c.ID, Start: s, End: e, Tag: tags[rng.IntN(3)]}
				x.Exact = string([]rune(c.Text)[s:e])
				if slices.ContainsFunc(as, func(y annotations.Annotation) bool { return y.ID == x.ID }) {
					continue
				}
				ch = change{"add", x}
			case k < 7:
				ch = change{"delete", as[rng.IntN(len(as))]}
			case k < 9:
				x := as[rng.IntN(len(as))]
				x.Tag = tags[rng.IntN(3)]
				if x.Note == "" {
					x.Note = "a note"
				} else {
					x.Note = ""
				}
				ch = change{"restyle", x}
			default:
				x := as[rng.IntN(len(as))]
				x.Start = rng.IntN(n)
				x.End = x.Start + 1 + rng.IntN(n-x.Start)
				x.Exact = string([]rune(c.Text)[x.Start:x.End])
				ch = change{"move", x}
			}
			as = apply(t, clauses, as, ch)
			want := fresh(render(c, as))
			if got, want := describe(box, clauses), describe(want, clauses); got != want {
				t.Fatalf("round %d, step %d (%s %s %d–%d): the page is not equivalent to a fresh render:\n got %s\nwant %s",
					round, step, ch.op, ch.a.ID, ch.a.Start, ch.a.End, got, want)
			}
			total++
			if sortedHTML(box) == sortedHTML(want) {
				exact++
			}
		}
		box.Call("remove") // the next round's clause has the same ids
	}
	t.Logf("%d of %d random changes gave exactly the fresh render", exact, total)
}

func TestPainterErrorsAreErrorsNotPanics(t *testing.T) {
	c := paintClause()
	box := mount(t, render(c, []annotations.Annotation{ann(c, "m", "Café", annotations.Request)})+`<div id="cm-no-text"></div>`)
	before := box.Get("innerHTML").String()
	n := utf16Len(c.Text)
	m := markup.Mark{ID: "x", Tag: annotations.Request, Description: "x"}
	for _, tc := range []struct {
		name      string
		err       error
		notOnPage bool
	}{
		{"a missing clause", Highlight("nope", 0, 1, m), true},
		{"a clause without text", Highlight("cm-no-text", 0, 1, m), true},
		{"an empty range", Highlight(c.ID, 3, 3, m), false},
		{"a negative start", Highlight(c.ID, -1, 3, m), false},
		{"a range past the end", Highlight(c.ID, 0, n+1, m), false},
		{"an annotation highlighted already", Highlight(c.ID, 0, 2, markup.Mark{ID: "m", Tag: annotations.Request}), false},
		{"the suggestion of a missing clause", SetSuggestion("nope", ""), true},
		{"selecting in a missing clause", func() error { _, err := SelectText("nope", 0, 1); return err }(), true},
		{"selecting past the end", func() error { _, err := SelectText(c.ID, 0, n+5); return err }(), false},
		{"clicking a missing element", ClickElement("nope"), true},
		{"placing a missing element", PlaceBeside("nope", Rect{}, "", "", true), true},
		{"placing beside a missing highlight", PlaceBeside("cm-nope", Rect{}, "nope", "", false), true},
		{"painting a missing clause", ReplaceClause("nope", "<div></div>"), true},
		{"painting a missing section", SetInnerHTML("#nope", ""), true},
		{"focusing with a bad selector", func() error { _, err := Focus("[[bad"); return err }(), false},
		{"flashing with a bad selector", func() error { _, err := Flash("[[bad"); return err }(), false},
		{"reading a missing file input", func() error { _, _, err := InputFile("nope", 10); return err }(), true},
	} {
		if tc.err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if got := errors.Is(tc.err, ErrNotOnPage); got != tc.notOnPage {
			t.Errorf("%s: %v; errors.Is(ErrNotOnPage) = %v, want %v", tc.name, tc.err, got, tc.notOnPage)
		}
	}
	if got := box.Get("innerHTML").String(); got != before {
		t.Errorf("a failed call changed the page:\n got %s\nwant %s", got, before)
	}
	// What the page may lack is no error.
	if ok, err := Focus("#nope"); ok || err != nil {
		t.Errorf("Focus of a missing element = %v, %v", ok, err)
	}
	if ok, err := Flash("#nope"); ok || err != nil {
		t.Errorf("Flash of a missing element = %v, %v", ok, err)
	}
	if ok, err := ToggleClass("nope", "x", true); ok || err != nil {
		t.Errorf("ToggleClass of a missing element = %v, %v", ok, err)
	}
	if _, ok, err := ClauseRect("nope"); ok || err != nil {
		t.Errorf("ClauseRect of a missing clause = %v, %v", ok, err)
	}
	if _, ok, err := AnnotationRect("nope"); ok || err != nil {
		t.Errorf("AnnotationRect of a missing highlight = %v, %v", ok, err)
	}
	if _, ok, err := InputValue("nope"); ok || err != nil {
		t.Errorf("InputValue of a missing field = %v, %v", ok, err)
	}
	if err := Unhighlight("nope"); err != nil {
		t.Errorf("Unhighlight of a missing highlight: %v", err)
	}
	if err := Restyle(markup.Mark{ID: "nope"}); err != nil {
		t.Errorf("Restyle of a missing highlight: %v", err)
	}
}

func TestReplaceClauseKeepsTheFocusOnTheSameHighlight(t *testing.T) {
	c := paintClause()
	as := []annotations.Annotation{ann(c, "m", "Café", annotations.Request)}
	mount(t, render(c, as))
	if ok, err := Focus(markup.AnnotationSelector("m") + "[data-start]"); !ok || err != nil {
		t.Fatalf("Focus = %v, %v", ok, err)
	}
	as[0].Tag = annotations.Concern
	if err := ReplaceClause(c.ID, render(c, as)); err != nil {
		t.Fatal(err)
	}
	active := js.Global().Get("document").Get("activeElement")
	if active.Call("getAttribute", markup.AttrAnnotation).String() != "m" || active.Call("getAttribute", markup.AttrTag).String() != "concern" {
		t.Errorf("the focus is on %s", active.Get("outerHTML"))
	}
}

// BenchmarkHighlightTheWholeOfADenseClause paints a whole-clause highlight
// over 140 others (what 10,000 annotations on the seed give a clause) and
// removes it: the work of one tag key in the densest benchmark cell.
func BenchmarkHighlightTheWholeOfADenseClause(b *testing.B) {
	doc, err := resolution.Parse(resolution.Seed())
	if err != nil {
		b.Fatal(err)
	}
	c := doc.Clause("op21")
	n := utf8.RuneCountInString(c.Text)
	rng := rand.New(rand.NewPCG(7, 11))
	var as []annotations.Annotation
	for i := range 140 {
		w := min(n, 20+rng.IntN(181))
		s := rng.IntN(n - w + 1)
		as = append(as, annotations.Annotation{ID: fmt.Sprintf("urn:uuid:%03d", i), Clause: c.ID, Start: s, End: s + w, Exact: string([]rune(c.Text)[s : s+w]), Tag: annotations.Request})
	}
	doc2 := js.Global().Get("document")
	box := doc2.Call("createElement", "div")
	box.Set("innerHTML", render(c, as))
	doc2.Get("body").Call("appendChild", box)
	defer box.Call("remove")
	whole := markup.Mark{ID: "urn:uuid:zzz", Tag: annotations.Commitment, Description: "whole"}
	end := utf16Len(c.Text)
	marks := box.Call("querySelectorAll", "mark").Length()
	b.ResetTimer()
	var painting time.Duration
	for range b.N {
		t0 := time.Now()
		if err := Highlight(c.ID, 0, end, whole); err != nil {
			b.Fatal(err)
		}
		painting += time.Since(t0)
		if err := Unhighlight(whole.ID); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(painting.Microseconds())/float64(b.N), "µs-highlight/op")
	b.ReportMetric(float64(marks), "marks")
}
