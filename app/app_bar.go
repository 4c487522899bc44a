package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appBar is the bar at the top: the name, the document, where the changes
// are (saved, saving, not saved), the export menu, the import, the panel
// toggle and the shortcuts. It observes the document's view (docView).
//
// It stays one row on every screen: on a narrow one (a phone, a tablet)
// Open document, Paste text and Import move into the menu, whose button
// then says "Menu" (the style sheet shows one or the other, see
// narrowOnly and wideOnly).
type appBar struct {
	app.Compo

	Idoc       string
	Isymbol    string
	IpanelOpen bool
	Iready     bool

	view     docView
	watch    docWatch
	menuOpen bool
}

// The classes that show an element only on a narrow screen (the compact
// bar) or only on a wide one; the style sheet sets the width.
const (
	narrowOnly = "cm-narrow-only"
	wideOnly   = "cm-wide-only"
)

// menuItem is an item of the bar's menu: an export format, or an action
// (then format is "").
type menuItem struct {
	format      exportFormat
	action      string
	label, hint string
	narrow      bool // only in the compact bar's menu
}

// menuItems are the items of the menu, in order.
var menuItems = []menuItem{
	{action: actionOpenPick, label: "Open document…", hint: "A resolution as PDF, Word, web page or text (o)", narrow: true},
	{action: actionOpenPaste, label: "Paste text…", hint: "The text of a resolution copied from elsewhere", narrow: true},
	{action: actionImportPick, label: "Import annotations…", hint: "A Clausemark or Web Annotation file (or drop it on the page)", narrow: true},
	{format: exportJSON, label: "Clausemark file (JSON)", hint: "To keep a copy, or to import on another computer"},
	{format: exportW3C, label: "Web Annotation (W3C)", hint: "JSON-LD, for other annotation tools"},
	{format: exportMarkdown, label: "Drafting brief (Markdown)", hint: "Grouped by tag, with the quotes and notes"},
	{format: exportPrint, label: "Print view of the brief", hint: "Opens in a new tab, ready to print or save as PDF"},
	{format: exportCSV, label: "Spreadsheet (CSV)", hint: "One row per annotation"},
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
			app.Img().Class("cm-logo").Src("/web/icon.svg").Alt("Clausemark").Width(24).Height(24),
			app.Span().Class("cm-name").Aria("hidden", "true").Text("Clausemark"),
			app.Span().Class("cm-visually-hidden").Text(" — Library"),
		),
		app.P().Class("cm-bar-doc").Text(b.Isymbol),
		app.P().Class("cm-save cm-save-"+b.stateClass()).Role("status").Aria("live", "polite").Text(b.stateText()),
		app.Nav().Class("cm-actions").Aria("label", "Documents and annotations").Body(
			app.If(b.Iready, func() app.UI {
				button := app.Button().
					Type("button").
					ID("cm-export").
					Class("cm-button").
					Aria("haspopup", "menu").
					Aria("expanded", b.menuOpen)
				if b.menuOpen {
					button = button.Aria("controls", "cm-export-menu") // only while it is there
				}
				return app.Div().Class("cm-menu").Body(
					button.
						OnClick(b.toggleMenu).
						Body(wideNarrow("Export", "Menu")...),
					app.If(b.menuOpen, func() app.UI {
						// A click anywhere else closes the menu.
						return app.Div().Class("cm-menu-backdrop").Aria("hidden", "true").
							OnClick(func(ctx app.Context, e app.Event) { b.closeMenu(ctx, false) })
					}),
					app.If(b.menuOpen, func() app.UI {
						return app.Ul().ID("cm-export-menu").Class("cm-menu-list").Role("menu").Aria("labelledby", "cm-export").
							OnKeyDown(b.menuKey).
							Body(
								app.Range(menuItems).Slice(func(i int) app.UI { return b.menuItem(menuItems[i]) }),
							)
					}),
				)
			}),
			app.If(b.Iready, func() app.UI {
				return app.Button().
					Type("button").
					ID("cm-open").
					Class("cm-button cm-primary " + wideOnly).
					Title("Open a resolution: PDF, Word, web page or text (or drop it on the page) (o)").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenPick) }).
					Text("Open document")
			}),
			app.If(b.Iready, func() app.UI {
				return app.Button().
					Type("button").
					Class("cm-button " + wideOnly).
					Title("Open the text of a resolution copied from elsewhere").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenPaste) }).
					Text("Paste text")
			}),
			app.If(b.Iready, func() app.UI {
				return app.Button().
					Type("button").
					Class("cm-button " + wideOnly).
					Title("Import a Clausemark or Web Annotation file (or drop it on the page)").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionImportPick) }).
					Text("Import")
			}),
			app.Button().
				Type("button").
				ID("cm-panel-toggle").
				Class("cm-button cm-panel-toggle").
				Aria("expanded", b.IpanelOpen).
				Aria("controls", "cm-panel").
				Title("Show or hide the list of annotations (p; / to search)").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionTogglePanel) }).
				Body(
					app.Text("Annotations "),
					app.Span().Class("cm-badge").Text(itoa(b.view.Counts.Total())),
				),
			app.Button().
				Type("button").
				ID("cm-help-button").
				Class("cm-button cm-help-button").
				Aria("label", "Keyboard shortcuts").
				Aria("keyshortcuts", "?").
				Title("Keyboard shortcuts (?)").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionHelp) }).
				Text("?"),
		),
	)
}

