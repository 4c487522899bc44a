package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reader is the page: the app bar and the document.
type reader struct {
	app.Compo

	target string // fragment of the URL: a clause id or footnote id
	ready  bool   // mounted in the browser: the annotator works
}

func newReader() *reader { return &reader{} }

func (r *reader) OnMount(ctx app.Context) {
	r.ready = app.IsClient
}

func (r *reader) OnNav(ctx app.Context) {
	r.target = ctx.Page().URL().Fragment
}

func (r *reader) Render() app.UI {
	d := Document()
	root := app.Div().Class("cm-app")
	if r.ready {
		root = root.Attr("data-ready", "true")
	}
	return root.Body(
		app.A().Class("cm-skip").Href("#doc-title").Text("Skip to the resolution"),
		app.Header().Class("cm-bar").Body(
			app.Div().Class("cm-brand").Body(
				app.Img().Class("cm-logo").Src("/web/icon.svg").Alt("").Width(24).Height(24),
				app.Span().Class("cm-name").Text("Clausemark"),
			),
			app.P().Class("cm-bar-doc").Text(d.Symbol),
		),
		app.Main().Class("cm-main").Body(
			newDocumentView().Document(d).Target(targetClause(r.target)),
		),
	)
}

// targetClause returns the clause id a URL fragment points to: the clause
// itself ("op21") or the clause of a footnote marker ("fnref-pp8-1").
func targetClause(fragment string) string {
	if rest, ok := strings.CutPrefix(fragment, "fnref-"); ok {
		if i := strings.LastIndex(rest, "-"); i > 0 {
			rest = rest[:i]
			if j := strings.LastIndex(rest, "-"); j > 0 && isDigits(rest[j+1:]) {
				rest = rest[:j]
			}
			return rest
		}
	}
	return fragment
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
