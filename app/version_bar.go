package app

import (
	"time"

	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// versionBar is the line under the app bar of a document's page: which
// version is shown, the Versions dialog (every version with its name and
// date, rename, compare with the current one, New version of…), and, when
// annotations carried onto this version wait for review, the counts and
// the way to the review. It observes the document's versionsView.
type versionBar struct {
	app.Compo

	Idoc        string
	Isymbol     string
	Iready      bool
	IreviewOpen bool

	ws       *workspace
	view     versionsView
	watching string
	open     bool // the Versions dialog
}

func newVersionBar(ws *workspace) *versionBar { return &versionBar{ws: ws} }

// Doc sets the document (its id and symbol).
func (b *versionBar) Doc(id, symbol string) *versionBar { b.Idoc, b.Isymbol = id, symbol; return b }

// Ready says whether the app runs (the wasm has loaded).
func (b *versionBar) Ready(r bool) *versionBar { b.Iready = r; return b }

// ReviewOpen says whether the review is open.
func (b *versionBar) ReviewOpen(open bool) *versionBar { b.IreviewOpen = open; return b }

// versionInputID is the id of the file input of New version of….
const versionInputID = "cm-version-file"

// OnInit shows, from the first render, what the app read of the
// document's versions before the page (Preload, or the document's
// opening): the bar is not empty until the library answers.
func (b *versionBar) OnInit() { b.view = b.known() }

// known is the view of the versions the workspace has of the document
// (not Loaded when it has none).
func (b *versionBar) known() versionsView {
	if b.ws != nil && b.Iready {
		if d, ok := b.ws.libDoc(b.Idoc); ok {
			return viewOf(&d)
		}
	}
	return versionsView{}
}

func (b *versionBar) OnMount(ctx app.Context)  { b.watch(ctx) }
func (b *versionBar) OnUpdate(ctx app.Context) { b.watch(ctx) }

// watch observes the versions of the document shown, and reads them.
func (b *versionBar) watch(ctx app.Context) {
	if !b.Iready || b.watching == b.Idoc {
		return
	}
	id := b.Idoc
	b.watching, b.open = id, false
	b.view = b.known()
	ctx.ObserveState(versionsState(id), &b.view).While(func() bool { return b.watching == id })
	ctx.NewActionWithValue(actionVersionsLoad, id)
}

func (b *versionBar) Render() app.UI {
	v := b.view
	if !b.Iready || !v.Loaded {
		// Until the versions are read (on a document's first visit, after
		// the first paint: upkeep.go), the bar keeps its place, unseen:
		// the page must not move under the delegate's pointer when it
		// appears.
		return app.Div().Class("cm-versionbar cm-waiting").Aria("hidden", "true").Body(
			app.P().Class("cm-version-now").Text("Version"),
			app.Button().Type("button").Class("cm-button").Disabled(true).TabIndex(-1).Text("Versions"),
		)
	}
	if len(v.Versions) == 0 {
		return app.Div().Class("cm-versionbar").Aria("hidden", "true")
	}
	cur := v.current()
	pending := len(v.pending(nil))
	return app.Div().Class("cm-versionbar").Role("region").Aria("label", "Versions").Body(
		app.P().Class("cm-version-now").Body(
			app.Span().Class("cm-version-number").Text(versionOfText(cur.Number, len(v.Versions))),
			// On a phone the name and the date leave the bar (the versions
			// dialog has them), so that it stays one row.
			app.Span().Class(wideOnly).Body(
				// A version named by its number only ("Version 1", the
				// name of a text without a symbol) is not named twice.
				app.If(cur.Name != versionOfText(cur.Number, 1), func() app.UI {
					return app.Span().Body(
						app.Text(" · "),
						app.Span().Class("cm-version-name").Text(cur.Name),
					)
				}),
				app.Span().Class("cm-hint").Text(" · "+dateTime(cur.Added)),
			),
		),
		app.Button().Type("button").ID("cm-versions").Class("cm-button").
			Aria("haspopup", "dialog").
			Title("Every version of this document: rename, compare, add a new one").
			OnClick(func(ctx app.Context, e app.Event) {
				b.open = true
				ctx.Defer(func(ctx app.Context) { focusSelector(ctx, "#cm-versions-dialog h2") })
			}).
			Text("Versions"),
		app.If(len(v.Versions) > 1, func() app.UI {
			return app.A().Class("cm-button").ID("cm-compare-link").
				Href(compareURL(b.Idoc, cur.Number-1)).
				Text("Compare with version " + itoa(cur.Number-1))
		}),
		app.If(v.Review != nil, func() app.UI {
			return app.P().Class("cm-review-banner").Role("status").Body(
				app.Text("Annotations carried from version "+itoa(v.Review.From)+": "),
				app.Span().Class("cm-review-summary").Text(v.Review.Summary()),
				app.If(pending > 0, func() app.UI {
					return app.Text(" · " + itoa(pending) + " to review")
				}),
			)
		}),
		app.If(v.Review != nil && pending > 0 && !b.IreviewOpen, func() app.UI {
			return app.Button().Type("button").ID("cm-review-button").Class("cm-button cm-primary").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionReviewOpen, true) }).
				Text("Review carried annotations")
		}),
		app.Input().Type("file").ID(versionInputID).Class("cm-file").Accept(openAccept).
			Aria("label", "New version of this document").TabIndex(-1).
			OnChange(b.onFile),
		app.If(b.open, func() app.UI { return b.dialog() }),
	)
}

