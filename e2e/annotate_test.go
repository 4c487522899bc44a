package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/bench"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/resolution"
)

// unicodeResolution is a small resolution full of text the DOM and Go count
// differently: curly quotes, accents, emoji (astral, with skin tone), a
// flag, combining marks, CJK.
func unicodeResolution(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/unicode-resolution.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cps returns the code point offsets of a substring in a text.
func cps(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	start := utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(sub)
}

const op1Text = "Welcomes the “Café Déjà-vu” initiative 🌍🤝 and the naïve étude of 東京 partners, with combining marks in cafe\u0301 and e\u0301tude;"

func TestASpanSelectedByAMouseDragIsTaggedExactly(t *testing.T) {
	srv := startServerWithDocument(t, unicodeResolution(t))
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	quote := "“Café Déjà-vu” initiative 🌍🤝 and the naïve étude of 東京"
	start, end := cps(t, op1Text, quote)
	scrollTo(t, b.ctx, "op1")
	drag(t, b.ctx, charPoint(t, b.ctx, "op1", start, false), charPoint(t, b.ctx, "op1", end-1, true))
	poll(t, b.ctx, `document.querySelector('#cm-toolbar') !== null`)
	if got := eval[string](t, b.ctx, `document.querySelector('.cm-toolbar-label').textContent`); !strings.HasPrefix(got, "OP1 · ") {
		t.Errorf("toolbar label: got %q", got)
	}
	click(t, b.ctx, `#cm-toolbar button[data-tag="request"]`)

	id := newestHighlight(t, b.ctx, "op1", "request")
	if got := highlightText(t, b.ctx, id); got != quote {
		t.Errorf("the highlight covers %q, want %q", got, quote)
	}
	a := onlyOne(t, waitStored(t, b.ctx, 1))
	if a.Clause != "op1" || a.Start != start || a.End != end || a.Exact != quote || a.Tag != "request" {
		t.Errorf("stored %+v, want op1 [%d,%d) %q request", a, start, end, quote)
	}
	if a.Document != "A/HRC/RES/59/99" {
		t.Errorf("document: got %q", a.Document)
	}
}

func TestAJSRangeOverEmojiAndCombiningMarksIsTaggedByKey(t *testing.T) {
	srv := startServerWithDocument(t, unicodeResolution(t))
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	quote := "🌍🤝 and the naïve étude of 東京 partners, with combining marks in cafe\u0301 and e\u0301"
	start, end := cps(t, op1Text, quote)
	selectWithRange(t, b.ctx, "op1", start, end)
	press(t, b.ctx, "3")

	id := newestHighlight(t, b.ctx, "op1", "concern")
	if got := highlightText(t, b.ctx, id); got != quote {
		t.Errorf("the highlight covers %q, want %q", got, quote)
	}
	a := onlyOne(t, waitStored(t, b.ctx, 1))
	if a.Start != start || a.End != end || a.Exact != quote {
		t.Errorf("stored [%d,%d) %q, want [%d,%d) %q", a.Start, a.End, a.Exact, start, end, quote)
	}
	if n := eval[float64](t, b.ctx, `getSelection().rangeCount && !getSelection().isCollapsed ? 1 : 0`); n != 0 {
		t.Error("the selection is still there after tagging")
	}
}

func TestAWholeClauseIsTaggedByItsLabel(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	click(t, b.ctx, `#op21 .cm-label`)
	poll(t, b.ctx, `document.querySelector('#cm-toolbar') !== null`)
	if got := eval[string](t, b.ctx, `document.querySelector('.cm-toolbar-label').textContent`); got != "OP21 · whole clause" {
		t.Errorf("toolbar label: got %q, want %q", got, "OP21 · whole clause")
	}
	click(t, b.ctx, `#cm-toolbar button[data-tag="commitment"]`)

	id := newestHighlight(t, b.ctx, "op21", "commitment")
	text := eval[string](t, b.ctx, `document.querySelector('#op21 .cm-text').textContent`)
	if got := highlightText(t, b.ctx, id); got != text {
		t.Errorf("the highlight covers %q, want the whole clause %q", got, text)
	}
	a := onlyOne(t, waitStored(t, b.ctx, 1))
	if a.Start != 0 || a.End != utf8.RuneCountInString(text) {
		t.Errorf("stored [%d,%d), want [0,%d)", a.Start, a.End, utf8.RuneCountInString(text))
	}
}

func TestASelectionAcrossClausesIsKeptWithinTheClauseWhereItStarted(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	// From the middle of OP22 into OP23.
	scrollTo(t, b.ctx, "op22")
	from := charPoint(t, b.ctx, "op22", 10, false)
	to := charPoint(t, b.ctx, "op23", 5, true)
	drag(t, b.ctx, from, to)
	poll(t, b.ctx, `document.querySelector('#cm-toolbar') !== null`)
	label := eval[string](t, b.ctx, `document.querySelector('.cm-toolbar-label').textContent`)
	if !strings.HasPrefix(label, "OP22 · ") || !strings.Contains(label, "kept within OP22") {
		t.Errorf("toolbar label: got %q, want it to say the span is kept within OP22", label)
	}
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "op22", "request")
	text := eval[string](t, b.ctx, `document.querySelector('#op22 .cm-text').textContent`)
	if got := highlightText(t, b.ctx, id); got != string([]rune(text)[10:]) {
		t.Errorf("the highlight covers %q, want the end of OP22 from code point 10", got)
	}
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('#op23 mark').length`); n != 0 {
		t.Errorf("OP23 got %v highlights, want none", n)
	}
}

func TestANoteIsWrittenThenEdited(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	selectWithRange(t, b.ctx, "pp2", 9, 60)
	press(t, b.ctx, "n")
	poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
	click(t, b.ctx, `#cm-editor button[data-tag="request"]`)
	click(t, b.ctx, `#cm-note`)
	note := "Proposer un « amendement » ✍🏽 ici"
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.CSS("#cm-note"), note)); err != nil {
		t.Fatal(err)
	}
	press(t, b.ctx, kb.Enter, chromedp.ModifierCtrl)
	poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)

	a := onlyOne(t, waitStored(t, b.ctx, 1))
	if a.Note != note || a.Tag != "request" || a.Start != 9 || a.End != 60 {
		t.Errorf("stored %+v, want a request on [9,60) with the note %q", a, note)
	}
	// The panel shows it once the page's state is published (up to 40 ms
	// after the change).
	if err := chromium.Poll(b.ctx, "the note in the panel", `document.querySelector('.cm-item-note')?.textContent === `+fmtJSON(note), 10*time.Second); err != nil {
		t.Errorf("the panel shows the note %q, want %q", eval[string](t, b.ctx, `document.querySelector('.cm-item-note')?.textContent ?? 'no note'`), note)
	}

	// Open it by clicking the highlight, change the note and the tag.
	click(t, b.ctx, `#pp2 mark[data-start]`)
	poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
	if got := eval[string](t, b.ctx, `document.getElementById('cm-note').value`); got != note {
		t.Errorf("the editor shows %q, want %q", got, note)
	}
	click(t, b.ctx, `#cm-editor button[data-tag="concern"]`)
	eval[bool](t, b.ctx, `(() => { document.getElementById('cm-note').value = ''; return true; })()`)
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.CSS("#cm-note"), "<b>not bold</b> & kept as text")); err != nil {
		t.Fatal(err)
	}
	click(t, b.ctx, `#cm-editor .cm-primary`)
	poll(t, b.ctx, `document.querySelector('#cm-editor') === null`)
	deadline := 0
	for {
		a = onlyOne(t, waitStored(t, b.ctx, 1))
		if a.Note == "<b>not bold</b> & kept as text" || deadline > 100 {
			break
		}
		deadline++
	}
	if a.Tag != "concern" || a.Note != "<b>not bold</b> & kept as text" {
		t.Errorf("stored %+v, want a concern with the new note", a)
	}
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('.cm-panel b').length`); n != 0 {
		t.Error("a note was rendered as HTML")
	}
}

func TestADeleteCanBeUndone(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	click(t, b.ctx, `#op7 .cm-label`)
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "op7", "request")
	waitStored(t, b.ctx, 1)

	click(t, b.ctx, `#op7 mark[data-start]`)
	poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
	click(t, b.ctx, `#cm-editor .cm-danger`)
	poll(t, b.ctx, `document.querySelector('#op7 mark') === null`)
	waitStored(t, b.ctx, 0)

	click(t, b.ctx, `.cm-toast-undo`)
	poll(t, b.ctx, `document.querySelector('#op7 mark[data-annotation="`+id+`"]') !== null`)
	if got := waitStored(t, b.ctx, 1); got[id].Tag != "request" {
		t.Errorf("after undo the store holds %+v", got)
	}

	// The keyboard does the same: focus the highlight, Delete, then u.
	eval[bool](t, b.ctx, `(() => { document.querySelector('#op7 mark[data-start]').focus(); return true; })()`)
	press(t, b.ctx, kb.Delete)
	poll(t, b.ctx, `document.querySelector('#op7 mark') === null`)
	press(t, b.ctx, "u")
	poll(t, b.ctx, `document.querySelector('#op7 mark') !== null`)
	waitStored(t, b.ctx, 1)
}

