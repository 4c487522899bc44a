//go:build js && wasm

package wasm

import (
	"fmt"

	"github.com/clausemark/clausemark/markup"
	"github.com/hack-pad/safejs"
)

// The page structure the selection code relies on is the clause markup of
// package markup: a clause element has the attribute markup.AttrClause; its
// plain text is the text of its text element (markup.TextSelector: in its
// own paragraph, not in its sub-paragraphs), minus the text of elements
// marked markup.AttrNonText (footnote markers, tag letters).

// showText is NodeFilter.SHOW_TEXT, for createTreeWalker.
const showText = 4

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
	c := &jsCalls{op: "read the selection"}
	doc := c.document()
	sel := c.call(safejs.Global(), "getSelection")
	if c.err != nil || absent(sel) || c.int(c.get(sel, "rangeCount")) == 0 || c.bool(c.get(sel, "isCollapsed")) {
		return s, false, c.err
	}
	r := c.call(sel, "getRangeAt", 0)
	anchorClause := clauseOf(c, c.get(sel, "anchorNode"))
	focusClause := clauseOf(c, c.get(sel, "focusNode"))
	startContainer, endContainer := c.get(r, "startContainer"), c.get(r, "endContainer")
	startClause := clauseOf(c, startContainer)
	endClause := clauseOf(c, endContainer)

	clause := anchorClause
	if absent(clause) {
		clause = startClause
		if absent(clause) {
			clause = endClause
		}
	}
	if c.err != nil || absent(clause) {
		return s, false, c.err
	}
	text := c.call(clause, "querySelector", markup.TextSelector)
	if c.err != nil || absent(text) {
		return s, false, c.err
	}
	total := textLength(c, text)

	start, end := 0, total
	crossed := !sameNode(anchorClause, focusClause) || !sameNode(startClause, endClause)
	if sameNode(startClause, clause) && c.bool(c.call(text, "contains", startContainer)) {
		start = offsetAt(c, doc, text, startContainer, c.int(c.get(r, "startOffset")))
	} else if !sameNode(startClause, clause) {
		crossed = true
	}
	if sameNode(endClause, clause) && c.bool(c.call(text, "contains", endContainer)) {
		end = offsetAt(c, doc, text, endContainer, c.int(c.get(r, "endOffset")))
	} else if !sameNode(endClause, clause) {
		crossed = true
	}
	if c.err != nil || end <= start {
		return s, false, c.err
	}
	s = ClauseSelection{
		Clause:  c.str(c.call(clause, "getAttribute", markup.AttrClause)),
		Start:   start,
		End:     end,
		Crossed: crossed,
	}
	if crossed {
		// Show what will be tagged: the clamped span.
		s.Rect, _ = selectRange(c, doc, text, start, end)
	} else {
		s.Rect = rectOf(c, r)
	}
	if c.err != nil {
		return ClauseSelection{}, false, c.err
	}
	return s, true, nil
}

// SelectText selects [start, end) (UTF-16 offsets of the plain text) of a
// clause and returns where it is on screen. A missing clause is an error
// wrapping ErrNotOnPage.
func SelectText(clauseID string, start, end int) (Rect, error) {
	c := &jsCalls{op: fmt.Sprintf("select %d–%d of clause %q", start, end, clauseID)}
	text := clauseTextElement(c, clauseID)
	if c.err != nil {
		return Rect{}, c.err
	}
	return selectRange(c, c.document(), text, start, end)
}

// ClearSelection empties the page's selection.
func ClearSelection() error {
	c := &jsCalls{op: "clear the selection"}
	if sel := c.call(safejs.Global(), "getSelection"); !absent(sel) {
		c.call(sel, "removeAllRanges")
	}
	return c.err
}

// selectRange sets the page's selection to [start, end) of a text element.
func selectRange(c *jsCalls, doc, text safejs.Value, start, end int) (Rect, error) {
	sc, so := pointAt(c, text, start, false)
	ec, eo := pointAt(c, text, end, true)
	if c.err != nil {
		return Rect{}, c.err
	}
	if absent(sc) || absent(ec) {
		return Rect{}, c.fail(fmt.Errorf("%s: the offsets %d–%d are outside the clause", c.op, start, end))
	}
	r := c.call(doc, "createRange")
	c.call(r, "setStart", sc, so)
	c.call(r, "setEnd", ec, eo)
	sel := c.call(safejs.Global(), "getSelection")
	c.call(sel, "removeAllRanges")
	c.call(sel, "addRange", r)
	rect := rectOf(c, r)
	return rect, c.err
}

