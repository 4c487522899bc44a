package annotations

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// A Session holds the annotations of one open document and keeps a Store
// and the other tabs in step with them: it owns the Set, the writes on
// their way, the changes not saved yet, retrying them, and merging a
// change another tab saved meanwhile (Rebase). It does no I/O itself: store
// calls go through Config.Run, which runs them off the caller's goroutine
// and brings the outcome back to it, so that the same code is driven by
// the browser (go-app's Async and Dispatch) and by table tests (a queue the
// test steps through).
//
// A Session is used from one goroutine (the UI's); Run's done functions
// must be called on it too.
//
// How a change travels: a user edit (Create, Update, Delete, Undo, Apply)
// changes the Set at once, reports an Event, and marks the annotation
// dirty. Dirty annotations are written one batch at a time, each with
// Store.PutIf against the copy this session last knew was stored (its
// base), so that a copy another tab wrote meanwhile is never overwritten:
// the session reads it, rebases its own change on it, reports the
// EditConflicts, and writes again. A write that fails leaves the
// annotation dirty and the status NotSaved until Retry.
type Session struct {
	cfg Config
	set *Set

	store   Store
	loaded  bool
	author  string
	problem string

	base     map[string]Annotation // id → the copy last known to be stored (zero: none)
	dirty    map[string]int        // id → generation of its latest unsaved change
	gen      int
	bulk     map[string]bool // dirty ids to write with PutMany (imports, loads)
	retries  map[string]int  // id → conflicts met in a row writing it
	inFlight bool
	failed   bool // the last write failed: wait for Retry
	closed   bool
}

// Config is what a Session needs besides its document.
type Config struct {
	// Now is the clock of created and modified times; nil means time.Now.
	Now func() time.Time
	// Run runs work off the caller's goroutine and then done on it. Every
	// store call of the session happens inside a work function. nil runs
	// both at once, in order (for tests and the command line).
	Run func(work, done func())
	// Open opens the store: called by Start and by Retry after it failed.
	// nil means there is no store: the session keeps everything in memory.
	Open func() (Store, error)
	// Announce tells the other tabs what this session saved (nil: no other
	// tabs). Its error is logged, not shown: the others still see the
	// change when they reload.
	Announce func(Change) error
	// OnChange is told every change of the set, after it happened.
	OnChange func(Event)
	// OnStatus is told every change of the Status.
	OnStatus func(Status)
	// OnConflict is told of fields that another tab changed differently at
	// the same time (see Rebase): the delegate should know.
	OnConflict func(EditConflict)
	// Log receives problems that are not the delegate's to see.
	Log func(args ...any)
}

// SaveState says where a session's changes are.
type SaveState int

// The save states.
const (
	// Loading: the saved annotations are being read.
	Loading SaveState = iota
	// Saved: every change is in the store.
	Saved
	// Saving: writes are on their way.
	Saving
	// NotSaved: a write failed; the changes are only in memory until Retry.
	NotSaved
	// MemoryOnly: there is no store (it could not be opened): nothing is
	// saved until Retry opens it.
	MemoryOnly
)

// String names the state.
func (s SaveState) String() string {
	switch s {
	case Loading:
		return "loading"
	case Saved:
		return "saved"
	case Saving:
		return "saving"
	case NotSaved:
		return "not saved"
	case MemoryOnly:
		return "memory only"
	}
	return fmt.Sprintf("SaveState(%d)", int(s))
}

// Status is where a session's changes are, for the save indicator.
type Status struct {
	State SaveState
	// Problem is the last storage error, worded for the delegate.
	Problem string
	// Unsaved is how many annotations have changes not in the store yet.
	Unsaved int
	// Changed is false until the delegate changed something in this
	// session: "All changes saved" means nothing before that.
	Changed bool
}

// Change is what one tab tells the others after saving: the ids it wrote
// and deleted, of one document.
type Change struct {
	Document string   `json:"document"`
	Put      []string `json:"put,omitempty"`
	Deleted  []string `json:"deleted,omitempty"`
}

// Event is one change of a session's set. Old is the zero Annotation when
// New was added, New the zero Annotation when Old was removed. All says
// many annotations changed at once (loaded, imported): Old and New are
// then zero and everything should be shown again.
type Event struct {
	Old, New Annotation
	All      bool
}

