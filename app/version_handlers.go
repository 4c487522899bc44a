package app

// The workspace's action handlers for versions: rename, the review's
// decisions (accept, re-attach, keep as a note), the changes brief.

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The requests of the versions' actions.
type (
	// versionRename renames version N of a document ("" gives it its
	// default name back).
	versionRename struct {
		Doc  string
		N    int
		Name string
	}
	// reviewDecision records an outcome for annotations under review.
	reviewDecision struct {
		Doc     string
		IDs     []string
		Outcome library.Outcome
	}
	// reattachRequest moves an annotation under review to [Start, End)
	// of a clause; Done is told the outcome on the UI goroutine.
	reattachRequest struct {
		Doc, ID, Clause string
		Start, End      int
		Done            func(error)
	}
	// briefRequest exports the changes brief of version N against the
	// current one.
	briefRequest struct {
		Doc string
		N   int
	}
	// versionFile is a file to open as a new version of a document.
	versionFile struct {
		Doc  string
		File browser.File
	}
)

// versionHandlers are the workspace's action handlers for versions.
func (ws *workspace) versionHandlers() map[string]app.ActionHandler {
	return map[string]app.ActionHandler{
		actionVersionsLoad:     ws.onVersionsLoad, // reads off the UI goroutine
		actionVersionRename:    ws.onVersionRename,
		actionReviewDecide:     ws.onReviewDecide,
		actionReviewReattach:   onUI(ws.onReviewReattach),
		actionReviewKeepAsNote: onUI(ws.onReviewKeepAsNote),
		actionBriefExport:      ws.onBriefExport,
	}
}

// onVersionsLoad reads a document's record from the library (value: its
// id) and publishes its versions.
func (ws *workspace) onVersionsLoad(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	if id == "" {
		return
	}
	st, err := ws.store()
	var d library.Document
	found := false
	if err == nil {
		d, found, err = st.Document(id)
	}
	ctx.Dispatch(func(ctx app.Context) {
		if err != nil {
			ws.b.Log("clausemark: reading the versions of", id+":", err)
		}
		if found {
			ws.setLib(d)
		}
		ws.publishVersions(ctx, id)
	})
}

// changeLibDoc changes a document's record in the library, on the
// handler's goroutine, then keeps and publishes it; what fails is said.
func (ws *workspace) changeLibDoc(ctx app.Context, id, failed string, change func(*library.Document) error) {
	st, err := ws.store()
	var d library.Document
	if err == nil {
		d, _, err = st.UpdateDocument(id, func(d *library.Document, _ *library.Summary) error { return change(d) })
	}
	ctx.Dispatch(func(ctx app.Context) {
		if err != nil {
			showNotice(ctx, failed+": "+err.Error(), "")
			return
		}
		ws.setLib(d)
		ws.publishVersions(ctx, id)
	})
}

func (ws *workspace) onVersionRename(ctx app.Context, a app.Action) {
	r, _ := a.Value.(versionRename)
	ws.changeLibDoc(ctx, r.Doc, "The version could not be renamed", func(d *library.Document) error {
		return d.RenameVersion(r.N, r.Name)
	})
}

func (ws *workspace) onReviewDecide(ctx app.Context, a app.Action) {
	r, _ := a.Value.(reviewDecision)
	ws.changeLibDoc(ctx, r.Doc, "The review could not be saved", func(d *library.Document) error {
		for _, id := range r.IDs {
			if err := d.Decide(id, r.Outcome); err != nil {
				return err
			}
		}
		return nil
	})
}

// decide records an outcome from the UI goroutine.
func (ws *workspace) decide(ctx app.Context, doc, id string, o library.Outcome) {
	ctx.NewActionWithValue(actionReviewDecide, reviewDecision{Doc: doc, IDs: []string{id}, Outcome: o})
}

// onReviewReattach moves an annotation under review (an orphan, or one
// carried to the wrong words) to the words the delegate selected.
func (ws *workspace) onReviewReattach(ctx app.Context, a app.Action) {
	r, _ := a.Value.(reattachRequest)
	d := ws.doc(r.Doc)
	err := errors.New("the document is not open")
	if d != nil {
		err = d.reattach(r.ID, r.Clause, r.Start, r.End)
	}
	if err == nil {
		ws.decide(ctx, r.Doc, r.ID, library.Reattached)
	}
	if r.Done != nil {
		r.Done(err)
	}
}

// reattach moves an annotation to [start, end) of a clause.
func (d *openDoc) reattach(id, clause string, start, end int) error {
	x, ok := d.set().Get(id)
	if !ok {
		return errors.New("the annotation is gone (deleted in another tab?)")
	}
	quote := d.quoteOf(clause, start, end)
	if quote == "" {
		return errors.New("select some words of a clause first")
	}
	moved := x
	moved.Clause, moved.Start, moved.End, moved.Exact = clause, start, end, quote
	_, err := d.session.Update(x, moved)
	return err
}

// onReviewKeepAsNote keeps an annotation under review as a note on the
// document: it leaves the text (no clause), keeping its quote, tag and
// note.
func (ws *workspace) onReviewKeepAsNote(ctx app.Context, a app.Action) {
	r, _ := a.Value.(docItem)
	d := ws.doc(r.Doc)
	if d == nil {
		return
	}
	x, ok := d.set().Get(r.ID)
	if !ok {
		return
	}
	if x.Clause != "" {
		note := x
		note.Clause, note.Start, note.End = "", 0, len([]rune(x.Exact))
		if _, err := d.session.Update(x, note); err != nil {
			showNotice(ctx, "Could not keep it as a note: "+err.Error(), "")
			return
		}
	}
	ws.decide(ctx, r.Doc, r.ID, library.KeptAsNote)
}

