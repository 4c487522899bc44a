package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Versions of a document. A new text of a document becomes its current
// version (the same symbol opened again with another text, or a file
// opened as "New version of…" a document, whatever its symbol), and its
// annotations are carried onto it there and then, once, off the UI
// goroutine (library.Revise: compare's clause matching and word diff),
// written with the new version in one transaction; the orphans are taken
// out of the text, so that nothing attaches them to a weak match later.
// The review of what became of them is kept with the version
// (library.Review): the delegate goes through it on the document's page
// (reviewPanel), accepting, re-attaching, or keeping an annotation as a
// note on the document. /d/{id}/compare/{n} shows the current version
// against version n (comparePage).

// versionsState is the key of a document's versions (a versionsView).
func versionsState(id string) string { return "/versions/" + id }

// versionsView is what the version bar, the versions dialog and the
// review show of a document: its versions (no texts) and the review of
// the current one.
type versionsView struct {
	ID     string
	Loaded bool
	// Versions are oldest first; the last is the current one.
	Versions []versionInfo
	// Review is the current version's (a copy): nil for none.
	Review *library.Review
}

// versionInfo is a version without its text.
type versionInfo struct {
	Number                         int
	Name, Symbol, FileName, Source string
	Added                          time.Time
}

// current is the current version (the zero versionInfo for none).
func (v versionsView) current() versionInfo {
	if len(v.Versions) == 0 {
		return versionInfo{}
	}
	return v.Versions[len(v.Versions)-1]
}

// version returns version n.
func (v versionsView) version(n int) (versionInfo, bool) {
	if n < 1 || n > len(v.Versions) {
		return versionInfo{}, false
	}
	return v.Versions[n-1], true
}

// pending is the review items still to review whose annotation is in set
// (nil: all of them).
func (v versionsView) pending(set *annotations.Set) []library.ReviewItem {
	if v.Review == nil {
		return nil
	}
	var out []library.ReviewItem
	for _, it := range v.Review.Pending() {
		if set != nil {
			if _, ok := set.Get(it.ID); !ok {
				continue // deleted since
			}
		}
		out = append(out, it)
	}
	return out
}

// viewOf is the versionsView of a library document.
func viewOf(d *library.Document) versionsView {
	v := versionsView{ID: d.ID, Loaded: true, Versions: make([]versionInfo, len(d.Versions))}
	for i, x := range d.Versions {
		v.Versions[i] = versionInfo{Number: x.Number, Name: x.Name, Symbol: x.Symbol, FileName: x.FileName, Source: x.Source, Added: x.Added}
	}
	if r := d.Review(); r != nil {
		c := *r
		c.Items = append([]library.ReviewItem(nil), r.Items...)
		v.Review = &c
	}
	return v
}

// versionsHub is the workspace's part for versions.
type versionsHub struct {
	mu sync.Mutex
	// reviewNext names the document whose review opens when its page
	// shows next: a version of it was just added, with annotations to
	// review.
	reviewNext string
}

// takeReviewNext reports, once, whether the review of document id should
// open now.
func (ws *workspace) takeReviewNext(id string) bool {
	ws.vers.mu.Lock()
	defer ws.vers.mu.Unlock()
	if ws.vers.reviewNext != id || id == "" {
		return false
	}
	ws.vers.reviewNext = ""
	return true
}

// libDoc returns the library record of a document the app knows.
func (ws *workspace) libDoc(id string) (library.Document, bool) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	src, ok := ws.sources[id]
	if !ok || src.lib == nil {
		return library.Document{}, false
	}
	return *src.lib, true
}

// setLib keeps the library record of a document the app knows, as the
// store now has it.
func (ws *workspace) setLib(d library.Document) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if src, ok := ws.sources[d.ID]; ok {
		src.lib = &d
		ws.sources[d.ID] = src
	}
}

// reviewItem returns the item of annotation annID in the review of the
// current version of document docID.
func (ws *workspace) reviewItem(docID, annID string) (library.ReviewItem, bool) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	src, ok := ws.sources[docID]
	if !ok || src.lib == nil || src.lib.Review() == nil {
		return library.ReviewItem{}, false
	}
	return src.lib.Review().Item(annID)
}

// publishVersions publishes the versionsView of a document, and the
// docView of the document if it is open (its panel names the notes on
// the document and the annotations to review).
func (ws *workspace) publishVersions(ctx app.Context, id string) {
	v := versionsView{ID: id}
	if d, ok := ws.libDoc(id); ok {
		v = viewOf(&d)
	}
	ctx.SetState(versionsState(id), v)
	if d := ws.doc(id); d != nil {
		d.publishSoon(0)
	}
}

// replaced is told, on the UI goroutine, that a document got a new
// current version: the open document on the old text closes, its
// versions are published, and a page showing it shows the new text.
func (ws *workspace) replaced(ctx app.Context, id string) {
	ws.forget(id)
	ws.publishVersions(ctx, id)
	ctx.NewActionWithValue(actionDocReplaced, id)
}

