package library

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// EnsureBuiltin keeps the resolution that comes with the app (text, e.g.
// resolution.Seed()) in the library, at every start:
//
//   - when the library is empty (the first start, a database of an earlier
//     Clausemark, or the delegate removed every document), it adds it, with
//     the annotations saved for it already counted in its summary (a
//     database upgraded from version 1 or 2 keeps them under its symbol);
//   - when the built-in document is there, its current version is a
//     built-in text, and text is one it never had (a release that corrects
//     the text), text becomes its new current version, the earlier one
//     stays, and the annotations are carried onto it (Revise); a version
//     the delegate opened is never replaced by the built-in text;
//   - otherwise, and when the delegate removed it but kept other
//     documents, it does nothing.
//
// It returns the built-in document's id ("" when it is not in the
// library) and whether it wrote anything.
func EnsureBuiltin(st Store, text []byte, now time.Time) (id string, changed bool, err error) {
	parsed, err := resolution.Parse(text)
	if err != nil {
		return "", false, fmt.Errorf("the built-in resolution: %w", err)
	}
	summaries, err := st.Summaries()
	if err != nil {
		return "", false, err
	}
	for _, sum := range summaries {
		if sum.Builtin {
			changed, err := updateBuiltin(st, sum.ID, text, parsed, now)
			return sum.ID, changed, err
		}
	}
	if len(summaries) > 0 {
		return "", false, nil
	}
	d, err := NewDocument(string(text), parsed, SourceBuiltin, "", now)
	if err != nil {
		return "", false, err
	}
	as, err := st.List(d.Symbol)
	if err != nil {
		return "", false, err
	}
	s, err := NewSummary(d, parsed, as)
	if err != nil {
		return "", false, err
	}
	err = st.Write(Batch{Add: []Addition{{Document: d, Summary: s}}})
	if errors.Is(err, ErrExists) {
		return d.ID, false, nil // another tab added it meanwhile
	}
	if err != nil {
		return "", false, err
	}
	return d.ID, true, nil
}

// updateBuiltin makes text the current version of the built-in document
// id when it is a text the document never had and its current version is
// a built-in one: the annotations are carried onto it (Revise), as onto
// any new version. A version of the delegate's own (a revision they
// opened) is never replaced by the built-in text.
func updateBuiltin(st Store, id string, text []byte, parsed *resolution.Document, now time.Time) (bool, error) {
	hash := parsed.TextSHA256()
	for attempt := 0; attempt < 3; attempt++ {
		d, ok, err := st.Document(id)
		if err != nil || !ok {
			return false, err
		}
		if d.Current().Source != SourceBuiltin || slices.ContainsFunc(d.Versions, func(v Version) bool { return v.TextSHA256 == hash }) {
			return false, nil
		}
		v, err := NewVersion(string(text), parsed, SourceBuiltin, "", "Built-in text of "+now.UTC().Format("2 January 2006"), now)
		if err != nil {
			return false, err
		}
		as, err := st.List(d.Symbol)
		if err != nil {
			return false, err
		}
		rev, ok, err := Revise(d, v, parsed, as)
		if err != nil || !ok {
			return false, err
		}
		err = st.Write(rev.Batch(parsed))
		if errors.Is(err, ErrChanged) || errors.Is(err, annotations.ErrConflict) {
			continue // another tab did it, or changed the document, meanwhile
		}
		return err == nil, err
	}
	return false, nil
}
