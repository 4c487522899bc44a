//go:build js && wasm

package app

import (
	"testing"
	"time"

	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page of a document is shown before the library's upkeep (keeping
// the built-in resolution in the library) runs; the upkeep runs once the
// page is painted, and whatever reads the library waits for it.
func TestTheLibraryUpkeepWaitsForTheFirstPaintOfADocument(t *testing.T) {
	app.Window().Get("localStorage").Call("clear")
	fake := &browser.Fake{}
	ws := newWorkspace(fake, seedDoc(t))
	a := &App{ws: ws}
	a.Keep(resolution.Seed(), true)
	a.Preload("/d/A-HRC-RES-53-11", 5*time.Second)
	if _, err := fake.OpenStore(nil); err != nil {
		t.Fatal(err)
	}
	if ss, err := fake.Library.Summaries(); err != nil || len(ss) != 0 {
		t.Fatalf("before the page is painted, the library holds %d documents (%v); want none yet", len(ss), err)
	}
	select {
	case <-ws.upkeep.done:
		t.Fatal("the upkeep ran before the page was painted")
	default:
	}

	ws.home = ""
	p := &testPage{ws: ws, r: newReader(ws)}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	st, err := ws.store() // waits for the upkeep, which the paint started
	if err != nil {
		t.Fatal(err)
	}
	ss, err := st.Summaries()
	if err != nil || len(ss) != 1 || !ss[0].Builtin || ss[0].ID != "A-HRC-RES-53-11" {
		t.Fatalf("after the paint, the library holds %+v (%v); want the built-in resolution", ss, err)
	}
}

// Without a page to paint (the library's page), the upkeep runs when the
// library is first read.
func TestTheLibraryUpkeepRunsWhenTheLibraryIsRead(t *testing.T) {
	fake := &browser.Fake{}
	ws := newWorkspace(fake, seedDoc(t))
	a := &App{ws: ws}
	a.Keep(resolution.Seed(), true)
	a.Preload("/library", 5*time.Second)
	if _, err := fake.OpenStore(nil); err != nil {
		t.Fatal(err)
	}
	ss, err := fake.Library.Summaries()
	if err != nil || len(ss) != 1 || !ss[0].Builtin {
		t.Fatalf("after the library's preload, it holds %+v (%v); want the built-in resolution", ss, err)
	}
}
