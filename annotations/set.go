package annotations

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Set holds the annotations of one document, in document order: clause
// order, then start, then end, then id. Orphans (annotations that do not fit
// the document's text, see Document.Fits) are kept apart, after the others.
//
// A Set is not safe for concurrent use. Its methods return copies: changing
// what they return does not change the set. Each change returns what the
// caller must save in its Store.
type Set struct {
	doc      *Document
	now      func() time.Time
	byID     map[string]Annotation
	byClause [][]Annotation // per clause index, sorted
	orphans  []Annotation   // sorted by id
	counts   Counts
	deleted  []Annotation // undo stack, most recent last
	revision int          // bumped by every change (stale plans)
}

// maxUndo is how many deletes Undo can restore.
const maxUndo = 100

// Counts are numbers of annotations per tag (orphans included), of those
// without a tag, and how many of them all are orphans.
type Counts struct {
	Commitment, Request, Concern int
	// Untagged counts the annotations without a tag (imported from other
	// tools).
	Untagged int
	Orphans  int
}

// Of returns the count of one tag; Of("") is Untagged.
func (c Counts) Of(t Tag) int {
	switch t {
	case Commitment:
		return c.Commitment
	case Request:
		return c.Request
	case Concern:
		return c.Concern
	case "":
		return c.Untagged
	}
	return 0
}

// Total is the number of annotations.
func (c Counts) Total() int { return c.Commitment + c.Request + c.Concern + c.Untagged }

// Plus returns the sum of c and o.
func (c Counts) Plus(o Counts) Counts {
	return Counts{
		Commitment: c.Commitment + o.Commitment, Request: c.Request + o.Request,
		Concern: c.Concern + o.Concern, Untagged: c.Untagged + o.Untagged,
		Orphans: c.Orphans + o.Orphans,
	}
}

func (c *Counts) add(t Tag, delta int) {
	switch t {
	case Commitment:
		c.Commitment += delta
	case Request:
		c.Request += delta
	case Concern:
		c.Concern += delta
	case "":
		c.Untagged += delta
	}
}

// NewSet returns an empty set for doc. now is the clock for created and
// modified times; nil means time.Now.
func NewSet(doc *Document, now func() time.Time) *Set {
	if now == nil {
		now = time.Now
	}
	return &Set{
		doc:      doc,
		now:      now,
		byID:     make(map[string]Annotation),
		byClause: make([][]Annotation, len(doc.Clauses)),
	}
}

// Document returns the set's document.
func (s *Set) Document() *Document { return s.doc }

// Len is the number of annotations, orphans included.
func (s *Set) Len() int { return len(s.byID) }

// Get returns the annotation with the given id.
func (s *Set) Get(id string) (Annotation, bool) {
	a, ok := s.byID[id]
	return a, ok
}

// Counts returns the number of annotations per tag.
func (s *Set) Counts() Counts { return s.counts }

// Create makes a new annotation on [start, end) of a clause (describing its
// quote from the text), with a new id and the clock's time, and adds it.
func (s *Set) Create(clause string, start, end int, tag Tag, note, author string) (Annotation, error) {
	sel, err := s.doc.Describe(clause, start, end)
	if err != nil {
		return Annotation{}, err
	}
	now := normTime(s.now())
	return s.Add(Annotation{
		ID: NewID(), Clause: clause, Start: start, End: end,
		Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix,
		Tag: tag, Note: note, Author: author, Created: now, Modified: now,
	})
}

// CreateWhole makes a new annotation on a whole clause.
func (s *Set) CreateWhole(clause string, tag Tag, note, author string) (Annotation, error) {
	_, end, _ := s.doc.Whole(clause)
	return s.Create(clause, 0, end, tag, note, author)
}

// Add adds a: it must be valid (Validate), new, and fit the document's text.
// Its Prefix and Suffix are described again from the text, its times
// normalised to UTC milliseconds, its Document set.
func (s *Set) Add(a Annotation) (Annotation, error) {
	a, err := s.check(a)
	if err != nil {
		return Annotation{}, err
	}
	if _, dup := s.byID[a.ID]; dup {
		return Annotation{}, &FieldError{Index: -1, ID: a.ID, Field: "id", Err: ErrDuplicateID}
	}
	s.insert(a)
	return a, nil
}

// check validates a for the set and returns it normalised.
func (s *Set) check(a Annotation) (Annotation, error) {
	if a.Document != "" && a.Document != s.doc.Symbol {
		return Annotation{}, &FieldError{Index: -1, ID: a.ID, Field: "document", Err: fmt.Errorf("%w: %q, the set is for %q", ErrInvalidValue, a.Document, s.doc.Symbol)}
	}
	a.Document = s.doc.Symbol
	a = a.normalized()
	if err := Validate(a); err != nil {
		return Annotation{}, err
	}
	if !s.doc.Fits(a) {
		return Annotation{}, s.fitError(a)
	}
	sel, _ := s.doc.Describe(a.Clause, a.Start, a.End)
	a.Prefix, a.Suffix = sel.Prefix, sel.Suffix
	return a, nil
}

