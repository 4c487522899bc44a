package app

import (
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/extract"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// opener is the Open document control of every page: the file input the
// Open document button clicks, the Paste text dialog, and the dialog that
// says a document is being opened or why it could not be. It handles the
// open actions itself; once a document is open it goes to its page.
type opener struct {
	app.Compo

	ws      *workspace
	opening *openState // a document being opened
	pasting bool       // the Paste text dialog is open
	// back gives the focus back to where it was when a dialog opened.
	back func() bool
}

func newOpener(ws *workspace) *opener { return &opener{ws: ws} }

// openInputID is the id of the file input of Open document.
const openInputID = "cm-open-file"

// openAccept are the files Open document offers in its picker.
const openAccept = ".pdf,.docx,.html,.htm,.txt,.text,application/pdf," +
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain"

func (o *opener) OnMount(ctx app.Context) {
	for action, h := range map[string]app.ActionHandler{
		actionOpenPick:    o.onPick,
		actionOpenFile:    o.onFile,
		actionOpenPaste:   o.onPaste,
		actionOpenText:    o.onText,
		actionOpenAnyway:  o.onAnyway,
		actionOpenDropped: o.onDropped,
		actionOpenVersion: o.onVersion,
		actionOpenClose:   func(ctx app.Context, a app.Action) { o.close(ctx) },
	} {
		ctx.Handle(action, h)
	}
}

func (o *opener) Render() app.UI {
	return app.Div().Class("cm-opener").Body(
		app.Input().
			Type("file").
			ID(openInputID).
			Class("cm-file").
			Accept(openAccept).
			Aria("label", "Open document").
			TabIndex(-1).
			OnChange(func(ctx app.Context, e app.Event) { ctx.NewAction(actionOpenFile) }),
		app.If(o.pasting, func() app.UI {
			return newPasteDialog()
		}),
		app.If(o.opening != nil, func() app.UI {
			return newOpenDialog().State(o.opening)
		}),
	).OnKeyDown(func(ctx app.Context, e app.Event) {
		if e.Get("key").String() == "Escape" && (o.pasting || o.opening != nil) {
			o.close(ctx)
			return
		}
		ctx.PreventUpdate()
	})
}

// close closes what the opener shows (not while a file is being read).
func (o *opener) close(ctx app.Context) {
	switch {
	case o.pasting:
		o.pasting = false
	case o.opening != nil && !o.opening.Busy:
		o.opening = nil
	default:
		return
	}
	o.giveFocusBack(ctx)
}

// keepFocus remembers where the focus is as a dialog opens (the first
// place, while one follows another).
func (o *opener) keepFocus() {
	if o.back == nil {
		o.back = o.ws.b.KeepFocus()
	}
}

// giveFocusBack gives the focus back to where it was when the dialog
// opened, or else to the menu button or Open document, once the page
// rendered.
func (o *opener) giveFocusBack(ctx app.Context) {
	back := o.back
	o.back = nil
	ctx.Defer(func(app.Context) {
		if back != nil && back() {
			return
		}
		for _, sel := range []string{"#cm-export", "#cm-open"} {
			if o.ws.b.Focus(sel) == nil {
				return
			}
		}
	})
}

func (o *opener) onPick(ctx app.Context, a app.Action) {
	if err := o.ws.b.Click(openInputID); err != nil {
		o.ws.b.Log("clausemark: opening the file picker:", err)
	}
}

func (o *opener) onFile(ctx app.Context, a app.Action) {
	b := o.ws.b
	ctx.Async(func() {
		f, err := b.InputFile(openInputID, extract.MaxFileSize)
		if err != nil {
			f.Err = err
		}
		ctx.Dispatch(func(ctx app.Context) { o.openFile(ctx, f) })
	})
}

func (o *opener) onDropped(ctx app.Context, a app.Action) {
	if f, ok := a.Value.(browser.File); ok {
		o.openFile(ctx, f)
	}
}

func (o *opener) onPaste(ctx app.Context, a app.Action) {
	o.keepFocus()
	o.pasting = true
	ctx.Defer(func(ctx app.Context) { focusSelector(ctx, "#"+pasteID) })
}

func (o *opener) onText(ctx app.Context, a app.Action) {
	text, _ := a.Value.(string)
	o.pasting = false
	o.open(ctx, openRequest{Name: "Pasted text", Data: []byte(text), Pasted: true})
}

func (o *opener) onAnyway(ctx app.Context, a app.Action) {
	if s := o.opening; s != nil && s.NotResolution {
		req := s.req
		req.Anyway = true
		o.open(ctx, req)
	}
}

// openFile opens a file chosen or dropped.
func (o *opener) openFile(ctx app.Context, f browser.File) {
	o.keepFocus()
	if f.Err != nil {
		o.opening = &openState{Name: f.Name, Error: f.Err.Error()}
		return
	}
	if err := extract.CheckSize(int64(len(f.Data))); err != nil {
		o.opening = &openState{Name: f.Name, Error: err.Error()}
		return
	}
	o.open(ctx, openRequest{Name: f.Name, Data: f.Data})
}

// open asks the workspace to open a document and goes to its page.
func (o *opener) open(ctx app.Context, req openRequest) {
	o.keepFocus()
	st := &openState{Name: req.Name, Busy: true}
	o.opening = st
	req.Done = func(res openResult) {
		ctx.Dispatch(func(ctx app.Context) {
			if o.opening != st {
				return
			}
			st.Busy = false
			if res.Err != nil {
				st.Error, st.NotResolution = res.Err.Error(), res.NotResolution
				ctx.Defer(func(ctx app.Context) { focusSelector(ctx, "#cm-open-dialog button") })
				return
			}
			o.opening, o.back = nil, nil
			ctx.Navigate(docURL(res.ID))
		})
	}
	st.req = req
	ctx.NewActionWithValue(actionOpenDocument, req)
}
