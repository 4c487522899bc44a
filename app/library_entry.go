package app

// What a library entry does: rename, export with its text, remove (with
// its annotations, in one transaction) and undo.

import (
	"github.com/clausemark/clausemark/library"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (p *libraryPage) renameForm(s library.Summary) app.UI {
	return app.Form().Class("cm-rename").OnSubmit(func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		name, _ := p.ws.b.InputValue("cm-rename")
		p.rename(ctx, s.ID, name)
	}).Body(
		app.Label().For("cm-rename").Class("cm-visually-hidden").Text("Your name for "+symbolOf(s)),
		app.Input().Type("text").ID("cm-rename").Class("cm-search").MaxLength(80).
			Placeholder("Your short name for it").Value(s.Name),
		app.Button().Type("submit").Class("cm-button cm-primary").Text("Save"),
		app.Button().Type("button").Class("cm-button").
			OnClick(func(ctx app.Context, e app.Event) { p.renaming = "" }).Text("Cancel"),
	)
}

// rename gives a document the delegate's short name ("" removes it).
func (p *libraryPage) rename(ctx app.Context, id, name string) {
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		st, err := ws.store()
		if err == nil {
			_, _, err = st.UpdateDocument(id, func(d *library.Document, s *library.Summary) error { return d.Rename(name) })
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				showNotice(ctx, "Could not rename it: "+err.Error(), "")
				return
			}
			p.renaming = ""
			ws.announceLibrary()
			p.reload(ctx)
		})
	})
}

func (p *libraryPage) removeDialog(s library.Summary) app.UI {
	n := s.Counts.Total() + s.Counts.Untagged
	return app.Div().Class("cm-modal").Body(
		app.Div().ID("cm-remove-dialog").Class("cm-dialog").Role("alertdialog").
			Aria("modal", "true").Aria("labelledby", "cm-remove-title").Aria("describedby", "cm-remove-what").
			OnKeyDown(func(ctx app.Context, e app.Event) {
				if e.Get("key").String() == "Escape" {
					p.removing = nil
				}
			}).
			Body(
				app.H2().ID("cm-remove-title").Text("Remove "+symbolOf(s)+"?"),
				app.P().ID("cm-remove-what").Text("“"+s.DisplayTitle()+"” leaves this browser with its "+plural(n, "annotation")+". You can undo it until you leave this page; to keep a copy, export it first."),
				app.Div().Class("cm-dialog-actions").Body(
					app.Button().Type("button").Class("cm-button").
						OnClick(func(ctx app.Context, e app.Event) { p.exportDocument(ctx, s.ID) }).
						Text("Export first"),
					app.Button().Type("button").Class("cm-button cm-primary cm-danger").
						OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, s) }).
						Text("Remove"),
					app.Button().Type("button").Class("cm-button").
						OnClick(func(ctx app.Context, e app.Event) { p.removing = nil }).
						Text("Cancel"),
				),
			),
	)
}

// exportDocument downloads a document with its text and annotations (the
// native file, version 3), for a colleague or as a copy.
func (p *libraryPage) exportDocument(ctx app.Context, id string) {
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		name, data, err := ws.exportWithText(id)
		if err == nil {
			err = ws.b.Download(name, "application/json", data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				showNotice(ctx, "Export failed: "+err.Error(), "")
				return
			}
			showNotice(ctx, "Exported "+name+".", "")
		})
	})
}

// remove removes a document and its annotations, in one transaction; Undo
// brings them back until the page is left.
func (p *libraryPage) remove(ctx app.Context, s library.Summary) {
	p.removing = nil
	ws := p.ws
	ws.forget(s.ID)
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		st, err := ws.store()
		var r library.Removed
		if err == nil {
			r, err = st.DeleteDocument(s.ID)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				showNotice(ctx, "Could not remove it: "+err.Error(), "")
				return
			}
			ws.unlearn(s.ID)
			ws.announceLibrary()
			p.removed = append(p.removed, r)
			showUndoRemoveNotice(ctx, symbolOf(s)+" removed, with its annotations.")
			p.reload(ctx)
		})
	})
}

func (p *libraryPage) onUndoRemove(ctx app.Context, a app.Action) {
	if len(p.removed) == 0 {
		return
	}
	r := p.removed[len(p.removed)-1]
	p.removed = p.removed[:len(p.removed)-1]
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		st, err := ws.store()
		if err == nil {
			err = st.Restore(r)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				showNotice(ctx, "Could not bring it back: "+err.Error(), "")
				return
			}
			showNotice(ctx, r.Document.Symbol+" is back, with its annotations.", "")
			ws.announceLibrary()
			p.reload(ctx)
		})
	})
}
