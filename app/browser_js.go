//go:build js && wasm

package app

import (
	"context"
	"errors"

	"github.com/clausemark/clausemark/wasm"
)

func openStore() (annotationStore, error) {
	s, err := wasm.Open(context.Background(), wasm.DefaultName)
	if err != nil {
		return nil, err // not a typed nil in the interface
	}
	return s, nil
}

func isConflict(err error) bool { return errors.Is(err, wasm.ErrConflict) }

// openChannel listens to the other tabs; f runs in a goroutine for each
// change they announce. It returns a func that posts a change, and one
// that closes the channel.
func openChannel(f func(storeChange)) (post func(storeChange) error, close func(), err error) {
	ch, err := wasm.OpenChannel(wasm.DefaultChannelName)
	if err != nil {
		return nil, nil, err
	}
	go func() {
		for c := range ch.Changes() {
			f(storeChange{Document: c.Document, Put: c.Put, Deleted: c.Deleted})
		}
	}()
	post = func(c storeChange) error {
		return ch.Post(wasm.Change{Document: c.Document, Put: c.Put, Deleted: c.Deleted})
	}
	return post, func() { ch.Close() }, nil
}

func download(name, mime string, data []byte) error { return wasm.Download(name, mime, data) }

func onKeyDown(f func(keyEvent) bool) func() {
	return wasm.OnKeyDown(func(k wasm.KeyEvent) bool {
		return f(keyEvent{
			Key: k.Key, Shift: k.Shift, Ctrl: k.Ctrl, Alt: k.Alt, Meta: k.Meta,
			InField: k.InField, InDialog: k.InDialog, Clause: k.Clause, Annotation: k.Annotation,
		})
	})
}

func onSelectionEnd(f func()) func() { return wasm.OnSelectionEnd(f) }

func readSelection() (domSelection, bool, error) {
	s, ok, err := wasm.ReadSelection()
	return domSelection{Clause: s.Clause, Start: s.Start, End: s.End, Crossed: s.Crossed, Rect: rect(s.Rect)}, ok, err
}

func selectText(clause string, start, end int) (rect, error) {
	r, err := wasm.SelectText(clause, start, end)
	return rect(r), err
}

func clearSelection() { wasm.ClearSelection() }

func onFileDrop(over func(bool), f func(droppedFile)) func() {
	return wasm.OnFileDrop(maxImportSize, over, func(d wasm.DroppedFile) {
		f(droppedFile{Name: d.Name, Data: d.Data, Err: d.Err})
	})
}

func inputFile(id string) (string, []byte, error) { return wasm.InputFile(id, maxImportSize) }

func clickElement(id string) { wasm.ClickElement(id) }

func focusElement(selector string) bool { return wasm.Focus(selector) }

func scrollIntoView(selector string) bool { return wasm.ScrollIntoView(selector) }

func flash(selector string) bool { return wasm.Flash(selector) }

func place(id string, top, left float64) { wasm.Place(id, top, left) }

func placeAbove(id string, r rect) { wasm.PlaceAbove(id, wasm.Rect(r)) }

func clauseRect(id string) (rect, bool) {
	r, ok := wasm.ClauseRect(id)
	return rect(r), ok
}

func annotationRect(id string) (rect, bool) {
	r, ok := wasm.AnnotationRect(id)
	return rect(r), ok
}

func annotationSelector(id string) string { return wasm.AnnotationSelector(id) }

func inputValue(id string) (string, bool) { return wasm.InputValue(id) }

func markAfterPaint(name string) { wasm.MarkAfterPaint(name) }

func afterPaint(f func()) { wasm.AfterPaint(f) }

// storeProblem is the message to show for a storage error.
func storeProblem(err error) string { return err.Error() }

var _ annotationStore = (*wasm.Store)(nil)

func focusIn(clause string) (focusPlace, bool) {
	f, ok := wasm.FocusIn(clause)
	return focusPlace(f), ok
}

func restoreFocus(f focusPlace) { wasm.RestoreFocus(wasm.FocusPlace(f)) }

func replaceClause(id, html string) { wasm.ReplaceClause(id, html) }

func setInnerHTML(selector, html string) { wasm.SetInnerHTML(selector, html) }

func toggleClass(id, class string, on bool) { wasm.ToggleClass(id, class, on) }

func highlight(clause string, start, end int, m highlightMark) error {
	return wasm.Highlight(clause, start, end, wasm.Mark{ID: m.ID, Tag: m.Tag, Note: m.Note, Label: m.Label, Whole: m.Whole})
}

func unhighlight(id string) error { return wasm.Unhighlight(id) }

func restyle(m highlightMark) error {
	return wasm.Restyle(wasm.Mark{ID: m.ID, Tag: m.Tag, Note: m.Note, Label: m.Label})
}

func setSuggestion(clause, html string) error { return wasm.SetSuggestion(clause, html) }
