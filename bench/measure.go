//go:build !js

package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/internal/chromium"
)

// page is what the harness knows of a page it measures: ours, or a peer's.
type page struct {
	// loadedMark is the performance mark the page sets once every saved
	// highlight is painted; tagMark, once the highlight a key press added
	// is painted.
	loadedMark, tagMark string
	// loadJS reads the timings of a load as the JSON of a Load.
	loadJS string
	// focus is the CSS selector of the element of a clause that takes the
	// key press.
	focus func(clause string) string
	// ready waits, after loadedMark, until the page answers keys (nil: it
	// does once the mark is set).
	ready func(ctx context.Context, timeout time.Duration) error
	// settled is a JavaScript condition to wait for after each key press
	// ("" none).
	settled string
	// failJS is a JavaScript expression that gives the page's own error,
	// if it has one ("" none).
	failJS string
	// state describes the page for an error message.
	state func(ctx context.Context) string
}

// ours is Clausemark's page.
var ours = page{
	loadedMark: "cm-annotations-painted",
	tagMark:    "cm-tag-painted",
	loadJS:     jsLoad,
	focus:      func(clause string) string { return `[data-clause="` + clause + `"] .cm-label` },
	ready:      chromium.WaitAppReady,
	settled:    `document.querySelector('.cm-save-saved') !== null`,
	state:      appState,
}

// jsStoredCount counts the annotations in IndexedDB.
const jsStoredCount = `new Promise((resolve, reject) => {
	const req = indexedDB.open('clausemark');
	req.onerror = () => reject(req.error);
	req.onsuccess = () => {
		const db = req.result;
		if (!db.objectStoreNames.contains('annotations')) { db.close(); resolve(0); return; }
		const c = db.transaction('annotations').objectStore('annotations').count();
		c.onsuccess = () => { db.close(); resolve(c.result); };
		c.onerror = () => { db.close(); reject(c.error); };
	};
})`

// importFile imports a native file of n annotations through the app: the
// hidden file input, the preview dialog, its Import button; then waits
// until IndexedDB holds them all and the app says everything is saved.
func importFile(ctx context.Context, path string, n int) error {
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("cm-import-file"), []string{path})); err != nil {
		return fmt.Errorf("choosing the file: %w", err)
	}
	// The dialog opens at once and reads the file in slices, showing its
	// progress; the preview's rows come once it is read.
	if err := chromium.Poll(ctx, "the import preview", `document.querySelector('#cm-import-dialog [data-row="Added"] .cm-num-cell') !== null`, 5*time.Minute); err != nil {
		return err
	}
	added, err := chromium.Eval[string](ctx, `(document.querySelector('#cm-import-dialog [data-row="Added"] .cm-num-cell') || {}).textContent || ''`)
	if err != nil {
		return err
	}
	if added != strconv.Itoa(n) {
		msg, _ := chromium.Eval[string](ctx, `document.querySelector('#cm-import-dialog').textContent`)
		return fmt.Errorf("the import preview adds %q annotations, want %d: %.300s", added, n, msg)
	}
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	err = chromedp.Do(cctx, chromedp.Click(chromedp.CSS("#cm-import-dialog .cm-primary"), chromedp.NodeVisible))
	cancel()
	if err != nil {
		// The click may have gone through all the same (the dialog closes).
		if closed, _ := chromium.Eval[bool](ctx, `document.querySelector('#cm-import-dialog') === null`); !closed {
			return fmt.Errorf("clicking Import: %w; the page: %s", err, appState(ctx))
		}
	}
	return chromium.Poll(ctx, fmt.Sprintf("%d annotations saved", n),
		`(async () => (await `+jsStoredCount+`) === `+strconv.Itoa(n)+` && document.querySelector('.cm-save-saved') !== null && document.querySelector('#cm-import-dialog') === null)()`,
		10*time.Minute)
}

// clearCaches empties the HTTP cache and removes the service worker and its
// Cache Storage, keeping IndexedDB, then leaves the page (about:blank).
//
// It clears up to three times: a worker still at work when the first clear
// comes (one run in a full bench, 50x1000 on 30 November) can leave a
// registration or a cache behind, and then nothing removes it.
func clearCaches(ctx context.Context, origin string) error {
	const gone = `(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0)()`
	var err error
	for range 3 {
		if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{
			Origin: origin, StorageTypes: "cache_storage,service_workers",
		}); err != nil {
			return err
		}
		if err = chromium.Poll(ctx, "the worker and caches to be gone", gone, 10*time.Second); err == nil {
			return chromedp.Do(ctx, chromedp.Navigate("about:blank"))
		}
		if ctx.Err() != nil {
			return err
		}
	}
	left, _ := chromium.Eval[string](ctx, `(async () => JSON.stringify({workers: (await navigator.serviceWorker.getRegistrations()).length, caches: await caches.keys()}))()`)
	return fmt.Errorf("%w, three times; left: %s", err, left)
}