func TestAnnotationsSurviveAReloadAndAReopenedBrowser(t *testing.T) {
	srv := startServer(t)
	profile := t.TempDir()
	b := newBrowserWithProfile(t, profile)
	open(t, b.ctx, srv.Doc)

	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	selectWithRange(t, b.ctx, "pp11", 0, 16)
	press(t, b.ctx, "3")
	want := waitStored(t, b.ctx, 2)

	if err := chromedp.Do(b.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitReady(t, b.ctx)
	poll(t, b.ctx, `document.querySelectorAll('mark[data-start]').length === 2`)
	if got := stored(t, b.ctx); len(got) != len(want) {
		t.Errorf("after reload the store holds %d, want %d", len(got), len(want))
	}
}

func TestASecondTabSeesChangesLive(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	other := b.newTab()
	open(t, other, srv.Doc)

	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "op21", "request")
	poll(t, other, `document.querySelector('#op21 mark[data-annotation="`+id+`"][data-tag="request"]') !== null`)

	// A change in the second tab comes back to the first.
	eval[bool](t, other, `(() => { document.querySelector('#op21 mark[data-start]').focus(); return true; })()`)
	press(t, other, "3")
	poll(t, b.ctx, `document.querySelector('#op21 mark[data-annotation="`+id+`"][data-tag="concern"]') !== null`)

	// Both tabs add at the same time: neither is lost.
	click(t, b.ctx, `#op7 .cm-label`)
	click(t, other, `#op8 .cm-label`)
	press(t, b.ctx, "1")
	press(t, other, "1")
	for _, tab := range []context.Context{b.ctx, other} {
		poll(t, tab, `document.querySelector('#op7 mark[data-tag="commitment"]') !== null && document.querySelector('#op8 mark[data-tag="commitment"]') !== null`)
	}
	waitStored(t, b.ctx, 3)
}

