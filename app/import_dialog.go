package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// importState is a file being imported: what it would do, or why it
// cannot be imported.
type importState struct {
	Name          string
	Plan          *annotations.Plan
	Error         string
	OtherDocument bool    // the file is for another document: offer to re-anchor
	Anyway        bool    // planned with re-anchoring by quote
	Reading       bool    // the file is being read
	Progress      float64 // how far, 0 to 1
	data          []byte
	set           *annotations.Set // the set the plan was made for
}

// importDialog shows what importing a file will do before anything
// changes: added, updated, unchanged, conflicts, orphans (listed with
// their quote). Apply makes it happen in one transaction.
type importDialog struct {
	app.Compo

	Istate    *importState
	Iplan     *annotations.Plan // the plan, to render again when it changes
	Ierror    string
	Iprogress float64
}

func newImportDialog() *importDialog { return &importDialog{} }

// State sets the import to show.
func (d *importDialog) State(s *importState) *importDialog {
	d.Istate, d.Iplan, d.Ierror, d.Iprogress = s, s.Plan, s.Error, s.Progress
	return d
}

func (d *importDialog) Render() app.UI {
	s := d.Istate
	p := s.Plan
	return app.Div().Class("cm-modal").Body(
		app.Div().
			ID("cm-import-dialog").
			Class("cm-dialog").
			Role("dialog").
			Aria("modal", "true").
			Aria("labelledby", "cm-import-title").
			Body(
				app.H2().ID("cm-import-title").Text("Import "+s.Name),
				app.If(s.Reading, func() app.UI {
					pct := itoa(int(s.Progress * 100))
					return app.Div().Class("cm-import-reading").Role("status").Body(
						app.P().Text("Reading the file… "+pct+"%"),
						app.Progress().Max(100).Value(pct).Aria("label", "Reading the file"),
					)
				}),
				app.If(s.Error != "", func() app.UI {
					return app.Div().Class("cm-import-error").Role("alert").Body(
						app.P().Body(app.Strong().Text("This file cannot be imported as it is. "), app.Text("Nothing was changed.")),
						app.P().Class("cm-error-detail").Text(s.Error),
						app.If(s.OtherDocument, func() app.UI {
							return app.P().Text("It was made on another document. Import it anyway to place each annotation by its quote; those whose quote is not found are kept for review.")
						}),
					)
				}),
				app.If(p != nil, func() app.UI { return d.summary(p) }),
				app.Div().Class("cm-dialog-actions").Body(
					app.If(p != nil && p.Changes() > 0, func() app.UI {
						return app.Button().Type("button").Class("cm-button cm-primary").Attr("autofocus", true).
							OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionImportConfirm) }).
							Text("Import " + plural(p.Changes(), "annotation"))
					}),
					app.If(s.OtherDocument && p == nil, func() app.UI {
						return app.Button().Type("button").Class("cm-button cm-primary").
							OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionImportConfirm, true) }).
							Text("Import anyway, by quote")
					}),
					app.Button().Type("button").Class("cm-button").
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionClose) }).
						Text(cancelText(p)),
				),
			),
	)
}

func cancelText(p *annotations.Plan) string {
	if p != nil && p.Changes() == 0 {
		return "Close"
	}
	return "Cancel"
}

func (d *importDialog) summary(p *annotations.Plan) app.UI {
	moved := 0
	if p.File != nil {
		moved = len(p.File.Reanchored) - len(p.File.Orphans())
	}
	rows := []struct {
		label string
		n     int
		hint  string
	}{
		{"Added", len(p.Added), "new annotations"},
		{"Updated", len(p.Updated), "newer than yours"},
		{"Unchanged", len(p.Unchanged) + len(p.Duplicates), "already here"},
		{"Conflicts kept", len(p.Conflicts), "edited on both sides: nothing is lost"},
		{"Orphans", len(p.Orphans), "their text is not in this resolution: kept for review"},
	}
	return app.Div().Class("cm-import-summary").Body(
		app.If(p.File != nil && len(p.File.Undated) > 0, func() app.UI {
			return app.P().Class("cm-import-note").Text(plural(len(p.File.Undated), "annotation") + " of the file had no date: they are dated at this import.")
		}),
		app.If(p.File != nil && (p.File.TextChanged || p.File.OtherDocument), func() app.UI {
			return app.P().Class("cm-import-note").Text("The file was made on another version of the text: annotations were placed again by their quotes (" + plural(moved, "annotation") + " moved).")
		}),
		app.Table().Class("cm-import-table").Body(
			app.TBody().Body(
				app.Range(rows).Slice(func(i int) app.UI {
					return app.Tr().DataSet("row", rows[i].label).Body(
						app.Th().Scope("row").Text(rows[i].label),
						app.Td().Class("cm-num-cell").Text(itoa(rows[i].n)),
						app.Td().Class("cm-hint").Text(rows[i].hint),
					)
				}),
			),
		),
		app.If(p.Changes() == 0, func() app.UI {
			return app.P().Text("Nothing to import: every annotation of the file is already here.")
		}),
		app.If(len(p.Orphans) > 0, func() app.UI {
			return app.Div().Class("cm-orphans").Body(
				app.H3().Text("For review"),
				app.Ul().Body(
					app.Range(p.Orphans).Slice(func(i int) app.UI {
						o := p.Orphans[i]
						return app.Li().Body(
							app.Span().Class("cm-tag-chip").DataSet("tag", o.Tag).Body(
								app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[o.Tag]),
								app.Text(tagNames[o.Tag]),
							),
							app.Text(" “"+preview(o.Exact, 160)+"”"),
						)
					}),
				),
			)
		}),
	)
}
