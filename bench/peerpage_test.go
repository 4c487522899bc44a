//go:build !js

package bench

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/internal/chromium"
)

// The bare-DOM peer in real Chromium: a whole peer run, then its check
// against a page whose highlight is changed behind its back.
func TestTheBarePeerShowsEveryAnnotationAndAddsOneByKey(t *testing.T) {
	path, err := chromium.Path()
	if err != nil {
		t.Fatal(err)
	}
	text := Resolution(1)
	doc := parse(t, text)
	const n = 200
	data, err := peerData(doc, Annotations(text, n, 5))
	if err != nil {
		t.Fatal(err)
	}
	site := preparePeer(peerSpecs[peerBare], filepath.Join(t.TempDir(), "none"), "package.json")
	if site.missing != "" {
		t.Fatal(site.missing)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := &runner{cfg: Config{LoadTimeout: time.Minute}, chromium: path, logf: t.Logf}
	targets := keyTargets(doc, 3)
	run := r.peer(ctx, site, data, n, targets)
	if run.Error != "" {
		t.Fatalf("the run failed at %s: %s", run.Step, run.Error)
	}
	for name, l := range map[string]*Load{"cold": run.Cold, "warm": run.Warm} {
		if l == nil || l.AllPainted <= 0 || l.Highlights != n || l.FirstContentfulPaint <= 0 || l.AllPainted < l.HTMLReceived {
			t.Errorf("%s load %+v", name, l)
		}
	}
	if len(run.Keypress) != 3 || run.KeypressMedian <= 0 || run.Memory == nil || run.Memory.JSHeapUsedMB <= 0 {
		t.Errorf("key presses %v (median %v), memory %+v", run.Keypress, run.KeypressMedian, run.Memory)
	}
	if len(run.Console) != 0 {
		t.Errorf("console: %q", run.Console)
	}

	// The page's own check sees a highlight that shows the wrong text.
	srv, err := chromium.Serve(site.handler(data, time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	s, err := r.newSession(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	if err := chromedp.Do(s.tab, chromedp.Navigate(srv.URL+"/bare/")); err != nil {
		t.Fatal(err)
	}
	if _, err := measureLoad(s.tab, peerPage, n, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := checkPeer(s.tab); err != nil {
		t.Fatalf("before the change: %v", err)
	}
	if _, err := chromium.Eval[bool](s.tab, `(() => { document.querySelector('mark[data-annotations]').textContent += 'x'; return true; })()`); err != nil {
		t.Fatal(err)
	}
	if err := checkPeer(s.tab); err == nil || !strings.Contains(err.Error(), "shows wrong highlights") {
		t.Errorf("after the change: %v", err)
	}
	if _, err := measureLoad(s.tab, peerPage, n+1, time.Second); err == nil || !strings.Contains(err.Error(), "200 highlights on the page, want 201") {
		t.Errorf("a page that shows fewer highlights: %v", err)
	}
}
