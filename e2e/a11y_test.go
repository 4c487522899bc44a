package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/internal/palette"
	"github.com/clausemark/clausemark/resolution"
)

// The end-to-end tests of accessibility: every task on a phone and a
// tablet, the reading position, focus, the filters, the popovers, the
// colours of the tags, the print view and printing, and axe-core's WCAG
// 2.1 A and AA rules on every view, in both themes, at phone width.

// openOn starts the server and a browser emulating a screen in a theme,
// on the default document.
func openOn(t *testing.T, s screen, dark bool) *browser {
	t.Helper()
	srv := startServer(t)
	b := newBrowser(t)
	emulate(t, b.ctx, s, dark)
	open(t, b.ctx, srv.Doc)
	return b
}

// tap touches the middle of the first element matching a selector, as a
// finger does (touch emulation turns it into a click). An element out of
// view is first scrolled into it, as little as needed.
func tap(t testing.TB, ctx context.Context, sel string) {
	t.Helper()
	eval[bool](t, ctx, `(async () => {
		const e = document.querySelector(`+strconv.Quote(sel)+`);
		if (!e) return false;
		const r = e.getBoundingClientRect();
		if (r.top < 60 || r.bottom > innerHeight) e.scrollIntoView({block: 'center', behavior: 'instant'});
		await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
		return true;
	})()`)
	b := boxOf(t, ctx, sel)
	if err := chromedp.Do(ctx, chromedp.TapXY(b.Left+b.Width/2, b.Top+b.Height/2)); err != nil {
		t.Fatalf("tap %s: %v", sel, err)
	}
}

// tapMenuItem opens the bar's menu and taps the item with this text.
func tapMenuItem(t testing.TB, ctx context.Context, s screen, item string) {
	t.Helper()
	tap(t, ctx, "#cm-export")
	poll(t, ctx, `document.querySelector('#cm-export-menu') !== null`)
	menu := boxOf(t, ctx, "#cm-export-menu")
	if menu.Left < 0 || menu.Right > float64(s.Width) || menu.Top < 0 || menu.Bottom > float64(s.Height) {
		t.Errorf("the menu is not inside the %d×%d screen: %+v", s.Width, s.Height, menu)
	}
	sel := `[role=menuitem][data-label=` + strconv.Quote(item) + `]`
	if !eval[bool](t, ctx, `(() => { const e = [...document.querySelectorAll('#cm-export-menu [role=menuitem]')].find(e => e.textContent === `+strconv.Quote(item)+`); if (!e) return false; e.dataset.label = e.textContent; return true; })()`) {
		t.Fatalf("the menu has no item %q", item)
	}
	if !onTop(t, ctx, sel) {
		t.Errorf("the menu item %q is covered", item)
	}
	tap(t, ctx, sel)
}

// answerPicker answers the next file picker the page opens with a file, as
// a person choosing it would; call it before the tap that opens it.
func answerPicker(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	lctx, cancel := context.WithCancel(ctx)
	t.Cleanup(cancel)
	go func() {
		defer cancel()
		for ev, err := range chromedp.Events(lctx, page.FileChooserOpened) {
			if err != nil {
				return
			}
			if _, err := chromedp.Call(ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: []string{path}, BackendNodeID: ev.BackendNodeID}); err != nil {
				t.Errorf("choosing %s in the picker: %v", path, err)
			}
			return
		}
	}()
}

// checkOneRow checks the app bar is one row: every element in it lies
// within its height, which is no more than one row of buttons.
func checkOneRow(t testing.TB, ctx context.Context, s screen) {
	t.Helper()
	bar := boxOf(t, ctx, ".cm-bar")
	if bar.Height > 60 {
		t.Errorf("%s: the app bar is %.0f px high: it wraps", s.Name, bar.Height)
	}
	out := eval[string](t, ctx, `(() => {
		const bar = document.querySelector('.cm-bar').getBoundingClientRect();
		return [...document.querySelectorAll('.cm-bar button, .cm-bar a, .cm-bar .cm-bar-doc')]
			.filter(e => e.getClientRects().length > 0)
			.filter(e => { const r = e.getBoundingClientRect(); return r.top < bar.top - 0.5 || r.bottom > bar.bottom + 0.5 || r.right > innerWidth + 0.5 || r.left < -0.5; })
			.map(e => e.textContent.trim() || e.className).join(', ');
	})()`)
	if out != "" {
		t.Errorf("%s: outside the one row of the app bar: %s", s.Name, out)
	}
	if w := eval[float64](t, ctx, `document.documentElement.scrollWidth`); w > float64(s.Width)+0.5 {
		wide := eval[string](t, ctx, `[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > `+strconv.Itoa(int(s.Width))+` + 0.5).slice(-3).map(e => e.tagName + '.' + e.className).join(', ')`)
		t.Errorf("%s: the page is %.0f px wide, wider than the screen: %s", s.Name, w, wide)
	}
}

