package app

import (
	"bytes"
	"errors"
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The reader's own action handlers, on the UI goroutine. Changes of the
// document are posted to the workspace (handlers.go); what comes back is
// applied here with ctx.Dispatch, which renders the reader again.

func (r *reader) onTagSelection(ctx app.Context, a app.Action) {
	tag, _ := a.Value.(annotations.Tag)
	r.tagSelection(ctx, tag, "")
}

// tagSelection tags the selection, or else the clause that has the focus,
// as a whole.
func (r *reader) tagSelection(ctx app.Context, tag annotations.Tag, focused string) {
	s := r.target0(focused)
	if s == nil {
		showNotice(ctx, "Select some text, or a clause by its label, then tag it.", "")
		return
	}
	ctx.NewActionWithValue(actionTag, tagRequest{
		Doc: r.doc.id, Clause: s.Clause, Start: s.Start, End: s.End, Tag: tag,
		Done: r.tagged(ctx),
	})
	r.clearSelection()
	// The highlight is painted by the workspace; the rest of the page
	// renders after the browser painted it.
	ctx.PreventUpdate()
	ctx.After(uiAfterChange, func(app.Context) {})
}

// target0 is what a tag or a note applies to: the selection, or the
// focused clause as a whole.
func (r *reader) target0(focused string) *selection {
	if r.sel != nil {
		return r.sel
	}
	if focused == "" {
		return nil
	}
	n := r.doc.adoc.ClauseLen(focused)
	if n <= 0 {
		return nil
	}
	// No Rect: reading it would force a layout on the way to the
	// highlight; the editor measures the clause when it opens.
	return &selection{Clause: focused, Start: 0, End: n, Whole: true}
}

func (r *reader) clearSelection() {
	r.setSel(nil)
	r.kb = nil
	r.logErr("clearing the selection", r.ws.b.ClearSelection())
}

// logErr logs a failed call into the browser, with what it was for.
func (r *reader) logErr(what string, err error) {
	if err != nil {
		r.ws.b.Log("clausemark: "+what+":", err)
	}
}

// focus moves the focus after the page rendered; a failure is logged.
func (r *reader) focus(ctx app.Context, selector string) {
	ctx.Defer(func(app.Context) { r.logErr("focusing "+selector, r.ws.b.Focus(selector)) })
}

func (r *reader) onNote(ctx app.Context, a app.Action) {
	focused, _ := a.Value.(string)
	r.keepFocus(backEditor)
	if r.openNewNote(ctx, focused) {
		r.focus(ctx, "#"+noteID)
	}
}

// openNewNote opens the editor for a new annotation on the selection.
func (r *reader) openNewNote(ctx app.Context, focused string) bool {
	s := r.target0(focused)
	if s == nil {
		showNotice(ctx, "Select some text, or a clause by its label, to write a note on it.", "")
		return false
	}
	d := r.doc
	tag := annotations.Tag("")
	if s.Whole {
		if c := d.doc.Clause(s.Clause); c != nil {
			tag, _ = suggestedTag(c, d.set().ByClause(c.ID))
		}
	}
	rc := s.Rect
	if rc == (browser.Rect{}) {
		rc, _ = r.ws.b.ClauseRect(s.Clause)
	}
	r.editor = &editorState{
		Clause: s.Clause, Start: s.Start, End: s.End,
		Quote: d.quoteOf(s.Clause, s.Start, s.End), Tag: tag, Rect: rc,
		Label: d.adoc.Label(s.Clause),
	}
	return true
}

func (r *reader) onSelectClause(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	n := r.doc.adoc.ClauseLen(id)
	if n <= 0 {
		return
	}
	rc, _ := r.ws.b.ClauseRect(id)
	r.kb = nil
	r.setSel(&selection{Clause: id, Start: 0, End: n, Whole: true, Rect: rc})
	_, err := r.ws.b.SelectText(id, 0, annotations.CodePointsToUTF16(r.doc.clauseText(id), n))
	r.logErr("selecting "+id, err)
}

func (r *reader) onClickHighlight(ctx app.Context, a app.Action) {
	if s, ok, _ := r.ws.b.ReadSelection(); ok && s.Start < s.End {
		ctx.PreventUpdate()
		return // selecting text inside a highlight is not opening it
	}
	r.onOpen(ctx, a)
}

func (r *reader) onOpen(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	r.keepFocus(backEditor)
	if r.openEditor(id) {
		r.focus(ctx, "#"+noteID)
	}
}

// openEditor opens the editor on an annotation.
func (r *reader) openEditor(id string) bool {
	d := r.doc
	x, ok := d.set().Get(id)
	if !ok {
		return false
	}
	rc, _ := r.ws.b.AnnotationRect(id)
	label, orphan := d.labelOf(x)
	r.hover = ""
	r.editor = &editorState{
		Base: x, Clause: x.Clause, Start: x.Start, End: x.End, Quote: x.Exact,
		Tag: x.Tag, Note: x.Note, Rect: rc, Label: label, Orphan: orphan,
	}
	return true
}

func (r *reader) onHover(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	if id == r.hover {
		ctx.PreventUpdate()
		return
	}
	r.hover = id
}

func (r *reader) onShow(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	if r.ws.b.WindowWidth() < 900 {
		r.panelOpen = false // the drawer covers the text on a phone
	}
	ctx.Defer(func(app.Context) {
		if err := r.ws.b.Flash(annotationSelector(id)); err != nil {
			showNotice(ctx, "This annotation has no place in the text: it needs review.", "")
			return
		}
		r.logErr("focusing the highlight", r.ws.b.Focus(annotationSelector(id)+"[data-start]"))
	})
}

func (r *reader) onEditorSave(ctx app.Context, a app.Action) {
	in, _ := a.Value.(editorInput)
	r.saveEditor(ctx, in.Tag, in.Note, in.Close)
}

func (r *reader) onEditorDelete(ctx app.Context, a app.Action) {
	if r.editor != nil && r.editor.Base.ID != "" {
		r.deleteAnnotation(ctx, r.editor.Base.ID)
	}
}

// saveEditor saves what the editor holds; close closes it once saved.
func (r *reader) saveEditor(ctx app.Context, tag annotations.Tag, note string, close bool) {
	e := r.editor
	if e == nil {
		return
	}
	if tag == "" {
		e.Error = "Choose a tag: commitment, request or concern."
		return
	}
	req := saveRequest{
		Doc: r.doc.id, Base: e.Base, Clause: e.Clause, Start: e.Start, End: e.End,
		Tag: tag, Note: note,
	}
	req.Done = func(saved annotations.Annotation, err error) {
		ctx.Dispatch(func(ctx app.Context) { r.saved(ctx, e, saved, err, close) })
	}
	ctx.NewActionWithValue(actionSave, req)
}

// saved takes in the outcome of saving the editor e.
func (r *reader) saved(ctx app.Context, e *editorState, saved annotations.Annotation, err error, close bool) {
	if r.editor != e {
		return // closed or opened on something else meanwhile
	}
	if err != nil {
		e.Error = "Not saved: " + err.Error()
		return
	}
	if e.Base.ID == "" {
		r.clearSelection()
	}
	// The editor goes on from what was saved (another tab's edit merged
	// in included): the next save is an edit of that.
	e.Base, e.Tag, e.Note, e.Error = saved, saved.Tag, saved.Note, ""
	if close {
		r.editor = nil
		r.giveFocusBack(ctx, backEditor, highlightSelector(saved.ID))
	}
}

// deleteAnnotation deletes an annotation (the workspace says so, with
// Undo).
func (r *reader) deleteAnnotation(ctx app.Context, id string) {
	if r.editor != nil && r.editor.Base.ID == id {
		r.editor = nil
		// The highlight is gone: the focus goes where the editor was
		// opened from, or to the clause (the workspace's choice).
		if back := r.focusBack[backEditor]; back != nil {
			delete(r.focusBack, backEditor)
			ctx.Defer(func(app.Context) { back() })
		}
	}
	if r.hover == id {
		r.hover = ""
	}
	ctx.NewActionWithValue(actionDelete, docItem{Doc: r.doc.id, ID: id})
}

func (r *reader) onImportPick(ctx app.Context, a app.Action) {
	r.logErr("opening the file picker", r.ws.b.Click(importInputID))
}

func (r *reader) onImportFile(ctx app.Context, a app.Action) {
	b := r.ws.b
	ctx.Async(func() {
		f, err := b.InputFile(importInputID, maxImportSize)
		if err != nil {
			f.Err = err
		}
		ctx.Dispatch(func(ctx app.Context) { r.previewImport(ctx, f) })
	})
}

// previewImport reads a file and shows what importing it would do; nothing
// changes until the delegate confirms.
func (r *reader) previewImport(ctx app.Context, f browser.File) {
	r.keepFocus(backImport)
	st := &importState{Name: f.Name, data: f.Data}
	r.imp = st
	if f.Err != nil {
		st.Error = f.Err.Error()
		return
	}
	r.plan(ctx, st, false)
}

// plan asks the workspace to plan the import of st's file.
func (r *reader) plan(ctx app.Context, st *importState, anyway bool) {
	st.Reading, st.Progress = true, 0
	ctx.NewActionWithValue(actionImportPlan, importRequest{
		Doc: r.doc.id, Name: st.Name, Data: st.data, Anyway: anyway,
		Progress: func(p annotations.Progress) {
			ctx.Dispatch(func(ctx app.Context) {
				if r.imp == st {
					st.Progress = p.Fraction()
				}
			})
		},
		Done: func(p *annotations.Plan, err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if r.imp != st {
					return
				}
				st.Reading = false
				st.Plan, st.Error, st.OtherDocument = nil, "", false
				switch {
				case errors.Is(err, annotations.ErrOtherDocument):
					st.OtherDocument = true
					st.Error = err.Error()
				case err != nil:
					st.Error = err.Error()
				default:
					st.Plan, st.Anyway = p, anyway
				}
				r.focus(ctx, "#cm-import-dialog [autofocus], #cm-import-dialog button")
			})
		},
	})
}

