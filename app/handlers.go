package app

import (
	"errors"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// User Timing marks the benchmarks read (performance.mark), set once the
// browser has painted: the saved annotations shown after a page load, and a
// new highlight after a tag.
const (
	markAnnotationsPainted = "cm-annotations-painted"
	markTagPainted         = "cm-tag-painted"
)

// authorKey is where the delegation's name is kept (local storage).
const authorKey = "clausemark.author"

// handlers are the workspace's action handlers, by action. go-app runs a
// global handler on a goroutine of its own; each of these goes straight
// to the UI goroutine (onUI), where the documents live.
func (ws *workspace) handlers() map[string]app.ActionHandler {
	hs := map[string]app.ActionHandler{
		actionTag:              onUI(ws.onTag),
		actionSave:             onUI(ws.onSave),
		actionRetag:            onUI(ws.onRetag),
		actionDelete:           onUI(ws.onDelete),
		actionUndo:             onUI(ws.onUndo),
		actionAcceptSuggestion: onUI(ws.onAcceptSuggestion),
		actionExport:           onUI(ws.onExport),
		actionImportPlan:       ws.onImportPlan, // reads off the UI goroutine
		actionImportApply:      onUI(ws.onImportApply),
		actionRetry:            onUI(ws.onRetry),
		actionAuthor:           onUI(ws.onAuthor),
		actionOpenDocument:     ws.onOpenDocument, // reads off the UI goroutine
		actionFocus:            onUI(ws.onFocus),
		actionBind:             ws.onBind,
		actionPlace:            onUI(ws.onPlace),
	}
	for action, h := range ws.versionHandlers() {
		hs[action] = h
	}
	return hs
}

// onUI runs an action handler on the UI goroutine.
func onUI(h app.ActionHandler) app.ActionHandler {
	return func(ctx app.Context, a app.Action) {
		ctx.Dispatch(func(ctx app.Context) { h(ctx, a) })
	}
}

func (ws *workspace) onTag(ctx app.Context, a app.Action) {
	r, _ := a.Value.(tagRequest)
	d := ws.doc(r.Doc)
	if d == nil {
		return
	}
	n, err := d.session.Create(r.Clause, r.Start, r.End, r.Tag, "")
	if err == nil {
		// The clause is painted already.
		ws.b.MarkAfterPaint(markTagPainted)
	}
	if r.Done != nil {
		r.Done(n, err)
	}
	if err != nil {
		showNotice(ctx, "Could not tag "+d.adoc.Label(r.Clause)+": "+err.Error(), "")
	}
}

func (ws *workspace) onSave(ctx app.Context, a app.Action) {
	r, _ := a.Value.(saveRequest)
	d := ws.doc(r.Doc)
	if d == nil {
		return
	}
	var saved annotations.Annotation
	var err error
	switch {
	case r.Tag == "":
		err = errors.New("choose a tag: commitment, request or concern")
	case r.Base.ID == "":
		saved, err = d.session.Create(r.Clause, r.Start, r.End, r.Tag, r.Note)
	default:
		edited := r.Base
		edited.Tag, edited.Note = r.Tag, r.Note
		saved, err = d.session.Update(r.Base, edited)
	}
	if r.Done != nil {
		r.Done(saved, err)
	}
}

func (ws *workspace) onRetag(ctx app.Context, a app.Action) {
	r, _ := a.Value.(retagRequest)
	d := ws.doc(r.Doc)
	if d == nil {
		return
	}
	x, ok := d.set().Get(r.ID)
	if !ok {
		return
	}
	edited := x
	edited.Tag = r.Tag
	if _, err := d.session.Update(x, edited); err != nil {
		showNotice(ctx, "Could not change the tag: "+err.Error(), "")
	}
}

func (ws *workspace) onDelete(ctx app.Context, a app.Action) {
	r, _ := a.Value.(docItem)
	d := ws.doc(r.Doc)
	if d == nil {
		return
	}
	old, err := d.session.Delete(r.ID)
	if err != nil {
		showNotice(ctx, "Could not delete: "+err.Error(), "")
		return
	}
	label := d.adoc.Label(old.Clause)
	if label == "" {
		label = "the text"
	}
	showNotice(ctx, tagNames[old.Tag]+" on "+label+" deleted.", d.id)
	ctx.Defer(func(ctx app.Context) { ws.onFocus(ctx, app.Action{Value: clauseLabelSelector(old.Clause)}) })
}

func (ws *workspace) onUndo(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	d := ws.doc(id)
	if d == nil {
		return
	}
	x, ok := d.session.Undo()
	if !ok {
		showNotice(ctx, "Nothing to undo.", "")
		return
	}
	showNotice(ctx, tagNames[x.Tag]+" on "+d.adoc.Label(x.Clause)+" restored.", "")
	ctx.Defer(func(app.Context) {
		if err := ws.b.Flash(annotationSelector(x.ID)); err != nil {
			ws.b.Log("clausemark: showing the restored annotation:", err)
		}
	})
}

func (ws *workspace) onAcceptSuggestion(ctx app.Context, a app.Action) {
	r, _ := a.Value.(docItem)
	d := ws.doc(r.Doc)
	if d == nil {
		return
	}
	c := d.doc.Clause(r.ID)
	if c == nil {
		return
	}
	tag, ok := suggestedTag(c, d.set().ByClause(c.ID))
	if !ok {
		return
	}
	if _, err := d.session.Create(c.ID, 0, d.adoc.ClauseLen(c.ID), tag, ""); err != nil {
		showNotice(ctx, "Could not tag "+c.Label+": "+err.Error(), "")
		return
	}
	showNotice(ctx, c.Label+" tagged as a "+strings.ToLower(tagNames[tag])+".", "")
}

func (ws *workspace) onExport(ctx app.Context, a app.Action) {
	r, _ := a.Value.(exportRequest)
	d := ws.doc(r.Doc)
	if d == nil {
		return
	}
	f, ok := exportFiles[r.Format]
	if !ok {
		return
	}
	data, err := f.write(d.set(), nil)
	if err == nil && r.Format == exportPrint {
		ws.openPrintView(ctx, d, data)
		return
	}
	if err == nil {
		err = ws.b.Download(exportFileName(d.adoc.Symbol, r.Format, time.Now()), f.mime, data)
	}
	if err != nil {
		showNotice(ctx, "Export failed: "+err.Error(), "")
		return
	}
	showNotice(ctx, "Exported "+plural(d.set().Len(), "annotation")+" as "+f.name+".", "")
}

// importStep is how long one slice of reading an annotation file may
// take: the page gets the hand back between slices, so a large file never
// freezes it.
const importStep = 8 * time.Millisecond

// onImportPlan reads an annotation file in slices (annotations.Reading)
// on the handler's own goroutine, reporting progress, then plans the
// import on the UI goroutine, where the annotations live.
func (ws *workspace) onImportPlan(ctx app.Context, a app.Action) {
	r, _ := a.Value.(importRequest)
	d := ws.doc(r.Doc)
	if d == nil || r.Done == nil {
		return
	}
	done := func(p *annotations.Plan, err error) { ctx.Dispatch(func(app.Context) { r.Done(p, err) }) }
	reading, err := annotations.NewReading(d.adoc, r.Data, annotations.ImportOptions{AllowOtherDocument: r.Anyway})
	if err != nil {
		done(nil, err)
		return
	}
	last := time.Now()
	for !reading.Step(importStep) {
		if r.Progress != nil && time.Since(last) > 100*time.Millisecond {
			last = time.Now()
			p := reading.Progress()
			ctx.Dispatch(func(app.Context) { r.Progress(p) })
		}
		time.Sleep(time.Millisecond) // let the page paint and take input
	}
	f, err := reading.Result()
	ctx.Dispatch(func(app.Context) {
		if err != nil {
			r.Done(nil, err)
			return
		}
		r.Done(d.set().Plan(f), nil)
	})
}

func (ws *workspace) onImportApply(ctx app.Context, a app.Action) {
	r, _ := a.Value.(applyRequest)
	d := ws.doc(r.Doc)
	if d == nil || r.Plan == nil {
		return
	}
	summary := r.Plan.Summary()
	_, err := d.session.Apply(r.Plan)
	if r.Done != nil {
		r.Done(summary, err)
	}
}

func (ws *workspace) onRetry(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	if d := ws.doc(id); d != nil {
		d.session.Retry()
	}
}

func (ws *workspace) onAuthor(ctx app.Context, a app.Action) {
	author, _ := a.Value.(string)
	author = normalAuthor(author)
	ws.setAuthor(author)
	if err := ctx.LocalStorage().Set(authorKey, author); err != nil {
		showNotice(ctx, "Your delegation's name could not be kept for next time: "+err.Error(), "")
	}
}

// loadAuthor reads the delegation's name kept from last time.
func (ws *workspace) loadAuthor(ctx app.Context) {
	var author string
	if err := ctx.LocalStorage().Get(authorKey, &author); err == nil && author != "" {
		ws.setAuthor(author)
	}
}

func (ws *workspace) onFocus(ctx app.Context, a app.Action) {
	selector, _ := a.Value.(string)
	if err := ws.b.Focus(selector); err != nil {
		ws.b.Log("clausemark: focusing", selector+":", err)
	}
}

func (ws *workspace) onPlace(ctx app.Context, a app.Action) {
	r, _ := a.Value.(placeRequest)
	if err := ws.b.Place(r.ID, r.At); err != nil {
		ws.b.Log("clausemark: placing", r.ID+":", err)
	}
}
