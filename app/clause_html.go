package app

import (
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// tagLetters are the letters that end each highlight (a cue that needs no
// colour), shown by the style sheet from data-tagmark; listed here for the
// panel and the help.
var tagLetters = map[annotations.Tag]string{
	annotations.Commitment: "C",
	annotations.Request:    "R",
	annotations.Concern:    "!",
}

// tagNames are the names of the tags as the interface shows them.
var tagNames = map[annotations.Tag]string{
	annotations.Commitment: "Commitment",
	annotations.Request:    "Request",
	annotations.Concern:    "Concern",
}

// section is one of the parts of a resolution that hold clauses.
type section struct {
	class, label string
}

// The sections.
var (
	preambleSection   = section{"cm-preamble", "Preamble"}
	operativeSection  = section{"cm-operative", "Operative part"}
	paragraphsSection = section{"cm-operative", "Paragraphs"} // structure not recognised
)

// clauseView is what a clause's markup shows besides the clause: its
// annotations, the clause the URL points to, the clause selected whole.
type clauseView struct {
	set              *annotations.Set
	target, selected string
}

// sectionHTML renders a section with its clauses.
func sectionHTML(s section, clauses []*resolution.Clause, v clauseView) string {
	var b strings.Builder
	b.WriteString(`<section class="`)
	b.WriteString(s.class)
	b.WriteString(`" aria-label="`)
	b.WriteString(s.label)
	b.WriteString(`">`)
	writeClauses(&b, clauses, v)
	b.WriteString(`</section>`)
	return b.String()
}

// writeClauses writes clause blocks one after the other.
func writeClauses(b *strings.Builder, clauses []*resolution.Clause, v clauseView) {
	for _, c := range clauses {
		writeClauseBlock(b, c, v)
	}
}

// writeClauseBlock writes a clause as HTML: the element with the stable
// hooks (id, data-clause, data-label), the margin (label button, deep
// link, suggestion), the paragraph (printed number, text with highlights)
// and its sub-paragraphs.
//
// All text is escaped; attribute values are escaped; notes are never part
// of this HTML (the tooltip, the panel and the editor show them as text).
func writeClauseBlock(b *strings.Builder, c *resolution.Clause, v clauseView) {
	as := v.set.ByClause(c.ID)
	target, selected := v.target, v.selected
	id := html.EscapeString(c.ID)
	label := html.EscapeString(c.Label)
	suggestion, suggested := suggestedTag(c, as)

	b.WriteString(`<div id="`)
	b.WriteString(id)
	b.WriteString(`" class="cm-clause cm-`)
	b.WriteString(html.EscapeString(string(c.Kind)))
	if target == c.ID {
		b.WriteString(" is-target")
	}
	if selected == c.ID {
		b.WriteString(" is-selected")
	}
	if suggested {
		b.WriteString(" has-suggestion")
	}
	// An estimate of its height, for the layout of clauses not yet on
	// screen (content-visibility): the number of lines, up to 16.
	b.WriteString(" cm-lines-")
	b.WriteString(strconv.Itoa(estimatedLines(c)))
	b.WriteString(`" data-clause="`)
	b.WriteString(id)
	b.WriteString(`" data-label="`)
	b.WriteString(label)
	b.WriteString(`">`)

	b.WriteString(`<div class="cm-margin"><button type="button" class="cm-label" title="Select `)
	b.WriteString(label)
	b.WriteString(` to tag it (j/k move between clauses)" aria-label="Select `)
	b.WriteString(label)
	b.WriteString(`">`)
	b.WriteString(label)
	b.WriteString(`</button><a class="cm-anchor" href="#`)
	b.WriteString(id)
	b.WriteString(`" aria-label="Link to `)
	b.WriteString(label)
	b.WriteString(`">#</a>`)
	if suggested {
		writeSuggestion(b, c, suggestion)
	}
	b.WriteString(`</div><p class="cm-para">`)
	if numbered(c) {
		b.WriteString(`<span class="cm-num" data-nontext>`)
		b.WriteString(html.EscapeString(printedNumber(c)))
		b.WriteString(`</span>`)
	}
	writeClauseText(b, c, as)
	b.WriteString(`</p>`)
	if len(c.Children) > 0 {
		b.WriteString(`<div class="cm-children">`)
		for _, child := range c.Children {
			writeClauseBlock(b, child, v)
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`</div>`)
}

// estimatedLines is about how many lines a clause (with its
// sub-paragraphs) takes on a wide screen, at most 16.
func estimatedLines(c *resolution.Clause) int {
	n := 1 + utf8.RuneCountInString(c.Text)/78
	for _, child := range c.Children {
		n += estimatedLines(child)
	}
	return min(n, 16)
}

// writeSuggestion writes the button that offers a clause's suggested tag.
func writeSuggestion(b *strings.Builder, c *resolution.Clause, t annotations.Tag) {
	label := html.EscapeString(c.Label)
	name := tagNames[t]
	b.WriteString(`<button type="button" class="cm-suggest" data-tag="`)
	b.WriteString(string(t))
	b.WriteString(`" title="Suggested from the opening phrase: tag `)
	b.WriteString(label)
	b.WriteString(` as a `)
	b.WriteString(name)
	b.WriteString(` (a)" aria-label="Accept the suggestion: tag `)
	b.WriteString(label)
	b.WriteString(` as a `)
	b.WriteString(name)
	b.WriteString(`">`)
	b.WriteString(name)
	b.WriteString(`?</button>`)
}

// clauseHTML renders the plain text of a clause as one <span class=cm-text>
// (see writeClauseText).
func clauseHTML(c *resolution.Clause, as []annotations.Annotation) string {
	var b strings.Builder
	writeClauseText(&b, c, as)
	return b.String()
}

// writeClauseText writes the plain text of a clause: the opening phrase in
// <em>, the footnote markers where they stood (outside any highlight), and
// the annotations as <mark> elements, nested where they overlap.
//
// Highlights are laid out as a stack: at each boundary the marks that end
// close (with the ones opened inside them, which reopen right after), new
// ones open, the longest-lasting outermost. Each annotation thus has as few
// elements as its overlaps allow — one when it overlaps nothing — rather
// than one per segment of text. The first element of an annotation carries
// data-start (and is what the keyboard reaches); after its last comes an
// empty data-tagmark element, where the style sheet writes the tag letter.
//
// as must be the clause's annotations in the order Set.ByClause gives;
// ranges that do not fit the text are left out.
func writeClauseText(b *strings.Builder, c *resolution.Clause, as []annotations.Annotation) {
	runes := []rune(c.Text)
	n := len(runes)
	b.WriteString(`<span class="cm-text">`)

	valid := make([]int, 0, len(as))
	for i, a := range as {
		if a.Start >= 0 && a.End <= n && a.Start < a.End && a.Tag.Valid() {
			valid = append(valid, i)
		}
	}
	// Boundaries: every start and end, the end of the opening phrase, the
	// footnote markers, and the ends of the text.
	bounds := make([]int, 0, 2*len(valid)+len(c.Footnotes)+3)
	bounds = append(bounds, 0, n)
	if c.Lead > 0 && c.Lead < n {
		bounds = append(bounds, c.Lead)
	}
	for _, f := range c.Footnotes {
		bounds = append(bounds, min(max(f.At, 0), n))
	}
	starts := map[int][]int{}
	for _, i := range valid {
		bounds = append(bounds, as[i].Start, as[i].End)
		starts[as[i].Start] = append(starts[as[i].Start], i)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)

	refIDs := footnoteRefIDs(c)
	fn := 0
	var stack []int // open annotations, outermost first
	begun := make(map[int]bool, len(valid))

	open := func(list []int) {
		// Longest-lasting outermost: fewer splits later.
		slices.SortStableFunc(list, func(x, y int) int { return as[y].End - as[x].End })
		for _, i := range list {
			writeMarkOpen(b, as[i], !begun[i])
			begun[i] = true
			stack = append(stack, i)
		}
	}
	// closeFrom closes the marks from stack position k up; those that do
	// not end at p are returned to be opened again.
	closeFrom := func(k, p int) []int {
		var reopen []int
		for len(stack) > k {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			b.WriteString(`</mark>`)
			if as[i].End == p {
				writeTagMark(b, as[i])
			} else {
				reopen = append(reopen, i)
			}
		}
		return reopen
	}

	for bi, p := range bounds {
		// Close what ends here, with what was opened inside it.
		k := len(stack)
		for j, i := range stack {
			if as[i].End == p {
				k = j
				break
			}
		}
		reopen := closeFrom(k, p)
		// Footnote markers stand outside every highlight.
		if fn < len(c.Footnotes) && min(max(c.Footnotes[fn].At, 0), n) == p {
			reopen = append(reopen, closeFrom(0, p)...)
			for fn < len(c.Footnotes) && min(max(c.Footnotes[fn].At, 0), n) == p {
				writeFootnoteMarker(b, refIDs[fn], c.Footnotes[fn].Number)
				fn++
			}
		}
		if bi == len(bounds)-1 {
			break
		}
		open(append(reopen, starts[p]...))
		text := html.EscapeString(string(runes[p:bounds[bi+1]]))
		if p < c.Lead {
			b.WriteString(`<em class="cm-lead">`)
			b.WriteString(text)
			b.WriteString(`</em>`)
		} else {
			b.WriteString(text)
		}
	}
	closeFrom(0, n)
	b.WriteString(`</span>`)
}

// writeMarkOpen writes the opening tag of one element of a highlight. The
// first element of an annotation is the one keyboard users reach
// (tabindex) and that screen readers name.
func writeMarkOpen(b *strings.Builder, a annotations.Annotation, first bool) {
	b.WriteString(`<mark data-annotation="`)
	b.WriteString(html.EscapeString(a.ID))
	b.WriteString(`" data-tag="`)
	b.WriteString(html.EscapeString(string(a.Tag)))
	b.WriteByte('"')
	if first {
		b.WriteString(` data-start tabindex="0" role="button" aria-label="`)
		b.WriteString(html.EscapeString(highlightLabel(a)))
		b.WriteByte('"')
	}
	if a.Note != "" {
		b.WriteString(` data-note`)
	}
	b.WriteByte('>')
}

// writeTagMark writes the empty element after a highlight where the style
// sheet shows its tag letter (C, R, !): outside the plain text.
func writeTagMark(b *strings.Builder, a annotations.Annotation) {
	b.WriteString(`<span class="cm-tagmark" data-nontext aria-hidden="true" data-tagmark="`)
	b.WriteString(html.EscapeString(string(a.Tag)))
	b.WriteString(`" data-for="`)
	b.WriteString(html.EscapeString(a.ID))
	b.WriteByte('"')
	if a.Note != "" {
		b.WriteString(` data-note`)
	}
	b.WriteString(`></span>`)
}

// highlightLabel is the accessible name of a highlight: its tag and the
// start of its quote. The note is not in it (it is user text, shown by
// the tooltip and the editor, which render it as text).
func highlightLabel(a annotations.Annotation) string {
	label := tagNames[a.Tag] + ": “" + preview(a.Exact, 60) + "”"
	if a.Note != "" {
		label += ", with a note"
	}
	return label + ". Enter to open."
}

// writeFootnoteMarker writes a footnote reference: a superscript link to
// the footnote, outside the plain text.
func writeFootnoteMarker(b *strings.Builder, id string, n int) {
	num := strconv.Itoa(n)
	b.WriteString(`<sup class="cm-fnref" data-nontext><a id="`)
	b.WriteString(html.EscapeString(id))
	b.WriteString(`" href="#fn`)
	b.WriteString(num)
	b.WriteString(`" aria-label="Footnote `)
	b.WriteString(num)
	b.WriteString(`">`)
	b.WriteString(num)
	b.WriteString(`</a></sup>`)
}

// preview shortens text to at most n code points, cutting at a word.
func preview(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