// collectBytes sums Network.loadingFinished's encodedDataLength (headers
// and body as received) of the page's requests until ctx ends.
func collectBytes(ctx context.Context) <-chan int64 {
	events := chromedp.Events(ctx, network.LoadingFinished)
	out := make(chan int64, 1)
	go func() {
		var sum float64
		for ev, err := range events {
			if err != nil {
				break
			}
			sum += ev.EncodedDataLength
		}
		out <- int64(sum)
	}()
	return out
}

// jsLoad reads the timings of the page load (ms since navigation start).
const jsLoad = `(() => {
	const paint = {};
	for (const e of performance.getEntriesByType('paint')) paint[e.name] = e.startTime;
	const mark = n => { const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : -1; };
	const nav = performance.getEntriesByType('navigation')[0] || {};
	const res = performance.getEntriesByType('resource');
	const end = path => { const e = res.find(r => new URL(r.name).pathname === path); return e ? e.responseEnd : -1; };
	const ids = new Set();
	for (const m of document.querySelectorAll('mark[data-annotation]')) ids.add(m.dataset.annotation);
	return JSON.stringify({
		first_paint_ms: paint['first-paint'] ?? -1,
		first_contentful_paint_ms: paint['first-contentful-paint'] ?? -1,
		all_painted_ms: mark('cm-annotations-painted'),
		html_received_ms: nav.responseEnd ?? -1,
		dom_content_loaded_ms: nav.domContentLoadedEventEnd ?? -1,
		load_event_ms: nav.loadEventEnd ?? -1,
		wasm_received_ms: end('/web/app.wasm'),
		document_received_ms: end('/document.txt'),
		highlights: ids.size,
	});
})()`

// appState describes the app's page for an error message: where it is,
// whether the app started, its marks, the save state.
func appState(ctx context.Context) string {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := chromium.Eval[string](sctx, `JSON.stringify({
		url: location.href,
		ready: !!document.querySelector('.cm-app[data-ready]'),
		loader: (document.getElementById('app-wasm-loader-label') || {}).innerText || null,
		marks: performance.getEntriesByType('mark').map(m => m.name + '@' + Math.round(m.startTime)),
		save: (document.querySelector('.cm-save') || {}).textContent || null,
		banner: (document.querySelector('.cm-banner') || {}).textContent || null,
		worker: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
		highlights: document.querySelectorAll('mark[data-start]').length,
	})`)
	if err != nil {
		return "unreadable: " + err.Error()
	}
	return s
}

// measureLoad waits for the page that is loading to paint its saved
// annotations (p.loadedMark), then reads its timings; n is how many
// annotations it must show.
func measureLoad(ctx context.Context, p page, n int, timeout time.Duration) (*Load, error) {
	cond := `performance.getEntriesByName('` + p.loadedMark + `', 'mark').length > 0`
	if p.failJS != "" {
		cond += ` || !!(` + p.failJS + `)`
	}
	if err := chromium.Poll(ctx, "the saved annotations to be painted ("+p.loadedMark+")", cond, timeout); err != nil {
		return nil, fmt.Errorf("%w; the page: %s", err, p.state(ctx))
	}
	if p.failJS != "" {
		msg, err := chromium.Eval[string](ctx, `String(`+p.failJS+` || '')`)
		if err != nil {
			return nil, err
		}
		if msg != "" {
			return nil, fmt.Errorf("the page failed: %s", msg)
		}
	}
	if p.ready != nil {
		if err := p.ready(ctx, time.Minute); err != nil {
			return nil, err
		}
	}
	raw, err := chromium.Eval[string](ctx, p.loadJS)
	if err != nil {
		return nil, err
	}
	var l Load
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return nil, err
	}
	for _, f := range []*float64{&l.FirstPaint, &l.FirstContentfulPaint, &l.AllPainted, &l.HTMLReceived,
		&l.DOMContentLoaded, &l.LoadEvent, &l.WasmReceived, &l.DocumentReceived} {
		*f = round(*f, 1)
	}
	if l.Highlights != n {
		return &l, fmt.Errorf("%d highlights on the page, want %d", l.Highlights, n)
	}
	return &l, nil
}

