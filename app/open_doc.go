package app

// Over 400 lines: openDoc is the one place where a document's session,
// painter and published view meet; splitting it would split that contract.

import (
	"errors"
	"fmt"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// openDoc is one document open in the app: its text, its annotation
// session (save, sync, conflicts: package annotations) and its painter.
// It lives on the UI goroutine; the session's store calls run in
// ctx.Async and come back with ctx.Dispatch.
type openDoc struct {
	id      string
	doc     *resolution.Document
	adoc    *annotations.Document
	session *annotations.Session
	paint   *painter
	b       browser.Browser
	ws      *workspace

	ctx      app.Context // the workspace's context, once it runs (running)
	running  bool
	live     bool     // a page shows it: start was called
	counting bool     // the summary is about to be brought up to date
	onLoaded []func() // what waits for the saved annotations
	early    []func() // store work asked for before that (preload)
	started  bool
	closeCh  func()
	// announcer tells the other tabs what this tab saved.
	announcer func(annotations.Change) error
	publish   func(ctx app.Context) // publishes the docView (set by the workspace)
	pending   bool                  // a publish is scheduled
	marked    bool                  // the saved annotations were painted
	keeping   bool                  // a copy of the page is about to be kept
	changedAt time.Time             // the last change, for keepSoon
	keptAs    string                // the digest of the copy last kept
	// restored: the changes the last page left unsaved were taken back.
	restored bool
}

// newOpenDoc opens a document, whose annotations are filed under key (""
// for its own symbol): no annotations yet (see start and preload).
func newOpenDoc(doc *resolution.Document, key string, ws *workspace) (*openDoc, error) {
	adoc := ws.servedDoc // the same, made at the start
	if doc != ws.served || adoc == nil || (key != "" && key != adoc.Symbol) {
		var err error
		if adoc, err = library.AnnotationDocument(doc, key); err != nil {
			return nil, fmt.Errorf("the document cannot hold annotations: %w", err)
		}
	}
	b := ws.b
	d := &openDoc{id: DocumentID(adoc.Symbol), doc: doc, adoc: adoc, b: b, ws: ws}
	d.session = annotations.NewSession(adoc, annotations.Config{
		Run: d.run,
		Open: func() (annotations.Store, error) {
			return ws.openStore() // the annotations need not wait for the library's upkeep
		},
		Announce:   d.announce,
		OnChange:   d.changed,
		OnStatus:   d.statusChanged,
		OnConflict: d.conflict,
		Log:        b.Log,
	})
	d.paint = newPainter(b, doc, adoc, d.session.Set)
	d.paint.docID = d.id
	return d, nil
}

// AnnotationDocument is a resolution as package annotations sees it: its
// symbol, title, text hash and clauses in document order, each with the
// part it is in (a sub-paragraph in its paragraph's), and for the brief its
// body, session and dates. The paragraphs of a text whose structure was not
// recognised are in no known part. The app, the command line and the
// benchmarks all annotate this.
func AnnotationDocument(doc *resolution.Document) (*annotations.Document, error) {
	return library.AnnotationDocument(doc, "")
}

// UntitledSymbolPrefix starts the symbol given to a document that has none:
// "untitled-" and the first 12 hex digits of its text hash.
const UntitledSymbolPrefix = library.UntitledSymbolPrefix

// run is the session's Config.Run: work in ctx.Async, done back on the UI
// goroutine, with the workspace's context, which lives as long as the app
// (not a page's, which goes when the delegate goes to another page).
// Before the app runs (preload) the work waits for start.
func (d *openDoc) run(work, done func()) {
	if !d.running {
		d.early = append(d.early, func() { d.run(work, done) })
		return
	}
	ctx := d.ctx
	ctx.Async(func() {
		work()
		ctx.Dispatch(func(app.Context) { done() })
	})
}

// preload reads the saved annotations before the first render and waits
// for them at most max: when they arrive in time, the first render shows
// them (no second render of the document). It runs before the app does.
func (d *openDoc) preload(max time.Duration) {
	type read struct {
		store library.Store
		list  []annotations.Annotation
		err   error
	}
	ch := make(chan read, 1)
	go func() {
		store, err := d.ws.openStore()
		var list []annotations.Annotation
		if err == nil {
			list, err = store.List(d.adoc.Symbol)
		}
		ch <- read{store, list, err}
	}()
	select {
	case r := <-ch:
		d.session.Load(r.store, r.list, r.err)
	case <-time.After(max):
		// Too slow: start takes it when it comes.
		d.early = append(d.early, func() {
			d.ctx.Async(func() {
				r := <-ch
				d.ctx.Dispatch(func(app.Context) { d.session.Load(r.store, r.list, r.err) })
			})
		})
	}
	d.started = true
}

// start makes the document live once a page shows it: its changes are
// painted, and — once, when the workspace's context is there — the
// session reads the store (unless preload did), store work asked for
// before runs, and the other tabs are listened to.
func (d *openDoc) start() {
	d.paint.live = true
	if d.live {
		return
	}
	d.live = true
	d.ws.do(d.begin)
}

// begin is the start of a document that needs the workspace's context.
func (d *openDoc) begin(ctx app.Context) {
	d.ctx, d.running = ctx, true
	d.touch(ctx)
	d.markLoaded()
	d.restorePending()
	d.publish(ctx)
	for _, f := range d.early {
		f()
	}
	d.early = nil
	if !d.started {
		d.started = true
		d.session.Start()
	}
	post, closeCh, err := d.b.OpenChannel(func(c annotations.Change) {
		ctx.Dispatch(func(app.Context) { d.session.Remote(c) })
	})
	if err != nil {
		// Without a channel the tabs do not sync live; each still sees the
		// others' changes on reload.
		d.b.Log("clausemark: no live sync between tabs:", err)
		return
	}
	d.closeCh = closeCh
	d.announcer = post
}

// statusChanged publishes the new save status, and marks (for the
// benchmarks) when the saved annotations are first painted.
func (d *openDoc) statusChanged(st annotations.Status) {
	d.markLoaded()
	if d.session.Loaded() {
		waiting := d.onLoaded
		d.onLoaded = nil
		for _, f := range waiting {
			f()
		}
	}
	d.restorePending()
	if d.pending {
		// A change's publish is due in a moment, and shows this status
		// too: publishing now would render the page's panels before the
		// browser paints the change's highlight (a key press's latency).
		return
	}
	d.publishSoon(0)
}

// markLoaded sets the User Timing mark of the saved annotations painted,
// once, when the page is live and they are loaded.
func (d *openDoc) markLoaded() {
	if d.marked || !d.paint.live || !d.session.Loaded() {
		return
	}
	d.marked = true
	d.markPainted()
}

// announce tells the other tabs what the session saved.
func (d *openDoc) announce(c annotations.Change) error {
	if d.announcer == nil {
		return nil
	}
	return d.announcer(c)
}

// changed paints a change of the set and publishes the view soon.
func (d *openDoc) changed(e annotations.Event) {
	d.paint.event(e)
	d.countsSoon()
	d.keepSoon()
	delay := uiAfterChange
	if e.All {
		delay = 0
	}
	d.publishSoon(delay)
}

// uiAfterChange is how long after a change of one annotation the rest of
// the interface (panel, counts, status) renders: the highlight is painted
// in place at once, and the browser paints it before the rest.
const uiAfterChange = 40 * time.Millisecond

// publishSoon publishes the docView after delay, once for all the changes
// made meanwhile.
func (d *openDoc) publishSoon(delay time.Duration) {
	if !d.running || d.publish == nil {
		return
	}
	if delay == 0 {
		d.publish(d.ctx)
		return
	}
	if d.pending {
		return
	}
	d.pending = true
	d.ctx.After(delay, func(ctx app.Context) {
		d.pending = false
		d.publish(ctx)
	})
}

// conflict tells the delegate that another tab changed the same field.
func (d *openDoc) conflict(c annotations.EditConflict) {
	if !d.running {
		return
	}
	label := d.adoc.Label(c.Clause)
	msg := ""
	switch c.Field {
	case "note":
		msg = "The note on " + label + " was also changed in another tab: both versions are kept in the note."
	case "tag":
		msg = "The tag on " + label + " was also changed in another tab (to " + tagNames[annotations.Tag(c.Theirs)] + "): yours, " + tagNames[annotations.Tag(c.Mine)] + ", is kept."
	default:
		return
	}
	showNotice(d.ctx, msg, "")
}

// view is the docView of the document now. While its summary in the
// library is being brought up to date, its changes are still saving.
func (d *openDoc) view() docView {
	st := d.session.Status()
	if d.counting && st.State == annotations.Saved {
		st.State = annotations.Saving
	}
	return docView{Doc: d, Status: st, Counts: d.session.Set().Counts()}
}

// set is the document's annotations (read only).
func (d *openDoc) set() *annotations.Set { return d.session.Set() }

// clauseText is the plain text of a clause ("" if there is none).
func (d *openDoc) clauseText(id string) string {
	c, _ := d.adoc.Clause(id)
	return c.Text
}

// quoteOf is the text of [start, end) of a clause.
func (d *openDoc) quoteOf(clause string, start, end int) string {
	r := []rune(d.clauseText(clause))
	if start < 0 || end > len(r) || start >= end {
		return ""
	}
	return string(r[start:end])
}

// pendingKey is where a page that closes with changes not yet saved keeps
// them (local storage, which is written at once), for the next visit.
func pendingKey(id string) string { return "clausemark.pending." + id }

// pendingChanges are the changes of a document a page had not saved.
type pendingChanges struct {
	Put     []annotations.Annotation `json:"put"`
	Deleted []string                 `json:"deleted"`
}

// keepPending keeps the changes not yet saved where the next visit finds
// them (the page is closing), and reports whether there were any.
func (d *openDoc) keepPending(ctx app.Context) bool {
	put, deleted := d.session.Pending()
	if len(put)+len(deleted) == 0 {
		return false
	}
	if err := ctx.LocalStorage().Set(pendingKey(d.id), pendingChanges{Put: put, Deleted: deleted}); err != nil {
		d.b.Log("clausemark: keeping unsaved changes for the next visit:", err)
	}
	return true
}

// restorePending takes back, once the saved annotations are loaded, the
// changes the last page had not saved when it closed.
func (d *openDoc) restorePending() {
	if d.restored || !d.running || !d.session.Loaded() {
		return
	}
	d.restored = true
	var p pendingChanges
	if err := d.ctx.LocalStorage().Get(pendingKey(d.id), &p); err != nil {
		d.b.Log("clausemark: reading the changes kept from the last visit:", err)
		return
	}
	if len(p.Put)+len(p.Deleted) == 0 {
		return
	}
	d.session.Restore(p.Put, p.Deleted)
	d.ctx.LocalStorage().Del(pendingKey(d.id))
}

// close stops the document: its session writes nothing more and the other
// tabs are no longer listened to. (Its text was replaced.)
func (d *openDoc) close() {
	d.session.Close()
	d.paint.live = false
	if d.closeCh != nil {
		d.closeCh()
		d.closeCh = nil
	}
}

// countsAfter is how long after the last change of its annotations a
// document's summary in the library is brought up to date.
const countsAfter = 200 * time.Millisecond

// countsSoon brings the document's summary in the library (counts per
// tag, last annotated) up to date, once the changes settle. Until it is
// written the save status says Saving: "All changes saved" covers the
// library's counts too.
func (d *openDoc) countsSoon() {
	if !d.running || d.counting || !d.session.Loaded() {
		return
	}
	d.counting = true
	d.ctx.After(countsAfter, func(ctx app.Context) {
		set := d.set()
		c := set.Counts()
		var last time.Time
		set.Each(func(a annotations.Annotation) bool {
			if a.Modified.After(last) {
				last = a.Modified
			}
			return true
		})
		d.updateLibrary(ctx, func(doc *library.Document, sum *library.Summary) {
			sum.Counts, sum.LastAnnotated = c, last.UTC()
			if last.IsZero() {
				sum.LastAnnotated = time.Time{}
			}
		}, func() {
			d.counting = false
			if set.Counts() != c {
				d.countsSoon() // it changed again meanwhile
			}
			d.publishSoon(0)
		})
	})
}

// touch records in the library that the document was opened now.
func (d *openDoc) touch(ctx app.Context) {
	now := time.Now()
	d.updateLibrary(ctx, func(doc *library.Document, sum *library.Summary) { doc.Touch(now, doc.Place) }, nil)
}

// updateLibrary changes the document's record and summary in the library,
// off the UI goroutine. A document that is not in the library (no storage,
// or removed meanwhile) is left alone.
func (d *openDoc) updateLibrary(ctx app.Context, change func(*library.Document, *library.Summary), done func()) {
	ws, id := d.ws, d.id
	ctx.Async(func() {
		if done != nil {
			defer ctx.Dispatch(func(app.Context) { done() })
		}
		st, err := ws.store()
		if err != nil {
			return
		}
		_, _, err = st.UpdateDocument(id, func(doc *library.Document, sum *library.Summary) error {
			change(doc, sum)
			return nil
		})
		if err != nil && !errors.Is(err, library.ErrNotFound) {
			ws.b.Log("clausemark: updating the library:", err)
		}
	})
}

// whenLoaded runs f once the saved annotations are loaded (now, if they
// are), on the UI goroutine.
func (d *openDoc) whenLoaded(f func()) {
	if d.session.Loaded() {
		f()
		return
	}
	d.onLoaded = append(d.onLoaded, f)
}
