package app

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// panelItem is one annotation in the panel's list. It renders again only
// when its annotation changes, and its buttons have no handlers of their
// own: the list handles their clicks (annotationPanel.onListClick).
type panelItem struct {
	app.Compo

	Ia      annotations.Annotation
	Ilabel  string
	Iorphan bool
}

func newPanelItem() *panelItem { return &panelItem{} }

// Annotation sets the annotation to show, its clause label, and whether it
// needs review.
func (p *panelItem) Annotation(a annotations.Annotation, label string, orphan bool) *panelItem {
	p.Ia, p.Ilabel, p.Iorphan = a, label, orphan
	return p
}

func (p *panelItem) Render() app.UI {
	a := p.Ia
	class := "cm-item"
	show := actionShow
	if p.Iorphan {
		class += " is-orphan"
		show = actionOpen
	}
	return app.Li().Class(class).DataSet("tag", a.Tag).DataSet("item", a.ID).Body(
		app.Button().
			Type("button").
			Class("cm-item-show").
			DataSet("action", show).
			Title("Show it in the text").
			Body(
				app.Span().Class("cm-item-head").Body(
					app.Span().Class("cm-item-label").Text(p.Ilabel),
					app.Span().Class("cm-tag-chip").DataSet("tag", a.Tag).Body(
						app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[a.Tag]),
						app.Text(tagNames[a.Tag]),
					),
				),
				app.Span().Class("cm-item-quote").Text("“"+preview(a.Exact, 160)+"”"),
				app.If(a.Note != "", func() app.UI {
					return app.Span().Class("cm-item-note").Text(preview(a.Note, 200))
				}),
				app.If(a.Author != "", func() app.UI {
					return app.Span().Class("cm-item-author").Text("— " + a.Author)
				}),
			),
		app.Button().
			Type("button").
			Class("cm-item-edit").
			DataSet("action", actionEdit).
			Aria("label", "Edit the "+strings.ToLower(tagNames[a.Tag])+" on "+p.Ilabel).
			Text("Edit"),
	)
}
