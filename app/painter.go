package app

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/markup"
	"github.com/clausemark/clausemark/resolution"
)

// painter keeps a document's clauses on the page in step with its
// annotations once the page is drawn: a change of one annotation is
// painted in place (its highlight wrapped, unwrapped or restyled, see
// browser.Highlight), anything larger repaints the clauses it touched,
// and only those. Before the page is live nothing is painted: the first
// render shows the annotations as they are then.
type painter struct {
	docID string
	b     browser.Browser
	doc   *resolution.Document
	adoc  *annotations.Document
	set   func() *annotations.Set

	live    bool
	parts   []markup.Part                 // the sections of the document
	parents map[string]string             // clause id → id of the clause it is part of
	tops    map[string]*resolution.Clause // top-level clauses by id
	clauses map[string]*resolution.Clause // every clause by id

	// The view state the clause markup carries.
	target   string // the clause the URL points to
	selected string // the clause selected as a whole
}

// paintAllAbove is how many clauses paint one by one; above it, each
// section is painted in one go.
const paintAllAbove = 24

func newPainter(b browser.Browser, doc *resolution.Document, adoc *annotations.Document, set func() *annotations.Set) *painter {
	p := &painter{
		b: b, doc: doc, adoc: adoc, set: set,
		parents: map[string]string{},
		tops:    map[string]*resolution.Clause{},
		clauses: map[string]*resolution.Clause{},
	}
	for _, c := range doc.Clauses() {
		p.clauses[c.ID] = c
		for _, child := range c.Children {
			p.parents[child.ID] = c.ID
		}
	}
	p.parts = markup.Parts(doc)
	for _, part := range p.parts {
		for _, c := range part.Clauses {
			p.tops[c.ID] = c
		}
	}
	return p
}

// view is what the clause markup needs now.
func (p *painter) view() markup.View {
	return markup.View{Annotations: p.set().ByClause, Target: p.target, Selected: p.selected}
}

// section renders a part of the document (markup.Parts) for the page.
func (p *painter) section(part markup.Part) string {
	return markup.SectionHTML(part, p.view())
}

// event paints one change of the session's set.
func (p *painter) event(e annotations.Event) {
	if !p.live {
		return
	}
	if e.All {
		p.paintAll()
		return
	}
	p.show(e.Old, e.New)
}

// show paints the change of one annotation, from old to n (old is the
// zero Annotation for a new one, n for a deleted one), in place. When that
// cannot be done, the clause is painted again whole.
func (p *painter) show(old, n annotations.Annotation) {
	var err error
	switch {
	case n.ID == "":
		err = p.b.Unhighlight(old.ID)
	case old.ID == "":
		err = p.highlight(n)
	case old.Clause == n.Clause && old.Start == n.Start && old.End == n.End:
		if p.placed(n) {
			err = p.b.Restyle(markup.MarkOf(n))
		}
	default:
		if err = p.b.Unhighlight(old.ID); err == nil {
			err = p.highlight(n)
		}
	}
	if err != nil {
		p.b.Log("clausemark: painting an annotation in place failed; painting its clause again:", err)
		p.touch(old.Clause, n.Clause)
		return
	}
	for _, c := range []string{old.Clause, n.Clause} {
		if c != "" {
			p.refreshSuggestion(c)
		}
	}
}

// placed reports whether an annotation has a highlight in the text (it is
// not an orphan).
func (p *painter) placed(x annotations.Annotation) bool {
	return x.Clause != "" && p.adoc.Fits(x)
}

// highlight wraps the text of an annotation in its highlight.
func (p *painter) highlight(x annotations.Annotation) error {
	if !p.placed(x) {
		return nil // an orphan has no place in the text
	}
	c, _ := p.adoc.Clause(x.Clause)
	return p.b.Highlight(x.Clause,
		annotations.CodePointsToUTF16(c.Text, x.Start),
		annotations.CodePointsToUTF16(c.Text, x.End),
		markup.MarkOf(x))
}

// refreshSuggestion shows or hides a clause's suggested tag, which goes
// once the whole clause has that tag.
func (p *painter) refreshSuggestion(id string) {
	c := p.clauses[id]
	if c == nil {
		return
	}
	if err := p.b.SetSuggestion(id, markup.SuggestionHTML(c, p.set().ByClause(id))); err != nil {
		p.b.Log("clausemark: showing the suggestion of", id, "failed:", err)
		p.touch(id)
	}
}

// touch paints the clauses with these ids again (their top-level clauses,
// with their sub-paragraphs), or both sections when there are many.
func (p *painter) touch(clauses ...string) {
	if !p.live {
		return
	}
	roots := map[string]bool{}
	for _, c := range clauses {
		if c != "" {
			roots[p.root(c)] = true
		}
	}
	if len(roots) > paintAllAbove {
		p.paintAll()
		return
	}
	for id := range roots {
		p.paintClause(id)
	}
}

// root is the top-level clause a clause is part of (itself, for most).
func (p *painter) root(id string) string {
	for p.parents[id] != "" {
		id = p.parents[id]
	}
	return id
}

// paintClause renders a top-level clause (with its sub-paragraphs) again
// in the page.
func (p *painter) paintClause(id string) {
	c := p.tops[id]
	if c == nil {
		return
	}
	var b strings.Builder
	markup.WriteClause(&b, c, p.view())
	if err := p.b.ReplaceClause(id, b.String()); err != nil {
		p.b.Log("clausemark: painting", id, "failed:", err)
	}
}

// paintAll renders every section of the document again in the page, and
// reports whether every one was painted (a failure is logged).
func (p *painter) paintAll() bool {
	if !p.live {
		return false
	}
	v := p.view()
	ok := true
	for _, part := range p.parts {
		var b strings.Builder
		markup.WritePart(&b, part, v)
		if err := p.b.SetInnerHTML("#"+part.ID, b.String()); err != nil {
			p.b.Log("clausemark: painting", part.ID, "failed:", err)
			ok = false
		}
	}
	return ok
}

// setTarget marks the clause the URL points to.
func (p *painter) setTarget(id string) {
	if id == p.target {
		return
	}
	p.toggle(p.target, "is-target", false)
	p.target = id
	p.toggle(id, "is-target", true)
}

// setSelected marks the clause selected as a whole ("" for none).
func (p *painter) setSelected(id string) {
	if id == p.selected {
		return
	}
	p.toggle(p.selected, "is-selected", false)
	p.selected = id
	p.toggle(id, "is-selected", true)
}

func (p *painter) toggle(id, class string, on bool) {
	if p.clauses[id] == nil || !p.live {
		return // no clause (a footnote, nothing)
	}
	// An element not on the page yet (the page is about to render the
	// document) gets the class from the render: nothing to report.
	_ = p.b.ToggleClass(id, class, on)
}
