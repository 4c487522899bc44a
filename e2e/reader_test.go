package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/resolution"
)

func TestTheDocumentRendersWithItsStructure(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	checks := []struct {
		name, js string
		want     any
	}{
		{"symbol", `document.querySelector('[data-symbol]').dataset.symbol`, "A/HRC/RES/53/11"},
		{"page title", `document.title`, "Clausemark — A/HRC/RES/53/11"},
		{"preambular clauses", `document.querySelectorAll('.cm-preamble > [data-clause]').length`, 33.0},
		{"operative clauses", `document.querySelectorAll('.cm-operative > [data-clause]').length`, 37.0},
		{"first preambular label", `document.getElementById('pp1').dataset.label`, "PP1"},
		{"OP21 label", `document.getElementById('op21').dataset.label`, "OP21"},
		{"OP21 data-clause", `document.getElementById('op21').dataset.clause`, "op21"},
		{"title", `document.getElementById('doc-title').textContent.trim()`, "53/11. Enhancement of international cooperation in the field of human rights"},
		{"italic opening phrase of PP3", `document.querySelector('#pp3 .cm-lead').textContent`, "Recalling also"},
		{"italic verb of OP8", `document.querySelector('#op8 .cm-lead').textContent`, "Expresses its concern"},
		{"adoption meeting", `document.querySelector('.cm-meeting').textContent`, "34th meeting"},
		{"adoption date", `document.querySelector('.cm-date').textContent`, "12 July 2023"},
		{"footnotes", `document.querySelectorAll('.cm-footnotes li').length`, 5.0},
		{"no warning", `document.querySelectorAll('.cm-warning').length`, 0.0},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			got := eval[any](t, b.ctx, c.js)
			if got != c.want {
				t.Errorf("%s: got %v, want %v", c.js, got, c.want)
			}
		})
	}

	t.Run("the page-split PP7 is one paragraph", func(t *testing.T) {
		got := eval[string](t, b.ctx, `document.querySelector('#pp7 .cm-text').textContent`)
		if !strings.Contains(got, "Developing Countries”, in which the Assembly endorsed") {
			t.Errorf("PP7 text: got %q", got)
		}
	})
}

func TestTheVoteRecordShowsEachListWithItsCount(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	for list, want := range map[string]float64{"in-favour": 33, "against": 13, "abstaining": 1} {
		sel := `document.querySelector('[data-vote="` + list + `"]')`
		if got := eval[float64](t, b.ctx, sel+`.querySelectorAll('li').length`); got != want {
			t.Errorf("%s: got %v names, want %v", list, got, want)
		}
		if got := eval[string](t, b.ctx, sel+`.querySelector('.cm-count').textContent`); got != strconv.Itoa(int(want)) {
			t.Errorf("%s: count shows %q, want %v", list, got, want)
		}
	}
	uk := eval[bool](t, b.ctx, `[...document.querySelectorAll('[data-vote="against"] li')].some(li => li.textContent === 'United Kingdom of Great Britain and Northern Ireland')`)
	if !uk {
		t.Error("the United Kingdom is not one name in the Against list")
	}
}

func TestFootnoteLinksWorkBothWays(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	click(t, b.ctx, `#pp10 .cm-fnref a`)
	poll(t, b.ctx, `location.hash === '#fn2'`)
	poll(t, b.ctx, `(() => { const r = document.getElementById('fn2').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`)

	click(t, b.ctx, `#fn2 .cm-backref`)
	poll(t, b.ctx, `location.hash === '#fnref-pp10-2'`)
	poll(t, b.ctx, `document.getElementById('pp10').classList.contains('is-target')`)
	poll(t, b.ctx, `(() => { const r = document.getElementById('fnref-pp10-2').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`)
}

func TestADeepLinkScrollsToItsClauseAndMarksIt(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc+"#op21")

	poll(t, b.ctx, `document.getElementById('op21').classList.contains('is-target')`)
	poll(t, b.ctx, `(() => { const r = document.getElementById('op21').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; })()`)
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('.is-target').length`); n != 1 {
		t.Errorf("got %v marked clauses, want 1", n)
	}
}

func TestTheServerRendersTheDocumentBeforeTheWasmLoads(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	// ?wasm=false is go-app's switch that keeps the wasm from loading: what
	// shows is the server-rendered page alone.
	if err := chromedp.Do(b.ctx, chromedp.Navigate(srv.URL+"/?wasm=false")); err != nil {
		t.Fatal(err)
	}
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('[data-clause]').length`); n != 70 {
		t.Errorf("got %v clauses in the server-rendered page, want 70", n)
	}
	visible := eval[bool](t, b.ctx, `(() => { const r = document.getElementById('pp1').getBoundingClientRect(); const e = document.elementFromPoint(r.left + 40, r.top + 5); return !!e && !!e.closest('#pp1'); })()`)
	if !visible {
		t.Error("PP1 is covered: the loader hides the server-rendered document")
	}
}

