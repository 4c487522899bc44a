package browser

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/markup"
)

// None is the Browser of the server, which renders the page before the
// wasm runs: there is no store, no selection, no keyboard; painting does
// nothing (the page is rendered whole).
type None struct{}

var _ Browser = None{}

// Interactive reports whether b is a real page (or a test's stand-in for
// one), where the app reacts to the user: false for None.
func Interactive(b Browser) bool {
	_, none := b.(None)
	return !none
}

func release() {}

// OpenStore reports ErrNoBrowser.
func (None) OpenStore(func(string)) (library.Store, error) { return nil, ErrNoBrowser }

// OpenChannel reports ErrNoBrowser.
func (None) OpenChannel(func(annotations.Change)) (func(annotations.Change) error, func(), error) {
	return nil, nil, ErrNoBrowser
}

// OnKeyDown does nothing.
func (None) OnKeyDown(func(KeyEvent) bool) func() { return release }

// OnSelectionEnd does nothing.
func (None) OnSelectionEnd(func()) func() { return release }

// OnFileDrop does nothing.
func (None) OnFileDrop(int64, func(bool), func(File)) func() { return release }

// OnLeave does nothing.
func (None) OnLeave(func() bool) func() { return release }

// ReadSelection finds none.
func (None) ReadSelection() (Selection, bool, error) { return Selection{}, false, nil }

// SelectText reports ErrNoBrowser.
func (None) SelectText(string, int, int) (Rect, error) { return Rect{}, ErrNoBrowser }

// ClearSelection does nothing.
func (None) ClearSelection() error { return nil }

// InputFile reports ErrNoBrowser.
func (None) InputFile(string, int64) (File, error) { return File{}, ErrNoBrowser }

// InputValue finds none.
func (None) InputValue(string) (string, bool) { return "", false }

// Click reports ErrNoBrowser.
func (None) Click(string) error { return ErrNoBrowser }

// Focus reports ErrNoBrowser.
func (None) Focus(string) error { return ErrNoBrowser }

// Flash reports ErrNoBrowser.
func (None) Flash(string) error { return ErrNoBrowser }

// Place does nothing.
func (None) Place(string, Placement) error { return nil }

// ClauseRect finds none.
func (None) ClauseRect(string) (Rect, bool) { return Rect{}, false }

// AnnotationRect finds none.
func (None) AnnotationRect(string) (Rect, bool) { return Rect{}, false }

// WindowWidth is a desktop's.
func (None) WindowWidth() float64 { return 1280 }

// Highlight does nothing.
func (None) Highlight(string, int, int, markup.Mark) error { return nil }

// Unhighlight does nothing.
func (None) Unhighlight(string) error { return nil }

// Restyle does nothing.
func (None) Restyle(markup.Mark) error { return nil }

// SetSuggestion does nothing.
func (None) SetSuggestion(string, string) error { return nil }

// ReplaceClause does nothing.
func (None) ReplaceClause(string, string) error { return nil }

// SetInnerHTML does nothing.
func (None) SetInnerHTML(string, string) error { return nil }

// ToggleClass does nothing.
func (None) ToggleClass(string, string, bool) error { return nil }

// ExtractPDF reports ErrNoBrowser.
func (None) ExtractPDF([]byte) (*extract.PDFDocument, error) { return nil, ErrNoBrowser }

// Persist reports ErrNoBrowser.
func (None) Persist() (bool, error) { return false, ErrNoBrowser }

// Estimate reports ErrNoBrowser.
func (None) Estimate() (int64, int64, error) { return 0, 0, ErrNoBrowser }

// Download reports ErrNoBrowser.
func (None) Download(string, string, []byte) error { return ErrNoBrowser }

// MarkAfterPaint does nothing.
func (None) MarkAfterPaint(string) {}

// AfterPaint does nothing: there is no paint.
func (None) AfterPaint(func()) {}

// Log does nothing.
func (None) Log(...any) {}

// FindPrerendered finds none: the server renders the page whole.
func (None) FindPrerendered(string, string) (string, bool) { return "", false }

// KeepPage reports ErrNoBrowser.
func (None) KeepPage(KeptPage) error { return ErrNoBrowser }

// ForgetPage reports ErrNoBrowser.
func (None) ForgetPage(string, string) error { return ErrNoBrowser }

// MarkSince does nothing.
func (None) MarkSince(string, string) {}

// KeepFocus keeps nothing: back reports false.
func (None) KeepFocus() func() bool { return func() bool { return false } }

// FocusStays: with no page, the focus never moves.
func (None) FocusStays() func() bool { return func() bool { return true } }

// OpenTab reports ErrNoBrowser.
func (None) OpenTab(string, []byte) error { return ErrNoBrowser }

// OnPrint does nothing.
func (None) OnPrint(func(), func()) func() { return release }

// InsertAfter does nothing.
func (None) InsertAfter(string, string) error { return nil }

// RemoveAll does nothing.
func (None) RemoveAll(string) error { return nil }

// SetInputValue does nothing.
func (None) SetInputValue(string, string) error { return nil }
