package library

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/resolution"
)

// Revising a document: a new text becomes its current version, and the
// annotations of the version before are carried onto it once, there and
// then (package compare), with a Review of what became of them kept in the
// new Version, so that the delegate can go through it, also after a
// reload.

// Review is what became of the annotations of the version before when a
// version was added: the counts the review shows first, and the
// annotations the delegate should look at (moved, changed, orphans), with
// what they decided of each.
type Review struct {
	// From is the number of the version the annotations were carried
	// from.
	From int `json:"from"`
	// Carried counts the annotations carried with their words unchanged,
	// in the clause of the same number; Exact counts those of them at the
	// same offsets too. They need no review and are not listed.
	Carried int `json:"carried"`
	Exact   int `json:"exact"`
	// Items are the others: the moved, changed and orphaned annotations
	// of this round, in the order of version From, then the items still
	// to review and the notes on the document of the review before
	// (Version set).
	Items []ReviewItem `json:"items"`
}

// Fate is what became of an annotation: compare.Moved, compare.Changed or
// compare.Orphan (the carried ones are only counted).
type Fate = compare.Fate

// ReviewItem is one annotation of a Review.
type ReviewItem struct {
	// ID is the annotation's.
	ID   string `json:"id"`
	Fate Fate   `json:"fate"`
	// OldClause and OldLabel are its clause in the version it was carried
	// from ("op21", "OP21"); NewClause and NewLabel its clause now (""
	// for an orphan).
	OldClause string `json:"oldClause,omitempty"`
	OldLabel  string `json:"oldLabel,omitempty"`
	NewClause string `json:"newClause,omitempty"`
	NewLabel  string `json:"newLabel,omitempty"`
	// OldQuote and NewQuote are the words it marked and marks ("" for an
	// orphan).
	OldQuote string `json:"oldQuote"`
	NewQuote string `json:"newQuote,omitempty"`
	// Reason says why an orphan is one.
	Reason string `json:"reason,omitempty"`
	// Outcome is what the delegate decided; "" while it is to review.
	Outcome Outcome `json:"outcome,omitempty"`
	// Version is the number of the version OldClause and OldLabel are of,
	// for an item brought from an earlier review; 0 for this round's
	// (they are of version From).
	Version int `json:"version,omitempty"`
}

// Outcome is what the delegate decided of an annotation under review.
type Outcome string

// The outcomes of a ReviewItem.
const (
	// Accepted: it is right where it was carried.
	Accepted Outcome = "accepted"
	// Reattached: the delegate placed it on other words.
	Reattached Outcome = "reattached"
	// KeptAsNote: it is kept as a note on the document, with no place in
	// the text (its annotation has no clause).
	KeptAsNote Outcome = "note"
)

func validOutcome(o Outcome) bool {
	switch o {
	case "", Accepted, Reattached, KeptAsNote:
		return true
	}
	return false
}

// Counts returns the counts of this round (items brought from an earlier
// review not counted), as compare.Review.Counts gives them.
func (r *Review) Counts() compare.ReviewCounts {
	k := compare.ReviewCounts{Carried: r.Carried, Exact: r.Exact}
	for _, it := range r.Items {
		if it.Version != 0 {
			continue
		}
		switch it.Fate {
		case compare.Moved:
			k.Moved++
		case compare.Changed:
			k.Changed++
		case compare.Orphan:
			k.Orphans++
		}
	}
	return k
}

// Summary returns the counts as the review shows them first: "41
// carried, 6 moved, 3 changed, 2 orphans" (compare.Review.Summary).
func (r *Review) Summary() string {
	k := r.Counts()
	orphans := "orphans"
	if k.Orphans == 1 {
		orphans = "orphan"
	}
	return fmt.Sprintf("%d carried, %d moved, %d changed, %d %s", k.Carried, k.Moved, k.Changed, k.Orphans, orphans)
}

// Pending returns the items still to review, in order.
func (r *Review) Pending() []ReviewItem {
	var out []ReviewItem
	for _, it := range r.Items {
		if it.Outcome == "" {
			out = append(out, it)
		}
	}
	return out
}

// Item returns the item of an annotation, and whether there is one.
func (r *Review) Item(id string) (ReviewItem, bool) {
	for _, it := range r.Items {
		if it.ID == id {
			return it, true
		}
	}
	return ReviewItem{}, false
}

