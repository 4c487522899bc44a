package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// openState is a document being opened, or why it could not be.
type openState struct {
	Name          string
	Busy          bool
	Error         string
	NotResolution bool // it can be opened anyway, as plain paragraphs
	req           openRequest
}

// openDialog says that a document is being opened, or why it could not be
// and what to do; for a text that does not look like a resolution it
// offers to open it anyway.
type openDialog struct {
	app.Compo

	Istate openState
}

func newOpenDialog() *openDialog { return &openDialog{} }

// State sets what the dialog shows.
func (d *openDialog) State(s *openState) *openDialog { d.Istate = *s; return d }

func (d *openDialog) Render() app.UI {
	s := d.Istate
	title := "Opening " + s.Name + "…"
	if !s.Busy {
		title = "“" + s.Name + "” could not be opened"
		if s.NotResolution {
			title = "“" + s.Name + "” is not laid out as a resolution"
		}
	}
	return app.Div().Class("cm-modal").Body(
		app.Div().
			ID("cm-open-dialog").
			Class("cm-dialog").
			Role("dialog").
			Aria("modal", "true").
			Aria("labelledby", "cm-open-title").
			Aria("busy", s.Busy).
			Body(
				app.H2().ID("cm-open-title").Text(title),
				app.If(s.Busy, func() app.UI {
					return app.P().Class("cm-open-busy").Role("status").Text("Reading the text in this browser; nothing is uploaded.")
				}),
				app.If(s.Error != "", func() app.UI {
					return app.Div().Class("cm-open-error").Role("alert").Body(
						app.P().Text(capitalize(s.Error)+"."),
						app.P().Class("cm-hint").Text("Nothing was added; your documents and annotations are as they were."),
					)
				}),
				app.Div().Class("cm-dialog-actions").Body(
					app.If(s.NotResolution, func() app.UI {
						return app.Button().Type("button").Class("cm-button cm-primary").Attr("autofocus", true).
							OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenAnyway) }).
							Text("Open anyway as plain paragraphs")
					}),
					app.If(!s.Busy, func() app.UI {
						return app.Button().Type("button").Class("cm-button").
							OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenClose) }).
							Text("Close")
					}),
				),
			),
	)
}

// capitalize makes the first letter of a message a capital.
func capitalize(s string) string {
	for i, r := range s {
		if r >= 'a' && r <= 'z' {
			return s[:i] + string(r-'a'+'A') + s[i+1:]
		}
		return s
	}
	return s
}
