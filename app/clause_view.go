package app

import (
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// clauseView shows one clause: its label in the margin (a button), its
// number as printed, its text, and its sub-paragraphs.
type clauseView struct {
	app.Compo

	Iclause *resolution.Clause
	Itarget bool // the clause is the target of the URL fragment
}

func newClauseView() *clauseView { return &clauseView{} }

// Clause sets the clause to show.
func (v *clauseView) Clause(c *resolution.Clause) *clauseView {
	v.Iclause = c
	return v
}

// Target marks the clause as the one the URL points to.
func (v *clauseView) Target(t bool) *clauseView {
	v.Itarget = t
	return v
}

func (v *clauseView) Render() app.UI {
	c := v.Iclause
	class := "cm-clause cm-" + string(c.Kind)
	if v.Itarget {
		class += " is-target"
	}
	return app.Div().
		ID(c.ID).
		Class(class).
		DataSet("clause", c.ID).
		DataSet("label", c.Label).
		Body(
			app.Div().Class("cm-margin").Body(
				app.A().
					Class("cm-label").
					Href("#"+c.ID).
					Title("Link to "+c.Label).
					Text(c.Label),
			),
			app.P().Class("cm-para").Body(
				app.If(numbered(c), func() app.UI {
					return app.Span().Class("cm-num").Attr(nonText, "").Text(printedNumber(c))
				}),
				app.Span().Class("cm-text").Body(clausePieces(c)...),
			),
			app.If(len(c.Children) > 0, func() app.UI {
				return app.Div().Class("cm-children").Body(
					app.Range(c.Children).Slice(func(i int) app.UI {
						return newClauseView().Clause(c.Children[i])
					}),
				)
			}),
		)
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
