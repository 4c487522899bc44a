package markup

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// View is what a render of clauses depends on besides the clauses.
type View struct {
	// Annotations returns the annotations of a clause, as
	// annotations.Set.ByClause gives them (any order will do); nil means
	// none anywhere.
	Annotations func(clauseID string) []annotations.Annotation
	// Target is the id of the clause the URL points to; Selected, of the
	// clause selected as a whole. "" for none.
	Target, Selected string
}

// annotationsOf returns the annotations of a clause.
func (v View) annotationsOf(id string) []annotations.Annotation {
	if v.Annotations == nil {
		return nil
	}
	return v.Annotations(id)
}

// Section is one of the parts of a resolution that hold clauses.
type Section int

// The sections.
const (
	Preamble   Section = iota // the preambular paragraphs
	Operative                 // the operative paragraphs
	Paragraphs                // the paragraphs of a text whose structure was not recognised
)

// Class is the class of the section's element.
func (s Section) Class() string {
	if s == Preamble {
		return "cm-preamble"
	}
	return "cm-operative"
}

// Label is the accessible name of the section's element.
func (s Section) Label() string {
	switch s {
	case Preamble:
		return "Preamble"
	case Operative:
		return "Operative part"
	}
	return "Paragraphs"
}

// SectionHTML renders a section with its clauses.
func SectionHTML(s Section, clauses []*resolution.Clause, v View) string {
	var b strings.Builder
	b.WriteString(`<section class="`)
	b.WriteString(s.Class())
	b.WriteString(`" aria-label="`)
	b.WriteString(s.Label())
	b.WriteString(`">`)
	WriteClauses(&b, clauses, v)
	b.WriteString(`</section>`)
	return b.String()
}

// WriteClauses writes clause blocks (WriteClause) one after the other.
func WriteClauses(b *strings.Builder, clauses []*resolution.Clause, v View) {
	for _, c := range clauses {
		WriteClause(b, c, v)
	}
}

// WriteClause writes a clause as HTML: the element with the stable hooks
// (id, AttrClause, AttrLabel), the margin (label button, deep link,
// suggestion), the paragraph (printed number, text with highlights) and its
// sub-paragraphs.
//
// All text is escaped; attribute values are escaped; notes are never part
// of this HTML (the tooltip, the panel and the editor show them as text).
func WriteClause(b *strings.Builder, c *resolution.Clause, v View) {
	as := v.annotationsOf(c.ID)
	id := html.EscapeString(c.ID)
	label := html.EscapeString(c.Label)
	suggestion, suggested := Suggestion(c, as)

	b.WriteString(`<div id="`)
	b.WriteString(id)
	b.WriteString(`" class="` + ClassClause + ` cm-`)
	b.WriteString(html.EscapeString(string(c.Kind)))
	// An estimate of its height, for the layout of clauses not yet on
	// screen (content-visibility): the number of lines, up to 16.
	b.WriteString(" cm-lines-")
	b.WriteString(strconv.Itoa(estimatedLines(c)))
	// The classes the page toggles come last.
	if v.Target == c.ID {
		b.WriteString(" " + ClassTarget)
	}
	if v.Selected == c.ID {
		b.WriteString(" " + ClassSelected)
	}
	if suggested {
		b.WriteString(" " + ClassHasSuggestion)
	}
	b.WriteString(`" ` + AttrClause + `="`)
	b.WriteString(id)
	b.WriteString(`" ` + AttrLabel + `="`)
	b.WriteString(label)
	b.WriteString(`">`)

	b.WriteString(`<div class="` + ClassMargin + `"><button type="button" class="` + ClassLabel + `" title="Select `)
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
		WriteSuggestion(b, c, suggestion)
	}
	b.WriteString(`</div><p class="` + ClassPara + `">`)
	if numbered(c) {
		b.WriteString(`<span class="cm-num" ` + AttrNonText + `>`)
		b.WriteString(html.EscapeString(printedNumber(c)))
		b.WriteString(`</span>`)
	}
	WriteClauseText(b, c, as)
	b.WriteString(`</p>`)
	if len(c.Children) > 0 {
		b.WriteString(`<div class="cm-children">`)
		for _, child := range c.Children {
			WriteClause(b, child, v)
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

// numbered reports whether the clause shows a printed number or letter.
func numbered(c *resolution.Clause) bool {
	return c.Kind != resolution.Preambular && c.Number != ""
}

// printedNumber is the number as the document prints it: "21.", "(a)".
func printedNumber(c *resolution.Clause) string {
	if c.Kind == resolution.Subparagraph {
		return "(" + c.Number + ")"
	}
	return c.Number + "."
}

// WriteSuggestion writes the button that offers a clause's suggested tag,
// the last element of the clause's margin.
func WriteSuggestion(b *strings.Builder, c *resolution.Clause, t annotations.Tag) {
	label := html.EscapeString(c.Label)
	name := TagName(t)
	b.WriteString(`<button type="button" class="` + ClassSuggest + `" ` + AttrTag + `="`)
	b.WriteString(html.EscapeString(string(t)))
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

// SuggestionHTML is the suggestion button of a clause (WriteSuggestion), or
// "" when its opening phrase suggests nothing or the whole clause already
// has the suggested tag.
func SuggestionHTML(c *resolution.Clause, as []annotations.Annotation) string {
	t, ok := Suggestion(c, as)
	if !ok {
		return ""
	}
	var b strings.Builder
	WriteSuggestion(&b, c, t)
	return b.String()
}

// Suggestion is the tag the clause's opening phrase suggests
// (annotations.Suggest), unless the whole clause already has that tag among
// as, the clause's annotations. Sub-paragraphs get no suggestion.
func Suggestion(c *resolution.Clause, as []annotations.Annotation) (annotations.Tag, bool) {
	part := annotations.Unknown
	switch c.Kind {
	case resolution.Preambular:
		part = annotations.Preamble
	case resolution.Operative:
		part = annotations.OperativePart
	case resolution.Subparagraph:
		return "", false
	}
	t, ok := annotations.Suggest(c.Text, part)
	if !ok {
		return "", false
	}
	n := utf8.RuneCountInString(c.Text)
	for _, a := range as {
		if a.Tag == t && a.Start == 0 && a.End == n {
			return "", false
		}
	}
	return t, true
}

// FootnoteRefID is the element id of a footnote marker in a clause, the
// target of the footnote's back link: "fnref-op21-3", and "-2", "-3"… after
// it for the second and later markers of the same footnote in the clause.
func FootnoteRefID(clauseID string, n, occurrence int) string {
	id := "fnref-" + clauseID + "-" + strconv.Itoa(n)
	if occurrence > 1 {
		id += "-" + strconv.Itoa(occurrence)
	}
	return id
}

// FootnoteRefIDs returns, for each footnote marker of the clause, its
// element id, in the order of c.Footnotes.
func FootnoteRefIDs(c *resolution.Clause) []string {
	ids := make([]string, len(c.Footnotes))
	seen := map[int]int{}
	for i, f := range c.Footnotes {
		seen[f.Number]++
		ids[i] = FootnoteRefID(c.ID, f.Number, seen[f.Number])
	}
	return ids
}
