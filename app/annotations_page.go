package app

import (
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// annotationsPage is /annotations: every annotation of every document,
// grouped by document then clause, with the panel's filters (tag, text in
// quote and note) plus document, body and author; the counts per tag
// follow the other filters. Clicking one opens its document at its
// highlight; what is shown can be exported as a brief, a CSV or a native
// file of several documents.
type annotationsPage struct {
	app.Compo

	ws    *workspace
	ready bool        // mounted in the browser
	ctx   app.Context // the page's own context (see run)

	index *library.Index
	// choices are those of the document, body and author filters, made
	// once from the index rather than at every keystroke.
	choices struct{ documents, bodies, authors [][2]string }
	loaded  bool
	err     string
	q       library.Query
	limit   int
	busy    string // an export being made

	// r is what the index keeps for q, filtered again only when q changes
	// (refilter), not at every Render.
	r *library.Result
}

// annotationsPageSize is how many annotations the page lists at first, and
// adds on Show more.
const annotationsPageSize = 100

func newAnnotationsPage(ws *workspace) *annotationsPage {
	return &annotationsPage{ws: ws, limit: annotationsPageSize}
}

func (p *annotationsPage) OnPreRender(ctx app.Context) {
	ctx.Page().SetTitle("Clausemark — All annotations")
}

func (p *annotationsPage) OnMount(ctx app.Context) {
	if !isInteractive(p.ws) {
		return
	}
	ctx.Page().SetTitle("Clausemark — All annotations")
	p.ready, p.ctx = true, ctx
	p.ws.started(ctx)
	p.ws.dropKeptAfterPaint(ctx) // the copy of a document page the app came with
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		var x *library.Index
		st, err := ws.store()
		if err == nil {
			var ss []library.Summary
			if ss, err = st.Summaries(); err == nil {
				var as []annotations.Annotation
				if as, err = st.AllAnnotations(); err == nil {
					x = library.NewIndex(ss, as)
				}
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.loaded = true
			if err != nil {
				p.err = "The annotations cannot be read in this browser: " + err.Error()
				return
			}
			p.index = x
			p.choices.documents = documentChoices(x.Documents())
			p.choices.bodies, p.choices.authors = pairs(x.Bodies()), pairs(x.Authors())
			p.refilter()
			p.markFiltered(ctx)
		})
	})
}

// markAnnotationsFiltered is the User Timing mark set once the list is
// painted for a new search: the first list, then each keystroke in the
// search box (make bench).
const markAnnotationsFiltered = "cm-annotations-filtered"

// markFiltered sets markAnnotationsFiltered after the update under way is
// rendered and painted.
func (p *annotationsPage) markFiltered(ctx app.Context) {
	ctx.Defer(func(app.Context) { p.ws.b.MarkAfterPaint(markAnnotationsFiltered) })
}

// refilter filters the index again for q (after q changed) and shows the
// first page of what it keeps.
func (p *annotationsPage) refilter() {
	p.limit = annotationsPageSize
	if p.index != nil {
		p.r = p.index.Filter(p.q)
	}
}

func (p *annotationsPage) Render() app.UI {
	r := p.r
	root := app.Div().Class("cm-app cm-page")
	if p.ready {
		root = root.Attr("data-ready", "true")
	}
	return root.Body(
		app.A().Class("cm-skip").Href("#cm-all-list").Text("Skip to the annotations"),
		newPageBar(p.ws).Current(annotationsPath),
		app.Main().Class("cm-main cm-wide").ID("cm-all").Role("region").Aria("label", "All annotations").Body(
			app.H1().Class("cm-page-title").Text("All annotations"),
			app.If(p.err != "", func() app.UI { return app.P().Class("cm-banner").Role("alert").Text(p.err) }),
			app.If(!p.loaded && p.err == "", func() app.UI {
				return app.P().Class("cm-open-busy").Role("status").Text("Reading every annotation…")
			}),
			app.If(r != nil, func() app.UI { return p.filters(r) }),
			app.If(r != nil, func() app.UI { return p.list(r) }),
		),
		newToast(),
		newOpener(p.ws),
	)
}

