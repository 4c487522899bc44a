package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// tagToolbar floats next to the selection: Commitment, Request, Concern
// (keys 1, 2, 3) and Note (n).
type tagToolbar struct {
	app.Compo

	Isel   selection
	Ilabel string
}

func newTagToolbar() *tagToolbar { return &tagToolbar{} }

// Selection sets what the toolbar tags and how to name it.
func (t *tagToolbar) Selection(s *selection, label string) *tagToolbar {
	t.Isel = *s
	t.Ilabel = label
	return t
}

const toolbarID = "cm-toolbar"

func (t *tagToolbar) OnMount(ctx app.Context)  { t.place(ctx) }
func (t *tagToolbar) OnUpdate(ctx app.Context) { t.place(ctx) }

// place puts the toolbar above the clause of the selection, or below it,
// or beside it: never over the text being tagged, nor over the panel.
func (t *tagToolbar) place(ctx app.Context) {
	at := browser.Placement{Rect: t.Isel.Rect, Clause: t.Isel.Clause}
	ctx.Defer(func(ctx app.Context) {
		ctx.NewActionWithValue(actionPlace, placeRequest{ID: toolbarID, At: at})
	})
}

func (t *tagToolbar) Render() app.UI {
	return app.Div().
		ID(toolbarID).
		Class("cm-toolbar").
		Role("toolbar").
		Aria("label", "Tag "+t.Ilabel).
		On("mousedown", keepSelection).
		Body(
			app.Span().Class("cm-toolbar-label").Text(t.Ilabel),
			tagButton(annotations.Commitment, "1"),
			tagButton(annotations.Request, "2"),
			tagButton(annotations.Concern, "3"),
			app.Button().
				Type("button").
				Class("cm-tool cm-tool-note").
				Aria("keyshortcuts", "n").
				Title("Write a note (n)").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionNote) }).
				Body(app.Span().Class("cm-tool-name").Text("Note"), app.Kbd().Aria("hidden", "true").Text("n")),
		)
}

// tagButton is a toolbar button that tags the selection.
func tagButton(tag annotations.Tag, key string) app.UI {
	name := tagNames[tag]
	return app.Button().
		Type("button").
		Class("cm-tool").
		DataSet("tag", tag).
		Aria("keyshortcuts", key).
		Title("Tag as a "+name+" ("+key+")").
		OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionTagSelection, tag) }).
		Body(
			app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[tag]),
			app.Span().Class("cm-tool-name").Text(name),
			// The name is the word on the button (the letter and the key
			// are hidden from it: aria-keyshortcuts says the key).
			app.Kbd().Aria("hidden", "true").Text(key),
		)
}

// keepSelection keeps a click on the toolbar from clearing the selection.
func keepSelection(ctx app.Context, e app.Event) {
	e.PreventDefault()
	ctx.PreventUpdate()
}
