//go:build js && wasm

package wasm

import (
	"fmt"
	"syscall/js"
)

// Mark describes the highlight of one annotation, for Highlight and
// Restyle. The attributes are those the app renders in its clause HTML.
type Mark struct {
	ID    string // the annotation id: data-annotation
	Tag   string // data-tag
	Note  bool   // data-note: the annotation has a note
	Label string // aria-label of its first element
	// Whole says the range is all of the clause's text: Highlight then
	// wraps the clause's content at once, without measuring it.
	Whole bool
}

// Highlight wraps [start, end) of a clause's plain text (UTF-16 offsets,
// footnote markers skipped) in <mark> elements of one annotation — one per
// piece of text, inside the highlights already there — and puts the empty
// tag-letter element after the last piece. Nothing else of the clause
// changes: focus and other highlights stay as they are, and the cost is
// the size of the range, not of the clause.
func Highlight(clauseID string, start, end int, m Mark) (err error) {
	defer recoverJS(&err)
	doc := js.Global().Get("document")
	clause := doc.Call("getElementById", clauseID)
	if clause.IsNull() {
		return fmt.Errorf("no clause %q on the page", clauseID)
	}
	text := clause.Call("querySelector", textSel)
	if text.IsNull() {
		return fmt.Errorf("clause %q has no text element", clauseID)
	}
	if start >= end {
		return fmt.Errorf("empty range %d–%d", start, end)
	}
	if m.Whole {
		return highlightWhole(doc, text, m)
	}
	// The text nodes the range touches, with their offsets.
	type piece struct {
		node     js.Value
		from, to int // the part of the node to wrap
	}
	var pieces []piece
	pos := 0
	textNodes(text, func(n js.Value, l int) bool {
		if pos >= end {
			return false
		}
		if pos+l > start && l > 0 {
			pieces = append(pieces, piece{n, max(start-pos, 0), min(end-pos, l)})
		}
		pos += l
		return true
	})
	if pos < end {
		return fmt.Errorf("range %d–%d is past the end of clause %q (%d)", start, end, clauseID, pos)
	}
	var last js.Value
	for i, p := range pieces {
		n := p.node
		if p.from > 0 {
			n = n.Call("splitText", p.from)
		}
		if p.to-p.from < n.Get("length").Int() {
			n.Call("splitText", p.to-p.from)
		}
		mark := newMark(doc, m, i == 0)
		n.Get("parentNode").Call("insertBefore", mark, n)
		mark.Call("appendChild", n)
		last = mark
	}
	addTagMark(doc, last, m)
	return nil
}

// highlightWhole highlights all of a clause's text: one <mark> around all
// of its content — the highlights inside included — split only by the
// footnote markers, which stay outside. Tagging a whole clause costs the
// same however many highlights it holds.
func highlightWhole(doc, text js.Value, m Mark) error {
	var groups [][]js.Value
	var group []js.Value
	for child := text.Get("firstChild"); !child.IsNull(); child = child.Get("nextSibling") {
		if child.Get("nodeType").Int() == 1 && child.Call("hasAttribute", nonTextAttr).Bool() {
			if len(group) > 0 {
				groups = append(groups, group)
			}
			group = nil
			continue
		}
		group = append(group, child)
	}
	if len(group) > 0 {
		groups = append(groups, group)
	}
	var last js.Value
	for i, g := range groups {
		mark := newMark(doc, m, i == 0)
		text.Call("insertBefore", mark, g[0])
		for _, n := range g {
			mark.Call("appendChild", n)
		}
		last = mark
	}
	addTagMark(doc, last, m)
	return nil
}