// annotationFile writes a Clausemark file of the default document holding
// one request on OP33 with a note, and returns its path.
func annotationFile(t *testing.T) string {
	t.Helper()
	set := setOf(t, resolution.Seed(), nil)
	if _, err := set.CreateWhole("op33", annotations.Request, "From a colleague", ""); err != nil {
		t.Fatal(err)
	}
	data, err := annotations.ExportJSON(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "colleague.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// typeNote replaces the text of the editor's note with note, typed.
func typeNote(t testing.TB, ctx context.Context, note string) {
	t.Helper()
	typeInto(t, ctx, "cm-note", note)
}

// typeInto replaces the text of the field with this id with text, typed.
// (The key that moved the focus there may have been typed into it too:
// chromedp sends a key's character apart from its keydown, which the page
// prevented.)
func typeInto(t testing.TB, ctx context.Context, id, text string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const n = document.getElementById(`+strconv.Quote(id)+`); n.focus({preventScroll: true}); n.select(); return true; })()`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Delete)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID(id), text)); err != nil {
		t.Fatal(err)
	}
}

// checkEditorSeen checks the editor is on screen and nothing covers it.
func checkEditorSeen(t testing.TB, ctx context.Context, s screen, when string) {
	t.Helper()
	poll(t, ctx, `document.querySelector('#cm-editor') !== null`)
	settle(t, ctx)
	ed := boxOf(t, ctx, "#cm-editor")
	if ed.Left < 0 || ed.Right > float64(s.Width)+0.5 || ed.Top < 0 || ed.Bottom > float64(s.Height)+0.5 {
		t.Errorf("%s: %s, the editor is off the screen: %+v", s.Name, when, ed)
	}
	for _, part := range []string{"#cm-note", "#cm-editor .cm-primary"} {
		if !onTop(t, ctx, part) {
			t.Errorf("%s: %s, %s is covered", s.Name, when, part)
		}
	}
}

func TestEveryTaskWorksOnAPhoneAndATablet(t *testing.T) {
	for _, s := range []screen{phone, tablet} {
		t.Run(s.Name, func(t *testing.T) {
			srv := startServer(t)
			b := newBrowser(t)
			dl := b.watchDownloads()
			emulate(t, b.ctx, s, false)
			open(t, b.ctx, srv.Doc)
			checkOneRow(t, b.ctx, s)

			// Tag: a clause by its label, then Request in the toolbar.
			tap(t, b.ctx, `#op21 .cm-label`)
			poll(t, b.ctx, `document.querySelector('#cm-toolbar') !== null`)
			settle(t, b.ctx)
			tb := boxOf(t, b.ctx, "#cm-toolbar")
			if tb.Left < 0 || tb.Right > float64(s.Width) || tb.Top < boxOf(t, b.ctx, ".cm-bar").Bottom || tb.Bottom > float64(s.Height) {
				t.Errorf("the toolbar is not on the screen, under the bar: %+v", tb)
			}
			tap(t, b.ctx, `#cm-toolbar button[data-tag="request"]`)
			id := newestHighlight(t, b.ctx, "op21", "request")
			waitStored(t, b.ctx, 1)

			// Note: tap the highlight, write, save.
			tap(t, b.ctx, `#op21 mark[data-start]`)
			checkEditorSeen(t, b.ctx, s, "on a highlight")
			typeNote(t, b.ctx, "Ask for a budget line")
			tap(t, b.ctx, `#cm-editor .cm-primary`)
			poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)
			if got := waitStored(t, b.ctx, 1)[id].Note; got != "Ask for a budget line" {
				t.Errorf("note: got %q", got)
			}

			// The panel, a drawer under the bar.
			tap(t, b.ctx, `.cm-panel-toggle`)
			poll(t, b.ctx, `document.querySelector('#cm-panel .cm-item') !== null`)
			settle(t, b.ctx)
			if panel, bar := boxOf(t, b.ctx, "#cm-panel"), boxOf(t, b.ctx, ".cm-bar"); panel.Top < bar.Bottom-0.5 {
				t.Errorf("the drawer (top %.0f) covers the app bar (bottom %.0f)", panel.Top, bar.Bottom)
			}
			if !onTop(t, b.ctx, ".cm-panel-toggle") {
				t.Error("with the drawer open, its toggle in the bar is covered")
			}
			checkOneRow(t, b.ctx, s)

			// Filter.
			tap(t, b.ctx, `.cm-filter[data-tag="concern"]`)
			poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 0`)
			tap(t, b.ctx, `.cm-filter[data-tag="request"]`)
			poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 1`)

			// Edit from the drawer: the editor is seen, beside the text.
			tap(t, b.ctx, `#cm-panel .cm-item-edit`)
			checkEditorSeen(t, b.ctx, s, "from the drawer's Edit")
			typeNote(t, b.ctx, "Support as drafted")
			tap(t, b.ctx, `#cm-editor .cm-primary`)
			poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)
			if got := waitStored(t, b.ctx, 1)[id].Note; got != "Support as drafted" {
				t.Errorf("edited note: got %q", got)
			}

			// Delete, then Undo.
			if eval[bool](t, b.ctx, `!!document.querySelector('#cm-panel')`) {
				tap(t, b.ctx, `.cm-panel-toggle`)
				poll(t, b.ctx, `!document.querySelector('#cm-panel')`)
			}
			tap(t, b.ctx, `#op21 mark[data-start]`)
			checkEditorSeen(t, b.ctx, s, "to delete")
			tap(t, b.ctx, `#cm-editor .cm-danger`)
			poll(t, b.ctx, `document.querySelector('#op21 mark') === null`)
			waitStored(t, b.ctx, 0)
			poll(t, b.ctx, `document.querySelector('.cm-toast-undo') !== null`)
			tap(t, b.ctx, `.cm-toast-undo`)
			poll(t, b.ctx, `document.querySelector('#op21 mark[data-annotation="`+id+`"]') !== null`)
			waitStored(t, b.ctx, 1)

			// Export, from the menu.
			tapMenuItem(t, b.ctx, s, "Clausemark file (JSON)")
			if set := setOf(t, resolution.Seed(), dl.next()); set.Len() != 1 {
				t.Errorf("the export holds %d annotations, want 1", set.Len())
			}

			// Import, from the menu.
			answerPicker(t, b.ctx, annotationFile(t))
			tapMenuItem(t, b.ctx, s, "Import annotations…")
			poll(t, b.ctx, `document.querySelector('#cm-import-dialog .cm-primary') !== null`)
			tap(t, b.ctx, `#cm-import-dialog .cm-primary`)
			waitStored(t, b.ctx, 2)

			// Open a document, from the menu.
			text, err := filepath.Abs("testdata/unicode-resolution.txt")
			if err != nil {
				t.Fatal(err)
			}
			answerPicker(t, b.ctx, text)
			tapMenuItem(t, b.ctx, s, "Open document…")
			poll(t, b.ctx, `location.pathname === '/d/A-HRC-RES-59-99' && document.querySelector('.cm-doc').dataset.symbol === 'A/HRC/RES/59/99'`)
			checkOneRow(t, b.ctx, s)

			// The library and every annotation, with their own bar.
			for _, page := range []string{"/library", "/annotations"} {
				open(t, b.ctx, srv.URL+page)
				poll(t, b.ctx, `document.getElementById('cm-open') !== null`)
				checkOneRow(t, b.ctx, s)
			}
		})
	}
}