// NewSession returns the session of a document, with no annotations and no
// store: call Start (or Load) next.
func NewSession(doc *Document, cfg Config) *Session {
	if cfg.Run == nil {
		cfg.Run = func(work, done func()) { work(); done() }
	}
	return &Session{
		cfg:     cfg,
		set:     NewSet(doc, cfg.Now),
		base:    map[string]Annotation{},
		dirty:   map[string]int{},
		bulk:    map[string]bool{},
		retries: map[string]int{},
	}
}

// Set returns the annotations. Read it; change it only through the
// session, or the store will not know.
func (s *Session) Set() *Set { return s.set }

// Document returns the session's document.
func (s *Session) Document() *Document { return s.set.doc }

// Author is the delegation written on new annotations.
func (s *Session) Author() string { return s.author }

// SetAuthor sets the delegation written on new annotations.
func (s *Session) SetAuthor(a string) { s.author = a }

// Loaded reports whether the saved annotations have been read (or could
// not be: the session then keeps them in memory).
func (s *Session) Loaded() bool { return s.loaded }

// Status says where the changes are.
func (s *Session) Status() Status {
	st := Status{Problem: s.problem, Unsaved: len(s.dirty), Changed: s.gen > 0}
	switch {
	case !s.loaded:
		st.State = Loading
	case s.store == nil:
		st.State = MemoryOnly
	case s.failed:
		st.State = NotSaved
	case s.inFlight || len(s.dirty) > 0:
		st.State = Saving
	default:
		st.State = Saved
	}
	return st
}

// Start opens the store and reads the saved annotations, through Run.
func (s *Session) Start() {
	if s.cfg.Open == nil {
		s.Load(nil, nil, nil)
		return
	}
	var store Store
	var list []Annotation
	var err error
	s.cfg.Run(func() {
		store, list, err = s.open()
	}, func() {
		s.Load(store, list, err)
	})
}

// open opens the store and lists the document's annotations.
func (s *Session) open() (Store, []Annotation, error) {
	store, err := s.cfg.Open()
	if err != nil {
		return nil, nil, err
	}
	list, err := store.List(s.set.doc.Symbol)
	if err != nil {
		return store, nil, err
	}
	return store, list, nil
}

// Load takes in what reading the store gave (Start does it, or the caller
// read the store before the page was drawn): the store, the document's
// saved annotations, or an error opening or reading it. Annotations made
// meanwhile are kept. Saved annotations the text no longer fits are
// re-anchored and saved where they were found.
func (s *Session) Load(store Store, list []Annotation, err error) {
	if s.closed {
		return
	}
	s.loaded = true
	if err != nil {
		s.store = nil
		s.problem = StoreProblem(err)
		s.logf("the saved annotations could not be read: %v", err)
		s.status()
		s.emit(Event{All: true})
		return
	}
	s.store, s.failed, s.problem = store, false, ""
	if store == nil {
		s.status()
		return
	}
	early := s.set.All() // made while loading, or kept in memory before Retry
	set := NewSet(s.set.doc, s.cfg.Now)
	moved, lerr := set.Load(list)
	if lerr != nil {
		// One bad record must not hide the others: load those that are
		// valid, one by one, and say so.
		set = NewSet(s.set.doc, s.cfg.Now)
		moved = nil
		for _, a := range list {
			if _, err := set.Put(a); err != nil {
				s.logf("a saved annotation could not be read: %v", err)
			}
		}
		s.problem = "some saved annotations could not be read: " + lerr.Error()
	}
	s.base = make(map[string]Annotation, len(list))
	for _, a := range list {
		s.base[a.ID] = a
	}
	for _, x := range early {
		if _, err := set.Put(x); err != nil {
			s.logf("keeping an annotation made while loading: %v", err)
			continue
		}
		if _, ok := s.dirty[x.ID]; !ok {
			s.gen++
			s.dirty[x.ID] = s.gen
		}
	}
	// Deletes made in memory stay deletes.
	for id := range s.dirty {
		if _, kept := s.set.Get(id); kept {
			continue
		}
		if _, stored := s.base[id]; stored {
			set.Remove(id)
		} else {
			delete(s.dirty, id)
		}
	}
	set.deleted = s.set.deleted
	s.set = set
	for _, a := range moved {
		s.gen++
		s.dirty[a.ID] = s.gen
		s.bulk[a.ID] = true
	}
	s.emit(Event{All: true})
	s.flush()
	s.status()
}

