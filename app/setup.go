package app

import (
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// document is the resolution the app shows, and ann its annotations. They
// are set once by Setup, before the first render, on the server and in the
// browser alike. On the server the set stays empty: annotations live in
// the browser.
var (
	document *resolution.Document
	ann      *annotator
)

// DocumentPath is where the server serves a resolution given on its
// command line (clausemark serve -doc FILE), and DocumentEnv the app
// environment variable that tells the app to fetch it from there instead
// of showing the resolution compiled into it.
const (
	DocumentPath = "/document.txt"
	DocumentEnv  = "CLAUSEMARK_DOCUMENT"
)

// Setup sets the resolution the app shows and registers the routes. Call it
// once, before app.RunWhenOnBrowser on the client and before serving.
func Setup(doc *resolution.Document) {
	document = doc
	ann = newAnnotator(doc)
	app.Route("/", func() app.Composer { return newReader() })
}

// Document returns the resolution the app shows.
func Document() *resolution.Document { return document }

// PageTitle is the title of the page that shows doc: "Clausemark — " and
// its symbol, or its title, or "Untitled document".
func PageTitle(doc *resolution.Document) string {
	name := doc.Symbol
	if name == "" {
		name = doc.Title
	}
	if name == "" {
		name = "Untitled document"
	}
	return "Clausemark — " + name
}
