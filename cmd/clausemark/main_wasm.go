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
	doc, _ := resolution.Parse(document())
	a := cmapp.Setup(doc, wasm.NewBrowser())
	// Read the saved annotations before the first render, so that it
	// shows them; a slow store does not hold the page up for long.
	a.Preload(1500 * time.Millisecond)
	app.RunWhenOnBrowser()
}

// document is the text of the resolution to show: the one compiled into
// the app, or the one the server was told to serve (clausemark serve -doc).
func document() []byte {
	path := app.Getenv(cmapp.DocumentEnv)
	if path == "" {
		return resolution.Seed()
	}
	data, err := wasm.FetchText(path)
	if err != nil {
		// Say so on the page rather than show another resolution.
		return []byte(fmt.Sprintf("The resolution could not be loaded: %v. Reload the page when the server is reachable.", err))
	}
	return data
}
