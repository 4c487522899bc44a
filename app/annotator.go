package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// User Timing marks the benchmarks read (performance.mark), set once the
// browser has painted: the saved annotations shown after a page load, and a
// new highlight after a tag.
const (
	markAnnotationsPainted = "cm-annotations-painted"
	markTagPainted         = "cm-tag-painted"
)

// saveState says where the delegate's changes are.
type saveState int

const (
	loading    saveState = iota // reading the saved annotations
	saved                       // every change is in the store
	saving                      // a write is on its way
	notSaved                    // a write failed: some changes are only in memory
	memoryOnly                  // there is no store: nothing is saved
)

// annotator holds the annotations of the document on screen and keeps the
// store (IndexedDB) and the other tabs in step with them. It is not a
// component: components read it in Render and call its methods from their
// event handlers, on the UI goroutine. Store calls run in ctx.Async and
// come back with ctx.Dispatch.
type annotator struct {
	doc  *resolution.Document
	adoc *annotations.Document
	set  *annotations.Set

	store   annotationStore
	post    func(storeChange) error
	closeCh func()

	state   saveState
	problem string                        // the last storage error, for the user
	writes  int                           // writes on their way
	unsaved map[string]bool               // ids whose last write failed
	parents map[string]string             // clause id → id of the clause it is part of
	tops    map[string]*resolution.Clause // top-level clauses by id
	clauses map[string]*resolution.Clause // every clause by id
	version int                           // bumped by every change
	started bool
	author  string // the delegation, set on new annotations (optional)

	loading chan loaded // the store being read (Preload), nil once loaded
	live    bool        // the page is mounted: changes are painted in it

	// The view state of the clauses that their HTML carries.
	target   string // the clause the URL points to
	selected string // the clause selected as a whole
}

// newAnnotator returns the annotator of a document, with no annotations.
func newAnnotator(doc *resolution.Document) *annotator {
	adoc, err := AnnotationDocument(doc)
	if err != nil {
		// The parser gives unique, valid ids; this would be a bug.
		panic(fmt.Sprintf("clausemark: the document cannot hold annotations: %v", err))
	}
	parents := map[string]string{}
	for _, c := range doc.Clauses() {
		for _, child := range c.Children {
			parents[child.ID] = c.ID
		}
	}
	tops := map[string]*resolution.Clause{}
	for _, c := range append(append([]*resolution.Clause{}, doc.Preamble...), doc.Operative...) {
		tops[c.ID] = c
	}
	clauses := map[string]*resolution.Clause{}
	for _, c := range doc.Clauses() {
		clauses[c.ID] = c
	}
	return &annotator{
		doc:     doc,
		adoc:    adoc,
		set:     annotations.NewSet(adoc, nil),
		unsaved: map[string]bool{},
		parents: parents,
		tops:    tops,
		clauses: clauses,
	}
}

// AnnotationDocument is a resolution as package annotations sees it: its
// symbol, title, text hash and clauses in document order. The app, the
// command line and the benchmarks all annotate this.
func AnnotationDocument(doc *resolution.Document) (*annotations.Document, error) {
	cs := doc.Clauses()
	clauses := make([]annotations.Clause, len(cs))
	for i, c := range cs {
		clauses[i] = annotations.Clause{ID: c.ID, Label: c.Label, Text: c.Text}
	}
	d := annotations.Document{
		Symbol:     doc.Symbol,
		Title:      doc.Title,
		TextSHA256: doc.TextSHA256(),
		Clauses:    clauses,
	}
	if d.Symbol == "" {
		// Text with no symbol (a draft, notes): it is named by its text,
		// so that its annotations are kept, exported and imported for
		// that text and no other.
		d.Symbol = UntitledSymbolPrefix + d.TextSHA256[:12]
		d.Source = "urn:sha256:" + d.TextSHA256
	}
	return annotations.NewDocument(d)
}

// UntitledSymbolPrefix starts the symbol given to a document that has none:
// "untitled-" and the first 12 hex digits of its text hash.
const UntitledSymbolPrefix = "untitled-"

