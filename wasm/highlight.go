//go:build js && wasm

package wasm

import (
	"fmt"

	"github.com/clausemark/clausemark/markup"
	"github.com/hack-pad/safejs"
)

// The in-place painter: it changes the highlights of a clause that is on
// the page without rendering the clause again, and leaves the DOM that
// markup.WriteClause writes for the new state — the same elements,
// attributes in the same order, the same tag letters — in every case where
// that can be done without touching what lies outside the highlight's own
// range:
//
//   - a highlight that overlaps no other one, whatever the opening phrase
//     (<em>) and the footnote markers around it;
//   - a highlight inside another one, or around others (the whole clause,
//     for one), or with the same range as another;
//   - a highlight crossing the start of another one's element, which then
//     goes on inside it;
//   - removing any of these, and restyling any highlight.
//
// When a new highlight crosses the end of another one's element, a fresh
// render may also change the order in which the marks nest after the new
// highlight's end (the stack layout of markup.WriteClauseText orders the
// marks that open again by their end); in place, the marks after it stay as
// they were. The DOM is then equivalent, not equal: the same text, the same
// highlights over each character, the same first elements and tag letters
// (wasm/paint_test.go states and checks that equivalence).

// The node types of the DOM.
const (
	elementNode = 1
	textNode    = 3
)

// nodeKind is what a node inside a clause's text element is, for the
// painter.
type nodeKind int

const (
	kindText    nodeKind = iota // text
	kindLead                    // the <em> of the opening phrase: text only
	kindMark                    // an element of a highlight
	kindTagMark                 // the tag letter of a highlight: no text
	kindMarker                  // a footnote marker, or any element outside the plain text: highlights stop at it
	kindUnknown                 // what the clause markup does not make
)

// Highlight wraps [start, end) of a clause's plain text (UTF-16 offsets,
// footnote markers skipped) in the highlight of one annotation, described
// by m: as few <mark> elements as the markup allows, nested among the
// highlights there (see above), and its tag letter after the last. Nothing
// else of the clause changes: focus and other highlights stay as they are,
// and the cost is the size of the range and of the elements it crosses.
//
// It fails, changing nothing, when the clause or its text element is not
// on the page (ErrNotOnPage), when the range is empty or not inside the
// text, or when the annotation already has a highlight there.
func Highlight(clauseID string, start, end int, m markup.Mark) error {
	c := &jsCalls{op: fmt.Sprintf("highlight %q in clause %q", m.ID, clauseID)}
	text := clauseTextElement(c, clauseID)
	if c.err != nil {
		return c.err
	}
	if start < 0 || start >= end {
		return c.fail(fmt.Errorf("%s: the range %d–%d is empty", c.op, start, end))
	}
	if n := textElementLength(c, text); c.err == nil && end > n {
		return c.fail(fmt.Errorf("%s: the range %d–%d is past the end of the text (%d)", c.op, start, end, n))
	}
	if !absent(c.call(text, "querySelector", markup.AnnotationSelector(m.ID))) {
		return c.fail(fmt.Errorf("%s: the annotation is highlighted already", c.op))
	}
	if c.err != nil {
		return c.err
	}
	p := &painter{c: c, doc: c.document(), text: text, m: m, s: start, e: end, first: true}
	p.paint(text, 0)
	if c.err == nil && p.first {
		return c.fail(fmt.Errorf("%s: no text found at %d–%d", c.op, start, end))
	}
	p.addTagMark()
	return c.err
}

// painter paints one new highlight, m over [s, e), in a clause's text.
type painter struct {
	c     *jsCalls
	doc   safejs.Value
	text  safejs.Value // the clause's text element
	m     markup.Mark
	s, e  int
	first bool         // no element of the highlight made yet
	last  safejs.Value // the last element made
	// starts and ends are where each highlight of the clause starts and
	// ends (measure).
	starts, ends map[string]int
}

