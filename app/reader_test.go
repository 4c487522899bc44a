//go:build js && wasm

// The page tests run in the browser (make test-wasm): go-app calls
// OnMount, where a page starts, only there. The browser itself is a
// browser.Fake: what they check is the app's side of the seam.

package app

import (
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestMain(m *testing.M) {
	toastFor = 10 * time.Millisecond // notices hide at once: tests wait for timers
	os.Exit(m.Run())
}

// testPage mounts a reader the way the app does, with the workspace's
// action handlers, in go-app's test engine.
type testPage struct {
	app.Compo
	ws *workspace
	r  *reader
}

func (p *testPage) OnMount(ctx app.Context) {
	for action, h := range p.ws.handlers() {
		ctx.Handle(action, h)
	}
}

func (p *testPage) Render() app.UI { return p.r }

// page is a reader of the seed on a Fake browser, mounted.
type page struct {
	t    *testing.T
	fake *browser.Fake
	p    *testPage
	e    app.TestEngine
}

func openPage(t *testing.T, fake *browser.Fake) *page {
	t.Helper()
	// Changes kept from an earlier test's page (unsaved when it was
	// left) would be restored into this one.
	app.Window().Get("localStorage").Call("clear")
	return reopenPage(t, fake)
}

// reopenPage mounts a page as a reload does: what the last page kept in
// local storage is there.
func reopenPage(t *testing.T, fake *browser.Fake) *page {
	t.Helper()
	ws := newWorkspace(fake, seedDoc(t))
	// As main does: the saved annotations are read before the first
	// render.
	a := &App{ws: ws}
	a.Preload("/d/A-HRC-RES-53-11", 5*time.Second)
	return mountPage(t, fake, ws)
}

// mountPage mounts a reader of ws in go-app's test engine, as the first
// page after Preload.
func mountPage(t *testing.T, fake *browser.Fake, ws *workspace) *page {
	t.Helper()
	ws.home = "" // the test engine's page is "/", which shows the document here
	p := &testPage{ws: ws, r: newReader(ws)}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return &page{t: t, fake: fake, p: p, e: e}
}

// html is the page as rendered now.
func (pg *page) html() string {
	pg.e.ConsumeAll()
	return app.HTMLString(pg.p)
}

// notice is the message at the bottom of the screen now.
func (pg *page) notice() notice {
	var n notice
	ctxOf(pg.t, pg).GetState(noticeState, &n)
	return n
}

// press sends a key and lets the page do what it causes.
func (pg *page) press(k browser.KeyEvent) {
	pg.t.Helper()
	if !pg.fake.Press(k) {
		pg.t.Fatalf("the page did not take the key %+v", k)
	}
	pg.e.ConsumeAll()
}

func (pg *page) doc() *openDoc { return pg.p.r.doc }

// storedIn returns the annotations of the seed in a store.
func storedIn(t *testing.T, s *annotations.MemoryStore) []annotations.Annotation {
	t.Helper()
	list, err := s.List("A/HRC/RES/53/11")
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// savedAnnotation stores an annotation on the whole of a clause, as an
// earlier visit would have.
func savedAnnotation(t *testing.T, s *annotations.MemoryStore, clause string, tag annotations.Tag, note string) annotations.Annotation {
	t.Helper()
	adoc, err := AnnotationDocument(seedDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	set := annotations.NewSet(adoc, nil)
	a, err := set.CreateWhole(clause, tag, note, "")
	if err != nil {
		t.Fatal(err)
	}
	a.Document = adoc.Symbol
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestTheReaderShowsTheSavedAnnotationsInTheTextThePanelAndTheBar(t *testing.T) {
	fake := browser.NewFake()
	a := savedAnnotation(t, fake.Store, "op21", annotations.Request, "ask the capital")
	pg := openPage(t, fake)
	h := pg.html()
	for _, want := range []string{
		`data-annotation="` + a.ID + `"`,  // the highlight in OP21
		`class="cm-item-note"`,            // the panel lists it …
		`ask the capital`,                 // … with its note
		`All changes saved`,               // the bar's status: what was stored is safe
		`<span class="cm-badge">1</span>`, // the count
		`data-symbol="A/HRC/RES/53/11"`,   // the document
		` data-ready`,                     // the page runs
		`has-panel`,                       // with the panel open
	} {
		if !strings.Contains(h, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if !fake.Called("MarkAfterPaint(" + markAnnotationsPainted + ")") {
		t.Error("no mark for the benchmarks once the saved annotations are painted")
	}
}

func TestTaggingASelectionPaintsItInPlaceAndSavesIt(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	// "Requests" selected in OP21, as the browser reports it (UTF-16).
	fake.Select(browser.Selection{Clause: "op21", Start: 0, End: 8})
	pg.e.ConsumeAll()
	if !strings.Contains(pg.html(), `id="cm-toolbar"`) {
		t.Fatal("no toolbar over the selection")
	}
	pg.press(browser.KeyEvent{Key: "2"})
	list := storedIn(t, fake.Store)
	if len(list) != 1 || list[0].Clause != "op21" || list[0].Exact != "Requests" || list[0].Tag != annotations.Request {
		t.Fatalf("stored %+v, want a request on “Requests” of OP21", list)
	}
	id := list[0].ID
	if !fake.Called("Highlight(op21, 0, 8, " + id + ", request)") {
		t.Fatalf("the highlight was not painted in place: %v", fake.Calls())
	}
	if fake.Called("ReplaceClause(") || fake.Called("SetInnerHTML(") {
		t.Errorf("repainted whole clauses: %v", fake.Calls())
	}
	if !fake.Called("MarkAfterPaint(" + markTagPainted + ")") {
		t.Error("no mark for the benchmarks after the tag")
	}
	if posts := fake.Posts(); len(posts) != 1 || posts[0].Put[0] != id {
		t.Errorf("the other tabs were told %+v", posts)
	}
	h := pg.html()
	if strings.Contains(h, `id="cm-toolbar"`) {
		t.Error("the toolbar stays after tagging")
	}
	if !strings.Contains(h, `<span class="cm-badge">1</span>`) {
		t.Error("the bar does not count the new annotation")
	}
}

// A tag's highlight is painted in place at once; the panels, the bar and
// the status render from the published docView. If that came before the
// browser painted the highlight, the key press would wait for them: the
// save status the tag sets (saving, then saved) is published with the
// change, uiAfterChange later, not at once.
func TestATagPublishesThePageOnlyOnceItsHighlightHadTimeToPaint(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	d := pg.doc()
	var mu sync.Mutex
	var after []time.Duration
	pressed := time.Now()
	publish := d.publish
	d.publish = func(ctx app.Context) {
		mu.Lock()
		after = append(after, time.Since(pressed))
		mu.Unlock()
		publish(ctx)
	}
	pg.press(browser.KeyEvent{Key: "2", Clause: "op21"})
	if list := storedIn(t, fake.Store); len(list) != 1 {
		t.Fatalf("%d stored after the tag, want 1", len(list))
	}
	if !fake.Called("MarkAfterPaint(" + markTagPainted + ")") {
		t.Fatal("the tag was not painted")
	}
	mu.Lock()
	got := slices.Clone(after)
	mu.Unlock()
	if len(got) == 0 {
		t.Fatal("the page was never told of the tag")
	}
	for _, a := range got {
		if a < uiAfterChange {
			t.Errorf("the docView was published %v after the key press, before the %v the highlight has to paint (all: %v)", a, uiAfterChange, got)
		}
	}
	h := pg.html()
	for _, want := range []string{`<span class="cm-badge">1</span>`, `All changes saved`} {
		if !strings.Contains(h, want) {
			t.Errorf("once published, the page lacks %s", want)
		}
	}
}

func TestDeletingOffersUndoAndUndoBringsItBack(t *testing.T) {
	fake := browser.NewFake()
	a := savedAnnotation(t, fake.Store, "op21", annotations.Request, "")
	pg := openPage(t, fake)
	pg.press(browser.KeyEvent{Key: "Delete", Clause: "op21", Annotation: a.ID})
	if n := len(storedIn(t, fake.Store)); n != 0 {
		t.Fatalf("%d stored after the delete", n)
	}
	if !fake.Called("Unhighlight(" + a.ID + ")") {
		t.Error("the highlight was not removed in place")
	}
	if n := pg.notice(); n.Message != "Request on OP21 deleted." || n.UndoDoc != pg.doc().id {
		t.Fatalf("notice %+v, want the delete with Undo", n)
	}
	pg.press(browser.KeyEvent{Key: "u"})
	if list := storedIn(t, fake.Store); len(list) != 1 || list[0].ID != a.ID {
		t.Fatalf("stored %+v after undo", list)
	}
	if n := pg.notice(); n.Message != "Request on OP21 restored." {
		t.Errorf("undo says %q", n.Message)
	}
}

func TestTheEditorKeepsANoteAnotherTabSavedMeanwhile(t *testing.T) {
	fake := browser.NewFake()
	a := savedAnnotation(t, fake.Store, "op21", annotations.Request, "")
	pg := openPage(t, fake)
	pg.press(browser.KeyEvent{Key: "Enter", Clause: "op21", Annotation: a.ID})
	if !strings.Contains(pg.html(), `id="cm-editor"`) {
		t.Fatal("Enter on the highlight did not open the editor")
	}
	// Another tab saves a note on it and says so.
	theirs := a
	theirs.Note = "from the other tab"
	theirs.Modified = a.Modified.Add(time.Second)
	if err := fake.Store.Put(theirs); err != nil {
		t.Fatal(err)
	}
	fake.Announce(annotations.Change{Document: a.Document, Put: []string{a.ID}})
	pg.e.ConsumeAll()
	// The delegate, whose editor opened on the old note, saves theirs.
	pg.p.r.saveEditor(ctxOf(t, pg), annotations.Request, "from this tab", true)
	pg.e.ConsumeAll()
	list := storedIn(t, fake.Store)
	if len(list) != 1 {
		t.Fatalf("stored %d annotations", len(list))
	}
	for _, note := range []string{"from this tab", "from the other tab"} {
		if !strings.Contains(list[0].Note, note) {
			t.Fatalf("stored note %q lost %q", list[0].Note, note)
		}
	}
	if n := pg.notice(); !strings.Contains(n.Message, "was also changed in another tab: both versions are kept in the note") {
		t.Errorf("the delegate is told %q, not that two edits met", n.Message)
	}
	if strings.Contains(pg.html(), `id="cm-editor"`) {
		t.Error("the editor stays open after saving")
	}
}

// ctxOf is the reader's context, for calling its methods in a test.
func ctxOf(t *testing.T, pg *page) app.Context {
	t.Helper()
	var ctx app.Context
	found := false
	pg.p.r.doc.ctx.Dispatch(func(c app.Context) { ctx, found = c, true })
	pg.e.ConsumeAll()
	if !found {
		t.Fatal("the reader has no context")
	}
	return ctx
}

func TestAFailedWriteShowsTheBannerAndTryAgainSavesIt(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	fake.SetWriteErr(errors.New("QuotaExceededError: the disk is full"))
	pg.press(browser.KeyEvent{Key: "1", Clause: "op1"})
	h := pg.html()
	if !strings.Contains(h, "Some changes are not saved.") || !strings.Contains(h, "the disk is full") || !strings.Contains(h, "Not saved") {
		t.Fatalf("no banner saying why:\n%.2000s", h)
	}
	if !pg.fake.Press(browser.KeyEvent{Key: "x"}) && pg.p.r.leaving(ctxOf(t, pg)) == false {
		t.Error("leaving with unsaved changes does not ask to confirm")
	}
	fake.SetWriteErr(nil)
	pg.p.r.ws.onRetry(ctxOf(t, pg), app.Action{Value: pg.doc().id})
	pg.e.ConsumeAll()
	if n := len(storedIn(t, fake.Store)); n != 1 {
		t.Fatalf("%d stored after Try again, want 1", n)
	}
	h = pg.html()
	if strings.Contains(h, "Some changes are not saved.") || !strings.Contains(h, "All changes saved") {
		t.Error("the banner stays after the changes were saved")
	}
	if pg.p.r.leaving(ctxOf(t, pg)) {
		t.Error("leaving asks to confirm with everything saved")
	}
}

func TestTryAgainOpensAStoreThatCouldNotBeOpened(t *testing.T) {
	fake := browser.NewFake()
	fake.StoreErr = errors.New("the database is blocked by another tab")
	saved := savedAnnotation(t, fake.Store, "op2", annotations.Commitment, "")
	pg := openPage(t, fake)
	h := pg.html()
	if !strings.Contains(h, "Annotations cannot be saved in this browser.") || !strings.Contains(h, "blocked by another tab") {
		t.Fatalf("no banner:\n%.1500s", h)
	}
	pg.press(browser.KeyEvent{Key: "3", Clause: "op8"})
	fake.StoreErr = nil
	pg.p.r.ws.onRetry(ctxOf(t, pg), app.Action{Value: pg.doc().id})
	pg.e.ConsumeAll()
	list := storedIn(t, fake.Store)
	if len(list) != 2 {
		for _, a := range list {
			t.Logf("stored %s %s %s", a.ID, a.Clause, a.Tag)
		}
		t.Fatalf("stored %d, want the old one and the one made in memory", len(list))
	}
	if _, ok := pg.doc().set().Get(saved.ID); !ok {
		t.Error("the stored annotation is not shown after Try again")
	}
}

func TestAChangeFromAnotherTabIsPaintedHere(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	a := savedAnnotation(t, fake.Store, "op5", annotations.Concern, "")
	fake.Announce(annotations.Change{Document: a.Document, Put: []string{a.ID}})
	pg.e.ConsumeAll()
	if !fake.Called("Highlight(op5, 0, ") {
		t.Fatalf("not painted: %v", fake.Calls())
	}
	if !strings.Contains(pg.html(), `<span class="cm-badge">1</span>`) {
		t.Error("the count did not follow")
	}
	if len(fake.Posts()) != 0 {
		t.Error("hearing another tab made this one write")
	}
}

func TestTheStoreClosingUnderThePageIsSaidAtOnce(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	fake.CloseStore("another tab upgraded the database")
	pg.e.ConsumeAll()
	if n := pg.notice(); !strings.Contains(n.Message, "another tab upgraded the database") || !strings.Contains(n.Message, "reload the page") {
		t.Errorf("the delegate is told %q, not that the storage closed", n.Message)
	}
}

func TestThePanelFiltersByTagAndSearch(t *testing.T) {
	fake := browser.NewFake()
	savedAnnotation(t, fake.Store, "op21", annotations.Request, "budget")
	savedAnnotation(t, fake.Store, "op8", annotations.Concern, "")
	savedAnnotation(t, fake.Store, "op22", annotations.Request, "")
	pg := openPage(t, fake)
	if n := strings.Count(pg.html(), `class="cm-item"`); n != 3 {
		t.Fatalf("%d items listed, want 3", n)
	}
	// As the panel's tag chips and search box post them.
	ctxOf(t, pg).NewActionWithValue(actionFilter, panelFilter{Tag: annotations.Request})
	if n := strings.Count(pg.html(), `class="cm-item"`); n != 2 {
		t.Errorf("%d requests listed, want 2", n)
	}
	ctxOf(t, pg).NewActionWithValue(actionFilter, panelFilter{Tag: annotations.Request, Query: "BUDGET"})
	h := pg.html()
	if n := strings.Count(h, `class="cm-item"`); n != 1 || !strings.Contains(h, "1 annotation matches") {
		t.Errorf("%d listed for a request about the budget, want 1", n)
	}
}

func TestChangesNotSavedWhenThePageWasLeftComeBackOnTheNextVisit(t *testing.T) {
	fake := browser.NewFake()
	pg := openPage(t, fake)
	fake.SetWriteErr(errors.New("the browser is closing"))
	pg.press(browser.KeyEvent{Key: "3", Clause: "op8"})
	if !fake.Leaving() {
		t.Fatal("leaving with a change not saved does not ask to confirm")
	}
	// The next visit, in the same browser, with a store that works.
	fake.SetWriteErr(nil)
	if n := len(storedIn(t, fake.Store)); n != 0 {
		t.Fatalf("%d stored before the next visit", n)
	}
	next := reopenPage(t, fake)
	list := storedIn(t, fake.Store)
	if len(list) != 1 || list[0].Clause != "op8" || list[0].Tag != annotations.Concern {
		t.Fatalf("stored %+v, want the concern on OP8 tagged before leaving", list)
	}
	if !strings.Contains(next.html(), "All changes saved") {
		t.Error("the restored change is not saved")
	}
	// It is restored once: a third visit finds nothing more to restore.
	if v := app.Window().Get("localStorage").Call("getItem", pendingKey(next.doc().id)); !v.IsNull() {
		t.Errorf("the kept changes stay in local storage: %v", v)
	}
}

func TestLeavingWithANoteTypedButNotSavedAsksToConfirm(t *testing.T) {
	fake := browser.NewFake()
	a := savedAnnotation(t, fake.Store, "op21", annotations.Request, "")
	pg := openPage(t, fake)
	pg.press(browser.KeyEvent{Key: "Enter", Clause: "op21", Annotation: a.ID})
	if fake.Leaving() {
		t.Fatal("leaving with the editor open on nothing typed asks to confirm")
	}
	fake.Values = map[string]string{"cm-note": "half a thought"}
	if !fake.Leaving() {
		t.Error("leaving with a note typed and not saved does not ask to confirm")
	}
}

func TestAnUntaggedAnnotationWithLabelsIsShownNeutralAndFilterable(t *testing.T) {
	fake := browser.NewFake()
	// As imported from another tool: no tag, its tags kept as labels.
	u := savedAnnotation(t, fake.Store, "op21", annotations.Request, "")
	u.Tag, u.Labels = "", []string{"UNGA", "follow-up"}
	if err := fake.Store.Put(u); err != nil {
		t.Fatal(err)
	}
	savedAnnotation(t, fake.Store, "op8", annotations.Concern, "")
	pg := openPage(t, fake)
	h := pg.html()
	for _, want := range []string{
		`data-annotation="` + u.ID + `" data-tag data-start`, // painted, neutral
		`aria-description="Untagged. Enter to open."`,
		`class="cm-item-labels"`, "UNGA · follow-up", // the labels in the panel
		`aria-label="Filter by label"`, `data-label="UNGA"`,
		`data-tag="untagged"`, // a chip of its own
		`aria-label="Edit the annotation on OP21"`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("no %s in the page", want)
		}
	}
	ctxOf(t, pg).NewActionWithValue(actionFilter, panelFilter{Label: "unga"})
	h = pg.html()
	if n := strings.Count(h, `class="cm-item"`); n != 1 || !strings.Contains(h, "1 annotation matches") {
		t.Errorf("%d listed with the label UNGA, want 1", n)
	}
	ctxOf(t, pg).NewActionWithValue(actionFilter, panelFilter{Tag: untaggedFilter})
	if n := strings.Count(pg.html(), `class="cm-item"`); n != 1 {
		t.Errorf("%d untagged listed, want 1", n)
	}
}
