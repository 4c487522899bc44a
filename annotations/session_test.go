package annotations

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// queue is a Config.Run that holds store work until the test steps it: it
// lets a test interleave two tabs' writes exactly as it wants.
type queue struct{ jobs []func() }

func (q *queue) run(work, done func()) {
	q.jobs = append(q.jobs, func() { work(); done() })
}

// step runs the oldest job; it reports false when there is none.
func (q *queue) step() bool {
	if len(q.jobs) == 0 {
		return false
	}
	j := q.jobs[0]
	q.jobs = q.jobs[1:]
	j()
	return true
}

// drain runs jobs until none is left (jobs may queue more).
func (q *queue) drain() {
	for q.step() {
	}
}

// flakyStore is a store that fails every call while down is set.
type flakyStore struct {
	*MemoryStore
	mu   sync.Mutex
	down bool
}

var errDiskFull = errors.New("QuotaExceededError: the disk is full")

func (f *flakyStore) setDown(d bool) { f.mu.Lock(); f.down = d; f.mu.Unlock() }

func (f *flakyStore) err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errDiskFull
	}
	return nil
}

func (f *flakyStore) List(d string) ([]Annotation, error) {
	if err := f.err(); err != nil {
		return nil, err
	}
	return f.MemoryStore.List(d)
}

func (f *flakyStore) Get(id string) (Annotation, bool, error) {
	if err := f.err(); err != nil {
		return Annotation{}, false, err
	}
	return f.MemoryStore.Get(id)
}

func (f *flakyStore) PutIf(a Annotation, base time.Time) (Annotation, error) {
	if err := f.err(); err != nil {
		return Annotation{}, err
	}
	return f.MemoryStore.PutIf(a, base)
}

func (f *flakyStore) PutMany(as []Annotation) error {
	if err := f.err(); err != nil {
		return err
	}
	return f.MemoryStore.PutMany(as)
}

func (f *flakyStore) Delete(id string) error {
	if err := f.err(); err != nil {
		return err
	}
	return f.MemoryStore.Delete(id)
}

// tab is one browser tab in a test: a session on a shared store, its
// queue, and what it was told.
type tab struct {
	name      string
	s         *Session
	q         *queue
	events    []Event
	statuses  []Status
	conflicts []EditConflict
	sent      []Change
}

// bus carries announcements between tabs when the test delivers them.
type bus struct{ pending map[*tab][]Change }

func newTab(t *testing.T, name string, doc *Document, store Store, b *bus) *tab {
	t.Helper()
	tb := &tab{name: name, q: &queue{}}
	clock := tickingClock()
	open := func() (Store, error) { return store, nil }
	if store == nil {
		open = nil
	}
	tb.s = NewSession(doc, Config{
		Now:  clock,
		Run:  tb.q.run,
		Open: open,
		Announce: func(c Change) error {
			tb.sent = append(tb.sent, c)
			if b != nil {
				for other := range b.pending {
					if other != tb {
						b.pending[other] = append(b.pending[other], c)
					}
				}
			}
			return nil
		},
		OnChange:   func(e Event) { tb.events = append(tb.events, e) },
		OnStatus:   func(s Status) { tb.statuses = append(tb.statuses, s) },
		OnConflict: func(c EditConflict) { tb.conflicts = append(tb.conflicts, c) },
		Log:        func(args ...any) { t.Log(append([]any{name + ":"}, args...)...) },
	})
	if b != nil {
		b.pending[tb] = nil
	}
	return tb
}

// deliver gives a tab the announcements other tabs made, and runs the
// reads they cause.
func (b *bus) deliver(tb *tab) {
	cs := b.pending[tb]
	b.pending[tb] = nil
	for _, c := range cs {
		tb.s.Remote(c)
	}
	tb.q.drain()
}

func mustGet(t *testing.T, store Store, id string) Annotation {
	t.Helper()
	a, ok, err := store.Get(id)
	if err != nil || !ok {
		t.Fatalf("store.Get(%s) = %v, %v", id, ok, err)
	}
	return a
}

