package e2e

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
)

// requestLog counts, per path, the requests a server answered and the
// bytes of the bodies it sent.
type requestLog struct {
	mu   sync.Mutex
	seen map[string]*pathLog
}

type pathLog struct {
	requests, bodies int      // requests; responses that sent a body
	statuses         []int    // in order
	encodings        []string // Content-Encoding of each response
	bytes            int      // body bytes sent, as sent (compressed)
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		l.mu.Lock()
		defer l.mu.Unlock()
		p := l.seen[r.URL.Path]
		if p == nil {
			p = &pathLog{}
			l.seen[r.URL.Path] = p
		}
		p.requests++
		if cw.status == 0 {
			cw.status = http.StatusOK
		}
		p.statuses = append(p.statuses, cw.status)
		p.encodings = append(p.encodings, w.Header().Get("Content-Encoding"))
		if cw.n > 0 {
			p.bodies++
			p.bytes += cw.n
		}
	})
}

// table is the log, one line per path, sorted.
func (l *requestLog) table() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var paths []string
	for p := range l.seen {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	for _, p := range paths {
		s := l.seen[p]
		fmt.Fprintf(&b, "  %-36s %d request(s), statuses %v, encodings %q, %d bytes\n", p, s.requests, s.statuses, s.encodings, s.bytes)
	}
	return b.String()
}

type countingWriter struct {
	http.ResponseWriter
	status int
	n      int
}

func (c *countingWriter) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
	c.ResponseWriter.WriteHeader(status)
}

func (c *countingWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	n, err := c.ResponseWriter.Write(b)
	c.n += n
	return n, err
}

