package library

import (
	"errors"
	"fmt"
	"time"

	"github.com/clausemark/clausemark/resolution"
)

// EnsureBuiltin keeps the resolution that comes with the app (text, e.g.
// resolution.Seed()) in the library, at every start:
//
//   - when the library is empty (the first start, a database of an earlier
//     Clausemark, or the delegate removed every document), it adds it, with
//     the annotations saved for it already counted in its summary (a
//     database upgraded from version 1 or 2 keeps them under its symbol);
//   - when the built-in document is there but text differs from its
//     current version (a release that corrects the text), text becomes its
//     new current version, and the earlier one stays;
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

// errUnchanged stops an UpdateDocument that finds nothing to change.
var errUnchanged = errors.New("unchanged")

// updateBuiltin makes text the current version of the built-in document
// id, unless it is already.
func updateBuiltin(st Store, id string, text []byte, parsed *resolution.Document, now time.Time) (bool, error) {
	d, ok, err := st.Document(id)
	if err != nil || !ok {
		return false, err
	}
	hash := parsed.TextSHA256()
	if d.Current().TextSHA256 == hash {
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
	next := cloneDocument(d)
	if _, err := next.AddVersion(v); err != nil {
		return false, err
	}
	sum, err := NewSummary(next, parsed, as)
	if err != nil {
		return false, err
	}
	_, _, err = st.UpdateDocument(id, func(d *Document, s *Summary) error {
		if d.Current().TextSHA256 == hash {
			return errUnchanged // another tab did it meanwhile
		}
		if _, err := d.AddVersion(v); err != nil {
			return err
		}
		*s = sum
		return nil
	})
	if errors.Is(err, errUnchanged) {
		return false, nil
	}
	return err == nil, err
}
