package app

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The reader's action handlers, on the UI goroutine.

func (r *reader) onTag(ctx app.Context, a app.Action) {
	tag, _ := a.Value.(annotations.Tag)
	r.tagSelection(ctx, tag, "")
}

// tagSelection tags the selection, or else the clause that has the focus,
// as a whole.
func (r *reader) tagSelection(ctx app.Context, tag annotations.Tag, focused string) {
	s := r.target0(focused)
	if s == nil {
		r.showToast(ctx, "Select some text, or a clause by its label, then tag it.", false)
		return
	}
	if _, err := ann.create(ctx, s.Clause, s.Start, s.End, tag, ""); err != nil {
		r.showToast(ctx, "Could not tag "+ann.adoc.Label(s.Clause)+": "+err.Error(), false)
		return
	}
	r.clearSelection()
	markAfterPaint(markTagPainted) // the clause is painted already
	// The highlight is on the page; the rest of the interface (toolbar,
	// panel, status) renders a little later, so that the browser paints
	// the highlight first.
	ctx.PreventUpdate()
	ctx.After(uiAfterTag, func(app.Context) {})
}

// uiAfterTag is how long after a tag the rest of the interface renders.
const uiAfterTag = 40 * time.Millisecond

// target0 is what a tag or a note applies to: the selection, or the
// focused clause as a whole.
func (r *reader) target0(focused string) *selection {
	if r.sel != nil {
		return r.sel
	}
	if focused == "" {
		return nil
	}
	n := ann.adoc.ClauseLen(focused)
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
	clearSelection()
}

func (r *reader) onNote(ctx app.Context, a app.Action) {
	focused, _ := a.Value.(string)
	r.openNewNote(ctx, focused)
}

// openNewNote opens the editor for a new annotation on the selection.
func (r *reader) openNewNote(ctx app.Context, focused string) {
	s := r.target0(focused)
	if s == nil {
		r.showToast(ctx, "Select some text, or a clause by its label, to write a note on it.", false)
		return
	}
	tag := annotations.Tag("")
	if s.Whole {
		if c := ann.doc.Clause(s.Clause); c != nil {
			tag, _ = suggestedTag(c, ann.set.ByClause(c.ID))
		}
	}
	rc := s.Rect
	if rc == (rect{}) {
		rc, _ = clauseRect(s.Clause)
	}
	r.editor = &editorState{
		Clause: s.Clause, Start: s.Start, End: s.End,
		Quote: quoteOf(s.Clause, s.Start, s.End), Tag: tag, Rect: rc,
		Label: ann.adoc.Label(s.Clause),
	}
}

func (r *reader) onSelectClause(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	n := ann.adoc.ClauseLen(id)
	if n <= 0 {
		return
	}
	rc, _ := clauseRect(id)
	r.kb = nil
	r.setSel(&selection{Clause: id, Start: 0, End: n, Whole: true, Rect: rc})
	selectText(id, 0, annotations.CodePointsToUTF16(clauseText(id), n))
}

func (r *reader) onAcceptSuggestion(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	c := ann.doc.Clause(id)
	if c == nil {
		return
	}
	tag, ok := suggestedTag(c, ann.set.ByClause(id))
	if !ok {
		return
	}
	if _, err := ann.create(ctx, id, 0, ann.adoc.ClauseLen(id), tag, ""); err != nil {
		r.showToast(ctx, "Could not tag "+c.Label+": "+err.Error(), false)
		return
	}
	r.showToast(ctx, c.Label+" tagged as a "+strings.ToLower(tagNames[tag])+".", false)
}

func (r *reader) onOpen(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	x, ok := ann.set.Get(id)
	if !ok {
		return
	}
	rc, _ := annotationRect(id)
	label := ann.adoc.Label(x.Clause)
	if ann.set.IsOrphan(id) {
		label = "Needs review"
	}
	r.hover = ""
	r.editor = &editorState{
		ID: id, Clause: x.Clause, Start: x.Start, End: x.End, Quote: x.Exact,
		Tag: x.Tag, Note: x.Note, Rect: rc, Label: label, Orphan: ann.set.IsOrphan(id),
	}
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
	if w, _ := app.Window().Size(); w < 900 {
		r.panelOpen = false // the drawer covers the text on a phone
	}
	ctx.Defer(func(app.Context) {
		if !flash(annotationSelector(id)) {
			r.showToast(ctx, "This annotation has no place in the text: it needs review.", false)
		} else {
			focusElement(annotationSelector(id) + "[data-start]")
		}
	})
}

