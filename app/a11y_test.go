//go:build js && wasm

package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestKeysTypedInADialogOrTheEditorAreNoShortcuts(t *testing.T) {
	fake := browser.NewFake()
	a := savedAnnotation(t, fake.Store, "op21", annotations.Request, "")
	pg := openPage(t, fake)
	pg.press(browser.KeyEvent{Key: "Enter", Clause: "op21", Annotation: a.ID})
	if pg.p.r.editor == nil {
		t.Fatal("Enter on a highlight opened no editor")
	}
	// On the editor's Save button: nothing is a shortcut.
	for _, key := range []string{"1", "n", "j", "u", "/", "p", "?", "Delete", "Backspace", "o"} {
		if fake.Press(browser.KeyEvent{Key: key, InDialog: true}) {
			t.Errorf("%q typed in the editor was taken as a shortcut", key)
		}
		pg.e.ConsumeAll()
	}
	if pg.p.r.helpOpen || len(storedIn(t, fake.Store)) != 1 || pg.p.r.editor == nil {
		t.Error("a key typed in the editor did something")
	}
}

func TestNAfterATagWritesTheNoteOfTheAnnotationJustMade(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	// 2 on the focused label of OP21, then n before the focus reached the
	// new highlight.
	pg.press(browser.KeyEvent{Key: "2", Clause: "op21"})
	list := storedIn(t, fake.Store)
	if len(list) != 1 {
		t.Fatalf("%d stored after the tag", len(list))
	}
	pg.press(browser.KeyEvent{Key: "n", Clause: "op21"})
	e := pg.p.r.editor
	if e == nil || e.Base.ID != list[0].ID {
		t.Fatalf("n after a tag opened %+v, want the editor of %s", e, list[0].ID)
	}
	if !fake.Called("Focus(#" + noteID + ")") {
		t.Error("the focus did not go to the note")
	}
	// Elsewhere (another clause), n is a new note there.
	pg.press(browser.KeyEvent{Key: "Escape"})
	pg.press(browser.KeyEvent{Key: "n", Clause: "op22"})
	if e := pg.p.r.editor; e == nil || e.Base.ID != "" || e.Clause != "op22" {
		t.Errorf("n in another clause opened %+v, want a new note on OP22", e)
	}
}

func TestEscapeInTheSearchClearsItThenGivesTheFocusBack(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	pg.press(browser.KeyEvent{Key: "/", Clause: "op3"})
	if !fake.Called("KeepFocus()") || !fake.Called("Focus(#cm-search)") {
		t.Fatal("/ did not remember the focus and go to the search")
	}
	pg.p.r.filter = panelFilter{Query: "budget", Tag: annotations.Request}
	pg.press(browser.KeyEvent{Key: "Escape", InField: true, Field: searchID})
	if f := pg.p.r.filter; f.Query != "" || f.Tag != annotations.Request {
		t.Errorf("after Escape the filter is %+v, want the tag alone", f)
	}
	if v, _ := fake.InputValue(searchID); v != "" {
		t.Errorf("the search box still says %q", v)
	}
	if fake.Called("FocusBack()") {
		t.Error("the first Escape left the search")
	}
	// The second gives the focus back; where it was is gone (FocusKept
	// false): the panel's heading.
	pg.press(browser.KeyEvent{Key: "Escape", InField: true, Field: searchID})
	if !fake.Called("FocusBack()") || !fake.Called("Focus(#"+panelTitleID+")") {
		t.Errorf("the second Escape did not give the focus back: %v", fake.Calls())
	}
}

func TestClosingHelpGivesTheFocusBack(t *testing.T) {
	fake := browser.NewFake()
	fake.FocusKept = true
	pg := openPage(t, fake)
	pg.press(browser.KeyEvent{Key: "?", Clause: "op3"})
	if !pg.p.r.helpOpen {
		t.Fatal("? opened no help")
	}
	pg.press(browser.KeyEvent{Key: "Escape", InDialog: true})
	if pg.p.r.helpOpen || !fake.Called("FocusBack()") || fake.Called("Focus(#cm-help-button)") {
		t.Errorf("closing the help: %v", fake.Calls())
	}
}

func TestPrintingPutsEachNoteAfterItsClauseThenTakesThemOut(t *testing.T) {
	fake := browser.NewFake()
	savedAnnotation(t, fake.Store, "op21", annotations.Request, "Ask <b>for</b> a “budget”")
	savedAnnotation(t, fake.Store, "pp3", annotations.Concern, "")
	pg := openPage(t, fake)
	var during map[string]string
	fake.Print(func() { during = fake.Inserted() })
	if len(during) != 1 {
		t.Fatalf("printed notes after %d clauses, want 1: %v", len(during), during)
	}
	html := during[`[data-clause="op21"] > .cm-para`]
	for _, want := range []string{`class="cm-print-notes"`, `Ask &lt;b&gt;for&lt;/b&gt; a “budget”`, `Request`} {
		if !strings.Contains(html, want) {
			t.Errorf("the printed note lacks %s: %s", want, html)
		}
	}
	if len(fake.Inserted()) != 0 || !fake.Called("RemoveAll(.cm-print-notes)") {
		t.Error("the printed notes stay after printing")
	}
	_ = pg
}

func TestThePrintViewOpensInATabOrIsDownloaded(t *testing.T) {
	fake := browser.NewFake()
	savedAnnotation(t, fake.Store, "op21", annotations.Request, "a note")
	pg := openPage(t, fake)
	ctx := ctxOf(t, pg)
	pg.p.r.ws.onExport(ctx, app.Action{Value: exportRequest{Doc: pg.doc().id, Format: exportPrint}})
	pg.e.ConsumeAll()
	tabs := fake.Tabs()
	if len(tabs) != 1 || tabs[0].Name != "text/html" || !strings.Contains(string(tabs[0].Data), "a note") {
		t.Fatalf("opened %d tabs: %+v", len(tabs), tabs)
	}
	want, err := annotations.ExportPrint(pg.doc().set(), nil)
	if err != nil || string(tabs[0].Data) != string(want) {
		t.Errorf("the tab shows other than the print view of the brief (%v)", err)
	}
	// A blocked tab: the same page, downloaded, and the delegate told.
	fake.TabErr = errors.Join(errors.New("window.open returned null"), browser.ErrTabBlocked)
	pg.p.r.ws.onExport(ctx, app.Action{Value: exportRequest{Doc: pg.doc().id, Format: exportPrint}})
	pg.e.ConsumeAll()
	dl := fake.Downloads()
	if len(dl) != 1 || !strings.HasSuffix(dl[0].Name, ".html") || string(dl[0].Data) != string(want) {
		t.Fatalf("downloads %+v", dl)
	}
	if n := pg.notice(); !strings.Contains(n.Message, "blocked the new tab") {
		t.Errorf("the notice says %q", n.Message)
	}
}
