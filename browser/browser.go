// Package browser is the one seam between the app and the browser: every
// call the app makes into the page (painting highlights, the selection,
// focus, files, downloads, the keyboard, storage, the other tabs) is a
// method of Browser. The browser's implementation lives in package wasm
// (wasm.Browser); None is the inert one the server renders the page with,
// and Fake records what the app asked, for the app's tests.
//
// The package is plain Go: it holds the interface and its value types, so
// that package app never imports syscall/js.
package browser

import (
	"errors"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/markup"
)

// Browser is what the app asks of the browser. Offsets are UTF-16 units of
// a clause's plain text (what the DOM counts); the app converts them from
// and to code points.
type Browser interface {
	// OpenStore opens the library's store (IndexedDB): documents, their
	// summaries and the annotations. onClosed, if not nil, is called when
	// the store stops working under the app: another tab upgraded or
	// deleted the database, or the browser closed it.
	OpenStore(onClosed func(reason string)) (library.Store, error)
	// OpenChannel listens to what the other tabs save: f is called (on
	// some goroutine) for each change they announce. post tells them of
	// this tab's changes; close stops listening.
	OpenChannel(f func(annotations.Change)) (post func(annotations.Change) error, close func(), err error)

	// OnKeyDown calls f for each key pressed on the page, inside the
	// browser's event; f returns true to prevent the browser's default.
	OnKeyDown(f func(KeyEvent) bool) (release func())
	// OnSelectionEnd calls f when the user may have finished selecting.
	OnSelectionEnd(f func()) (release func())
	// OnFileDrop makes the page a drop target: over(true) while files are
	// dragged over it, f for each file dropped (read up to max bytes).
	OnFileDrop(max int64, over func(bool), f func(File)) (release func())
	// OnLeave calls f when the page is about to be left (reload, close,
	// navigation away); f returns true to ask the browser to confirm.
	OnLeave(f func() bool) (release func())
	// ReadSelection returns the page's selection inside one clause.
	ReadSelection() (Selection, bool, error)
	// SelectText selects [start, end) of a clause's text.
	SelectText(clause string, start, end int) (Rect, error)
	// ClearSelection empties the page's selection.
	ClearSelection() error
	// InputFile reads the file chosen in the file input with this id.
	InputFile(id string, max int64) (File, error)
	// InputValue returns the current value of the input or textarea with
	// this id.
	InputValue(id string) (string, bool)
	// Click clicks the element with this id (to open a file picker).
	Click(id string) error

	// Focus moves the focus to the first element matching a CSS selector.
	Focus(selector string) error
	// Flash scrolls the elements matching a selector into view and makes
	// them flash; an error says there is none.
	Flash(selector string) error
	// Place puts the floating element with this id beside what it is
	// about (see Placement): never over it, inside the viewport, below the
	// app bar and not over the panel.
	Place(id string, at Placement) error
	// ClauseRect returns where the label of a clause is on screen.
	ClauseRect(clause string) (Rect, bool)
	// AnnotationRect returns where the first element of a highlight is.
	AnnotationRect(id string) (Rect, bool)
	// WindowWidth is the width of the viewport in CSS pixels.
	WindowWidth() float64

	// Highlight wraps [start, end) of a clause's text in the highlight of
	// one annotation, in place.
	Highlight(clause string, start, end int, m markup.Mark) error
	// Unhighlight removes the highlight of an annotation.
	Unhighlight(id string) error
	// Restyle changes the tag and note marks of a highlight in place.
	Restyle(m markup.Mark) error
	// SetSuggestion replaces the suggestion in a clause's margin with html
	// ("" removes it).
	SetSuggestion(clause, html string) error
	// ReplaceClause puts html in place of the clause element with this id.
	ReplaceClause(id, html string) error
	// SetInnerHTML replaces the content of the element matching a selector.
	SetInnerHTML(selector, html string) error
	// ToggleClass adds or removes a class of the element with this id.
	ToggleClass(id, class string, on bool) error

	// ExtractPDF reads the text items of a PDF with the page's pdf.js; it
	// blocks until done (call it off the UI goroutine). Its errors wrap
	// those of package extract (ErrEncrypted, ErrCorruptPDF, …).
	ExtractPDF(data []byte) (*extract.PDFDocument, error)

	// Persist asks the browser to keep the site's storage when space runs
	// low, and reports whether it will (it blocks; it may ask the user).
	Persist() (bool, error)
	// Estimate returns how many bytes the site stores and may store (it
	// blocks).
	Estimate() (usage, quota int64, err error)

	// Download saves data as a file.
	Download(name, mime string, data []byte) error
	// MarkAfterPaint adds a User Timing mark once the browser has painted.
	MarkAfterPaint(name string)
	// AfterPaint calls f once the browser has painted what the page holds.
	AfterPaint(f func())
	// Log writes a problem to the console, with context.
	Log(args ...any)

	// Pages: the page the app starts on, and the copy of it the next load
	// starts on.
	Pages

	// KeepFocus remembers the element that has the focus now; back gives
	// the focus back to it and reports whether it could (false when the
	// element left the page, or nothing had the focus).
	KeepFocus() (back func() bool)
	// FocusStays remembers the element that has the focus now (or that
	// none has) and where the page is scrolled; stays reports whether
	// both are still so (the delegate did not move on).
	FocusStays() (stays func() bool)
	// OpenTab opens data in a new tab (from a blob: URL); call it from a
	// click, which allows the tab. An error wrapping ErrTabBlocked says
	// the browser refused it.
	OpenTab(mime string, data []byte) error
	// OnPrint calls before when the page is about to be printed (the
	// browser's beforeprint: what it changes in the page is printed) and
	// after once it is (afterprint). Both run inside the browser's event.
	OnPrint(before, after func()) (release func())
	// InsertAfter puts html right after the first element matching a CSS
	// selector.
	InsertAfter(selector, html string) error
	// RemoveAll removes every element matching a CSS selector.
	RemoveAll(selector string) error
	// SetInputValue sets the value of the input or textarea with this id.
	SetInputValue(id, value string) error
}

