//go:build js && wasm

package main

import (
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	doc, _ := resolution.Parse(resolution.Seed())
	cmapp.Setup(doc)
	app.RunWhenOnBrowser()
}