func wantState(t *testing.T, tb *tab, want SaveState) {
	t.Helper()
	if got := tb.s.Status().State; got != want {
		t.Fatalf("%s: state %v, want %v (problem %q)", tb.name, got, want, tb.s.Status().Problem)
	}
}

// twoTabs opens two tabs on one store holding one annotation on OP21, and
// returns them with the annotation.
func twoTabs(t *testing.T) (a, b *tab, store *MemoryStore, x Annotation, bs *bus) {
	t.Helper()
	doc := seedDoc(t)
	store = NewMemoryStore()
	x = mustAnnotation(t, doc, "x", "op21", "High Commissioner", Request, "first note")
	if err := store.Put(x); err != nil {
		t.Fatal(err)
	}
	bs = &bus{pending: map[*tab][]Change{}}
	a = newTab(t, "A", doc, store, bs)
	b = newTab(t, "B", doc, store, bs)
	for _, tb := range []*tab{a, b} {
		tb.s.Start()
		tb.q.drain()
		wantState(t, tb, Saved)
	}
	return a, b, store, x, bs
}

func TestASessionSavesWhatTheDelegateDoes(t *testing.T) {
	doc := seedDoc(t)
	store := NewMemoryStore()
	tb := newTab(t, "A", doc, store, nil)
	tb.s.Start()
	wantState(t, tb, Loading)
	tb.q.drain()
	wantState(t, tb, Saved)
	if tb.s.Status().Changed {
		t.Fatal("Changed before anything was done: 'All changes saved' would mean nothing")
	}
	start, end := spanOf(t, doc, "op21", "High Commissioner")
	n, err := tb.s.Create("op21", start, end, Concern, "")
	if err != nil {
		t.Fatal(err)
	}
	wantState(t, tb, Saving)
	tb.q.drain()
	wantState(t, tb, Saved)
	if got := mustGet(t, store, n.ID); !got.Equal(n) {
		t.Fatalf("stored %+v, want %+v", got, n)
	}
	edited := n
	edited.Note = "ask the capital"
	u, err := tb.s.Update(n, edited)
	if err != nil {
		t.Fatal(err)
	}
	tb.q.drain()
	if got := mustGet(t, store, n.ID); got.Note != "ask the capital" || !got.Modified.Equal(u.Modified) {
		t.Fatalf("stored %+v after the edit", got)
	}
	if _, err := tb.s.Delete(n.ID); err != nil {
		t.Fatal(err)
	}
	tb.q.drain()
	if _, ok, _ := store.Get(n.ID); ok {
		t.Fatal("deleted annotation still stored")
	}
	if _, ok := tb.s.Undo(); !ok {
		t.Fatal("Undo found nothing")
	}
	tb.q.drain()
	if got := mustGet(t, store, n.ID); got.Note != "ask the capital" {
		t.Fatalf("undone annotation stored as %+v", got)
	}
	wantState(t, tb, Saved)
	if !tb.s.Status().Changed {
		t.Fatal("Changed is false after edits")
	}
	if len(tb.sent) != 4 {
		t.Fatalf("announced %d changes, want 4 (create, edit, delete, undo): %+v", len(tb.sent), tb.sent)
	}
}