// Placement is where a floating element (the tag toolbar, the editor, a
// tooltip) goes: beside Rect (a selection, a highlight), or beside the
// first element of the highlight of Annotation, measured when it is
// placed. It keeps clear of the text of Clause (the clause's own
// paragraph) when the screen has room for that, and of Rect always, if it
// can. Below prefers the space under the text to the space above it.
type Placement struct {
	Rect       Rect
	Annotation string
	Clause     string
	Below      bool
}

// ErrTabBlocked is the error of OpenTab when the browser did not open the
// tab (a pop-up blocker).
var ErrTabBlocked = errors.New("the browser blocked the new tab")

// KeyEvent is a key pressed on the page, with what had the focus.
type KeyEvent struct {
	// Key is the KeyboardEvent key ("j", "1", "Delete", "ArrowRight").
	Key                    string
	Shift, Ctrl, Alt, Meta bool
	// InField: the focus is in a text field; typing there is no shortcut.
	InField bool
	// InDialog: the focus is inside a dialog.
	InDialog bool
	// InMenu: the focus is inside a menu.
	InMenu bool
	// Field is the id of the text field that has the focus, if any.
	Field string
	// Clause is the id of the clause holding the focus, if any.
	Clause string
	// Annotation is the id of the highlight holding the focus, if any.
	Annotation string
}

// Rect is a rectangle on screen, in CSS pixels of the viewport.
type Rect struct{ Top, Left, Bottom, Right float64 }

// Selection is the page's selection inside one clause, in UTF-16 units of
// the clause's plain text.
type Selection struct {
	Clause     string
	Start, End int
	// Crossed: the page selection went on into other clauses.
	Crossed bool
	Rect    Rect
}

// File is a file the user chose or dropped, read.
type File struct {
	Name string
	Data []byte
	Err  error
}

// ErrNoBrowser is what None returns: the app runs on the server.
var ErrNoBrowser = errors.New("not in a browser")