// interactive is JavaScript listing the controls on the page that a
// finger must hit: their selector path, width and height. Targets inside
// a sentence (highlights and footnote markers in a clause's text) are
// excepted, as WCAG 2.5.8 excepts them; so are controls not rendered.
const interactive = `(() => {
	const kind = e => e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '');
	return JSON.stringify([...document.querySelectorAll('button, a[href], input, select, textarea, [tabindex="0"], [role=button], [role=menuitem]')]
		.filter(e => e.getClientRects().length > 0 && !e.closest('.cm-text') && getComputedStyle(e).visibility !== 'hidden')
		.map(e => { const r = e.getBoundingClientRect(); return {Kind: kind(e), Text: e.textContent.trim().slice(0, 20), W: r.width, H: r.height}; }));
})()`

func TestTouchTargetsAreAtLeast24PixelsSquare(t *testing.T) {
	for _, s := range []screen{phone, tablet, desktop} {
		t.Run(s.Name, func(t *testing.T) {
			b := openOn(t, s, false)
			click(t, b.ctx, `#op21 .cm-label`)
			press(t, b.ctx, "2")
			newestHighlight(t, b.ctx, "op21", "request")
			// Every clause laid out (content-visibility skips those out
			// of view), the panel open, then the editor and the menu.
			eval[bool](t, b.ctx, `(() => { document.querySelectorAll('.cm-clause').forEach(c => c.style.contentVisibility = 'visible'); return true; })()`)
			showPanel(t, b.ctx)
			check := func(state string) {
				t.Helper()
				var got []struct {
					Kind, Text string
					W, H       float64
				}
				if err := json.Unmarshal([]byte(eval[string](t, b.ctx, interactive)), &got); err != nil {
					t.Fatal(err)
				}
				if len(got) < 10 {
					t.Fatalf("%s: only %d controls found", state, len(got))
				}
				// The small ones, by kind: how many, and the first.
				small := map[string]int{}
				first := map[string]string{}
				for _, c := range got {
					if c.W < 24-0.01 || c.H < 24-0.01 {
						if small[c.Kind]++; small[c.Kind] == 1 {
							first[c.Kind] = fmt.Sprintf("%q %.0f×%.0f", c.Text, c.W, c.H)
						}
					}
				}
				for kind, n := range small {
					t.Errorf("%s: %d targets %s smaller than 24×24 px, as %s", state, n, kind, first[kind])
				}
			}
			check("the page with the panel")
			eval[bool](t, b.ctx, `(() => { document.querySelector('#op21 mark[data-start]').focus(); return true; })()`)
			press(t, b.ctx, "n")
			poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
			check("the editor")
			press(t, b.ctx, kb.Escape)
			poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)
			clickInPlace(t, b.ctx, "#cm-export")
			poll(t, b.ctx, `document.querySelector('#cm-export-menu') !== null`)
			check("the menu")
		})
	}
}

// readingTop is where the reader is in the text: the top of the paragraph
// of the first clause below the app bar.
const readingTop = `(() => {
	const bar = document.querySelector('.cm-bar').getBoundingClientRect().bottom;
	for (const p of document.querySelectorAll('.cm-clause > .cm-para')) {
		const r = p.getBoundingClientRect();
		if (r.bottom > bar + 4) return JSON.stringify({id: p.parentElement.id, top: r.top});
	}
	return '';
})()`

func TestUsingAControlDoesNotMoveTheReadingPosition(t *testing.T) {
	for _, s := range []screen{desktop, tablet, phone} {
		t.Run(s.Name, func(t *testing.T) {
			b := openOn(t, s, false)
			// Read on from OP10.
			eval[bool](t, b.ctx, `(() => { window.scrollBy(0, document.getElementById('op10').getBoundingClientRect().top - 200); return true; })()`)
			time.Sleep(300 * time.Millisecond)
			type pos struct {
				ID  string
				Top float64
			}
			where := func() pos {
				var p pos
				if err := json.Unmarshal([]byte(eval[string](t, b.ctx, readingTop)), &p); err != nil {
					t.Fatal(err)
				}
				return p
			}
			start := where()
			step := func(what string, do func()) {
				t.Helper()
				do()
				time.Sleep(250 * time.Millisecond)
				settle(t, b.ctx)
				if p := where(); p.ID != start.ID || math.Abs(p.Top-start.Top) > 1 {
					t.Errorf("%s: %s moved the text from %s at %.0f px to %s at %.0f px", s.Name, what, start.ID, start.Top, p.ID, p.Top)
					start = p
				}
			}
			step("opening Export", func() { clickInPlace(t, b.ctx, "#cm-export") })
			step("the arrows in the menu", func() {
				press(t, b.ctx, kb.ArrowDown)
				press(t, b.ctx, kb.ArrowDown)
				press(t, b.ctx, kb.ArrowUp)
				press(t, b.ctx, kb.End)
				press(t, b.ctx, kb.Home)
			})
			step("Escape on the menu", func() { press(t, b.ctx, kb.Escape) })
			step("opening Help", func() { clickInPlace(t, b.ctx, "#cm-help-button") })
			step("closing Help", func() { press(t, b.ctx, kb.Escape) })
			step("opening Help with ?", func() { press(t, b.ctx, "?") })
			step("closing Help again", func() { press(t, b.ctx, kb.Escape) })
			step("the panel toggle", func() { clickInPlace(t, b.ctx, ".cm-panel-toggle") })
			step("the panel toggle again", func() { clickInPlace(t, b.ctx, ".cm-panel-toggle") })
			step("the key /", func() { press(t, b.ctx, "/") })
			step("Escape in the search", func() { press(t, b.ctx, kb.Escape) })
		})
	}
}

