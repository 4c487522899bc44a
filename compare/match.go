package compare

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/clausemark/clausemark/resolution"
)

// Thresholds of clause matching (see the package documentation).
const (
	// MinClauseSimilarity is the lowest word similarity at which two
	// clauses of different text are the same clause revised: 2·L / (m+n)
	// for clauses of m and n words of which L are kept in order (a longest
	// common subsequence; case, punctuation and white space do not count).
	MinClauseSimilarity = 0.6
	// MinContainment is the lowest share of its words that a clause must
	// take, in order, from another to be a piece of it (a split) or to have
	// been folded into it (a merge).
	MinContainment = 0.6
	// maxCandidates is how many new clauses, those sharing the most word
	// pairs with it, an old clause is compared with.
	maxCandidates = 8
)

// Status says what became of a clause between two versions.
type Status string

// The statuses of a Match.
const (
	// ClauseUnchanged: the same text (it may have been renumbered or moved).
	ClauseUnchanged Status = "unchanged"
	// ClauseChanged: the same clause, its words changed.
	ClauseChanged Status = "changed"
	// ClauseInserted: a clause of the new version only.
	ClauseInserted Status = "inserted"
	// ClauseDeleted: a clause of the old version only.
	ClauseDeleted Status = "deleted"
	// ClauseSplit: one old clause became several new ones (Old has one clause,
	// New several).
	ClauseSplit Status = "split"
	// ClauseMerged: several old clauses became one (Old has several, New one).
	ClauseMerged Status = "merged"
)

// Match pairs the clauses of the old version with those of the new one that
// hold the same content: one with one (ClauseUnchanged, ClauseChanged), one
// with none (ClauseDeleted, ClauseInserted), one with several (ClauseSplit,
// ClauseMerged).
type Match struct {
	// Old and New are the clauses on each side, in document order; either
	// may be empty.
	Old []*resolution.Clause
	New []*resolution.Clause
	// Status says what became of the clause.
	Status Status
	// Moved is true when the clause changed its place relative to the
	// other clauses, not merely its number (see the package
	// documentation): a paragraph outside the longest run of paragraphs
	// that kept their order, a sub-paragraph that went to another
	// paragraph, or moved among its siblings, or with its paragraph.
	Moved bool
	// KindChanged is true when the kind of clause changed: a preambular
	// paragraph turned operative (or back), a sub-paragraph made a
	// paragraph of its own.
	KindChanged bool
	// Similarity is the word similarity of the old and new texts (see
	// MinClauseSimilarity): 1 when unchanged, 0 when inserted or deleted.
	Similarity float64
	// Diff is the word diff of the old texts (joined by line feeds)
	// against the new texts, for reading (WordDiff): spans count in the
	// clauses of Old and New.
	Diff []Op

	// segs are the token diff of the same texts without cleanup, tokens
	// that differ only in case taken as equal: what annotations are mapped
	// through; nil when unchanged.
	segs []seg
}

// Label names the clause as delegates do, with both numbers where it was
// renumbered or moved: "OP22 (was OP21)", "OP3, OP4 (was OP3)" for a split,
// "OP6(a) (was OP6(a), OP6(b))" for a merge, "OP8" for an inserted clause,
// "PP5" for a deleted one.
func (m *Match) Label() string {
	ol, nl := labels(m.Old), labels(m.New)
	switch {
	case len(m.New) == 0:
		return ol
	case len(m.Old) == 0 || ol == nl:
		return nl
	}
	return nl + " (was " + ol + ")"
}

// Renumbered reports whether the clause has another label in the new
// version (a clause inserted or deleted before it, a move, a split or
// merge).
func (m *Match) Renumbered() bool {
	return len(m.Old) > 0 && len(m.New) > 0 && labels(m.Old) != labels(m.New)
}

func labels(cs []*resolution.Clause) string {
	ls := make([]string, len(cs))
	for i, c := range cs {
		ls[i] = c.Label
	}
	return strings.Join(ls, ", ")
}

// OldText returns the old texts joined by line feeds: the text the Old spans
// of Diff count in, clause by clause.
func (m *Match) OldText() string { return joinTexts(m.Old) }

// NewText returns the new texts joined by line feeds.
func (m *Match) NewText() string { return joinTexts(m.New) }

func joinTexts(cs []*resolution.Clause) string {
	ts := make([]string, len(cs))
	for i, c := range cs {
		ts[i] = c.Text
	}
	return strings.Join(ts, "\n")
}