// newMark makes one element of a highlight; the first one is what the
// keyboard reaches and screen readers name.
func newMark(doc js.Value, m Mark, first bool) js.Value {
	mark := doc.Call("createElement", "mark")
	mark.Call("setAttribute", "data-annotation", m.ID)
	mark.Call("setAttribute", "data-tag", m.Tag)
	if first {
		mark.Call("setAttribute", "data-start", "")
		mark.Call("setAttribute", "tabindex", "0")
		mark.Call("setAttribute", "role", "button")
		mark.Call("setAttribute", "aria-label", m.Label)
	}
	if m.Note {
		mark.Call("setAttribute", "data-note", "")
	}
	return mark
}

// addTagMark puts the empty element that shows the tag letter after the
// last element of a highlight.
func addTagMark(doc, last js.Value, m Mark) {
	if last.IsUndefined() {
		return
	}
	tm := doc.Call("createElement", "span")
	tm.Call("setAttribute", "class", "cm-tagmark")
	tm.Call("setAttribute", nonTextAttr, "")
	tm.Call("setAttribute", "aria-hidden", "true")
	tm.Call("setAttribute", "data-tagmark", m.Tag)
	tm.Call("setAttribute", "data-for", m.ID)
	if m.Note {
		tm.Call("setAttribute", "data-note", "")
	}
	last.Get("parentNode").Call("insertBefore", tm, last.Get("nextSibling"))
}

// Unhighlight removes the highlight of an annotation: its <mark> elements
// give their content back to their parents (adjacent text is joined again)
// and its tag letter goes.
func Unhighlight(id string) (err error) {
	defer recoverJS(&err)
	doc := js.Global().Get("document")
	sel := `[data-annotation="` + cssString(id) + `"]`
	marks := doc.Call("querySelectorAll", "mark"+sel)
	for i := 0; i < marks.Length(); i++ {
		m := marks.Index(i)
		parent := m.Get("parentNode")
		for child := m.Get("firstChild"); !child.IsNull(); child = m.Get("firstChild") {
			parent.Call("insertBefore", child, m)
		}
		parent.Call("removeChild", m)
		parent.Call("normalize")
	}
	tms := doc.Call("querySelectorAll", `.cm-tagmark[data-for="`+cssString(id)+`"]`)
	for i := 0; i < tms.Length(); i++ {
		tms.Index(i).Call("remove")
	}
	return nil
}

// Restyle changes the tag and the note mark of a highlight in place.
func Restyle(m Mark) (err error) {
	defer recoverJS(&err)
	doc := js.Global().Get("document")
	marks := doc.Call("querySelectorAll", `mark[data-annotation="`+cssString(m.ID)+`"]`)
	for i := 0; i < marks.Length(); i++ {
		el := marks.Index(i)
		el.Call("setAttribute", "data-tag", m.Tag)
		el.Call("toggleAttribute", "data-note", m.Note)
		if el.Call("hasAttribute", "data-start").Bool() {
			el.Call("setAttribute", "aria-label", m.Label)
		}
	}
	tms := doc.Call("querySelectorAll", `.cm-tagmark[data-for="`+cssString(m.ID)+`"]`)
	for i := 0; i < tms.Length(); i++ {
		el := tms.Index(i)
		el.Call("setAttribute", "data-tagmark", m.Tag)
		el.Call("toggleAttribute", "data-note", m.Note)
	}
	return nil
}

// SetSuggestion replaces the suggestion button in a clause's margin with
// html ("" removes it) and says on the clause whether it has one.
func SetSuggestion(clauseID, html string) (err error) {
	defer recoverJS(&err)
	clause := js.Global().Get("document").Call("getElementById", clauseID)
	if clause.IsNull() {
		return fmt.Errorf("no clause %q on the page", clauseID)
	}
	margin := clause.Call("querySelector", ":scope > .cm-margin")
	if margin.IsNull() {
		return fmt.Errorf("clause %q has no margin", clauseID)
	}
	if old := margin.Call("querySelector", ".cm-suggest"); !old.IsNull() {
		old.Call("remove")
	}
	if html != "" {
		margin.Call("insertAdjacentHTML", "beforeend", html)
	}
	clause.Get("classList").Call("toggle", "has-suggestion", html != "")
	return nil
}