func TestConcurrentEditsOfOneAnnotationInTwoTabsAreBothKept(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	other := b.newTab()
	open(t, other, srv.Doc)

	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "op21", "request")
	poll(t, other, `document.querySelector('#op21 mark[data-annotation="`+id+`"]') !== null`)
	waitStored(t, b.ctx, 1)

	// Both tabs edit the same annotation before hearing of each other:
	// one changes its tag, the other its note (the BroadcastChannel is
	// bypassed by writing in the same event loop turn of both tabs).
	eval[bool](t, b.ctx, `(() => { document.querySelector('#op21 mark[data-start]').focus(); return true; })()`)
	eval[bool](t, other, `(() => { document.querySelector('#op21 mark[data-start]').click(); return true; })()`)
	poll(t, other, `document.querySelector('#cm-editor') !== null`)
	if err := chromedp.Do(other, chromedp.SendKeys(chromedp.CSS("#cm-note"), "edited in the second tab")); err != nil {
		t.Fatal(err)
	}
	press(t, b.ctx, "3")
	click(t, other, `#cm-editor .cm-primary`)

	deadline := time.Now().Add(15 * time.Second)
	for {
		got := stored(t, b.ctx)[id]
		if got.Tag == "concern" && got.Note == "edited in the second tab" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored %+v, want the tag of the first tab and the note of the second", got)
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, tab := range []context.Context{b.ctx, other} {
		poll(t, tab, `document.querySelector('#op21 mark[data-annotation="`+id+`"][data-tag="concern"][data-note]') !== null`)
	}
}

