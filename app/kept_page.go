package app

import (
	"errors"
	"time"

	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/markup"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page of a document kept for the next visit. Once a document's saved
// annotations are painted, and a moment after each change, the app keeps a
// copy of its page in Cache Storage (browser.KeepPage); the next load of
// /d/{id} gets that copy from the service worker, in the app shell, so the
// document and its highlights are in the first paint, before the wasm
// runs (see server/worker.go). The app still renders the page itself: the
// copy is only shown — the style sheet hides the app's element while it is
// there — until the app's own document is painted, then removed. A copy
// that is not what the app shows now (annotations changed in another tab,
// a new text of the document) is therefore shown only while the app
// starts, and never marked as the annotations painted: the copy carries a
// digest of the document, its text and its highlights, compared with the
// app's own. The worker serves only a copy kept by its own version of the
// app; a document removed, or given a new text, has its copy forgotten.

const (
	// keptElement is the app's element, copied; keptCopy the copy the
	// page came with.
	keptElement = "body > .cm-app"
	keptCopy    = "body > .cm-kept"
	// keepAfter is how long after the last change the copy is kept again.
	keepAfter = time.Second
	// keptMaxAnnotations and keptMaxChars bound the copy: the browser
	// parses a copy of 1×10,000 highlights (13 MB of HTML) more slowly
	// than the app renders the page, so a document with more annotations
	// than this has no copy (the one kept before is forgotten).
	keptMaxAnnotations = 2500
	keptMaxChars       = 4 << 20
)

// keptAtMost is how long after the app starts the copy goes, whatever the
// app shows (a variable for the tests).
var keptAtMost = 10 * time.Second

// keptDrop are the passing parts of the page left out of the copy.
var keptDrop = []string{".cm-toolbar", ".cm-tooltip", ".cm-editor", ".cm-toast", ".cm-modal", ".cm-menu-backdrop", ".cm-banner", "dialog"}

// keptDropAttrs are the attributes left out of it: the copy is not a
// running app (tests and benchmarks wait for .cm-app[data-ready]).
var keptDropAttrs = []string{"data-ready"}

// keptTransient are the classes of the passing view state left out of it.
var keptTransient = []string{markup.ClassTarget, markup.ClassSelected}

// keptState is what the workspace knows of the copy the page came with.
type keptState struct {
	looked bool   // the page was asked for it
	digest string // its digest ("" when there was none)
	gone   bool   // it was removed (or there was none)
}

// keptDigest is the digest of a document's page as the app shows it now:
// its id, its text and its highlights (markup.Digest).
func (d *openDoc) keptDigest() string {
	return d.id + " " + d.adoc.TextSHA256 + " " + markup.Digest(d.paint.parts, d.paint.view())
}

// keptOnPage returns the digest of the copy the page came with ("" when
// none). It asks the page once.
func (ws *workspace) keptOnPage() string {
	ws.stMu.Lock()
	defer ws.stMu.Unlock()
	if !ws.kept.looked {
		ws.kept.looked = true
		d, ok := ws.b.FindPrerendered(keptCopy, "data-digest")
		ws.kept.digest = d
		ws.kept.gone = !ok
	}
	return ws.kept.digest
}

// hasKept reports whether the copy the page came with is still there.
func (ws *workspace) hasKept() bool {
	ws.stMu.Lock()
	defer ws.stMu.Unlock()
	return ws.kept.looked && !ws.kept.gone
}

// dropKept removes the copy the page came with, if it is still there: the
// app shows its own page from now on.
func (ws *workspace) dropKept() {
	ws.keptOnPage()
	ws.stMu.Lock()
	gone := ws.kept.gone
	ws.kept.gone = true
	ws.stMu.Unlock()
	if gone {
		return
	}
	if err := ws.b.RemoveAll(keptCopy); err != nil {
		ws.b.Log("clausemark: removing the copy of the page:", err)
	}
}

// dropKeptAfterPaint removes the copy once the browser has painted what
// the app has rendered by then.
func (ws *workspace) dropKeptAfterPaint(ctx app.Context) {
	ws.b.AfterPaint(func() { ctx.Dispatch(func(app.Context) { ws.dropKept() }) })
}

// onPage reports whether the page shows the document with this id.
func (ws *workspace) onPage(ctx app.Context, id string) bool {
	shown, ok := docIDOf(ctx.Page().URL().Path)
	if shown == "" {
		shown = ws.defaultID
	}
	return ok && shown == id
}

// forgetKept forgets the copy of a document's page.
func (ws *workspace) forgetKept(id string) {
	if ws.version == "" || !browser.Interactive(ws.b) {
		return
	}
	if err := ws.b.ForgetPage(browser.KeptPagesCache(ws.version), docURL(id)); err != nil {
		ws.b.Log("clausemark: forgetting the copy of "+id+":", err)
	}
}

// markPainted sets the mark of the saved annotations painted: at the time
// the page's copy was painted when that copy shows exactly what the app
// shows, after the next paint otherwise. Once the browser has painted the
// app's page, the copy goes and the page is kept (if it is not what the
// copy showed) at once: the next load may come soon.
func (d *openDoc) markPainted() {
	if kept := d.ws.keptOnPage(); kept != "" && kept == d.keptDigest() {
		d.b.MarkSince(markAnnotationsPainted, browser.MarkKeptPainted)
		d.keptAs = kept
	} else {
		d.b.MarkAfterPaint(markAnnotationsPainted)
	}
	after := func() {
		ctx := d.ctx
		d.b.AfterPaint(func() {
			d.ws.upkeep.start() // what waited for the first paint
			ctx.Dispatch(func(ctx app.Context) {
				d.ws.dropKept()
				d.keep(ctx)
			})
		})
	}
	if !d.running {
		d.early = append(d.early, after) // begin runs it, with the context
		return
	}
	after()
}

// keepSoon keeps a copy of the document's page keepAfter after the last
// change (not during a run of changes: copying a page takes the main
// thread a moment), if it shows something else than the copy last kept.
func (d *openDoc) keepSoon() {
	if !d.running || d.ws.version == "" {
		return
	}
	d.changedAt = time.Now()
	if d.keeping {
		return
	}
	d.keeping = true
	d.keepLater(keepAfter)
}

// keepLater keeps the page after wait, or later if it changed meanwhile.
func (d *openDoc) keepLater(wait time.Duration) {
	d.ctx.After(wait, func(ctx app.Context) {
		if quiet := time.Since(d.changedAt); quiet < keepAfter {
			d.keepLater(keepAfter - quiet)
			return
		}
		d.keeping = false
		d.keep(ctx)
	})
}

// keep keeps a copy of the document's page now, when the page shows it
// with its saved annotations and the copy last kept is not the same.
func (d *openDoc) keep(ctx app.Context) {
	if !d.paint.live || !d.session.Loaded() || !d.ws.onPage(ctx, d.id) {
		return
	}
	d.ws.dropKept() // the page's own element is the one copied
	digest := d.keptDigest()
	if digest == d.keptAs {
		return
	}
	d.keptAs = digest // kept, or not to be tried again until it changes
	if d.set().Len() > keptMaxAnnotations {
		d.ws.forgetKept(d.id)
		return
	}
	err := d.b.KeepPage(browser.KeptPage{
		Cache: browser.KeptPagesCache(d.ws.version), Key: docURL(d.id),
		Selector: keptElement, Drop: keptDrop, Transient: keptTransient, DropAttrs: keptDropAttrs,
		Version: d.ws.version, Title: PageTitle(d.doc), Digest: digest,
		MaxChars: keptMaxChars,
	})
	if err != nil && !errors.Is(err, browser.ErrPageTooLarge) {
		d.b.Log("clausemark: keeping the page for the next visit:", err)
	}
}
