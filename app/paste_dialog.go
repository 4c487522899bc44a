package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// pasteDialog takes the text of a resolution pasted from another
// application (a PDF viewer, a web page, an e-mail) and opens it.
type pasteDialog struct {
	app.Compo

	text string
}

func newPasteDialog() *pasteDialog { return &pasteDialog{} }

// pasteID is the id of the dialog's text area.
const pasteID = "cm-paste"

func (d *pasteDialog) Render() app.UI {
	return app.Div().Class("cm-modal").Body(
		app.Div().
			ID("cm-paste-dialog").
			Class("cm-dialog").
			Role("dialog").
			Aria("modal", "true").
			Aria("labelledby", "cm-paste-title").
			Body(
				app.H2().ID("cm-paste-title").Text("Paste text"),
				app.Label().For(pasteID).Text("The text of the resolution, as copied from a PDF, a web page or an e-mail:"),
				app.Textarea().
					ID(pasteID).
					Class("cm-paste").
					Rows(12).
					Attr("autofocus", true).
					OnInput(func(ctx app.Context, e app.Event) {
						d.text = ctx.JSSrc().Get("value").String()
						ctx.PreventUpdate()
					}),
				app.Div().Class("cm-dialog-actions").Body(
					app.Button().Type("button").Class("cm-button cm-primary").
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionOpenText, d.text) }).
						Text("Open"),
					app.Button().Type("button").Class("cm-button").
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenClose) }).
						Text("Cancel"),
				),
			),
	)
}
