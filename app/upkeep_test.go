//go:build js && wasm

package app

import (
	"testing"
	"time"

	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// preloadBuiltin is the app of the built-in seed, preloaded for the page
// at path, and what its library holds then.
func preloadBuiltin(t *testing.T, path string) (*browser.Fake, *workspace, []library.Summary) {
	t.Helper()
	app.Window().Get("localStorage").Call("clear")
	fake := &browser.Fake{}
	ws := newWorkspace(fake, seedDoc(t))
	a := &App{ws: ws}
	a.Keep(resolution.Seed(), true)
	a.Preload(path, 5*time.Second)
	if _, err := fake.OpenStore(nil); err != nil {
		t.Fatal(err)
	}
	ss, err := fake.Library.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	return fake, ws, ss
}

// The page of a document is shown before the library's upkeep (keeping
// the built-in resolution in the library) runs; the upkeep runs once the
// page is painted, and whatever reads the library waits for it.
func TestTheLibraryUpkeepWaitsForTheFirstPaintOfADocument(t *testing.T) {
	fake, ws, ss := preloadBuiltin(t, "/d/A-HRC-RES-53-11")
	if len(ss) != 0 {
		t.Fatalf("before the page is painted, the library holds %d documents; want none yet", len(ss))
	}
	select {
	case <-ws.upkeep.done:
		t.Fatal("the upkeep ran before the page was painted")
	default:
	}

	mountPage(t, fake, ws)
	st, err := ws.store() // waits for the upkeep, which the paint started
	if err != nil {
		t.Fatal(err)
	}
	ss, err = st.Summaries()
	if err != nil || len(ss) != 1 || !ss[0].Builtin || ss[0].ID != "A-HRC-RES-53-11" {
		t.Fatalf("after the paint, the library holds %+v (%v); want the built-in resolution", ss, err)
	}
}

// Without a page of a document to paint (the library's page), the upkeep
// runs before the page is shown.
func TestTheLibraryUpkeepRunsAtOnceForTheLibrarysPage(t *testing.T) {
	_, _, ss := preloadBuiltin(t, "/library")
	if len(ss) != 1 || !ss[0].Builtin {
		t.Fatalf("after the library's preload, it holds %+v; want the built-in resolution", ss)
	}
}
