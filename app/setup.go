package app

import (
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// document is the resolution the app shows. It is set once by Setup, before
// the first render, on the server and in the browser alike.
var document *resolution.Document

// Setup sets the resolution the app shows and registers the routes. Call it
// once, before app.RunWhenOnBrowser on the client and before serving.
func Setup(doc *resolution.Document) {
	document = doc
	app.Route("/", func() app.Composer { return newReader() })
}

// Document returns the resolution the app shows.
func Document() *resolution.Document { return document }
