package app

import (
	"unicode"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// onKey handles the keyboard shortcuts. It runs inside the browser's key
// event: it decides at once whether the key is ours (true prevents the
// browser's default) and dispatches the work to the UI goroutine.
func (r *reader) onKey(ctx app.Context, k browser.KeyEvent) bool {
	do := func(f func(ctx app.Context)) bool {
		ctx.Dispatch(f)
		return true
	}
	if k.InMenu {
		// The menu handles its keys (menuKey); the page must not scroll
		// with the arrows, nor close anything else on Escape.
		switch k.Key {
		case "Escape", "ArrowDown", "ArrowUp", "Home", "End", "PageDown", "PageUp":
			return true
		}
		return false
	}
	if k.Key == "Escape" && k.Field == searchID {
		return do(r.escapeSearch)
	}
	if k.Key == "Escape" && k.InDialog && !r.helpOpen && r.imp == nil && r.editor == nil {
		return false // another component's dialog (the opener's) closes itself
	}
	if k.Key == "Escape" {
		return do(func(ctx app.Context) {
			if !r.closeTop(ctx) {
				ctx.PreventUpdate()
			}
		})
	}
	if k.InField {
		return false // typing in a field is not a shortcut
	}
	if r.helpOpen || r.imp != nil || k.InDialog {
		// A dialog is open, or the focus is in the editor: only Escape
		// and its buttons (typing there is never a shortcut).
		return false
	}
	if k.Ctrl || k.Meta {
		if (k.Key == "z" || k.Key == "Z") && !k.Shift {
			return do(func(ctx app.Context) { ctx.NewActionWithValue(actionUndo, r.doc.id) })
		}
		if k.Shift && k.Clause != "" && (k.Key == "ArrowLeft" || k.Key == "ArrowRight") {
			return do(func(ctx app.Context) { r.extendSelection(ctx, k) })
		}
		return false
	}
	if k.Alt {
		return false
	}
	if k.Shift && k.Clause != "" {
		switch k.Key {
		case "ArrowLeft", "ArrowRight", "Home", "End":
			return do(func(ctx app.Context) { r.extendSelection(ctx, k) })
		}
	}
	switch k.Key {
	case "j", "k":
		return do(func(ctx app.Context) {
			ctx.PreventUpdate()
			r.moveFocus(k.Clause, k.Key == "j")
		})
	case "1", "2", "3":
		tag, _ := tagOf(k.Key)
		return do(func(ctx app.Context) {
			if k.Annotation != "" && r.sel == nil {
				r.retag(ctx, k.Annotation, tag)
				return
			}
			r.tagSelection(ctx, tag, k.Clause)
		})
	case "n":
		return do(func(ctx app.Context) {
			r.keepFocus(backEditor)
			if id := r.noteTarget(k); id != "" {
				if r.openEditor(id) {
					r.focus(ctx, "#"+noteID)
				}
				return
			}
			if r.openNewNote(ctx, k.Clause) {
				r.focus(ctx, "#"+noteID)
			}
		})
	case "a":
		if k.Clause == "" {
			return false
		}
		return do(func(ctx app.Context) {
			ctx.NewActionWithValue(actionAcceptSuggestion, docItem{Doc: r.doc.id, ID: k.Clause})
		})
	case "Delete", "Backspace":
		id := k.Annotation
		if id == "" && r.editor != nil {
			id = r.editor.Base.ID
		}
		if id == "" {
			return false
		}
		return do(func(ctx app.Context) { r.deleteAnnotation(ctx, id) })
	case "Enter", " ":
		if k.Annotation == "" {
			return false
		}
		return do(func(ctx app.Context) {
			r.keepFocus(backEditor)
			if r.openEditor(k.Annotation) {
				r.focus(ctx, "#"+noteID)
			}
		})
	case "u":
		return do(func(ctx app.Context) { ctx.NewActionWithValue(actionUndo, r.doc.id) })
	case "/":
		return do(func(ctx app.Context) {
			r.keepFocus(backSearch)
			r.panelOpen = true
			r.focus(ctx, "#cm-search")
		})
	case "p":
		return do(func(ctx app.Context) { r.onGoToPanel(ctx, app.Action{}) })
	case "o":
		return do(func(ctx app.Context) { ctx.NewAction(actionOpenPick) })
	case "?":
		return do(func(ctx app.Context) { r.onHelp(ctx, app.Action{}) })
	}
	return false
}

// retag changes the tag of an annotation.
func (r *reader) retag(ctx app.Context, id string, tag annotations.Tag) {
	ctx.NewActionWithValue(actionRetag, retagRequest{Doc: r.doc.id, ID: id, Tag: tag})
	r.focus(ctx, annotationSelector(id)+"[data-start]")
}

// moveFocus moves the focus to the label of the next (or previous) clause.
func (r *reader) moveFocus(from string, next bool) {
	cs := r.doc.adoc.Clauses
	if len(cs) == 0 {
		return
	}
	i := r.doc.adoc.Index(from)
	switch {
	case i < 0 && next:
		i = 0
	case i < 0:
		i = len(cs) - 1
	case next:
		i = min(i+1, len(cs)-1)
	default:
		i = max(i-1, 0)
	}
	r.lastTag = annotations.Annotation{}
	r.logErr("moving the focus", r.ws.b.Focus(clauseLabelSelector(cs[i].ID)))
}

// extendSelection grows or shrinks the keyboard selection in the focused
// clause: shift+arrows by a character, with ctrl by a word, shift+Home and
// shift+End to the ends.
func (r *reader) extendSelection(ctx app.Context, k browser.KeyEvent) {
	text := []rune(r.doc.clauseText(k.Clause))
	n := len(text)
	if n == 0 {
		return
	}
	kb := r.kb
	if kb == nil || kb.Clause != k.Clause {
		kb = &kbSelection{Clause: k.Clause}
		if r.sel != nil && r.sel.Clause == k.Clause {
			kb.Anchor, kb.Focus = r.sel.Start, r.sel.End
		}
	}
	switch k.Key {
	case "ArrowRight":
		if k.Ctrl || k.Meta {
			kb.Focus = nextWordEnd(text, kb.Focus)
		} else {
			kb.Focus = min(kb.Focus+1, n)
		}
	case "ArrowLeft":
		if k.Ctrl || k.Meta {
			kb.Focus = prevWordStart(text, kb.Focus)
		} else {
			kb.Focus = max(kb.Focus-1, 0)
		}
	case "Home":
		kb.Focus = 0
	case "End":
		kb.Focus = n
	}
	r.kb = kb
	start, end := min(kb.Anchor, kb.Focus), max(kb.Anchor, kb.Focus)
	if start == end {
		r.setSel(nil)
		r.logErr("clearing the selection", r.ws.b.ClearSelection())
		return
	}
	s := string(text)
	rc, err := r.ws.b.SelectText(k.Clause, annotations.CodePointsToUTF16(s, start), annotations.CodePointsToUTF16(s, end))
	if err != nil {
		r.logErr("selecting in "+k.Clause, err)
		return
	}
	r.setSel(&selection{Clause: k.Clause, Start: start, End: end, Whole: start == 0 && end == n, Rect: rc})
}

func nextWordEnd(t []rune, i int) int {
	for i < len(t) && !isWord(t[i]) {
		i++
	}
	for i < len(t) && isWord(t[i]) {
		i++
	}
	return i
}

func prevWordStart(t []rune, i int) int {
	for i > 0 && !isWord(t[i-1]) {
		i--
	}
	for i > 0 && isWord(t[i-1]) {
		i--
	}
	return i
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// readSelection reads the page's selection after the user selected text
// with the mouse, touch or keyboard.
func (r *reader) readSelection(ctx app.Context) {
	s, ok, err := r.ws.b.ReadSelection()
	if err != nil {
		r.logErr("reading the selection", err)
	}
	if !ok {
		if r.sel == nil {
			ctx.PreventUpdate()
			return
		}
		r.setSel(nil)
		r.kb = nil
		return
	}
	text := r.doc.clauseText(s.Clause)
	start := annotations.UTF16ToCodePoints(text, s.Start)
	end := annotations.UTF16ToCodePoints(text, s.End)
	if start >= end {
		return
	}
	n := []rune(text)
	sel := &selection{Clause: s.Clause, Start: start, End: end, Crossed: s.Crossed, Rect: s.Rect, Whole: start == 0 && end == len(n)}
	if r.sel != nil && *r.sel == *sel {
		ctx.PreventUpdate()
		return
	}
	if r.kb != nil && (r.kb.Clause != sel.Clause || min(r.kb.Anchor, r.kb.Focus) != start || max(r.kb.Anchor, r.kb.Focus) != end) {
		r.kb = nil
	}
	r.setSel(sel)
}
