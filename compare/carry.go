package compare

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// Fate says what became of an annotation in the new version.
type Fate string

// The fates of an annotation, in the order the review counts them.
const (
	// Carried: its words are unchanged, in the clause of the same number
	// (its offsets may have shifted within the clause).
	Carried Fate = "carried"
	// Moved: its words are unchanged, in a clause of another number (the
	// clause was renumbered, moved, split or merged, or the words went to
	// another clause): "OP21 → OP22".
	Moved Fate = "moved"
	// Changed: its words changed; Carry.OldQuote and NewQuote give the
	// old and new wording.
	Changed Fate = "changed"
	// Orphan: its clause or its words are gone, or nothing strong enough
	// was found; the annotation is kept as it was, for review.
	Orphan Fate = "orphan"
)

// How an annotation was carried (Carry.By), besides the anchoring methods
// of package annotations (annotations.ByPosition, ByQuote, ByFuzzy).
const (
	// ByDiff: through the clause matching and the word diff of its clause.
	ByDiff = "diff"
)

// Carry is what became of one annotation.
type Carry struct {
	// Old is the annotation on the old version, as given.
	Old annotations.Annotation
	// New is the annotation on the new version: moved to the place found,
	// with selectors described from the new text; for an orphan, Old
	// unchanged.
	New  annotations.Annotation
	Fate Fate
	// Exact is true when it was carried with the same clause id and
	// offsets (the text there unchanged).
	Exact bool
	// By says how it was found: ByDiff, or an annotations.Method for the
	// anchoring of package annotations; "" for an orphan.
	By string
	// OldLabel and NewLabel are the labels of its clause in each version
	// ("OP21", "OP22"); NewLabel is "" for an orphan, OldLabel "" when its
	// clause was not in the old version.
	OldLabel, NewLabel string
	// OldQuote and NewQuote are the marked words before and after
	// (NewQuote "" for an orphan).
	OldQuote, NewQuote string
	// Diff is the word diff of OldQuote against NewQuote when Changed.
	Diff []Op
	// Reason says why an orphan is one.
	Reason string
}

// Review is what became of the annotations of the old version when the new
// version was opened.
type Review struct {
	// Items are the annotations in the order of the old version (clause,
	// then start, end, id).
	Items []Carry
}

// ReviewCounts count the annotations of a review by fate; Exact counts the
// carried ones whose clause id and offsets did not change.
type ReviewCounts struct {
	Carried, Moved, Changed, Orphans int
	Exact                            int
}

// Counts returns the counts of the review.
func (r *Review) Counts() ReviewCounts {
	var k ReviewCounts
	for _, it := range r.Items {
		switch it.Fate {
		case Carried:
			k.Carried++
		case Moved:
			k.Moved++
		case Changed:
			k.Changed++
		case Orphan:
			k.Orphans++
		}
		if it.Exact {
			k.Exact++
		}
	}
	return k
}

// Summary returns the counts as the review shows them first: "41 carried,
// 6 moved, 3 changed, 2 orphans".
func (r *Review) Summary() string {
	k := r.Counts()
	orphans := "orphans"
	if k.Orphans == 1 {
		orphans = "orphan"
	}
	return fmt.Sprintf("%d carried, %d moved, %d changed, %d %s", k.Carried, k.Moved, k.Changed, k.Orphans, orphans)
}

// Of returns the items of one fate, in order.
func (r *Review) Of(f Fate) []Carry {
	var out []Carry
	for _, it := range r.Items {
		if it.Fate == f {
			out = append(out, it)
		}
	}
	return out
}

// Annotations returns the annotations for the new version, in the order of
// Items: each Carry's New. Orphans are returned as they were, on their old
// clause and offsets; the caller keeps them for review (see the package
// documentation: they must not be re-anchored by quote alone).
func (r *Review) Annotations() []annotations.Annotation {
	out := make([]annotations.Annotation, len(r.Items))
	for i, it := range r.Items {
		out[i] = it.New
	}
	return out
}

// ErrMismatch is wrapped by Carry's error when an annotations.Document does
// not hold the text of the version it stands for.
var ErrMismatch = errors.New("compare: annotation document does not match the compared version")

