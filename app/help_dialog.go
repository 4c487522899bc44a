package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// helpDialog lists the keyboard shortcuts.
type helpDialog struct {
	app.Compo
}

func newHelpDialog() *helpDialog { return &helpDialog{} }

var shortcuts = []struct{ keys, what string }{
	{"j / k", "Next / previous clause"},
	{"Enter on a label", "Select the whole clause"},
	{"Shift + ← →", "Select text in the focused clause (Ctrl: by word; Shift + Home / End: to the ends)"},
	{"1 2 3", "Tag the selection or the focused clause: Commitment (C), Request (R), Concern (!); on a highlight, change its tag"},
	{"n", "Write a note on the selection, or on the focused highlight (after a tag, the highlight just made)"},
	{"a", "Accept the suggested tag of the focused clause"},
	{"Tab, Enter", "Go to a highlight and open it"},
	{"Delete", "Delete the focused annotation"},
	{"u or Ctrl + Z", "Undo the last delete"},
	{"p", "Go to the annotations (opens the panel)"},
	{"/", "Search the annotations; Esc clears the search, then goes back"},
	{"o", "Open a document (PDF, Word, web page or text)"},
	{"?", "This help"},
	{"Esc", "Close; the focus goes back to where it was"},
}

func (h *helpDialog) Render() app.UI {
	return app.Div().Class("cm-modal").Body(
		app.Div().
			ID("cm-help-dialog").
			Class("cm-dialog").
			Role("dialog").
			Aria("modal", "true").
			Aria("labelledby", "cm-help-title").
			Body(
				app.H2().ID("cm-help-title").Text("Keyboard shortcuts"),
				app.Table().Class("cm-shortcuts").Body(
					app.TBody().Body(
						app.Range(shortcuts).Slice(func(i int) app.UI {
							return app.Tr().Body(
								app.Th().Scope("row").Body(app.Kbd().Text(shortcuts[i].keys)),
								app.Td().Text(shortcuts[i].what),
							)
						}),
					),
				),
				app.P().Class("cm-help-tags").Text("Tags are told apart by colour, by underline (solid, dashed, dotted) and by a letter at the end of each highlight: C, R, !. Typing in the note or the search is never a shortcut."),
				app.Div().Class("cm-dialog-actions").Body(
					app.Button().Type("button").Class("cm-button cm-primary").
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionClose) }).
						Text("Close"),
				),
			),
	)
}