// filters are the tag buttons (with counts), the search, and the document,
// body and author choices, and the exports of what is shown.
func (p *annotationsPage) filters(r *library.Result) app.UI {
	one := func(vs []string) string {
		if len(vs) == 1 {
			return vs[0]
		}
		return ""
	}
	return app.Div().Class("cm-all-tools").Body(
		app.Div().Class("cm-filters").Role("group").Aria("label", "Filter by tag").Body(
			p.tagButton("", "All", r.Counts.Total()),
			p.tagButton(annotations.Commitment, "Commitments", r.Counts.Commitment),
			p.tagButton(annotations.Request, "Requests", r.Counts.Request),
			p.tagButton(annotations.Concern, "Concerns", r.Counts.Concern),
		),
		app.Div().Class("cm-library-tools").Body(
			app.Label().For("cm-all-search").Class("cm-visually-hidden").Text("Search quotes and notes"),
			app.Input().Type("search").ID("cm-all-search").Class("cm-search").
				Placeholder("Search quotes and notes").Value(p.q.Text).
				OnInput(func(ctx app.Context, e app.Event) {
					p.q.Text = ctx.JSSrc().Get("value").String()
					p.refilter()
					p.markFiltered(ctx)
				}),
			p.choice("cm-all-document", "Document", "Every document", p.choices.documents, one(p.q.Documents), func(v string) { p.q.Documents = optional(v) }),
			p.choice("cm-all-body", "Body", "Every body", p.choices.bodies, one(p.q.Bodies), func(v string) { p.q.Bodies = optional(v) }),
			p.choice("cm-all-author", "Author", "Every author", p.choices.authors, one(p.q.Authors), func(v string) { p.q.Authors = optional(v) }),
		),
		app.Div().Class("cm-all-exports").Body(
			app.Span().Class("cm-hint").Text("Export what is shown: "),
			p.exportButton("Brief (Markdown)", "markdown"),
			p.exportButton("Spreadsheet (CSV)", "csv"),
			p.exportButton("Clausemark file with the documents", "json"),
			app.If(p.busy != "", func() app.UI { return app.Span().Class("cm-open-busy").Role("status").Text(p.busy) }),
		),
	)
}

// choice is a select of one value of a filter ("" for every one).
func (p *annotationsPage) choice(id, label, all string, options [][2]string, selected string, set func(string)) app.UI {
	return &filterChoice{ID: id, Label: label, All: all, Options: options, Selected: selected, set: func(v string) {
		set(v)
		p.refilter()
	}}
}

// filterChoice is a select of one value of a filter of /annotations, a
// component of its own: go-app renders it again only when its exported
// fields change (a choice made), not at each key press in the search box,
// which would compare its hundreds of options every time.
type filterChoice struct {
	app.Compo

	// ID is the select's id; Label names it for screen readers; All is
	// the first option's text (the value "", every one).
	ID, Label, All string
	// Options are the values and their texts; Selected the value chosen.
	Options  [][2]string
	Selected string

	set func(string) // the page's, kept from the first render
}

func (c *filterChoice) Render() app.UI {
	return app.Span().Class("cm-choice").Body(
		app.Label().For(c.ID).Class("cm-visually-hidden").Text(c.Label),
		app.Select().ID(c.ID).Class("cm-select").
			OnChange(func(ctx app.Context, e app.Event) {
				if c.set != nil {
					c.set(ctx.JSSrc().Get("value").String())
				}
			}).
			Body(
				app.Option().Value("").Text(c.All),
				app.Range(c.Options).Slice(func(i int) app.UI {
					return app.Option().Value(c.Options[i][0]).Selected(c.Options[i][0] == c.Selected).Text(c.Options[i][1])
				}),
			),
	)
}

