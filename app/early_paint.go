package app

import "time"

// The saved highlights of the default document, painted into the page the
// server sent, before go-app starts. On a load without a kept copy of the
// page (the first visit of this version of the app, a cleared cache),
// go-app's start and its first render of the page take longer than
// reading the annotations: the delegate would see the server's page
// without its highlights all that time. Preload therefore paints them into
// that page with the in-place painter as soon as they are read, lets the
// browser paint, and marks them painted then. go-app's first render then
// replaces the document with its own, which shows the same highlights.

// paintEarly paints the document's saved annotations into the page the
// server sent, when that page shows this text, and waits for the browser
// to paint it. It runs in Preload, before go-app starts.
func (d *openDoc) paintEarly() {
	ws := d.ws
	if !isInteractive(ws) || d.marked || !d.session.Loaded() || d.doc != ws.served {
		return // nothing read yet, or not the text the server renders (a newer version from the library)
	}
	if ws.keptOnPage() != "" || ws.hasKept() {
		return // a kept copy shows the highlights already (kept_page.go)
	}
	if symbol, ok := ws.b.FindPrerendered(keptElement+" .cm-doc", "data-symbol"); !ok || symbol != d.doc.Symbol {
		return // the page is not this document's (the worker's app shell, offline)
	}
	if d.session.Set().Len() > 0 {
		d.paint.live = true
		ok := d.paint.paintAll()
		d.paint.live = false // until a page shows the document (start)
		if !ok {
			return // logged; the app's own page paints them, and marks them then
		}
	}
	d.marked = true
	d.markPainted()
	// Let the browser paint before go-app's start holds the page; a tab
	// in the background does not paint, and must not wait for it.
	painted := make(chan struct{})
	ws.b.AfterPaint(func() { close(painted) })
	select {
	case <-painted:
	case <-time.After(earlyPaintWait):
	}
}

// earlyPaintWait is at most how long the app's start waits for the
// browser to paint the early highlights.
const earlyPaintWait = 250 * time.Millisecond