// importAnnotations imports, through the import preview, a file of the
// default document holding these annotations (whole clauses).
func importAnnotations(t *testing.T, ctx context.Context, list ...annotations.Annotation) {
	t.Helper()
	set := setOf(t, resolution.Seed(), nil)
	for _, a := range list {
		if _, err := set.CreateWhole(a.Clause, a.Tag, a.Note, ""); err != nil {
			t.Fatal(err)
		}
	}
	data, err := annotations.ExportJSON(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "annotations.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	importFile(t, ctx, path)
	poll(t, ctx, `document.querySelector('#cm-import-dialog .cm-primary') !== null`)
	click(t, ctx, `#cm-import-dialog .cm-primary`)
	poll(t, ctx, `document.querySelector('#cm-import-dialog') === null`)
	waitStored(t, ctx, len(list))
}

func TestSearchAndTheTagFilterCombine(t *testing.T) {
	b := openOn(t, desktop, false)
	importAnnotations(t, b.ctx,
		annotations.Annotation{Clause: "op20", Tag: annotations.Request, Note: "budget line"},
		annotations.Annotation{Clause: "op21", Tag: annotations.Request, Note: "no budget"},
		annotations.Annotation{Clause: "op22", Tag: annotations.Concern, Note: "budget cuts"},
		annotations.Annotation{Clause: "op23", Tag: annotations.Request, Note: "support"},
	)
	notes := `JSON.stringify([...document.querySelectorAll('#cm-panel .cm-item-note')].map(e => e.textContent).sort())`
	chips := `JSON.stringify([...document.querySelectorAll('.cm-filter')].map(e => (e.getAttribute('data-tag') || '') + ':' + e.querySelector('.cm-count-small').textContent))`

	click(t, b.ctx, "#cm-search")
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("cm-search"), "budget")); err != nil {
		t.Fatal(err)
	}
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 3`)
	if got, want := eval[string](t, b.ctx, chips), `[":3","commitment:0","request:2","concern:1"]`; got != want {
		t.Errorf("with the search, the chips count %s, want %s", got, want)
	}
	clickInPlace(t, b.ctx, `.cm-filter[data-tag="request"]`)
	poll(t, b.ctx, `document.querySelector('.cm-filter[data-tag="request"]').getAttribute('aria-pressed') === 'true'`)
	settle(t, b.ctx)
	if got, want := eval[string](t, b.ctx, notes), `["budget line","no budget"]`; got != want {
		t.Errorf("search and tag list %s, want %s", got, want)
	}
	if got := eval[string](t, b.ctx, `document.getElementById('cm-search').value`); got != "budget" {
		t.Errorf("the search box says %q", got)
	}
	if got := eval[string](t, b.ctx, `document.querySelector('.cm-panel-count').textContent`); !strings.HasPrefix(got, "2 annotations match") {
		t.Errorf("the count says %q", got)
	}
	// Another tag keeps the search too.
	clickInPlace(t, b.ctx, `.cm-filter[data-tag="concern"]`)
	poll(t, b.ctx, `document.querySelector('.cm-filter[data-tag="concern"]').getAttribute('aria-pressed') === 'true'`)
	settle(t, b.ctx)
	if got, want := eval[string](t, b.ctx, notes), `["budget cuts"]`; got != want {
		t.Errorf("search and another tag list %s, want %s", got, want)
	}
	// Changing the search keeps the tag.
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("cm-search"), " line")); err != nil {
		t.Fatal(err)
	}
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 0`)
	if got, want := eval[string](t, b.ctx, chips), `[":1","commitment:0","request:1","concern:0"]`; got != want {
		t.Errorf("with the search %q, the chips count %s, want %s", "budget line", got, want)
	}
	clickInPlace(t, b.ctx, `.cm-filter:not([data-tag])`)
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 1`)
	if got, want := eval[string](t, b.ctx, notes), `["budget line"]`; got != want {
		t.Errorf("All with the search lists %s, want %s", got, want)
	}
	// The panel closed and opened again shows the search it lists by.
	clickInPlace(t, b.ctx, ".cm-panel-toggle")
	poll(t, b.ctx, `!document.querySelector('#cm-panel')`)
	clickInPlace(t, b.ctx, ".cm-panel-toggle")
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 1`)
	if got := eval[string](t, b.ctx, `document.getElementById('cm-search').value`); got != "budget line" {
		t.Errorf("opened again, the search box says %q while the list is searched for %q", got, "budget line")
	}
}

// activeIs is JavaScript true when the element with the focus matches a
// selector.
func activeIs(sel string) string {
	return `!!document.activeElement && document.activeElement.matches(` + strconv.Quote(sel) + `)`
}