func (r *Review) validate(number int) error {
	if r.From < 1 || r.From >= number {
		return fmt.Errorf("%w: version %d: its review is of version %d", ErrInvalid, number, r.From)
	}
	if r.Carried < 0 || r.Exact < 0 || r.Exact > r.Carried {
		return fmt.Errorf("%w: version %d: review counts %d carried, %d exact", ErrInvalid, number, r.Carried, r.Exact)
	}
	seen := map[string]bool{}
	for _, it := range r.Items {
		switch {
		case it.ID == "" || seen[it.ID]:
			return fmt.Errorf("%w: version %d: a review item with no id or twice %q", ErrInvalid, number, it.ID)
		case it.Fate != compare.Moved && it.Fate != compare.Changed && it.Fate != compare.Orphan:
			return fmt.Errorf("%w: version %d: review item %s: fate %q", ErrInvalid, number, it.ID, it.Fate)
		case !validOutcome(it.Outcome):
			return fmt.Errorf("%w: version %d: review item %s: outcome %q", ErrInvalid, number, it.ID, it.Outcome)
		case it.Version < 0 || it.Version >= number:
			return fmt.Errorf("%w: version %d: review item %s is of version %d", ErrInvalid, number, it.ID, it.Version)
		}
		seen[it.ID] = true
	}
	return nil
}

// Review returns the review of the current version: what became of the
// annotations when it was added (nil for a first version, or one added
// before reviews were kept).
func (d *Document) Review() *Review {
	if len(d.Versions) == 0 {
		return nil
	}
	return d.Versions[len(d.Versions)-1].Review
}

// Decide records the delegate's outcome of an annotation in the review of
// the current version; ErrNotFound if it is not there.
func (d *Document) Decide(id string, o Outcome) error {
	r := d.Review()
	if !validOutcome(o) {
		return fmt.Errorf("%w: outcome %q", ErrInvalid, o)
	}
	if r != nil {
		for i := range r.Items {
			if r.Items[i].ID == id {
				r.Items[i].Outcome = o
				return nil
			}
		}
	}
	return fmt.Errorf("annotation %s is not under review in %q: %w", id, d.ID, ErrNotFound)
}

// RenameVersion sets the name of version n (1 for the first): spaces
// collapsed, at most MaxNameLength code points; "" gives it its default
// name back (its symbol, or "Version n").
func (d *Document) RenameVersion(n int, name string) error {
	if n < 1 || n > len(d.Versions) {
		return fmt.Errorf("%q has no version %d: %w", d.ID, n, ErrNotFound)
	}
	name, err := cleanName(name)
	if err != nil {
		return err
	}
	v := &d.Versions[n-1]
	if name == "" {
		name = defaultVersionName(v.Symbol, n)
	}
	v.Name = name
	return nil
}

// Revision is a new version of a document with the document's annotations
// carried onto it (see Revise): what the library writes in one transaction
// (Store.Write with the Batch that Batch returns).
type Revision struct {
	// ID is the document's.
	ID string
	// Version is the new version, its Review set; AddVersion numbers it.
	Version Version
	// Annotations are the annotations to write: those carried to another
	// place, and the orphans, taken out of the text (no clause). Those
	// carried at the same offsets are left as they are.
	Annotations []annotations.Annotation
	// All are every annotation of the document as they are on the new
	// version (for its summary).
	All []annotations.Annotation
	// Comparison and Carried are what package compare found.
	Comparison *compare.Comparison
	Carried    *compare.Review
}

// ErrChanged says a document changed while a new version of it was being
// made: a version was added meanwhile (Revise again).
var ErrChanged = errors.New("the document changed meanwhile")

// Revise makes the text next (parsed) the new current version v of d and
// carries as, the document's annotations as stored, onto it:
//
//   - the current text and next are compared and the annotations carried
//     (compare.Compare, Comparison.Carry: offsets mapped through the word
//     diff of their clause, else their quote, then a fuzzy match above the
//     threshold, in the text that is new; else an orphan);
//   - an orphan is taken out of the text: its Clause is emptied (Start 0,
//     End the length of its quote), so that nothing — not
//     annotations.Set.Load's re-anchoring — ever attaches it to a weak
//     match; its old clause and label are kept in the review;
//   - annotations without a clause (orphans of an earlier round, notes on
//     the document) are not carried: they stay as they are, and the items
//     of the review before still to review, and its notes, are brought
//     into the new one;
//   - re-anchoring is not an edit: the carried annotations keep their
//     Modified time (what Batch's IfUnchanged checks).
//
// It reports ok false, and does nothing, when next is the current text
// (the same TextSHA256).
func Revise(d Document, v Version, next *resolution.Document, as []annotations.Annotation) (rev *Revision, ok bool, err error) {
	return ReviseStepwise(d, v, next, as, nil)
}

// carryStep is how many annotations ReviseStepwise carries between two
// pauses: carrying one whose words are gone searches the whole text
// (package annotations' fuzzy search, some tens of milliseconds at most).
const carryStep = 16

