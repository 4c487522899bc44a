//go:build js && wasm

package app

import (
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// openKeptPage mounts a reader of the seed as reopenPage does, in an app
// of version v-test (which keeps copies of its pages). localStorage is
// cleared.
func openKeptPage(t *testing.T, fake *browser.Fake) *page {
	t.Helper()
	app.Window().Get("localStorage").Call("clear")
	ws := newWorkspace(fake, seedDoc(t))
	ws.version = "v-test"
	a := &App{ws: ws}
	a.Preload("/d/A-HRC-RES-53-11", 5*time.Second)
	return mountPage(t, fake, ws)
}

// callsSince returns the calls made after the first n.
func callsSince(fake *browser.Fake, n int) []string { return fake.Calls()[n:] }

func has(calls []string, prefix string) bool {
	for _, c := range calls {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

const (
	seedKey      = "/d/A-HRC-RES-53-11"
	removeCopy   = "RemoveAll(" + keptCopy + ")"
	markedAtCopy = "MarkSince(" + markAnnotationsPainted + ", " + browser.MarkKeptPainted + ")"
	markedAfter  = "MarkAfterPaint(" + markAnnotationsPainted + ")"
)

func TestTheDocumentsPageIsKeptOnceItsAnnotationsArePaintedAndAgainAfterAChange(t *testing.T) {
	fake := browser.NewFake()
	savedAnnotation(t, fake.Store, "op21", annotations.Request, "ask the capital")
	pg := openKeptPage(t, fake)
	pg.until("the page kept", func() bool { return len(fake.Kept()) == 1 })
	k := fake.Kept()[0]
	if k.Cache != browser.KeptPagesCache("v-test") || k.Key != seedKey || k.Version != "v-test" || k.Selector != keptElement ||
		k.MaxChars != keptMaxChars || len(k.DropAttrs) != 1 || k.DropAttrs[0] != "data-ready" || !strings.Contains(k.Title, "A/HRC/RES/53/11") {
		t.Errorf("kept %+v", k)
	}
	if k.Digest != pg.doc().keptDigest() || !strings.HasPrefix(k.Digest, "A-HRC-RES-53-11 "+pg.doc().adoc.TextSHA256+" 1-") {
		t.Errorf("kept with the digest %q, want the page's %q", k.Digest, pg.doc().keptDigest())
	}
	if !fake.Called(markedAfter) || fake.Called("MarkSince(") {
		t.Error("with no copy, the annotations are not marked painted after the app's paint")
	}
	if fake.Called(removeCopy) {
		t.Error("a copy the page did not come with was removed")
	}
	// A tag: kept again a moment later, with the new highlight.
	fake.Select(browser.Selection{Clause: "op3", Start: 0, End: 8})
	pg.e.ConsumeAll()
	pg.press(browser.KeyEvent{Key: "2"})
	pg.until("the page kept again", func() bool { return len(fake.Kept()) == 2 })
	if again := fake.Kept()[1]; again.Digest == k.Digest || again.Digest != pg.doc().keptDigest() {
		t.Errorf("kept again with %q (before: %q), want %q", again.Digest, k.Digest, pg.doc().keptDigest())
	}
	// Nothing changed since: not kept a third time.
	time.Sleep(keepAfter + 200*time.Millisecond)
	pg.e.ConsumeAll()
	if n := len(fake.Kept()); n != 2 {
		t.Errorf("kept %d times, want 2", n)
	}
}

func TestACopyThatShowsWhatTheAppShowsIsMarkedPaintedWhenItWasThenRemoved(t *testing.T) {
	shortKept(t)
	fake := browser.NewFake()
	savedAnnotation(t, fake.Store, "op21", annotations.Request, "ask the capital")
	first := openKeptPage(t, fake)
	first.until("the page kept", func() bool { return len(fake.Kept()) == 1 })
	digest := fake.Kept()[0].Digest

	// The next load comes with that copy.
	fake.Prerendered = map[string]string{keptCopy: digest}
	n := len(fake.Calls())
	pg := openKeptPage(t, fake)
	pg.until("the copy removed", func() bool { return has(callsSince(fake, n), removeCopy) })
	calls := callsSince(fake, n)
	if !has(calls, markedAtCopy) || has(calls, markedAfter) {
		t.Errorf("the annotations are not marked painted when the copy was: %v", calls)
	}
	time.Sleep(keepAfter + 200*time.Millisecond)
	pg.e.ConsumeAll()
	if len(fake.Kept()) != 1 {
		t.Error("the page was kept again though the copy shows it as it is")
	}
}

func TestAStaleCopyIsRemovedNotMarkedAndReplaced(t *testing.T) {
	shortKept(t)
	fake := browser.NewFake()
	savedAnnotation(t, fake.Store, "op21", annotations.Request, "ask the capital")
	first := openKeptPage(t, fake)
	first.until("the page kept", func() bool { return len(fake.Kept()) == 1 })
	digest := fake.Kept()[0].Digest
	for name, stale := range map[string]func(){
		"another tab added an annotation": func() { savedAnnotation(t, fake.Store, "op3", annotations.Concern, "") },
		"a copy of another text of the document": func() {
			fake.Prerendered[keptCopy] = strings.Replace(digest, first.doc().adoc.TextSHA256, strings.Repeat("0", 64), 1)
		},
		"a copy of another document": func() {
			fake.Prerendered[keptCopy] = strings.Replace(digest, "A-HRC-RES-53-11", "A-HRC-RES-53-12", 1)
		},
	} {
		t.Run(name, func(t *testing.T) {
			fake.Prerendered = map[string]string{keptCopy: digest}
			stale()
			kept, n := len(fake.Kept()), len(fake.Calls())
			pg := openKeptPage(t, fake)
			pg.until("the copy removed and the page kept", func() bool {
				return has(callsSince(fake, n), removeCopy) && len(fake.Kept()) == kept+1
			})
			calls := callsSince(fake, n)
			if has(calls, "MarkSince(") || !has(calls, markedAfter) {
				t.Errorf("a stale copy was marked as the annotations painted: %v", calls)
			}
			if got := fake.Kept()[kept].Digest; got == fake.Prerendered[keptCopy] || got != pg.doc().keptDigest() {
				t.Errorf("kept %q in place of %q, want %q", got, fake.Prerendered[keptCopy], pg.doc().keptDigest())
			}
			digest = pg.doc().keptDigest()
		})
	}
}

func TestADocumentRemovedOrGivenANewTextHasItsCopyForgotten(t *testing.T) {
	fake := browser.NewFake()
	pg := openKeptPage(t, fake)
	ws := pg.p.ws
	forget := "ForgetPage(" + browser.KeptPagesCache("v-test") + ", /d/S-RES-1)"
	ws.unlearn("S-RES-1")
	if !fake.Called(forget) {
		t.Errorf("a document removed from the library keeps its copy: %v", fake.Calls())
	}
	n := len(fake.Calls())
	ws.forget("S-RES-1")
	if !has(callsSince(fake, n), forget) {
		t.Error("a document given a new text keeps its copy")
	}
}

func TestADocumentWithTooManyAnnotationsHasNoCopy(t *testing.T) {
	fake := browser.NewFake()
	pg := openKeptPage(t, fake)
	pg.until("the page kept", func() bool { return len(fake.Kept()) == 1 })
	d := pg.doc()
	set := d.set()
	for i := 0; set.Len() <= keptMaxAnnotations && i < 1000; i++ {
		for _, c := range d.adoc.Clauses {
			if set.Len() > keptMaxAnnotations {
				break
			}
			_, _ = set.Create(c.ID, i, i+1, annotations.Request, "", "") // past a clause's end: refused
		}
	}
	if set.Len() <= keptMaxAnnotations {
		t.Fatalf("the test made only %d annotations", set.Len())
	}
	n := len(fake.Calls())
	d.keptAs = ""
	d.keep(d.ctx)
	if len(fake.Kept()) != 1 || !has(callsSince(fake, n), "ForgetPage("+browser.KeptPagesCache("v-test")+", "+seedKey+")") {
		t.Errorf("with %d annotations: kept %d, calls %v; want no copy, the one before forgotten", set.Len(), len(fake.Kept()), callsSince(fake, n))
	}
}

// shortKept makes the copy go soon whatever the app shows, for the test.
func shortKept(t *testing.T) {
	was := keptAtMost
	keptAtMost = 300 * time.Millisecond
	t.Cleanup(func() { keptAtMost = was })
}
