package app

import (
	"fmt"
	"strings"
	"sync"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/library"
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
	defaultID string
	// defaultText is the text of the default document: the resolution
	// compiled into the app, or the one the server serves (-doc).
	defaultText []byte
	builtin     bool // the default document is the compiled-in one
	// served is the default document as parsed at Setup: the text the
	// server renders at its page (early_paint.go).
	served *resolution.Document
	// servedDoc is it as package annotations sees it, made once (its
	// TextSHA256 is a hash of the whole text, slow before the wasm's code
	// is warm); nil if it cannot hold annotations.
	servedDoc *annotations.Document
	author    string

	mu      sync.Mutex
	sources map[string]source   // the documents the app can show, by id
	docs    map[string]*openDoc // those open

	// The library's store (IndexedDB), opened once and shared; again after
	// it failed or closed (see store).
	stMu sync.Mutex
	// version is the app's version (its service worker's); kept is the
	// copy of the page the page came with (kept_page.go).
	version string
	kept    keptState
	st      library.Store
	// notify tells the delegate something about the store, once a page
	// runs (set by the first page).
	notify       func(msg string)
	libPost      func(annotations.Change) error
	persistAsked bool // the browser was asked to keep the storage
	// The workspace's own context (a global action handler's), once a page
	// asked for it (bindAsked); what needs it waits in pending until then.
	ctx       app.Context
	bound     bool
	bindAsked bool
	pending   []func(app.Context)
	home      string // where "/" takes the delegate: a document's URL, or the library
	vers      versionsHub
	// upkeep keeps the default document in the library (store.go); the
	// page of a document is shown before it runs.
	upkeep upkeep
}

// source is a document the app can show: its text parsed, the symbol its
// annotations are filed under, and its library record (nil until it is in
// the library).
type source struct {
	parsed *resolution.Document
	key    string
	lib    *library.Document
}

func newWorkspace(b browser.Browser, doc *resolution.Document) *workspace {
	ws := &workspace{
		b:       b,
		sources: map[string]source{},
		docs:    map[string]*openDoc{},
		served:  doc,
	}
	ws.upkeep.init(ws.keepDefault)
	adoc, err := AnnotationDocument(doc)
	if err == nil {
		ws.defaultID = DocumentID(adoc.Symbol)
		ws.servedDoc = adoc
		ws.sources[ws.defaultID] = source{parsed: doc, key: adoc.Symbol}
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
	d, err := newOpenDoc(src.parsed, src.key, ws)
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

// showUndoRemoveNotice shows a message with Undo of the removal of a
// document.
func showUndoRemoveNotice(ctx app.Context, msg string) {
	var n notice
	ctx.GetState(noticeState, &n)
	ctx.SetState(noticeState, notice{Message: msg, UndoRemove: true, Seq: n.Seq + 1})
}

// showNotice shows a message at the bottom of the screen; undoDoc names
// the document whose last delete its Undo button restores ("" for none).
func showNotice(ctx app.Context, msg, undoDoc string) {
	var n notice
	ctx.GetState(noticeState, &n)
	ctx.SetState(noticeState, notice{Message: msg, UndoDoc: undoDoc, Seq: n.Seq + 1})
}

// started is told that a page runs (ctx is the page's): the workspace
// asks for a context of its own — a global action handler's, which lives
// as long as the app — and the delegation's name is read.
func (ws *workspace) started(ctx app.Context) {
	ws.stMu.Lock()
	asked := ws.bindAsked
	ws.bindAsked = true
	ws.stMu.Unlock()
	if !asked {
		ctx.NewAction(actionBind)
		ws.loadAuthor(ctx)
		if ws.keptOnPage(); ws.hasKept() {
			ctx.After(keptAtMost, func(app.Context) { ws.dropKept() })
		}
	}
}

// onBind takes the context of a global action handler as the workspace's.
func (ws *workspace) onBind(ctx app.Context, a app.Action) {
	ws.stMu.Lock()
	ws.ctx, ws.bound = ctx, true
	pending := ws.pending
	ws.pending = nil
	ws.notify = func(msg string) {
		ctx.Dispatch(func(ctx app.Context) { showNotice(ctx, msg, "") })
	}
	ws.stMu.Unlock()
	ctx.Dispatch(func(ctx app.Context) {
		for _, f := range pending {
			f(ctx)
		}
	})
}

// do runs f with the workspace's context, on the UI goroutine: now, or
// once the workspace has its context. Call it on the UI goroutine.
func (ws *workspace) do(f func(app.Context)) {
	if ctx, ok := ws.context(f); ok {
		f(ctx)
	}
}

// dispatch runs f on the UI goroutine with the workspace's context; it may
// be called from any goroutine.
func (ws *workspace) dispatch(f func(app.Context)) {
	if ctx, ok := ws.context(f); ok {
		ctx.Dispatch(f)
	}
}

// context returns the workspace's context, or keeps f for when it has one.
func (ws *workspace) context(f func(app.Context)) (app.Context, bool) {
	ws.stMu.Lock()
	defer ws.stMu.Unlock()
	if !ws.bound {
		ws.pending = append(ws.pending, f)
		return app.Context{}, false
	}
	return ws.ctx, true
}

// unlearn forgets a document removed from the library.
func (ws *workspace) unlearn(id string) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if src, ok := ws.sources[id]; ok && src.lib != nil && id != ws.defaultID {
		delete(ws.sources, id)
	}
	ws.forgetKept(id)
}

// isInteractive reports whether the workspace runs in a page the delegate
// uses (not on the server, rendering it).
func isInteractive(ws *workspace) bool { return browser.Interactive(ws.b) }
