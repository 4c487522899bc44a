package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
)

// storedAnnotation is an annotation as the app keeps it in IndexedDB.
type storedAnnotation struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	Clause   string `json:"clause"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Exact    string `json:"exact"`
	Tag      string `json:"tag"`
	Note     string `json:"note"`
	Modified string `json:"modified"`
}

// stored reads every annotation the app saved, straight from IndexedDB
// (database "clausemark", store "annotations"), by id.
func stored(t testing.TB, ctx context.Context) map[string]storedAnnotation {
	t.Helper()
	js := `new Promise((resolve, reject) => {
		const req = indexedDB.open('clausemark');
		req.onerror = () => reject(req.error);
		req.onsuccess = () => {
			const db = req.result;
			if (!db.objectStoreNames.contains('annotations')) { db.close(); resolve('[]'); return; }
			const all = db.transaction('annotations').objectStore('annotations').getAll();
			all.onsuccess = () => { db.close(); resolve(JSON.stringify(all.result)); };
			all.onerror = () => { db.close(); reject(all.error); };
		};
	})`
	raw := eval[string](t, ctx, js)
	var list []storedAnnotation
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		t.Fatalf("reading IndexedDB: %v", err)
	}
	out := map[string]storedAnnotation{}
	for _, a := range list {
		out[a.ID] = a
	}
	return out
}

// waitStored waits until IndexedDB holds n annotations and the app says
// everything is saved.
func waitStored(t testing.TB, ctx context.Context, n int) map[string]storedAnnotation {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := stored(t, ctx)
		if len(got) == n && eval[bool](t, ctx, `document.querySelector('.cm-save-saved') !== null`) {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("IndexedDB holds %d annotations, want %d (status %q %q)", len(got), n,
				eval[string](t, ctx, `(document.querySelector('.cm-save')||{}).textContent||''`),
				eval[string](t, ctx, `(document.querySelector('.cm-banner')||{}).textContent||''`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// onlyOne returns the one annotation of a map.
func onlyOne(t testing.TB, m map[string]storedAnnotation) storedAnnotation {
	t.Helper()
	if len(m) != 1 {
		t.Fatalf("got %d annotations, want 1", len(m))
	}
	for _, a := range m {
		return a
	}
	panic("unreachable")
}

// highlightText is the text a highlight covers: the text of its elements,
// leaving out marks of the same annotation nested in another of its marks.
func highlightText(t testing.TB, ctx context.Context, id string) string {
	t.Helper()
	return eval[string](t, ctx, `(() => {
		const id = `+strconv.Quote(id)+`;
		const marks = [...document.querySelectorAll('mark[data-annotation]')].filter(m => m.dataset.annotation === id);
		return marks.filter(m => !(m.parentElement && m.parentElement.closest('mark[data-annotation="' + CSS.escape(id) + '"]')))
			.map(m => m.textContent).join('');
	})()`)
}

// jsTextPoint is JavaScript that finds the text node and UTF-16 offset of
// a code point offset in a clause's plain text (skipping footnote markers).
const jsTextPoint = `function cmPoint(clause, cp, forChar) {
	const el = document.getElementById(clause).querySelector(':scope > .cm-para .cm-text');
	const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
	let seen = 0, last = null;
	for (let n = w.nextNode(); n; n = w.nextNode()) {
		if (n.parentElement.closest('[data-nontext]')) continue;
		const cps = Array.from(n.data);
		if (cp < seen + cps.length || (!forChar && cp === seen + cps.length)) {
			return [n, cps.slice(0, cp - seen).join('').length];
		}
		seen += cps.length; last = n;
	}
	return [last, last.data.length];
}`

// selectWithRange selects [start, end) (code points) of a clause's text
// with a DOM Range, as a script or an assistive technology would, and
// ends it like a mouse selection ends (mouseup).
func selectWithRange(t testing.TB, ctx context.Context, clause string, start, end int) {
	t.Helper()
	eval[bool](t, ctx, `(() => {`+jsTextPoint+`
		const [sn, so] = cmPoint(`+strconv.Quote(clause)+`, `+strconv.Itoa(start)+`);
		const [en, eo] = cmPoint(`+strconv.Quote(clause)+`, `+strconv.Itoa(end)+`);
		const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
		const s = getSelection(); s.removeAllRanges(); s.addRange(r);
		document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
		return true;
	})()`)
	// The toolbar of this selection, not one left from the last.
	poll(t, ctx, `document.querySelector('#cm-toolbar[data-clause="`+clause+`"][data-span="`+strconv.Itoa(start)+`-`+strconv.Itoa(end)+`"]') !== null`)
}

// point is a position on screen.
type point struct{ X, Y float64 }

// scrollTo scrolls a clause to the middle of the view.
func scrollTo(t testing.TB, ctx context.Context, clause string) {
	t.Helper()
	eval[bool](t, ctx, `(async () => {
		document.getElementById(`+strconv.Quote(clause)+`).scrollIntoView({block: 'center', behavior: 'instant'});
		await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
		return true;
	})()`)
}

// charPoint returns the middle of the left edge (or the right edge) of the
// character at a code point offset of a clause's text, where it is on
// screen now (scroll first).
func charPoint(t testing.TB, ctx context.Context, clause string, cp int, right bool) point {
	t.Helper()
	raw := eval[string](t, ctx, `(() => {`+jsTextPoint+`
		const [n, o] = cmPoint(`+strconv.Quote(clause)+`, `+strconv.Itoa(cp)+`, true);
		const len = Array.from(n.data.slice(o))[0].length;
		const r = document.createRange(); r.setStart(n, o); r.setEnd(n, o + len);
		const b = r.getClientRects()[0];
		return JSON.stringify({X: `+map[bool]string{false: "b.left + 1", true: "b.right - 1"}[right]+`, Y: b.top + b.height / 2});
	})()`)
	var p point
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// drag presses the mouse at one point, moves to another in steps and
// releases it: a real selection by mouse.
func drag(t testing.TB, ctx context.Context, from, to point) {
	t.Helper()
	steps := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MouseMoved, from.X, from.Y)}
	steps = append(steps, chromedp.MouseEvent(chromedp.MousePressed, from.X, from.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	for i := 1; i <= 8; i++ {
		x := from.X + (to.X-from.X)*float64(i)/8
		y := from.Y + (to.Y-from.Y)*float64(i)/8
		steps = append(steps, chromedp.MouseEvent(chromedp.MouseMoved, x, y, chromedp.ButtonLeft))
	}
	steps = append(steps, chromedp.MouseEvent(chromedp.MouseReleased, to.X, to.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("drag: %v", err)
	}
}

// click clicks the first element matching a CSS selector with the mouse,
// after scrolling it to the middle of the screen as a reader would, once
// it stands still: clauses coming into view are laid out
// (content-visibility) and what a tag just made renders after its paint,
// and a click aimed before the page settled would land beside it.
func click(t testing.TB, ctx context.Context, sel string) {
	t.Helper()
	found := eval[bool](t, ctx, `(async () => {
		const e = document.querySelector(`+strconv.Quote(sel)+`);
		if (!e) return false;
		e.scrollIntoView({block: 'center', behavior: 'instant'});
		const frame = () => new Promise(r => requestAnimationFrame(r));
		let last = '', still = 0;
		for (let i = 0; i < 120 && still < 3; i++) {
			await frame();
			const r = e.getBoundingClientRect();
			const now = [r.left, r.top, r.width, r.height].join();
			still = now === last ? still + 1 : 0;
			last = now;
		}
		return true;
	})()`)
	if !found {
		t.Fatalf("click %s: no such element", sel)
	}
	// chromedp aims at the element's first box (a highlight over several
	// lines is not clicked between them).
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// press types keys as the keyboard would (kb.ArrowRight and the like for
// special keys): each key is one keyDown event that carries its text, and
// a keyUp, as a real keyboard sends them, so that a key the page takes
// (preventDefault on keydown) types nothing. (chromedp.KeyEvent sends the
// text as a separate char event, which Chromium types into whatever has
// the focus by then, whatever the keydown's handler did.)
func press(t testing.TB, ctx context.Context, keys string, mods ...chromedp.Modifier) {
	t.Helper()
	var m kb.Modifier
	for _, x := range mods {
		m |= x
	}
	for _, r := range keys {
		events := kb.Encode(r)
		var seq []*input.DispatchKeyEventParams
		for _, e := range events {
			e.Modifiers |= int64(m)
			if e.Type == kb.KeyChar {
				seq[0].Text, seq[0].UnmodifiedText = e.Text, e.UnmodifiedText
				continue
			}
			seq = append(seq, e)
		}
		if m&(kb.ModifierCtrl|kb.ModifierMeta|kb.ModifierAlt) != 0 {
			seq[0].Text, seq[0].UnmodifiedText = "", ""
		}
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			for _, e := range seq {
				if _, err := cdp.Call(ctx, target, input.DispatchKeyEvent, *e); err != nil {
					return err
				}
			}
			return nil
		}))
		if err != nil {
			t.Fatalf("press %q: %v", keys, err)
		}
	}
}

var _ = kb.ArrowRight

// newestHighlight waits for a highlight of a tag in a clause and returns
// its annotation id.
func newestHighlight(t testing.TB, ctx context.Context, clause, tag string) string {
	t.Helper()
	sel := `#` + clause + ` mark[data-tag="` + tag + `"][data-start]`
	poll(t, ctx, `document.querySelector('`+sel+`') !== null`)
	return eval[string](t, ctx, `document.querySelector('`+sel+`').dataset.annotation`)
}