func TestTheContentSecurityPolicyIsEnforced(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	b.expectConsole("Content Security Policy")
	// An injected inline script must not run; a remote image must not load.
	ran := eval[bool](t, b.ctx, `(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = true';
		document.body.appendChild(s);
		s.remove();
		return window.__injected === true;
	})()`)
	if ran {
		t.Error("an inline script ran: the Content-Security-Policy is not enforced")
	}
	violations := eval[float64](t, b.ctx, `new Promise(resolve => {
		let n = 0;
		document.addEventListener('securitypolicyviolation', () => n++);
		const img = new Image();
		img.src = 'http://192.0.2.1/x.png';
		setTimeout(() => resolve(n), 300);
	})`)
	if violations < 1 {
		t.Error("loading an image from another origin raised no policy violation")
	}
}

func TestTheAppWorksOfflineAfterTheFirstLoad(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	waitOfflineReady(t, b.ctx)

	srv.Stop()

	if err := chromedp.Do(b.ctx, chromedp.Reload()); err != nil {
		t.Fatalf("reload with the server stopped: %v", err)
	}
	waitReady(t, b.ctx)
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('[data-clause]').length`); n != 70 {
		t.Errorf("after an offline reload: got %v clauses, want 70", n)
	}

	tab := b.newTab()
	open(t, tab, srv.Doc)
	if n := eval[float64](t, tab, `document.querySelectorAll('[data-clause]').length`); n != 70 {
		t.Errorf("in a new tab, offline: got %v clauses, want 70", n)
	}
	if got := eval[string](t, tab, `document.querySelector('[data-symbol]').dataset.symbol`); got != "A/HRC/RES/53/11" {
		t.Errorf("in a new tab, offline: symbol %q", got)
	}
}

func TestAVoteRecordThatDoesNotAddUpCarriesAVisibleWarning(t *testing.T) {
	// The seed with one State left out of the In favour list: 32 names for
	// a stated 33.
	text := strings.Replace(string(resolution.Seed()), "Algeria, ", "", 1)
	srv := startServerWithDocument(t, text)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	warning := eval[string](t, b.ctx, `(document.querySelector('.cm-vote .cm-warning') || {}).textContent || ''`)
	if !strings.Contains(warning, "33") || !strings.Contains(warning, "32") {
		t.Errorf("the warning says %q; want it to name the stated 33 and the 32 listed", warning)
	}
	if got := eval[string](t, b.ctx, `document.querySelector('[data-vote="in-favour"] .cm-count').textContent`); got != "32" {
		t.Errorf("the In favour count shows %q, want the 32 names listed", got)
	}
}

func TestTextThatIsNotAResolutionBecomesPlainParagraphsWithANote(t *testing.T) {
	text := "Meeting notes\n\nWe discussed the draft at length.\n\nThe co-facilitators will circulate a revised text on Friday. 🤝\n"
	srv := startServerWithDocument(t, text)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('[data-clause]').length`); n != 3 {
		t.Errorf("got %v paragraphs, want 3", n)
	}
	if got := eval[string](t, b.ctx, `document.querySelector('[data-clause]').dataset.label`); got != "P1" {
		t.Errorf("first label: got %q, want P1", got)
	}
	if note := eval[string](t, b.ctx, `(document.querySelector('.cm-notice') || {}).textContent || ''`); !strings.Contains(note, "not recognised") {
		t.Errorf("the note says %q", note)
	}
	if got := eval[string](t, b.ctx, `document.title`); got != "Clausemark — Untitled document" {
		t.Errorf("page title: got %q", got)
	}
	if got := eval[string](t, b.ctx, `document.querySelector('h1').textContent + ' / ' + document.querySelector('.cm-un').textContent`); got != "Untitled document / Unrecognised text" {
		t.Errorf("heading: got %q, want no claim to be a UN resolution", got)
	}
	if !eval[bool](t, b.ctx, `document.body.textContent.includes('revised text on Friday. 🤝')`) {
		t.Error("text was dropped")
	}
	// It can be annotated like any other.
	click(t, b.ctx, `#p3 .cm-label`)
	press(t, b.ctx, "3")
	newestHighlight(t, b.ctx, "p3", "concern")
}