// paint wraps what lies in [s, e) among the children of container, whose
// plain text starts at offset off. Runs of neighbours that lie within the
// range go into one new element; an element that holds the range's start,
// or lasts longer from the same start, is painted inside; an element
// starting within the range and lasting past its end is split there.
func (p *painter) paint(container safejs.Value, off int) {
	c := p.c
	var run []safejs.Value
	prevInRun := false // the previous child went into run
	for child := c.get(container, "firstChild"); !absent(child) && c.err == nil; {
		next := c.get(child, "nextSibling")
		kind := nodeKindOf(c, child)
		switch kind {
		case kindTagMark:
			// A tag letter follows its highlight's last element: it goes
			// where that element goes.
			if prevInRun {
				run = append(run, child)
			}
			child = next
			continue
		case kindMarker:
			p.flush(&run)
			prevInRun = false
			child = next
			continue
		case kindUnknown:
			c.fail(&DOMError{Op: c.op, Message: "an element the clause markup does not make is in the text", Err: ErrNotOnPage})
			return
		}
		cs := off
		off += plainLength(c, child, kind)
		ce := off
		if ce <= p.s {
			prevInRun = false
			child = next
			continue
		}
		if cs >= p.e {
			break
		}
		// Whether the child goes into the new element, and whether it
		// was cut at the range's end (nothing after it belongs here).
		in, cut := true, false
		switch kind {
		case kindText:
			if cs < p.s {
				child = c.call(child, "splitText", p.s-cs)
				cs = p.s
			}
			if ce > p.e {
				c.call(child, "splitText", p.e-cs)
				cut = true
			}
		case kindLead:
			if cs < p.s {
				child = p.split(child, p.s-cs)
				cs = p.s
			}
			if ce > p.e {
				p.split(child, p.e-cs)
				cut = true
			}
		case kindMark:
			switch {
			case cs < p.s || (len(run) == 0 && p.outside(child, ce)):
				in = false
			case ce > p.e:
				p.split(child, p.e-cs)
				cut = true
			}
		}
		if in {
			run = append(run, child)
		} else {
			p.flush(&run)
			p.paint(child, cs)
		}
		if cut {
			break
		}
		prevInRun = in
		child = next
	}
	p.flush(&run)
}

// outside reports whether an element of a highlight that starts where a
// new element of the highlight being painted would start (the range's
// start, or where it opens again after a footnote marker or after an
// element it was inside) goes outside it, as markup.WriteClauseText lays
// them out: the longest-lasting outside; of two that end together, the one
// that was outside before (that started before the range, or with it and
// has the smaller id). ce is where the element ends.
func (p *painter) outside(el safejs.Value, ce int) bool {
	c := p.c
	if ce > p.e {
		return true
	}
	id := c.str(c.call(el, "getAttribute", markup.AttrAnnotation))
	// Most often the element tells: the last one of its highlight is
	// followed by its tag letter, the first one has AttrStart.
	last := false
	if next := c.get(el, "nextSibling"); !absent(next) && nodeKindOf(c, next) == kindTagMark {
		last = c.str(c.call(next, "getAttribute", markup.AttrFor)) == id
	}
	switch {
	case !last && ce == p.e:
		return true // it goes on after the range's end
	case last && ce < p.e:
		return false // it ends before
	case last && c.bool(c.call(el, "hasAttribute", markup.AttrStart)):
		return id < p.m.ID // the same range
	}
	p.measure()
	start, end := p.starts[id], p.ends[id]
	switch {
	case end != p.e:
		return end > p.e
	case start != p.s:
		return start < p.s
	}
	return id < p.m.ID
}

// measure finds, once, where each highlight of the clause starts and ends:
// the offsets of its first element and of its tag letter.
func (p *painter) measure() {
	if p.ends != nil {
		return
	}
	c := p.c
	p.starts, p.ends = map[string]int{}, map[string]int{}
	var walk func(n safejs.Value, off int) int
	walk = func(n safejs.Value, off int) int {
		for child := c.get(n, "firstChild"); !absent(child) && c.err == nil; child = c.get(child, "nextSibling") {
			switch kind := nodeKindOf(c, child); kind {
			case kindTagMark:
				p.ends[c.str(c.call(child, "getAttribute", markup.AttrFor))] = off
			case kindMark:
				if c.bool(c.call(child, "hasAttribute", markup.AttrStart)) {
					p.starts[c.str(c.call(child, "getAttribute", markup.AttrAnnotation))] = off
				}
				off = walk(child, off)
			default:
				off += plainLength(c, child, kind)
			}
		}
		return off
	}
	walk(p.text, 0)
}

// split cuts an element of the text (a highlight's or the opening
// phrase's) at offset k of its plain text, 0 < k < its length: it keeps
// [0, k) and a copy after it, continuing it, takes the rest. A tag letter
// right after what ends at k stays with it. It returns the copy.
func (p *painter) split(el safejs.Value, k int) safejs.Value {
	c := p.c
	clone := c.call(el, "cloneNode", false)
	for _, name := range []string{markup.AttrStart, markup.AttrTabIndex, markup.AttrAriaDescription} {
		c.call(clone, "removeAttribute", name)
	}
	c.call(c.get(el, "parentNode"), "insertBefore", clone, c.get(el, "nextSibling"))
	off := 0
	moving := false
	for child := c.get(el, "firstChild"); !absent(child) && c.err == nil; {
		next := c.get(child, "nextSibling")
		kind := nodeKindOf(c, child)
		if !moving {
			l := plainLength(c, child, kind)
			switch {
			case kind == kindTagMark || off+l <= k:
				off += l
				child = next
				continue
			case off < k: // it holds the cut
				if kind == kindText {
					child = c.call(child, "splitText", k-off)
				} else {
					child = p.split(child, k-off)
				}
				next = c.get(child, "nextSibling")
			}
			moving = true
		}
		c.call(clone, "appendChild", child)
		child = next
	}
	return clone
}

