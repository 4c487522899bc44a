//go:build js && wasm

package wasm

import (
	"fmt"
	"syscall/js"
)

// The page structure the selection code relies on: a clause element has a
// data-clause attribute; its plain text is the text of its element of class
// cm-text (in its own paragraph, not in its sub-paragraphs), minus the text
// of elements marked data-nontext (footnote markers, tag letters).
const (
	clauseAttr  = "data-clause"
	textSel     = ":scope > .cm-para .cm-text"
	nonTextAttr = "data-nontext"
)

// Rect is a rectangle in viewport coordinates (CSS pixels).
type Rect struct {
	Top, Left, Bottom, Right float64
}

// ClauseSelection is the part of the page's selection that lies in one
// clause's text. Start and End count UTF-16 code units of the clause's
// plain text (what the DOM counts); convert them to code points before
// storing.
type ClauseSelection struct {
	// Clause is the id of the clause.
	Clause string
	// Start and End are UTF-16 offsets in the clause's plain text, End
	// excluded.
	Start, End int
	// Crossed is set when the selection went on into other clauses and was
	// clamped to the clause where it started.
	Crossed bool
	// Rect is where the (clamped) selection is on screen.
	Rect Rect
}

// ReadSelection returns the page's selection as a span of one clause. A
// selection that crosses clauses is clamped to the clause where it started
// (its anchor; when the anchor is outside any clause, the first clause it
// touches). ok is false when nothing is selected in a clause's text.
func ReadSelection() (s ClauseSelection, ok bool, err error) {
	defer recoverJS(&err)
	doc := js.Global().Get("document")
	sel := js.Global().Call("getSelection")
	if sel.IsNull() || sel.Get("rangeCount").Int() == 0 || sel.Get("isCollapsed").Bool() {
		return s, false, nil
	}
	r := sel.Call("getRangeAt", 0)
	anchorClause := clauseOf(sel.Get("anchorNode"))
	focusClause := clauseOf(sel.Get("focusNode"))
	startClause := clauseOf(r.Get("startContainer"))
	endClause := clauseOf(r.Get("endContainer"))

	clause := anchorClause
	if clause.IsNull() {
		clause = startClause
		if clause.IsNull() {
			clause = endClause
		}
	}
	if clause.IsNull() {
		return s, false, nil
	}
	text := clause.Call("querySelector", textSel)
	if text.IsNull() {
		return s, false, nil
	}
	total := textLength(text)

	start, end := 0, total
	crossed := !sameNode(anchorClause, focusClause) || !sameNode(startClause, endClause)
	if sameNode(startClause, clause) && text.Call("contains", r.Get("startContainer")).Bool() {
		start = offsetAt(doc, text, r.Get("startContainer"), r.Get("startOffset").Int())
	} else if !sameNode(startClause, clause) {
		crossed = true
	}
	if sameNode(endClause, clause) && text.Call("contains", r.Get("endContainer")).Bool() {
		end = offsetAt(doc, text, r.Get("endContainer"), r.Get("endOffset").Int())
	} else if !sameNode(endClause, clause) {
		crossed = true
	}
	if end <= start {
		return s, false, nil
	}
	s = ClauseSelection{
		Clause:  clause.Call("getAttribute", clauseAttr).String(),
		Start:   start,
		End:     end,
		Crossed: crossed,
	}
	if crossed {
		// Show what will be tagged: the clamped span.
		s.Rect, _ = selectRange(doc, text, start, end)
	} else {
		s.Rect = rectOf(r)
	}
	return s, true, nil
}

// SelectText selects [start, end) (UTF-16 offsets of the plain text) of a
// clause and returns where it is on screen.
func SelectText(clauseID string, start, end int) (rect Rect, err error) {
	defer recoverJS(&err)
	doc := js.Global().Get("document")
	clause := doc.Call("getElementById", clauseID)
	if clause.IsNull() {
		return rect, fmt.Errorf("no clause %q on the page", clauseID)
	}
	text := clause.Call("querySelector", textSel)
	if text.IsNull() {
		return rect, fmt.Errorf("clause %q has no text element", clauseID)
	}
	return selectRange(doc, text, start, end)
}

// ClearSelection empties the page's selection.
func ClearSelection() {
	defer recoverJS(new(error))
	sel := js.Global().Call("getSelection")
	if !sel.IsNull() {
		sel.Call("removeAllRanges")
	}
}

