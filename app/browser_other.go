//go:build !(js && wasm)

package app

import (
	"errors"

	"github.com/clausemark/clausemark/markup"
)

// errNoBrowser is what the browser adapters return when the app runs on
// the server, to render the page.
var errNoBrowser = errors.New("not in a browser")

func openStore() (annotationStore, error) { return nil, errNoBrowser }
func isConflict(error) bool               { return false }
func openChannel(func(storeChange)) (func(storeChange) error, func(), error) {
	return nil, nil, errNoBrowser
}
func download(string, string, []byte) error           { return errNoBrowser }
func onKeyDown(func(keyEvent) bool) func()            { return func() {} }
func onSelectionEnd(func()) func()                    { return func() {} }
func readSelection() (domSelection, bool, error)      { return domSelection{}, false, nil }
func selectText(string, int, int) (rect, error)       { return rect{}, errNoBrowser }
func clearSelection()                                 {}
func onFileDrop(func(bool), func(droppedFile)) func() { return func() {} }
func inputFile(string) (string, []byte, error)        { return "", nil, errNoBrowser }
func clickElement(string)                             {}
func focusElement(string) bool                        { return false }
func flash(string) bool                               { return false }
func place(string, float64, float64)                  {}
func placeAbove(string, rect)                         {}
func clauseRect(string) (rect, bool)                  { return rect{}, false }
func annotationRect(string) (rect, bool)              { return rect{}, false }
func annotationSelector(id string) string             { return markup.AnnotationSelector(id) }
func inputValue(string) (string, bool)                { return "", false }
func markAfterPaint(string)                           {}
func afterPaint(func())                               {}
func storeProblem(err error) string                   { return err.Error() }

func replaceClause(string, string)     {}
func setInnerHTML(string, string)      {}
func toggleClass(string, string, bool) {}

func highlight(string, int, int, highlightMark) error { return nil }
func unhighlight(string) error                        { return nil }
func restyle(highlightMark) error                     { return nil }
func setSuggestion(string, string) error              { return nil }