// TestTwoWritersOnOneAnnotationLoseNeitherEdit is the lost update: two
// tabs edit the same annotation from the same base; neither edit may
// vanish, in every order the writes and the announcements can take.
func TestTwoWritersOnOneAnnotationLoseNeitherEdit(t *testing.T) {
	for _, tc := range []struct {
		name string
		// run makes the edits of tab A (note "from A") and tab B (note
		// "from B"), both begun on base x.
		run func(t *testing.T, a, b *tab, x Annotation, bs *bus)
		// conflictIn is the tab that merges (and must tell its delegate).
		conflictIn string
	}{
		{
			name: "B saves and A hears of it before A saves (the editor was open on the old note)",
			run: func(t *testing.T, a, b *tab, x Annotation, bs *bus) {
				edit(t, b, x, "from B")
				b.q.drain()
				bs.deliver(a)
				edit(t, a, x, "from A")
				a.q.drain()
			},
			conflictIn: "A",
		},
		{
			name: "B saves, A saves before hearing of it (PutIf refuses, A rebases)",
			run: func(t *testing.T, a, b *tab, x Annotation, bs *bus) {
				edit(t, b, x, "from B")
				b.q.drain()
				edit(t, a, x, "from A")
				a.q.drain()
			},
			conflictIn: "A",
		},
		{
			name: "both write at once: both writes queued, B's runs first",
			run: func(t *testing.T, a, b *tab, x Annotation, bs *bus) {
				edit(t, a, x, "from A")
				edit(t, b, x, "from B")
				b.q.drain()
				a.q.drain()
			},
			conflictIn: "A",
		},
		{
			name: "A's announcement reaches B while B's own write is on its way",
			run: func(t *testing.T, a, b *tab, x Annotation, bs *bus) {
				edit(t, a, x, "from A")
				a.q.drain()
				edit(t, b, x, "from B")
				bs.deliver(b) // B merges A's note into its pending edit
				b.q.drain()
			},
			conflictIn: "B",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b, store, x, bs := twoTabs(t)
			tc.run(t, a, b, x, bs)
			bs.deliver(a)
			bs.deliver(b)
			got := mustGet(t, store, x.ID)
			for _, note := range []string{"from A", "from B"} {
				if !strings.Contains(got.Note, note) {
					t.Fatalf("stored note %q lost %q", got.Note, note)
				}
			}
			if !strings.Contains(got.Note, ConcurrentNoteSeparator) {
				t.Fatalf("stored note %q does not say that two edits met", got.Note)
			}
			for _, tb := range []*tab{a, b} {
				wantState(t, tb, Saved)
				if in, _ := tb.s.Set().Get(x.ID); in.Note != got.Note {
					t.Fatalf("%s shows note %q, the store holds %q", tb.name, in.Note, got.Note)
				}
			}
			merger := a
			if tc.conflictIn == "B" {
				merger = b
			}
			if len(merger.conflicts) != 1 || merger.conflicts[0].Field != "note" {
				t.Fatalf("%s was told of conflicts %+v, want one on the note", merger.name, merger.conflicts)
			}
		})
	}
}

// edit changes the note of x in a tab, as the editor opened on base x.
func edit(t *testing.T, tb *tab, x Annotation, note string) Annotation {
	t.Helper()
	e := x
	e.Note = note
	n, err := tb.s.Update(x, e)
	if err != nil {
		t.Fatalf("%s: %v", tb.name, err)
	}
	return n
}

func TestConcurrentEditsOfDifferentFieldsBothStay(t *testing.T) {
	a, b, store, x, bs := twoTabs(t)
	retagged := x
	retagged.Tag = Concern
	if _, err := b.s.Update(x, retagged); err != nil {
		t.Fatal(err)
	}
	b.q.drain()
	edit(t, a, x, "note from A")
	a.q.drain()
	bs.deliver(b)
	got := mustGet(t, store, x.ID)
	if got.Tag != Concern || got.Note != "note from A" {
		t.Fatalf("stored tag %s note %q, want concern and A's note", got.Tag, got.Note)
	}
	if len(a.conflicts)+len(b.conflicts) != 0 {
		t.Fatalf("conflicts reported for edits of different fields: %+v %+v", a.conflicts, b.conflicts)
	}
	if in, _ := b.s.Set().Get(x.ID); !in.Equal(got) {
		t.Fatalf("B shows %+v, store %+v", in, got)
	}
}

func TestTheLaterTagWinsAndTheDelegateIsTold(t *testing.T) {
	a, b, store, x, _ := twoTabs(t)
	for _, w := range []struct {
		tb  *tab
		tag Tag
	}{{b, Concern}, {a, Commitment}} {
		e := x
		e.Tag = w.tag
		if _, err := w.tb.s.Update(x, e); err != nil {
			t.Fatal(err)
		}
		w.tb.q.drain()
	}
	if got := mustGet(t, store, x.ID); got.Tag != Commitment {
		t.Fatalf("stored tag %s, want the later (commitment)", got.Tag)
	}
	want := EditConflict{ID: x.ID, Clause: "op21", Field: "tag", Mine: "commitment", Theirs: "concern"}
	if len(a.conflicts) != 1 || a.conflicts[0] != want {
		t.Fatalf("A told %+v, want %+v", a.conflicts, want)
	}
}

