package markup

import (
	"cmp"
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// ClauseText renders the plain text of a clause with its highlights as one
// <span class="cm-text"> (see WriteClauseText).
func ClauseText(c *resolution.Clause, as []annotations.Annotation) string {
	var b strings.Builder
	WriteClauseText(&b, c, as)
	return b.String()
}

// WriteClauseText writes the plain text of a clause in a <span
// class="cm-text">: the opening phrase in <em>, the footnote markers where
// they stood (outside any highlight), and the annotations, given in any
// order, as <mark> elements nested where they overlap. Annotations whose
// range does not fit the text or whose tag is unknown are left out.
//
// Highlights are laid out as a stack, from the start of the text to its
// end. At each boundary (a start or an end, the end of the opening phrase,
// a footnote marker) the marks that end close, with the ones opened inside
// them; a footnote marker closes them all. Then the marks closed but not
// ended open again, with those that start there: the longest-lasting
// outermost, and among those that end together the ones open before
// outermost, then the ones that start by id. Each annotation thus has as
// few elements as its overlaps allow — one when it overlaps nothing —
// rather than one per segment of text. The first element of an annotation
// carries AttrStart (Mark.Attrs); after its last, as its next sibling,
// comes its tag letter (Mark.TagMarkAttrs).
func WriteClauseText(b *strings.Builder, c *resolution.Clause, as []annotations.Annotation) {
	n := utf8.RuneCountInString(c.Text)
	b.WriteString(`<span class="` + ClassText + `">`)

	valid := make([]int, 0, len(as))
	for i, a := range as {
		if a.Start >= 0 && a.End <= n && a.Start < a.End && (a.Tag.Valid() || a.Tag == "") {
			valid = append(valid, i)
		}
	}
	// Those that start together open longest first, then by id.
	slices.SortFunc(valid, func(x, y int) int {
		if c := cmp.Compare(as[x].Start, as[y].Start); c != 0 {
			return c
		}
		if c := cmp.Compare(as[y].End, as[x].End); c != 0 {
			return c
		}
		return strings.Compare(as[x].ID, as[y].ID)
	})
	// Room for the clause at least, doubling what the builder holds when
	// it runs out: a document with thousands of highlights writes
	// megabytes, which growing by a quarter at a time copies many times.
	if need := 2*len(c.Text) + 512*len(valid); b.Cap()-b.Len() < need {
		b.Grow(max(need, b.Len()))
	}
	marks := make([]Mark, len(as))
	for _, i := range valid {
		marks[i] = MarkOf(as[i])
	}

	// Boundaries: every start and end, the end of the opening phrase, the
	// footnote markers, and the ends of the text.
	bounds := make([]int, 0, 2*len(valid)+len(c.Footnotes)+3)
	bounds = append(bounds, 0, n)
	if c.Lead > 0 && c.Lead < n {
		bounds = append(bounds, c.Lead)
	}
	at := func(f resolution.FootnoteRef) int { return min(max(f.At, 0), n) }
	for _, f := range c.Footnotes {
		bounds = append(bounds, at(f))
	}
	for _, i := range valid {
		bounds = append(bounds, as[i].Start, as[i].End)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	// The byte offsets of the bounds in the text, found in one pass.
	byteOf := make([]int, len(bounds))
	r, off := 0, 0
	for k, bound := range bounds {
		for r < bound {
			_, size := utf8.DecodeRuneInString(c.Text[off:])
			off += size
			r++
		}
		byteOf[k] = off
	}

	refIDs := FootnoteRefIDs(c)
	fn := 0
	next := 0       // the next of valid to start
	var stack []int // open annotations, outermost first
	begun := make([]bool, len(as))
	var attrs []Attr // a buffer

	// closeFrom closes the marks from stack position k up, innermost
	// first, and appends to reopen those that do not end at p.
	closeFrom := func(k, p int, reopen []int) []int {
		for len(stack) > k {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			b.WriteString(`</mark>`)
			if as[i].End == p {
				writeTagMark(b, marks[i], &attrs)
			} else {
				reopen = append(reopen, i)
			}
		}
		return reopen
	}

	var reopen []int
	for bi, p := range bounds {
		// Close what ends here, with what was opened inside it.
		k := len(stack)
		for j, i := range stack {
			if as[i].End == p {
				k = j
				break
			}
		}
		reopen = closeFrom(k, p, reopen[:0])
		// Footnote markers stand outside every highlight.
		if fn < len(c.Footnotes) && at(c.Footnotes[fn]) == p {
			reopen = closeFrom(0, p, reopen)
			for fn < len(c.Footnotes) && at(c.Footnotes[fn]) == p {
				writeFootnoteMarker(b, refIDs[fn], c.Footnotes[fn].Number)
				fn++
			}
		}
		if bi == len(bounds)-1 {
			break
		}
		// Open again what closed, outermost first, then what starts here;
		// the longest-lasting outermost (a stable sort keeps the rest).
		slices.Reverse(reopen)
		from := len(stack)
		stack = append(stack, reopen...)
		for next < len(valid) && as[valid[next]].Start == p {
			stack = append(stack, valid[next])
			next++
		}
		slices.SortStableFunc(stack[from:], func(x, y int) int { return cmp.Compare(as[y].End, as[x].End) })
		for _, i := range stack[from:] {
			attrs = marks[i].appendAttrs(attrs[:0], !begun[i])
			writeElementOpen(b, "mark", attrs)
			begun[i] = true
		}
		text := c.Text[byteOf[bi]:byteOf[bi+1]]
		if p < c.Lead {
			b.WriteString(`<em class="` + ClassLead + `">`)
			writeEscaped(b, text)
			b.WriteString(`</em>`)
		} else {
			writeEscaped(b, text)
		}
	}
	closeFrom(0, n, nil)
	b.WriteString(`</span>`)
}

// writeElementOpen writes the opening tag of an element with attributes.
func writeElementOpen(b *strings.Builder, name string, attrs []Attr) {
	b.WriteByte('<')
	b.WriteString(name)
	for _, a := range attrs {
		b.WriteByte(' ')
		b.WriteString(a.Name)
		if a.Value != "" {
			b.WriteString(`="`)
			writeEscaped(b, a.Value)
			b.WriteByte('"')
		}
	}
	b.WriteByte('>')
}

// writeEscaped writes s escaped as html.EscapeString escapes it, without
// a copy when there is nothing to escape (most text and attributes).
func writeEscaped(b *strings.Builder, s string) {
	if strings.ContainsAny(s, `<>&'"`) {
		b.WriteString(html.EscapeString(s))
		return
	}
	b.WriteString(s)
}

// writeTagMark writes the empty element after a highlight where the style
// sheet shows its tag letter (C, R, !): outside the plain text. attrs is a
// buffer to reuse.
func writeTagMark(b *strings.Builder, m Mark, attrs *[]Attr) {
	*attrs = m.appendTagMarkAttrs((*attrs)[:0])
	writeElementOpen(b, "span", *attrs)
	b.WriteString(`</span>`)
}

// writeFootnoteMarker writes a footnote reference: a superscript link to
// the footnote, outside the plain text.
func writeFootnoteMarker(b *strings.Builder, id string, n int) {
	num := strconv.Itoa(n)
	b.WriteString(`<sup class="` + ClassFootnoteRef + `" ` + AttrNonText + `><a id="`)
	b.WriteString(html.EscapeString(id))
	b.WriteString(`" href="#fn`)
	b.WriteString(num)
	b.WriteString(`" aria-label="Footnote `)
	b.WriteString(num)
	b.WriteString(`">`)
	b.WriteString(num)
	b.WriteString(`</a></sup>`)
}