// textNodes calls f for each text node of the plain text of el, in order,
// with its length in UTF-16 units; f returns false to stop.
func textNodes(c *jsCalls, el safejs.Value, f func(node safejs.Value, n int) bool) {
	w := c.call(c.document(), "createTreeWalker", el, showText)
	for n := c.call(w, "nextNode"); !absent(n) && c.err == nil; n = c.call(w, "nextNode") {
		if p := c.get(n, "parentElement"); !absent(p) {
			if skip := c.call(p, "closest", "["+markup.AttrNonText+"]"); !absent(skip) && c.bool(c.call(el, "contains", skip)) {
				continue
			}
		}
		// A Text node's length is its length in UTF-16 units.
		if !f(n, c.int(c.get(n, "length"))) {
			return
		}
	}
}

// textLength is the length of the plain text of el in UTF-16 units.
func textLength(c *jsCalls, el safejs.Value) int {
	total := 0
	textNodes(c, el, func(_ safejs.Value, n int) bool { total += n; return true })
	return total
}

// offsetAt returns the UTF-16 offset in the plain text of el of the
// boundary point (container, offset).
func offsetAt(c *jsCalls, doc, el, container safejs.Value, offset int) int {
	// The text before the point is the text of el's nodes that end before
	// it, plus the part of the container when it is a text node.
	before := c.call(doc, "createRange")
	c.call(before, "setStart", el, 0)
	c.call(before, "setEnd", container, offset)
	total := 0
	textNodes(c, el, func(node safejs.Value, n int) bool {
		switch {
		case node.Equal(container):
			total += min(offset, n)
			return false
		case c.int(c.call(before, "comparePoint", node, n)) == 0:
			total += n
			return true
		default:
			return false
		}
	})
	return total
}

// pointAt finds the text node and offset at a UTF-16 offset of the plain
// text of el, or undefined when the offset is outside it. atEnd prefers
// the end of a node to the start of the next.
func pointAt(c *jsCalls, el safejs.Value, off int, atEnd bool) (safejs.Value, int) {
	node := safejs.Undefined()
	pos := 0
	last := safejs.Undefined()
	lastLen := 0
	textNodes(c, el, func(n safejs.Value, l int) bool {
		last, lastLen = n, l
		if off < pos+l || (atEnd && off == pos+l) || (!atEnd && off == pos+l && l == 0) {
			node = n
			return false
		}
		pos += l
		return true
	})
	if off < 0 {
		return safejs.Undefined(), 0
	}
	if node.IsUndefined() {
		if off == pos && !last.IsUndefined() {
			return last, lastLen
		}
		return safejs.Undefined(), 0
	}
	return node, off - pos
}

// clauseOf returns the clause element holding a node, or null.
func clauseOf(c *jsCalls, node safejs.Value) safejs.Value {
	if absent(node) {
		return safejs.Null()
	}
	el := node
	if c.int(c.get(node, "nodeType")) != elementNode {
		el = c.get(node, "parentElement")
	}
	if absent(el) {
		return safejs.Null()
	}
	return c.call(el, "closest", "["+markup.AttrClause+"]")
}

// sameNode reports whether a and b are the same node, or both none.
func sameNode(a, b safejs.Value) bool {
	if absent(a) || absent(b) {
		return absent(a) && absent(b)
	}
	return a.Equal(b)
}

// rectOf returns the bounding rectangle of an element or a Range.
func rectOf(c *jsCalls, r safejs.Value) Rect {
	b := c.call(r, "getBoundingClientRect")
	return Rect{
		Top:    c.float(c.get(b, "top")),
		Left:   c.float(c.get(b, "left")),
		Bottom: c.float(c.get(b, "bottom")),
		Right:  c.float(c.get(b, "right")),
	}
}