// TestTwoTabsSavingTheSameNoteKeepBothNotes is the lost update: both tabs
// have the editor open on one annotation; the second tab saves its note,
// then the first saves its own. Neither note may vanish, and the tab that
// merged says so.
func TestTwoTabsSavingTheSameNoteKeepBothNotes(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	other := b.newTab()
	open(t, other, srv.URL+"/d/A-HRC-RES-53-11")

	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "op21", "request")
	poll(t, other, `document.querySelector('#op21 mark[data-annotation="`+id+`"]') !== null`)
	waitStored(t, b.ctx, 1)

	for _, tab := range []context.Context{b.ctx, other} {
		eval[bool](t, tab, `(() => { document.querySelector('#op21 mark[data-start]').click(); return true; })()`)
		poll(t, tab, `document.querySelector('#cm-note') !== null`)
	}
	type note struct {
		tab  context.Context
		text string
	}
	for _, n := range []note{{other, "Second tab: ask for a budget line"}, {b.ctx, "First tab: support as drafted"}} {
		if err := chromedp.Do(n.tab, chromedp.SendKeys(chromedp.CSS("#cm-note"), n.text)); err != nil {
			t.Fatal(err)
		}
		click(t, n.tab, `#cm-editor .cm-primary`)
		poll(t, n.tab, `document.querySelector('#cm-editor') === null`)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := stored(t, b.ctx)[id]
		if strings.Contains(got.Note, "First tab: support as drafted") && strings.Contains(got.Note, "Second tab: ask for a budget line") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored note %q: an edit was lost", got.Note)
		}
		time.Sleep(100 * time.Millisecond)
	}
	poll(t, b.ctx, `(document.querySelector('.cm-toast') || {textContent: ''}).textContent.includes('both versions are kept in the note')`)
	for _, tab := range []context.Context{b.ctx, other} {
		poll(t, tab, `[...document.querySelectorAll('.cm-item-note')].some(e => e.textContent.includes('Second tab') && e.textContent.includes('First tab'))`)
		poll(t, tab, `document.querySelector('.cm-save').textContent === 'All changes saved'`)
	}
}

func TestEveryExportIsTheFileTheAnnotationsPackageWrites(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	dl := b.watchDownloads()
	open(t, b.ctx, srv.Doc)

	// The delegation's name goes on new annotations.
	author := "Délégation de l’Uruguay"
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("cm-author"), author+kb.Tab)); err != nil {
		t.Fatal(err)
	}
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	selectWithRange(t, b.ctx, "pp11", 0, 16)
	press(t, b.ctx, "n")
	poll(t, b.ctx, `document.querySelector('#cm-editor') !== null`)
	click(t, b.ctx, `#cm-editor button[data-tag="concern"]`)
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.CSS("#cm-note"), "=cmd|' /C calc'!A0 “quoted”, é")); err != nil {
		t.Fatal(err)
	}
	click(t, b.ctx, `#cm-editor .cm-primary`)
	waitStored(t, b.ctx, 2)

	files := map[string][]byte{}
	for _, item := range []string{"Clausemark file (JSON)", "Web Annotation (W3C)", "Drafting brief (Markdown)", "Spreadsheet (CSV)"} {
		click(t, b.ctx, `#cm-export`)
		poll(t, b.ctx, `document.querySelector('#cm-export-menu') !== null`)
		if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.Search(`//button[@role="menuitem"][normalize-space()="`+item+`"]`))); err != nil {
			t.Fatalf("clicking %s: %v", item, err)
		}
		files[item] = dl.next()
	}

	// The same set, exported by package annotations at the same instant,
	// gives the same bytes.
	native := files["Clausemark file (JSON)"]
	var envelope struct {
		Exported time.Time `json:"exported"`
	}
	if err := json.Unmarshal(native, &envelope); err != nil {
		t.Fatalf("the JSON export does not parse: %v", err)
	}
	set := setOf(t, resolution.Seed(), native)
	if set.Len() != 2 {
		t.Fatalf("the JSON export holds %d annotations, want 2", set.Len())
	}
	var w3c struct {
		Generated time.Time `json:"generated"`
	}
	if err := json.Unmarshal(files["Web Annotation (W3C)"], &w3c); err != nil {
		t.Fatalf("the W3C export does not parse: %v", err)
	}
	// Each file was exported at its own instant: use it.
	clocks := map[string]time.Time{"Clausemark file (JSON)": envelope.Exported, "Web Annotation (W3C)": w3c.Generated, "Drafting brief (Markdown)": envelope.Exported, "Spreadsheet (CSV)": envelope.Exported}
	for item, export := range map[string]func(*annotations.Set, func() time.Time) ([]byte, error){
		"Clausemark file (JSON)":    annotations.ExportJSON,
		"Web Annotation (W3C)":      annotations.ExportW3C,
		"Drafting brief (Markdown)": annotations.ExportMarkdown,
		"Spreadsheet (CSV)":         annotations.ExportCSV,
	} {
		at := clocks[item]
		want, err := export(set, func() time.Time { return at })
		if err != nil {
			t.Fatal(err)
		}
		if got := files[item]; string(got) != string(want) {
			t.Errorf("%s: the download differs from package annotations' export:\n got %q\nwant %q", item, got, want)
		}
	}
	for _, a := range set.All() {
		if a.Author != author {
			t.Errorf("author: got %q, want %q", a.Author, author)
		}
	}
	if !strings.Contains(string(files["Spreadsheet (CSV)"]), `'=cmd`) {
		t.Error("the CSV export does not neutralise a formula in a note")
	}
}

