package app

import (
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// tagLetters are the letters that end each highlight (a cue that needs no
// colour), shown by the style sheet from data-tag; listed here for the
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

// clauseHTML renders the plain text of a clause as one <span class=cm-text>:
// the opening phrase in <em>, the footnote markers where they stood, and
// the annotations as <mark> elements, nested where they overlap.
//
// Every piece of text is escaped; annotation ids and tags are attribute
// values, escaped too; notes are never part of this HTML (the tooltip and
// the editor show them as text). The markup is built as one string because
// a clause with hundreds of highlights would otherwise cost thousands of
// DOM calls: the browser parses it in one go.
//
// as must be the clause's annotations that fit its text, in the order
// Segments expects (Set.ByClause).
func clauseHTML(c *resolution.Clause, as []annotations.Annotation) string {
	segs, err := annotations.Segments(c.Text, as)
	if err != nil {
		// Annotations that do not fit are orphans and never reach here;
		// should one slip through, show the text rather than nothing.
		segs, _ = annotations.Segments(c.Text, nil)
	}
	refIDs := footnoteRefIDs(c)

	// first[i] and last[i]: the piece where annotation i starts and ends.
	var b strings.Builder
	b.Grow(len(c.Text) + 64*len(as) + 32)
	b.WriteString(`<span class="cm-text">`)

	fn := 0 // next footnote marker
	markers := func(at int) {
		for fn < len(c.Footnotes) && c.Footnotes[fn].At <= at {
			writeFootnoteMarker(&b, refIDs[fn], c.Footnotes[fn].Number)
			fn++
		}
	}
	for _, s := range segs {
		// Cut the segment at the end of the opening phrase and at the
		// footnote markers inside it.
		cuts := []int{s.Start}
		if c.Lead > s.Start && c.Lead < s.End {
			cuts = append(cuts, c.Lead)
		}
		for _, f := range c.Footnotes[fn:] {
			if f.At > s.Start && f.At < s.End {
				cuts = append(cuts, f.At)
			}
		}
		cuts = append(cuts, s.End)
		slices.Sort(cuts)
		runes := []rune(s.Text)
		for i := 0; i+1 < len(cuts); i++ {
			from, to := cuts[i], cuts[i+1]
			if from == to {
				continue
			}
			markers(from)
			for _, ai := range s.Annotations {
				writeMarkOpen(&b, as[ai], from == as[ai].Start, to == as[ai].End)
			}
			text := html.EscapeString(string(runes[from-s.Start : to-s.Start]))
			if from < c.Lead {
				b.WriteString(`<em class="cm-lead">`)
				b.WriteString(text)
				b.WriteString(`</em>`)
			} else {
				b.WriteString(text)
			}
			for range s.Annotations {
				b.WriteString(`</mark>`)
			}
		}
	}
	markers(len([]rune(c.Text)) + 1)
	b.WriteString(`</span>`)
	return b.String()
}

// writeMarkOpen writes the opening tag of one piece of a highlight. The
// first piece is the one keyboard users reach (tabindex) and that screen
// readers name; the last one carries data-end, where the style sheet shows
// the tag letter.
func writeMarkOpen(b *strings.Builder, a annotations.Annotation, first, last bool) {
	b.WriteString(`<mark class="cm-hl" data-annotation="`)
	b.WriteString(html.EscapeString(a.ID))
	b.WriteString(`" data-tag="`)
	b.WriteString(html.EscapeString(string(a.Tag)))
	b.WriteByte('"')
	if first {
		b.WriteString(` data-start tabindex="0" role="button" aria-label="`)
		b.WriteString(html.EscapeString(highlightLabel(a)))
		b.WriteByte('"')
	}
	if last {
		b.WriteString(` data-end`)
	}
	if a.Note != "" {
		b.WriteString(` data-note`)
	}
	b.WriteByte('>')
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
