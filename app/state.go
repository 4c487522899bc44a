package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
	// UndoRemove offers Undo of the removal of a document from the
	// library (the page that removed it restores it).
	UndoRemove bool
	// Seq tells two notices with the same text apart (each shows anew).
	Seq int
}

// docWatch keeps a component observing the docView of the document it
// shows: when the page goes to another document (go-app keeps the
// component and changes its props), it observes the new one and stops
// taking in the old one's.
type docWatch struct {
	id string
}

// observe observes the docView of document id into view, unless it does
// already.
func (w *docWatch) observe(ctx app.Context, id string, view *docView) {
	if w.id == id {
		return
	}
	w.id = id
	*view = docView{}
	ctx.ObserveState(docState(id), view).While(func() bool { return w.id == id })
}
