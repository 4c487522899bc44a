package app

import (
	"strconv"
	"strings"

	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/markup"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// comparePagePattern is the route of the compare view:
// /d/{id}/compare/{n}, the current version of document id against its
// version n.
const comparePagePattern = "^" + docPathBase + "[^/]+/compare/[0-9]+$"

// comparePathOf returns the document id and version number a compare
// path names.
func comparePathOf(path string) (id string, n int, ok bool) {
	rest, ok := strings.CutPrefix(path, docPathBase)
	if !ok {
		return "", 0, false
	}
	id, num, ok := strings.Cut(rest, "/compare/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return "", 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return "", 0, false
	}
	return id, n, true
}

// comparePage shows the current version of a document against an earlier
// one, as negotiators read track changes (markup.ChangesHTML): clauses
// inserted, deleted (struck placeholders in place), moved and changed,
// with the words inserted and deleted inside changed clauses and both
// numbers where a clause was renumbered. It exports the changes brief.
// It reads the library; offline it works once the library is there (the
// service worker answers the page with the app shell).
type comparePage struct {
	app.Compo

	ws    *workspace
	ready bool

	id      string
	n       int
	loading bool
	err     string
	doc     library.Document
	summary string
	html    string
}

func newComparePage(ws *workspace) *comparePage { return &comparePage{ws: ws} }

func (p *comparePage) OnPreRender(ctx app.Context) {
	ctx.Page().SetTitle("Clausemark — Changes")
}

func (p *comparePage) OnMount(ctx app.Context) {
	if !isInteractive(p.ws) {
		return
	}
	p.ready = true
	p.ws.started(ctx)
	p.ws.dropKeptAfterPaint(ctx) // the copy of a document page the app came with
	p.load(ctx)
}

func (p *comparePage) OnNav(ctx app.Context) {
	if p.ready {
		p.load(ctx)
	}
}

// load reads the document and compares the versions the URL names, off
// the UI goroutine.
func (p *comparePage) load(ctx app.Context) {
	id, n, ok := comparePathOf(ctx.Page().URL().Path)
	if !ok {
		p.err = "This address names no comparison."
		return
	}
	if id == p.id && n == p.n && (p.loading || p.html != "") {
		return
	}
	p.id, p.n, p.loading, p.err, p.html = id, n, true, "", ""
	ws := p.ws
	ctx.Async(func() {
		d, c, err := ws.changes(id, n)
		var html, summary string
		if err == nil {
			html, summary = markup.ChangesHTML(c), c.Summary()
		}
		ctx.Dispatch(func(ctx app.Context) {
			if p.id != id || p.n != n {
				return // the page went elsewhere meanwhile
			}
			p.loading, p.doc = false, d
			if err != nil {
				p.err = capitalize(err.Error()) + "."
				return
			}
			p.html, p.summary = html, summary
			ctx.Page().SetTitle("Clausemark — Changes to " + d.DisplayName())
		})
	})
}

func (p *comparePage) Render() app.UI {
	root := app.Div().Class("cm-app cm-page")
	if p.ready {
		root = root.Attr("data-ready", "true")
	}
	d := p.doc
	var old, cur library.Version
	if p.n >= 1 && p.n <= len(d.Versions) {
		old, cur = d.Versions[p.n-1], d.Current()
	}
	return root.Body(
		app.A().Class("cm-skip").Href("#cm-changes").Text("Skip to the changes"),
		newPageBar(p.ws).Current(""),
		app.Main().Class("cm-main cm-wide").ID("cm-compare").Role("region").Aria("label", "Changes between versions").Body(
			app.H1().Class("cm-page-title").Text(p.title(old, cur)),
			app.If(p.loading, func() app.UI {
				return app.P().Class("cm-open-busy").Role("status").Text("Comparing the versions…")
			}),
			app.If(p.err != "", func() app.UI {
				return app.Div().Class("cm-banner").Role("alert").Body(
					app.P().Text(p.err),
					app.P().Body(app.A().Href(libraryPath).Text("Go to your library")),
				)
			}),
			app.If(p.html != "", func() app.UI { return p.tools(d) }),
			app.If(p.html != "", func() app.UI {
				return app.P().Class("cm-changes-summary").Role("status").Text("Clauses: " + p.summary + ".")
			}),
			app.If(p.html != "", func() app.UI {
				return app.P().Class("cm-hint cm-changes-legend").Body(
					app.Del().Text("Deleted words"), app.Text(" are struck through, "),
					app.Ins().Text("inserted words"), app.Text(" underlined; a clause renumbered shows both numbers, “OP22 (was OP21)”."),
				)
			}),
			app.If(p.html != "", func() app.UI {
				return app.Raw(`<div id="cm-changes" class="cm-changes">` + p.html + `</div>`)
			}),
		),
		newToast(),
		newOpener(p.ws),
	)
}

// title names the versions compared.
func (p *comparePage) title(old, cur library.Version) string {
	if old.Number == 0 {
		return "Changes"
	}
	return "Changes from version " + itoa(old.Number) + " (" + old.Name + ") to version " + itoa(cur.Number) + " (" + cur.Name + ")"
}

// tools: back to the document, another earlier version, the brief.
func (p *comparePage) tools(d library.Document) app.UI {
	id, n := p.id, p.n
	earlier := d.Versions[:len(d.Versions)-1]
	scope := app.EventScope(id, n) // see reviewPanel.item
	return app.Div().Class("cm-library-tools").Body(
		app.A().Class("cm-button").Href(docURL(id)).Text("Back to the document"),
		app.Label().For("cm-compare-with").Class("cm-visually-hidden").Text("Compare with"),
		app.Select().ID("cm-compare-with").Class("cm-select").
			OnChange(func(ctx app.Context, e app.Event) {
				if k, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
					ctx.Navigate(compareURL(id, k))
				}
			}, scope).
			Body(
				app.Range(earlier).Slice(func(i int) app.UI {
					v := earlier[i]
					return app.Option().Value(v.Number).Selected(v.Number == n).
						Text("Compare version " + itoa(v.Number) + " (" + v.Name + ") with the current one")
				}),
			),
		app.Button().Type("button").ID("cm-export-brief").Class("cm-button cm-primary").
			Title("The changes, with your annotations on them, in Markdown: what to send to the capital").
			OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionBriefExport, briefRequest{Doc: id, N: n})
			}, scope).
			Text("Export changes brief"),
	)
}