// ReviseStepwise is Revise, carrying the annotations a few at a time and
// calling pause (if not nil) after each few with how many are done, of
// how many: in the browser, where the Go program runs on the page's one
// thread, pause lets the page paint and take input (and say how far
// carrying is) while a long document's annotations are carried.
func ReviseStepwise(d Document, v Version, next *resolution.Document, as []annotations.Annotation, pause func(done, total int)) (rev *Revision, ok bool, err error) {
	cur := d.Current()
	if cur.TextSHA256 == v.TextSHA256 {
		return nil, false, nil
	}
	prev, err := d.Parse()
	if err != nil {
		return nil, false, fmt.Errorf("the current text of %s cannot be read: %w", d.ID, err)
	}
	oldDoc, err := AnnotationDocument(prev, d.Symbol)
	if err != nil {
		return nil, false, err
	}
	newDoc, err := AnnotationDocument(next, d.Symbol)
	if err != nil {
		return nil, false, err
	}
	c, err := compare.Compare(prev, next)
	if err != nil {
		return nil, false, err
	}
	var placed, held []annotations.Annotation
	for _, a := range as {
		if a.Document != "" && a.Document != d.Symbol {
			continue
		}
		if a.Clause == "" {
			held = append(held, a)
		} else {
			placed = append(placed, a)
		}
	}
	carried := &compare.Review{Items: make([]compare.Carry, 0, len(placed))}
	for i := 0; i < len(placed) || i == 0; i += carryStep {
		part, err := c.Carry(oldDoc, newDoc, placed[i:min(i+carryStep, len(placed))])
		if err != nil {
			return nil, false, err
		}
		carried.Items = append(carried.Items, part.Items...)
		if pause != nil {
			pause(min(i+carryStep, len(placed)), len(placed))
		}
	}
	// In the order of the old version, as Carry gives them.
	slices.SortStableFunc(carried.Items, func(x, y compare.Carry) int {
		return cmp.Or(
			cmp.Compare(oldDoc.Index(x.Old.Clause), oldDoc.Index(y.Old.Clause)),
			cmp.Compare(x.Old.Start, y.Old.Start),
			cmp.Compare(x.Old.End, y.Old.End),
			cmp.Compare(x.Old.ID, y.Old.ID),
		)
	})
	review := &Review{From: cur.Number, Items: []ReviewItem{}}
	rev = &Revision{ID: d.ID, Comparison: c, Carried: carried}
	for _, it := range carried.Items {
		a := it.New
		if it.Fate == compare.Orphan {
			a = detached(it.Old)
		}
		if !a.Equal(it.Old) {
			rev.Annotations = append(rev.Annotations, a)
		}
		rev.All = append(rev.All, a)
		if it.Fate == compare.Carried {
			review.Carried++
			if it.Exact {
				review.Exact++
			}
			continue
		}
		item := ReviewItem{
			ID: it.Old.ID, Fate: it.Fate,
			OldClause: it.Old.Clause, OldLabel: it.OldLabel,
			OldQuote: it.OldQuote, Reason: it.Reason,
		}
		if it.Fate != compare.Orphan {
			item.NewClause, item.NewLabel, item.NewQuote = it.New.Clause, it.NewLabel, it.NewQuote
		}
		review.Items = append(review.Items, item)
	}
	// What the review before left open, and its notes, come along.
	before := cur.Review
	for _, a := range held {
		rev.All = append(rev.All, a)
		if before == nil {
			continue
		}
		it, ok := before.Item(a.ID)
		if !ok || !(it.Outcome == "" && it.Fate == compare.Orphan || it.Outcome == KeptAsNote) {
			continue
		}
		if it.Version == 0 {
			it.Version = before.From
		}
		review.Items = append(review.Items, it)
	}
	v.Review = review
	rev.Version = v
	return rev, true, nil
}

// detached is an orphan taken out of the text: no clause, its quote kept
// (Start 0, End its length, as annotations.Annotation says of an
// annotation with no known position).
func detached(a annotations.Annotation) annotations.Annotation {
	a.Clause, a.Start, a.End = "", 0, utf8.RuneCountInString(a.Exact)
	return a
}

// Batch is the writes of the revision, in one transaction: the new
// version added to the document (failing with ErrChanged if its current
// version is no longer the one carried from), its summary made again from
// the new text, and the annotations carried, each written only if it is
// stored as it was read (IfUnchanged: an edit made meanwhile, in another
// tab, fails the batch with annotations.ErrConflict, and nothing is
// written).
func (r *Revision) Batch(next *resolution.Document) Batch {
	return Batch{
		Updates: []Update{{ID: r.ID, Change: func(d *Document, s *Summary) error {
			if d.Current().Number != r.Version.Review.From {
				return fmt.Errorf("%s: version %d was added: %w", d.ID, len(d.Versions), ErrChanged)
			}
			added, err := d.AddVersion(r.Version)
			if err != nil {
				return err
			}
			if !added {
				return fmt.Errorf("%s: its current text is the new one already: %w", d.ID, ErrChanged)
			}
			fresh, err := NewSummary(*d, next, r.All)
			if err != nil {
				return err
			}
			*s = fresh
			return nil
		}}},
		Annotations: r.Annotations,
		IfUnchanged: true,
	}
}