// onBriefExport writes the changes brief of a document's version N
// against its current version and downloads it.
func (ws *workspace) onBriefExport(ctx app.Context, a app.Action) {
	r, _ := a.Value.(briefRequest)
	name, data, err := ws.changesBrief(r.Doc, r.N, time.Now())
	if err == nil {
		err = ws.b.Download(name, "text/markdown", data)
	}
	ctx.Dispatch(func(ctx app.Context) {
		if err != nil {
			showNotice(ctx, "The changes brief could not be exported: "+err.Error(), "")
			return
		}
		showNotice(ctx, "Exported the changes brief "+name+".", "")
	})
}

// changes compares version n of a library document with its current
// version. It blocks.
func (ws *workspace) changes(id string, n int) (library.Document, *compare.Comparison, error) {
	st, err := ws.store()
	if err != nil {
		return library.Document{}, nil, err
	}
	d, ok, err := st.Document(id)
	if err != nil {
		return library.Document{}, nil, err
	}
	if !ok {
		return library.Document{}, nil, errNoDocument(id)
	}
	if n < 1 || n >= len(d.Versions) {
		return d, nil, fmt.Errorf("%s has no earlier version %d to compare with: it has %d", d.DisplayName(), n, len(d.Versions))
	}
	old, err := resolution.Parse([]byte(d.Versions[n-1].Text))
	if err != nil {
		return d, nil, err
	}
	cur, err := d.Parse()
	if err != nil {
		return d, nil, err
	}
	c, err := compare.Compare(old, cur)
	return d, c, err
}

// changesBrief is the changes brief (compare.Comparison.Brief) of version
// n of a document against its current version, with the delegation's
// annotations, and its file name. It blocks.
func (ws *workspace) changesBrief(id string, n int, now time.Time) (string, []byte, error) {
	d, c, err := ws.changes(id, n)
	if err != nil {
		return "", nil, err
	}
	st, err := ws.store()
	if err != nil {
		return "", nil, err
	}
	as, err := st.List(d.Symbol)
	if err != nil {
		return "", nil, err
	}
	r := briefReview(c, d, n, as)
	data := c.Brief(r, compare.BriefOptions{Date: now})
	base := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		}
		return '-'
	}, d.Symbol)
	return fmt.Sprintf("%s-changes-v%d-v%d-%s.md", base, n, len(d.Versions), now.Format("2006-01-02")), data, nil
}

// briefReview is what became of the delegation's annotations, now on the
// current version, between version n and it, for the brief: the review
// kept when the current version was added, if n is the version it
// carried from (an annotation the delegate re-attached is where they put
// it); else, for each annotation, the clause its clause came from in
// version n (carried, or moved when renumbered). Annotations with no
// place in the text are orphans (the notes on the document among them).
func briefReview(c *compare.Comparison, d library.Document, n int, as []annotations.Annotation) *compare.Review {
	var kept *library.Review
	if r := d.Review(); r != nil && r.From == n {
		kept = r
	}
	r := &compare.Review{}
	for _, a := range as {
		it := compare.Carry{Old: a, New: a, Fate: compare.Carried, OldQuote: a.Exact, NewQuote: a.Exact}
		if m := c.MatchNew(a.Clause); m != nil {
			it.NewLabel = labelIn(m.New, a.Clause)
			if len(m.Old) > 0 {
				it.Old.Clause, it.OldLabel = m.Old[0].ID, m.Old[0].Label
				if it.OldLabel != it.NewLabel {
					it.Fate = compare.Moved
				}
			}
		}
		item, ok := itemOf(kept, a.ID)
		if ok && item.Version == 0 {
			it.Fate, it.OldLabel, it.OldQuote, it.Reason = item.Fate, item.OldLabel, item.OldQuote, item.Reason
			it.Old.Clause, it.Old.Exact = item.OldClause, item.OldQuote
			if item.Outcome == library.Reattached {
				// Placed by the delegate: where it is now.
				it.Fate, it.Reason = compare.Moved, ""
				if item.OldQuote != a.Exact {
					it.Fate = compare.Changed
				}
			}
			if it.Fate == compare.Changed {
				it.Diff = compare.WordDiff(item.OldQuote, a.Exact)
			}
		}
		if a.Clause == "" {
			it.Fate, it.NewLabel, it.NewQuote = compare.Orphan, "", ""
			switch {
			case ok && item.Outcome == library.KeptAsNote:
				it.Reason = "kept as a note on the document"
			case it.Reason == "":
				it.Reason = "it has no place in this version"
			}
		}
		r.Items = append(r.Items, it)
	}
	return r
}

// itemOf is Review.Item on a review that may be nil.
func itemOf(r *library.Review, id string) (library.ReviewItem, bool) {
	if r == nil {
		return library.ReviewItem{}, false
	}
	return r.Item(id)
}

func labelIn(cs []*resolution.Clause, id string) string {
	for _, c := range cs {
		if c.ID == id {
			return c.Label
		}
	}
	return ""
}