// editResult is what the editor asks to save. OrigTag and OrigNote are
// what the editor showed when it opened: only the fields the delegate
// changed are applied, so that a change another tab made meanwhile to the
// other field stays.
type editResult struct {
	ID             string // "" for a new annotation
	Clause         string
	Start, End     int
	Tag, OrigTag   annotations.Tag
	Note, OrigNote string
	Close          bool
}

func (r *reader) onSave(ctx app.Context, a app.Action) {
	e, _ := a.Value.(editResult)
	if e.Tag == "" {
		if r.editor != nil {
			r.editor.Error = "Choose a tag: commitment, request or concern."
		}
		return
	}
	var saved annotations.Annotation
	var err error
	if e.ID == "" {
		saved, err = ann.create(ctx, e.Clause, e.Start, e.End, e.Tag, e.Note)
		if err == nil {
			r.clearSelection()
		}
	} else {
		x, ok := ann.set.Get(e.ID)
		if !ok {
			err = errors.New("it was deleted meanwhile")
		} else {
			if e.Tag != e.OrigTag {
				x.Tag = e.Tag
			}
			if e.Note != e.OrigNote {
				x.Note = e.Note
			}
			saved, err = ann.update(ctx, x)
		}
	}
	if err != nil {
		if r.editor != nil {
			r.editor.Error = "Not saved: " + err.Error()
		}
		return
	}
	if r.editor != nil {
		r.editor.ID, r.editor.Tag, r.editor.Note, r.editor.Error = saved.ID, saved.Tag, saved.Note, ""
	}
	if e.Close {
		r.editor = nil
		ctx.Defer(func(app.Context) { focusElement(annotationSelector(saved.ID) + "[data-start]") })
	}
}

func (r *reader) onDelete(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	old, err := ann.remove(ctx, id)
	if err != nil {
		r.showToast(ctx, "Could not delete: "+err.Error(), false)
		return
	}
	if r.editor != nil && r.editor.ID == id {
		r.editor = nil
	}
	if r.hover == id {
		r.hover = ""
	}
	label := ann.adoc.Label(old.Clause)
	if label == "" {
		label = "the text"
	}
	r.showToast(ctx, tagNames[old.Tag]+" on "+label+" deleted.", true)
	ctx.Defer(func(app.Context) { focusElement(`[data-clause="` + old.Clause + `"] .cm-label`) })
}

func (r *reader) onUndo(ctx app.Context, a app.Action) {
	x, ok := ann.undo(ctx)
	if !ok {
		r.showToast(ctx, "Nothing to undo.", false)
		return
	}
	r.showToast(ctx, tagNames[x.Tag]+" on "+ann.adoc.Label(x.Clause)+" restored.", false)
	ctx.Defer(func(app.Context) { flash(annotationSelector(x.ID)) })
}

// exportFormat is one of the four export formats.
type exportFormat string

// The export formats.
const (
	exportJSON     exportFormat = "json"
	exportW3C      exportFormat = "w3c"
	exportMarkdown exportFormat = "markdown"
	exportCSV      exportFormat = "csv"
)

// exportFile is the file name and type of each format.
var exportFile = map[exportFormat]struct{ suffix, mime, name string }{
	exportJSON:     {".json", "application/json", "JSON"},
	exportW3C:      {".w3c.jsonld", "application/ld+json", "W3C Web Annotation"},
	exportMarkdown: {".md", "text/markdown", "Markdown"},
	exportCSV:      {".csv", "text/csv", "CSV"},
}

// exportFileName is e.g. "A-HRC-RES-53-11-annotations-2026-11-27.json".
func exportFileName(symbol string, f exportFormat, now time.Time) string {
	base := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		}
		return '-'
	}, symbol)
	return base + "-annotations-" + now.Format("2006-01-02") + exportFile[f].suffix
}

func (r *reader) onExport(ctx app.Context, a app.Action) {
	f, _ := a.Value.(exportFormat)
	var data []byte
	var err error
	switch f {
	case exportJSON:
		data, err = annotations.ExportJSON(ann.set, nil)
	case exportW3C:
		data, err = annotations.ExportW3C(ann.set, nil)
	case exportMarkdown:
		data, err = annotations.ExportMarkdown(ann.set, nil)
	case exportCSV:
		data, err = annotations.ExportCSV(ann.set, nil)
	default:
		return
	}
	if err == nil {
		err = download(exportFileName(ann.adoc.Symbol, f, time.Now()), exportFile[f].mime, data)
	}
	if err != nil {
		r.showToast(ctx, "Export failed: "+err.Error(), false)
		return
	}
	n := ann.set.Len()
	r.showToast(ctx, "Exported "+plural(n, "annotation")+" as "+exportFile[f].name+".", false)
}

func (r *reader) onImportPick(ctx app.Context, a app.Action) {
	clickElement(importInputID)
}