// downloads collects the files the browser downloads.
type downloads struct {
	t   testing.TB
	dir string
	ch  chan string
}

// watchDownloads lets the browser download into a temporary directory and
// reports each completed file.
func (b *browser) watchDownloads() *downloads {
	b.t.Helper()
	d := &downloads{t: b.t, dir: b.t.TempDir(), ch: make(chan string, 16)}
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior:      cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName,
		DownloadPath:  d.dir,
		EventsEnabled: new(true),
	}); err != nil {
		b.t.Fatalf("allowing downloads: %v", err)
	}
	names := map[string]string{}
	begins := chromedp.BrowserEvents(b.ctx, cdpbrowser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(b.ctx, cdpbrowser.DownloadProgress)
	go func() {
		for ev, err := range begins {
			if err != nil {
				return
			}
			names[ev.GUID] = ev.SuggestedFilename
		}
	}()
	go func() {
		for ev, err := range progress {
			if err != nil {
				return
			}
			if ev.State == cdpbrowser.DownloadProgressStateCompleted {
				d.ch <- ev.GUID
			}
		}
	}()
	_ = names
	return d
}

// next waits for the next download and returns its bytes.
func (d *downloads) next() []byte {
	d.t.Helper()
	select {
	case guid := <-d.ch:
		data, err := os.ReadFile(filepath.Join(d.dir, guid))
		if err != nil {
			d.t.Fatalf("reading the download: %v", err)
		}
		return data
	case <-time.After(20 * time.Second):
		d.t.Fatal("no download completed")
	}
	return nil
}

// setOf is the set of a resolution, as package annotations sees it, with
// the annotations of a native file (nil for none).
func setOf(t testing.TB, text []byte, file []byte) *annotations.Set {
	t.Helper()
	doc, _ := resolution.Parse(text)
	adoc, err := cmapp.AnnotationDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	set := annotations.NewSet(adoc, nil)
	if file != nil {
		plan, err := set.Import(file, annotations.ImportOptions{})
		if err != nil {
			t.Fatalf("importing the exported file: %v", err)
		}
		if _, err := plan.Apply(); err != nil {
			t.Fatal(err)
		}
	}
	return set
}

func fmtJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return fmt.Sprint(string(b))
}
