package annotations

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// ErrNoID is returned by MemoryStore for an annotation without an id or
// document.
var ErrNoID = errors.New("annotation has no id or no document")

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

// Len is the number of annotations stored, all documents together.
func (m *MemoryStore) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.byID)
}
