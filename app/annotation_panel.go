package app

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// panelFilter is what the panel lists: a tag ("" for all), a search in
// quotes and notes, and how many items to show.
type panelFilter struct {
	Tag   annotations.Tag
	Query string
	Limit int
}

// panelPage is how many items the panel shows at first, and adds when its
// list is scrolled near the end or on "Show more": a long list renders
// lazily. A page fills the panel on a tall screen.
const panelPage = 30

// panelMoreWithin is how close (px) to the end of the panel a scroll brings
// the next page.
const panelMoreWithin = 600

// annotationPanel lists the annotations in document order with clause
// label, quote, tag and note; filters by tag (with counts) and searches
// quotes and notes. Clicking an item scrolls to its highlight and makes it
// flash. On a phone it is a drawer.
//
// It observes the document's view (docView): it renders again when the
// annotations change, and only its items whose annotation changed render.
type annotationPanel struct {
	app.Compo

	Idoc    string
	Ilive   bool
	Ifilter panelFilter
	Iauthor string

	view  docView
	watch docWatch
}

func newAnnotationPanel() *annotationPanel { return &annotationPanel{} }

// Doc sets the document (its id) whose annotations the panel lists.
func (p *annotationPanel) Doc(id string) *annotationPanel { p.Idoc = id; return p }

func (p *annotationPanel) OnMount(ctx app.Context) {
	p.watch.observe(ctx, p.Idoc, &p.view)
	// A panel opened again shows the search it lists by (the box is not
	// bound to it: see Render).
	if q := p.Ifilter.Query; q != "" {
		ctx.Defer(func(app.Context) {
			if box := app.Window().GetElementByID(searchID); box.Truthy() {
				box.Set("value", q)
			}
		})
	}
}
func (p *annotationPanel) OnUpdate(ctx app.Context) { p.watch.observe(ctx, p.Idoc, &p.view) }

// Live says whether to list the annotations: the first render of the page
// leaves the list out, so that the document and its highlights paint first.
func (p *annotationPanel) Live(live bool) *annotationPanel { p.Ilive = live; return p }

// Author sets the delegation written on new annotations.
func (p *annotationPanel) Author(a string) *annotationPanel { p.Iauthor = a; return p }

// Filter sets what the panel lists.
func (p *annotationPanel) Filter(f panelFilter) *annotationPanel { p.Ifilter = f; return p }

func (p *annotationPanel) Render() app.UI {
	f := p.Ifilter
	limit := f.Limit
	if limit <= 0 {
		limit = panelPage
	}
	d := p.view.Doc
	if d == nil {
		return app.Aside().ID("cm-panel").Class("cm-panel").Role("region").Aria("label", "Annotations")
	}
	set := d.set()
	counts := set.Counts()
	if !p.Ilive {
		limit = 0
	}
	items, total, byTag := filterAnnotations(d.eachButNotes, f, limit)
	notes, nNotes, noteTags := filterAnnotations(d.eachNote, f, max(limit, panelPage))
	total += nNotes
	byTag = byTag.Plus(noteTags)
	return app.Aside().
		ID("cm-panel").
		Class("cm-panel").
		Role("region").
		Aria("label", "Annotations").
		OnScroll(p.onScroll).
		Body(
			app.Div().Class("cm-panel-head").Body(
				// The skip link and the p key bring the focus here.
				app.H2().ID(panelTitleID).TabIndex(-1).Text("Annotations"),
				app.Button().Type("button").Class("cm-close cm-panel-close").
					Aria("label", "Close the annotations panel").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionTogglePanel, false) }).
					Text("×"),
			),
			// The counts are those of the search: each chip says how many
			// it would list.
			app.Div().Class("cm-filters").Role("group").Aria("label", "Filter by tag").Body(
				p.filterButton("", "All", byTag.Total()),
				p.filterButton(annotations.Commitment, "Commitments", byTag.Commitment),
				p.filterButton(annotations.Request, "Requests", byTag.Request),
				p.filterButton(annotations.Concern, "Concerns", byTag.Concern),
			),
			app.Input().
				Type("search").
				ID(searchID).
				Class("cm-search").
				Placeholder("Search quotes and notes (/)").
				Aria("label", "Search annotations").
				Aria("keyshortcuts", "/").
				// No Value: a render while the delegate types would put an
				// older text back (Escape clears it through the browser).
				OnInput(p.onSearch),
			app.P().Class("cm-panel-count").Aria("live", "polite").Text(p.countText(total, counts, len(noteItems(d)))),
			app.If(counts.Total() == 0, func() app.UI {
				return app.Div().Class("cm-empty").Body(
					app.P().Text("No annotations yet."),
					app.P().Text("Select text in a clause, or a clause by its label (PP1, OP21…), then choose Commitment, Request or Concern — or press 1, 2 or 3."),
				)
			}),
			app.Ol().Class("cm-list").OnClick(p.onListClick).Body(
				app.Range(items).Slice(func(i int) app.UI {
					a := items[i]
					label, orphan := d.labelOf(a)
					return newPanelItem().Annotation(a, label, orphan)
				}),
			),
			p.notesOnDocument(notes),
			app.If(p.Ilive && total > len(items), func() app.UI {
				return p.more(total, len(items))
			}),
			app.Div().Class("cm-author").Body(
				app.Label().For("cm-author").Text("Your delegation"),
				app.P().ID("cm-author-hint").Class("cm-hint").Text("Optional. Written on the annotations you make from now on; those made before keep theirs."),
				app.Input().
					Type("text").
					ID("cm-author").
					Class("cm-search").
					MaxLength(annotations.MaxAuthorLength).
					Aria("describedby", "cm-author-hint").
					Value(p.Iauthor).
					OnChange(func(ctx app.Context, e app.Event) {
						ctx.NewActionWithValue(actionAuthor, ctx.JSSrc().Get("value").String())
					}),
			),
		)
}

