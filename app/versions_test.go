package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/compare/comparetest"
	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// openedFile reads a text of the module (a path from its root) as the
// Open document flow makes it: read, parsed, ready for keep.
func openedFile(t *testing.T, path, versionOf string) opened {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", path))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := resolution.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return opened{doc: doc, text: string(data), format: extract.FormatText, name: filepath.Base(path), versionOf: versionOf}
}

// annotateAs stores annotations on the current text of a library
// document, as the reader's session stores those a delegate makes.
func annotateAs(t *testing.T, st library.Store, l loaded, marks []comparetest.Annotation) []annotations.Annotation {
	t.Helper()
	adoc, err := library.AnnotationDocument(l.parsed, l.doc.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	set := annotations.NewSet(adoc, nil)
	var as []annotations.Annotation
	for _, m := range marks {
		c, ok := adoc.Clause(m.Clause)
		if !ok {
			t.Fatalf("no clause %s", m.Clause)
		}
		start, end := 0, len([]rune(c.Text))
		if m.Quote != "" {
			i := strings.Index(c.Text, m.Quote)
			if i < 0 {
				t.Fatalf("%s: %q not in it", m.Clause, m.Quote)
			}
			start = len([]rune(c.Text[:i]))
			end = start + len([]rune(m.Quote))
		}
		a, err := set.Create(m.Clause, start, end, m.Tag, m.Note, "Delegation of Chile")
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	if err := st.PutMany(as); err != nil {
		t.Fatal(err)
	}
	return as
}

// sessionOf starts the annotation session of a document's current text
// on the store, as the reader does when the page opens, and returns its
// set once loaded.
func sessionOf(t *testing.T, st library.Store, l loaded) *annotations.Session {
	t.Helper()
	adoc, err := library.AnnotationDocument(l.parsed, l.doc.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	s := annotations.NewSession(adoc, annotations.Config{Open: func() (annotations.Store, error) { return st, nil }})
	s.Start()
	if !s.Loaded() {
		t.Fatal("the session did not load")
	}
	return s
}

// The figures of carrying the test set of revisions through the app:
// Open document (keep) adds each revised text as a new version of the
// document holding the annotations, and the page's annotation session
// loads them from the store.
func TestOpeningANewVersionCarriesTheTestSetOfRevisions(t *testing.T) {
	type tally struct{ total, exact, carried, moved, changed, orphaned, right, misplaced, flagged int }
	var all tally
	for _, c := range comparetest.Cases {
		t.Run(c.Name, func(t *testing.T) {
			ws := newWorkspace(browser.NewFake(), seedDoc(t))
			st, err := ws.store()
			if err != nil {
				t.Fatal(err)
			}
			first, replaced, err := ws.keep(openedFile(t, c.Old, ""))
			if err != nil || replaced {
				t.Fatalf("keeping the first text: %v, %v", replaced, err)
			}
			as := annotateAs(t, st, first, c.Annotations)
			// The same symbol is a new version by itself; another one (the
			// real renewal S/2018/95 → S/2020/110) is linked by hand, as New
			// version of… does.
			next := openedFile(t, c.New, "")
			if id := DocumentID(next.doc.Symbol); id != first.doc.ID {
				next.versionOf = first.doc.ID
			}
			l, replaced, err := ws.keep(next)
			if err != nil || !replaced {
				t.Fatalf("opening the new text: replaced %v, %v", replaced, err)
			}
			if l.doc.ID != first.doc.ID || len(l.doc.Versions) != 2 || l.doc.Review() == nil {
				t.Fatalf("the document after: %s, %d versions, review %v", l.doc.ID, len(l.doc.Versions), l.doc.Review())
			}
			if !ws.takeReviewNext(l.doc.ID) && len(l.doc.Review().Pending()) > 0 {
				t.Errorf("the review does not open on the page")
			}
			s := sessionOf(t, st, l)
			if st := s.Status(); st.Unsaved != 0 || st.State != annotations.Saved {
				t.Errorf("loading the new version wrote again: %+v (carrying is done once, when it is added)", st)
			}
			set, adoc := s.Set(), s.Document()
			r := l.doc.Review()
			for i, w := range c.Annotations {
				old := as[i]
				a, ok := set.Get(old.ID)
				if !ok {
					t.Errorf("%s %q lost", w.Clause, w.Quote)
					continue
				}
				all.total++
				placed := !set.IsOrphan(a.ID)
				item, listed := r.Item(a.ID)
				fate := compare.Carried
				switch {
				case !placed:
					fate = compare.Orphan
				case listed:
					fate = item.Fate
				}
				switch fate {
				case compare.Carried:
					all.carried++
					if a.Clause == old.Clause && a.Start == old.Start && a.End == old.End {
						all.exact++
					}
				case compare.Moved:
					all.moved++
				case compare.Changed:
					all.changed++
				case compare.Orphan:
					all.orphaned++
				}
				want := w.ToQuote
				if want == "" && w.Fate != "orphan" {
					want = w.Quote
					if want == "" {
						cl, _ := adoc.Clause(w.To)
						want = cl.Text
					}
				}
				right := placed && a.Clause == w.To && a.Exact == want
				switch {
				case placed && (w.Fate == "orphan" || !right):
					all.misplaced++
					t.Errorf("MISPLACED %s %q: %s in %s %q", w.Clause, w.Quote, fate, a.Clause, a.Exact)
				case string(fate) == w.Fate:
					all.right++
				case fate == compare.Orphan:
					// Not carried where it should have been, but flagged:
					// the delegate sees it among the orphans.
					all.flagged++
					t.Logf("not as expected %s %q: orphan (%s), want %s in %s", w.Clause, w.Quote, item.Reason, w.Fate, w.To)
				default:
					t.Errorf("%s %q: %s, want %s", w.Clause, w.Quote, fate, w.Fate)
				}
				if fate == compare.Orphan {
					d := &openDoc{id: l.doc.ID, adoc: adoc, session: s, ws: ws}
					ws.learn(l)
					if label, orphan := d.labelOf(a); !orphan || label != "Needs review (was "+first.parsed.Clause(w.Clause).Label+")" {
						t.Errorf("%s %q: the panel names it %q", w.Clause, w.Quote, label)
					}
				}
			}
		})
	}
	t.Logf("test set through the app (%d revisions): %d annotations: %d carried (%d exactly: same clause and offsets), %d moved, %d changed, %d orphans; %d as expected, %d orphaned where they should have been carried (flagged, not lost), %d misplaced",
		len(comparetest.Cases), all.total, all.carried, all.exact, all.moved, all.changed, all.orphaned, all.right, all.flagged, all.misplaced)
	if all.misplaced != 0 {
		t.Errorf("%d misplaced, want 0", all.misplaced)
	}
	if float64(all.right) < 0.95*float64(all.total) {
		t.Errorf("%d of %d carried or flagged as expected, want at least 95%%", all.right, all.total)
	}
}

func TestATextOfAnotherSymbolIsANewVersionOnlyByHand(t *testing.T) {
	ws := newWorkspace(browser.NewFake(), seedDoc(t))
	st, _ := ws.store()
	draft, _, err := ws.keep(openedFile(t, comparetest.Panel2018, ""))
	if err != nil {
		t.Fatal(err)
	}
	annotateAs(t, st, draft, []comparetest.Annotation{{Clause: "pp3", Quote: "S/2017/1125", Tag: comparetest.C}})
	// Another symbol, opened plainly: a document of its own.
	other, replaced, err := ws.keep(openedFile(t, comparetest.Panel2020, ""))
	if err != nil || replaced || other.doc.ID == draft.doc.ID {
		t.Fatalf("S/2020/110 opened plainly: %s, replaced %v, %v", other.doc.ID, replaced, err)
	}
	// As a new version of S/2018/95, by hand.
	l, replaced, err := ws.keep(openedFile(t, comparetest.Panel2020, draft.doc.ID))
	if err != nil || !replaced || l.doc.ID != draft.doc.ID || l.doc.Symbol != "S/2018/95" || l.doc.Current().Symbol != "S/2020/110" {
		t.Fatalf("linked by hand: %+v, replaced %v, %v", l.doc.Versions, replaced, err)
	}
	if got := l.doc.Review().Summary(); got != "0 carried, 0 moved, 1 changed, 0 orphans" {
		t.Errorf("review %q", got)
	}
	// The same text again: nothing added, and said so.
	if _, _, err := ws.keep(openedFile(t, comparetest.Panel2020, draft.doc.ID)); err == nil || !strings.Contains(err.Error(), "current version") {
		t.Errorf("the current text as a new version: %v", err)
	}
	if _, _, err := ws.keep(openedFile(t, comparetest.Panel2020, "S-1999-1")); err == nil {
		t.Errorf("a new version of a document not in the library: no error")
	}
}

func TestTheChangesBriefHasTheChangesAndTheAnnotationsOnThem(t *testing.T) {
	ws := newWorkspace(browser.NewFake(), seedDoc(t))
	st, _ := ws.store()
	first, _, err := ws.keep(openedFile(t, comparetest.Seed, ""))
	if err != nil {
		t.Fatal(err)
	}
	annotateAs(t, st, first, []comparetest.Annotation{
		{Clause: "op21", Quote: "Requests", Tag: comparetest.R, Note: "we asked for a request"},
		{Clause: "op7", Quote: "reject all doctrines of exclusion", Tag: comparetest.C},
	})
	if _, _, err := ws.keep(openedFile(t, comparetest.Revision("words.txt"), "")); err != nil {
		t.Fatal(err)
	}
	name, data, err := ws.changesBrief(first.doc.ID, 1, time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	if name != "A-HRC-RES-53-11-changes-v1-v2-2025-03-14.md" {
		t.Errorf("file name %q", name)
	}
	for _, want := range []string{
		"# Changes to A/HRC/RES/53/11",
		"Annotations: 1 carried, 0 moved, 1 changed, 0 orphans.",
		"## OP21 — changed",
		"~~Requests~~",
		"**Encourages**",
		"- **Request**, its words changed — “Requests” → “Encourages” — we asked for a request (Delegation of Chile)",
		"## OP22 — changed",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the brief lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "reject all doctrines") {
		t.Errorf("the brief lists an annotation on an unchanged clause")
	}
	if _, _, err := ws.changesBrief(first.doc.ID, 2, time.Now()); err == nil {
		t.Errorf("a brief of the current version against itself: no error")
	}
}

func TestComparePaths(t *testing.T) {
	for _, tc := range []struct {
		path string
		id   string
		n    int
		ok   bool
	}{
		{"/d/A-HRC-53-L.12/compare/1", "A-HRC-53-L.12", 1, true},
		{"/d/A-HRC-53-L.12/compare/12", "A-HRC-53-L.12", 12, true},
		{"/d/A-HRC-53-L.12/compare/0", "", 0, false},
		{"/d/A-HRC-53-L.12/compare/x", "", 0, false},
		{"/d//compare/1", "", 0, false},
		{"/d/a/b/compare/1", "", 0, false},
		{"/library", "", 0, false},
	} {
		id, n, ok := comparePathOf(tc.path)
		if id != tc.id || n != tc.n || ok != tc.ok {
			t.Errorf("comparePathOf(%q) = %q, %d, %v", tc.path, id, n, ok)
		}
	}
	if got := compareURL("S-2018-95", 1); got != "/d/S-2018-95/compare/1" {
		t.Errorf("compareURL = %q", got)
	}
}

func TestTheServedTextDoesNotTakeBackADocumentRevisedSince(t *testing.T) {
	served := openedFile(t, comparetest.Seed, "")
	ws := newWorkspace(browser.NewFake(), served.doc)
	(&App{ws: ws}).Keep([]byte(served.text), false)
	if home := ws.prepareLibrary(); home != libraryPath {
		t.Fatalf("first start goes to %q", home)
	}
	if _, replaced, err := ws.keep(openedFile(t, comparetest.Revision("words.txt"), "")); err != nil || !replaced {
		t.Fatalf("the revision: %v, %v", replaced, err)
	}
	// The next start serves the same text: the revision stays current.
	ws.prepareLibrary()
	st, _ := ws.store()
	d, _, err := st.Document("A-HRC-RES-53-11")
	if err != nil || len(d.Versions) != 2 || !strings.HasSuffix(d.Current().FileName, "words.txt") {
		t.Errorf("after a restart: %d versions, current %q, %v", len(d.Versions), d.Current().FileName, err)
	}
}

func TestTheDefaultDocumentShowsItsCurrentVersion(t *testing.T) {
	seed := openedFile(t, comparetest.Seed, "")
	fake := browser.NewFake()
	ws := newWorkspace(fake, seed.doc)
	(&App{ws: ws}).Keep([]byte(seed.text), true)
	ws.prepareLibrary()
	if _, replaced, err := ws.keep(openedFile(t, comparetest.Revision("insert-op8.txt"), "")); err != nil || !replaced {
		t.Fatalf("the revision: %v, %v", replaced, err)
	}
	// The next start: the built-in text is compiled in, the library's
	// current version is the revision, and that is what is shown.
	next := newWorkspace(fake, seed.doc)
	(&App{ws: next}).Keep([]byte(seed.text), true)
	next.prepareLibrary()
	d, err := next.open("")
	if err != nil {
		t.Fatal(err)
	}
	if c := d.doc.Clause("op8"); c == nil || !strings.HasPrefix(c.Text, "Calls upon all States to refrain") {
		t.Errorf("the default document is not its current version: OP8 %+v", c)
	}
	if lib, ok := next.libDoc(next.defaultID); !ok || len(lib.Versions) != 2 {
		t.Errorf("its library record is not known: %+v", lib.Versions)
	}
}

// On the page of the default document, when the served text is still the
// library's current version (the usual visit), the library is first asked
// for that version's hash alone: the saved highlights are painted into
// the server's page before the document's versions, texts and all, are
// read; those are read before the first render all the same.
func TestTheServedTextIsCheckedByItsHashAndItsVersionsReadAfterTheEarlyPaint(t *testing.T) {
	fake := browser.NewFake()
	first := newWorkspace(fake, seedDoc(t))
	(&App{ws: first}).Keep(resolution.Seed(), true)
	first.prepareLibrary() // an earlier visit kept it in the library
	set := annotations.NewSet(first.servedDoc, nil)
	saved, err := set.CreateWhole("op21", annotations.Request, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := fake.Store.Put(saved); err != nil {
		t.Fatal(err)
	}
	fake.Prerendered = map[string]string{keptElement + " .cm-doc": "A/HRC/RES/53/11"} // the server's page

	from := len(fake.Calls())
	ws := newWorkspace(fake, seedDoc(t))
	a := &App{ws: ws}
	a.Keep(resolution.Seed(), true)
	a.Preload("/d/A-HRC-RES-53-11", 5*time.Second)
	calls := fake.Calls()[from:]
	at := func(prefix string) int {
		return slices.IndexFunc(calls, func(c string) bool { return strings.HasPrefix(c, prefix) })
	}
	hash, painted, read := at("CurrentTextSHA256("), at("MarkAfterPaint("+markAnnotationsPainted+")"), at("Document(")
	if hash < 0 || painted < 0 || read < 0 || hash > painted || painted > read {
		t.Errorf("hash asked at %d, highlights painted at %d, document read at %d; want them in that order: %v", hash, painted, read, calls)
	}
	if lib, ok := ws.libDoc(ws.defaultID); !ok || len(lib.Versions) != 1 {
		t.Errorf("the versions are not known for the first render: %v %+v", ok, lib.Versions)
	}
}

// On a first visit the library has no record of the served text: the
// check of its hash says so, and no record is read.
func TestAFirstVisitReadsNoDocumentFromTheLibrary(t *testing.T) {
	fake := browser.NewFake()
	ws := newWorkspace(fake, seedDoc(t))
	a := &App{ws: ws}
	a.Keep(resolution.Seed(), true)
	a.Preload("/d/A-HRC-RES-53-11", 5*time.Second)
	if !fake.Called("CurrentTextSHA256(A-HRC-RES-53-11)") || fake.Called("Document(") {
		t.Errorf("want the hash asked and no document read: %v", fake.Calls())
	}
}

// The version bar of a document the app has read from the library shows
// its versions from its first render, not once the library answers again
// (the page would show an empty bar, then fill it).
func TestTheVersionBarShowsWhatTheAppKnowsFromItsFirstRender(t *testing.T) {
	doc := seedDoc(t)
	ws := newWorkspace(&browser.Fake{}, doc)
	d, err := library.NewDocument(string(resolution.Seed()), doc, library.SourceBuiltin, "", time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, known := range []bool{false, true} {
		if known {
			ws.setLib(d)
		}
		bar := newVersionBar(ws).Doc(d.ID, d.Symbol).Ready(true)
		e := app.NewTestEngine()
		if err := e.Load(bar); err != nil {
			t.Fatal(err)
		}
		html := app.HTMLString(bar) // the first render: nothing dispatched yet
		if got := strings.Contains(html, `class="cm-version-number">Version 1<`); got != known {
			t.Errorf("library read before: %v; the first render shows the version: %v\n%s", known, got, html)
		}
		if got := strings.Contains(html, "cm-waiting"); got == known {
			t.Errorf("library read before: %v; the first render keeps an empty place: %v", known, got)
		}
	}
}
