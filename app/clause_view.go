package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// clauseView shows one clause: its label in the margin (a button that
// selects the whole clause), a deep link, the suggested tag, its number as
// printed, its text with its highlights, and its sub-paragraphs.
//
// It renders again only when one of its fields changes: Irev is bumped by
// the annotator when the clause's annotations change, so tagging one clause
// re-renders that clause alone.
type clauseView struct {
	app.Compo

	Iclause   *resolution.Clause
	Irev      int
	Itarget   bool // the clause is the target of the URL fragment
	Iselected bool // the whole clause is selected for tagging
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

// Target marks the clause as the one the URL points to.
func (v *clauseView) Target(t bool) *clauseView {
	v.Itarget = t
	return v
}

// Selected marks the clause as selected as a whole.
func (v *clauseView) Selected(s bool) *clauseView {
	v.Iselected = s
	return v
}

func (v *clauseView) Render() app.UI {
	c := v.Iclause
	class := "cm-clause cm-" + string(c.Kind)
	if v.Itarget {
		class += " is-target"
	}
	if v.Iselected {
		class += " is-selected"
	}
	as := ann.set.ByClause(c.ID)
	suggestion, hasSuggestion := suggestedTag(c, as)
	return app.Div().
		ID(c.ID).
		Class(class).
		DataSet("clause", c.ID).
		DataSet("label", c.Label).
		Body(
			app.Div().Class("cm-margin").Body(
				app.Button().
					Type("button").
					Class("cm-label").
					Title("Select "+c.Label+" to tag it (j/k move between clauses)").
					Aria("label", "Select "+c.Label).
					Text(c.Label),
				app.A().
					Class("cm-anchor").
					Href("#"+c.ID).
					Aria("label", "Link to "+c.Label).
					Text("#"),
				app.If(hasSuggestion, func() app.UI {
					name := tagNames[suggestion]
					return app.Button().
						Type("button").
						Class("cm-suggest").
						DataSet("tag", suggestion).
						Title("Suggested from the opening phrase: tag "+c.Label+" as a "+name+" (a)").
						Aria("label", "Accept the suggestion: tag "+c.Label+" as a "+name).
						Text(name + "?")
				}),
			),
			app.P().Class("cm-para").Body(
				app.If(numbered(c), func() app.UI {
					return app.Span().Class("cm-num").Attr(nonText, "").Text(printedNumber(c))
				}),
				app.Raw(clauseHTML(c, as)),
			),
			app.If(len(c.Children) > 0, func() app.UI {
				return app.Div().Class("cm-children").Body(
					app.Range(c.Children).Slice(func(i int) app.UI {
						return newClauseView().Clause(c.Children[i]).Rev(ann.revs[c.Children[i].ID])
					}),
				)
			}),
		)
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