// flush wraps the nodes of run, neighbours in this order, in a new element
// of the highlight and empties run.
func (p *painter) flush(run *[]safejs.Value) {
	if len(*run) == 0 || p.c.err != nil {
		*run = (*run)[:0]
		return
	}
	c := p.c
	mark := c.call(p.doc, "createElement", "mark")
	for _, a := range p.m.Attrs(p.first) {
		c.call(mark, "setAttribute", a.Name, a.Value)
	}
	c.call(c.get((*run)[0], "parentNode"), "insertBefore", mark, (*run)[0])
	for _, n := range *run {
		c.call(mark, "appendChild", n)
	}
	p.first = false
	p.last = mark
	*run = (*run)[:0]
}

// addTagMark puts the tag letter after the last element of the highlight.
func (p *painter) addTagMark() {
	c := p.c
	if c.err != nil || p.first {
		return
	}
	tm := c.call(p.doc, "createElement", "span")
	for _, a := range p.m.TagMarkAttrs() {
		c.call(tm, "setAttribute", a.Name, a.Value)
	}
	c.call(c.get(p.last, "parentNode"), "insertBefore", tm, c.get(p.last, "nextSibling"))
}

// nodeKindOf says what a node inside a clause's text is.
func nodeKindOf(c *jsCalls, n safejs.Value) nodeKind {
	switch c.int(c.get(n, "nodeType")) {
	case textNode:
		return kindText
	case elementNode:
	default:
		return kindMarker // a comment, say: no text
	}
	if c.bool(c.call(n, "hasAttribute", markup.AttrNonText)) {
		if c.bool(c.call(n, "hasAttribute", markup.AttrTagMark)) {
			return kindTagMark
		}
		return kindMarker
	}
	switch c.str(c.get(n, "tagName")) {
	case "MARK":
		if c.bool(c.call(n, "hasAttribute", markup.AttrAnnotation)) {
			return kindMark
		}
	case "EM":
		return kindLead
	}
	return kindUnknown
}

// plainLength is the length of a node's plain text in UTF-16 units: a
// text's length, nothing for what is outside the plain text, and the
// textContent of an element of a highlight or of the opening phrase (the
// only elements outside the plain text inside those are tag letters, which
// are empty).
func plainLength(c *jsCalls, n safejs.Value, kind nodeKind) int {
	switch kind {
	case kindText:
		return c.int(c.get(n, "length"))
	case kindLead, kindMark:
		return utf16Len(c.str(c.get(n, "textContent")))
	}
	return 0
}

// textElementLength is the length of the plain text of a clause's text
// element, in UTF-16 units: its text less its footnote markers'.
func textElementLength(c *jsCalls, text safejs.Value) int {
	n := utf16Len(c.str(c.get(text, "textContent")))
	markers := c.call(text, "querySelectorAll", ":scope > ["+markup.AttrNonText+"]")
	for i := range c.int(c.get(markers, "length")) {
		n -= utf16Len(c.str(c.get(c.call(markers, "item", i), "textContent")))
	}
	return n
}

// clauseTextElement returns the text element of the clause with this id.
func clauseTextElement(c *jsCalls, clauseID string) safejs.Value {
	clause := c.call(c.document(), "getElementById", clauseID)
	if c.err == nil && absent(clause) {
		c.notOnPage(fmt.Sprintf("the clause %q", clauseID))
		return safejs.Null()
	}
	text := c.call(clause, "querySelector", markup.TextSelector)
	if c.err == nil && absent(text) {
		c.notOnPage(fmt.Sprintf("the text of clause %q", clauseID))
		return safejs.Null()
	}
	return text
}