// dialog lists the versions: name (renamed in place), date, file, and a
// link to compare each earlier one with the current one.
func (b *versionBar) dialog() app.UI {
	v := b.view
	cur := v.current()
	return app.Div().Class("cm-modal").Body(
		app.Div().ID("cm-versions-dialog").Class("cm-dialog").Role("dialog").
			Aria("modal", "true").Aria("labelledby", "cm-versions-title").
			OnKeyDown(func(ctx app.Context, e app.Event) {
				if e.Get("key").String() == "Escape" {
					b.close(ctx)
				}
			}).
			Body(
				app.H2().ID("cm-versions-title").TabIndex(-1).Text("Versions of "+b.Isymbol),
				app.Ol().Class("cm-version-list").Body(
					app.Range(v.Versions).Slice(func(i int) app.UI {
						x := v.Versions[len(v.Versions)-1-i] // newest first
						return b.versionItem(x, x.Number == cur.Number)
					}),
				),
				app.Div().Class("cm-dialog-actions").Body(
					app.Button().Type("button").Class("cm-button cm-primary").ID("cm-new-version").
						Title("Open a file (PDF, Word, web page or text) as the new version of this document, even if its symbol differs").
						OnClick(func(ctx app.Context, e app.Event) {
							if err := b.ws.b.Click(versionInputID); err != nil {
								showNotice(ctx, "The file picker could not be opened: "+err.Error(), "")
							}
						}).
						Text("New version of this document…"),
					app.Button().Type("button").Class("cm-button").OnClick(func(ctx app.Context, e app.Event) { b.close(ctx) }).Text("Close"),
				),
				app.P().Class("cm-hint").Text("A new version keeps the earlier ones; your annotations are carried onto it, and what moved, changed or lost its place is listed for review."),
			),
	)
}

func (b *versionBar) versionItem(x versionInfo, current bool) app.UI {
	inputID := "cm-version-name-" + itoa(x.Number)
	n := x.Number
	scope := app.EventScope(b.Idoc, n) // see reviewPanel.item
	return app.Li().Class("cm-version").DataSet("version", x.Number).Body(
		app.Div().Class("cm-version-head").Body(
			app.Span().Class("cm-version-number").Text("Version "+itoa(x.Number)),
			app.If(current, func() app.UI { return app.Span().Class("cm-badge").Text("current") }),
			app.Span().Class("cm-hint").Text(" "+dateTime(x.Added)+sourceText(x)),
		),
		app.Div().Class("cm-version-rename").Body(
			app.Label().For(inputID).Class("cm-visually-hidden").Text("Name of version "+itoa(x.Number)),
			app.Input().Type("text").ID(inputID).Class("cm-search").Value(x.Name).
				MaxLength(library.MaxNameLength).
				Placeholder("L.12, L.12/Rev.1, as adopted, oral revision 14:30…").
				OnKeyDown(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Enter" {
						b.rename(ctx, n, inputID)
					}
				}, scope),
			app.Button().Type("button").Class("cm-button").
				OnClick(func(ctx app.Context, e app.Event) { b.rename(ctx, n, inputID) }, scope).
				Text("Rename"),
		),
		app.If(!current, func() app.UI {
			return app.A().Class("cm-compare").Href(compareURL(b.Idoc, x.Number)).
				Text("Compare with the current version")
		}),
	)
}

// rename renames version n to what its input holds.
func (b *versionBar) rename(ctx app.Context, n int, inputID string) {
	name, _ := b.ws.b.InputValue(inputID)
	ctx.NewActionWithValue(actionVersionRename, versionRename{Doc: b.Idoc, N: n, Name: name})
}

func (b *versionBar) close(ctx app.Context) {
	b.open = false
	ctx.Defer(func(ctx app.Context) { focusSelector(ctx, "#cm-versions") })
}

// onFile opens the file chosen as a new version of the document.
func (b *versionBar) onFile(ctx app.Context, e app.Event) {
	ws, doc := b.ws, b.Idoc
	b.open = false
	ctx.Async(func() {
		f, err := ws.b.InputFile(versionInputID, extract.MaxFileSize)
		if err != nil {
			f.Err = err
		}
		ctx.Dispatch(func(ctx app.Context) {
			ctx.NewActionWithValue(actionOpenVersion, versionFile{Doc: doc, File: f})
		})
	})
}

// versionOfText is "Version 2 of 3".
func versionOfText(n, of int) string {
	if of <= 1 {
		return "Version " + itoa(n)
	}
	return "Version " + itoa(n) + " of " + itoa(of)
}

// dateTime is when a version was added, as the delegate reads it.
func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2 January 2006, 15:04")
}

// sourceText says where a version's text came from.
func sourceText(x versionInfo) string {
	switch {
	case x.FileName != "":
		return " · " + x.FileName
	case x.Source == library.SourceBuiltin:
		return " · built in"
	case x.Source == library.SourceText:
		return " · pasted"
	}
	return ""
}

// compareURL is the page that compares the current version of a document
// with version n.
func compareURL(id string, n int) string { return docURL(id) + "/compare/" + itoa(n) }