// MinInserted is the least share of the text a fallback anchoring finds
// (package annotations' quote and fuzzy search, for an annotation whose
// clause or words are gone) that must be new in this version: text that was
// already there, elsewhere, is another place the delegate did not mark, and
// an annotation is never moved onto it.
const MinInserted = 0.5

// Carry re-anchors annotations made on the old version on the new one (see
// the package documentation for the steps). oldDoc and newDoc are the
// annotation documents of the two versions compared (what
// app.AnnotationDocument makes of them): their clauses must be those of
// c.Old and c.New, with the same ids and texts.
func (c *Comparison) Carry(oldDoc, newDoc *annotations.Document, as []annotations.Annotation) (*Review, error) {
	if oldDoc == nil || newDoc == nil {
		return nil, fmt.Errorf("%w: no document", ErrMismatch)
	}
	if err := sameClauses(c.Old, oldDoc, "old"); err != nil {
		return nil, err
	}
	if err := sameClauses(c.New, newDoc, "new"); err != nil {
		return nil, err
	}
	r := &Review{Items: make([]Carry, 0, len(as))}
	for _, a := range as {
		r.Items = append(r.Items, c.carry(oldDoc, newDoc, a))
	}
	slices.SortStableFunc(r.Items, func(x, y Carry) int {
		if d := cmp.Compare(oldDoc.Index(x.Old.Clause), oldDoc.Index(y.Old.Clause)); d != 0 {
			return d
		}
		if d := cmp.Compare(x.Old.Start, y.Old.Start); d != 0 {
			return d
		}
		if d := cmp.Compare(x.Old.End, y.Old.End); d != 0 {
			return d
		}
		return cmp.Compare(x.Old.ID, y.Old.ID)
	})
	return r, nil
}

func sameClauses(d *resolution.Document, ad *annotations.Document, which string) error {
	// Not d.Clauses, which a document made by hand with a nil clause
	// would make panic.
	items := flatten(d).items
	if len(items) != len(ad.Clauses) {
		return fmt.Errorf("%w: the %s version has %d clauses, its annotation document %d", ErrMismatch, which, len(items), len(ad.Clauses))
	}
	for i, it := range items {
		if cl, a := it.c, ad.Clauses[i]; a.ID != cl.ID || a.Text != cl.Text {
			return fmt.Errorf("%w: clause %d of the %s version is %s, its annotation document has %s or another text", ErrMismatch, i+1, which, cl.ID, a.ID)
		}
	}
	return nil
}

// carry re-anchors one annotation.
func (c *Comparison) carry(oldDoc, newDoc *annotations.Document, a annotations.Annotation) Carry {
	it := Carry{Old: a, New: a, Fate: Orphan, OldQuote: a.Exact, OldLabel: oldDoc.Label(a.Clause)}
	m := c.byOld[a.Clause]
	home := ""
	switch {
	case !oldDoc.Fits(a):
		it.Reason = "its text was not in the old version"
	case m == nil:
		it.Reason = "its clause was not in the old version"
	case len(m.New) == 0:
		it.Reason = "its clause was deleted"
	default:
		ci := slices.IndexFunc(m.Old, func(cl *resolution.Clause) bool { return cl.ID == a.Clause })
		nc, s, e, ok := m.mapSpan(ci, a.Start, a.End, a.WholeClause())
		if ok {
			return c.place(newDoc, it, nc.ID, s, e, ByDiff)
		}
		it.Reason = "its words were deleted"
		home = m.New[0].ID
	}
	return c.fallback(newDoc, it, home)
}

// fallback anchors the annotation with package annotations (its quote, then
// a fuzzy match above annotations.MinSimilarity) in the new version, home
// being the new clause its own clause became ("" if none), and takes the
// place found only if most of its text is new (MinInserted).
func (c *Comparison) fallback(newDoc *annotations.Document, it Carry, home string) Carry {
	sel := it.Old.Selectors()
	sel.Clause = home
	if !sel.HasPosition {
		return it
	}
	// A place is taken only if at least MinInserted of it is new text,
	// and a place found is at least annotations.MinSimilarity of the
	// quote's length: unless some clause has that much new text, nothing
	// found could be taken, and the search (the costly part of carrying:
	// a fuzzy search of the whole text) is spared.
	if float64(c.mostInserted)+1e-9 < MinInserted*annotations.MinSimilarity*float64(runeLen(it.Old.Exact)) {
		return it
	}
	found := newDoc.Anchor(sel)
	if found.Orphan() {
		return it
	}
	m := c.byNew[found.Clause]
	if m == nil {
		return it
	}
	if m.insertedShare(found.Clause, found.Start, found.End) < MinInserted {
		it.Reason += "; its words are found only where they already were before"
		return it
	}
	return c.place(newDoc, it, found.Clause, found.Start, found.End, string(found.Method))
}