// touch records that the annotations of clauses changed and paints them
// again, at once and alone: the rest of the document is not rendered again.
func (a *annotator) touch(clauses ...string) {
	a.version++
	if !a.live {
		return // the first render will show them
	}
	roots := map[string]bool{}
	for _, c := range clauses {
		if c != "" {
			roots[a.root(c)] = true
		}
	}
	if len(roots) > paintAllAbove {
		a.paintAll()
		return
	}
	for id := range roots {
		a.paintClause(id)
	}
}

// show paints the change of one annotation, from old to n (old is the
// zero Annotation for a new one, n for a deleted one), in place: its
// highlight is wrapped, unwrapped or restyled, and the rest of the clause
// stays as it is (see wasm.Highlight). When that cannot be done, the
// clause is painted again whole.
func (a *annotator) show(old, n annotations.Annotation) {
	a.version++
	if !a.live {
		return
	}
	ok := true
	switch {
	case n.ID == "":
		ok = unhighlight(old.ID) == nil
	case old.ID == "":
		ok = a.highlight(n)
	case old.Clause == n.Clause && old.Start == n.Start && old.End == n.End:
		ok = !a.placed(n) || restyle(markOf(n)) == nil
	default:
		ok = unhighlight(old.ID) == nil && a.highlight(n)
	}
	if !ok {
		a.touch(old.Clause, n.Clause)
		return
	}
	for _, c := range []string{old.Clause, n.Clause} {
		if c != "" {
			a.refreshSuggestion(c)
		}
	}
}

// placed reports whether an annotation has a highlight in the text (it is
// not an orphan).
func (a *annotator) placed(x annotations.Annotation) bool {
	return x.Clause != "" && a.adoc.Fits(x)
}

// highlight wraps the text of an annotation in its highlight.
func (a *annotator) highlight(x annotations.Annotation) bool {
	if !a.placed(x) {
		return true // an orphan has no place in the text
	}
	text := clauseText(x.Clause)
	m := markOf(x)
	m.Whole = x.Start == 0 && x.End == a.adoc.ClauseLen(x.Clause)
	return highlight(x.Clause,
		annotations.CodePointsToUTF16(text, x.Start),
		annotations.CodePointsToUTF16(text, x.End),
		m) == nil
}

// markOf describes the highlight of an annotation.
func markOf(x annotations.Annotation) highlightMark {
	return highlightMark{ID: x.ID, Tag: string(x.Tag), Note: x.Note != "", Label: highlightLabel(x)}
}

// refreshSuggestion shows or hides a clause's suggested tag, which goes
// once the whole clause has that tag.
func (a *annotator) refreshSuggestion(id string) {
	c := a.clauses[id]
	if c == nil {
		return
	}
	var b strings.Builder
	if t, ok := suggestedTag(c, a.set.ByClause(id)); ok {
		writeSuggestion(&b, c, t)
	}
	if err := setSuggestion(id, b.String()); err != nil {
		a.touch(id)
	}
}

// paintAllAbove is how many clauses paint one by one; above it, each
// section is painted in one go.
const paintAllAbove = 24

// touchAll records a change of every clause (after an import) and paints
// the document's clauses again.
func (a *annotator) touchAll() {
	a.version++
	if a.live {
		a.paintAll()
	}
}

// touchAnnotated paints every clause that has annotations (after loading):
// the others are already as they should be.
func (a *annotator) touchAnnotated() {
	var ids []string
	for _, c := range a.adoc.Clauses {
		if len(a.set.ByClause(c.ID)) > 0 {
			ids = append(ids, c.ID)
		}
	}
	a.touch(ids...)
}

// root is the top-level clause a clause is part of (itself, for most).
func (a *annotator) root(id string) string {
	for a.parents[id] != "" {
		id = a.parents[id]
	}
	return id
}

// paintClause renders a top-level clause (with its sub-paragraphs) again
// in the page.
func (a *annotator) paintClause(id string) {
	c := a.tops[id]
	if c == nil {
		return
	}
	var b strings.Builder
	writeClauseBlock(&b, c, a.target, a.selected)
	replaceClause(id, b.String())
}

// paintAll renders the clauses of both sections again in the page.
func (a *annotator) paintAll() {
	for _, s := range []struct {
		selector string
		clauses  []*resolution.Clause
	}{{"section.cm-preamble", a.doc.Preamble}, {"section.cm-operative", a.doc.Operative}} {
		if len(s.clauses) == 0 {
			continue
		}
		var b strings.Builder
		writeClauses(&b, s.clauses)
		setInnerHTML(s.selector, b.String())
	}
}