func (s *Set) fitError(a Annotation) *FieldError {
	n := s.doc.ClauseLen(a.Clause)
	switch {
	case n < 0:
		return &FieldError{Index: -1, ID: a.ID, Field: "clause", Err: fmt.Errorf("%w: %q", ErrNoClause, a.Clause)}
	case a.End > n:
		return &FieldError{Index: -1, ID: a.ID, Field: "end", Err: fmt.Errorf("%w: %d, clause has %d code points", ErrOutOfRange, a.End, n)}
	}
	return &FieldError{Index: -1, ID: a.ID, Field: "exact", Err: ErrNotAnchored}
}

// Update replaces the annotation with a's id by a, keeping its Created time,
// and bumps Modified to the clock's time (at least one millisecond after the
// previous Modified). The range may change if the new one fits the text; an
// orphan whose range is left as it was stays an orphan. An annotation may
// also be taken out of the text: with an empty Clause (Start 0, End the
// length of Exact) it has no known position and stays so (a note on the
// document, see Load). An update that changes nothing returns the
// annotation as it was, Modified untouched.
func (s *Set) Update(a Annotation) (Annotation, error) {
	old, ok := s.byID[a.ID]
	if !ok {
		return Annotation{}, &FieldError{Index: -1, ID: a.ID, Field: "id", Err: ErrNotFound}
	}
	a.Document = s.doc.Symbol
	a.Created, a.Modified = old.Created, old.Modified
	sameRange := a.Clause == old.Clause && a.Start == old.Start && a.End == old.End && a.Exact == old.Exact
	if sameRange {
		a.Prefix, a.Suffix = old.Prefix, old.Suffix
	}
	if a.Equal(old) {
		return old, nil
	}
	now := normTime(s.now())
	if !now.After(old.Modified) {
		now = old.Modified.Add(time.Millisecond)
	}
	a.Modified = now
	if sameRange && !s.doc.Fits(old) || a.Clause == "" {
		// An orphan: its selectors stay as they were. Or an annotation
		// taken out of the text: it keeps them for its quote.
		if err := Validate(a); err != nil {
			return Annotation{}, err
		}
	} else {
		var err error
		if a, err = s.check(a); err != nil {
			return Annotation{}, err
		}
	}
	s.remove(old)
	s.insert(a)
	return a, nil
}

// Delete removes the annotation with the given id and returns it; Undo
// brings it back.
func (s *Set) Delete(id string) (Annotation, error) {
	a, ok := s.byID[id]
	if !ok {
		return Annotation{}, &FieldError{Index: -1, ID: id, Field: "id", Err: ErrNotFound}
	}
	s.remove(a)
	s.deleted = append(s.deleted, a)
	if len(s.deleted) > maxUndo {
		s.deleted = slices.Delete(s.deleted, 0, len(s.deleted)-maxUndo)
	}
	return a, nil
}

// Undo restores the most recently deleted annotation, as it was, and returns
// it; called again it restores the delete before (up to 100). It reports
// false when there is nothing to undo, or when an annotation with the same id
// was added since (that delete is then forgotten).
func (s *Set) Undo() (Annotation, bool) {
	for len(s.deleted) > 0 {
		a := s.deleted[len(s.deleted)-1]
		s.deleted = s.deleted[:len(s.deleted)-1]
		if _, exists := s.byID[a.ID]; exists {
			continue
		}
		s.insert(a)
		return a, true
	}
	return Annotation{}, false
}

// CanUndo reports whether Undo has a delete to restore.
func (s *Set) CanUndo() bool { return len(s.deleted) > 0 }

// ByClause returns the annotations anchored in a clause (not the orphans), by
// start, then end, then id: what Segments needs.
func (s *Set) ByClause(clause string) []Annotation {
	i := s.doc.Index(clause)
	if i < 0 {
		return []Annotation{}
	}
	return slices.Clone(s.byClause[i])
}

// ByTag returns the annotations with a tag in document order, orphans last;
// ByTag("") returns the untagged ones.
func (s *Set) ByTag(t Tag) []Annotation {
	out := make([]Annotation, 0, s.counts.Of(t))
	s.each(func(a Annotation) {
		if a.Tag == t {
			out = append(out, a)
		}
	})
	return out
}

// All returns every annotation in document order, orphans last.
func (s *Set) All() []Annotation {
	out := make([]Annotation, 0, len(s.byID))
	s.each(func(a Annotation) { out = append(out, a) })
	return out
}

// Orphans returns the annotations that do not fit the document's text, by
// id. They need review: re-attach one with Update, or delete it.
func (s *Set) Orphans() []Annotation { return slices.Clone(s.orphans) }

