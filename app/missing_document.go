package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// missingDocument is the page of a document the app does not have (a link
// to a document opened in another browser): it says so and leads back.
type missingDocument struct {
	app.Compo

	Iproblem string
	Iloading string
}

func newMissingDocument() *missingDocument { return &missingDocument{} }

// Problem sets why the document cannot be shown.
func (m *missingDocument) Problem(err error) *missingDocument {
	if err != nil {
		m.Iproblem = err.Error()
	}
	return m
}

// Loading says the document with this id is being read ("" for none).
func (m *missingDocument) Loading(id string) *missingDocument { m.Iloading = id; return m }

func (m *missingDocument) Render() app.UI {
	if m.Iloading != "" {
		return app.Div().Class("cm-app").Body(
			app.Main().Class("cm-main cm-missing").Aria("busy", "true").Body(
				app.P().Class("cm-open-busy").Role("status").Text("Opening " + m.Iloading + "…"),
			),
		)
	}
	return app.Div().Class("cm-app").Body(
		app.Main().Class("cm-main cm-missing").Body(
			app.H1().Text("This document is not here"),
			app.P().Text(m.Iproblem+"."),
			app.P().Text("Documents live in the browser they were opened in. Open the file again here, or import a colleague's export that carries it."),
			app.P().Body(app.A().Href(libraryPath).Text("Go to your library")),
		),
	)
}