func TestSlashTakesANewDelegateToTheLibraryAndAReturningOneBackToTheirDocument(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.URL+"/")
	poll(t, b.ctx, `location.pathname === '/library' && document.querySelector('[role=region][aria-label="Library"] [data-document="A-HRC-RES-53-11"] a[href="/d/A-HRC-RES-53-11"]') !== null`)
	click(t, b.ctx, `[data-document="A-HRC-RES-53-11"] a`)
	poll(t, b.ctx, `location.pathname === '/d/A-HRC-RES-53-11' && document.getElementById('op21') !== null`)
	// The library records that it was read.
	poll(t, b.ctx, `new Promise(resolve => {
		const req = indexedDB.open('clausemark');
		req.onsuccess = () => {
			const get = req.result.transaction('summaries').objectStore('summaries').get('A-HRC-RES-53-11');
			get.onsuccess = () => { req.result.close(); resolve(!!get.result && !get.result.opened.startsWith('0001')); };
		};
	})`)
	// The next visit to / goes back to it.
	open(t, b.ctx, srv.URL+"/")
	poll(t, b.ctx, `location.pathname === '/d/A-HRC-RES-53-11'`)
	// The bar always leads to the library.
	click(t, b.ctx, `.cm-bar a.cm-brand`)
	poll(t, b.ctx, `location.pathname === '/library'`)
}

// layoutShifts lists the layout shifts of the page so far (the Layout
// Instability API) of at least 0.001 each: what moved, from where to where.
// (The buffered entries come in one call, none when there were none.)
const layoutShifts = `new Promise(resolve => {
	const seen = [];
	const o = new PerformanceObserver(list => seen.push(...list.getEntries()));
	o.observe({type: 'layout-shift', buffered: true});
	setTimeout(() => {
		o.disconnect();
		resolve(seen.filter(e => e.value >= 0.001).map(e => Math.round(e.startTime) + ' ms, ' + e.value.toFixed(3) + ': ' +
			e.sources.map(s => (s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?') + ' ' + JSON.stringify(s.previousRect) + '→' + JSON.stringify(s.currentRect)).join(', ')));
	}, 250);
})`

func TestTheDocumentDoesNotMoveUnderThePointerOnceShown(t *testing.T) {
	// A text the library does not have yet: the first visit keeps it in
	// the library after the first paint, and the version bar shows then.
	// The built-in resolution is kept the same way. The next visit has a
	// highlight to paint. (One server at a time: a server renders the
	// document the process was set up with.)
	text := "Meeting notes\n\nWe discussed the draft at length.\n\nThe co-facilitators will circulate a revised text on Friday. 🤝\n"
	docs := []struct {
		name, clause string
		start        func(t *testing.T) *testServer
	}{
		{"a served text", "p2", func(t *testing.T) *testServer { return startServerWithDocument(t, text) }},
		{"the built-in resolution", "op2", func(t *testing.T) *testServer { return startServer(t) }},
	}
	for _, doc := range docs {
		t.Run(doc.name, func(t *testing.T) {
			srv := doc.start(t)
			for _, s := range []screen{desktop, phone} {
				b := newBrowser(t)
				emulate(t, b.ctx, s, false)
				for _, visit := range []string{"first visit", "next visit"} {
					open(t, b.ctx, srv.Doc)
					poll(t, b.ctx, `document.getElementById('cm-versions') !== null && document.querySelector('.cm-save-saved, .cm-save-idle') !== null`)
					if shifts := eval[[]string](t, b.ctx, layoutShifts); len(shifts) > 0 {
						t.Errorf("%s, %s: the page moved after it was shown:\n%s", s.Name, visit, strings.Join(shifts, "\n"))
					}
					if visit == "first visit" {
						click(t, b.ctx, `#`+doc.clause+` .cm-label`)
						press(t, b.ctx, "2")
						newestHighlight(t, b.ctx, doc.clause, "request")
						// Saved: a page with unsaved changes asks before it goes.
						waitStored(t, b.ctx, 1)
					}
				}
			}
		})
	}
}
