//go:build js && wasm

package app

import (
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// mountOn mounts a reader of the default document on a workspace, as the
// app does once the page runs.
func mountOn(t *testing.T, fake *browser.Fake, ws *workspace) *page {
	t.Helper()
	p := &testPage{ws: ws, r: newReader(ws)}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return &page{t: t, fake: fake, p: p, e: e}
}

// until lets the page work until cond holds (the store is written off
// the UI goroutine), at most a few seconds.
func (pg *page) until(what string, cond func() bool) {
	pg.t.Helper()
	for range 300 {
		pg.e.ConsumeAll()
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	pg.t.Fatalf("never: %s", what)
}

func TestTheReviewOfANewVersionReattachesAndKeepsNotes(t *testing.T) {
	app.Window().Get("localStorage").Call("clear")
	fake := browser.NewFake()
	seed := seedDoc(t)
	ws := newWorkspace(fake, seed)
	(&App{ws: ws}).Keep(resolution.Seed(), true)
	ws.prepareLibrary()
	st, err := ws.store()
	if err != nil {
		t.Fatal(err)
	}
	// A whole PP5, "Requests" in OP21, a whole OP10, made on the seed.
	adoc, _ := AnnotationDocument(seed)
	set := annotations.NewSet(adoc, nil)
	pp5, _ := set.CreateWhole("pp5", annotations.Commitment, "keep the right to development", "")
	req, _ := set.Create("op21", 0, 8, annotations.Request, "", "")
	op10, _ := set.CreateWhole("op10", annotations.Commitment, "", "")
	for _, a := range []*annotations.Annotation{&pp5, &req, &op10} {
		a.Document = adoc.Symbol
	}
	if err := st.PutMany([]annotations.Annotation{pp5, req, op10}); err != nil {
		t.Fatal(err)
	}
	// The revision: PP5 deleted, "Requests" in OP21 made "Encourages".
	text := string(resolution.Seed())
	gone := seed.Clause("pp5").Text
	text = strings.Replace(text, gone+"\n\n", "", 1)
	text = strings.Replace(text, "21. *Requests*", "21. *Encourages*", 1)
	rev, err := resolution.Parse([]byte(text))
	if err != nil || rev.Clause("op21") == nil || !strings.HasPrefix(rev.Clause("op21").Text, "Encourages") || rev.Clause("pp5").Text == gone {
		t.Fatalf("the revision did not parse as made: %v", err)
	}
	l, replaced, err := ws.keep(opened{doc: rev, text: text, format: extract.FormatText, name: "rev1.txt"})
	if err != nil || !replaced {
		t.Fatalf("the new version: %v, %v", replaced, err)
	}
	ws.learn(l)

	pg := mountOn(t, fake, ws)
	pg.until("the review open", func() bool { return strings.Contains(pg.html(), `aria-label="Review carried annotations"`) })
	h := pg.html()
	for _, want := range []string{
		`<p class="cm-review-counts">1 carried, 0 moved, 1 changed, 1 orphan</p>`,
		`data-item="` + pp5.ID + `"`,
		`data-fate="orphan"`,
		`<del>Requests</del>`,
		`<ins>Encourages</ins>`,
		"Version 2 of 2",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("the page lacks %s", want)
		}
	}

	// Keep OP21's as a note on the document: it leaves the text.
	ctxOf(t, pg).NewActionWithValue(actionReviewKeepAsNote, docItem{Doc: pg.doc().id, ID: req.ID})
	pg.until("the note kept", func() bool { return !strings.Contains(pg.html(), `data-item="`+req.ID+`"`) })
	if a, _, _ := fake.Store.Get(req.ID); a.Clause != "" || a.Exact != "Encourages" {
		t.Errorf("the note on the document is stored as %+v", a)
	}
	if !fake.Called("Unhighlight(" + req.ID + ")") {
		t.Errorf("its highlight stays in the text")
	}
	if d, _, _ := st.Document(pg.doc().id); d.Review() == nil {
		t.Fatal("no review stored")
	} else if it, _ := d.Review().Item(req.ID); it.Outcome != library.KeptAsNote {
		t.Errorf("the review keeps %+v", it)
	}

	// Re-attach the orphan: start, select words in the new PP5, confirm.
	ctxOf(t, pg).NewActionWithValue(actionReattachStart, pp5.ID)
	pg.e.ConsumeAll()
	fake.Select(browser.Selection{Clause: "pp5", Start: 0, End: 9})
	pg.e.ConsumeAll()
	h = pg.html()
	if !strings.Contains(h, "Attach to PP5") || strings.Contains(h, `id="cm-toolbar"`) {
		t.Fatalf("re-attaching: the review offers no place, or the tag toolbar shows:\n%s", h)
	}
	ctxOf(t, pg).NewAction(actionReattachConfirm)
	pg.until("re-attached", func() bool { a, _, _ := fake.Store.Get(pp5.ID); return a.Clause == "pp5" })
	if a, _, _ := fake.Store.Get(pp5.ID); a.Start != 0 || a.End != 9 || a.Exact != string([]rune(rev.Clause("pp5").Text)[:9]) || a.Note != pp5.Note {
		t.Errorf("re-attached as %+v", a)
	}
	if n := pg.notice(); n.Message != "Re-attached to PP5." {
		t.Errorf("notice %q", n.Message)
	}
	pg.until("nothing left to review", func() bool { return strings.Contains(pg.html(), "Nothing left to review.") })

	// The panel names the note and lists it apart.
	ctxOf(t, pg).NewActionWithValue(actionReviewOpen, false)
	pg.until("the panel", func() bool { return strings.Contains(pg.html(), "Notes on the document") })
	if h := pg.html(); !strings.Contains(h, `<span class="cm-item-label">Note on the document</span>`) {
		t.Errorf("the panel does not name the note on the document")
	}
}

func TestTheVersionBarRenamesAVersion(t *testing.T) {
	app.Window().Get("localStorage").Call("clear")
	fake := browser.NewFake()
	ws := newWorkspace(fake, seedDoc(t))
	(&App{ws: ws}).Keep(resolution.Seed(), true)
	ws.prepareLibrary()
	pg := mountOn(t, fake, ws)
	pg.until("the version bar", func() bool { return strings.Contains(pg.html(), `class="cm-version-name">A/HRC/RES/53/11<`) })
	ctxOf(t, pg).NewActionWithValue(actionVersionRename, versionRename{Doc: pg.doc().id, N: 1, Name: "  as   adopted "})
	pg.until("renamed", func() bool { return strings.Contains(pg.html(), `class="cm-version-name">as adopted<`) })
	st, _ := ws.store()
	if d, _, _ := st.Document(pg.doc().id); d.Versions[0].Name != "as adopted" {
		t.Errorf("stored name %q", d.Versions[0].Name)
	}
	ctxOf(t, pg).NewActionWithValue(actionVersionRename, versionRename{Doc: pg.doc().id, N: 1, Name: strings.Repeat("x", library.MaxNameLength+1)})
	pg.until("the refusal said", func() bool { return strings.Contains(pg.notice().Message, "could not be renamed") })
}
