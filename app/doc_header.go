package app

import (
	"strings"

	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// docHeader shows the identification of a resolution: organ, session,
// dates, agenda item, symbol, adoption heading and title.
type docHeader struct {
	app.Compo

	Idoc *resolution.Document
}

func newDocHeader() *docHeader { return &docHeader{} }

// Document sets the resolution whose header to show.
func (h *docHeader) Document(d *resolution.Document) *docHeader {
	h.Idoc = d
	return h
}

func (h *docHeader) Render() app.UI {
	d := h.Idoc
	agenda := ""
	if d.AgendaItem != "" {
		agenda = "Agenda item " + d.AgendaItem
	}
	masthead, title := "United Nations", d.Title
	if !d.Recognised {
		masthead = "Unrecognised text"
	}
	// A draft prints no title: its sponsor line is what names it.
	sponsors := ""
	if len(d.Sponsors) > 0 {
		sponsors = sponsorLine(d)
	}
	if title == "" && d.Number == "" {
		switch {
		case sponsors != "":
			title, sponsors = sponsors, ""
		case d.Kind == resolution.KindDraft:
			title = "Draft resolution"
		case d.Symbol != "" && d.Recognised:
			title = "Resolution " + d.Symbol
		default:
			title = "Untitled document"
		}
	}
	original := ""
	if d.Original != "" {
		original = "Original: " + d.Original
	}
	distribution := ""
	if d.Distribution != "" {
		distribution = "Distr.: " + d.Distribution
	}
	return app.Header().Class("cm-doc-head").Body(
		app.Div().Class("cm-masthead").Body(
			app.P().Class("cm-un").Text(masthead),
			app.P().Class("cm-symbol").Text(d.Symbol),
		),
		app.If(distribution != "" || d.Date != "" || original != "", func() app.UI {
			return app.Div().Class("cm-distr").Body(
				line("cm-distribution", distribution),
				line("cm-doc-date", d.Date),
				line("cm-original", original),
			)
		}),
		app.Div().Class("cm-ident").Body(
			line("cm-body", d.Body),
			line("cm-session", d.Session),
			line("cm-dates", d.Dates),
			line("cm-agenda", agenda),
			line("cm-agenda-title", d.AgendaTitle),
		),
		line("cm-heading", d.Heading),
		line("cm-sponsors", sponsors),
		app.Range(d.Other).Slice(func(i int) app.UI {
			return line("cm-other", d.Other[i])
		}),
		app.If(d.Reference != "", func() app.UI {
			return app.P().Class("cm-reference").Text("[" + d.Reference + "]")
		}),
		app.H1().ID("doc-title").Class("cm-title").Body(
			app.If(d.Number != "", func() app.UI {
				return app.Span().Class("cm-title-num").Text(d.Number + ". ")
			}),
			app.Text(title),
		),
	)
}

// sponsorLine is a draft's sponsor line as the UN prints it: "France and
// United Kingdom of Great Britain and Northern Ireland: draft resolution".
func sponsorLine(d *resolution.Document) string {
	names := d.Sponsors
	var list string
	switch len(names) {
	case 1:
		list = names[0]
	default:
		list = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	kind := d.Kind
	if kind == "" {
		kind = resolution.KindDraft
	}
	return list + ": " + kind
}

// line renders one line of text with a class, or nothing when empty.
func line(class, text string) app.UI {
	if text == "" {
		return nil
	}
	return app.P().Class(class).Text(text)
}