func TestAnExportImportsIntoAFreshProfileAsTheSameSet(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	dl := b.watchDownloads()
	open(t, b.ctx, srv.Doc)
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	selectWithRange(t, b.ctx, "pp2", 9, 40)
	press(t, b.ctx, "1")
	want := waitStored(t, b.ctx, 2)
	click(t, b.ctx, `#cm-export`)
	if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.Search(`//button[@role="menuitem"][normalize-space()="Clausemark file (JSON)"]`))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "A-HRC-RES-53-11-annotations.json")
	if err := os.WriteFile(file, dl.next(), 0o644); err != nil {
		t.Fatal(err)
	}

	fresh := newBrowser(t)
	open(t, fresh.ctx, srv.Doc)
	importFile(t, fresh.ctx, file)
	poll(t, fresh.ctx, `document.querySelector('#cm-import-dialog .cm-import-table') !== null`) // the preview, once the file is read
	if got := eval[string](t, fresh.ctx, `document.querySelector('[data-row="Added"] .cm-num-cell').textContent`); got != "2" {
		t.Errorf("the preview says %s added, want 2", got)
	}
	if n := len(stored(t, fresh.ctx)); n != 0 {
		t.Errorf("the preview already stored %d annotations", n)
	}
	click(t, fresh.ctx, `#cm-import-dialog .cm-primary`)
	got := waitStored(t, fresh.ctx, 2)
	for id, w := range want {
		g := got[id]
		if g.Clause != w.Clause || g.Start != w.Start || g.End != w.End || g.Tag != w.Tag || g.Note != w.Note || g.Modified != w.Modified {
			t.Errorf("imported %+v, want %+v", g, w)
		}
	}
	if err := chromium.Poll(fresh.ctx, "two highlights", `document.querySelectorAll('mark[data-start]').length === 2`, 10*time.Second); err != nil {
		t.Logf("highlights: %v marks, %v panel items, dialog open %v, in clauses %v", eval[float64](t, fresh.ctx, `document.querySelectorAll('mark').length`),
			eval[float64](t, fresh.ctx, `document.querySelectorAll('.cm-item').length`),
			eval[bool](t, fresh.ctx, `document.querySelector('#cm-import-dialog') !== null`),
			eval[string](t, fresh.ctx, `[...new Set([...document.querySelectorAll('mark')].map(m => m.closest('[data-clause]').id))].join(',')`))
		t.Fatalf("the imported annotations are not all shown (%v); want %s", err, fmtJSON(want))
	}

	// The same file again changes nothing.
	importFile(t, fresh.ctx, file)
	poll(t, fresh.ctx, `document.querySelector('#cm-import-dialog .cm-import-table') !== null`) // the preview, once the file is read
	if got := eval[string](t, fresh.ctx, `document.querySelector('[data-row="Unchanged"] .cm-num-cell').textContent`); got != "2" {
		t.Errorf("importing again: %s unchanged, want 2", got)
	}
}