func (p *annotationPanel) more(total, shown int) app.UI {
	return app.Button().Type("button").Class("cm-button cm-more").
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.NewActionWithValue(actionFilter, p.nextPage())
		}).
		Text("Show " + itoa(min(panelPage, total-shown)) + " more of " + itoa(total-shown))
}

// nextPage is the panel's filter, showing a page more.
func (p *annotationPanel) nextPage() panelFilter {
	f := p.Ifilter
	f.Limit = max(f.Limit, panelPage) + panelPage
	return f
}

// onScroll shows the next page when the panel is scrolled near its end and
// more items remain (the "Show more" button is there). It reads the
// panel's state when it runs: the handler is not renewed by renders.
func (p *annotationPanel) onScroll(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	el := ctx.JSSrc()
	end := el.Get("scrollHeight").Float() - el.Get("clientHeight").Float()
	if !p.Ilive || el.Get("scrollTop").Float() < end-panelMoreWithin || !el.Call("querySelector", ".cm-more").Truthy() {
		return
	}
	ctx.NewActionWithValue(actionFilter, p.nextPage())
}

func (p *annotationPanel) countText(shown int, c annotations.Counts, notes int) string {
	s := plural(shown, "annotation")
	if p.Ifilter.Tag != "" || p.Ifilter.Query != "" {
		s += " match"
		if shown == 1 {
			s += "es"
		}
	}
	if n := c.Orphans - notes; n > 0 { // notes on the document have no place to review
		s += " · " + itoa(n) + " need review"
	}
	return s
}

func (p *annotationPanel) filterButton(tag annotations.Tag, label string, n int) app.UI {
	return app.Button().
		Type("button").
		Class("cm-filter").
		DataSet("tag", tag).
		Aria("pressed", p.Ifilter.Tag == tag).
		OnClick(p.onFilter).
		Body(
			app.If(tag != "", func() app.UI {
				return app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[tag])
			}),
			app.Text(label+" "),
			app.Span().Class("cm-count-small").Text(itoa(n)),
		)
}

// onFilter lists the annotations of the tag of the chip clicked, within
// the search. It reads the panel's filter when it runs: go-app keeps the
// first handler of an element across renders, so a closure over the filter
// of one render would bring back an old search.
func (p *annotationPanel) onFilter(ctx app.Context, e app.Event) {
	nf := p.Ifilter
	nf.Tag = ""
	// All has no data-tag (go-app leaves an empty one out).
	if tag := ctx.JSSrc().Call("getAttribute", "data-tag"); tag.Truthy() {
		nf.Tag = annotations.Tag(tag.String())
	}
	nf.Limit = 0
	ctx.NewActionWithValue(actionFilter, nf)
}

func (p *annotationPanel) onSearch(ctx app.Context, e app.Event) {
	nf := p.Ifilter
	nf.Query = ctx.JSSrc().Get("value").String()
	nf.Limit = 0
	ctx.NewActionWithValue(actionFilter, nf)
}

// onListClick turns a click on an item's button into its action.
func (p *annotationPanel) onListClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	target := e.Get("target")
	if !target.Truthy() || !target.Get("closest").Truthy() {
		return
	}
	button := target.Call("closest", "button[data-action]")
	item := target.Call("closest", "[data-item]")
	if !button.Truthy() || !item.Truthy() {
		return
	}
	ctx.NewActionWithValue(button.Call("getAttribute", "data-action").String(), item.Call("getAttribute", "data-item").String())
}

// filterAnnotations returns the first limit annotations that match the
// filter, in the order each gives them, how many match in all, and how many
// of each tag match its search (whatever its tag).
func filterAnnotations(each func(func(annotations.Annotation) bool), f panelFilter, limit int) ([]annotations.Annotation, int, annotations.Counts) {
	q := strings.ToLower(strings.TrimSpace(f.Query))
	out := make([]annotations.Annotation, 0, min(limit, 128))
	total := 0
	var byTag annotations.Counts
	each(func(a annotations.Annotation) bool {
		if q != "" && !strings.Contains(strings.ToLower(a.Exact), q) && !strings.Contains(strings.ToLower(a.Note), q) {
			return true
		}
		switch a.Tag {
		case annotations.Commitment:
			byTag.Commitment++
		case annotations.Request:
			byTag.Request++
		case annotations.Concern:
			byTag.Concern++
		default:
			byTag.Untagged++
		}
		if f.Tag != "" && a.Tag != f.Tag {
			return true
		}
		total++
		if len(out) < limit {
			out = append(out, a)
		}
		return true
	})
	return out, total, byTag
}

// panelTitleID is the id of the panel's heading; searchID, of its search.
const (
	panelTitleID = "cm-panel-title"
	searchID     = "cm-search"
)