func (b *appBar) menuItem(m menuItem) app.UI {
	li := app.Li().Role("none")
	if m.narrow {
		li = li.Class(narrowOnly)
	}
	return li.Body(
		app.Button().
			Type("button").
			Role("menuitem").
			Class("cm-menu-item").
			TabIndex(-1).
			Title(m.hint).
			OnClick(func(ctx app.Context, e app.Event) {
				if m.action != "" {
					// The dialog or file picker it opens takes the
					// focus; it gives it back to the menu button.
					b.closeMenu(ctx, false)
					ctx.NewAction(m.action)
					return
				}
				b.closeMenu(ctx, true)
				ctx.NewActionWithValue(actionExport, exportRequest{Doc: b.Idoc, Format: m.format})
			}).
			Text(m.label),
	)
}

func (b *appBar) toggleMenu(ctx app.Context, e app.Event) {
	if b.menuOpen {
		b.closeMenu(ctx, true)
		return
	}
	b.menuOpen = true
	ctx.Defer(func(ctx app.Context) { focusMenuItem("Home") })
}

// closeMenu closes the menu; focus gives the focus back to its button.
// The focus action is posted at once, not deferred: the handler that
// closes the menu runs on an element of the menu, and go-app drops what
// such a handler defers once its element has left the page.
func (b *appBar) closeMenu(ctx app.Context, focus bool) {
	b.menuOpen = false
	if focus {
		focusSelector(ctx, "#cm-export")
	}
}

// menuItemsSelector finds the items of the open menu.
const menuItemsSelector = "#cm-export-menu [role=menuitem]"

// menuKey moves through the menu with the arrows, Home and End, and closes
// it with Escape (the page's own Escape then finds nothing more to close)
// or Tab.
func (b *appBar) menuKey(ctx app.Context, e app.Event) {
	key := e.Get("key").String()
	switch key {
	case "Escape":
		b.closeMenu(ctx, true)
		return
	case "Tab":
		b.menuOpen = false
		return
	case "ArrowDown", "ArrowUp", "Home", "End":
	default:
		ctx.PreventUpdate()
		return
	}
	ctx.PreventUpdate()
	focusMenuItem(key)
}

// focusMenuItem moves the focus in the open menu as a key does: ArrowDown
// to the next item, ArrowUp to the one before (both wrap around), Home to
// the first, End to the last. Only the items shown count: the style sheet
// hides those of the compact bar on a wide screen.
func focusMenuItem(key string) {
	doc := app.Window().Get("document")
	items := doc.Call("querySelectorAll", menuItemsSelector)
	var shown []app.Value
	at := -1
	active := doc.Get("activeElement")
	for i := 0; i < items.Length(); i++ {
		it := items.Index(i)
		if it.Get("offsetParent").Truthy() {
			if it.Equal(active) {
				at = len(shown)
			}
			shown = append(shown, it)
		}
	}
	n := len(shown)
	if n == 0 {
		return
	}
	switch key {
	case "ArrowDown":
		at = (at + 1) % n
	case "ArrowUp":
		if at <= 0 {
			at = n
		}
		at--
	case "Home":
		at = 0
	case "End":
		at = n - 1
	}
	// The menu is in the app bar, in view: focusing must not scroll.
	shown[at].Call("focus", map[string]any{"preventScroll": true})
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
	if b.nothingYet() {
		return "idle"
	}
	return "saved"
}

// nothingYet reports whether there is nothing to have saved: no change in
// this page and no annotation stored before.
func (b *appBar) nothingYet() bool {
	return !b.view.Status.Changed && b.view.Counts.Total() == 0 && b.view.Counts.Orphans == 0
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
	case b.nothingYet():
		// "All changes saved" means nothing before a change.
		return "No changes yet"
	}
	return "All changes saved"
}