func TestFocusIsPredictableFromTheKeyboardAndTheMouse(t *testing.T) {
	b := openOn(t, desktop, false)

	// Tag, then n: a note on the annotation just made, in the note field.
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "op21", "request")
	hl := `#op21 mark[data-start]`
	poll(t, b.ctx, activeIs(hl))
	press(t, b.ctx, "n")
	poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
	poll(t, b.ctx, activeIs("#cm-note"))
	if got := eval[string](t, b.ctx, `document.getElementById('cm-editor-title').textContent`); got != "Request · OP21" {
		t.Errorf("n after a tag opens %q, want the request just made", got)
	}
	typeNote(t, b.ctx, "1 n budget")
	// Typing on the editor's buttons is no shortcut either.
	press(t, b.ctx, kb.Tab)
	poll(t, b.ctx, activeIs("#cm-editor .cm-primary"))
	for _, k := range []string{"j", "1", "n", "u", "/", "p", "?", kb.Delete} {
		press(t, b.ctx, k)
	}
	time.Sleep(300 * time.Millisecond)
	if !eval[bool](t, b.ctx, activeIs("#cm-editor .cm-primary")) || eval[bool](t, b.ctx, `!!document.querySelector('#cm-help-dialog')`) {
		t.Fatalf("keys typed on Save were read as shortcuts: the focus is on %s", eval[string](t, b.ctx, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	press(t, b.ctx, kb.Enter)
	poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)
	if got := waitStored(t, b.ctx, 1)[id].Note; got != "1 n budget" {
		t.Errorf("the note is %q", got)
	}
	// Saved: the focus is back on the highlight it came from.
	poll(t, b.ctx, activeIs(hl))

	// A tag by mouse leaves the focus on the new highlight, not <body>.
	selectWithRange(t, b.ctx, "pp11", 0, 16)
	click(t, b.ctx, `#cm-toolbar button[data-tag="concern"]`)
	newestHighlight(t, b.ctx, "pp11", "concern")
	poll(t, b.ctx, activeIs(`#pp11 mark[data-start]`))

	// Escape on the menu: back to its button.
	clickInPlace(t, b.ctx, "#cm-export")
	poll(t, b.ctx, activeIs("#cm-export-menu [role=menuitem]"))
	press(t, b.ctx, kb.ArrowDown)
	press(t, b.ctx, kb.Escape)
	poll(t, b.ctx, `document.querySelector('#cm-export-menu') === null`)
	poll(t, b.ctx, activeIs("#cm-export"))

	// Help: Escape gives the focus back to where ? was pressed, or to the
	// button that opened it.
	eval[bool](t, b.ctx, `(() => { document.querySelector('`+hl+`').focus(); return true; })()`)
	press(t, b.ctx, "?")
	poll(t, b.ctx, `document.querySelector('#cm-help-dialog') !== null`)
	press(t, b.ctx, kb.Escape)
	poll(t, b.ctx, `document.querySelector('#cm-help-dialog') === null`)
	poll(t, b.ctx, activeIs(hl))
	clickInPlace(t, b.ctx, "#cm-help-button")
	poll(t, b.ctx, `document.querySelector('#cm-help-dialog') !== null`)
	press(t, b.ctx, kb.Escape)
	poll(t, b.ctx, activeIs("#cm-help-button"))

	// The search: Escape clears it, then goes back to where / was pressed.
	eval[bool](t, b.ctx, `(() => { document.querySelector('`+hl+`').focus(); return true; })()`)
	press(t, b.ctx, "/")
	poll(t, b.ctx, activeIs("#cm-search"))
	typeInto(t, b.ctx, "cm-search", "budget")
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 1`)
	press(t, b.ctx, kb.Escape)
	poll(t, b.ctx, `document.getElementById('cm-search').value === '' && document.querySelectorAll('#cm-panel .cm-item').length === 2`)
	if !eval[bool](t, b.ctx, activeIs("#cm-search")) {
		t.Error("the first Escape left the search")
	}
	press(t, b.ctx, kb.Escape)
	poll(t, b.ctx, activeIs(hl))

	// The panel is one key away: p, or the skip link after the first.
	press(t, b.ctx, "p")
	poll(t, b.ctx, activeIs("#cm-panel-title"))
	eval[bool](t, b.ctx, `(() => { document.activeElement.blur(); window.scrollTo(0, 0); return true; })()`)
	open(t, b.ctx, eval[string](t, b.ctx, `location.href`))
	stops := 0
	for ; stops < 5 && !eval[bool](t, b.ctx, `!!document.activeElement && document.activeElement.textContent === 'Skip to the annotations'`); stops++ {
		press(t, b.ctx, kb.Tab)
	}
	if stops > 2 {
		t.Errorf("the skip link to the annotations is %d Tab stops away, want at most 2", stops)
	}
	press(t, b.ctx, kb.Enter)
	poll(t, b.ctx, activeIs("#cm-panel-title"))
}

func TestPopoversStandBesideTheTextTheyAreAbout(t *testing.T) {
	b := openOn(t, desktop, false)
	// OP20 runs over several lines: select words on its second line.
	scrollTo(t, b.ctx, "op20")
	lines := eval[float64](t, b.ctx, `(() => { const p = document.querySelector('#op20 > .cm-para'); return Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)); })()`)
	if lines < 3 {
		t.Fatalf("OP20 is %v lines: the test needs a clause of three or more", lines)
	}
	text := eval[string](t, b.ctx, `document.querySelector('#op20 .cm-text').textContent`)
	mid := len([]rune(text)) / 2
	selectWithRange(t, b.ctx, "op20", mid, mid+12)
	settle(t, b.ctx)
	para := boxOf(t, b.ctx, "#op20 > .cm-para")
	panel := boxOf(t, b.ctx, "#cm-panel")
	tb := boxOf(t, b.ctx, "#cm-toolbar")
	if tb.overlaps(para) {
		t.Errorf("the toolbar %+v covers the clause %+v", tb, para)
	}
	if tb.overlaps(panel) {
		t.Errorf("the toolbar %+v runs over the panel %+v", tb, panel)
	}
	press(t, b.ctx, "2")
	newestHighlight(t, b.ctx, "op20", "request")
	poll(t, b.ctx, activeIs(`#op20 mark[data-start]`))
	press(t, b.ctx, kb.Enter)
	poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
	settle(t, b.ctx)
	para = boxOf(t, b.ctx, "#op20 > .cm-para")
	ed := boxOf(t, b.ctx, "#cm-editor")
	if ed.overlaps(para) {
		t.Errorf("the editor %+v covers the clause %+v", ed, para)
	}
	if ed.overlaps(panel) {
		t.Errorf("the editor %+v runs over the panel %+v", ed, panel)
	}
	if ed.Top < 0 || ed.Bottom > float64(desktop.Height) {
		t.Errorf("the editor is off the screen: %+v", ed)
	}
}

// contrastOf is the contrast of an element's (or pseudo-element's) text
// colour with its background colour, as computed by the browser.
func contrastOf(t testing.TB, ctx context.Context, sel, pseudo string) (float64, float64) {
	t.Helper()
	raw := eval[string](t, ctx, `(() => {
		const s = getComputedStyle(document.querySelector(`+strconv.Quote(sel)+`), `+strconv.Quote(pseudo)+` || null);
		return JSON.stringify([s.color, s.backgroundColor, parseFloat(s.fontSize)]);
	})()`)
	var v [3]any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatal(err)
	}
	fg, err := palette.Parse(v[0].(string))
	if err != nil {
		t.Fatal(err)
	}
	bg, err := palette.Parse(v[1].(string))
	if err != nil {
		t.Fatal(err)
	}
	paper, _ := palette.Parse(eval[string](t, ctx, `getComputedStyle(document.documentElement).backgroundColor`))
	under := bg.Over(paper.RGB)
	return palette.Contrast(fg.Over(under), under), v[2].(float64)
}

