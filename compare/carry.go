package compare

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

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
	cs := d.Clauses()
	if len(cs) != len(ad.Clauses) {
		return fmt.Errorf("%w: the %s version has %d clauses, its annotation document %d", ErrMismatch, which, len(cs), len(ad.Clauses))
	}
	for i, cl := range cs {
		if a := ad.Clauses[i]; a.ID != cl.ID || a.Text != cl.Text {
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

// seg is an op in the coordinates of the joined texts (code points).
type seg struct {
	kind           OpKind
	os, oe, ns, ne int
}

func segments(ops []Op) []seg {
	out := make([]seg, 0, len(ops))
	o, n := 0, 0
	for _, op := range ops {
		l := runeLen(op.Text)
		s := seg{kind: op.Kind, os: o, oe: o, ns: n, ne: n}
		if op.Kind != Insert {
			s.oe += l
			o += l
		}
		if op.Kind != Delete {
			s.ne += l
			n += l
		}
		out = append(out, s)
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

// mapSpan maps [s, e) of old clause m.Old[ci] to the new version: a
// boundary in unchanged text keeps its place in it; a boundary in deleted
// text goes to the edge of the change (so that the words that replaced the
// marked ones are marked). A whole-clause span of a one-to-one match is the
// whole new clause. A span that comes to lie across a clause break (a split)
// keeps its largest part. It reports false when nothing is left.
func (m *Match) mapSpan(ci, s, e int, whole bool) (*resolution.Clause, int, int, bool) {
	if ci < 0 || len(m.New) == 0 {
		return nil, 0, 0, false
	}
	if len(m.Old) == 1 && len(m.New) == 1 && (whole || m.shortest == nil) {
		n := runeLen(m.New[0].Text)
		if whole {
			return m.New[0], 0, n, n > 0
		}
		return m.New[0], s, e, e <= n // unchanged text: the same offsets
	}
	segs := segments(m.shortest)
	os, oe := joinedOffset(m.Old, ci, s), joinedOffset(m.Old, ci, e)
	ns, ne := -1, -1
	for k, g := range segs {
		if g.kind == Insert {
			continue
		}
		if g.os <= os && os < g.oe && ns < 0 {
			if g.kind == Equal {
				ns = g.ns + (os - g.os)
			} else {
				first := k
				for first > 0 && segs[first-1].kind != Equal {
					first--
				}
				ns = segs[first].ns
			}
		}
		if g.os < oe && oe <= g.oe {
			if g.kind == Equal {
				ne = g.ns + (oe - g.os)
			} else {
				last := k
				for last+1 < len(segs) && segs[last+1].kind != Equal {
					last++
				}
				ne = segs[last].ne
			}
			break
		}
	}
	if ns < 0 || ne <= ns {
		return nil, 0, 0, false
	}
	// Back to a clause: the part of [ns, ne) in each new clause.
	best, bs, be, clipped := -1, 0, 0, false
	at := 0
	for k, cl := range m.New {
		n := runeLen(cl.Text)
		lo, hi := max(ns, at), min(ne, at+n)
		if hi-lo > be-bs {
			best, bs, be = k, lo-at, hi-at
			clipped = lo != ns || hi != ne
		}
		at += n + 1
	}
	if best < 0 {
		return nil, 0, 0, false
	}
	if clipped {
		// White space at the cut is no part of the words marked.
		rs := []rune(m.New[best].Text)
		for bs < be && rs[bs] == ' ' {
			bs++
		}
		for be > bs && rs[be-1] == ' ' {
			be--
		}
	}
	return m.New[best], bs, be, be > bs
}

// insertedShare is the share of [s, e) of new clause id that is new in this
// version (inserted by the word diff, or all of an inserted clause).
func (m *Match) insertedShare(id string, s, e int) float64 {
	if len(m.Old) == 0 {
		return 1
	}
	if m.shortest == nil || e <= s {
		return 0
	}
	ci := slices.IndexFunc(m.New, func(cl *resolution.Clause) bool { return cl.ID == id })
	if ci < 0 {
		return 0
	}
	ns, ne := joinedOffset(m.New, ci, s), joinedOffset(m.New, ci, e)
	inserted := 0
	for _, g := range segments(m.shortest) {
		if g.kind == Insert {
			inserted += max(0, min(ne, g.ne)-max(ns, g.ns))
		}
	}
	return float64(inserted) / float64(ne-ns)
}

// quoteLabel is "OP21" or "?" for an annotation without a known clause.
func quoteLabel(l string) string {
	if strings.TrimSpace(l) == "" {
		return "?"
	}
	return l
}
