package app

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// clauseView shows one clause: its label in the margin (a button that
// selects the whole clause), a deep link, the suggested tag, its number as
// printed, its text with its highlights, and its sub-paragraphs.
//
// It renders again only when one of its fields changes: Irev is bumped by
// the annotator when the clause's annotations (or its sub-paragraphs') change,
// so tagging one clause re-renders that clause alone. The clause is one
// HTML string (see clauseBlockHTML): the browser builds it in one go, where
// a tree of go-app elements would cost dozens of DOM calls per clause.
type clauseView struct {
	app.Compo

	Iclause   *resolution.Clause
	Irev      int
	Itarget   string // the clause (or sub-paragraph) the URL points to, if in this clause
	Iselected string // the clause (or sub-paragraph) selected as a whole, if in this clause
}

func newClauseView() *clauseView { return &clauseView{} }

// Clause sets the clause to show.
func (v *clauseView) Clause(c *resolution.Clause) *clauseView {
	v.Iclause = c
	return v
}

// Rev sets the revision of the clause's annotations.
func (v *clauseView) Rev(r int) *clauseView {
	v.Irev = r
	return v
}

// Target sets the clause the URL points to; it matters only if it is this
// clause or one of its sub-paragraphs.
func (v *clauseView) Target(id string) *clauseView {
	v.Itarget = within(v.Iclause, id)
	return v
}

// Selected sets the clause selected as a whole; it matters only if it is
// this clause or one of its sub-paragraphs.
func (v *clauseView) Selected(id string) *clauseView {
	v.Iselected = within(v.Iclause, id)
	return v
}

// within returns id if it names c or one of its sub-paragraphs, else "".
func within(c *resolution.Clause, id string) string {
	if id == c.ID || strings.HasPrefix(id, c.ID+".") {
		return id
	}
	return ""
}

// OnUpdate keeps the focus where it was when the clause renders again:
// its HTML is replaced as a whole, and with it the focused element (a
// label, a highlight), which keyboard users must not lose.
func (v *clauseView) OnUpdate(ctx app.Context) {
	if f, ok := focusIn(v.Iclause.ID); ok {
		ctx.Defer(func(app.Context) { restoreFocus(f) })
	}
}

func (v *clauseView) Render() app.UI {
	var b strings.Builder
	writeClauseBlock(&b, v.Iclause, v.Itarget, v.Iselected)
	return app.Raw(b.String())
}

// suggestedTag is the tag the clause's opening phrase suggests, unless the
// whole clause already has that tag.
func suggestedTag(c *resolution.Clause, as []annotations.Annotation) (annotations.Tag, bool) {
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
	for _, a := range as {
		if a.Tag == t && a.Start == 0 && a.End == len([]rune(c.Text)) {
			return "", false
		}
	}
	return t, true
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
