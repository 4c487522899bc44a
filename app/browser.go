package app

import (
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// The browser, as the app sees it. browser_js.go implements these with
// package wasm; browser_other.go is the inert twin the server uses when it
// renders the page (no store, no selection, no keyboard).

// annotationStore is where annotations are saved: IndexedDB in the browser.
type annotationStore interface {
	annotations.Store
	// Get returns one annotation as stored.
	Get(id string) (annotations.Annotation, bool, error)
	// PutIf writes a only if the stored copy still has the modified time
	// base (or, for the zero time, does not exist); otherwise it returns
	// the stored copy and an error for which isConflict is true.
	PutIf(a annotations.Annotation, base time.Time) (annotations.Annotation, error)
	Close() error
}

// storeChange is what one tab tells the others after saving.
type storeChange struct {
	Document string
	Put      []string
	Deleted  []string
}

// keyEvent is a key pressed on the page, with what had the focus.
type keyEvent struct {
	Key                    string
	Shift, Ctrl, Alt, Meta bool
	InField, InDialog      bool
	Clause, Annotation     string
}

// rect is a rectangle on screen, in CSS pixels of the viewport.
type rect struct{ Top, Left, Bottom, Right float64 }

// domSelection is the page's selection inside one clause, in UTF-16 units
// of the clause's plain text.
type domSelection struct {
	Clause     string
	Start, End int
	Crossed    bool
	Rect       rect
}

// droppedFile is a file dropped on the page.
type droppedFile struct {
	Name string
	Data []byte
	Err  error
}

// maxImportSize is the largest file the import reads.
const maxImportSize = annotations.MaxFileSize

// highlightMark describes the highlight of one annotation, for the
// highlighter (markup.Mark in the browser). Whole is not needed any more:
// the painter sees a whole clause by itself.
type highlightMark struct {
	ID, Tag, Label string
	Note, Whole    bool
}