// importFile chooses a file in the app's import file input.
func importFile(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("cm-import-file"), []string{path})); err != nil {
		t.Fatalf("choosing %s: %v", path, err)
	}
}

func TestAMalformedImportChangesNothingAndSaysWhy(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	before := waitStored(t, b.ctx, 1)

	for name, body := range map[string]string{
		"truncated.json": `{"format":"clausemark.annotations","version":1,"annotations":[{"id":`,
		"foreign.json":   `{"format":"something-else","version":7}`,
		"bad-tag.json":   `{"format":"clausemark.annotations","version":1,"document":{"symbol":"A/HRC/RES/53/11"},"exported":"2026-01-01T00:00:00Z","annotations":[{"id":"urn:uuid:8b4f2a3c-1d2e-4f5a-9b6c-7d8e9f0a1b2c","clause":"op1","start":0,"end":9,"exact":"Reaffirms","prefix":"","suffix":" that","tag":"wish","note":"","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}]}`,
		"binary.json":    "\x00\x01\xff\xfe garbage",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			importFile(t, b.ctx, path)
			poll(t, b.ctx, `document.querySelector('#cm-import-dialog .cm-import-error') !== null`)
			msg := eval[string](t, b.ctx, `document.querySelector('#cm-import-dialog').textContent`)
			if !strings.Contains(msg, "Nothing was changed") {
				t.Errorf("the dialog says %q", msg)
			}
			if n := eval[float64](t, b.ctx, `document.querySelectorAll('#cm-import-dialog .cm-primary').length`); n != 0 {
				t.Error("the dialog offers to import a file it cannot read")
			}
			press(t, b.ctx, kb.Escape)
			poll(t, b.ctx, `document.querySelector('#cm-import-dialog') === null`)
			if after := stored(t, b.ctx); len(after) != len(before) {
				t.Errorf("the store holds %d annotations, want %d", len(after), len(before))
			}
		})
	}
}

func TestAnnotatingWorksOfflineAndSurvivesAReload(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	waitOfflineReady(t, b.ctx)
	srv.Stop()

	if err := chromedp.Do(b.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitReady(t, b.ctx)
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	selectWithRange(t, b.ctx, "pp3", 0, 14)
	press(t, b.ctx, "1")
	waitStored(t, b.ctx, 2)

	if err := chromedp.Do(b.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitReady(t, b.ctx)
	poll(t, b.ctx, `document.querySelectorAll('mark[data-start]').length === 2`)
}

func TestTheKeyboardDoesEverything(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	// j moves to PP1, j again to PP2; k back to PP1.
	press(t, b.ctx, "j")
	poll(t, b.ctx, `document.activeElement.closest('[data-clause]') && document.activeElement.closest('[data-clause]').id === 'pp1'`)
	press(t, b.ctx, "j")
	press(t, b.ctx, "j")
	press(t, b.ctx, "k")
	poll(t, b.ctx, `document.activeElement.closest('[data-clause]').id === 'pp2'`)

	// 1 tags the focused clause as a whole.
	press(t, b.ctx, "1")
	newestHighlight(t, b.ctx, "pp2", "commitment")

	// Shift+arrows select a span of the focused clause; 2 tags it.
	press(t, b.ctx, "j")
	for i := 0; i < 9; i++ {
		press(t, b.ctx, kb.ArrowRight, chromedp.ModifierShift)
	}
	poll(t, b.ctx, `document.querySelector('#cm-toolbar') !== null`)
	press(t, b.ctx, "2")
	id := newestHighlight(t, b.ctx, "pp3", "request")
	if got := highlightText(t, b.ctx, id); got != "Recalling" {
		t.Errorf("shift+arrows selected %q, want %q", got, "Recalling")
	}

	// ? opens the help, Escape closes it.
	press(t, b.ctx, "?")
	poll(t, b.ctx, `document.querySelector('#cm-help-dialog') !== null`)
	press(t, b.ctx, kb.Escape)
	poll(t, b.ctx, `document.querySelector('#cm-help-dialog') === null`)

	// / goes to the search; typing filters the panel.
	press(t, b.ctx, "/")
	poll(t, b.ctx, `document.activeElement.id === 'cm-search'`)
	typeInto(t, b.ctx, "cm-search", "Recalling")
	poll(t, b.ctx, `document.querySelectorAll('.cm-item').length === 2`)
	waitStored(t, b.ctx, 2)
}

func TestASuggestedTagIsAcceptedWithOneClick(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	if got := eval[string](t, b.ctx, `document.querySelector('#op21 .cm-suggest').textContent`); got != "Request?" {
		t.Errorf("OP21's suggestion: got %q, want %q", got, "Request?")
	}
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('#op21 mark').length`); n != 0 {
		t.Fatal("a suggestion was applied without the user")
	}
	click(t, b.ctx, `#op21 .cm-suggest`)
	newestHighlight(t, b.ctx, "op21", "request")
	poll(t, b.ctx, `document.querySelector('#op21 .cm-suggest') === null`)
	waitStored(t, b.ctx, 1)
}

func TestWhenStorageFailsAnnotationsStayAndExportStillWorks(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	dl := b.watchDownloads()
	// Make IndexedDB unavailable, as in some private windows.
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, 'indexedDB', {get() { throw new DOMException('IndexedDB is disabled', 'SecurityError'); }});`,
	}); err != nil {
		t.Fatal(err)
	}
	open(t, b.ctx, srv.Doc)
	poll(t, b.ctx, `document.querySelector('.cm-banner') !== null`)
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	newestHighlight(t, b.ctx, "op21", "request")
	if got := eval[string](t, b.ctx, `document.querySelector('.cm-banner').textContent`); !strings.Contains(got, "cannot be saved") {
		t.Errorf("the banner says %q", got)
	}
	click(t, b.ctx, `#cm-export`)
	if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.Search(`//button[@role="menuitem"][normalize-space()="Clausemark file (JSON)"]`))); err != nil {
		t.Fatal(err)
	}
	if set := setOf(t, resolution.Seed(), dl.next()); set.Len() != 1 {
		t.Errorf("the export holds %d annotations, want 1", set.Len())
	}
}