// Comparison is the result of comparing two versions of a resolution.
type Comparison struct {
	// Old and New are the versions compared.
	Old, New *resolution.Document
	// Matches cover every clause of both versions once: in the order of
	// the new version, each deleted clause right after the clause that
	// came before it in the old version.
	Matches []*Match

	byOld, byNew map[string]*Match
	// mostInserted is the most text (code points) the new version
	// inserted in any one clause: what bounds the places an annotation
	// whose words are gone can be carried to (see fallback).
	mostInserted int
}

// ErrNoDocument is returned by Compare when a version is missing.
var ErrNoDocument = errors.New("compare: no document")

// Compare matches the clauses of two versions of a resolution by their
// content, not their numbers, and diffs the words of each pair (see the
// package documentation for how).
func Compare(old, new *resolution.Document) (*Comparison, error) {
	if old == nil || new == nil {
		return nil, ErrNoDocument
	}
	o, n := flatten(old), flatten(new)
	in := make(interner)
	for _, s := range []*side{o, n} {
		for _, it := range s.items {
			it.words = in.wordKeys(it.c.Text)
		}
	}
	m := &matcher{o: o, n: n, in: in}
	m.groupOfOld = filled(len(o.items), -1)
	m.groupOfNew = filled(len(n.items), -1)
	m.identical()
	m.similar()
	m.splitsAndMerges()
	return m.result(old, new), nil
}

// Match returns the match that holds the clause with the given id of the
// old version, or nil.
func (c *Comparison) Match(oldID string) *Match { return c.byOld[oldID] }

// MatchNew returns the match that holds the clause with the given id of the
// new version, or nil.
func (c *Comparison) MatchNew(newID string) *Match { return c.byNew[newID] }

// ClauseCounts count the matches of a comparison by status; Moved,
// Renumbered and KindChanged count matches of any status.
type ClauseCounts struct {
	Unchanged, Changed, Inserted, Deleted, Split, Merged int
	Moved, Renumbered, KindChanged                       int
}

// Counts returns the counts of the comparison.
func (c *Comparison) Counts() ClauseCounts {
	var k ClauseCounts
	for _, m := range c.Matches {
		switch m.Status {
		case ClauseUnchanged:
			k.Unchanged++
		case ClauseChanged:
			k.Changed++
		case ClauseInserted:
			k.Inserted++
		case ClauseDeleted:
			k.Deleted++
		case ClauseSplit:
			k.Split++
		case ClauseMerged:
			k.Merged++
		}
		if m.Moved {
			k.Moved++
		}
		if m.Renumbered() {
			k.Renumbered++
		}
		if m.KindChanged {
			k.KindChanged++
		}
	}
	return k
}

