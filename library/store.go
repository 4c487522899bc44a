package library

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// Store is where the library lives: the documents, their summaries and
// the annotations of every document, in one database, so that a document
// and its annotations are added and removed together. It is an
// annotations.Store too: the annotations.Session of an open document uses
// the same store (and, in the browser, the same connection).
//
// Every method is one transaction: it happens whole or not at all, and
// returns once it has (a write that returns nil is stored). The browser's
// store is wasm.Store; MemoryStore is the same in memory.
type Store interface {
	annotations.Store

	// Summaries returns the summary of every document, in no order.
	Summaries() ([]Summary, error)
	// Document returns the document with this id, with the texts of its
	// versions, and whether there is one.
	Document(id string) (Document, bool, error)
	// CurrentTextSHA256 returns the TextSHA256 of the current version of
	// the document with this id ("" when it has no version), and whether
	// there is one, without the texts: what a page checks first (is the
	// text it was served still that document's current one?).
	CurrentTextSHA256(id string) (string, bool, error)
	// PutDocument adds or replaces a document and its summary. The
	// document must be valid (Document.Validate) and the summary its own
	// (same id); the summary's mirrored fields are set from the document
	// (Summary.Mirror).
	PutDocument(d Document, s Summary) error
	// UpdateDocument changes a document and its summary in one step: it
	// reads both, calls change (which must not block: in the browser it
	// runs inside the transaction), mirrors the document into the summary,
	// and writes both, unless change returns an error, which UpdateDocument
	// returns with nothing written. It returns what was written, or
	// ErrNotFound.
	UpdateDocument(id string, change func(d *Document, s *Summary) error) (Document, Summary, error)
	// PutSummary replaces the summary of a document in the library (its
	// counts after the annotations changed); ErrNotFound if the document
	// is not there (removed meanwhile: the summary is not written). The
	// mirrored fields keep the stored values.
	PutSummary(s Summary) error
	// DeleteDocument removes a document, its summary and all its
	// annotations (those filed under its Symbol), and returns them, so
	// that Restore can put them back; ErrNotFound if there is none.
	DeleteDocument(id string) (Removed, error)
	// Restore puts back what DeleteDocument removed; ErrExists, with
	// nothing written, if a document with that id was added meanwhile.
	Restore(r Removed) error
	// Write makes the writes of a batch, all of them or none (an import of
	// several documents).
	Write(b Batch) error
	// AllAnnotations returns the annotations of every document, in no
	// order: the /annotations page.
	AllAnnotations() ([]annotations.Annotation, error)
}

// Removed is a document with its summary and its annotations, as
// DeleteDocument removed them.
type Removed struct {
	Document    Document
	Summary     Summary
	Annotations []annotations.Annotation
}

// Addition is a document to add to the library with its summary and its
// annotations.
type Addition = Removed

// Batch is writes made in one transaction by Store.Write.
type Batch struct {
	// Add are documents new to the library, with their summaries and
	// annotations: a document whose id is there already makes the whole
	// batch fail with ErrExists.
	Add []Addition
	// Annotations are annotations to add or replace, of documents in the
	// library or added by the batch.
	Annotations []annotations.Annotation
	// Summaries replace the summaries of documents in the library (as
	// PutSummary: ErrNotFound, and nothing written, if one is not there).
	Summaries []Summary
	// Updates change documents of the library and their summaries, as
	// UpdateDocument does, inside the transaction (ErrNotFound, or the
	// error a Change returns, and nothing written).
	Updates []Update
	// IfUnchanged makes the writes of Annotations conditional: each must
	// be stored already with the same Modified time, to the millisecond
	// (annotations re-anchored, not edited, since they were read), or the
	// batch fails with an error wrapping annotations.ErrConflict and
	// nothing is written.
	IfUnchanged bool
}

// Update is a change of a document of the library and its summary, made
// by Store.Write inside its transaction: Change must not block.
type Update struct {
	ID     string
	Change func(d *Document, s *Summary) error
}

// Check checks a batch before anything is written: valid documents, each
// summary and annotation with its document.
func (b *Batch) Check() error {
	ids := map[string]bool{}
	for _, a := range b.Add {
		if err := checkAddition(a); err != nil {
			return err
		}
		if ids[a.Document.ID] {
			return fmt.Errorf("%w: document %q is added twice", ErrInvalid, a.Document.ID)
		}
		ids[a.Document.ID] = true
	}
	for _, a := range b.Annotations {
		if a.ID == "" || a.Document == "" {
			return fmt.Errorf("annotation %q: %w", a.ID, annotations.ErrNoID)
		}
	}
	for _, s := range b.Summaries {
		if s.ID == "" {
			return fmt.Errorf("%w: a summary without an id", ErrInvalid)
		}
	}
	for _, u := range b.Updates {
		if u.ID == "" || u.Change == nil {
			return fmt.Errorf("%w: an update without an id or a change", ErrInvalid)
		}
	}
	return nil
}

