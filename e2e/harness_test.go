// Package e2e holds the end-to-end tests of Clausemark: the real server,
// started in process, and real headless Chromium driven by chromedp.
//
// Every browser tab a test opens is watched: a console error, an uncaught
// exception or a Go panic in the wasm fails the test.
package e2e

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	cmapp "github.com/clausemark/clausemark/app"
	cmbrowser "github.com/clausemark/clausemark/browser"
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
	if _, err := chromiumPath(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	doc, _ := resolution.Parse(resolution.Seed())
	cmapp.Setup(doc, cmbrowser.None{})
	os.Exit(m.Run())
}

// chromiumPath finds Debian's Chromium.
func chromiumPath() (string, error) {
	for _, p := range []string{"/usr/lib/chromium/chromium", "/usr/bin/chromium"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("chromium is not installed: run 'make test-deps' (apt-get install chromium)")
}

// testServer is the real Clausemark server, in process, on a free port.
type testServer struct {
	URL  string
	srv  *http.Server
	ln   net.Listener
	once sync.Once
}

// startServer starts the server; it stops at the end of the test.
func startServer(t testing.TB) *testServer {
	t.Helper()
	seed, _ := resolution.Parse(resolution.Seed())
	return startServerWith(t, server.Options{Title: cmapp.PageTitle(seed)})
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
	return startServerWith(t, server.Options{Document: []byte(text), Title: cmapp.PageTitle(doc)})
}

func startServerWith(t testing.TB, o server.Options) *testServer {
	t.Helper()
	o.WebDir, o.Version = webDir, "e2e"
	h, err := server.New(o)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &testServer{URL: "http://" + ln.Addr().String(), srv: &http.Server{Handler: h}, ln: ln}
	go s.srv.Serve(ln)
	t.Cleanup(s.Stop)
	return s
}

// Stop stops the server: the port refuses connections from now on.
func (s *testServer) Stop() {
	s.once.Do(func() {
		s.srv.Close()
		s.ln.Close()
	})
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
	path, err := chromiumPath()
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &browser{t: t, ctx: ctx, dir: dir}
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("starting chromium: %v", err)
	}
	b.watchConsole(ctx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return b
}

// newTab opens another tab in the same browser (same profile), watched
// like the first.
func (b *browser) newTab() context.Context {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	if err := chromedp.Do(ctx); err != nil {
		b.t.Fatalf("opening a tab: %v", err)
	}
	b.watchConsole(ctx)
	b.t.Cleanup(func() { cancel() })
	return ctx
}

// watchConsole fails the test on any console error, uncaught exception or
// Go panic in the tab.
func (b *browser) watchConsole(ctx context.Context) {
	t := b.t
	t.Helper()
	wctx, stop := context.WithCancel(ctx)
	messages := chromedp.Console(wctx)
	var mu sync.Mutex
	var bad []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if problem(m) && !b.isExpected(m.Text) {
				mu.Lock()
				bad = append(bad, m.String()+at(m))
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		stop()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, m := range bad {
			t.Errorf("console: %s", m)
		}
	})
}

// problem reports whether a console message means something went wrong:
// an error, an exception, or what the Go runtime prints when it panics or
// exits.
func problem(m chromedp.ConsoleMessage) bool {
	switch m.Type {
	case chromedp.ConsoleError, chromedp.ConsoleException:
		return true
	}
	for _, s := range []string{"panic:", "fatal error:", "Go program has already exited", "exit code:"} {
		if strings.Contains(m.Text, s) {
			return true
		}
	}
	return false
}

func at(m chromedp.ConsoleMessage) string {
	if m.URL == "" {
		return ""
	}
	return fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
}

// open navigates a tab to a URL and waits until the app has started.
func open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	waitReady(t, ctx)
}

// waitReady waits until the wasm has loaded and the app is mounted.
func waitReady(t testing.TB, ctx context.Context) {
	t.Helper()
	err := pollErr(ctx, `!!document.querySelector('.cm-app[data-ready]') && !document.getElementById('app-wasm-loader')`, 60*time.Second)
	if err != nil {
		label, _ := chromedp.Run(ctx, chromedp.Evaluate[string](
			`(document.getElementById('app-wasm-loader-label') || {}).innerText || ''`))
		t.Fatalf("the app did not start: %v %s", err, label)
	}
}

// eval evaluates a JavaScript expression in the tab, awaiting promises.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// poll waits until a JavaScript expression (a promise is awaited) is
// truthy. chromedp.Poll cannot be used: it builds its predicate with
// new Function, which the app's Content-Security-Policy forbids.
func poll(t testing.TB, ctx context.Context, js string) {
	t.Helper()
	if err := pollErr(ctx, js, 20*time.Second); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}

func pollErr(ctx context.Context, js string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	expr := `(async () => !!(await (` + js + `)))()`
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		if time.Now().After(deadline) {
			if last != nil {
				return fmt.Errorf("timed out after %s (last error: %v)", timeout, last)
			}
			return fmt.Errorf("timed out after %s", timeout)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// waitOfflineReady waits until the service worker controls the page and
// its cache holds the app, so that the app can load with no server.
func waitOfflineReady(t testing.TB, ctx context.Context) {
	t.Helper()
	poll(t, ctx, `(async () => {
		if (!navigator.serviceWorker.controller) return false;
		const keys = await caches.keys();
		for (const k of keys) {
			const c = await caches.open(k);
			if (await c.match('/web/app.wasm') && await c.match('/') && await c.match('/app.js')) return true;
		}
		return false;
	})()`)
}
