package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appBar is the bar at the top: the name, the document, where the changes
// are (saved, saving, not saved), the export menu, the import, the panel
// toggle and the shortcuts.
type appBar struct {
	app.Compo

	Isymbol    string
	Istate     saveState
	Iproblem   string
	Iwrites    int
	Icounts    annotations.Counts
	IpanelOpen bool
	Iready     bool

	menuOpen bool
}

func newAppBar() *appBar { return &appBar{} }

// Symbol sets the document symbol shown.
func (b *appBar) Symbol(s string) *appBar { b.Isymbol = s; return b }

// State sets where the changes are.
func (b *appBar) State(s saveState, problem string, writes int) *appBar {
	b.Istate, b.Iproblem, b.Iwrites = s, problem, writes
	return b
}

// Counts sets the number of annotations per tag.
func (b *appBar) Counts(c annotations.Counts) *appBar { b.Icounts = c; return b }

// PanelOpen says whether the annotation panel is open.
func (b *appBar) PanelOpen(open bool) *appBar { b.IpanelOpen = open; return b }

// Ready says whether the annotator runs (the wasm has loaded).
func (b *appBar) Ready(r bool) *appBar { b.Iready = r; return b }

func (b *appBar) Render() app.UI {
	return app.Header().Class("cm-bar").Body(
		app.Div().Class("cm-brand").Body(
			app.Img().Class("cm-logo").Src("/web/icon.svg").Alt("").Width(24).Height(24),
			app.Span().Class("cm-name").Text("Clausemark"),
		),
		app.P().Class("cm-bar-doc").Text(b.Isymbol),
		app.P().Class("cm-save cm-save-"+b.stateClass()).Role("status").Aria("live", "polite").Text(b.stateText()),
		app.Nav().Class("cm-actions").Aria("label", "Export, import and help").Body(
			app.If(b.Iready, func() app.UI {
				return app.Div().Class("cm-menu").Body(
					app.Button().
						Type("button").
						ID("cm-export").
						Class("cm-button").
						Aria("haspopup", "menu").
						Aria("expanded", b.menuOpen).
						Aria("controls", "cm-export-menu").
						OnClick(b.toggleMenu).
						Text("Export"),
					app.If(b.menuOpen, func() app.UI {
						// A click anywhere else closes the menu.
						return app.Div().Class("cm-menu-backdrop").Aria("hidden", "true").
							OnClick(func(ctx app.Context, e app.Event) { b.menuOpen = false })
					}),
					app.If(b.menuOpen, func() app.UI {
						return app.Ul().ID("cm-export-menu").Class("cm-menu-list").Role("menu").Aria("labelledby", "cm-export").
							OnKeyDown(b.menuKey).
							Body(
								b.menuItem(exportJSON, "Export JSON", "Clausemark file: import it elsewhere"),
								b.menuItem(exportW3C, "Export W3C", "W3C Web Annotation (JSON-LD)"),
								b.menuItem(exportMarkdown, "Export Markdown", "Drafting brief, grouped by tag"),
								b.menuItem(exportCSV, "Export CSV", "One row per annotation, for spreadsheets"),
							)
					}),
				)
			}),
			app.If(b.Iready, func() app.UI {
				return app.Button().
					Type("button").
					Class("cm-button").
					Title("Import a Clausemark or W3C file (or drop it on the page)").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionImportPick) }).
					Text("Import")
			}),
			app.Button().
				Type("button").
				Class("cm-button cm-panel-toggle").
				Aria("expanded", b.IpanelOpen).
				Aria("controls", "cm-panel").
				Title("Show or hide the list of annotations (/ to search)").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionTogglePanel) }).
				Body(
					app.Text("Annotations "),
					app.Span().Class("cm-badge").Text(itoa(b.Icounts.Total())),
				),
			app.Button().
				Type("button").
				Class("cm-button cm-help-button").
				Aria("label", "Keyboard shortcuts").
				Title("Keyboard shortcuts (?)").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionHelp) }).
				Text("?"),
		),
	)
}

func (b *appBar) menuItem(f exportFormat, label, hint string) app.UI {
	return app.Li().Role("none").Body(
		app.Button().
			Type("button").
			Role("menuitem").
			Class("cm-menu-item").
			Title(hint).
			OnClick(func(ctx app.Context, e app.Event) {
				b.menuOpen = false
				ctx.NewActionWithValue(actionExport, f)
				ctx.Defer(func(app.Context) { focusElement("#cm-export") })
			}).
			Text(label),
	)
}

func (b *appBar) toggleMenu(ctx app.Context, e app.Event) {
	b.menuOpen = !b.menuOpen
	if b.menuOpen {
		ctx.Defer(func(app.Context) { focusElement("#cm-export-menu [role=menuitem]") })
	}
}

// menuKey moves through the menu with the arrows and closes it with Escape.
func (b *appBar) menuKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Escape":
		b.menuOpen = false
		ctx.Defer(func(app.Context) { focusElement("#cm-export") })
	case "ArrowDown", "ArrowUp":
		e.PreventDefault()
		items := app.Window().Get("document").Call("querySelectorAll", "#cm-export-menu [role=menuitem]")
		n := items.Length()
		active := app.Window().Get("document").Get("activeElement")
		i := 0
		for j := 0; j < n; j++ {
			if items.Index(j).Equal(active) {
				i = j
			}
		}
		if e.Get("key").String() == "ArrowDown" {
			i = (i + 1) % n
		} else {
			i = (i + n - 1) % n
		}
		items.Index(i).Call("focus")
		ctx.PreventUpdate()
	}
}

func (b *appBar) stateClass() string {
	switch b.Istate {
	case loading:
		return "loading"
	case saving:
		return "saving"
	case notSaved, memoryOnly:
		return "failed"
	}
	return "saved"
}

func (b *appBar) stateText() string {
	switch {
	case !b.Iready:
		return "Reading view"
	case b.Istate == loading:
		return "Loading annotations…"
	case b.Istate == saving || b.Iwrites > 0:
		return "Saving…"
	case b.Istate == notSaved:
		return "Not saved"
	case b.Istate == memoryOnly:
		return "Not saved: storage unavailable"
	}
	return "All changes saved"
}
