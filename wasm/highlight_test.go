//go:build js && wasm

package wasm

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/markup"
	"github.com/hack-pad/safejs"
)

// clauseFixture puts a clause on the page as the app renders it: an
// opening phrase in <em>, text with emoji (two UTF-16 units each), and a
// footnote marker that is not part of the plain text. It is removed at the
// end of the test.
func clauseFixture(t *testing.T, id string) js.Value {
	t.Helper()
	doc := js.Global().Get("document")
	div := doc.Call("createElement", "div")
	div.Set("id", id)
	div.Call("setAttribute", "data-clause", id)
	div.Set("innerHTML", `<div class="cm-margin"></div><p class="cm-para"><span class="cm-text"><em class="cm-lead">Welcomes</em> the “Café” 🌍🤝 initiative<sup class="cm-fnref" data-nontext><a href="#fn1">1</a></sup> of 東京 partners;</span></p>`)
	doc.Get("body").Call("appendChild", div)
	t.Cleanup(func() { div.Call("remove") })
	return div
}

// plain is the clause's plain text: its text without footnote markers and
// tag letters.
func plain(div js.Value) string {
	var b strings.Builder
	c := &jsCalls{op: "test"}
	textNodes(c, safejs.Safe(div.Call("querySelector", ".cm-text")), func(n safejs.Value, _ int) bool {
		b.WriteString(safejs.Unsafe(n).Get("data").String())
		return true
	})
	if c.err != nil {
		panic(c.err)
	}
	return b.String()
}

// covered is the text of an annotation's marks, leaving out its marks
// nested in its own.
func covered(div js.Value, id string) string {
	var b strings.Builder
	marks := div.Call("querySelectorAll", `mark[data-annotation="`+id+`"]`)
	for i := 0; i < marks.Length(); i++ {
		m := marks.Index(i)
		if p := m.Get("parentElement").Call("closest", `mark[data-annotation="`+id+`"]`); !p.IsNull() {
			continue
		}
		b.WriteString(m.Get("textContent").String())
	}
	return b.String()
}

// u16 is the UTF-16 offset of sub in text, and of its end.
func u16(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	n := func(s string) int {
		k := 0
		for _, r := range s {
			if r > 0xFFFF {
				k += 2
			} else {
				k++
			}
		}
		return k
	}
	return n(text[:i]), n(text[:i]) + n(sub)
}

func TestHighlightWrapsExactlyItsRangeAcrossElementsAndEmoji(t *testing.T) {
	div := clauseFixture(t, "hl1")
	text := plain(div)
	start, end := u16(t, text, "comes the “Café” 🌍🤝 initiative of 東")
	if err := Highlight("hl1", start, end, markup.Mark{ID: "a", Tag: annotations.Request, Description: "Request"}); err != nil {
		t.Fatal(err)
	}
	// The footnote marker stays outside: the highlight is in two pieces.
	if got, want := covered(div, "a"), "comes the “Café” 🌍🤝 initiative of 東"; got != want {
		t.Errorf("covered %q, want %q", got, want)
	}
	if got := plain(div); got != text {
		t.Errorf("the plain text changed: got %q, want %q", got, text)
	}
	if n := div.Call("querySelectorAll", `mark[data-annotation="a"][data-start]`).Length(); n != 1 {
		t.Errorf("got %d first elements, want 1", n)
	}
	if n := div.Call("querySelectorAll", `.cm-tagmark[data-for="a"][data-tagmark="request"]`).Length(); n != 1 {
		t.Errorf("got %d tag letters, want 1", n)
	}
	if div.Call("querySelector", `sup[data-nontext]`).Call("closest", "mark").Truthy() {
		t.Error("the footnote marker ended up inside a highlight")
	}
}

func TestOverlappingHighlightsAndAWholeClauseKeepEveryRangeExact(t *testing.T) {
	div := clauseFixture(t, "hl2")
	text := plain(div)
	cases := []struct{ id, sub string }{
		{"a", "the “Café” 🌍"},
		{"b", "🌍🤝 initiative of"},
		{"c", "Café"},
		{"whole", text},
	}
	for _, c := range cases {
		s, e := u16(t, text, c.sub)
		if err := Highlight("hl2", s, e, markup.Mark{ID: c.id, Tag: annotations.Concern, Description: c.id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range cases {
		if got := covered(div, c.id); got != c.sub {
			t.Errorf("%s covers %q, want %q", c.id, got, c.sub)
		}
	}
	if got := plain(div); got != text {
		t.Errorf("the plain text changed: got %q, want %q", got, text)
	}
	// The whole clause is one element around the rest, split only by the
	// elements outside the plain text at its top (the footnote marker, the
	// tag letters of the highlights that end there).
	nontext := div.Call("querySelectorAll", `.cm-text > [data-nontext]`).Length()
	if n := div.Call("querySelectorAll", `mark[data-annotation="whole"]`).Length(); n > nontext+1 {
		t.Errorf("the whole-clause highlight has %d elements, want at most %d", n, nontext+1)
	}
}

func TestUnhighlightGivesTheTextBackAndRestyleChangesTheTag(t *testing.T) {
	div := clauseFixture(t, "hl3")
	text := plain(div)
	before := div.Call("querySelector", ".cm-text").Get("innerHTML").String()
	s, e := u16(t, text, "🤝 initiative")
	if err := Highlight("hl3", s, e, markup.Mark{ID: "a", Tag: annotations.Request, Description: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := Restyle(markup.Mark{ID: "a", Tag: annotations.Commitment, Note: true, Description: "y"}); err != nil {
		t.Fatal(err)
	}
	m := div.Call("querySelector", `mark[data-annotation="a"][data-start]`)
	if got := m.Call("getAttribute", "data-tag").String(); got != "commitment" {
		t.Errorf("tag: got %q", got)
	}
	if !m.Call("hasAttribute", "data-note").Bool() || m.Call("getAttribute", "aria-description").String() != "y" {
		t.Error("the note mark or the label did not change")
	}
	if err := Unhighlight("a"); err != nil {
		t.Fatal(err)
	}
	if got := div.Call("querySelector", ".cm-text").Get("innerHTML").String(); got != before {
		t.Errorf("after unhighlight:\n got %s\nwant %s", got, before)
	}
}

func TestHighlightRefusesARangePastTheText(t *testing.T) {
	div := clauseFixture(t, "hl4")
	n := len([]rune(plain(div))) + 10
	if err := Highlight("hl4", 0, n, markup.Mark{ID: "a", Tag: annotations.Request}); err == nil {
		t.Error("got no error")
	}
	if err := Highlight("nope", 0, 1, markup.Mark{ID: "a", Tag: annotations.Request}); err == nil {
		t.Error("got no error for a missing clause")
	}
}