// documentChoices are the documents to choose from: id and what to call
// it.
func documentChoices(ss []library.Summary) [][2]string {
	out := make([][2]string, len(ss))
	for i, s := range ss {
		out[i] = [2]string{s.ID, symbolOf(s) + " — " + preview(s.DisplayTitle(), 60)}
	}
	return out
}

// pairs makes choices whose value is their text.
func pairs(vs []string) [][2]string {
	out := make([][2]string, len(vs))
	for i, v := range vs {
		out[i] = [2]string{v, v}
	}
	return out
}

// optional is a filter of one value, or none for "".
func optional(v string) []string {
	if v == "" {
		return nil
	}
	return []string{v}
}

func (p *annotationsPage) tagButton(tag annotations.Tag, label string, n int) app.UI {
	pressed := len(p.q.Tags) == 0 && tag == "" || len(p.q.Tags) == 1 && p.q.Tags[0] == tag && tag != ""
	return app.Button().Type("button").Class("cm-filter").DataSet("tag", tag).Aria("pressed", pressed).
		OnClick(func(ctx app.Context, e app.Event) {
			p.q.Tags = nil
			if tag != "" {
				p.q.Tags = []annotations.Tag{tag}
			}
			p.refilter()
		}).
		Body(
			app.If(tag != "", func() app.UI {
				return app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[tag])
			}),
			app.Text(label+" "),
			app.Span().Class("cm-count-small").Text(itoa(n)),
		)
}

// list is the annotations kept, grouped by document then clause, a page at
// a time. The groups are one piece of HTML (annotationsHTML) that the
// browser parses at once when it changes: diffing hundreds of elements made
// by go-app at each key press in the search box took most of its time. A
// click on one of their links is go-app's own (its click listener on the
// window navigates in the app for any link).
func (p *annotationsPage) list(r *library.Result) app.UI {
	groups := r.Groups(0, p.limit)
	return app.Div().ID("cm-all-list").Body(
		app.P().Class("cm-panel-count").Aria("live", "polite").Text(plural(r.Total, "annotation")+" in "+plural(r.Documents(), "document")),
		app.Raw(annotationsHTML(groups)),
		app.If(r.Total > p.limit, func() app.UI {
			return app.Button().Type("button").Class("cm-button cm-more").
				OnClick(func(ctx app.Context, e app.Event) { p.limit += annotationsPageSize }).
				Text("Show " + itoa(min(annotationsPageSize, r.Total-p.limit)) + " more of " + itoa(r.Total-p.limit))
		}),
	)
}

func (p *annotationsPage) exportButton(label, format string) app.UI {
	return app.Button().Type("button").Class("cm-button").
		Disabled(p.busy != "").
		OnClick(func(ctx app.Context, e app.Event) { p.export(ctx, format) }).
		Text(label)
}

// export downloads what the filters keep: a brief, a CSV (the document's
// symbol first on each row) or a native file of several documents with
// their texts, named after what was selected.
func (p *annotationsPage) export(ctx app.Context, format string) {
	r := p.index.Filter(p.q)
	kept := r.Annotations(0, r.Total)
	what := p.selectionName()
	p.busy = "Making the file…"
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		name, mime, data, err := ws.exportSelection(kept, what, format, time.Now())
		if err == nil {
			err = ws.b.Download(name, mime, data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = ""
			if err != nil {
				showNotice(ctx, "Export failed: "+err.Error(), "")
				return
			}
			showNotice(ctx, "Exported "+plural(len(kept), "annotation")+" as "+name+".", "")
		})
	})
}

// selectionName says what the filters keep, for the file's name:
// "requests", "S-2024-400-requests", "all".
func (p *annotationsPage) selectionName() string {
	var parts []string
	parts = append(parts, p.q.Documents...)
	parts = append(parts, p.q.Bodies...)
	for _, t := range p.q.Tags {
		parts = append(parts, string(t)+"s")
	}
	if p.q.Text != "" {
		parts = append(parts, "matching-"+p.q.Text)
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, "-")
}