// setTarget marks the clause the URL points to.
func (a *annotator) setTarget(id string) {
	if id == a.target {
		return
	}
	toggleClass(a.target, "is-target", false)
	a.target = id
	toggleClass(id, "is-target", true)
}

// setSelected marks the clause selected as a whole ("" for none).
func (a *annotator) setSelected(id string) {
	if id == a.selected {
		return
	}
	toggleClass(a.selected, "is-selected", false)
	a.selected = id
	toggleClass(id, "is-selected", true)
}

// loaded is what reading the store gave: the store, the saved
// annotations of the document, or an error.
type loaded struct {
	store annotationStore
	list  []annotations.Annotation
	err   error
}

// Preload starts reading the saved annotations as soon as the wasm runs,
// and waits for them at most max: when they arrive in time, the page's
// first render already shows them (no second render of the document).
// Otherwise start takes them when they come.
func Preload(max time.Duration) {
	a := ann
	ch := make(chan loaded, 1)
	a.loading = ch
	go func() {
		store, err := openStore()
		var list []annotations.Annotation
		if err == nil {
			list, err = store.List(a.adoc.Symbol)
		}
		ch <- loaded{store, list, err}
	}()
	select {
	case l := <-ch:
		a.load(l)
	case <-time.After(max):
	}
}

// load takes in what reading the store gave. Annotations made meanwhile
// (the store was slow) are kept. It paints the clauses that need it, and
// reports what still has to be saved.
func (a *annotator) load(l loaded) {
	a.loading = nil
	a.state = saved
	if l.err != nil {
		if l.store != nil {
			l.store.Close()
		}
		a.state = memoryOnly
		a.problem = storeProblem(l.err)
		return
	}
	a.store = l.store
	early := a.set.All()
	set := annotations.NewSet(a.adoc, nil)
	moved, lerr := set.Load(l.list)
	for _, x := range early {
		if _, err := set.Put(x); err != nil {
			app.Log("clausemark: keeping an annotation made while loading:", err)
		}
	}
	a.set = set
	a.touchAnnotated()
	for _, x := range early {
		a.touch(x.Clause)
	}
	if lerr != nil {
		a.state = notSaved
		a.problem = "some saved annotations could not be read: " + lerr.Error()
	}
	// Those the text no longer fitted were re-anchored: save them where
	// they were found.
	for _, x := range moved {
		a.unsaved[x.ID] = true
	}
}

// start finishes what Preload began once the page is mounted: it takes the
// saved annotations if they were late, saves what must be, and listens to
// the other tabs. It runs once.
func (a *annotator) start(ctx app.Context) {
	if a.started {
		return
	}
	a.started = true
	a.live = true
	finish := func(ctx app.Context) {
		if len(a.unsaved) > 0 && a.store != nil {
			a.retry(ctx)
		}
		if a.store != nil {
			a.listen(ctx)
		}
		ctx.Defer(func(app.Context) { markAfterPaint(markAnnotationsPainted) })
	}
	if a.loading == nil && (a.store != nil || a.state == memoryOnly) {
		finish(ctx) // preloaded
		return
	}
	ch := a.loading
	if ch == nil { // not preloaded (tests): read now
		ch = make(chan loaded, 1)
		go func() {
			store, err := openStore()
			var list []annotations.Annotation
			if err == nil {
				list, err = store.List(a.adoc.Symbol)
			}
			ch <- loaded{store, list, err}
		}()
	}
	a.state = loading
	ctx.Async(func() {
		l := <-ch
		ctx.Dispatch(func(ctx app.Context) {
			a.load(l)
			finish(ctx)
		})
	})
}

// listen subscribes to the changes other tabs announce.
func (a *annotator) listen(ctx app.Context) {
	post, closeCh, err := openChannel(func(c storeChange) {
		if c.Document != a.adoc.Symbol {
			return
		}
		ctx.Dispatch(func(ctx app.Context) { a.pull(ctx, c) })
	})
	if err != nil {
		// Without a channel the tabs do not sync live; each still sees the
		// others' changes on reload.
		app.Log("clausemark: no live sync between tabs:", err)
		return
	}
	a.post, a.closeCh = post, closeCh
}

