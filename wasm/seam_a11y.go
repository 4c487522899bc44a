//go:build js && wasm

package wasm

import "github.com/clausemark/clausemark/browser"

// KeepFocus remembers the element with the focus.
func (Browser) KeepFocus() func() bool { return KeepFocus() }

// OpenTab opens data in a new tab.
func (Browser) OpenTab(mime string, data []byte) error { return OpenTab(mime, data) }

// OnPrint listens to printing.
func (Browser) OnPrint(before, after func()) func() {
	return released("printing", func() (func(), error) { return OnPrint(before, after) })
}

// InsertAfter inserts HTML after an element.
func (Browser) InsertAfter(selector, html string) error { return InsertAfter(selector, html) }

// SetInputValue sets the value of a field.
func (Browser) SetInputValue(id, value string) error { return SetInputValue(id, value) }

// RemoveAll removes elements.
func (Browser) RemoveAll(selector string) error { return RemoveAll(selector) }

// Place puts a floating element beside what it is about.
func (Browser) Place(id string, at browser.Placement) error {
	return PlaceBeside(id, Rect(at.Rect), at.Annotation, at.Clause, at.Below)
}