func (r *reader) onImportFile(ctx app.Context, a app.Action) {
	ctx.Async(func() {
		name, data, err := inputFile(importInputID)
		ctx.Dispatch(func(ctx app.Context) { r.previewImport(ctx, name, data, err) })
	})
}

// previewImport reads a file and shows what importing it would do; nothing
// changes until the delegate confirms.
func (r *reader) previewImport(ctx app.Context, name string, data []byte, readErr error) {
	st := &importState{Name: name, data: data}
	if readErr != nil {
		st.Error = readErr.Error()
		r.imp = st
		return
	}
	r.plan(st, false)
	r.imp = st
	ctx.Defer(func(app.Context) { focusElement("#cm-import-dialog [autofocus], #cm-import-dialog button") })
}

// plan plans the import of st's file.
func (r *reader) plan(st *importState, otherDocument bool) {
	st.Plan, st.Error, st.OtherDocument = nil, "", false
	st.set = ann.set
	plan, err := ann.set.Import(st.data, annotations.ImportOptions{AllowOtherDocument: otherDocument})
	switch {
	case errors.Is(err, annotations.ErrOtherDocument):
		st.OtherDocument = true
		st.Error = err.Error()
	case err != nil:
		st.Error = err.Error()
	default:
		st.Plan = plan
		st.Anyway = otherDocument
	}
}

func (r *reader) onImportApply(ctx app.Context, a app.Action) {
	st := r.imp
	if st == nil {
		return
	}
	if anyway, _ := a.Value.(bool); anyway && st.Plan == nil {
		r.plan(st, true)
		return
	}
	if st.Plan == nil {
		return
	}
	if st.set != ann.set {
		// The saved annotations finished loading after the preview: plan
		// again on them (the same file, the same choice).
		r.plan(st, st.Anyway)
		if st.Plan == nil {
			return
		}
	}
	as, err := st.Plan.Apply()
	if errors.Is(err, annotations.ErrStalePlan) {
		r.plan(st, st.Anyway)
		if st.Plan != nil {
			st.Error = "The annotations changed meanwhile; here is the import again."
		}
		return
	}
	if err != nil {
		st.Error = err.Error()
		return
	}
	summary := st.Plan.Summary()
	ann.touchAll()
	if len(as) > 0 {
		ann.putMany(ctx, as)
	}
	r.imp = nil
	r.showToast(ctx, "Imported "+st.Name+": "+summary+".", false)
}

func (r *reader) onRetry(ctx app.Context, a app.Action) { ann.retry(ctx) }

func (r *reader) onTogglePanel(ctx app.Context, a app.Action) {
	r.panelOpen = !r.panelOpen
	if open, ok := a.Value.(bool); ok {
		r.panelOpen = open
	}
}

func (r *reader) onHelp(ctx app.Context, a app.Action) {
	r.helpOpen = true
	ctx.Defer(func(app.Context) { focusElement("#cm-help-dialog button") })
}

func (r *reader) onAuthor(ctx app.Context, a app.Action) {
	author, _ := a.Value.(string)
	author = strings.Join(strings.Fields(author), " ")
	if len([]rune(author)) > annotations.MaxAuthorLength {
		author = string([]rune(author)[:annotations.MaxAuthorLength])
	}
	ann.author = author
	if err := ctx.LocalStorage().Set(authorKey, author); err != nil {
		r.showToast(ctx, "Your delegation's name could not be kept for next time: "+err.Error(), false)
	}
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
	case r.imp != nil:
		r.imp = nil
	case r.editor != nil:
		e := r.editor
		r.editor = nil
		if e.ID != "" {
			// Closing never loses a note typed but not saved.
			if note, ok := inputValue("cm-note"); ok && note != e.Note {
				if x, ok := ann.set.Get(e.ID); ok {
					x.Note = note
					if _, err := ann.update(ctx, x); err != nil {
						r.editor = e
						e.Error = "Not saved: " + err.Error()
						return true
					}
				}
			}
			ctx.Defer(func(app.Context) { focusElement(annotationSelector(e.ID) + "[data-start]") })
		}
	case r.sel != nil:
		r.clearSelection()
	case r.hover != "":
		r.hover = ""
	default:
		return false
	}
	return true
}

// clauseText is the plain text of a clause ("" if there is none).
func clauseText(id string) string {
	c, _ := ann.adoc.Clause(id)
	return c.Text
}

// quoteOf is the text of [start, end) of a clause.
func quoteOf(clause string, start, end int) string {
	r := []rune(clauseText(clause))
	if start < 0 || end > len(r) || start >= end {
		return ""
	}
	return string(r[start:end])
}

func itoa(n int) string { return strconv.Itoa(n) }

// plural is "1 annotation", "2 annotations".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}
