package app

import (
	"strconv"

	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// footnoteList shows the footnotes, each with links back to the clauses
// that reference it.
type footnoteList struct {
	app.Compo

	Idoc *resolution.Document
}

func newFootnoteList() *footnoteList { return &footnoteList{} }

// Document sets the resolution whose footnotes to show.
func (l *footnoteList) Document(d *resolution.Document) *footnoteList {
	l.Idoc = d
	return l
}

// backLink is a link from a footnote to one of its markers.
type backLink struct{ id, label string }

func (l *footnoteList) Render() app.UI {
	d := l.Idoc
	links := map[int][]backLink{}
	for _, c := range d.Clauses() {
		for i, id := range footnoteRefIDs(c) {
			n := c.Footnotes[i].Number
			links[n] = append(links[n], backLink{id, c.Label})
		}
	}
	return app.Section().Class("cm-footnotes").Aria("labelledby", "footnotes-title").Body(
		app.H2().ID("footnotes-title").Text("Footnotes"),
		app.Ol().Body(
			app.Range(d.Footnotes).Slice(func(i int) app.UI {
				f := d.Footnotes[i]
				num := strconv.Itoa(f.Number)
				return app.Li().ID("fn"+num).Value(f.Number).Body(
					app.Span().Class("cm-fn-num").Text(num),
					app.Span().Class("cm-fn-text").Text(f.Text),
					app.Range(links[f.Number]).Slice(func(j int) app.UI {
						b := links[f.Number][j]
						return app.A().Class("cm-backref").Href("#"+b.id).
							Aria("label", "Back to "+b.label).
							Text("↩ " + b.label)
					}),
				)
			}),
		),
	)
}