// Unhighlight removes the highlight of an annotation: its elements give
// their content back to their parents, and the elements they had split
// (another highlight's, the opening phrase's, text) are joined again; its
// tag letter goes. An annotation with no highlight on the page is no error.
func Unhighlight(id string) error {
	c := &jsCalls{op: fmt.Sprintf("remove the highlight %q", id)}
	doc := c.document()
	for _, tm := range nodeList(c, c.call(doc, "querySelectorAll", markup.TagMarkSelector(id))) {
		c.call(tm, "remove")
	}
	marks := nodeList(c, c.call(doc, "querySelectorAll", markup.AnnotationSelector(id)))
	var texts []safejs.Value
	for _, m := range marks {
		if text := c.call(m, "closest", "."+markup.ClassText); !absent(text) {
			texts = append(texts, text)
		}
		parent := c.get(m, "parentNode")
		before := c.get(m, "previousSibling")
		after := c.get(m, "nextSibling")
		first := c.get(m, "firstChild")
		last := c.get(m, "lastChild")
		for child := first; !absent(child) && c.err == nil; child = c.get(m, "firstChild") {
			c.call(parent, "insertBefore", child, m)
		}
		c.call(m, "remove")
		if !absent(first) {
			join(c, before, first)
			join(c, last, after)
		} else {
			join(c, before, after)
		}
	}
	for _, t := range texts {
		c.call(t, "normalize") // joins the texts split at the seams
	}
	return c.err
}

// join makes one element of two neighbours that continue each other — two
// elements of one highlight, or two of the opening phrase — and joins their
// contents likewise at the seam. Texts are left to normalize.
func join(c *jsCalls, a, b safejs.Value) {
	for c.err == nil && !absent(a) && !absent(b) {
		ka, kb := nodeKindOf(c, a), nodeKindOf(c, b)
		if ka != kb || (ka != kindMark && ka != kindLead) {
			return
		}
		if ka == kindMark && c.str(c.call(a, "getAttribute", markup.AttrAnnotation)) != c.str(c.call(b, "getAttribute", markup.AttrAnnotation)) {
			return
		}
		seam := c.get(a, "lastChild")
		next := c.get(b, "firstChild")
		for child := next; !absent(child) && c.err == nil; child = c.get(b, "firstChild") {
			c.call(a, "appendChild", child)
		}
		c.call(b, "remove")
		a, b = seam, next
	}
}

// nodeList returns the nodes of a NodeList.
func nodeList(c *jsCalls, list safejs.Value) []safejs.Value {
	n := c.int(c.get(list, "length"))
	out := make([]safejs.Value, 0, n)
	for i := range n {
		out = append(out, c.call(list, "item", i))
	}
	return out
}

// Restyle changes the tag, the note mark and the label of a highlight in
// place: the attributes of its elements and of its tag letter become those
// markup gives m. An annotation with no highlight on the page is no error.
func Restyle(m markup.Mark) error {
	c := &jsCalls{op: fmt.Sprintf("restyle the highlight %q", m.ID)}
	doc := c.document()
	for _, el := range nodeList(c, c.call(doc, "querySelectorAll", markup.AnnotationSelector(m.ID))) {
		setAttrs(c, el, m.Attrs(c.bool(c.call(el, "hasAttribute", markup.AttrStart))))
	}
	tms := c.call(doc, "querySelectorAll", markup.TagMarkSelector(m.ID))
	for _, el := range nodeList(c, tms) {
		setAttrs(c, el, m.TagMarkAttrs())
	}
	return c.err
}

// setAttrs gives an element the attributes it has in the markup: those
// that differ are set, note is removed when it is not among them. The
// order stays that of the markup, since AttrNote, the only one that comes
// and goes, is always last.
func setAttrs(c *jsCalls, el safejs.Value, attrs []markup.Attr) {
	note := false
	for _, a := range attrs {
		note = note || a.Name == markup.AttrNote
		if v := c.call(el, "getAttribute", a.Name); absent(v) || c.str(v) != a.Value {
			c.call(el, "setAttribute", a.Name, a.Value)
		}
	}
	if !note {
		c.call(el, "removeAttribute", markup.AttrNote)
	}
}

// SetSuggestion replaces the suggestion button in a clause's margin with
// html (markup.SuggestionHTML; "" removes it) and says on the clause
// whether it has one (markup.ClassHasSuggestion).
func SetSuggestion(clauseID, html string) error {
	c := &jsCalls{op: fmt.Sprintf("show the suggestion of clause %q", clauseID)}
	clause := c.call(c.document(), "getElementById", clauseID)
	if c.err == nil && absent(clause) {
		return c.notOnPage(fmt.Sprintf("the clause %q", clauseID))
	}
	margin := c.call(clause, "querySelector", markup.MarginSelector)
	if c.err == nil && absent(margin) {
		return c.notOnPage(fmt.Sprintf("the margin of clause %q", clauseID))
	}
	if old := c.call(margin, "querySelector", "."+markup.ClassSuggest); !absent(old) {
		c.call(old, "remove")
	}
	if html != "" {
		c.call(margin, "insertAdjacentHTML", "beforeend", html)
	}
	c.call(c.get(clause, "classList"), "toggle", markup.ClassHasSuggestion, html != "")
	return c.err
}