func TestAnEditOfAnAnnotationDeletedInAnotherTabIsKept(t *testing.T) {
	a, b, store, x, bs := twoTabs(t)
	if _, err := b.s.Delete(x.ID); err != nil {
		t.Fatal(err)
	}
	b.q.drain()
	edit(t, a, x, "still needed")
	a.q.drain()
	if got := mustGet(t, store, x.ID); got.Note != "still needed" {
		t.Fatalf("stored %+v, want the edit kept", got)
	}
	bs.deliver(b)
	if in, ok := b.s.Set().Get(x.ID); !ok || in.Note != "still needed" {
		t.Fatalf("B does not show the kept edit: %+v %v", in, ok)
	}
	wantState(t, a, Saved)
}

func TestAnotherTabsChangesAppearHere(t *testing.T) {
	a, b, _, x, bs := twoTabs(t)
	doc := a.s.Document()
	start, end := spanOf(t, doc, "op1", "Reaffirms")
	n, err := b.s.Create("op1", start, end, Commitment, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.Delete(x.ID); err != nil {
		t.Fatal(err)
	}
	b.q.drain()
	a.events = nil
	bs.deliver(a)
	if got, ok := a.s.Set().Get(n.ID); !ok || !got.Equal(n) {
		t.Fatalf("A does not have B's new annotation: %+v %v", got, ok)
	}
	if _, ok := a.s.Set().Get(x.ID); ok {
		t.Fatal("A still has the annotation B deleted")
	}
	if len(a.events) != 2 {
		t.Fatalf("A was told of %d changes, want 2: %+v", len(a.events), a.events)
	}
	if len(a.sent) != 0 {
		t.Fatalf("A wrote on hearing B: %+v", a.sent)
	}
}

func TestRetryAfterTheStorageComesBack(t *testing.T) {
	doc := seedDoc(t)
	store := &flakyStore{MemoryStore: NewMemoryStore()}
	tb := newTab(t, "A", doc, store, nil)
	tb.s.Start()
	tb.q.drain()
	store.setDown(true)
	start, end := spanOf(t, doc, "op21", "High Commissioner")
	n, err := tb.s.Create("op21", start, end, Concern, "")
	if err != nil {
		t.Fatal(err)
	}
	tb.q.drain()
	wantState(t, tb, NotSaved)
	if p := tb.s.Status().Problem; !strings.Contains(p, "disk is full") {
		t.Fatalf("problem %q does not say why", p)
	}
	// More changes while it is down stay in memory; nothing is retried
	// behind the delegate's back.
	edited := n
	edited.Note = "while the disk was full"
	if _, err := tb.s.Update(n, edited); err != nil {
		t.Fatal(err)
	}
	tb.q.drain()
	wantState(t, tb, NotSaved)
	if st := tb.s.Status(); st.Unsaved != 1 {
		t.Fatalf("unsaved %d, want 1", st.Unsaved)
	}
	store.setDown(false)
	tb.s.Retry()
	tb.q.drain()
	wantState(t, tb, Saved)
	if got := mustGet(t, store, n.ID); got.Note != "while the disk was full" {
		t.Fatalf("stored %+v", got)
	}
}

func TestRetryOpensAStoreThatCouldNotBeOpenedAndKeepsWhatIsInMemory(t *testing.T) {
	doc := seedDoc(t)
	store := NewMemoryStore()
	saved := mustAnnotation(t, doc, "saved", "op2", "Recognizes", Commitment, "saved before")
	if err := store.Put(saved); err != nil {
		t.Fatal(err)
	}
	blocked := true
	q := &queue{}
	var statuses []SaveState
	s := NewSession(doc, Config{
		Now: tickingClock(),
		Run: q.run,
		Open: func() (Store, error) {
			if blocked {
				return nil, errors.New("the database is blocked by an older tab")
			}
			return store, nil
		},
		OnStatus: func(st Status) { statuses = append(statuses, st.State) },
	})
	s.Start()
	q.drain()
	if st := s.Status(); st.State != MemoryOnly || !strings.Contains(st.Problem, "blocked") {
		t.Fatalf("status %+v, want memory only with the reason", st)
	}
	start, end := spanOf(t, doc, "op21", "High Commissioner")
	n, err := s.Create("op21", start, end, Request, "made in memory")
	if err != nil {
		t.Fatal(err)
	}
	q.drain()
	if s.Status().State != MemoryOnly {
		t.Fatalf("state %v after a change with no store", s.Status().State)
	}
	blocked = false
	s.Retry()
	q.drain()
	if st := s.Status(); st.State != Saved {
		t.Fatalf("status after Retry %+v, want saved", st)
	}
	if got := mustGet(t, store, n.ID); got.Note != "made in memory" {
		t.Fatalf("stored %+v", got)
	}
	if _, ok := s.Set().Get(saved.ID); !ok {
		t.Fatal("the annotation that was in the store is not shown after Retry")
	}
}

func TestWritesReachTheStoreInOrder(t *testing.T) {
	doc := seedDoc(t)
	store := NewMemoryStore()
	tb := newTab(t, "A", doc, store, nil)
	tb.s.Start()
	tb.q.drain()
	start, end := spanOf(t, doc, "op21", "High Commissioner")
	n, _ := tb.s.Create("op21", start, end, Concern, "")
	cur := n
	for i := range 5 {
		e := cur
		e.Note = fmt.Sprintf("draft %d", i)
		var err error
		if cur, err = tb.s.Update(cur, e); err != nil {
			t.Fatal(err)
		}
	}
	if len(tb.q.jobs) != 1 {
		t.Fatalf("%d writes on their way at once, want 1 (the next waits)", len(tb.q.jobs))
	}
	tb.q.drain()
	if got := mustGet(t, store, n.ID); got.Note != "draft 4" {
		t.Fatalf("stored note %q, want the last", got.Note)
	}
	wantState(t, tb, Saved)
	if len(tb.conflicts) != 0 {
		t.Fatalf("a tab's own writes conflicted: %+v", tb.conflicts)
	}
}

func TestChangesMadeWhileLoadingAreKept(t *testing.T) {
	doc := seedDoc(t)
	store := NewMemoryStore()
	old := mustAnnotation(t, doc, "old", "op2", "Recognizes", Commitment, "")
	gone := mustAnnotation(t, doc, "gone", "op3", "the duty of States", Request, "")
	if err := store.PutMany([]Annotation{old, gone}); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, "A", doc, store, nil)
	// The page read the store before it was drawn; the delegate tags
	// before that read is taken in.
	list, _ := store.List(doc.Symbol)
	start, end := spanOf(t, doc, "op21", "High Commissioner")
	n, err := tb.s.Create("op21", start, end, Concern, "")
	if err != nil {
		t.Fatal(err)
	}
	tb.s.Load(store, list, nil)
	tb.q.drain()
	for _, id := range []string{old.ID, gone.ID, n.ID} {
		if _, ok := tb.s.Set().Get(id); !ok {
			t.Fatalf("%s missing after load", id)
		}
	}
	mustGet(t, store, n.ID)
	wantState(t, tb, Saved)
}