// Summary says what changed in one line: "3 changed, 1 inserted, 1
// deleted, 2 moved, 1 split, 1 merged, 1 changed kind; 64 unchanged" (the
// parts that are zero left out; "no clause changed" when nothing did).
func (c *Comparison) Summary() string {
	k := c.Counts()
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{k.Changed, "changed"}, {k.Inserted, "inserted"}, {k.Deleted, "deleted"}, {k.Moved, "moved"}, {k.Split, "split"}, {k.Merged, "merged"}, {k.KindChanged, "changed kind"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	if len(parts) == 0 {
		return "no clause changed"
	}
	return strings.Join(parts, ", ") + fmt.Sprintf("; %d unchanged", k.Unchanged)
}

// side is one version, its clauses flattened in document order.
type side struct {
	items []*item
}

type item struct {
	c      *resolution.Clause
	index  int
	parent int // index of the parent clause, -1 for a paragraph
	words  []int
}

func flatten(d *resolution.Document) *side {
	s := &side{}
	var walk func(cs []*resolution.Clause, parent int)
	walk = func(cs []*resolution.Clause, parent int) {
		for _, c := range cs {
			if c == nil {
				continue
			}
			it := &item{c: c, index: len(s.items), parent: parent}
			s.items = append(s.items, it)
			walk(c.Children, it.index)
		}
	}
	walk(d.Preamble, -1)
	walk(d.Operative, -1)
	for _, a := range d.Annexes {
		if a != nil {
			walk(a.Paragraphs, -1)
		}
	}
	return s
}

func filled(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// group is a match under construction: indices of items on each side.
type group struct{ old, new []int }

type matcher struct {
	o, n                   *side
	in                     interner
	groups                 []*group
	groupOfOld, groupOfNew []int
}

func (m *matcher) pair(o, n int) {
	m.groups = append(m.groups, &group{old: []int{o}, new: []int{n}})
	m.groupOfOld[o] = len(m.groups) - 1
	m.groupOfNew[n] = len(m.groups) - 1
}

// identical pairs the clauses of identical text: first those that keep
// their order (a longest common subsequence of the two sequences of texts,
// so that a text printed several times pairs in order), then the rest in
// order of each text's occurrences (clauses moved unchanged).
func (m *matcher) identical() {
	texts := make(interner)
	keys := func(s *side) []int {
		ks := make([]int, len(s.items))
		for i, it := range s.items {
			ks[i] = texts.key(it.c.Text)
		}
		return ks
	}
	ok, nk := keys(m.o), keys(m.n)
	for _, p := range lcs(ok, nk) {
		m.pair(p.i, p.j)
	}
	left := map[int][]int{} // text key → unmatched new items, in order
	for j, k := range nk {
		if m.groupOfNew[j] < 0 {
			left[k] = append(left[k], j)
		}
	}
	for i, k := range ok {
		if m.groupOfOld[i] < 0 && len(left[k]) > 0 {
			m.pair(i, left[k][0])
			left[k] = left[k][1:]
		}
	}
}

// bigrams returns the keys of the word pairs of ws (the word itself for a
// one-word clause), without repeats.
func bigrams(ws []int) []uint64 {
	if len(ws) == 1 {
		return []uint64{uint64(ws[0])<<32 | 0xffffffff}
	}
	seen := make(map[uint64]bool, len(ws))
	var out []uint64
	for i := 0; i+1 < len(ws); i++ {
		g := uint64(ws[i])<<32 | uint64(uint32(ws[i+1]))
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// similarity is 2·L/(len(a)+len(b)), L the length of a longest common
// subsequence of a and b; when it is below floor it returns a value below
// floor (not the exact one), cheaply.
func similarity(a, b []int, floor float64) float64 {
	total := len(a) + len(b)
	if total == 0 {
		return 1
	}
	limit := int((1 - floor) * float64(total))
	d := editDistance(a, b, limit)
	if d > limit {
		return min(floor, 1-float64(d)/float64(total)) - 1e-9
	}
	return 1 - float64(d)/float64(total)
}

// containment is the share of the words of part that whole holds in order.
func containment(part, whole []int) float64 {
	if len(part) == 0 {
		return 0
	}
	d := editDistance(part, whole, len(part)+len(whole))
	common := (len(part) + len(whole) - d) / 2
	return float64(common) / float64(len(part))
}

// similar pairs the clauses left whose words are similar enough
// (MinClauseSimilarity), the most similar pairs first: each old clause is
// compared with the new clauses left that share the most word pairs with
// it (at most maxCandidates), never with all of them.
func (m *matcher) similar() {
	index := map[uint64][]int{}
	for j, it := range m.n.items {
		if m.groupOfNew[j] < 0 {
			for _, g := range bigrams(it.words) {
				index[g] = append(index[g], j)
			}
		}
	}
	type cand struct {
		o, n int
		sim  float64
		dist float64
	}
	var cands []cand
	shared := map[int]int{}
	relO, relN := float64(max(1, len(m.o.items))), float64(max(1, len(m.n.items)))
	for i, it := range m.o.items {
		if m.groupOfOld[i] >= 0 || len(it.words) == 0 {
			continue
		}
		clear(shared)
		for _, g := range bigrams(it.words) {
			for _, j := range index[g] {
				shared[j]++
			}
		}
		js := make([]int, 0, len(shared))
		for j := range shared {
			js = append(js, j)
		}
		slices.SortFunc(js, func(a, b int) int {
			if c := cmp.Compare(shared[b], shared[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for _, j := range js[:min(len(js), maxCandidates)] {
			if s := similarity(it.words, m.n.items[j].words, MinClauseSimilarity); s >= MinClauseSimilarity {
				d := float64(i)/relO - float64(j)/relN
				cands = append(cands, cand{i, j, s, max(d, -d)})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		if c := cmp.Compare(a.o, b.o); c != 0 {
			return c
		}
		return cmp.Compare(a.n, b.n)
	})
	for _, c := range cands {
		if m.groupOfOld[c.o] < 0 && m.groupOfNew[c.n] < 0 {
			m.pair(c.o, c.n)
		}
	}
}

// words returns the words of the items joined in order.
func words(s *side, idx []int) []int {
	var ws []int
	for _, i := range idx {
		ws = append(ws, s.items[i].words...)
	}
	return ws
}

// splitsAndMerges grows the pairs with the clauses left next to them: a new
// clause left beside the new clause of a pair joins it (a split) when most
// of its words come from the old clause (MinContainment) and the old
// clause is more similar to the new ones joined than to those it had; an
// old clause left beside the old clause of a pair likewise (a merge).
func (m *matcher) splitsAndMerges() {
	for grew := true; grew; {
		grew = false
		for j := range m.n.items {
			if m.groupOfNew[j] < 0 && m.grow(j, m.n, m.o, m.groupOfNew, func(g *group) *[]int { return &g.new }, func(g *group) []int { return g.old }) {
				grew = true
			}
		}
		for i := range m.o.items {
			if m.groupOfOld[i] < 0 && m.grow(i, m.o, m.n, m.groupOfOld, func(g *group) *[]int { return &g.old }, func(g *group) []int { return g.new }) {
				grew = true
			}
		}
	}
}

// grow tries to add item x of side s (unmatched) to the group of a
// neighbour, whose other side (t) must be one clause.
func (m *matcher) grow(x int, s, t *side, groupOf []int, mine func(*group) *[]int, theirs func(*group) []int) bool {
	xw := s.items[x].words
	if len(xw) == 0 {
		return false
	}
	best, bestSim := -1, 0.0
	for _, nb := range []int{x - 1, x + 1} {
		if nb < 0 || nb >= len(s.items) || groupOf[nb] < 0 {
			continue
		}
		g := m.groups[groupOf[nb]]
		if len(theirs(g)) != 1 {
			continue
		}
		other := t.items[theirs(g)[0]].words
		if containment(xw, other) < MinContainment {
			continue
		}
		cur := similarity(words(s, *mine(g)), other, 0)
		joined := append(slices.Clone(*mine(g)), x)
		slices.Sort(joined)
		sim := similarity(words(s, joined), other, 0)
		if sim >= MinClauseSimilarity && sim > cur && sim > bestSim {
			best, bestSim = groupOf[nb], sim
		}
	}
	if best < 0 {
		return false
	}
	g := m.groups[best]
	p := mine(g)
	*p = append(*p, x)
	slices.Sort(*p)
	groupOf[x] = best
	return true
}

// result builds the comparison: a match per group and per clause left,
// their statuses, moves and diffs, in reading order.
func (m *matcher) result(old, new *resolution.Document) *Comparison {
	for i := range m.o.items {
		if m.groupOfOld[i] < 0 {
			m.groups = append(m.groups, &group{old: []int{i}})
			m.groupOfOld[i] = len(m.groups) - 1
		}
	}
	for j := range m.n.items {
		if m.groupOfNew[j] < 0 {
			m.groups = append(m.groups, &group{new: []int{j}})
			m.groupOfNew[j] = len(m.groups) - 1
		}
	}
	matches := make([]*Match, len(m.groups))
	for gi, g := range m.groups {
		mt := &Match{}
		for _, i := range g.old {
			mt.Old = append(mt.Old, m.o.items[i].c)
		}
		for _, j := range g.new {
			mt.New = append(mt.New, m.n.items[j].c)
		}
		ot, nt := mt.OldText(), mt.NewText()
		switch {
		case len(g.old) == 0:
			mt.Status = ClauseInserted
		case len(g.new) == 0:
			mt.Status = ClauseDeleted
		case len(g.old) > 1:
			mt.Status = ClauseMerged
		case len(g.new) > 1:
			mt.Status = ClauseSplit
		case ot == nt:
			mt.Status = ClauseUnchanged
		default:
			mt.Status = ClauseChanged
		}
		switch mt.Status {
		case ClauseUnchanged:
			mt.Similarity = 1
			mt.Diff = []Op{{Kind: Equal, Text: ot, Old: Span{End: runeLen(ot)}, New: Span{End: runeLen(nt)}}}
			if ot == "" {
				mt.Diff = nil
			}
		case ClauseInserted, ClauseDeleted:
			mt.Diff = WordDiff(ot, nt)
		default:
			mt.Similarity = similarity(words(m.o, g.old), words(m.n, g.new), 0)
			mt.Diff = WordDiff(ot, nt)
			mt.segs = segsOf(tokenDiff(ot, nt, true))
		}
		if len(g.old) > 0 && len(g.new) > 0 {
			mt.KindChanged = mt.Old[0].Kind != mt.New[0].Kind
		}
		matches[gi] = mt
	}
	m.moves(matches)

	// Reading order: by the first new clause; a deleted group after the
	// group of the old clause before it.
	type key struct{ pos, phase, old int }
	keys := make([]key, len(m.groups))
	for gi, g := range m.groups {
		if len(g.new) > 0 {
			keys[gi] = key{g.new[0], 0, 0}
			continue
		}
		k := key{-1, 1, g.old[0]}
		for i := g.old[0] - 1; i >= 0; i-- {
			if pg := m.groups[m.groupOfOld[i]]; len(pg.new) > 0 {
				k.pos = pg.new[len(pg.new)-1]
				break
			}
		}
		keys[gi] = k
	}
	order := make([]int, len(m.groups))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ka, kb := keys[a], keys[b]
		if c := cmp.Compare(ka.pos, kb.pos); c != 0 {
			return c
		}
		if c := cmp.Compare(ka.phase, kb.phase); c != 0 {
			return c
		}
		return cmp.Compare(ka.old, kb.old)
	})
	c := &Comparison{Old: old, New: new, byOld: map[string]*Match{}, byNew: map[string]*Match{}}
	for _, gi := range order {
		mt := matches[gi]
		c.Matches = append(c.Matches, mt)
		for _, cl := range mt.Old {
			c.byOld[cl.ID] = mt
		}
		for _, cl := range mt.New {
			c.byNew[cl.ID] = mt
		}
		for ci := range mt.New {
			c.mostInserted = max(c.mostInserted, mt.insertedIn(ci))
		}
	}
	return c
}

// insertedIn is how much text (code points) of new clause m.New[ci] is new
// in this version: all of an inserted clause, else what the token diff
// inserted in it.
func (m *Match) insertedIn(ci int) int {
	if len(m.Old) == 0 {
		return runeLen(m.New[ci].Text)
	}
	if m.segs == nil {
		return 0
	}
	s := joinedOffset(m.New, ci, 0)
	e := s + runeLen(m.New[ci].Text)
	n := 0
	for _, g := range m.segs {
		if g.kind == Insert {
			n += max(0, min(e, g.ne)-max(s, g.ns))
		}
	}
	return n
}

// moves sets Match.Moved. Paragraphs: the pairs whose first clauses are
// paragraphs on both sides, in old order, keep their order if they are in
// a longest increasing run of their new positions; the others moved.
// Sub-paragraphs: moved if the pair's new parent is not the match of its old
// parent (it went to another paragraph), if that parent moved, or if it is
// outside the longest increasing run among its siblings.
func (m *matcher) moves(matches []*Match) {
	var top []int
	siblings := map[int][]int{} // group of the old parent → groups of its children
	for gi, g := range m.groups {
		if len(g.old) == 0 || len(g.new) == 0 {
			continue
		}
		op, np := m.o.items[g.old[0]].parent, m.n.items[g.new[0]].parent
		switch {
		case op < 0 && np < 0:
			top = append(top, gi)
		case op >= 0 && np >= 0:
			pg := m.groupOfOld[op]
			if !slices.Contains(m.groups[pg].new, np) {
				matches[gi].Moved = true
				continue
			}
			siblings[pg] = append(siblings[pg], gi)
		}
	}
	markOutside := func(gs []int) {
		slices.SortFunc(gs, func(a, b int) int { return cmp.Compare(m.groups[a].old[0], m.groups[b].old[0]) })
		seq := make([]int, len(gs))
		for i, gi := range gs {
			seq[i] = m.groups[gi].new[0]
		}
		keep := increasing(seq)
		for i, gi := range gs {
			if !keep[i] {
				matches[gi].Moved = true
			}
		}
	}
	markOutside(top)
	// Parents before children: a child of a moved paragraph moved with
	// it, and so on down.
	parents := make([]int, 0, len(siblings))
	for pg := range siblings {
		parents = append(parents, pg)
	}
	slices.SortFunc(parents, func(a, b int) int { return cmp.Compare(m.groups[a].old[0], m.groups[b].old[0]) })
	for _, pg := range parents {
		if matches[pg].Moved {
			for _, gi := range siblings[pg] {
				matches[gi].Moved = true
			}
			continue
		}
		markOutside(siblings[pg])
	}
}

// increasing marks the elements of a longest strictly increasing
// subsequence of seq (patience sorting, O(n log n)); of several, the one
// that ends on the smallest values.
func increasing(seq []int) []bool {
	tails := []int{} // tails[k]: index in seq of the last element of the best run of length k+1
	prev := make([]int, len(seq))
	for i, v := range seq {
		k, _ := slices.BinarySearchFunc(tails, v, func(t, v int) int { return cmp.Compare(seq[t], v) })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(seq))
	if len(tails) == 0 {
		return keep
	}
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}