// Create adds an annotation on [start, end) of a clause (code points) with
// the session's author, and saves it.
func (s *Session) Create(clause string, start, end int, tag Tag, note string) (Annotation, error) {
	n, err := s.set.Create(clause, start, end, tag, note, s.author)
	if err != nil {
		return n, err
	}
	s.changed(Annotation{}, n)
	return n, nil
}

// Update saves an edit of an annotation: edited is base (the annotation as
// the delegate saw it when they began) with their changes. If the
// annotation changed meanwhile (another tab saved it), the edit is rebased
// on that (Rebase): fields the delegate did not touch keep the newer
// value, and both notes are kept when both were changed; OnConflict is
// told. An edit that changes nothing returns the annotation as it is.
func (s *Session) Update(base, edited Annotation) (Annotation, error) {
	cur, ok := s.set.Get(edited.ID)
	if !ok {
		return edited, fmt.Errorf("the annotation is gone (deleted in another tab?): %w", ErrNotFound)
	}
	next := edited
	var conflicts []EditConflict
	if base.ID == edited.ID && !cur.Equal(base) {
		next, conflicts = Rebase(base, edited, cur)
		next.Modified, next.Created = cur.Modified, cur.Created
	}
	n, err := s.set.Update(next)
	if err != nil {
		return n, err
	}
	if !n.Equal(cur) {
		s.changed(cur, n)
	}
	for _, c := range conflicts {
		s.conflict(c)
	}
	return n, nil
}

// Delete removes an annotation; Undo brings it back.
func (s *Session) Delete(id string) (Annotation, error) {
	old, err := s.set.Delete(id)
	if err != nil {
		return old, err
	}
	s.changed(old, Annotation{})
	return old, nil
}

// Undo restores the last deleted annotation.
func (s *Session) Undo() (Annotation, bool) {
	a, ok := s.set.Undo()
	if ok {
		s.changed(Annotation{}, a)
	}
	return a, ok
}

// Apply applies an import planned on the session's set (Set().Import) and
// saves what it added or replaced in one transaction.
func (s *Session) Apply(p *Plan) ([]Annotation, error) {
	as, err := p.Apply()
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		s.gen++
		s.dirty[a.ID] = s.gen
		s.bulk[a.ID] = true
	}
	s.emit(Event{All: true})
	s.flush()
	s.status()
	return as, nil
}

// Retry saves again what could not be saved. When there is no store (it
// could not be opened), it opens it again, reads what it holds, keeps
// what is in memory on top, and saves that.
func (s *Session) Retry() {
	if s.store == nil {
		s.loaded = false
		s.status()
		s.Start()
		return
	}
	s.failed = false
	s.problem = ""
	s.flush()
	s.status()
}

// Remote applies a change another tab announced: the annotations it names
// are read from the store and put in the set. One this session changed
// too and has not saved yet is rebased on the stored copy (both edits
// kept, see Rebase).
func (s *Session) Remote(c Change) {
	if c.Document != s.set.doc.Symbol || s.store == nil || s.closed {
		return
	}
	store := s.store
	ids := append(append([]string{}, c.Put...), c.Deleted...)
	type got struct {
		a  Annotation
		ok bool
	}
	read := make(map[string]got, len(ids))
	var err error
	s.cfg.Run(func() {
		for _, id := range ids {
			var g got
			if g.a, g.ok, err = store.Get(id); err != nil {
				return
			}
			read[id] = g
		}
	}, func() {
		if err != nil {
			s.fail(err)
			return
		}
		for _, id := range ids {
			g := read[id]
			s.pulled(id, g.a, g.ok)
		}
		s.status()
	})
}

