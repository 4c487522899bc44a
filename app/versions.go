package app

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/clausemark/clausemark/annotations"
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
	_, _, err = ws.keepIn(st, nil, o)
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
	if d.Current().TextSHA256 == ws.sha256Of(src.parsed) {
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

// servedIsCurrent reports whether the library holds the default document
// with the served text as its current version, and whether it may hold
// it at all (false: it has no such document, nothing to learn). It reads
// only that version's hash, not the document's texts: when it is current,
// learnDefault, which reads them all (for the versions and their review),
// can wait until the saved highlights are painted. It blocks.
func (ws *workspace) servedIsCurrent(st library.Store) (current, held bool) {
	hash, found, err := st.CurrentTextSHA256(ws.defaultID)
	if err != nil {
		return false, true // learnDefault reads it again, and says why it cannot
	}
	return found && ws.servedDoc != nil && hash == ws.servedDoc.TextSHA256, found
}

// sha256Of is a document's TextSHA256; the served one's is known.
func (ws *workspace) sha256Of(doc *resolution.Document) string {
	if doc == ws.served && ws.servedDoc != nil {
		return ws.servedDoc.TextSHA256
	}
	return doc.TextSHA256()
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