// labelOf is how the panel and the editor name where an annotation is:
// its clause's label; for one with no place in the text, "Note on the
// document" when the delegate kept it so, "Needs review (was OP21)" when
// it is an orphan of a new version, else "Needs review". It reports
// whether the annotation has no place in the text.
func (d *openDoc) labelOf(a annotations.Annotation) (label string, orphan bool) {
	if !d.set().IsOrphan(a.ID) {
		return d.adoc.Label(a.Clause), false
	}
	it, ok := d.ws.reviewItem(d.id, a.ID)
	switch {
	case ok && it.Outcome == library.KeptAsNote:
		return noteOnDocument, true
	case ok && it.OldLabel != "":
		return "Needs review (was " + it.OldLabel + ")", true
	}
	return "Needs review", true
}

// noteOnDocument is the label of an annotation kept as a note on the
// document.
const noteOnDocument = "Note on the document"

// isNote reports whether an annotation is kept as a note on the document.
func (d *openDoc) isNote(a annotations.Annotation) bool {
	label, _ := d.labelOf(a)
	return label == noteOnDocument
}

// addVersion makes the opened text the new current version of old, a
// document of the library, carrying its annotations onto it (see
// library.Revise), and reports whether it added one (false: the text is
// its current one). The version, its summary and the carried annotations
// are written in one transaction; if another tab added a version or
// edited an annotation meanwhile, it starts again from what is stored. It
// blocks: call it off the UI goroutine.
func (ws *workspace) addVersion(st library.Store, old library.Document, v library.Version, o opened) (loaded, bool, error) {
	for attempt := 0; ; attempt++ {
		as, err := st.List(old.Symbol)
		if err != nil {
			return loaded{}, false, err
		}
		// A few annotations at a time, the page painting in between: the
		// Go program runs on the page's one thread.
		rev, ok, err := library.ReviseStepwise(old, v, o.doc, as, func(int, int) { time.Sleep(time.Millisecond) })
		if err != nil {
			return loaded{}, false, err
		}
		if !ok {
			return loaded{doc: old, parsed: o.doc}, false, nil
		}
		err = st.Write(rev.Batch(o.doc))
		if err == nil {
			kept, _, err := st.Document(old.ID)
			if err != nil {
				return loaded{}, false, err
			}
			if r := kept.Review(); r != nil && len(r.Pending()) > 0 {
				ws.vers.mu.Lock()
				ws.vers.reviewNext = kept.ID
				ws.vers.mu.Unlock()
			}
			return loaded{doc: kept, parsed: o.doc}, true, nil
		}
		if attempt >= 2 || !errors.Is(err, library.ErrChanged) && !errors.Is(err, annotations.ErrConflict) {
			return loaded{}, false, err
		}
		// Changed meanwhile (another tab): again, from what is stored.
		id := old.ID
		var found bool
		if old, found, err = st.Document(id); err != nil || !found {
			return loaded{}, false, cmpOr(err, errNoDocument(id))
		}
	}
}

// keepServed keeps the text the server serves (serve -doc) in the
// library, at every start, as keep does, except that a text one of the
// document's versions has already is not made current again: a revision
// the delegate opened since stays the current version. It blocks.
func (ws *workspace) keepServed(st library.Store, o opened) error {
	adoc, err := library.AnnotationDocument(o.doc, "")
	if err != nil {
		return err
	}
	d, ok, err := st.Document(DocumentID(adoc.Symbol))
	if err != nil {
		return err
	}
	hash := o.doc.TextSHA256()
	if ok && slices.ContainsFunc(d.Versions, func(v library.Version) bool { return v.TextSHA256 == hash }) {
		return nil
	}
	_, _, err = ws.keep(o)
	return err
}

// learnDefault makes the app show the default document (the built-in or
// served resolution) in its current version in the library: a revision
// the delegate opened, rather than the text compiled in or served. If a
// page has it open already (the library was slow), the page shows the
// current version instead. It blocks: call it off the UI goroutine.
func (ws *workspace) learnDefault(st library.Store) {
	id := ws.defaultID
	ws.mu.Lock()
	src, ok := ws.sources[id]
	ws.mu.Unlock()
	if !ok || src.parsed == nil {
		return
	}
	d, found, err := st.Document(id)
	if err != nil || !found {
		return
	}
	if d.Current().TextSHA256 == src.parsed.TextSHA256() {
		ws.setLib(d)
		return
	}
	parsed, err := d.Parse()
	if err != nil {
		ws.b.Log("clausemark: the current version of", id, "cannot be read:", err)
		return
	}
	open := ws.doc(id) != nil
	ws.learn(loaded{doc: d, parsed: parsed})
	if open {
		ws.dispatch(func(ctx app.Context) { ws.replaced(ctx, id) })
	}
}

// addVersionOf makes the opened text a new version of the document with
// id docID, whatever the text's own symbol (a draft and the adopted text,
// linked by hand). It blocks.
func (ws *workspace) addVersionOf(st library.Store, docID string, v library.Version, o opened) (loaded, bool, error) {
	old, ok, err := st.Document(docID)
	if err != nil {
		return loaded{}, false, err
	}
	if !ok {
		return loaded{}, false, fmt.Errorf("%w: a new version needs the document in this browser's library", errNoDocument(docID))
	}
	l, added, err := ws.addVersion(st, old, v, o)
	if err == nil && !added {
		err = fmt.Errorf("this text is the current version of %s already", old.DisplayName())
	}
	return l, added, err
}

func cmpOr(err, other error) error {
	if err != nil {
		return err
	}
	return other
}

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
