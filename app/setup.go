package app

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// DocumentPath is where the server serves a resolution given on its
// command line (clausemark serve -doc FILE), and DocumentEnv the app
// environment variable that tells the app to fetch it from there instead
// of showing the resolution compiled into it.
const (
	DocumentPath = "/document.txt"
	DocumentEnv  = "CLAUSEMARK_DOCUMENT"
)

// App is the Clausemark app: its documents and the browser it runs in.
type App struct {
	ws *workspace
}

// Setup makes the app that shows doc (the default document, at "/" and at
// /d/{its id}), talking to the browser through b (browser.None on the
// server), registers its routes and action handlers, and returns it. Call
// it before app.RunWhenOnBrowser on the client and before serving; calling
// it again replaces the app.
func Setup(doc *resolution.Document, b browser.Browser) *App {
	ws := newWorkspace(b, doc)
	ws.version = app.Getenv("GOAPP_VERSION")
	for action, h := range ws.handlers() {
		app.Handle(action, h)
	}
	current.Store(ws)
	routeOnce.Do(func() {
		newPage := func() app.Composer { return newReader(current.Load()) }
		app.Route(homePath, newPage)
		app.RouteWithRegexp("^"+docPathBase+"[^/]+$", newPage)
		app.RouteWithRegexp(comparePagePattern, func() app.Composer { return newComparePage(current.Load()) })
		app.Route(libraryPath, func() app.Composer { return newLibraryPage(current.Load()) })
		app.Route(annotationsPath, func() app.Composer { return newAnnotationsPage(current.Load()) })
	})
	return &App{ws: ws}
}

// current is the workspace the routes build pages with. go-app's router
// keeps every regular-expression route ever registered and takes the
// first that matches, so the routes are registered once and read the
// workspace of the last Setup from here (the end-to-end tests set up
// several apps in one process).
var (
	current   atomic.Pointer[workspace]
	routeOnce sync.Once
)

// Keep says what the default document's text is and whether it is the
// resolution compiled into the app: Preload keeps it in the library (the
// built-in one from the first start, with the annotations saved for it).
func (a *App) Keep(text []byte, builtin bool) {
	a.ws.defaultText, a.ws.builtin = text, builtin
}

// Preload reads, as soon as the wasm runs, what the first page shows — the
// library, and for the page of a document (path, e.g. /d/S-2024-400, or
// "/") its text and its saved annotations — and waits for them at most
// max: when they arrive in time, the first render already shows them.
// What comes later is taken when it comes.
func (a *App) Preload(path string, max time.Duration) {
	ws := a.ws
	id, docPage := docIDOf(path)
	// The page of a document needs only that document and its
	// annotations: the library's upkeep waits for its first paint. "/"
	// needs the library (where it takes the delegate), and so do the
	// other pages.
	lean := docPage && id != ""
	if lean {
		ws.upkeep.postpone()
	}
	type read struct {
		home string
		doc  loaded
		err  error
		// versions is the store to read the default document's versions
		// from once its highlights are painted (the served text is its
		// current one: servedIsCurrent).
		versions library.Store
	}
	ch := make(chan read, 1)
	go func() {
		var r read
		if lean {
			if st, err := ws.openStore(); err == nil {
				switch current, held := ws.servedIsCurrent(st); {
				case current:
					r.versions = st
				case held:
					ws.learnDefault(st) // a newer version
				}
			}
		} else {
			r.home = ws.prepareLibrary()
		}
		if docPage && id != "" && !ws.known(id) {
			r.doc, r.err = ws.readDocument(id)
		}
		ch <- r
	}()
	var r read
	select {
	case r = <-ch:
	case <-time.After(max):
		// The pages read what they need when they mount.
		go func() {
			if r := <-ch; r.versions != nil {
				ws.learnDefault(r.versions)
			}
		}()
		return
	}
	ws.home = r.home
	if r.err == nil && r.doc.parsed != nil {
		ws.learn(r.doc)
	}
	if !docPage {
		return
	}
	if id == "" {
		id = ws.defaultID
	}
	if d, err := ws.open(id); err == nil {
		d.preload(max)
		d.paintEarly()
	}
	if r.versions != nil {
		// Then the versions, for the first render (the version bar, the
		// review of the annotations), as long as they come in time.
		read := make(chan struct{})
		go func() {
			ws.learnDefault(r.versions)
			close(read)
		}()
		select {
		case <-read:
		case <-time.After(max):
		}
	}
}

// Document returns the default document.
func (a *App) Document() *resolution.Document { return a.ws.sources[a.ws.defaultID].parsed }

// PageTitle is the title of the page that shows doc: "Clausemark — " and
// its symbol, or its title, or "Untitled document".
func PageTitle(doc *resolution.Document) string {
	name := doc.Symbol
	if name == "" {
		name = doc.Title
	}
	if name == "" {
		name = "Untitled document"
	}
	return "Clausemark — " + name
}