// IsOrphan reports whether the annotation with this id is an orphan. It
// looks the id up among the orphans (the panel asks it of every
// annotation at every render), without checking the text again.
func (s *Set) IsOrphan(id string) bool {
	_, found := slices.BinarySearchFunc(s.orphans, id, func(x Annotation, id string) int { return cmp.Compare(x.ID, id) })
	return found
}

func (s *Set) each(f func(Annotation)) {
	for _, as := range s.byClause {
		for _, a := range as {
			f(a)
		}
	}
	for _, a := range s.orphans {
		f(a)
	}
}

// Load fills an empty set with annotations read from a Store, all or
// nothing. Those that no longer fit the text (the document was revised) are
// re-anchored; those found elsewhere are returned, to be saved back; the
// others stay as orphans. An annotation without a clause has no known
// position on purpose (an orphan kept for review when a new version was
// carried, a note on the document, a W3C annotation that could not be
// anchored when it was imported): it is never re-anchored here, where its
// quote alone could attach it to text it never marked.
func (s *Set) Load(as []Annotation) (moved []Annotation, err error) {
	if len(s.byID) > 0 {
		return nil, fmt.Errorf("annotations: Load into a set that is not empty")
	}
	seen := make(map[string]bool, len(as))
	ready := make([]Annotation, len(as))
	for i, a := range as {
		if a.Document != "" && a.Document != s.doc.Symbol {
			return nil, &FieldError{Index: i, ID: a.ID, Field: "document", Err: fmt.Errorf("%w: %q", ErrInvalidValue, a.Document)}
		}
		a.Document = s.doc.Symbol
		a = a.normalized()
		if err := validate(a); err != nil {
			err.Index, err.ID = i, a.ID
			return nil, err
		}
		if seen[a.ID] {
			return nil, &FieldError{Index: i, ID: a.ID, Field: "id", Err: ErrDuplicateID}
		}
		seen[a.ID] = true
		if a.Clause != "" && !s.doc.Fits(a) {
			if b, m := s.doc.Reanchor(a); !m.Orphan() {
				a = b
				moved = append(moved, a)
			}
		}
		ready[i] = a
	}
	s.insertAll(ready)
	return moved, nil
}

// insertAll adds many annotations (already checked) to an empty set: each
// clause's list is appended to, then sorted once, rather than kept sorted
// one insertion at a time.
func (s *Set) insertAll(as []Annotation) {
	s.revision++
	if len(s.byID) == 0 {
		s.byID = make(map[string]Annotation, len(as)) // not grown step by step
	}
	touched := map[int]bool{}
	for _, a := range as {
		s.byID[a.ID] = a
		s.counts.add(a.Tag, 1)
		if i := s.doc.Index(a.Clause); i >= 0 && s.doc.Fits(a) {
			s.byClause[i] = append(s.byClause[i], a)
			touched[i] = true
			continue
		}
		s.counts.Orphans++
		s.orphans = append(s.orphans, a)
	}
	for i := range touched {
		slices.SortFunc(s.byClause[i], compareInClause)
	}
	slices.SortFunc(s.orphans, func(x, y Annotation) int { return cmp.Compare(x.ID, y.ID) })
}

// insert adds a (already checked) to the indexes.
func (s *Set) insert(a Annotation) {
	s.revision++
	s.byID[a.ID] = a
	s.counts.add(a.Tag, 1)
	if i := s.doc.Index(a.Clause); i >= 0 && s.doc.Fits(a) {
		as := s.byClause[i]
		pos, _ := slices.BinarySearchFunc(as, a, compareInClause)
		s.byClause[i] = slices.Insert(as, pos, a)
		return
	}
	s.counts.Orphans++
	pos, _ := slices.BinarySearchFunc(s.orphans, a, func(x, y Annotation) int { return cmp.Compare(x.ID, y.ID) })
	s.orphans = slices.Insert(s.orphans, pos, a)
}

// remove takes a out of the indexes.
func (s *Set) remove(a Annotation) {
	s.revision++
	delete(s.byID, a.ID)
	s.counts.add(a.Tag, -1)
	if i := s.doc.Index(a.Clause); i >= 0 && s.doc.Fits(a) {
		as := s.byClause[i]
		if pos, found := slices.BinarySearchFunc(as, a, compareInClause); found {
			s.byClause[i] = slices.Delete(as, pos, pos+1)
		}
		return
	}
	s.counts.Orphans--
	if pos, found := slices.BinarySearchFunc(s.orphans, a, func(x, y Annotation) int { return cmp.Compare(x.ID, y.ID) }); found {
		s.orphans = slices.Delete(s.orphans, pos, pos+1)
	}
}

// compareInClause orders the annotations of one clause.
func compareInClause(x, y Annotation) int {
	if c := cmp.Compare(x.Start, y.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(x.End, y.End); c != 0 {
		return c
	}
	return cmp.Compare(x.ID, y.ID)
}