// pull reads what another tab changed and applies it here.
func (a *annotator) pull(ctx app.Context, c storeChange) {
	store := a.store
	if store == nil {
		return
	}
	ctx.Async(func() {
		type got struct {
			a  annotations.Annotation
			ok bool
		}
		read := map[string]got{}
		var err error
		for _, id := range append(append([]string{}, c.Put...), c.Deleted...) {
			var g got
			g.a, g.ok, err = store.Get(id)
			if err != nil {
				break
			}
			read[id] = g
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				a.fail(err)
				return
			}
			for id, g := range read {
				if g.ok {
					a.applyRemote(g.a)
				} else if old, ok := a.set.Remove(id); ok {
					a.show(old, annotations.Annotation{})
				}
			}
		})
	})
}

// applyRemote puts in the set the stored copy of an annotation another tab
// wrote, unless this tab holds a newer one (its own write is on its way).
func (a *annotator) applyRemote(remote annotations.Annotation) {
	local, ok := a.set.Get(remote.ID)
	if ok && (local.Equal(remote) || local.Modified.After(remote.Modified)) {
		return
	}
	stored, err := a.set.Put(remote)
	if err != nil {
		app.Log("clausemark: an annotation from another tab was refused:", err)
		return
	}
	if !ok {
		local = annotations.Annotation{}
	}
	a.show(local, stored)
}

// create adds an annotation on [start, end) of a clause (code points).
func (a *annotator) create(ctx app.Context, clause string, start, end int, tag annotations.Tag, note string) (annotations.Annotation, error) {
	n, err := a.set.Create(clause, start, end, tag, note, a.author)
	if err != nil {
		return n, err
	}
	a.show(annotations.Annotation{}, n)
	a.save(ctx, annotations.Annotation{}, n)
	return n, nil
}

// update replaces an annotation (tag, note) and saves it.
func (a *annotator) update(ctx app.Context, changed annotations.Annotation) (annotations.Annotation, error) {
	old, ok := a.set.Get(changed.ID)
	if !ok {
		return changed, fmt.Errorf("the annotation is gone (deleted in another tab?)")
	}
	n, err := a.set.Update(changed)
	if err != nil {
		return n, err
	}
	if n.Equal(old) {
		return n, nil
	}
	a.show(old, n)
	a.save(ctx, old, n)
	return n, nil
}

// remove deletes an annotation; undo brings it back.
func (a *annotator) remove(ctx app.Context, id string) (annotations.Annotation, error) {
	old, err := a.set.Delete(id)
	if err != nil {
		return old, err
	}
	a.show(old, annotations.Annotation{})
	a.write(ctx, func(s annotationStore) error { return s.Delete(id) }, storeChange{Deleted: []string{id}}, nil, id)
	return old, nil
}

// undo restores the last deleted annotation.
func (a *annotator) undo(ctx app.Context) (annotations.Annotation, bool) {
	r, ok := a.set.Undo()
	if !ok {
		return r, false
	}
	a.show(annotations.Annotation{}, r)
	a.save(ctx, annotations.Annotation{}, r)
	return r, true
}

// save writes n, which was old before this change (zero for a new one).
// If another tab changed the stored copy meanwhile, this tab's change is
// rebased on it (see rebase) and written again: neither edit is lost.
func (a *annotator) save(ctx app.Context, old, n annotations.Annotation) {
	a.write(ctx, func(s annotationStore) error {
		_, err := s.PutIf(n, old.Modified)
		return err
	}, storeChange{Put: []string{n.ID}}, func(ctx app.Context) { a.resolveConflict(ctx, old, n) }, n.ID)
}

// write runs one store write in the background and reports its outcome.
// onConflict, if not nil, handles a conflict (another tab wrote the same
// annotation since this tab read it).
func (a *annotator) write(ctx app.Context, op func(annotationStore) error, change storeChange, onConflict func(app.Context), ids ...string) {
	store := a.store
	if store == nil {
		for _, id := range ids {
			a.unsaved[id] = true
		}
		if a.state != memoryOnly && a.state != loading {
			a.state = notSaved
		}
		return
	}
	a.writes++
	a.state = saving
	ctx.Async(func() {
		err := op(store)
		ctx.Dispatch(func(ctx app.Context) {
			a.writes--
			if err != nil && isConflict(err) && onConflict != nil {
				onConflict(ctx)
				return
			}
			if err != nil {
				for _, id := range ids {
					a.unsaved[id] = true
				}
				a.fail(err)
				return
			}
			for _, id := range ids {
				delete(a.unsaved, id)
			}
			if a.writes == 0 && len(a.unsaved) == 0 {
				a.state = saved
				a.problem = ""
			}
			if a.post != nil {
				change.Document = a.adoc.Symbol
				if err := a.post(change); err != nil {
					app.Log("clausemark: telling other tabs failed:", err)
				}
			}
		})
	})
}