func (r *reader) onImportConfirm(ctx app.Context, a app.Action) {
	st := r.imp
	if st == nil {
		return
	}
	if anyway, _ := a.Value.(bool); anyway && st.Plan == nil {
		r.plan(ctx, st, true)
		return
	}
	if st.Plan == nil {
		return
	}
	ctx.NewActionWithValue(actionImportApply, applyRequest{
		Doc: r.doc.id, Plan: st.Plan,
		Done: func(summary string, err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if r.imp != st {
					return
				}
				if errors.Is(err, annotations.ErrStalePlan) {
					// The annotations changed after the preview (the saved
					// ones finished loading, another tab): plan again.
					r.plan(ctx, st, st.Anyway)
					st.Error = "The annotations changed meanwhile; here is the import again."
					return
				}
				if err != nil {
					st.Error = err.Error()
					return
				}
				r.imp = nil
				showNotice(ctx, "Imported "+st.Name+": "+summary+".", "")
			})
		},
	})
}

func (r *reader) onTogglePanel(ctx app.Context, a app.Action) {
	r.panelOpen = !r.panelOpen
	if open, ok := a.Value.(bool); ok {
		r.panelOpen = open
	}
}

func (r *reader) onHelp(ctx app.Context, a app.Action) {
	r.keepFocus(backHelp)
	r.helpOpen = true
	r.focus(ctx, "#cm-help-dialog button")
}

