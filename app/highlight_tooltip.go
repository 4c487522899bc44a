package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// highlightTooltip shows the tag and the note of the highlight under the
// pointer or with the focus. The note is user text: it is rendered as text.
type highlightTooltip struct {
	app.Compo

	Ia     annotations.Annotation
	Ilabel string
}

func newHighlightTooltip() *highlightTooltip { return &highlightTooltip{} }

// Annotation sets the annotation to describe and its clause label.
func (t *highlightTooltip) Annotation(a annotations.Annotation, label string) *highlightTooltip {
	t.Ia, t.Ilabel = a, label
	return t
}

const tooltipID = "cm-tooltip"

func (t *highlightTooltip) OnMount(ctx app.Context)  { t.place(ctx) }
func (t *highlightTooltip) OnUpdate(ctx app.Context) { t.place(ctx) }

func (t *highlightTooltip) place(ctx app.Context) {
	at := browser.Placement{Annotation: t.Ia.ID, Clause: t.Ia.Clause, Below: true}
	ctx.Defer(func(ctx app.Context) {
		ctx.NewActionWithValue(actionPlace, placeRequest{ID: tooltipID, At: at})
	})
}

func (t *highlightTooltip) Render() app.UI {
	a := t.Ia
	return app.Div().ID(tooltipID).Class("cm-tooltip").Role("tooltip").DataSet("tag", a.Tag).Body(
		app.P().Class("cm-tooltip-head").Body(
			app.Span().Class("cm-tag-chip").DataSet("tag", a.Tag).Body(
				app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[a.Tag]),
				app.Text(tagNames[a.Tag]),
			),
			app.Span().Class("cm-tooltip-label").Text(" "+t.Ilabel),
		),
		app.If(a.Note != "", func() app.UI {
			return app.P().Class("cm-tooltip-note").Text(preview(a.Note, 280))
		}).Else(func() app.UI {
			return app.P().Class("cm-tooltip-hint").Text("Click or press Enter to add a note.")
		}),
	)
}
