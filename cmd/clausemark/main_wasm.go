//go:build js && wasm

package main

import (
	"fmt"
	"time"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/wasm"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	text, builtin, err := document()
	doc, _ := resolution.Parse(text)
	a := cmapp.Setup(doc, wasm.NewBrowser())
	if err == nil {
		a.Keep(text, builtin)
	}
	// Read what the first page shows (the library, the document and its
	// saved annotations) before the first render, so that it shows them; a
	// slow store does not hold the page up for long.
	a.Preload(app.Window().URL().Path, 1500*time.Millisecond)
	app.RunWhenOnBrowser()
}

// document is the text of the default resolution: the one compiled into
// the app (builtin), or the one the server was told to serve (clausemark
// serve -doc).
// When the served one cannot be fetched, text says so (the page shows
// that rather than another resolution) and err is not nil.
func document() (text []byte, builtin bool, err error) {
	path := app.Getenv(cmapp.DocumentEnv)
	if path == "" {
		return resolution.Seed(), true, nil
	}
	data, err := wasm.FetchText(path)
	if err != nil {
		return []byte(fmt.Sprintf("The resolution could not be loaded: %v. Reload the page when the server is reachable.", err)), false, err
	}
	return data, false, nil
}
