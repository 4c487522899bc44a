package annotations

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// ErrNoID is returned by MemoryStore for an annotation without an id or
// document.
var ErrNoID = errors.New("annotation has no id or no document")

// ErrConflict is what Store.PutIf wraps when the stored annotation changed
// since the caller read it (another tab wrote it): the caller merges its
// change into the stored copy and writes again.
var ErrConflict = errors.New("the annotation was changed in another tab")

// MemoryStore is a Store in memory, safe for concurrent use. It keeps copies:
// changing an annotation after Put does not change the store.
type MemoryStore struct {
	mu   sync.RWMutex
	byID map[string]Annotation
}

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{byID: make(map[string]Annotation)}
}

var _ Store = (*MemoryStore)(nil)

// List returns the annotations of a document, by id.
func (m *MemoryStore) List(document string) ([]Annotation, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := []Annotation{}
	for _, a := range m.byID {
		if a.Document == document {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(x, y Annotation) int { return cmp.Compare(x.ID, y.ID) })
	return out, nil
}

// Put adds or replaces one annotation.
func (m *MemoryStore) Put(a Annotation) error {
	return m.PutMany([]Annotation{a})
}

// Delete removes an annotation by id; deleting a missing id is no error.
func (m *MemoryStore) Delete(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.byID, id)
	return nil
}

// PutMany adds or replaces several annotations atomically: if one has no id
// or no document, none is stored.
func (m *MemoryStore) PutMany(as []Annotation) error {
	for i, a := range as {
		if a.ID == "" || a.Document == "" {
			return fmt.Errorf("annotations: put %d (%q): %w", i, a.ID, ErrNoID)
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, a := range as {
		m.byID[a.ID] = a
	}
	return nil
}

// All returns every annotation stored, of every document, by document
// then id.
func (m *MemoryStore) All() ([]Annotation, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]Annotation, 0, len(m.byID))
	for _, a := range m.byID {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y Annotation) int {
		if c := cmp.Compare(x.Document, y.Document); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	return out, nil
}

// Len is the number of annotations stored, all documents together.
func (m *MemoryStore) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.byID)
}

// Get returns the annotation stored with the given id.
func (m *MemoryStore) Get(id string) (Annotation, bool, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	a, ok := m.byID[id]
	return a, ok, nil
}

// PutIf writes a only if the stored copy still has the modified time base
// (to the millisecond) or, for the zero base, does not exist; otherwise it
// returns the stored copy and an error wrapping ErrConflict. The check and
// the write are one atomic step, as in the browser's store.
func (m *MemoryStore) PutIf(a Annotation, base time.Time) (Annotation, error) {
	if a.ID == "" || a.Document == "" {
		return Annotation{}, fmt.Errorf("annotations: put if %q: %w", a.ID, ErrNoID)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.byID[a.ID]
	switch {
	case !ok && !base.IsZero():
		return Annotation{}, fmt.Errorf("annotations: %s was deleted: %w", a.ID, ErrConflict)
	case ok && (base.IsZero() || !normTime(cur.Modified).Equal(normTime(base))):
		return cur, fmt.Errorf("annotations: %s was changed at %s: %w", a.ID, normTime(cur.Modified).Format(time.RFC3339Nano), ErrConflict)
	}
	m.byID[a.ID] = a
	return a, nil
}