func TestSavedAnnotationsTheTextNoLongerFitsAreReanchoredAndSaved(t *testing.T) {
	doc := seedDoc(t)
	x := mustAnnotation(t, doc, "x", "op21", "High Commissioner", Request, "")
	x.Start, x.End = x.Start+3, x.End+3 // stored at the wrong offsets
	store := NewMemoryStore()
	if err := store.Put(x); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, "A", doc, store, nil)
	tb.s.Start()
	tb.q.drain()
	got := mustGet(t, store, x.ID)
	if got.Start != x.Start-3 {
		t.Fatalf("stored start %d, want the re-anchored %d", got.Start, x.Start-3)
	}
	wantState(t, tb, Saved)
}

func TestAnImportIsSavedInOneTransaction(t *testing.T) {
	doc := seedDoc(t)
	src := NewSet(doc, tickingClock())
	for _, c := range []string{"op1", "op2", "op3"} {
		if _, err := src.CreateWhole(c, Commitment, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	file, err := ExportJSON(src, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	store := &countingStore{MemoryStore: NewMemoryStore()}
	tb := newTab(t, "A", doc, store, nil)
	tb.s.Start()
	tb.q.drain()
	p, err := tb.s.Set().Import(file, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tb.s.Apply(p); err != nil {
		t.Fatal(err)
	}
	tb.q.drain()
	if store.putMany != 1 || store.putIf != 0 {
		t.Fatalf("PutMany %d, PutIf %d; want one PutMany", store.putMany, store.putIf)
	}
	if store.Len() != 3 {
		t.Fatalf("%d stored, want 3", store.Len())
	}
	wantState(t, tb, Saved)
}

type countingStore struct {
	*MemoryStore
	putMany, putIf int
}

func (c *countingStore) PutMany(as []Annotation) error { c.putMany++; return c.MemoryStore.PutMany(as) }
func (c *countingStore) PutIf(a Annotation, base time.Time) (Annotation, error) {
	c.putIf++
	return c.MemoryStore.PutIf(a, base)
}

// fightingStore is a store in which another writer changes the annotation
// after every read: PutIf always conflicts.
type fightingStore struct{ *MemoryStore }

func (f fightingStore) PutIf(a Annotation, base time.Time) (Annotation, error) {
	cur, _, _ := f.MemoryStore.Get(a.ID)
	cur.Modified = cur.Modified.Add(time.Second)
	cur.Note += "!"
	_ = f.MemoryStore.Put(cur)
	return f.MemoryStore.PutIf(a, base)
}

func TestAWriterThatAlwaysConflictsStopsWithAMessage(t *testing.T) {
	doc := seedDoc(t)
	x := mustAnnotation(t, doc, "x", "op21", "High Commissioner", Request, "first note")
	store := fightingStore{NewMemoryStore()}
	if err := store.Put(x); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, "C", doc, store, nil)
	tb.s.Start()
	tb.q.drain()
	edit(t, tb, x, "mine")
	tb.q.drain()
	wantState(t, tb, NotSaved)
	if p := tb.s.Status().Problem; !strings.Contains(p, "another tab") {
		t.Fatalf("problem %q", p)
	}
}

// TestTwoTabsOnRealGoroutines runs two sessions whose store calls run on
// their own goroutines, as in the browser, under the race detector: each
// tab tags its own clauses and both edit one shared annotation.
func TestTwoTabsOnRealGoroutines(t *testing.T) {
	doc := seedDoc(t)
	store := NewMemoryStore()
	x := mustAnnotation(t, doc, "x", "op21", "High Commissioner", Request, "")
	if err := store.Put(x); err != nil {
		t.Fatal(err)
	}
	type ui struct {
		s    *Session
		loop chan func()
		wg   sync.WaitGroup
	}
	tabs := make([]*ui, 2)
	for i := range tabs {
		u := &ui{loop: make(chan func(), 1024)}
		u.s = NewSession(doc, Config{
			Now: time.Now,
			Run: func(work, done func()) {
				u.wg.Add(1)
				go func() {
					work()
					u.loop <- func() { done(); u.wg.Done() }
				}()
			},
			Open: func() (Store, error) { return store, nil },
		})
		tabs[i] = u
	}
	// Each tab's UI goroutine runs what its store calls bring back.
	stop := make(chan struct{})
	var loops sync.WaitGroup
	for _, u := range tabs {
		loops.Add(1)
		go func() {
			defer loops.Done()
			for {
				select {
				case f := <-u.loop:
					f()
				case <-stop:
					return
				}
			}
		}()
	}
	onUI := func(u *ui, f func()) {
		done := make(chan struct{})
		u.loop <- func() { f(); close(done) }
		<-done
	}
	for _, u := range tabs {
		onUI(u, u.s.Start)
	}
	waitSaved := func(u *ui) {
		deadline := time.Now().Add(10 * time.Second)
		for {
			var st Status
			onUI(u, func() { st = u.s.Status() })
			if st.State == Saved || st.State == NotSaved {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("never saved: %+v", st)
			}
			time.Sleep(time.Millisecond)
		}
	}
	for _, u := range tabs {
		waitSaved(u)
	}
	clauses := [][]string{{"op1", "op2", "op3"}, {"op4", "op5", "op6"}}
	var edits sync.WaitGroup
	for i, u := range tabs {
		edits.Add(1)
		go func() {
			defer edits.Done()
			for _, c := range clauses[i] {
				onUI(u, func() {
					_, end, ok := u.s.Set().Document().Whole(c)
					if !ok {
						t.Errorf("no clause %s", c)
						return
					}
					if _, err := u.s.Create(c, 0, end, Commitment, ""); err != nil {
						t.Error(err)
					}
				})
			}
			onUI(u, func() {
				e := x
				e.Note = fmt.Sprintf("tab %d", i)
				if _, err := u.s.Update(x, e); err != nil {
					t.Error(err)
				}
			})
		}()
	}
	edits.Wait()
	for _, u := range tabs {
		waitSaved(u)
		u.wg.Wait()
	}
	close(stop)
	loops.Wait()
	got := mustGet(t, store, x.ID)
	for i := range tabs {
		if !strings.Contains(got.Note, fmt.Sprintf("tab %d", i)) {
			t.Fatalf("stored note %q lost tab %d's edit", got.Note, i)
		}
	}
	if n := store.Len(); n != 7 {
		t.Fatalf("%d stored, want 7", n)
	}
}

func TestChangesNotSavedWhenThePageClosedAreRestored(t *testing.T) {
	doc := seedDoc(t)
	store := &flakyStore{MemoryStore: NewMemoryStore()}
	old := mustAnnotation(t, doc, "old", "op2", "Recognizes", Commitment, "")
	gone := mustAnnotation(t, doc, "gone", "op3", "the duty of States", Request, "")
	if err := store.PutMany([]Annotation{old, gone}); err != nil {
		t.Fatal(err)
	}
	first := newTab(t, "before the reload", doc, store, nil)
	first.s.Start()
	first.q.drain()
	start, end := spanOf(t, doc, "op21", "High Commissioner")
	n, _ := first.s.Create("op21", start, end, Concern, "typed just before the reload")
	edited := old
	edited.Note = "changed"
	if _, err := first.s.Update(old, edited); err != nil {
		t.Fatal(err)
	}
	if _, err := first.s.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	// The page closes before any of it is written.
	put, deleted := first.s.Pending()
	if len(put) != 2 || len(deleted) != 1 {
		t.Fatalf("pending %d put, %d deleted; want 2 and 1", len(put), len(deleted))
	}
	if st := first.s.Status(); st.State != Saving {
		t.Fatalf("state %v with writes pending", st.State)
	}

	second := newTab(t, "after the reload", doc, store, nil)
	second.s.Start()
	second.q.drain()
	second.s.Restore(put, deleted)
	second.q.drain()
	if got := mustGet(t, store, n.ID); got.Note != "typed just before the reload" {
		t.Fatalf("stored %+v", got)
	}
	if got := mustGet(t, store, old.ID); got.Note != "changed" {
		t.Fatalf("stored %+v", got)
	}
	if _, ok, _ := store.Get(gone.ID); ok {
		t.Fatal("the delete was not restored")
	}
	wantState(t, second, Saved)

	// Restoring the same changes again (an older copy) changes nothing.
	second.events = nil
	second.s.Restore(put, deleted)
	second.q.drain()
	if len(second.events) != 0 {
		t.Fatalf("restoring again changed %d annotations", len(second.events))
	}
}
