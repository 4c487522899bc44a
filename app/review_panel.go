package app

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/library"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reviewPanel is the region "Review carried annotations": what became of
// the annotations when the current version was added. The counts first
// ("41 carried, 6 moved, 3 changed, 2 orphans"), then what to look at:
// the annotations that moved (OP21 → OP22), those whose words changed
// (old and new wording side by side), and the orphans (the old quote with
// its clause). For each: Accept (it is right where it is), Re-attach
// (select new words in the text, then confirm) or Keep as a note on the
// document. It observes the document's view and its versions.
type reviewPanel struct {
	app.Compo

	Idoc      string
	Ireattach string
	Ichoice   reattachSel

	view     docView
	watch    docWatch
	versions versionsView
	watching string
}

func newReviewPanel() *reviewPanel { return &reviewPanel{} }

// Doc sets the document (its id).
func (p *reviewPanel) Doc(id string) *reviewPanel { p.Idoc = id; return p }

// Reattach sets the annotation being re-attached ("" for none) and the
// words selected for it.
func (p *reviewPanel) Reattach(id string, choice reattachSel) *reviewPanel {
	p.Ireattach, p.Ichoice = id, choice
	return p
}

func (p *reviewPanel) OnMount(ctx app.Context)  { p.observe(ctx) }
func (p *reviewPanel) OnUpdate(ctx app.Context) { p.observe(ctx) }

func (p *reviewPanel) observe(ctx app.Context) {
	p.watch.observe(ctx, p.Idoc, &p.view)
	if p.watching == p.Idoc {
		return
	}
	id := p.Idoc
	p.watching, p.versions = id, versionsView{}
	ctx.ObserveState(versionsState(id), &p.versions).While(func() bool { return p.watching == id })
}

// reviewGroups are the groups of the review, in the order it lists them.
var reviewGroups = []struct {
	fate        compare.Fate
	title, hint string
}{
	{compare.Orphan, "Orphans", "Their clause or their words are gone: re-attach each to new words, or keep it as a note on the document."},
	{compare.Changed, "Changed", "The words they marked changed: the old wording and the new one."},
	{compare.Moved, "Moved", "The same words, in a clause of another number."},
}

func (p *reviewPanel) Render() app.UI {
	d, v := p.view.Doc, p.versions
	root := app.Aside().ID("cm-review").Class("cm-panel cm-review").Role("region").Aria("label", "Review carried annotations")
	head := app.Div().Class("cm-panel-head").Body(
		app.H2().TabIndex(-1).Text("Review carried annotations"),
		app.Button().Type("button").Class("cm-close").Aria("label", "Close the review").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionReviewOpen, false) }).
			Text("×"),
	)
	if d == nil || v.Review == nil {
		return root.Body(head, app.P().Class("cm-empty").Text("No annotations were carried onto this version."))
	}
	r := v.Review
	pending := v.pending(d.set())
	from, _ := v.version(r.From)
	cur := v.current()
	byFate := map[compare.Fate][]library.ReviewItem{}
	for _, it := range pending {
		byFate[it.Fate] = append(byFate[it.Fate], it)
	}
	notes := 0
	for _, it := range r.Items {
		if it.Outcome == library.KeptAsNote {
			notes++
		}
	}
	return root.Body(
		head,
		app.P().Class("cm-review-counts").Text(r.Summary()),
		app.P().Class("cm-hint").Text("From version "+itoa(from.Number)+" ("+from.Name+") to version "+itoa(cur.Number)+" ("+cur.Name+"). "+p.leftText(len(pending), notes)),
		app.If(len(byFate[compare.Moved])+len(byFate[compare.Changed]) > 1, func() app.UI {
			return app.Div().Class("cm-review-bulk").Body(
				p.acceptAll(byFate[compare.Moved], "Accept all moved"),
				p.acceptAll(byFate[compare.Changed], "Accept all changed"),
			)
		}),
		app.Range(reviewGroups).Slice(func(i int) app.UI {
			g := reviewGroups[i]
			items := byFate[g.fate]
			if len(items) == 0 {
				return nil
			}
			return app.Section().Class("cm-review-group").DataSet("fate", g.fate).Aria("label", g.title).Body(
				app.H3().Text(g.title+" ("+itoa(len(items))+")"),
				app.P().Class("cm-hint").Text(g.hint),
				app.Ol().Class("cm-list").Body(
					app.Range(items).Slice(func(j int) app.UI { return p.item(d, items[j]) }),
				),
			)
		}),
	)
}

