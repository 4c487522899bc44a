//go:build js && wasm

package app

import (
	"context"
	"errors"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/markup"
	"github.com/clausemark/clausemark/wasm"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
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

// logged writes err, if any, on the console (with the context the error
// carries: what was being done, to what) and returns it.
func logged(err error) error {
	if err != nil {
		app.Logf("%v", err)
	}
	return err
}

// onceListening returns the release func of a listener, or logs why there
// is none and returns a func that does nothing.
func onceListening(release func(), err error) func() {
	if logged(err) != nil {
		return func() {}
	}
	return release
}

func onKeyDown(f func(keyEvent) bool) func() {
	return onceListening(wasm.OnKeyDown(func(k wasm.KeyEvent) bool {
		return f(keyEvent{
			Key: k.Key, Shift: k.Shift, Ctrl: k.Ctrl, Alt: k.Alt, Meta: k.Meta,
			InField: k.InField, InDialog: k.InDialog, Clause: k.Clause, Annotation: k.Annotation,
		})
	}))
}

func onSelectionEnd(f func()) func() { return onceListening(wasm.OnSelectionEnd(f)) }

func readSelection() (domSelection, bool, error) {
	s, ok, err := wasm.ReadSelection()
	return domSelection{Clause: s.Clause, Start: s.Start, End: s.End, Crossed: s.Crossed, Rect: rect(s.Rect)}, ok, err
}

func selectText(clause string, start, end int) (rect, error) {
	r, err := wasm.SelectText(clause, start, end)
	return rect(r), err
}

func clearSelection() { logged(wasm.ClearSelection()) }

func onFileDrop(over func(bool), f func(droppedFile)) func() {
	return onceListening(wasm.OnFileDrop(maxImportSize, over, func(d wasm.DroppedFile) {
		f(droppedFile{Name: d.Name, Data: d.Data, Err: d.Err})
	}))
}

func inputFile(id string) (string, []byte, error) { return wasm.InputFile(id, maxImportSize) }

func clickElement(id string) { logged(wasm.ClickElement(id)) }

func focusElement(selector string) bool {
	ok, err := wasm.Focus(selector)
	logged(err)
	return ok
}

func flash(selector string) bool {
	ok, err := wasm.Flash(selector)
	logged(err)
	return ok
}

func place(id string, top, left float64) { logged(wasm.Place(id, top, left)) }

func placeAbove(id string, r rect) { logged(wasm.PlaceAbove(id, wasm.Rect(r))) }

func clauseRect(id string) (rect, bool) {
	r, ok, err := wasm.ClauseRect(id)
	logged(err)
	return rect(r), ok
}

func annotationRect(id string) (rect, bool) {
	r, ok, err := wasm.AnnotationRect(id)
	logged(err)
	return rect(r), ok
}

func annotationSelector(id string) string { return markup.AnnotationSelector(id) }

func inputValue(id string) (string, bool) {
	v, ok, err := wasm.InputValue(id)
	logged(err)
	return v, ok
}

func markAfterPaint(name string) { logged(wasm.MarkAfterPaint(name)) }

func afterPaint(f func()) { logged(wasm.AfterPaint(f)) }

// storeProblem is the message to show for a storage error.
func storeProblem(err error) string { return err.Error() }

var _ annotationStore = (*wasm.Store)(nil)

func replaceClause(id, html string) { logged(wasm.ReplaceClause(id, html)) }

func setInnerHTML(selector, html string) { logged(wasm.SetInnerHTML(selector, html)) }

func toggleClass(id, class string, on bool) {
	_, err := wasm.ToggleClass(id, class, on)
	logged(err)
}

// markOfHighlight is the markup.Mark of a highlightMark (whose Whole the
// painter does not need: it sees a whole clause by itself).
func markOfHighlight(m highlightMark) markup.Mark {
	return markup.Mark{ID: m.ID, Tag: annotations.Tag(m.Tag), Note: m.Note, Label: m.Label}
}

func highlight(clause string, start, end int, m highlightMark) error {
	return logged(wasm.Highlight(clause, start, end, markOfHighlight(m)))
}

func unhighlight(id string) error { return logged(wasm.Unhighlight(id)) }

func restyle(m highlightMark) error { return logged(wasm.Restyle(markOfHighlight(m))) }

func setSuggestion(clause, html string) error { return logged(wasm.SetSuggestion(clause, html)) }
