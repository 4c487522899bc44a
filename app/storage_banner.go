package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageBanner says that annotations could not be saved in the browser,
// why, and what still works: they stay on screen and export works. It
// observes the document's view and shows only while something is not
// saved.
type storageBanner struct {
	app.Compo

	Idoc string

	view  docView
	watch docWatch
}

func newStorageBanner() *storageBanner { return &storageBanner{} }

// Doc sets the document (its id) whose status the banner shows.
func (b *storageBanner) Doc(id string) *storageBanner { b.Idoc = id; return b }

func (b *storageBanner) OnMount(ctx app.Context)  { b.watch.observe(ctx, b.Idoc, &b.view) }
func (b *storageBanner) OnUpdate(ctx app.Context) { b.watch.observe(ctx, b.Idoc, &b.view) }

func (b *storageBanner) Render() app.UI {
	st := b.view.Status
	if st.State != annotations.NotSaved && st.State != annotations.MemoryOnly {
		return app.Div().Class("cm-banner-slot")
	}
	title := "Some changes are not saved."
	if st.State == annotations.MemoryOnly {
		title = "Annotations cannot be saved in this browser."
	}
	return app.Div().Class("cm-banner-slot").Body(
		app.Div().Class("cm-banner").Role("alert").Body(
			app.Strong().Text(title+" "),
			app.Span().Text(st.Problem+" "),
			app.Span().Text("Your annotations stay on screen until you close the page; to keep a copy, choose Export, then Clausemark file (JSON)."),
			app.Button().
				Type("button").
				Class("cm-button").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionRetry, b.Idoc) }).
				Text("Try again"),
		),
	)
}
