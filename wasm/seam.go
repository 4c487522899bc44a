//go:build js && wasm

package wasm

import (
	"context"
	"fmt"
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/markup"
	"github.com/hack-pad/safejs"
)

// Browser is the app's browser seam (browser.Browser) on this package: the
// one value through which the app calls into the page.
type Browser struct{}

var _ browser.Browser = Browser{}

// NewBrowser returns the browser seam of the page the wasm runs in.
func NewBrowser() Browser { return Browser{} }

// OpenStore opens the default IndexedDB database. onClosed is told when
// another tab upgrades or deletes it (the store has closed itself).
func (Browser) OpenStore(onClosed func(reason string)) (library.Store, error) {
	s, err := Open(context.Background(), DefaultName)
	if err != nil {
		return nil, err // not a typed nil in the interface
	}
	if onClosed != nil {
		s.OnClose(func(err error) { onClosed(err.Error()) })
	}
	return s, nil
}

// OpenChannel listens to the other tabs on the default channel.
func (Browser) OpenChannel(f func(annotations.Change)) (func(annotations.Change) error, func(), error) {
	ch, err := OpenChannel(DefaultChannelName)
	if err != nil {
		return nil, nil, err
	}
	go func() {
		for c := range ch.Changes() {
			f(annotations.Change{Document: c.Document, Put: c.Put, Deleted: c.Deleted})
		}
	}()
	post := func(c annotations.Change) error {
		return ch.Post(Change{Document: c.Document, Put: c.Put, Deleted: c.Deleted})
	}
	return post, func() { ch.Close() }, nil
}

// OnKeyDown listens to the keys pressed on the page.
func (Browser) OnKeyDown(f func(browser.KeyEvent) bool) func() {
	return released("keydown", func() (func(), error) { return OnKeyDown(f) })
}

// released runs a listen call; when it fails, the failure is logged and
// the release does nothing.
func released(what string, listen func() (func(), error)) func() {
	release, err := listen()
	if err != nil {
		logError("listening to %s: %v", what, err)
		return func() {}
	}
	return release
}

// OnSelectionEnd listens to the ends of selections.
func (Browser) OnSelectionEnd(f func()) func() {
	return released("the selection", func() (func(), error) { return OnSelectionEnd(f) })
}

// OnFileDrop makes the page a drop target for files.
func (Browser) OnFileDrop(max int64, over func(bool), f func(browser.File)) func() {
	return released("dropped files", func() (func(), error) {
		return OnFileDrop(max, over, func(d DroppedFile) {
			f(browser.File{Name: d.Name, Data: d.Data, Err: d.Err})
		})
	})
}

// OnLeave calls f on beforeunload; when f returns true the browser asks
// the user to confirm leaving.
func (Browser) OnLeave(f func() bool) func() {
	return released("beforeunload", func() (func(), error) {
		return listen(safejs.Global(), func(e safejs.Value) {
			if f() {
				_, _ = e.Call("preventDefault")
				_ = e.Set("returnValue", "")
			}
		}, "beforeunload")
	})
}

// ReadSelection reads the page's selection inside one clause.
func (Browser) ReadSelection() (browser.Selection, bool, error) {
	s, ok, err := ReadSelection()
	return browser.Selection{Clause: s.Clause, Start: s.Start, End: s.End, Crossed: s.Crossed, Rect: browser.Rect(s.Rect)}, ok, err
}

// SelectText selects [start, end) of a clause's text (UTF-16 units).
func (Browser) SelectText(clause string, start, end int) (browser.Rect, error) {
	r, err := SelectText(clause, start, end)
	return browser.Rect(r), err
}

// ClearSelection empties the page's selection.
func (Browser) ClearSelection() error { return ClearSelection() }

// InputFile reads the file chosen in a file input.
func (Browser) InputFile(id string, max int64) (browser.File, error) {
	name, data, err := InputFile(id, max)
	return browser.File{Name: name, Data: data}, err
}

// InputValue returns the value of an input or textarea.
func (Browser) InputValue(id string) (string, bool) {
	v, ok, err := InputValue(id)
	if err != nil {
		logError("reading the value of %s: %v", id, err)
	}
	return v, ok
}

// Click clicks an element.
func (Browser) Click(id string) error { return ClickElement(id) }

// Focus moves the focus to the first element matching selector.
func (Browser) Focus(selector string) error {
	ok, err := Focus(selector)
	if err == nil && !ok {
		err = fmt.Errorf("%w: %s", ErrNotOnPage, selector)
	}
	return err
}

