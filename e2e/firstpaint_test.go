package e2e

import (
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	cmbrowser "github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/server"
)

// firstPaintProbe records, when the page is parsed (DOMContentLoaded:
// app.js has run, the wasm has not: it starts a frame later), what the
// page came with.
const firstPaintProbe = `document.addEventListener('DOMContentLoaded', () => {
	const app = document.querySelector('body > .cm-app');
	window.__firstPaint = {
		highlights: document.querySelectorAll('body > .cm-kept mark[data-start]').length,
		docs: document.querySelectorAll('.cm-doc').length,
		appEmpty: app !== null && app.childElementCount === 0,
		appHidden: app !== null && getComputedStyle(app).display === 'none',
		ready: document.querySelector('[data-ready]') !== null,
	};
})`

type firstPaint struct {
	Highlights, Docs    int
	AppEmpty, AppHidden bool
	Ready               bool
}

// tagTwo tags OP21 a request and the first words of PP3 a commitment,
// and waits until both are saved.
func tagTwo(t *testing.T, b *browser) {
	t.Helper()
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	selectWithRange(t, b.ctx, "pp3", 0, 14)
	press(t, b.ctx, "1")
	waitStored(t, b.ctx, 2)
}

// keptCopyJS resolves to the JSON the service worker keeps for the seed's
// page, or null.
const keptCopyJS = `caches.open('` + cmbrowser.KeptPagesCachePrefix + `e2e').then(c => c.match('/d/A-HRC-RES-53-11')).then(r => r ? r.json() : null)`

// waitKept waits until the kept copy of the page shows n highlights.
func waitKept(t *testing.T, b *browser, n int) {
	t.Helper()
	poll(t, b.ctx, keptCopyJS+fmt.Sprintf(`.then(p => p !== null && (p.html.match(/ data-start/g) || []).length === %d)`, n))
}

// reloadAndCheckFirstPaint reloads the page and checks that the page came
// with the copy showing n highlights before the wasm ran, that the app
// then replaced it with its own page (one document, n highlights), and
// whether the annotations were marked painted when the copy was.
func reloadAndCheckFirstPaint(t *testing.T, b *browser, n int, markedAtCopy bool) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitReady(t, b.ctx)
	poll(t, b.ctx, `performance.getEntriesByName('cm-annotations-painted').length > 0 && document.querySelector('body > .cm-kept') === null`)
	fp := eval[firstPaint](t, b.ctx, `window.__firstPaint`)
	if fp.Highlights != n || fp.Docs != 1 || !fp.AppEmpty || !fp.AppHidden || fp.Ready {
		t.Errorf("before the wasm ran the page had %+v; want the copy with %d highlights, the app's element empty and hidden", fp, n)
	}
	if got := eval[float64](t, b.ctx, `document.querySelectorAll('.cm-doc').length`); got != 1 {
		t.Errorf("%v copies of the document once the app runs, want 1", got)
	}
	if got := eval[float64](t, b.ctx, `document.querySelectorAll('.cm-doc mark[data-start]').length`); got != float64(n) {
		t.Errorf("the app shows %v highlights, want %d", got, n)
	}
	if got := eval[string](t, b.ctx, `getComputedStyle(document.querySelector('body > .cm-app')).display`); got == "none" {
		t.Error("the app's page is hidden")
	}
	at := eval[bool](t, b.ctx, `(() => {
		const p = performance.getEntriesByName('cm-annotations-painted')[0], k = performance.getEntriesByName('`+cmbrowser.MarkKeptPainted+`')[0];
		return k !== undefined && p.startTime === k.startTime;
	})()`)
	if at != markedAtCopy {
		t.Errorf("the annotations marked painted when the copy was: %v, want %v", at, markedAtCopy)
	}
}

func TestHighlightsAreInTheFirstPaintOfAWarmAndAnOfflineReload(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	waitOfflineReady(t, b.ctx)
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstPaintProbe}); err != nil {
		t.Fatal(err)
	}
	tagTwo(t, b)
	waitKept(t, b, 2)

	// Warm: the copy is painted first, and is what the app shows.
	reloadAndCheckFirstPaint(t, b, 2, true)

	// Still works: tag, delete (the copy follows).
	click(t, b.ctx, `#op7 .cm-label`)
	press(t, b.ctx, "3")
	waitStored(t, b.ctx, 3)
	click(t, b.ctx, `#op21 mark[data-start]`)
	poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
	click(t, b.ctx, `#cm-editor .cm-danger`)
	poll(t, b.ctx, `document.querySelector('#op21 mark') === null`)
	waitStored(t, b.ctx, 2)
	poll(t, b.ctx, keptCopyJS+`.then(p => {
		const d = new DOMParser().parseFromString(p.html, 'text/html');
		return d.querySelectorAll('mark[data-start]').length === 2 && d.querySelector('#op7 mark[data-start][data-tag="concern"]') !== null;
	})`)

	// Offline, the server stopped.
	srv.Stop()
	reloadAndCheckFirstPaint(t, b, 2, true)
	click(t, b.ctx, `#op1 .cm-label`)
	press(t, b.ctx, "1")
	waitStored(t, b.ctx, 3)
	waitKept(t, b, 3)

	// A copy that is not what the store holds (kept before a change made
	// elsewhere) is shown until the app's page replaces it, and is not
	// marked as the annotations painted; the app keeps a new one.
	eval[bool](t, b.ctx, `caches.open('`+cmbrowser.KeptPagesCachePrefix+`e2e').then(async c => {
		const p = await (await c.match('/d/A-HRC-RES-53-11')).json();
		p.digest = 'stale ' + p.digest;
		await c.put('/d/A-HRC-RES-53-11', new Response(JSON.stringify(p)));
		return true;
	})`)
	reloadAndCheckFirstPaint(t, b, 3, false)
	poll(t, b.ctx, keptCopyJS+`.then(p => p !== null && !p.digest.startsWith('stale'))`)
}