func TestAFileDroppedOnThePageIsPreviewedThenImported(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)

	// A colleague's file, made with package annotations.
	set := setOf(t, resolution.Seed(), nil)
	if _, err := set.CreateWhole("op33", annotations.Request, "Support, with the “Group of Friends” 🤝", "Delegation of Ruritania"); err != nil {
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

	drop := &input.DragData{Files: []string{path}, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		if _, err := chromedp.Call(b.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 400, Y: 300, Data: drop}); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
	}
	poll(t, b.ctx, `document.querySelector('#cm-import-dialog .cm-import-table') !== null`) // the preview, once the file is read
	if got := eval[string](t, b.ctx, `document.querySelector('#cm-import-title').textContent`); got != "Import colleague.json" {
		t.Errorf("dialog title: got %q", got)
	}
	click(t, b.ctx, `#cm-import-dialog .cm-primary`)
	a := onlyOne(t, waitStored(t, b.ctx, 1))
	if a.Clause != "op33" || a.Note != "Support, with the “Group of Friends” 🤝" {
		t.Errorf("stored %+v", a)
	}
	poll(t, b.ctx, `document.querySelector('.cm-drop') === null && document.querySelector('#op33 mark[data-tag="request"]') !== null`)
}

func TestTheTagsAreToldApartWithoutColour(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	for _, x := range []struct{ clause, key, tag string }{
		{"op20", "1", "commitment"}, {"op21", "2", "request"}, {"op22", "3", "concern"},
	} {
		click(t, b.ctx, `#`+x.clause+` .cm-label`)
		press(t, b.ctx, x.key)
		newestHighlight(t, b.ctx, x.clause, x.tag)
	}
	// cues reads, for each tag, what shows it besides colour: the letter
	// after the highlight, and the underline (its border style, and the
	// pattern the dashes and dots are drawn with on screen).
	cues := func() map[string][2]string {
		t.Helper()
		var out map[string][2]string
		raw := eval[string](t, b.ctx, `JSON.stringify(Object.fromEntries(['commitment', 'request', 'concern'].map(tag => {
			const m = getComputedStyle(document.querySelector('mark[data-tag="' + tag + '"]'));
			const letter = getComputedStyle(document.querySelector('.cm-tagmark[data-tagmark="' + tag + '"]'), '::after').content;
			return [tag, [letter, m.borderBottomStyle + ' ' + m.borderBottomWidth + ' ' + m.backgroundImage.replace(/rgba?\([^)]*\)/g, 'c') + ' ' + m.backgroundSize]];
		})))`)
		if err := json.Unmarshal([]byte(raw), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	distinct := func(media string, c map[string][2]string) {
		t.Helper()
		letters := map[string]string{"commitment": `"C"`, "request": `"R"`, "concern": `"!"`}
		seen := map[string]string{}
		for tag, cue := range c {
			if cue[0] != letters[tag] {
				t.Errorf("%s: the letter of %s is %s, want %s", media, tag, cue[0], letters[tag])
			}
			if other, dup := seen[cue[1]]; dup {
				t.Errorf("%s: %s and %s are underlined alike: %s", media, tag, other, cue[1])
			}
			if strings.HasPrefix(cue[1], "none") {
				t.Errorf("%s: %s has no underline: %s", media, tag, cue[1])
			}
			seen[cue[1]] = tag
		}
	}
	distinct("screen", cues())

	// Print and forced colours draw no backgrounds: real borders there.
	for _, m := range []struct {
		name   string
		params emulation.SetEmulatedMediaParams
	}{
		{"print", emulation.SetEmulatedMediaParams{Media: "print"}},
		{"forced colours", emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}}}},
	} {
		if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, m.params); err != nil {
			t.Fatal(err)
		}
		c := cues()
		distinct(m.name, c)
		for tag, style := range map[string]string{"commitment": "solid", "request": "dashed", "concern": "dotted"} {
			if !strings.HasPrefix(c[tag][1], style+" ") || !strings.Contains(c[tag][1], " none ") {
				t.Errorf("%s: %s is underlined %q, want a %s border and no pattern", m.name, tag, c[tag][1], style)
			}
		}
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
}