// place puts the annotation at [s, e) of new clause id and decides its fate.
func (c *Comparison) place(newDoc *annotations.Document, it Carry, id string, s, e int, by string) Carry {
	sel, err := newDoc.Describe(id, s, e)
	if err != nil { // cannot happen: the span was found in the clause
		it.Reason = "its new place is not valid: " + err.Error()
		return it
	}
	a := it.Old
	a.Clause, a.Start, a.End = id, s, e
	a.Exact, a.Prefix, a.Suffix = sel.Exact, sel.Prefix, sel.Suffix
	it.New, it.By, it.Reason = a, by, ""
	it.NewLabel, it.NewQuote = newDoc.Label(id), sel.Exact
	switch {
	case sel.Exact != it.Old.Exact:
		it.Fate = Changed
		it.Diff = WordDiff(it.Old.Exact, sel.Exact)
	case id == it.Old.Clause:
		it.Fate = Carried
		it.Exact = s == it.Old.Start && e == it.Old.End
	default:
		it.Fate = Moved
	}
	return it
}

// seg is one token of an edit script, in code points of the joined texts.
type seg struct {
	kind           OpKind
	os, oe, ns, ne int
	brk            bool // the token is a clause break
	space          bool // the token is white space
}

// segsOf lays the chunks of a token diff out as segs.
func segsOf(cs []chunk) []seg {
	var out []seg
	o, n := 0, 0
	for _, c := range cs {
		if c.equal {
			for k, t := range c.old {
				l := t.end - t.start
				out = append(out, seg{kind: Equal, os: o, oe: o + l, ns: n, ne: n + l, brk: t.kind == brk || c.new[k].kind == brk, space: t.kind == space})
				o += l
				n += l
			}
			continue
		}
		for _, t := range c.old {
			l := t.end - t.start
			out = append(out, seg{kind: Delete, os: o, oe: o + l, ns: n, ne: n, brk: t.kind == brk})
			o += l
		}
		for _, t := range c.new {
			l := t.end - t.start
			out = append(out, seg{kind: Insert, os: o, oe: o, ns: n, ne: n + l, brk: t.kind == brk})
			n += l
		}
	}
	return out
}

// joinedOffset is offset off of clause ci in the texts of cs joined by line
// feeds.
func joinedOffset(cs []*resolution.Clause, ci, off int) int {
	for _, cl := range cs[:ci] {
		off += runeLen(cl.Text) + 1
	}
	return off
}