// TestAColdLoadFetchesEachResourceOnce loads the app in a fresh profile,
// waits until the service worker's cache holds the app, and counts what the
// server answered: every path once, the worker's install included (its
// fetches are not seen by the page's network domain, so the server counts
// them). The cache holds whole files, and the page reloads from it with no
// server.
func TestAColdLoadFetchesEachResourceOnce(t *testing.T) {
	seed, _ := resolution.Parse(resolution.Seed())
	h, err := server.New(server.Options{WebDir: webDir, Version: "e2e", Title: cmapp.PageTitle(seed)})
	if err != nil {
		t.Fatal(err)
	}
	log := &requestLog{seen: map[string]*pathLog{}}
	srv, err := chromium.Serve(log.wrap(h))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)

	b := newBrowser(t)
	open(t, b.ctx, srv.URL+"/")
	waitOfflineReady(t, b.ctx)
	// Every file the worker caches is in the cache: the install is over.
	cached := eval[[]string](t, b.ctx, `(async () => {
		const out = [];
		for (const k of await caches.keys()) {
			for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname);
		}
		return out.sort();
	})()`)
	t.Logf("cold load, what the server answered:\n%s", log.table())
	t.Logf("the worker's cache: %q", cached)

	log.mu.Lock()
	for path, s := range log.seen {
		if s.requests != 1 {
			t.Errorf("%s was requested %d times (statuses %v), want once", path, s.requests, s.statuses)
		}
	}
	for _, p := range []string{"/", "/app.js", "/wasm_exec.js", "/app.css", "/web/app.wasm", "/web/clausemark.css", "/app-worker.js"} {
		if s := log.seen[p]; s == nil || s.bodies != 1 {
			t.Errorf("%s: want one response with a body, got %+v", p, s)
		}
	}
	log.mu.Unlock()
	if len(cached) < 10 {
		t.Errorf("the worker's cache holds %d files, want the app: %q", len(cached), cached)
	}

	// What the worker took from the HTTP cache is whole: app.wasm as
	// large as the file, the page with its document.
	wasm, err := os.Stat(filepath.Join(webDir, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if n := eval[float64](t, b.ctx, `caches.match("/web/app.wasm").then(r => r.arrayBuffer()).then(b => b.byteLength)`); int64(n) != wasm.Size() {
		t.Errorf("the cached app.wasm has %v bytes, want %d", n, wasm.Size())
	}
	if !eval[bool](t, b.ctx, `caches.match("/").then(r => r.text()).then(s => s.includes('data-symbol="A/HRC/RES/53/11"'))`) {
		t.Error("the cached page does not hold the document")
	}

	// And the app loads from it with no server: the document's page (a new
	// delegate's "/" went on to the library).
	srv.Stop()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/d/A-HRC-RES-53-11")); err != nil {
		t.Fatalf("loading the document's page with the server stopped: %v", err)
	}
	waitReady(t, b.ctx)
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('[data-clause]').length`); n != 70 {
		t.Errorf("after an offline reload: got %v clauses, want 70", n)
	}
}

// swapHandler serves with one handler, then another (a new version of the
// server on the same address).
type swapHandler struct{ h atomic.Pointer[http.Handler] }

func (s *swapHandler) set(h http.Handler) { s.h.Store(&h) }
func (s *swapHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.h.Load()).ServeHTTP(w, r)
}

// TestAnUpdateCachesTheNewVersionNotWhatTheHTTPCacheHeld: the worker's
// install takes what the page loaded from the HTTP cache only when it is
// of the worker's own version. After an update the HTTP cache still holds
// the first version's files; the new worker must fetch the new ones.
func TestAnUpdateCachesTheNewVersionNotWhatTheHTTPCacheHeld(t *testing.T) {
	seed, _ := resolution.Parse(resolution.Seed())
	newServer := func(version string) http.Handler {
		h, err := server.New(server.Options{WebDir: webDir, Version: version, Title: cmapp.PageTitle(seed)})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	sw := &swapHandler{}
	sw.set(newServer("e2e-1"))
	srv, err := chromium.Serve(sw)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)

	b := newBrowser(t)
	open(t, b.ctx, srv.URL+"/")
	waitOfflineReady(t, b.ctx)

	sw.set(newServer("e2e-2"))
	if err := chromedp.Do(b.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitReady(t, b.ctx)
	poll(t, b.ctx, `caches.keys().then(k => k.length === 1 && k[0] === "app-e2e-2")`)
	versions := eval[map[string]string](t, b.ctx, `(async () => {
		const c = await caches.open("app-e2e-2");
		const out = {};
		for (const req of await c.keys()) {
			out[new URL(req.url).pathname] = (await c.match(req)).headers.get("`+server.VersionHeader+`");
		}
		return out;
	})()`)
	if len(versions) < 10 {
		t.Fatalf("the new cache holds %d files: %v", len(versions), versions)
	}
	for path, v := range versions {
		if v != "e2e-2" {
			t.Errorf("the new worker cached %s of version %q, want e2e-2", path, v)
		}
	}
}

// slowWasm sends app.wasm in small pieces, a few milliseconds apart, as a
// slow network would.
type slowWasm struct{ h http.Handler }

func (s slowWasm) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/web/app.wasm" {
		s.h.ServeHTTP(w, r)
		return
	}
	s.h.ServeHTTP(&trickle{ResponseWriter: w}, r)
}

type trickle struct{ http.ResponseWriter }

func (t *trickle) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		k := min(len(b), 64<<10)
		m, err := t.ResponseWriter.Write(b[:k])
		n += m
		if err != nil {
			return n, err
		}
		http.NewResponseController(t.ResponseWriter).Flush()
		time.Sleep(15 * time.Millisecond)
		b = b[k:]
	}
	return n, nil
}

// TestTheLoaderShowsTheProgressOfTheStreamedWasm: app.wasm goes to
// WebAssembly.instantiateStreaming as fetched, and a copy of it is read
// for the loader's percentage, which climbs from 0.
func TestTheLoaderShowsTheProgressOfTheStreamedWasm(t *testing.T) {
	seed, _ := resolution.Parse(resolution.Seed())
	h, err := server.New(server.Options{WebDir: webDir, Version: "e2e", Title: cmapp.PageTitle(seed)})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := chromium.Serve(slowWasm{h})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	b := newBrowser(t)
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__labels = [];
		new MutationObserver(() => {
			const l = document.getElementById('app-wasm-loader-label');
			const text = l && l.textContent;
			if (text && window.__labels[window.__labels.length - 1] !== text) window.__labels.push(text);
		}).observe(document, {subtree: true, childList: true, characterData: true});`,
	}); err != nil {
		t.Fatal(err)
	}
	open(t, b.ctx, srv.URL+"/")
	labels := eval[[]string](t, b.ctx, `window.__labels`)
	var pcts []int
	for _, l := range labels {
		var p int
		if _, err := fmt.Sscanf(l[strings.LastIndex(l, " ")+1:], "%d%%", &p); err != nil {
			t.Fatalf("a label without a percentage: %q (all: %q)", l, labels)
		}
		pcts = append(pcts, p)
	}
	// The copy read for the percentage may trail the compiler's reading:
	// the loader can go once the module is ready, before the last step.
	if len(pcts) < 4 || pcts[0] != 0 || pcts[len(pcts)-1] < 90 {
		t.Fatalf("the loader showed %q: want the percentage climbing from 0 to 90 or more", labels)
	}
	for i := 1; i < len(pcts); i++ {
		if pcts[i] < pcts[i-1] {
			t.Errorf("the percentage went down: %v", pcts)
		}
	}
	t.Logf("the loader showed %v", pcts)
	if got := eval[string](t, b.ctx, `performance.getEntriesByName(location.origin + "/web/app.wasm")[0].initiatorType`); got != "fetch" {
		t.Errorf("app.wasm was loaded by %q, want fetch", got)
	}
}