// ApplyUpdate changes a document and its summary read from a store (as
// Store.UpdateDocument and the Updates of a Batch do): it calls change,
// checks that the id stayed, and returns the summary with the document
// mirrored into it.
func ApplyUpdate(id string, d *Document, s *Summary, change func(*Document, *Summary) error) error {
	if err := change(d, s); err != nil {
		return err
	}
	if d.ID != id {
		return fmt.Errorf("%w: the update changed the id of %q", ErrInvalid, id)
	}
	s.ID = id
	sum, err := CheckPut(*d, *s)
	if err != nil {
		return err
	}
	*s = sum
	return nil
}

// CheckUnchanged reports, for a batch's IfUnchanged, whether stored (ok
// false: not stored) is what a was read as: an error wrapping
// annotations.ErrConflict if not.
func CheckUnchanged(a, stored annotations.Annotation, ok bool) error {
	switch {
	case !ok:
		return fmt.Errorf("annotation %s was deleted meanwhile: %w", a.ID, annotations.ErrConflict)
	case stored.Modified.UnixMilli() != a.Modified.UnixMilli():
		return fmt.Errorf("annotation %s was changed meanwhile: %w", a.ID, annotations.ErrConflict)
	}
	return nil
}

// checkAddition checks a document to add: valid, its summary its own, its
// annotations filed under its symbol.
func checkAddition(r Addition) error {
	if err := r.Document.Validate(); err != nil {
		return err
	}
	if r.Summary.ID != r.Document.ID {
		return fmt.Errorf("%w: the summary of %q is %q's", ErrInvalid, r.Document.ID, r.Summary.ID)
	}
	for _, a := range r.Annotations {
		if a.ID == "" {
			return fmt.Errorf("annotation %q: %w", a.ID, annotations.ErrNoID)
		}
		if a.Document != r.Document.Symbol {
			return fmt.Errorf("%w: annotation %s is of %q, not of %q", ErrInvalid, a.ID, a.Document, r.Document.Symbol)
		}
	}
	return nil
}

// CheckPut checks a document and its summary for PutDocument and returns
// the summary with the document mirrored into it.
func CheckPut(d Document, s Summary) (Summary, error) {
	if err := d.Validate(); err != nil {
		return Summary{}, err
	}
	if s.ID != d.ID {
		return Summary{}, fmt.Errorf("%w: the summary of %q is %q's", ErrInvalid, d.ID, s.ID)
	}
	s.Mirror(d)
	return s, nil
}

// KeepMirrored returns s with the fields Summary.Mirror sets taken from
// stored, the summary in the store: what PutSummary writes.
func KeepMirrored(s, stored Summary) Summary {
	s.ID, s.Symbol, s.Name = stored.ID, stored.Symbol, stored.Name
	s.Added, s.Opened, s.Builtin = stored.Added, stored.Opened, stored.Builtin
	s.Versions, s.TextSize = stored.Versions, stored.TextSize
	return s
}

// MemoryStore is a Store in memory, safe for concurrent use: the library
// of tests, and of the app where the browser stores nothing. It keeps
// copies of what it is given and gives copies.
type MemoryStore struct {
	mu        sync.Mutex
	docs      map[string]Document
	summaries map[string]Summary
	ann       *annotations.MemoryStore
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty library.
func NewMemoryStore() *MemoryStore {
	return NewMemoryStoreWith(annotations.NewMemoryStore())
}

// NewMemoryStoreWith returns an empty library whose annotations are kept in
// ann (for tests that look at the annotation store directly). ann must be
// changed only through the library from then on.
func NewMemoryStoreWith(ann *annotations.MemoryStore) *MemoryStore {
	return &MemoryStore{docs: map[string]Document{}, summaries: map[string]Summary{}, ann: ann}
}

// List returns the annotations of a document symbol, by id.
func (m *MemoryStore) List(document string) ([]annotations.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ann.List(document)
}

// Get returns the annotation with this id.
func (m *MemoryStore) Get(id string) (annotations.Annotation, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ann.Get(id)
}

// Put adds or replaces an annotation.
func (m *MemoryStore) Put(a annotations.Annotation) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ann.Put(a)
}

// PutIf is annotations.Store's PutIf.
func (m *MemoryStore) PutIf(a annotations.Annotation, base time.Time) (annotations.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ann.PutIf(a, base)
}

// Delete removes an annotation by id.
func (m *MemoryStore) Delete(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ann.Delete(id)
}

// PutMany adds or replaces annotations, all or none.
func (m *MemoryStore) PutMany(as []annotations.Annotation) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ann.PutMany(as)
}