func TestTheTagLettersAreLargeAndReadableInBothThemes(t *testing.T) {
	for _, dark := range []bool{false, true} {
		theme := map[bool]string{false: "light", true: "dark"}[dark]
		t.Run(theme, func(t *testing.T) {
			b := openOn(t, desktop, dark)
			for _, x := range []struct{ clause, key, tag string }{
				{"op20", "1", "commitment"}, {"op21", "2", "request"}, {"op22", "3", "concern"},
			} {
				click(t, b.ctx, `#`+x.clause+` .cm-label`)
				press(t, b.ctx, x.key)
				newestHighlight(t, b.ctx, x.clause, x.tag)
				poll(t, b.ctx, `!!document.querySelector('#cm-panel .cm-item[data-tag="`+x.tag+`"]')`)
				for _, where := range []struct{ sel, pseudo string }{
					{`.cm-tagmark[data-tagmark="` + x.tag + `"]`, "::after"},
					{`#cm-panel .cm-item[data-tag="` + x.tag + `"] .cm-tag-letter`, ""},
				} {
					c, size := contrastOf(t, b.ctx, where.sel, where.pseudo)
					if size < 11 {
						t.Errorf("%s%s: the letter is %.1f px, want 11 or more", where.sel, where.pseudo, size)
					}
					if c < 4.5 {
						t.Errorf("%s%s: the letter's contrast is %.2f, want 4.5", where.sel, where.pseudo, c)
					}
				}
			}
			// Delete, in the editor.
			click(t, b.ctx, `#op21 mark[data-start]`)
			poll(t, b.ctx, `!!document.querySelector('#cm-editor .cm-danger')`)
			if c, _ := contrastOf(t, b.ctx, "#cm-editor .cm-danger", ""); c < 4.5 {
				t.Errorf("Delete's contrast is %.2f, want 4.5", c)
			}
		})
	}
}

func TestTheSmallThings(t *testing.T) {
	b := openOn(t, desktop, false)

	if alt := eval[string](t, b.ctx, `document.querySelector('.cm-bar img').getAttribute('alt') || ''`); alt != "Clausemark" {
		t.Errorf("the logo's alt is %q", alt)
	}
	// Before anything is done, nothing is said to be saved.
	if got := eval[string](t, b.ctx, `document.querySelector('.cm-save').textContent`); got == "All changes saved" {
		t.Errorf("the status says %q before any change", got)
	}
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "op21", "request")
	waitStored(t, b.ctx, 1)
	poll(t, b.ctx, `document.querySelector('.cm-save').textContent === 'All changes saved'`)

	// A highlight is named by its text; its tag is its description.
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('mark[aria-label], mark[role]').length`); n != 0 {
		t.Errorf("%v highlights have a label or a role of their own", n)
	}
	if got := eval[string](t, b.ctx, `document.querySelector('#op21 mark[data-start]').getAttribute('aria-description')`); got != "Request. Enter to open." {
		t.Errorf("the highlight's description is %q", got)
	}

	// The export menu speaks plainly.
	clickInPlace(t, b.ctx, "#cm-export")
	poll(t, b.ctx, `!!document.querySelector('#cm-export-menu')`)
	items := eval[string](t, b.ctx, `[...document.querySelectorAll('#cm-export-menu [role=menuitem]')].filter(e => e.offsetParent).map(e => e.textContent).join(' | ')`)
	if !strings.Contains(items, "Web Annotation (W3C)") || strings.Contains(items, "Export W3C") {
		t.Errorf("the menu says: %s", items)
	}
	press(t, b.ctx, kb.Escape)

	// Your delegation says what it applies to.
	if got := eval[string](t, b.ctx, `(() => { const i = document.getElementById('cm-author'); const d = document.getElementById(i.getAttribute('aria-describedby') || ''); return d ? d.textContent : ''; })()`); !strings.Contains(got, "from now on") {
		t.Errorf("the delegation field is described as %q", got)
	}

	// A note too long is never cut: the editor says so and does not save.
	click(t, b.ctx, `#op21 mark[data-start]`)
	poll(t, b.ctx, `!!document.querySelector('#cm-note')`)
	setNote := func(n int) {
		t.Helper()
		eval[bool](t, b.ctx, `(() => { const e = document.getElementById('cm-note'); e.value = 'a'.repeat(`+strconv.Itoa(n)+`); e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
	}
	setNote(100_000)
	poll(t, b.ctx, `!!document.querySelector('.cm-note-count.is-over')`)
	if got := eval[string](t, b.ctx, `document.querySelector('.cm-note-count').textContent`); !strings.Contains(got, "100,000") || !strings.Contains(got, "10,000") {
		t.Errorf("the editor says %q of a note of 100,000 characters", got)
	}
	click(t, b.ctx, `#cm-editor .cm-primary`)
	time.Sleep(500 * time.Millisecond)
	if eval[float64](t, b.ctx, `document.getElementById('cm-note').value.length`) != 100_000 {
		t.Error("the note was cut")
	}
	if got := stored(t, b.ctx)[id].Note; got != "" {
		t.Errorf("a note too long was saved as %d characters", len(got))
	}
	setNote(10_000)
	poll(t, b.ctx, `!document.querySelector('.cm-note-count.is-over')`)
	click(t, b.ctx, `#cm-editor .cm-primary`)
	poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)
	deadline := time.Now().Add(10 * time.Second)
	for len(stored(t, b.ctx)[id].Note) != 10_000 {
		if time.Now().After(deadline) {
			t.Fatalf("a note of 10,000 characters was stored as %d", len(stored(t, b.ctx)[id].Note))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestASuggestionNeverSitsBesideTheNextClausesLabel(t *testing.T) {
	// S/2024/400's OP16, "Requests the Secretary-General to:", is one line
	// with its sub-paragraphs right under it.
	text, err := os.ReadFile("../testdata/corpus/S_2024_400-EN.extract.txt")
	if err != nil {
		t.Fatal(err)
	}
	srv := startServerWithDocument(t, string(text))
	for _, s := range []screen{desktop, tablet, phone} {
		t.Run(s.Name, func(t *testing.T) {
			b := newBrowser(t)
			emulate(t, b.ctx, s, false)
			open(t, b.ctx, srv.Doc)
			eval[bool](t, b.ctx, `(() => { document.querySelectorAll('.cm-clause').forEach(c => c.style.contentVisibility = 'visible'); return true; })()`)
			settle(t, b.ctx)
			bad := eval[string](t, b.ctx, `(() => {
				const clauses = [...document.querySelectorAll('.cm-clause')];
				const out = [];
				let n = 0;
				clauses.forEach((c, i) => {
					const s = c.querySelector(':scope > .cm-margin .cm-suggest');
					const next = clauses[i + 1] && clauses[i + 1].querySelector(':scope > .cm-margin .cm-label');
					if (!s || !next) return;
					n++;
					const a = s.getBoundingClientRect(), b = next.getBoundingClientRect();
					if (a.bottom > b.top + 0.5) out.push(c.id + ' (' + Math.round(a.bottom - b.top) + ' px)');
				});
				return n === 0 ? 'no suggestions' : out.join(', ');
			})()`)
			if bad != "" {
				t.Errorf("suggestions reaching the next clause's label: %s", bad)
			}
		})
	}
}

// newTabOpened waits for the page to open a tab whose URL starts with
// prefix and returns a context attached to it.
func newTabOpened(t *testing.T, b *browser, prefix string, open func()) context.Context {
	t.Helper()
	ch := chromedp.WaitNewTarget(b.ctx, func(i *target.Info) bool { return strings.HasPrefix(i.URL, prefix) })
	open()
	select {
	case id, ok := <-ch:
		if !ok {
			t.Fatal("no tab opened")
		}
		ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id))
		t.Cleanup(cancel)
		b.watchConsole(ctx)
		return ctx
	case <-time.After(20 * time.Second):
		t.Fatalf("no tab at %s… opened", prefix)
	}
	return nil
}

func TestThePrintViewOfTheBriefOpensInANewTab(t *testing.T) {
	b := openOn(t, desktop, false)
	dl := b.watchDownloads()
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	newestHighlight(t, b.ctx, "op21", "request")
	press(t, b.ctx, "n")
	poll(t, b.ctx, activeIs("#cm-note"))
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("cm-note"), "Ask for a “budget” line <b>")); err != nil {
		t.Fatal(err)
	}
	press(t, b.ctx, kb.Enter, chromedp.ModifierCtrl)
	waitStored(t, b.ctx, 1)
	clickInPlace(t, b.ctx, "#cm-export")
	poll(t, b.ctx, `!!document.querySelector('#cm-export-menu')`)
	if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.Search(`//button[@role="menuitem"][normalize-space()="Clausemark file (JSON)"]`))); err != nil {
		t.Fatal(err)
	}
	set := setOf(t, resolution.Seed(), dl.next())

	tab := newTabOpened(t, b, "blob:", func() {
		clickInPlace(t, b.ctx, "#cm-export")
		poll(t, b.ctx, `!!document.querySelector('#cm-export-menu')`)
		if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.Search(`//button[@role="menuitem"][normalize-space()="Print view of the brief"]`))); err != nil {
			t.Fatal(err)
		}
	})
	if err := chromium.Poll(tab, "the print view", `document.readyState === 'complete' && !!document.querySelector('h1')`, 20*time.Second); err != nil {
		t.Fatal(err)
	}
	// The page as it came (its policy lets no script of the page fetch
	// it).
	tree, err := chromedp.Call(tab, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(tab, page.GetResourceContent, page.GetResourceContentParams{FrameID: tree.FrameTree.Frame.ID, URL: tree.FrameTree.Frame.URL})
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Content)
	want, err := annotations.ExportPrint(set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the print view is not the one package annotations writes:\n got %.300q\nwant %.300q", got, want)
	}
	// Its style sheet applies (the page's policy allows its hash) and
	// nothing of the note became HTML.
	if d := eval[string](t, tab, `getComputedStyle(document.querySelector('dl.meta')).display`); d != "grid" {
		t.Errorf("the print view's style sheet did not apply: its list of facts is laid out as %q", d)
	}
	if n := eval[float64](t, tab, `document.querySelectorAll('body b').length`); n != 0 {
		t.Error("a note became HTML in the print view")
	}
}