// leftText says how many items are left to review.
func (p *reviewPanel) leftText(pending, notes int) string {
	s := "Nothing left to review."
	if pending > 0 {
		s = plural(pending, "annotation") + " to review."
	}
	if notes > 0 {
		s += " " + plural(notes, "annotation") + " kept as notes on the document."
	}
	return s
}

func (p *reviewPanel) acceptAll(items []library.ReviewItem, label string) app.UI {
	if len(items) == 0 {
		return nil
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	doc := p.Idoc
	return app.Button().Type("button").Class("cm-button").
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.NewActionWithValue(actionReviewDecide, reviewDecision{Doc: doc, IDs: ids, Outcome: library.Accepted})
		}, app.EventScope(doc, strings.Join(ids, " "))).
		Text(label + " (" + itoa(len(items)) + ")")
}

// item is one annotation to review.
func (p *reviewPanel) item(d *openDoc, it library.ReviewItem) app.UI {
	a, _ := d.set().Get(it.ID)
	doc, id := p.Idoc, it.ID
	// go-app keeps a handler made by the same code unless its scope
	// changes: the items of a list are rendered again in place.
	scope := app.EventScope(doc, id)
	reattaching := p.Ireattach == id
	where := it.OldLabel
	switch {
	case it.Fate == compare.Orphan && it.Version != 0:
		where += " (version " + itoa(it.Version) + ")"
	case it.Fate != compare.Orphan && it.NewLabel != it.OldLabel:
		where = it.OldLabel + " → " + it.NewLabel
	}
	return app.Li().Class("cm-item cm-review-item").DataSet("item", id).DataSet("fate", it.Fate).DataSet("tag", a.Tag).Body(
		app.Div().Class("cm-item-head").Body(
			app.Span().Class("cm-item-label").Text(where),
			app.Span().Class("cm-tag-chip").DataSet("tag", a.Tag).Body(
				app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[a.Tag]),
				app.Text(tagNames[a.Tag]),
			),
		),
		p.words(it),
		app.If(it.Fate == compare.Orphan && it.Reason != "", func() app.UI {
			return app.P().Class("cm-review-reason").Text(capitalize(it.Reason) + ".")
		}),
		app.If(a.Note != "", func() app.UI {
			return app.P().Class("cm-item-note").Text(preview(a.Note, 200))
		}),
		app.If(reattaching, func() app.UI { return p.reattachBox(doc) }),
		app.If(!reattaching, func() app.UI {
			return app.Div().Class("cm-review-actions").Body(
				app.If(it.Fate != compare.Orphan, func() app.UI {
					return app.Button().Type("button").Class("cm-button").DataSet("review", "show").
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionShow, id) }, scope).
						Text("Show")
				}),
				app.If(it.Fate != compare.Orphan, func() app.UI {
					return app.Button().Type("button").Class("cm-button cm-primary").DataSet("review", "accept").
						OnClick(func(ctx app.Context, e app.Event) {
							ctx.NewActionWithValue(actionReviewDecide, reviewDecision{Doc: doc, IDs: []string{id}, Outcome: library.Accepted})
						}, scope).
						Text("Accept")
				}),
				app.Button().Type("button").Class("cm-button").DataSet("review", "reattach").
					Title("Select the new words in the text, then confirm").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionReattachStart, id) }, scope).
					Text("Re-attach"),
				app.Button().Type("button").Class("cm-button").DataSet("review", "note").
					Title("Keep it, with its tag and note, as a note on the document, with no place in the text").
					OnClick(func(ctx app.Context, e app.Event) {
						ctx.NewActionWithValue(actionReviewKeepAsNote, docItem{Doc: doc, ID: id})
					}, scope).
					Text("Keep as a note"),
			)
		}),
	)
}

