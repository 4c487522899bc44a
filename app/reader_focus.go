package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Focus is predictable: what opens a dialog, the editor or the panel
// remembers where the focus was, and closing it gives the focus back
// there — or, when that element has left the page, to the nearest thing
// that stands for it (a highlight painted again, the button that opened
// a menu).

// The overlays that give the focus back when they close.
const (
	backHelp   = "help"
	backImport = "import"
	backEditor = "editor"
	backSearch = "search"
)

// keepFocus remembers where the focus is as overlay opens; a second call
// while it is open keeps the first place.
func (r *reader) keepFocus(overlay string) {
	if r.focusBack == nil {
		r.focusBack = map[string]func() bool{}
	}
	if _, ok := r.focusBack[overlay]; !ok {
		r.focusBack[overlay] = r.ws.b.KeepFocus()
	}
}

// giveFocusBack gives the focus back to where it was when overlay opened,
// once the page rendered; when that element is gone, to the first element
// fallback matches ("" for none).
func (r *reader) giveFocusBack(ctx app.Context, overlay, fallback string) {
	back := r.focusBack[overlay]
	delete(r.focusBack, overlay)
	ctx.Defer(func(app.Context) {
		if back != nil && back() {
			return
		}
		if fallback != "" {
			r.logErr("focusing "+fallback, r.ws.b.Focus(fallback))
		}
	})
}

// focusAfterPaint moves the focus to the element a selector matches once
// the browser has painted (a new highlight), so that tagging is not slowed
// down by it — unless by then wanted says the focus is better where it is
// (the delegate went on: n opened the editor, a dialog opened).
func (r *reader) focusAfterPaint(ctx app.Context, selector string, wanted func() bool) {
	r.ws.b.AfterPaint(func() {
		ctx.Dispatch(func(ctx app.Context) {
			ctx.PreventUpdate()
			if wanted() {
				r.logErr("focusing "+selector, r.ws.b.Focus(selector))
			}
		})
	})
}

// overlayOpen reports whether something the delegate works in is open: a
// dialog, the editor, the toolbar.
func (r *reader) overlayOpen() bool {
	return r.editor != nil || r.sel != nil || r.helpOpen || r.imp != nil
}

// tagged is told the annotation a tag made: the focus goes to its
// highlight, where n writes its note and Enter opens it. Until the focus
// gets there, n writes the note of that annotation all the same.
func (r *reader) tagged(ctx app.Context) func(annotations.Annotation, error) {
	return func(a annotations.Annotation, err error) {
		if err == nil && a.ID != "" {
			r.lastTag = a
			r.focusAfterPaint(ctx, highlightSelector(a.ID), func() bool {
				return r.lastTag.ID == a.ID && !r.overlayOpen()
			})
		}
	}
}

// noteTarget is the annotation the key n writes the note of: the focused
// highlight, or the one the last tag made while the focus is still in its
// clause (or nowhere); "" for a new annotation.
func (r *reader) noteTarget(k browser.KeyEvent) string {
	if r.sel != nil {
		return ""
	}
	if k.Annotation != "" {
		return k.Annotation
	}
	if t := r.lastTag; t.ID != "" && (k.Clause == "" || k.Clause == t.Clause) {
		if _, ok := r.doc.set().Get(t.ID); ok {
			return t.ID
		}
	}
	return ""
}

// highlightSelector finds the first element of a highlight, the one that
// takes the focus.
func highlightSelector(id string) string { return annotationSelector(id) + "[data-start]" }

// onEdit opens the editor from the panel's Edit button: the highlight is
// scrolled into view first, and on a narrow screen the panel — a drawer
// over the text — closes, so that the editor is seen beside the text.
func (r *reader) onEdit(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	r.keepFocus(backEditor)
	if r.ws.b.WindowWidth() < drawerBelow {
		r.panelOpen = false
	}
	if !r.doc.set().IsOrphan(id) {
		r.logErr("showing the highlight", r.ws.b.Flash(annotationSelector(id)))
	}
	if r.openEditor(id) {
		r.focus(ctx, "#"+noteID)
	}
}

// drawerBelow is the width (CSS px) under which the panel is a drawer
// over the text (the style sheet says the same).
const drawerBelow = 900

// onGoToPanel opens the panel and gives its heading the focus: the skip
// link and the key p bring a keyboard user there at once.
func (r *reader) onGoToPanel(ctx app.Context, a app.Action) {
	r.panelOpen = true
	r.focus(ctx, "#"+panelTitleID)
}

// escapeSearch is Escape in the panel's search: it clears the search, or
// when the search is empty gives the focus back to where it was before /
// (the panel's heading otherwise).
func (r *reader) escapeSearch(ctx app.Context) {
	if r.filter.Query != "" {
		r.filter.Query, r.filter.Limit = "", 0
		r.logErr("clearing the search", r.ws.b.SetInputValue(searchID, ""))
		return
	}
	ctx.PreventUpdate()
	r.giveFocusBack(ctx, backSearch, "#"+panelTitleID)
}
