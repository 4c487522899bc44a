package app

import (
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// documentView shows a resolution as the UN prints it: identification,
// title, enacting formula, preamble, operative part, adoption, vote record
// and footnotes.
type documentView struct {
	app.Compo

	Idoc    *resolution.Document
	Itarget string // id of the clause the URL fragment points to
}

func newDocumentView() *documentView { return &documentView{} }

// Document sets the resolution to show.
func (v *documentView) Document(d *resolution.Document) *documentView {
	v.Idoc = d
	return v
}

// Target sets the id of the clause the URL points to.
func (v *documentView) Target(id string) *documentView {
	v.Itarget = id
	return v
}

func (v *documentView) Render() app.UI {
	d := v.Idoc
	return app.Article().
		Class("cm-doc").
		DataSet("symbol", d.Symbol).
		Aria("labelledby", "doc-title").
		Body(
			newDocHeader().Document(d),
			app.If(len(d.Notes) > 0, func() app.UI {
				return app.Div().Class("cm-notice").Role("note").Body(
					app.Range(d.Notes).Slice(func(i int) app.UI {
						return app.P().Text(d.Notes[i])
					}),
				)
			}),
			app.If(d.EnactingFormula != "", func() app.UI {
				return app.P().Class("cm-enacting").Text(d.EnactingFormula)
			}),
			app.If(len(d.Preamble) > 0, func() app.UI {
				return app.Section().Class("cm-preamble").Aria("label", "Preamble").Body(
					v.clauses(d.Preamble)...,
				)
			}),
			app.If(len(d.Operative) > 0, func() app.UI {
				label := "Operative part"
				if !d.Recognised {
					label = "Paragraphs"
				}
				return app.Section().Class("cm-operative").Aria("label", label).Body(
					v.clauses(d.Operative)...,
				)
			}),
			app.If(d.Adoption.Meeting != "" || d.Adoption.Date != "", func() app.UI {
				return app.P().Class("cm-adoption").Body(
					app.Span().Class("cm-meeting").Text(d.Adoption.Meeting),
					app.Br(),
					app.Span().Class("cm-date").Text(d.Adoption.Date),
				)
			}),
			app.If(d.Vote != nil, func() app.UI {
				return newVoteRecord().Vote(d.Vote)
			}),
			app.If(len(d.Footnotes) > 0, func() app.UI {
				return newFootnoteList().Document(d)
			}),
		)
}

func (v *documentView) clauses(cs []*resolution.Clause) []app.UI {
	out := make([]app.UI, len(cs))
	for i, c := range cs {
		out[i] = newClauseView().Clause(c).Target(c.ID == v.Itarget)
	}
	return out
}