// words shows the words of an item: moved, its quote; changed, the old
// and new wording side by side (deleted and inserted words marked);
// orphan, the old quote.
func (p *reviewPanel) words(it library.ReviewItem) app.UI {
	if it.Fate != compare.Changed {
		return app.Blockquote().Class("cm-item-quote").Text("“" + preview(it.OldQuote, 240) + "”")
	}
	var was, now []app.UI
	for _, op := range compare.WordDiff(it.OldQuote, it.NewQuote) {
		switch op.Kind {
		case compare.Delete:
			was = append(was, app.Del().Text(op.Text))
		case compare.Insert:
			now = append(now, app.Ins().Text(op.Text))
		default:
			was = append(was, app.Text(op.Text))
			now = append(now, app.Text(op.Text))
		}
	}
	return app.Div().Class("cm-review-words").Body(
		app.Div().Class("cm-review-old").Body(
			app.Span().Class("cm-review-side").Text("Was"),
			app.Blockquote().Body(was...),
		),
		app.Div().Class("cm-review-new").Body(
			app.Span().Class("cm-review-side").Text("Now"),
			app.Blockquote().Body(now...),
		),
	)
}

// reattachBox asks for the new words, and confirms them.
func (p *reviewPanel) reattachBox(doc string) app.UI {
	c := p.Ichoice
	return app.Div().Class("cm-reattach").Role("group").Aria("label", "Re-attach").Body(
		app.If(!c.Has, func() app.UI {
			return app.P().Class("cm-hint").Role("status").Text("Select the new words in the text, then confirm here.")
		}),
		app.If(c.Has, func() app.UI {
			return app.P().Class("cm-reattach-choice").Role("status").Body(
				app.Text("Attach to "+c.Label+": "),
				app.Q().Text(preview(strings.TrimSpace(c.Quote), 160)),
			)
		}),
		app.Div().Class("cm-review-actions").Body(
			app.Button().Type("button").ID("cm-reattach-confirm").Class("cm-button cm-primary").Disabled(!c.Has).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionReattachConfirm) }).
				Text("Attach here"),
			app.Button().Type("button").Class("cm-button").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionReattachCancel) }).
				Text("Cancel"),
		),
	)
}

// noteItems are the annotations kept as notes on the document, for the
// panel, in the order of the set.
func noteItems(d *openDoc) []annotations.Annotation {
	var out []annotations.Annotation
	for _, a := range d.set().Orphans() {
		if d.isNote(a) {
			out = append(out, a)
		}
	}
	return out
}

// eachButNotes is Set.Each without the notes on the document.
func (d *openDoc) eachButNotes(f func(annotations.Annotation) bool) {
	d.set().Each(func(a annotations.Annotation) bool {
		if d.set().IsOrphan(a.ID) && d.isNote(a) {
			return true
		}
		return f(a)
	})
}

// eachNote calls f for each note on the document.
func (d *openDoc) eachNote(f func(annotations.Annotation) bool) {
	for _, a := range noteItems(d) {
		if !f(a) {
			return
		}
	}
}

// notesOnDocument lists the annotations kept as notes on the document,
// under their own heading, after the others.
func (p *annotationPanel) notesOnDocument(notes []annotations.Annotation) app.UI {
	if len(notes) == 0 || !p.Ilive {
		return nil
	}
	return app.Section().Class("cm-doc-notes").Aria("label", "Notes on the document").Body(
		app.H3().Text("Notes on the document"),
		app.Ol().Class("cm-list").OnClick(p.onListClick).Body(
			app.Range(notes).Slice(func(i int) app.UI {
				return newPanelItem().Annotation(notes[i], noteOnDocument, true)
			}),
		),
	)
}
