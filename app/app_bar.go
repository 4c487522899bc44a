package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appBar is the bar at the top: the name, the document, where the changes
// are (saved, saving, not saved), the export menu, the import, the panel
// toggle and the shortcuts. It observes the document's view (docView).
type appBar struct {
	app.Compo

	Idoc       string
	Isymbol    string
	IpanelOpen bool
	Iready     bool

	view       docView
	watch      docWatch
	menuOpen   bool
	menuItemAt int // the menu item with the focus
}

// menuFormats are the items of the export menu, in order.
var menuFormats = []struct {
	format      exportFormat
	label, hint string
}{
	{exportJSON, "Export JSON", "Clausemark file: import it elsewhere"},
	{exportW3C, "Export W3C", "W3C Web Annotation (JSON-LD)"},
	{exportMarkdown, "Export Markdown", "Drafting brief, grouped by tag"},
	{exportCSV, "Export CSV", "One row per annotation, for spreadsheets"},
}

func newAppBar() *appBar { return &appBar{} }

// Doc sets the document (its id) and the symbol shown.
func (b *appBar) Doc(id, symbol string) *appBar { b.Idoc, b.Isymbol = id, symbol; return b }

func (b *appBar) OnMount(ctx app.Context)  { b.watch.observe(ctx, b.Idoc, &b.view) }
func (b *appBar) OnUpdate(ctx app.Context) { b.watch.observe(ctx, b.Idoc, &b.view) }

// PanelOpen says whether the annotation panel is open.
func (b *appBar) PanelOpen(open bool) *appBar { b.IpanelOpen = open; return b }

// Ready says whether the annotator runs (the wasm has loaded).
func (b *appBar) Ready(r bool) *appBar { b.Iready = r; return b }

func (b *appBar) Render() app.UI {
	return app.Header().Class("cm-bar").Body(
		app.A().Class("cm-brand").Href(libraryPath).Title("Your library: every document in this browser").Body(
			app.Img().Class("cm-logo").Src("/web/icon.svg").Alt("").Width(24).Height(24),
			app.Span().Class("cm-name").Text("Clausemark"),
			app.Span().Class("cm-visually-hidden").Text(" — Library"),
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
								app.Range(menuFormats).Slice(func(i int) app.UI {
									m := menuFormats[i]
									return b.menuItem(m.format, m.label, m.hint)
								}),
							)
					}),
				)
			}),
			app.If(b.Iready, func() app.UI {
				return app.Button().
					Type("button").
					ID("cm-open").
					Class("cm-button cm-primary").
					Title("Open a resolution: PDF, Word, web page or text (or drop it on the page) (o)").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenPick) }).
					Text("Open document")
			}),
			app.If(b.Iready, func() app.UI {
				return app.Button().
					Type("button").
					Class("cm-button").
					Title("Open the text of a resolution copied from elsewhere").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenPaste) }).
					Text("Paste text")
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
					app.Span().Class("cm-badge").Text(itoa(b.view.Counts.Total())),
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
				ctx.NewActionWithValue(actionExport, exportRequest{Doc: b.Idoc, Format: f})
				b.focus(ctx, "#cm-export")
			}).
			Text(label),
	)
}

func (b *appBar) toggleMenu(ctx app.Context, e app.Event) {
	b.menuOpen = !b.menuOpen
	if b.menuOpen {
		b.menuItemAt = 0
		b.focus(ctx, "#cm-export-menu [role=menuitem]")
	}
}

// menuKey moves through the menu with the arrows and closes it with Escape.
func (b *appBar) menuKey(ctx app.Context, e app.Event) {
	switch key := e.Get("key").String(); key {
	case "Escape":
		b.menuOpen = false
		b.focus(ctx, "#cm-export")
	case "ArrowDown", "ArrowUp":
		e.PreventDefault()
		n := len(menuFormats)
		if key == "ArrowDown" {
			b.menuItemAt = (b.menuItemAt + 1) % n
		} else {
			b.menuItemAt = (b.menuItemAt + n - 1) % n
		}
		focusSelector(ctx, "#cm-export-menu li:nth-child("+itoa(b.menuItemAt+1)+") [role=menuitem]")
		ctx.PreventUpdate()
	}
}

// focus moves the focus once the bar rendered (the menu is in the page).
func (b *appBar) focus(ctx app.Context, selector string) {
	ctx.Defer(func(ctx app.Context) { focusSelector(ctx, selector) })
}

func (b *appBar) stateClass() string {
	switch b.view.Status.State {
	case annotations.Loading:
		return "loading"
	case annotations.Saving:
		return "saving"
	case annotations.NotSaved, annotations.MemoryOnly:
		return "failed"
	}
	return "saved"
}

func (b *appBar) stateText() string {
	st := b.view.Status
	switch {
	case !b.Iready || b.view.Doc == nil:
		return "Reading view"
	case st.State == annotations.Loading:
		return "Loading annotations…"
	case st.State == annotations.Saving:
		return "Saving…"
	case st.State == annotations.NotSaved:
		return "Not saved"
	case st.State == annotations.MemoryOnly:
		return "Not saved: storage unavailable"
	}
	return "All changes saved"
}