// pulled takes in the stored copy of an annotation (ok false: deleted)
// that another tab wrote.
func (s *Session) pulled(id string, stored Annotation, ok bool) {
	local, have := s.set.Get(id)
	if _, mine := s.dirty[id]; mine {
		// This tab changed it too: the flush will meet the conflict;
		// merge now so that the delegate sees both edits at once.
		if ok && have {
			s.rebaseOn(local, stored)
		}
		return
	}
	if !ok {
		delete(s.base, id)
		if have {
			if old, removed := s.set.Remove(id); removed {
				s.emit(Event{Old: old})
			}
		}
		return
	}
	s.base[id] = stored
	if have && (local.Equal(stored) || local.Modified.After(stored.Modified)) {
		return
	}
	put, err := s.set.Put(stored)
	if err != nil {
		s.logf("an annotation from another tab was refused: %v", err)
		return
	}
	s.emit(Event{Old: local, New: put})
}

// rebaseOn merges this tab's unsaved change of an annotation (local) into
// the copy stored meanwhile, and keeps the result dirty: it is written
// next against the stored copy.
func (s *Session) rebaseOn(local, stored Annotation) {
	base := s.base[local.ID]
	s.base[local.ID] = stored
	if base.ID == "" {
		// New here and stored by another tab too (an import of the same
		// file): theirs is the base.
		base = stored
	}
	merged, conflicts := Rebase(base, local, stored)
	if merged.Equal(local) {
		return
	}
	put, err := s.set.Put(merged)
	if err != nil {
		s.logf("merging an edit from another tab: %v", err)
		return
	}
	s.emit(Event{Old: local, New: put})
	for _, c := range conflicts {
		s.conflict(c)
	}
}

// changed records a user change of one annotation: reported, marked dirty
// and written.
func (s *Session) changed(old, n Annotation) {
	id := n.ID
	if id == "" {
		id = old.ID
	}
	s.gen++
	s.dirty[id] = s.gen
	delete(s.bulk, id)
	s.emit(Event{Old: old, New: n})
	s.flush()
	s.status()
}

// write is one store operation of a batch and its outcome.
type write struct {
	id     string
	gen    int
	put    Annotation // the annotation to write; zero to delete
	base   Annotation // the stored copy it replaces (PutIf's base)
	stored Annotation // after: the stored copy (written, or the other tab's)
	err    error
}

// flush writes the dirty annotations, one batch at a time: a batch in
// flight holds the next back, so that writes reach the store in order.
func (s *Session) flush() {
	if s.store == nil || s.inFlight || s.failed || s.closed || len(s.dirty) == 0 {
		return
	}
	store := s.store
	ids := make([]string, 0, len(s.dirty))
	for id := range s.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var one []write
	var many []Annotation
	var manyGen []write
	for _, id := range ids {
		w := write{id: id, gen: s.dirty[id], base: s.base[id]}
		if a, ok := s.set.Get(id); ok {
			w.put = a
		}
		if s.bulk[id] && w.put.ID != "" {
			many = append(many, w.put)
			manyGen = append(manyGen, w)
			continue
		}
		one = append(one, w)
	}
	s.inFlight = true
	var manyErr error
	s.cfg.Run(func() {
		if len(many) > 0 {
			manyErr = store.PutMany(many)
		}
		for i := range one {
			w := &one[i]
			if w.put.ID == "" {
				w.err = store.Delete(w.id)
				continue
			}
			w.stored, w.err = store.PutIf(w.put, w.base.Modified)
		}
	}, func() {
		s.inFlight = false
		if s.closed {
			return
		}
		var change Change
		var failure error
		for _, w := range manyGen {
			if manyErr != nil {
				failure = manyErr
				continue
			}
			s.saved(w, w.put)
			change.Put = append(change.Put, w.id)
		}
		for _, w := range one {
			switch {
			case w.err == nil && w.put.ID == "":
				delete(s.base, w.id)
				s.clean(w)
				change.Deleted = append(change.Deleted, w.id)
			case w.err == nil:
				s.saved(w, w.stored)
				change.Put = append(change.Put, w.id)
			case errors.Is(w.err, ErrConflict):
				s.conflicted(w)
			default:
				failure = w.err
			}
		}
		if len(change.Put)+len(change.Deleted) > 0 && s.cfg.Announce != nil {
			change.Document = s.set.doc.Symbol
			if err := s.cfg.Announce(change); err != nil {
				s.logf("telling the other tabs failed: %v", err)
			}
		}
		if failure != nil {
			s.fail(failure)
			return
		}
		if s.failed {
			return // a conflict that would not end: fail said so
		}
		s.problem = ""
		s.flush()
		s.status()
	})
}