// measureMemory reads the page's JavaScript heap (after a forced garbage
// collection) and the size of its WebAssembly memories (the Go heap and
// stacks live there), found with Runtime.queryObjects.
func measureMemory(ctx context.Context) (*Memory, error) {
	before, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return nil, err
	}
	after, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	const group = "clausemark-bench"
	defer chromedp.Call(ctx, cdpruntime.ReleaseObjectGroup, cdpruntime.ReleaseObjectGroupParams{ObjectGroup: group})
	proto, err := chromedp.Run(ctx, chromedp.Evaluate[*cdpruntime.RemoteObject](`WebAssembly.Memory.prototype`,
		func(p *cdpruntime.EvaluateParams) { p.ObjectGroup = group }))
	if err != nil {
		return nil, err
	}
	objs, err := chromedp.Call(ctx, cdpruntime.QueryObjects, cdpruntime.QueryObjectsParams{PrototypeObjectID: proto.ObjectID, ObjectGroup: group})
	if err != nil {
		return nil, err
	}
	if objs.Objects == nil {
		return nil, errors.New("Runtime.queryObjects returned nothing")
	}
	sum, err := chromedp.Call(ctx, cdpruntime.CallFunctionOn, cdpruntime.CallFunctionOnParams{
		FunctionDeclaration: `function() { return JSON.stringify({n: this.length, bytes: this.reduce((s, m) => s + m.buffer.byteLength, 0)}); }`,
		ObjectID:            objs.Objects.ObjectID,
		ReturnByValue:       new(true),
	})
	if err != nil {
		return nil, err
	}
	if sum.ExceptionDetails != nil {
		return nil, fmt.Errorf("summing the wasm memories: %s", sum.ExceptionDetails.Text)
	}
	var s string
	if err := json.Unmarshal([]byte(sum.Result.Value), &s); err != nil {
		return nil, err
	}
	var w struct {
		N     int     `json:"n"`
		Bytes float64 `json:"bytes"`
	}
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		return nil, err
	}
	const mb = 1 << 20
	m := &Memory{
		JSHeapUsedMB:         round(after.UsedSize/mb, 2),
		JSHeapUsedBeforeGCMB: round(before.UsedSize/mb, 2),
		JSHeapTotalMB:        round(after.TotalSize/mb, 2),
		WasmMB:               round(w.Bytes/mb, 2),
		WasmMemories:         w.N,
	}
	m.TotalMB = round(m.JSHeapUsedMB+m.WasmMB, 2)
	return m, nil
}

// keyPresses measures, for each target clause, the time from the key-down
// of "2" (tag as a request, or add an annotation over the clause) on the
// element p.focus gives to the paint of the new highlight (the mark
// p.tagMark).
func keyPresses(ctx context.Context, p page, targets []string) ([]float64, error) {
	if _, err := chromium.Eval[bool](ctx, `(() => {
		if (!window.__cmBench) {
			window.__cmBench = true;
			document.addEventListener('keydown', e => { window.__kd = e.timeStamp; }, true);
		}
		return true;
	})()`); err != nil {
		return nil, err
	}
	marks := `performance.getEntriesByName('` + p.tagMark + `', 'mark')`
	var out []float64
	for i, clause := range targets {
		before, err := chromium.Eval[int](ctx, marks+`.length`)
		if err != nil {
			return out, err
		}
		ok, err := chromium.Eval[bool](ctx, `(() => {
			const b = document.querySelector(`+strconv.Quote(p.focus(clause))+`);
			if (!b) return false;
			b.focus();
			window.__kd = -1;
			return document.activeElement === b;
		})()`)
		if err != nil {
			return out, err
		}
		if !ok {
			return out, fmt.Errorf("sample %d: cannot focus %s", i+1, p.focus(clause))
		}
		// Let the focus scroll and paint before the key, then wait a part of
		// a frame that changes from sample to sample: a delegate's key
		// lands anywhere between two frames, and a key always pressed just
		// after one would measure a whole frame of waiting every time.
		if _, err := chromium.Eval[bool](ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`); err != nil {
			return out, err
		}
		time.Sleep(time.Duration(i*7%17) * time.Millisecond)
		if err := chromedp.Do(ctx, chromedp.KeyEvent("2")); err != nil {
			return out, err
		}
		if err := chromium.Poll(ctx, fmt.Sprintf("the highlight of key press %d (%s)", i+1, clause),
			marks+`.length > `+strconv.Itoa(before), 30*time.Second); err != nil {
			return out, err
		}
		lat, err := chromium.Eval[float64](ctx, `(() => {
			const m = `+marks+`;
			return window.__kd < 0 ? -1 : m[m.length - 1].startTime - window.__kd;
		})()`)
		if err != nil {
			return out, err
		}
		if lat < 0 {
			return out, fmt.Errorf("sample %d: no keydown seen", i+1)
		}
		out = append(out, round(lat, 2))
		if p.settled != "" {
			// Let the page finish (the app: its save) so that samples do
			// not overlap.
			_ = chromium.Poll(ctx, "the page to settle", p.settled, 10*time.Second)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return out, nil
}