// selectRange sets the page's selection to [start, end) of a text element.
func selectRange(doc, text js.Value, start, end int) (Rect, error) {
	sc, so := pointAt(text, start, false)
	ec, eo := pointAt(text, end, true)
	if sc.IsUndefined() || ec.IsUndefined() {
		return Rect{}, fmt.Errorf("offsets %d–%d are outside the clause", start, end)
	}
	r := doc.Call("createRange")
	r.Call("setStart", sc, so)
	r.Call("setEnd", ec, eo)
	sel := js.Global().Call("getSelection")
	sel.Call("removeAllRanges")
	sel.Call("addRange", r)
	return rectOf(r), nil
}

// textNodes calls f for each text node of the plain text of el, in order,
// with its length in UTF-16 units; f returns false to stop.
func textNodes(el js.Value, f func(node js.Value, n int) bool) {
	doc := js.Global().Get("document")
	// NodeFilter.SHOW_TEXT = 4
	w := doc.Call("createTreeWalker", el, 4)
	for n := w.Call("nextNode"); !n.IsNull(); n = w.Call("nextNode") {
		if p := n.Get("parentElement"); !p.IsNull() {
			if skip := p.Call("closest", "["+nonTextAttr+"]"); !skip.IsNull() && el.Call("contains", skip).Bool() {
				continue
			}
		}
		// A Text node's length is its length in UTF-16 units. (Length() on
		// the JS string itself would panic: syscall/js takes only objects.)
		if !f(n, n.Get("length").Int()) {
			return
		}
	}
}

// textLength is the length of the plain text of el in UTF-16 units.
func textLength(el js.Value) int {
	total := 0
	textNodes(el, func(_ js.Value, n int) bool { total += n; return true })
	return total
}

// offsetAt returns the UTF-16 offset in the plain text of el of the
// boundary point (container, offset).
func offsetAt(doc, el, container js.Value, offset int) int {
	// The text before the point is the text of el's nodes that end before
	// it, plus the part of the container when it is a text node.
	before := doc.Call("createRange")
	before.Call("setStart", el, 0)
	before.Call("setEnd", container, offset)
	total := 0
	textNodes(el, func(node js.Value, n int) bool {
		switch {
		case node.Equal(container):
			total += min(offset, n)
			return false
		case before.Call("comparePoint", node, n).Int() == 0:
			total += n
			return true
		default:
			return false
		}
	})
	return total
}

// pointAt finds the text node and offset at a UTF-16 offset of the plain
// text of el. atEnd prefers the end of a node to the start of the next.
func pointAt(el js.Value, off int, atEnd bool) (js.Value, int) {
	var node js.Value
	pos := 0
	var last js.Value
	lastLen := 0
	textNodes(el, func(n js.Value, l int) bool {
		last, lastLen = n, l
		if off < pos+l || (atEnd && off == pos+l) || (!atEnd && off == pos+l && l == 0) {
			node = n
			return false
		}
		pos += l
		return true
	})
	if node.IsUndefined() {
		if off == pos && !last.IsUndefined() {
			return last, lastLen
		}
		return js.Undefined(), 0
	}
	return node, off - pos
}

// clauseOf returns the clause element holding a node, or null.
func clauseOf(node js.Value) js.Value {
	if node.IsNull() || node.IsUndefined() {
		return js.Null()
	}
	el := node
	if node.Get("nodeType").Int() != 1 {
		el = node.Get("parentElement")
	}
	if el.IsNull() || el.IsUndefined() {
		return js.Null()
	}
	return el.Call("closest", "["+clauseAttr+"]")
}

func sameNode(a, b js.Value) bool {
	if a.IsNull() || b.IsNull() {
		return a.IsNull() && b.IsNull()
	}
	return a.Equal(b)
}

func rectOf(r js.Value) Rect {
	b := r.Call("getBoundingClientRect")
	return Rect{
		Top:    b.Get("top").Float(),
		Left:   b.Get("left").Float(),
		Bottom: b.Get("bottom").Float(),
		Right:  b.Get("right").Float(),
	}
}

// recoverJS turns a panic of syscall/js (a JS exception, or a call on a
// value of the wrong type) into an error: a panic would end the program.
func recoverJS(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("browser: %v", r)
	}
}
