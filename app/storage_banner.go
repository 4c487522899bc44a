package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// storageBanner says that annotations could not be saved in the browser,
// why, and what still works: they stay on screen and export works.
type storageBanner struct {
	app.Compo

	Iproblem string
	Imemory  bool // there is no store at all
}

func newStorageBanner() *storageBanner { return &storageBanner{} }

// Problem sets the storage error to show.
func (b *storageBanner) Problem(p string) *storageBanner { b.Iproblem = p; return b }

// Memory says there is no store at all (not one failed write).
func (b *storageBanner) Memory(m bool) *storageBanner { b.Imemory = m; return b }

func (b *storageBanner) Render() app.UI {
	title := "Some changes are not saved."
	if b.Imemory {
		title = "Annotations cannot be saved in this browser."
	}
	return app.Div().Class("cm-banner").Role("alert").Body(
		app.Strong().Text(title+" "),
		app.Span().Text(b.Iproblem+" "),
		app.Span().Text("Your annotations stay on screen until you close the page; use Export JSON to keep a copy."),
		app.Button().
			Type("button").
			Class("cm-button").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionRetry) }).
			Text("Try again"),
	)
}
