package chromium

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// page is served to the real Chromium below: it reports a console error,
// something the Go runtime would print when it panics, an uncaught
// exception, and a plain log, then sets a flag a little later.
const page = `<!doctype html><title>t</title><script>
console.error('something failed');
console.log('panic: runtime error: index out of range [3] with length 3');
console.log('a plain message');
setTimeout(() => { throw new Error('uncaught one'); }, 0);
setTimeout(() => { window.done = 42; }, 150);
</script>`

func TestChromiumReportsConsoleProblemsAndEvaluates(t *testing.T) {
	srv, err := Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page)
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tab, closeBrowser, err := Start(ctx, Options{ProfileDir: t.TempDir(), Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	defer closeBrowser()
	var mu sync.Mutex
	var died []string
	stop := WatchConsole(tab, WatchOptions{
		Expected: func(s string) bool { return strings.Contains(s, "uncaught one") },
		GoDied: func(s string) {
			mu.Lock()
			died = append(died, s)
			mu.Unlock()
		},
	})
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if err := Poll(tab, "the flag", `window.done === 42`, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	n, err := Eval[int](tab, `new Promise(r => setTimeout(() => r(window.done + 1), 10))`)
	if err != nil || n != 43 {
		t.Errorf("Eval awaited %d, %v; want 43", n, err)
	}
	time.Sleep(100 * time.Millisecond) // the last console events
	got := stop()
	want := []string{
		"error: something failed (" + srv.URL + "/:2)",
		"log: panic: runtime error: index out of range [3] with length 3 (" + srv.URL + "/:3)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%q\nwant\n%q", got, want)
	}
	mu.Lock()
	if len(died) != 1 || !strings.HasPrefix(died[0], "panic:") {
		t.Errorf("GoDied called with %q, want the panic once", died)
	}
	mu.Unlock()

	err = Poll(tab, "something that never comes", `false`, 200*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "waiting for something that never comes: timed out after 200ms") {
		t.Errorf("Poll: %v", err)
	}
	other, closeTab, err := NewTab(tab)
	if err != nil {
		t.Fatal(err)
	}
	defer closeTab()
	if v, err := Eval[string](other, `location.href`); err != nil || v != "about:blank" {
		t.Errorf("the new tab is at %q, %v", v, err)
	}
	cancel()
	if err := Poll(tab, "anything", `true`, time.Minute); err == nil {
		t.Error("Poll on a closed browser did not fail")
	}
}