// atPaintedProbe records what the page shows at the moment the app marks
// the saved annotations painted, and whether the document is still the
// element the server sent.
const atPaintedProbe = `(() => {
	document.addEventListener('DOMContentLoaded', () => { window.__served = document.querySelector('.cm-doc'); });
	const mark = performance.mark.bind(performance);
	performance.mark = (name, options) => {
		if (name === 'cm-annotations-painted') {
			window.__atPainted = {
				highlights: [...document.querySelectorAll('.cm-doc mark[data-start]')].map(m => m.closest('[data-clause]').id + ':' + m.dataset.tag).sort(),
				docs: document.querySelectorAll('.cm-doc').length,
				served: window.__served !== undefined && document.querySelector('.cm-doc') === window.__served,
			};
		}
		return mark(name, options);
	};
})()`

type atPainted struct {
	Highlights []string
	Docs       int
	Served     bool // the document is still the one the server sent
}

// On a cold load (no HTTP cache, no worker, no kept copy), the saved
// highlights are painted into the page the server sent as soon as they are
// read, before go-app starts; the app's own page then shows the same, and
// works.
func TestOnAColdLoadTheHighlightsArePaintedIntoTheServersPageBeforeTheAppStarts(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	tagTwo(t, b)
	want := []string{"op21:request", "pp3:commitment"}

	eval[bool](t, b.ctx, `Promise.all([
		caches.keys().then(ks => Promise.all(ks.map(k => caches.delete(k)))),
		navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister()))),
	]).then(() => true)`)
	if _, err := chromedp.Call(b.ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: atPaintedProbe}); err != nil {
		t.Fatal(err)
	}
	open(t, b.ctx, srv.Doc)
	poll(t, b.ctx, `window.__atPainted !== undefined`)
	at := eval[atPainted](t, b.ctx, `window.__atPainted`)
	if !at.Served || at.Docs != 1 || !slices.Equal(at.Highlights, want) {
		t.Errorf("when marked painted the page showed %+v; want the server's document, with %v", at, want)
	}
	got := eval[[]string](t, b.ctx, `[...document.querySelectorAll('.cm-doc mark[data-start]')].map(m => m.closest('[data-clause]').id + ':' + m.dataset.tag).sort()`)
	if !slices.Equal(got, want) || eval[float64](t, b.ctx, `document.querySelectorAll('.cm-doc').length`) != 1 {
		t.Errorf("the app's page shows %v; want %v, in one document", got, want)
	}
	// The app works on: a tag is painted and saved.
	click(t, b.ctx, `#op7 .cm-label`)
	press(t, b.ctx, "3")
	newestHighlight(t, b.ctx, "op7", "concern")
	waitStored(t, b.ctx, 3)
}

// The text the server serves (clausemark serve -doc) is fetched as the
// page starts, in parallel with app.wasm, and once: the wasm takes that
// response instead of fetching the text when it runs (app.js's
// goappFetchEarly, wasm.FetchText).
func TestTheServedTextIsFetchedOnceAsThePageStarts(t *testing.T) {
	srv := startServerWithDocument(t, unicodeResolution(t))
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	type fetched struct {
		N              int
		Start, WasmEnd float64
		Symbol         string
	}
	got := eval[fetched](t, b.ctx, `(() => {
		const res = performance.getEntriesByType('resource');
		const path = r => new URL(r.name).pathname;
		const docs = res.filter(r => path(r) === '`+server.DocumentPath+`');
		const wasm = res.find(r => path(r) === '/web/app.wasm');
		return {n: docs.length, start: docs.length ? docs[0].startTime : -1, wasmEnd: wasm ? wasm.responseEnd : -1,
			symbol: document.querySelector('.cm-doc').dataset.symbol};
	})()`)
	if got.N != 1 || got.Start < 0 || got.WasmEnd < 0 || got.Start >= got.WasmEnd {
		t.Errorf("the served text was fetched %d times, the first at %.0f ms, and app.wasm received at %.0f ms; want once, before app.wasm was received", got.N, got.Start, got.WasmEnd)
	}
	if got.Symbol != "A/HRC/RES/59/99" {
		t.Errorf("the page shows %q, want the served text A/HRC/RES/59/99", got.Symbol)
	}
}
