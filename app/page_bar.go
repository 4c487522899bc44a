package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// pageBar is the bar at the top of the pages that show no one document
// (the library, all annotations): the name, the way between them, and
// Open document.
type pageBar struct {
	app.Compo

	Icurrent string // the path of the page it is on

	ready bool
}

func newPageBar(ws *workspace) *pageBar { return &pageBar{} }

// Current sets the page the bar is on.
func (b *pageBar) Current(path string) *pageBar { b.Icurrent = path; return b }

func (b *pageBar) OnMount(ctx app.Context) { b.ready = true }

func (b *pageBar) Render() app.UI {
	return app.Header().Class("cm-bar").Body(
		app.A().Class("cm-brand").Href(libraryPath).Body(
			app.Img().Class("cm-logo").Src("/web/icon.svg").Alt("Clausemark").Width(24).Height(24),
		),
		app.Nav().Class("cm-places").Aria("label", "Pages").Body(
			b.place(libraryPath, "Library"),
			b.place(annotationsPath, "All annotations"),
		),
		app.Div().Class("cm-actions").Body(
			app.If(b.ready, func() app.UI {
				return app.Button().Type("button").ID("cm-open").Class("cm-button cm-primary").
					Title("Open a resolution: PDF, Word, web page or text (or drop it on the page)").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenPick) }).
					Body(wideNarrow("Open document", "Open")...)
			}),
			app.If(b.ready, func() app.UI {
				return app.Button().Type("button").Class("cm-button").
					Title("Open the text of a resolution copied from elsewhere").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenPaste) }).
					Body(wideNarrow("Paste text", "Paste")...)
			}),
		),
	)
}

// place is a link to one of the pages, marked when it is this one.
func (b *pageBar) place(path, label string) app.UI {
	a := app.A().Class("cm-place").Href(path).Text(label)
	if path == b.Icurrent {
		a = a.Aria("current", "page")
	}
	return a
}

// wideNarrow is a control's label, shorter on a phone, so that the bar
// stays one row.
func wideNarrow(wide, narrow string) []app.UI {
	return []app.UI{
		app.Span().Class(wideOnly).Text(wide),
		app.Span().Class(narrowOnly).Text(narrow),
	}
}