func TestPrintingThePageShowsEachNoteWithItsClause(t *testing.T) {
	b, _ := openBridge(t)
	emulate(t, b.ctx, desktop, false)
	for _, x := range []struct{ clause, key, note string }{
		{"op21", "2", "Ask for a budget line"},
		{"pp3", "1", "Our capital supports this"},
	} {
		click(t, b.ctx, `#`+x.clause+` .cm-label`)
		press(t, b.ctx, x.key)
		newestHighlight(t, b.ctx, x.clause, map[string]string{"1": "commitment", "2": "request"}[x.key])
		press(t, b.ctx, "n")
		poll(t, b.ctx, activeIs("#cm-note"))
		if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("cm-note"), x.note)); err != nil {
			t.Fatal(err)
		}
		press(t, b.ctx, kb.Enter, chromedp.ModifierCtrl)
		poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)
	}
	waitStored(t, b.ctx, 2)
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF())
	if err != nil {
		t.Fatal(err)
	}
	r := extractInPage(t, b, pdf, 0)
	if err := r.err(); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, p := range r.Result.Pages {
		for _, it := range p.Items {
			text.WriteString(it.Str)
			if it.HasEOL {
				text.WriteByte(' ')
			}
		}
	}
	printed := strings.Join(strings.Fields(text.String()), " ")
	// Each note after the words of its clause, before the next clause.
	for _, c := range []struct{ note, end, next string }{
		{"Ask for a budget line", "replenishing the resources available to the funds;", "Also requests the Office of the High Commissioner to make clear"},
		{"Our capital supports this", "", ""},
	} {
		i := strings.Index(printed, c.note)
		if i < 0 {
			t.Errorf("the printed page lacks the note %q", c.note)
			continue
		}
		if c.end != "" {
			if j := strings.LastIndex(printed[:i], c.end); j < 0 || i-j > 200 {
				t.Errorf("the note %q is not printed right after its clause (%q)", c.note, c.end)
			}
			if j := strings.Index(printed[i:], c.next); j < 0 || j > 300 {
				t.Errorf("the note %q is not printed before the next clause", c.note)
			}
		}
	}
	// Printing over, the page is as it was.
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('.cm-print-notes').length`); n != 0 {
		t.Errorf("%v printed notes stay in the page", n)
	}
}

// showPanel opens the panel unless the bar says it is open, then waits
// for its list. It asks the toggle, not the list: a tag's row reaches the
// panel up to 40 ms after its highlight, so a list not there yet does not
// mean a panel closed, and toggling it then would close it.
func showPanel(t testing.TB, ctx context.Context) {
	t.Helper()
	if !eval[bool](t, ctx, `document.getElementById('cm-panel-toggle').getAttribute('aria-expanded') === 'true'`) {
		clickInPlace(t, ctx, ".cm-panel-toggle")
	}
	poll(t, ctx, `!!document.querySelector('#cm-panel .cm-item')`)
}

// axeStates are the views axe-core checks, each opened from the page with
// a request on OP21 (and the panel as the screen shows it); close undoes
// what open did.
var axeStates = []struct {
	name        string
	open, close func(t testing.TB, ctx context.Context)
}{
	{"reader", func(testing.TB, context.Context) {}, func(testing.TB, context.Context) {}},
	{"panel", func(t testing.TB, ctx context.Context) {
		showPanel(t, ctx)
	}, func(t testing.TB, ctx context.Context) {
		if eval[bool](t, ctx, `innerWidth < 900`) {
			clickInPlace(t, ctx, ".cm-panel-toggle")
			poll(t, ctx, `!document.querySelector('#cm-panel')`)
		}
	}},
	{"toolbar", func(t testing.TB, ctx context.Context) {
		selectWithRange(t, ctx, "pp11", 0, 16)
	}, func(t testing.TB, ctx context.Context) {
		press(t, ctx, kb.Escape)
		poll(t, ctx, `!document.querySelector('#cm-toolbar')`)
	}},
	{"editor", func(t testing.TB, ctx context.Context) {
		eval[bool](t, ctx, `(() => { document.querySelector('#op21 mark[data-start]').focus(); return true; })()`)
		press(t, ctx, kb.Enter)
		poll(t, ctx, `!!document.querySelector('#cm-editor')`)
	}, func(t testing.TB, ctx context.Context) {
		press(t, ctx, kb.Escape)
		poll(t, ctx, `!document.querySelector('#cm-editor')`)
	}},
	{"help dialog", func(t testing.TB, ctx context.Context) {
		clickInPlace(t, ctx, "#cm-help-button")
		poll(t, ctx, `!!document.querySelector('#cm-help-dialog')`)
	}, func(t testing.TB, ctx context.Context) {
		press(t, ctx, kb.Escape)
		poll(t, ctx, `!document.querySelector('#cm-help-dialog')`)
	}},
	{"export menu", func(t testing.TB, ctx context.Context) {
		clickInPlace(t, ctx, "#cm-export")
		poll(t, ctx, `!!document.querySelector('#cm-export-menu')`)
	}, func(t testing.TB, ctx context.Context) {
		press(t, ctx, kb.Escape)
		poll(t, ctx, `!document.querySelector('#cm-export-menu')`)
	}},
	{"import preview", func(t testing.TB, ctx context.Context) {
		importFile(t, ctx, axeImportFile)
		poll(t, ctx, `!!document.querySelector('#cm-import-dialog .cm-import-table')`)
	}, func(t testing.TB, ctx context.Context) {
		press(t, ctx, kb.Escape)
		poll(t, ctx, `!document.querySelector('#cm-import-dialog')`)
	}},
}

// axeImportFile is the file the import preview of the axe test shows.
var axeImportFile string

func TestAxeFindsNoWCAG21AOrAAViolation(t *testing.T) {
	axeImportFile = annotationFile(t)
	for _, s := range []screen{desktop, phone} {
		for _, dark := range []bool{false, true} {
			theme := map[bool]string{false: "light", true: "dark"}[dark]
			t.Run(s.Name+"/"+theme, func(t *testing.T) {
				b := openOn(t, s, dark)
				importAnnotations(t, b.ctx, annotations.Annotation{Clause: "op21", Tag: annotations.Request, Note: "A note"})
				poll(t, b.ctx, `!!document.querySelector('#op21 mark[data-start]')`)
				for _, st := range axeStates {
					st.open(t, b.ctx)
					settle(t, b.ctx)
					vs, incomplete := axeRun(t, b.ctx)
					for _, v := range vs {
						t.Errorf("%s: %s", st.name, v)
					}
					t.Logf("%s: %d violations; for a person to review: %s", st.name, len(vs), strings.Join(incomplete, ", "))
					st.close(t, b.ctx)
				}
			})
		}
	}
}

// TestAxeFindsNoViolationInTheLibraryTheReviewAndTheCompareView checks the
// pages beyond the reader: the review of carried annotations (a revised
// text opened over annotations), the compare view, the library and All
// annotations — in both themes, at desktop and phone width.
func TestAxeFindsNoViolationInTheLibraryTheReviewAndTheCompareView(t *testing.T) {
	for _, s := range []screen{desktop, phone} {
		for _, dark := range []bool{false, true} {
			theme := map[bool]string{false: "light", true: "dark"}[dark]
			t.Run(s.Name+"/"+theme, func(t *testing.T) {
				srv := startServer(t)
				b := newBrowser(t)
				emulate(t, b.ctx, s, dark)
				open(t, b.ctx, srv.Doc)
				importAnnotations(t, b.ctx,
					annotations.Annotation{Clause: "op21", Tag: annotations.Request, Note: "A note"},
					annotations.Annotation{Clause: "pp5", Tag: annotations.Concern})
				poll(t, b.ctx, `!!document.querySelector('#op21 mark[data-start]')`)
				check := func(name string) {
					settle(t, b.ctx)
					vs, incomplete := axeRun(t, b.ctx)
					for _, v := range vs {
						t.Errorf("%s: %s", name, v)
					}
					t.Logf("%s: %d violations; for a person to review: %s", name, len(vs), strings.Join(incomplete, ", "))
				}
				chooseDocument(t, b.ctx, rev1)
				poll(t, b.ctx, `document.querySelector('[role=region][aria-label="Review carried annotations"] .cm-review-counts') !== null`)
				check("review")
				open(t, b.ctx, srv.URL+"/d/A-HRC-RES-53-11/compare/1")
				poll(t, b.ctx, `document.querySelector('#cm-changes [data-change]') !== null`)
				check("compare")
				open(t, b.ctx, srv.URL+"/library")
				poll(t, b.ctx, `document.querySelector('[data-document="A-HRC-RES-53-11"]') !== null`)
				check("library")
				open(t, b.ctx, srv.URL+"/annotations")
				poll(t, b.ctx, `document.querySelectorAll('[role=region][aria-label="All annotations"] [data-annotation], [role=region][aria-label="All annotations"] .cm-item').length > 0`)
				check("all annotations")
			})
		}
	}
}
