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

// Part is a run of top-level clauses shown together in one section
// element: the preamble, the operative part (or the paragraphs of a text
// whose structure was not recognised), an annex. Cross-headings stand
// between its clauses.
type Part struct {
	// ID is the id of the section element: PreambleID, OperativeID, or
	// the annex's id ("annex1").
	ID string
	// Class is the class of the section element; Label its accessible
	// name ("Preamble", "Operative part", "Annex I").
	Class, Label string
	// Heading and Title are an annex's heading ("Annex I") and title,
	// shown at the top of the section; "" for the resolution's parts.
	Heading, Title string
	// Clauses are the part's top-level clauses, in order.
	Clauses []*resolution.Clause
	// Headings are the cross-headings of the part, by the id of the
	// clause each precedes ("" for those after the last clause).
	Headings map[string][]string
}

// The ids of the sections of the resolution proper.
const (
	PreambleID  = "cm-preamble"
	OperativeID = "cm-operative"
)

// Parts returns the parts of a document, in document order: the preamble
// (if it has one), the operative part (or the plain paragraphs of a text
// not recognised), then each annex.
func Parts(d *resolution.Document) []Part {
	headings := map[string]map[string][]string{}
	for _, h := range d.CrossHeadings {
		byClause := headings[h.Annex]
		if byClause == nil {
			byClause = map[string][]string{}
			headings[h.Annex] = byClause
		}
		byClause[h.Before] = append(byClause[h.Before], h.Text)
	}
	// Headings of the resolution proper go to the part that holds the
	// clause they precede.
	inPreamble := map[string][]string{}
	inOperative := map[string][]string{}
	pre := map[string]bool{}
	for _, c := range d.Preamble {
		pre[c.ID] = true
	}
	for before, hs := range headings[""] {
		if pre[before] {
			inPreamble[before] = hs
		} else {
			inOperative[before] = hs
		}
	}
	var parts []Part
	if len(d.Preamble) > 0 {
		parts = append(parts, Part{ID: PreambleID, Class: "cm-preamble", Label: "Preamble", Clauses: d.Preamble, Headings: inPreamble})
	}
	if len(d.Operative) > 0 || len(inOperative) > 0 {
		label := "Operative part"
		if !d.Recognised {
			label = "Paragraphs"
		}
		parts = append(parts, Part{ID: OperativeID, Class: "cm-operative", Label: label, Clauses: d.Operative, Headings: inOperative})
	}
	for _, a := range d.Annexes {
		label := a.Heading
		if label == "" {
			label = "Annex"
		}
		parts = append(parts, Part{ID: a.ID, Class: "cm-annex-part", Label: label, Heading: a.Heading, Title: a.Title, Clauses: a.Paragraphs, Headings: headings[a.ID]})
	}
	return parts
}

// SectionHTML renders a part as its section element.
func SectionHTML(p Part, v View) string {
	var b strings.Builder
	b.WriteString(`<section id="`)
	b.WriteString(html.EscapeString(p.ID))
	b.WriteString(`" class="`)
	b.WriteString(html.EscapeString(p.Class))
	b.WriteString(`" aria-label="`)
	b.WriteString(html.EscapeString(p.Label))
	b.WriteString(`">`)
	WritePart(&b, p, v)
	b.WriteString(`</section>`)
	return b.String()
}

// WritePart writes the content of a part's section: an annex's heading
// and title, then its clauses with the cross-headings between them.
func WritePart(b *strings.Builder, p Part, v View) {
	if p.Heading != "" || p.Title != "" {
		b.WriteString(`<header class="cm-annex-head">`)
		if p.Heading != "" {
			b.WriteString(`<h2 class="cm-annex-heading">`)
			b.WriteString(html.EscapeString(p.Heading))
			b.WriteString(`</h2>`)
		}
		if p.Title != "" {
			b.WriteString(`<p class="cm-annex-title">`)
			b.WriteString(html.EscapeString(p.Title))
			b.WriteString(`</p>`)
		}
		b.WriteString(`</header>`)
	}
	for _, c := range p.Clauses {
		writeHeadings(b, p.Headings[c.ID])
		WriteClause(b, c, v)
	}
	writeHeadings(b, p.Headings[""])
}

// writeHeadings writes cross-headings: headings between clauses, never
// part of one (AKN4UN crossHeading).
func writeHeadings(b *strings.Builder, hs []string) {
	for _, h := range hs {
		b.WriteString(`<h3 class="cm-crosshead">`)
		b.WriteString(html.EscapeString(h))
		b.WriteString(`</h3>`)
	}
}

// WriteClauses writes clause blocks (WriteClause) one after the other.
func WriteClauses(b *strings.Builder, clauses []*resolution.Clause, v View) {
	for _, c := range clauses {
		WriteClause(b, c, v)
	}
}

// WriteClause writes a clause as HTML: the element with the stable hooks
// (id, AttrClause, AttrLabel), the margin (deep link, label button,
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

	// The deep link stands before the label, in the document's order as
	// on screen.
	b.WriteString(`<div class="` + ClassMargin + `"><a class="cm-anchor" href="#`)
	b.WriteString(id)
	b.WriteString(`" aria-label="Link to `)
	b.WriteString(label)
	b.WriteString(`">#</a><button type="button" class="` + ClassLabel + `" title="Select `)
	b.WriteString(label)
	b.WriteString(` to tag it (j/k move between clauses)" aria-label="Select `)
	b.WriteString(label)
	b.WriteString(`">`)
	b.WriteString(label)
	b.WriteString(`</button>`)
	if suggested {
		WriteSuggestion(b, c, suggestion)
	}
	b.WriteString(`</div><p class="` + ClassPara + `">`)
	if numbered(c) {
		b.WriteString(`<span class="cm-num" ` + AttrNonText + `>`)
		b.WriteString(html.EscapeString(printedNumber(c)))
		b.WriteString(`</span>`)
	} else if c.Kind == resolution.Subparagraph {
		// A bullet: the item has no printed number.
		b.WriteString(`<span class="cm-num" ` + AttrNonText + ` aria-hidden="true">•</span>`)
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

// printedNumber is the number as the document prints it: "21.", "(a)";
// a numbered item inside a paragraph "1.".
func printedNumber(c *resolution.Clause) string {
	if c.Kind == resolution.Subparagraph && !isDigits(c.Number) {
		return "(" + c.Number + ")"
	}
	return c.Number + "."
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
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
