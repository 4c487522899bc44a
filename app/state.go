package app

import (
	"github.com/clausemark/clausemark/annotations"
)

// The app's state, published with ctx.SetState by the action handlers and
// observed by the components that show it. Keys are path-like, made by
// the functions below.

// docState is the key of an open document's view (a docView).
func docState(id string) string { return "/doc/" + id }

// noticeState is the key of the message shown at the bottom of the
// screen (a notice).
const noticeState = "/notice"

// docView is what the components of a document page show: the document
// and its annotations (read them, never change them), where the changes
// are, and the counts per tag.
type docView struct {
	Doc    *openDoc
	Status annotations.Status
	Counts annotations.Counts
}

// notice is a short message at the bottom of the screen, with an optional
// undo of a delete in a document.
type notice struct {
	Message string
	// UndoDoc is the document whose last delete Undo restores; "" for no
	// Undo button.
	UndoDoc string
	// Seq tells two notices with the same text apart (each shows anew).
	Seq int
}