func (r *reader) onFilter(ctx app.Context, a app.Action) {
	if f, ok := a.Value.(panelFilter); ok {
		r.filter = f
	}
}

// onClose closes what is on top: a dialog, the editor, the toolbar.
func (r *reader) onClose(ctx app.Context, a app.Action) {
	r.closeTop(ctx)
}

func (r *reader) closeTop(ctx app.Context) bool {
	switch {
	case r.helpOpen:
		r.helpOpen = false
		r.giveFocusBack(ctx, backHelp, "#cm-help-button")
	case r.imp != nil:
		r.imp = nil
		r.giveFocusBack(ctx, backImport, "#cm-export")
	case r.editor != nil:
		e := r.editor
		if e.Base.ID != "" {
			// Closing never loses a note typed but not saved.
			if note, ok := r.ws.b.InputValue("cm-note"); ok && note != e.Note {
				r.saveEditor(ctx, e.Tag, note, true)
				return true
			}
			r.giveFocusBack(ctx, backEditor, highlightSelector(e.Base.ID))
		} else {
			r.giveFocusBack(ctx, backEditor, clauseLabelSelector(e.Clause))
		}
		r.editor = nil
	case r.reattach != "":
		r.reattach = ""
		r.clearSelection()
	case r.sel != nil:
		r.clearSelection()
	case r.hover != "":
		r.hover = ""
	default:
		return false
	}
	return true
}

// dropped takes a file dropped on the page: an annotation file is
// imported, anything else opened as a document (by the opener).
func (r *reader) dropped(ctx app.Context, f browser.File) {
	if r.doc != nil && isAnnotationFile(f) {
		r.previewImport(ctx, f)
		return
	}
	ctx.NewActionWithValue(actionOpenDropped, f)
}

// isAnnotationFile tells an annotation file (Clausemark or W3C JSON) from
// a document.
func isAnnotationFile(f browser.File) bool {
	name := strings.ToLower(f.Name)
	if strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".jsonld") {
		return true
	}
	data := bytes.TrimLeft(bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}