// saved records that w was written as stored.
func (s *Session) saved(w write, stored Annotation) {
	if stored.ID == "" {
		stored = w.put
	}
	s.base[w.id] = stored
	s.clean(w)
}

// clean forgets that w's annotation is dirty, unless it changed again
// since the write began.
func (s *Session) clean(w write) {
	delete(s.retries, w.id)
	if s.dirty[w.id] == w.gen {
		delete(s.dirty, w.id)
		delete(s.bulk, w.id)
	}
}

// conflicted handles a PutIf refused because another tab wrote (or
// deleted) the annotation since this session's base: this session's
// change is rebased on the stored copy and stays dirty, to be written
// against it.
func (s *Session) conflicted(w write) {
	local, have := s.set.Get(w.id)
	if !have {
		return // deleted here meanwhile: the delete is on its way
	}
	s.retries[w.id]++
	if s.retries[w.id] > maxConflicts {
		// Another writer keeps changing it: stop and say so rather than
		// loop; Retry tries again.
		delete(s.retries, w.id)
		s.fail(fmt.Errorf("the annotation on %s keeps changing in another tab: %w", s.set.doc.Label(local.Clause), ErrConflict))
		return
	}
	if w.stored.ID == "" {
		// Deleted in the other tab while edited here: keep the edit.
		delete(s.base, w.id)
		return
	}
	s.rebaseOn(local, w.stored)
}

// maxConflicts is how many conflicts in a row writing one annotation are
// merged and written again before the session stops and reports it.
const maxConflicts = 5

// fail records a storage error: the changes stay in memory and dirty
// until Retry.
func (s *Session) fail(err error) {
	s.failed = true
	s.problem = StoreProblem(err)
	s.logf("saving failed: %v", err)
	s.status()
}

// Close stops the session: writes on their way finish, nothing new is
// written, nothing is reported.
func (s *Session) Close() {
	s.closed = true
}

// Pending returns the annotations with changes not in the store yet, and
// the ids deleted but not yet deleted in the store: what a page about to
// close should keep somewhere safer.
func (s *Session) Pending() (put []Annotation, deleted []string) {
	ids := make([]string, 0, len(s.dirty))
	for id := range s.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if a, ok := s.set.Get(id); ok {
			put = append(put, a)
		} else {
			deleted = append(deleted, id)
		}
	}
	return put, deleted
}

// Restore takes back the changes a page had not saved when it closed
// (what Pending returned then), once the saved annotations are loaded:
// an annotation newer than the one the session has is put back and
// saved, an id deleted then is deleted again. Older copies are ignored:
// the store already has something newer.
func (s *Session) Restore(put []Annotation, deleted []string) {
	for _, a := range put {
		cur, ok := s.set.Get(a.ID)
		if ok && !a.Modified.After(cur.Modified) {
			continue
		}
		n, err := s.set.Put(a)
		if err != nil {
			s.logf("an unsaved change kept from the last visit was refused: %v", err)
			continue
		}
		s.gen++
		s.dirty[a.ID] = s.gen
		s.emit(Event{Old: cur, New: n})
	}
	for _, id := range deleted {
		if old, ok := s.set.Remove(id); ok {
			s.gen++
			s.dirty[id] = s.gen
			s.emit(Event{Old: old})
		}
	}
	s.flush()
	s.status()
}

func (s *Session) emit(e Event) {
	if s.cfg.OnChange != nil {
		s.cfg.OnChange(e)
	}
}

func (s *Session) status() {
	if s.cfg.OnStatus != nil {
		s.cfg.OnStatus(s.Status())
	}
}

func (s *Session) conflict(c EditConflict) {
	if s.cfg.OnConflict != nil {
		s.cfg.OnConflict(c)
	}
}

func (s *Session) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		s.cfg.Log(fmt.Sprintf("clausemark: "+format, args...))
	}
}

// StoreProblem is the sentence that tells a delegate what a storage error
// means for them.
func StoreProblem(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	return err.Error()
}
