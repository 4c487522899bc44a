package app

import (
	"fmt"
	"strings"
	"sync"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// workspace is the app's documents: those it can show (sources, by id)
// and those open, each with its annotation session. The action handlers
// (handlers.go) are its methods; pages read documents from it. It lives on
// the UI goroutine: handlers reach it through ctx.Dispatch.
//
// On the server, pages of several requests render at once: the map of
// open documents is guarded by mu. (In the browser everything runs on the
// UI goroutine.)
type workspace struct {
	b         browser.Browser
	sources   map[string]*resolution.Document
	defaultID string
	author    string // the delegation written on new annotations

	mu   sync.Mutex
	docs map[string]*openDoc
}

func newWorkspace(b browser.Browser, doc *resolution.Document) *workspace {
	ws := &workspace{
		b:       b,
		sources: map[string]*resolution.Document{},
		docs:    map[string]*openDoc{},
	}
	adoc, err := AnnotationDocument(doc)
	if err == nil {
		ws.defaultID = DocumentID(adoc.Symbol)
		ws.sources[ws.defaultID] = doc
	}
	return ws
}

// errNoDocument says a page asked for a document the app does not have.
type errNoDocument string

func (e errNoDocument) Error() string {
	return fmt.Sprintf("there is no document %q in this browser", string(e))
}

// open returns the open document with this id ("" for the default one),
// opening it if needed. The session starts when a page mounts it.
func (ws *workspace) open(id string) (*openDoc, error) {
	if id == "" {
		id = ws.defaultID
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if d, ok := ws.docs[id]; ok {
		return d, nil
	}
	src, ok := ws.sources[id]
	if !ok {
		return nil, errNoDocument(id)
	}
	d, err := newOpenDoc(src, ws.b)
	if err != nil {
		return nil, err
	}
	d.session.SetAuthor(ws.author)
	d.publish = func(ctx app.Context) { ctx.SetState(docState(d.id), d.view()) }
	ws.docs[id] = d
	return d, nil
}

// doc returns an open document, or nil.
func (ws *workspace) doc(id string) *openDoc {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return ws.docs[id]
}

// setAuthor sets the delegation written on new annotations, in every
// document.
func (ws *workspace) setAuthor(author string) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.author = author
	for _, d := range ws.docs {
		d.session.SetAuthor(author)
	}
}

// normalAuthor is a delegation name as typed, spaces collapsed, cut to
// annotations.MaxAuthorLength.
func normalAuthor(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > annotations.MaxAuthorLength {
		s = string(r[:annotations.MaxAuthorLength])
	}
	return s
}

// showNotice shows a message at the bottom of the screen; undoDoc names
// the document whose last delete its Undo button restores ("" for none).
func showNotice(ctx app.Context, msg, undoDoc string) {
	var n notice
	ctx.GetState(noticeState, &n)
	ctx.SetState(noticeState, notice{Message: msg, UndoDoc: undoDoc, Seq: n.Seq + 1})
}
