package app

import (
	"github.com/clausemark/clausemark/markup"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// documentView shows a resolution as the UN prints it: identification,
// title, enacting formula, preamble, operative part, adoption, vote record
// and footnotes.
//
// The preamble and the operative part are each one HTML string (see
// sectionHTML): go-app renders them once — its props do not change while
// the document is open, so it never renders again — and from then on the
// painter paints the clauses whose annotations change, alone and at once
// (see painter.show). Clicks and pointer moves on clauses and highlights
// are handled here, once for the whole document (event delegation), and
// posted as actions: a handler per highlight would cost thousands of JS
// functions.
type documentView struct {
	app.Compo

	Idoc   *resolution.Document
	Ipaint *painter

	hovered string
}

func newDocumentView() *documentView { return &documentView{} }

// Document sets the resolution to show and its painter, which renders its
// clauses with their annotations.
func (v *documentView) Document(d *resolution.Document, p *painter) *documentView {
	v.Idoc, v.Ipaint = d, p
	return v
}

func (v *documentView) Render() app.UI {
	d := v.Idoc
	// The resolution's own parts come before the adoption; the annexes,
	// after it, as the UN prints them.
	var proper, annexes []markup.Part
	for _, part := range v.Ipaint.parts {
		if part.ID == markup.PreambleID || part.ID == markup.OperativeID {
			proper = append(proper, part)
		} else {
			annexes = append(annexes, part)
		}
	}
	return app.Article().
		Class("cm-doc").
		DataSet("symbol", d.Symbol).
		Aria("labelledby", "doc-title").
		OnClick(v.onClick).
		On("mouseover", v.onHover).
		On("focusin", v.onHover).
		On("mouseleave", v.onLeave).
		Body(
			newDocHeader().Document(d),
			app.If(len(d.Notes) > 0, func() app.UI {
				return app.Div().Class("cm-notice").Role("note").Body(
					app.Range(d.Notes).Slice(func(i int) app.UI {
						return app.P().Text(d.Notes[i])
					}),
				)
			}),
			app.If(d.EnactingFormula != "", func() app.UI {
				return app.P().Class("cm-enacting").Text(d.EnactingFormula)
			}),
			app.Range(proper).Slice(func(i int) app.UI {
				return app.Raw(v.Ipaint.section(proper[i]))
			}),
			app.If(d.Adoption.Meeting != "" || d.Adoption.Date != "", func() app.UI {
				return app.P().Class("cm-adoption").Body(
					app.Span().Class("cm-meeting").Text(d.Adoption.Meeting),
					app.Br(),
					app.Span().Class("cm-date").Text(d.Adoption.Date),
				)
			}),
			app.If(d.Vote != nil, func() app.UI {
				return newVoteRecord().Vote(d.Vote)
			}),
			app.Range(annexes).Slice(func(i int) app.UI {
				return app.Raw(v.Ipaint.section(annexes[i]))
			}),
			app.If(len(d.Footnotes) > 0, func() app.UI {
				return newFootnoteList().Document(d)
			}),
		)
}

// onClick turns clicks on labels, suggestions and highlights into actions.
func (v *documentView) onClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	target := e.Get("target")
	if !target.Truthy() || !target.Get("closest").Truthy() {
		return
	}
	clause := target.Call("closest", "[data-clause]")
	switch {
	case target.Call("closest", ".cm-label").Truthy() && clause.Truthy():
		ctx.NewActionWithValue(actionSelectClause, clause.Call("getAttribute", "data-clause").String())
	case target.Call("closest", ".cm-suggest").Truthy() && clause.Truthy():
		ctx.NewActionWithValue(actionAcceptSuggestion, docItem{Doc: v.Ipaint.docID, ID: clause.Call("getAttribute", "data-clause").String()})
	default:
		if m := target.Call("closest", "[data-annotation]"); m.Truthy() {
			// Clicking to select text inside a highlight is not opening
			// it: the reader checks the selection.
			ctx.NewActionWithValue(actionClickHighlight, m.Call("getAttribute", "data-annotation").String())
		}
	}
}

// onLeave hides the tooltip when the pointer leaves the document.
func (v *documentView) onLeave(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if v.hovered != "" {
		v.hovered = ""
		ctx.NewActionWithValue(actionHover, "")
	}
}

// onHover tells the reader which highlight is under the pointer or has
// the focus, for the tooltip.
func (v *documentView) onHover(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	target := e.Get("target")
	id := ""
	if target.Truthy() && target.Get("closest").Truthy() {
		if m := target.Call("closest", "[data-annotation]"); m.Truthy() {
			id = m.Call("getAttribute", "data-annotation").String()
		}
	}
	if id != v.hovered {
		v.hovered = id
		ctx.NewActionWithValue(actionHover, id)
	}
}