// Summaries returns every summary, by id.
func (m *MemoryStore) Summaries() ([]Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Summary, 0, len(m.summaries))
	for _, s := range m.summaries {
		out = append(out, cloneSummary(s))
	}
	slices.SortFunc(out, func(a, b Summary) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// Document returns a document by id.
func (m *MemoryStore) Document(id string) (Document, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	return cloneDocument(d), ok, nil
}

// CurrentTextSHA256 returns the hash of a document's current text.
func (m *MemoryStore) CurrentTextSHA256(id string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	return d.Current().TextSHA256, ok, nil
}

// PutDocument adds or replaces a document and its summary.
func (m *MemoryStore) PutDocument(d Document, s Summary) error {
	s, err := CheckPut(d, s)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs[d.ID] = cloneDocument(d)
	m.summaries[d.ID] = cloneSummary(s)
	return nil
}

// UpdateDocument changes a document and its summary in one step.
func (m *MemoryStore) UpdateDocument(id string, change func(*Document, *Summary) error) (Document, Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return Document{}, Summary{}, fmt.Errorf("%q: %w", id, ErrNotFound)
	}
	d, s := cloneDocument(d), cloneSummary(m.summaries[id])
	if err := ApplyUpdate(id, &d, &s, change); err != nil {
		return Document{}, Summary{}, err
	}
	m.docs[id], m.summaries[id] = cloneDocument(d), cloneSummary(s)
	return d, s, nil
}

// PutSummary replaces the summary of a document in the library.
func (m *MemoryStore) PutSummary(s Summary) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.putSummaryLocked(s)
}

func (m *MemoryStore) putSummaryLocked(s Summary) error {
	stored, ok := m.summaries[s.ID]
	if _, doc := m.docs[s.ID]; !ok || !doc {
		return fmt.Errorf("summary of %q: %w", s.ID, ErrNotFound)
	}
	m.summaries[s.ID] = cloneSummary(KeepMirrored(s, stored))
	return nil
}

// DeleteDocument removes a document, its summary and its annotations.
func (m *MemoryStore) DeleteDocument(id string) (Removed, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return Removed{}, fmt.Errorf("%q: %w", id, ErrNotFound)
	}
	as, err := m.ann.List(d.Symbol)
	if err != nil {
		return Removed{}, err
	}
	r := Removed{Document: cloneDocument(d), Summary: cloneSummary(m.summaries[id]), Annotations: as}
	for _, a := range as {
		if err := m.ann.Delete(a.ID); err != nil {
			return Removed{}, err // cannot happen in memory
		}
	}
	delete(m.docs, id)
	delete(m.summaries, id)
	return r, nil
}

// Restore puts back what DeleteDocument removed.
func (m *MemoryStore) Restore(r Removed) error {
	return m.Write(Batch{Add: []Addition{r}})
}

// Write makes the writes of a batch, all or none.
func (m *MemoryStore) Write(b Batch) error {
	if err := b.Check(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	adding := map[string]Summary{}
	for _, a := range b.Add {
		if _, ok := m.docs[a.Document.ID]; ok {
			return fmt.Errorf("%q: %w", a.Document.ID, ErrExists)
		}
		s := a.Summary
		s.Mirror(a.Document)
		adding[a.Document.ID] = s
	}
	for _, s := range b.Summaries {
		if _, ok := m.docs[s.ID]; !ok {
			if _, ok := adding[s.ID]; !ok {
				return fmt.Errorf("summary of %q: %w", s.ID, ErrNotFound)
			}
		}
	}
	type updated struct {
		d Document
		s Summary
	}
	var updates []updated
	for _, u := range b.Updates {
		d, ok := m.docs[u.ID]
		if !ok {
			return fmt.Errorf("%q: %w", u.ID, ErrNotFound)
		}
		d, s := cloneDocument(d), cloneSummary(m.summaries[u.ID])
		if err := ApplyUpdate(u.ID, &d, &s, u.Change); err != nil {
			return err
		}
		updates = append(updates, updated{d, s})
	}
	if b.IfUnchanged {
		for _, a := range b.Annotations {
			stored, ok, err := m.ann.Get(a.ID)
			if err != nil {
				return err
			}
			if err := CheckUnchanged(a, stored, ok); err != nil {
				return err
			}
		}
	}
	var as []annotations.Annotation
	for _, a := range b.Add {
		as = append(as, a.Annotations...)
	}
	as = append(as, b.Annotations...)
	if err := m.ann.PutMany(as); err != nil {
		return err
	}
	for _, a := range b.Add {
		m.docs[a.Document.ID] = cloneDocument(a.Document)
		m.summaries[a.Document.ID] = cloneSummary(adding[a.Document.ID])
	}
	for _, s := range b.Summaries {
		if err := m.putSummaryLocked(s); err != nil {
			return err // cannot happen: checked above
		}
	}
	for _, u := range updates {
		m.docs[u.d.ID], m.summaries[u.d.ID] = cloneDocument(u.d), cloneSummary(u.s)
	}
	return nil
}

// AllAnnotations returns every annotation, by document then id.
func (m *MemoryStore) AllAnnotations() ([]annotations.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ann.All()
}

func cloneDocument(d Document) Document {
	d.Versions = slices.Clone(d.Versions)
	for i, v := range d.Versions {
		if v.Review != nil {
			r := *v.Review
			r.Items = slices.Clone(r.Items)
			d.Versions[i].Review = &r
		}
	}
	return d
}

func cloneSummary(s Summary) Summary {
	s.Sponsors = slices.Clone(s.Sponsors)
	s.Clauses = slices.Clone(s.Clauses)
	return s
}
