package annotations

// Put adds a or replaces the annotation with its id, exactly as given: its
// times are kept (not bumped), and nothing goes on the undo stack. It is
// for copies that are already saved elsewhere — what another tab of the
// app wrote — not for the user's own edits (Add, Update). a must be valid;
// one that does not fit the text is kept as an orphan, as Load does.
func (s *Set) Put(a Annotation) (Annotation, error) {
	if a.Document != "" && a.Document != s.doc.Symbol {
		return Annotation{}, &FieldError{Index: -1, ID: a.ID, Field: "document", Err: ErrInvalidValue}
	}
	a.Document = s.doc.Symbol
	a = a.normalized()
	if err := Validate(a); err != nil {
		return Annotation{}, err
	}
	if old, ok := s.byID[a.ID]; ok {
		s.remove(old)
	}
	s.insert(a)
	return a, nil
}

// Remove takes the annotation with the given id out of the set, if it is
// there, without putting it on the undo stack: it was deleted elsewhere
// (another tab). It reports whether there was one.
func (s *Set) Remove(id string) (Annotation, bool) {
	a, ok := s.byID[id]
	if ok {
		s.remove(a)
	}
	return a, ok
}

// Each calls f for every annotation in document order, orphans last, until
// f returns false. Unlike All it copies nothing: f must not change the set.
func (s *Set) Each(f func(Annotation) bool) {
	for _, as := range s.byClause {
		for _, a := range as {
			if !f(a) {
				return
			}
		}
	}
	for _, a := range s.orphans {
		if !f(a) {
			return
		}
	}
}