// mapSpan maps [s, e) of old clause m.Old[ci] to the new version (see the
// package documentation): a boundary in unchanged text keeps its place in
// it; a boundary in deleted text goes to the edge of the change, so that the
// words that replaced the marked ones are marked, except that a change
// holding the break between two merged clauses is not taken into the clause
// on the other side of the break. A whole-clause span of a one-to-one match
// is the whole new clause. A span that comes to lie across a clause break
// (a split) goes to the new clause that keeps most of its words, over the
// words kept there (all of that clause for a whole-clause span). It reports
// false when nothing is left.
func (m *Match) mapSpan(ci, s, e int, whole bool) (*resolution.Clause, int, int, bool) {
	if ci < 0 || len(m.New) == 0 {
		return nil, 0, 0, false
	}
	if len(m.Old) == 1 && len(m.New) == 1 && (whole || m.segs == nil) {
		n := runeLen(m.New[0].Text)
		if whole {
			return m.New[0], 0, n, n > 0
		}
		return m.New[0], s, e, e <= n // unchanged text: the same offsets
	}
	segs := m.segs
	os, oe := joinedOffset(m.Old, ci, s), joinedOffset(m.Old, ci, e)
	// region returns the change around seg k and whether the old text of
	// the change holds a clause break before (dir < 0) or after k.
	region := func(k, dir int) (first, last int, breakThere bool) {
		first, last = k, k
		for first > 0 && segs[first-1].kind != Equal {
			first--
		}
		for last+1 < len(segs) && segs[last+1].kind != Equal {
			last++
		}
		for x := first; x <= last; x++ {
			if segs[x].kind == Delete && segs[x].brk && (dir < 0 && x < k || dir > 0 && x > k) {
				breakThere = true
			}
		}
		return first, last, breakThere
	}
	ns, ne := -1, -1
	type kept struct{ s, e int }
	var keep []kept
	for k, g := range segs {
		if g.kind == Insert || g.oe <= os || g.os >= oe {
			continue
		}
		if g.kind == Equal && !g.space {
			keep = append(keep, kept{g.ns + max(os, g.os) - g.os, g.ns + min(oe, g.oe) - g.os})
		}
		if ns < 0 {
			if g.kind == Equal {
				ns = g.ns + (max(os, g.os) - g.os)
			} else if first, last, brk := region(k, -1); brk {
				ns = segs[last].ne
			} else {
				ns = segs[first].ns
			}
		}
		if g.os < oe && oe <= g.oe {
			if g.kind == Equal {
				ne = g.ns + (oe - g.os)
			} else if first, last, brk := region(k, +1); brk {
				ne = segs[first].ns
			} else {
				ne = segs[last].ne
			}
		}
	}
	if ns < 0 || ne <= ns {
		return nil, 0, 0, false
	}
	// Back to clauses: [ns, ne) in one new clause, or across several.
	starts := make([]int, len(m.New)+1)
	for k, cl := range m.New {
		starts[k+1] = starts[k] + runeLen(cl.Text) + 1
	}
	clauseAt := func(off int) int {
		k := 0
		for k+1 < len(m.New) && starts[k+1] <= off {
			k++
		}
		return k
	}
	if a, b := clauseAt(ns), clauseAt(ne-1); a == b {
		return m.New[a], ns - starts[a], min(ne, starts[a+1]-1) - starts[a], true
	}
	best, bestKept := -1, 0
	for k := range m.New {
		n := 0
		for _, r := range keep {
			n += max(0, min(r.e, starts[k+1]-1)-max(r.s, starts[k]))
		}
		if n > bestKept {
			best, bestKept = k, n
		}
	}
	if best >= 0 && whole {
		return m.New[best], 0, runeLen(m.New[best].Text), true
	}
	if best >= 0 {
		lo, hi := -1, -1
		for _, r := range keep {
			a, b := max(r.s, starts[best]), min(r.e, starts[best+1]-1)
			if a < b {
				if lo < 0 {
					lo = a
				}
				hi = b
			}
		}
		return trimmed(m.New[best], lo-starts[best], hi-starts[best])
	}
	// Nothing kept: the largest part.
	for k := range m.New {
		if n := min(ne, starts[k+1]-1) - max(ns, starts[k]); n > bestKept {
			best, bestKept = k, n
		}
	}
	if best < 0 {
		return nil, 0, 0, false
	}
	return trimmed(m.New[best], max(ns, starts[best])-starts[best], min(ne, starts[best+1]-1)-starts[best])
}

// trimmed is [s, e) of clause cl without white space at its ends.
func trimmed(cl *resolution.Clause, s, e int) (*resolution.Clause, int, int, bool) {
	rs := []rune(cl.Text)
	for s < e && rs[s] == ' ' {
		s++
	}
	for e > s && rs[e-1] == ' ' {
		e--
	}
	return cl, s, e, e > s
}

// insertedShare is the share of [s, e) of new clause id that is new in this
// version (inserted by the word diff, or all of an inserted clause).
func (m *Match) insertedShare(id string, s, e int) float64 {
	if len(m.Old) == 0 {
		return 1
	}
	if m.segs == nil || e <= s {
		return 0
	}
	ci := slices.IndexFunc(m.New, func(cl *resolution.Clause) bool { return cl.ID == id })
	if ci < 0 {
		return 0
	}
	ns, ne := joinedOffset(m.New, ci, s), joinedOffset(m.New, ci, e)
	inserted := 0
	for _, g := range m.segs {
		if g.kind == Insert {
			inserted += max(0, min(ne, g.ne)-max(ns, g.ns))
		}
	}
	return float64(inserted) / float64(ne-ns)
}
