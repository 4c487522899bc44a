// Package e2e holds the end-to-end tests of Clausemark: the real server,
// started in process, and real headless Chromium driven by chromedp.
//
// Every browser tab a test opens is watched: a console error, an uncaught
// exception or a Go panic in the wasm fails the test.
package e2e

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	cmapp "github.com/clausemark/clausemark/app"
	cmbrowser "github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
)

// webDir is the project's web/ directory, where make build puts app.wasm
// (E2E_WEB_DIR overrides it, to test another build).
var webDir = cmp.Or(os.Getenv("E2E_WEB_DIR"), "../web")

func TestMain(m *testing.M) {
	if _, err := os.Stat(filepath.Join(webDir, "app.wasm")); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: web/app.wasm is missing: run 'make build' (or 'make test', which builds it) first")
		os.Exit(1)
	}
	if _, err := chromium.Path(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	doc, _ := resolution.Parse(resolution.Seed())
	cmapp.Setup(doc, cmbrowser.None{})
	os.Exit(m.Run())
}

// testServer is the real Clausemark server, in process, on a free port.
// Doc is the URL of the page of the document it serves (/d/{id}): "/"
// takes a delegate who has read nothing yet to the library.
type testServer struct {
	*chromium.Server
	Doc string
}

// startServer starts the server; it stops at the end of the test.
func startServer(t testing.TB) *testServer {
	t.Helper()
	seed, _ := resolution.Parse(resolution.Seed())
	s := startServerWith(t, server.Options{Title: cmapp.PageTitle(seed)})
	s.Doc = s.URL + "/d/A-HRC-RES-53-11"
	return s
}

// startServerWithDocument starts the server on another resolution text
// (clausemark serve -doc).
func startServerWithDocument(t testing.TB, text string) *testServer {
	t.Helper()
	doc, _ := resolution.Parse([]byte(text))
	cmapp.Setup(doc, cmbrowser.None{})
	t.Cleanup(func() {
		seed, _ := resolution.Parse(resolution.Seed())
		cmapp.Setup(seed, cmbrowser.None{})
	})
	s := startServerWith(t, server.Options{Document: []byte(text), Title: cmapp.PageTitle(doc)})
	adoc, err := cmapp.AnnotationDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	s.Doc = s.URL + "/d/" + cmapp.DocumentID(adoc.Symbol)
	return s
}

func startServerWith(t testing.TB, o server.Options) *testServer {
	t.Helper()
	o.WebDir, o.Version = webDir, "e2e"
	h, err := server.New(o)
	if err != nil {
		t.Fatal(err)
	}
	s, err := chromium.Serve(h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return &testServer{Server: s}
}

// browser is a headless Chromium with a fresh profile.
type browser struct {
	t   testing.TB
	ctx context.Context // the first tab
	dir string          // profile directory

	mu      sync.Mutex
	allowed []string // console messages a test expects (see expectConsole)
}

// expectConsole tells the console watch that a message containing s is
// expected (a test that provokes an error on purpose) and not a failure.
func (b *browser) expectConsole(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.allowed = append(b.allowed, s)
}

func (b *browser) isExpected(text string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.allowed {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// newBrowser starts Chromium with a fresh profile in a temporary directory;
// it closes at the end of the test.
func newBrowser(t testing.TB) *browser {
	t.Helper()
	return newBrowserWithProfile(t, t.TempDir())
}

// newBrowserWithProfile starts Chromium on a given profile directory, to
// test what survives closing and reopening the browser.
func newBrowserWithProfile(t testing.TB, dir string) *browser {
	t.Helper()
	ctx, closeBrowser, err := chromium.Start(context.Background(), chromium.Options{ProfileDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, ctx: ctx, dir: dir}
	b.watchConsole(ctx)
	t.Cleanup(closeBrowser)
	return b
}

// newTab opens another tab in the same browser (same profile), watched
// like the first.
func (b *browser) newTab() context.Context {
	b.t.Helper()
	ctx, closeTab, err := chromium.NewTab(b.ctx)
	if err != nil {
		b.t.Fatal(err)
	}
	b.watchConsole(ctx)
	b.t.Cleanup(closeTab)
	return ctx
}

// watchConsole fails the test on any console error, uncaught exception or
// Go panic in the tab (see chromium.Problem), but those it expects.
func (b *browser) watchConsole(ctx context.Context) {
	t := b.t
	t.Helper()
	stop := chromium.WatchConsole(ctx, chromium.WatchOptions{Expected: b.isExpected})
	t.Cleanup(func() {
		for _, m := range stop() {
			t.Errorf("console: %s", m)
		}
	})
}

// open navigates a tab to a URL and waits until the app has started.
func open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	// A page that asks before it goes (unsaved changes) never loads the
	// next one: the test fails, it does not hang.
	nav, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(nav, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v (a page with unsaved changes asks before it goes: wait for them to be saved)", url, err)
	}
	waitReady(t, ctx)
}

// waitReady waits until the wasm has loaded and the app is mounted.
func waitReady(t testing.TB, ctx context.Context) {
	t.Helper()
	if err := chromium.WaitAppReady(ctx, 60*time.Second); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the tab, awaiting promises.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromium.Eval[T](ctx, js)
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// poll waits until a JavaScript expression (a promise is awaited) is
// truthy, at most 20 s.
func poll(t testing.TB, ctx context.Context, js string) {
	t.Helper()
	if err := chromium.Poll(ctx, js, js, 20*time.Second); err != nil {
		t.Fatal(err)
	}
}

// waitOfflineReady waits until the service worker controls the page and
// its cache holds the app, so that the app can load with no server.
func waitOfflineReady(t testing.TB, ctx context.Context) {
	t.Helper()
	if err := chromium.WaitCached(ctx, 20*time.Second, "/web/app.wasm", "/", "/app.js"); err != nil {
		t.Fatal(err)
	}
}