// Flash scrolls to the elements matching selector and makes them flash.
func (Browser) Flash(selector string) error {
	ok, err := Flash(selector)
	if err == nil && !ok {
		err = fmt.Errorf("%w: %s", ErrNotOnPage, selector)
	}
	return err
}

// ClauseRect returns where a clause's label is.
func (Browser) ClauseRect(clause string) (browser.Rect, bool) {
	r, ok, err := ClauseRect(clause)
	if err != nil {
		logError("measuring clause %s: %v", clause, err)
	}
	return browser.Rect(r), ok
}

// AnnotationRect returns where a highlight begins.
func (Browser) AnnotationRect(id string) (browser.Rect, bool) {
	r, ok, err := AnnotationRect(id)
	if err != nil {
		logError("measuring highlight %s: %v", id, err)
	}
	return browser.Rect(r), ok
}

// WindowWidth is the viewport's width.
func (Browser) WindowWidth() float64 {
	w, err := safejs.Global().Get("innerWidth")
	if err != nil {
		return 1280
	}
	f, err := w.Float()
	if err != nil {
		return 1280
	}
	return f
}

// Highlight paints a highlight in place.
func (Browser) Highlight(clause string, start, end int, m markup.Mark) error {
	return Highlight(clause, start, end, m)
}

// Unhighlight removes a highlight.
func (Browser) Unhighlight(id string) error { return Unhighlight(id) }

// Restyle changes a highlight's tag and note marks.
func (Browser) Restyle(m markup.Mark) error { return Restyle(m) }

// SetSuggestion replaces a clause's suggestion.
func (Browser) SetSuggestion(clause, html string) error { return SetSuggestion(clause, html) }

// ReplaceClause replaces a clause element.
func (Browser) ReplaceClause(id, html string) error { return ReplaceClause(id, html) }

// SetInnerHTML replaces an element's content.
func (Browser) SetInnerHTML(selector, html string) error { return SetInnerHTML(selector, html) }

// ToggleClass adds or removes a class.
func (Browser) ToggleClass(id, class string, on bool) error {
	ok, err := ToggleClass(id, class, on)
	if err == nil && !ok {
		err = fmt.Errorf("%w: #%s", ErrNotOnPage, id)
	}
	return err
}

// ExtractPDF reads a PDF's text items with the page's pdf.js.
func (Browser) ExtractPDF(data []byte) (*extract.PDFDocument, error) { return ExtractPDF(data) }

// Persist asks the browser to keep the site's storage.
func (Browser) Persist() (bool, error) { return Persist() }

// Estimate returns the storage used and available.
func (Browser) Estimate() (int64, int64, error) { return Estimate() }

// Download saves data as a file.
func (Browser) Download(name, mime string, data []byte) error { return Download(name, mime, data) }

// MarkAfterPaint adds a User Timing mark after the next paint.
func (Browser) MarkAfterPaint(name string) {
	if err := MarkAfterPaint(name); err != nil {
		logError("marking %s: %v", name, err)
	}
}

// AfterPaint calls f after the next paint.
func (Browser) AfterPaint(f func()) {
	if err := AfterPaint(f); err != nil {
		logError("waiting for a paint: %v", err)
		f()
	}
}

// Log writes a warning to the console: something did not work as it
// should, and the app went on.
func (Browser) Log(args ...any) {
	msg := strings.TrimSuffix(fmt.Sprintln(args...), "\n")
	if console, err := safejs.Global().Get("console"); err == nil {
		_, _ = console.Call("warn", msg)
	}
}

// FindPrerendered reads an attribute of an element the page came with.
func (Browser) FindPrerendered(selector, attr string) (string, bool) {
	v, ok, err := FindPrerendered(selector, attr)
	if err != nil {
		logError("finding the pre-rendered page: %v", err)
	}
	return v, ok
}

// KeepPage keeps a copy of the page for the service worker.
func (Browser) KeepPage(k browser.KeptPage) error { return KeepPage(k) }

// ForgetPage removes a kept page.
func (Browser) ForgetPage(cache, key string) error { return ForgetPage(cache, key) }

// MarkSince adds a User Timing mark at the time of another.
func (Browser) MarkSince(name, since string) {
	if err := MarkSince(name, since); err != nil {
		logError("marking %s: %v", name, err)
	}
}
