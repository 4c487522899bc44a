package app

// The library page's Import a shared file: the preview, then the import.

import (
	"strings"

	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (p *libraryPage) planImport(ctx app.Context, f browser.File) {
	p.imp = &libraryImport{Name: f.Name}
	if f.Err != nil {
		p.imp.Error = f.Err.Error()
		return
	}
	st := p.imp
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		imp, err := ws.planLibraryImport(f.Name, f.Data)
		ctx.Dispatch(func(ctx app.Context) {
			if p.imp != st {
				return
			}
			if err != nil {
				st.Error = err.Error()
				return
			}
			p.imp = imp
			ctx.Defer(func(ctx app.Context) { focusSelector(ctx, "#cm-library-import-dialog button") })
		})
	})
}

func (p *libraryPage) importDialog(imp *libraryImport) app.UI {
	docs := func(title string, list []importedDoc) app.UI {
		return app.If(len(list) > 0, func() app.UI {
			return app.Div().Body(
				app.H3().Text(title),
				app.Ul().Body(app.Range(list).Slice(func(i int) app.UI {
					d := list[i]
					return app.Li().DataSet("document", d.ID).Body(
						app.Strong().Text(d.Symbol),
						app.Text(" — "+preview(d.Title, 80)+": "+d.Summary),
					)
				})),
			)
		})
	}
	changes := len(imp.Adds) + len(imp.Updates)
	return app.Div().Class("cm-modal").Body(
		app.Div().ID("cm-library-import-dialog").Class("cm-dialog").Role("dialog").
			Aria("modal", "true").Aria("labelledby", "cm-library-import-title").
			OnKeyDown(func(ctx app.Context, e app.Event) {
				if e.Get("key").String() == "Escape" {
					p.imp = nil
				}
			}).
			Body(
				app.H2().ID("cm-library-import-title").Text("Import "+imp.Name),
				app.If(imp.Error != "", func() app.UI {
					return app.Div().Class("cm-import-error").Role("alert").Body(
						app.P().Body(app.Strong().Text("This file cannot be imported. "), app.Text("Nothing was changed.")),
						app.P().Class("cm-error-detail").Text(imp.Error),
					)
				}),
				app.If(imp.Error == "" && !imp.prepared, func() app.UI {
					return app.P().Class("cm-open-busy").Role("status").Text("Reading the file…")
				}),
				docs("Documents added to your library", imp.Adds),
				docs("Documents you have: their annotations are merged", imp.Updates),
				app.If(len(imp.Missing) > 0, func() app.UI {
					return app.P().Class("cm-import-note").Text("Not imported, the file does not carry their text: " + joinList(imp.Missing) + ". Open those documents first, then import the file again.")
				}),
				app.If(imp.prepared && changes == 0 && imp.Error == "", func() app.UI {
					return app.P().Text("Nothing to import: your library has all of it already.")
				}),
				app.Div().Class("cm-dialog-actions").Body(
					app.If(imp.prepared && changes > 0, func() app.UI {
						return app.Button().Type("button").Class("cm-button cm-primary").
							OnClick(func(ctx app.Context, e app.Event) { p.applyImport(ctx, imp) }).
							Text("Import")
					}),
					app.Button().Type("button").Class("cm-button").
						OnClick(func(ctx app.Context, e app.Event) { p.imp = nil }).
						Text("Cancel"),
				),
			),
	)
}

// applyImport writes the import, all of it or nothing.
func (p *libraryPage) applyImport(ctx app.Context, imp *libraryImport) {
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		err := ws.applyLibraryImport(imp)
		ctx.Dispatch(func(ctx app.Context) {
			if p.imp != imp {
				return
			}
			if err != nil {
				imp.Error = err.Error()
				imp.prepared = false
				return
			}
			for _, u := range imp.Updates {
				ws.forget(u.ID) // an open page of it reads the merged annotations again
			}
			p.imp = nil
			ws.announceLibrary()
			showNotice(ctx, "Imported "+imp.Name+": "+plural(len(imp.Adds), "document")+" added, "+plural(len(imp.Updates), "document")+" updated.", "")
			p.reload(ctx)
		})
	})
}

// joinList writes names as a list: "A, B and C".
func joinList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