func TestThePanelListsALongSetPageByPage(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	file := filepath.Join(t.TempDir(), "many.json")
	if err := os.WriteFile(file, bench.Annotations(resolution.Seed(), 75, 7), 0o644); err != nil {
		t.Fatal(err)
	}
	importFile(t, b.ctx, file)
	poll(t, b.ctx, `document.querySelector('#cm-import-dialog .cm-import-table') !== null`) // the preview, once the file is read
	click(t, b.ctx, `#cm-import-dialog .cm-primary`)
	waitStored(t, b.ctx, 75)

	items := func() float64 {
		return eval[float64](t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length`)
	}
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 30`)
	if got := eval[string](t, b.ctx, `document.querySelector('#cm-panel .cm-more').textContent`); got != "Show 30 more of 45" {
		t.Errorf("the button says %q", got)
	}
	// The button, from the keyboard, brings the next page. (Focused
	// without scrolling: a scroll to the end would bring it by itself.)
	eval[bool](t, b.ctx, `(() => { document.querySelector('#cm-panel .cm-more').focus({preventScroll: true}); return true; })()`)
	press(t, b.ctx, kb.Enter)
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 60`)
	if got := eval[string](t, b.ctx, `document.querySelector('#cm-panel .cm-more').textContent`); got != "Show 15 more of 15" {
		t.Errorf("the button says %q", got)
	}
	// Scrolling near the end of the list brings the rest.
	eval[bool](t, b.ctx, `(() => { const p = document.getElementById('cm-panel'); p.scrollTop = p.scrollHeight; return true; })()`)
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 75 && !document.querySelector('#cm-panel .cm-more')`)

	// In document order, and the same after a reload.
	order := `JSON.stringify([...document.querySelectorAll('#cm-panel .cm-item-label')].map(e => e.textContent))`
	first := eval[string](t, b.ctx, order)
	open(t, b.ctx, srv.Doc)
	poll(t, b.ctx, `document.querySelectorAll('#cm-panel .cm-item').length === 30`)
	var labels []string
	if err := json.Unmarshal([]byte(first), &labels); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(labels[:30])
	if got := eval[string](t, b.ctx, order); got != string(want) {
		t.Errorf("after a reload the panel lists %s, want the first 30 of %s", got, first)
	}
	if n := items(); n != 30 {
		t.Errorf("%v items", n)
	}
}