// resolveConflict reads the copy another tab stored, rebases this tab's
// change (from base to mine) on it and saves again.
func (a *annotator) resolveConflict(ctx app.Context, base, mine annotations.Annotation) {
	store := a.store
	ctx.Async(func() {
		stored, ok, err := store.Get(mine.ID)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				a.unsaved[mine.ID] = true
				a.fail(err)
				return
			}
			current, have := a.set.Get(mine.ID)
			if !have {
				return // deleted here meanwhile: the delete is on its way
			}
			if !ok {
				// Deleted in the other tab while edited here: keep the edit.
				a.save(ctx, annotations.Annotation{}, current)
				return
			}
			merged, copy := rebase(base, current, stored)
			put, err := a.set.Put(merged)
			if err != nil {
				a.fail(err)
				return
			}
			a.show(current, put)
			a.save(ctx, stored, put)
			if copy != nil {
				if c, err := a.set.Add(*copy); err == nil {
					a.show(annotations.Annotation{}, c)
					a.save(ctx, annotations.Annotation{}, c)
				}
			}
		})
	})
}

// rebase applies this tab's change of an annotation — from base to mine —
// to the copy another tab stored meanwhile (theirs). A field this tab did
// not change keeps their value; a field it changed takes its value. When
// both tabs changed the note to different texts, this tab's note goes in
// the annotation and theirs is kept in a copy under a new id, so that no
// edit is lost.
func rebase(base, mine, theirs annotations.Annotation) (merged annotations.Annotation, copy *annotations.Annotation) {
	merged = theirs
	if mine.Tag != base.Tag {
		merged.Tag = mine.Tag
	}
	if mine.Clause != base.Clause || mine.Start != base.Start || mine.End != base.End {
		merged.Clause, merged.Start, merged.End = mine.Clause, mine.Start, mine.End
		merged.Exact, merged.Prefix, merged.Suffix = mine.Exact, mine.Prefix, mine.Suffix
	}
	if mine.Note != base.Note {
		merged.Note = mine.Note
		if theirs.Note != base.Note && theirs.Note != mine.Note && theirs.Note != "" {
			c := theirs
			c.ID = annotations.NewID()
			copy = &c
		}
	}
	merged.Modified = mine.Modified
	if !merged.Modified.After(theirs.Modified) {
		merged.Modified = theirs.Modified.Add(time.Millisecond)
	}
	return merged, copy
}

// putMany writes several annotations in one transaction.
func (a *annotator) putMany(ctx app.Context, as []annotations.Annotation) {
	ids := make([]string, len(as))
	for i, x := range as {
		ids[i] = x.ID
	}
	a.write(ctx, func(s annotationStore) error { return s.PutMany(as) }, storeChange{Put: ids}, nil, ids...)
}

// retry writes again what could not be saved.
func (a *annotator) retry(ctx app.Context) {
	if a.store == nil {
		a.started = false
		a.start(ctx)
		return
	}
	var as []annotations.Annotation
	var gone []string
	for id := range a.unsaved {
		if x, ok := a.set.Get(id); ok {
			as = append(as, x)
		} else {
			gone = append(gone, id)
		}
	}
	if len(as) > 0 {
		a.putMany(ctx, as)
	}
	for _, id := range gone {
		a.write(ctx, func(s annotationStore) error { return s.Delete(id) }, storeChange{Deleted: []string{id}}, nil, id)
	}
}

// fail records a storage error: the changes stay on screen and in memory.
func (a *annotator) fail(err error) {
	a.state = notSaved
	a.problem = storeProblem(err)
	var fe *annotations.FieldError
	if errors.As(err, &fe) {
		a.problem = fe.Error()
	}
}
