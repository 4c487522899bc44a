package annotations

import (
	"math"
	"slices"
	"unicode/utf8"
)

// Anchoring thresholds. A candidate is accepted only if its quote is similar
// enough to Exact (MinSimilarity) and the evidence that it is the same place
// is strong enough (MinEvidence); otherwise the annotation is an orphan,
// never attached to a weak match.
//
// The evidence of a candidate, for selectors with a position, is
//
//	0.5·context + 0.2·near + 0.1·same + 0.2·unique
//
// context: how much of Prefix and Suffix agrees with the text around the
// candidate, from 0 to 1 (an empty Prefix or Suffix means "at the start or
// end of the clause"); near: 1 at the old start offset, falling to 0 at
// NearWindow code points away; same: 1 in the clause of the old clause id;
// unique: 1 if the candidate is the only one in the document. So a quote that
// moved within its clause, or a clause renumbered with its text unchanged,
// anchors; a short quote whose text was deleted does not jump to another
// occurrence of the same words.
const (
	// MinSimilarity is the lowest similarity of a fuzzy match to Exact:
	// 1 - (Levenshtein distance in code points) / (the longer of Exact and
	// the text found).
	MinSimilarity = 0.8
	// MinEvidence is the lowest evidence of any quote or fuzzy match.
	MinEvidence = 0.5
	// NearWindow is the distance in code points at which "near" falls to 0.
	NearWindow = 64
)

// Evidence weights (they sum to 1).
const (
	weightContext = 0.5
	weightNear    = 0.2
	weightSame    = 0.1
	weightUnique  = 0.2
)

// Selectors describe a span of a clause so that it can be found again when
// the text changes: the W3C TextPositionSelector (Start, End) and
// TextQuoteSelector (Exact, Prefix, Suffix), in code points.
type Selectors struct {
	// Clause is the clause id the selectors were made on; it may be empty.
	Clause string
	// Start and End are the old offsets, meaningful if HasPosition.
	Start, End  int
	HasPosition bool
	// Exact is the marked text, Prefix and Suffix up to ContextLength code
	// points before and after it (empty at the start or end of the clause).
	Exact, Prefix, Suffix string
}

// wholeClause reports whether the selectors mark a whole clause.
func (s Selectors) wholeClause() bool {
	return s.HasPosition && s.Start == 0 && s.Prefix == "" && s.Suffix == ""
}

// Method says how an annotation was anchored.
type Method string

// The anchoring methods, cheapest first.
const (
	// ByPosition: the text at the old offsets still equals Exact.
	ByPosition Method = "position"
	// ByQuote: Exact found elsewhere, confirmed by context or position.
	ByQuote Method = "quote"
	// ByFuzzy: a similar text found (at least MinSimilarity), confirmed by
	// context or position.
	ByFuzzy Method = "fuzzy"
	// Orphaned: not found; the annotation needs review.
	Orphaned Method = "orphan"
)

// Match is the result of anchoring.
type Match struct {
	// Clause is the clause found (the one given to Anchor: "" unless the
	// selectors named one).
	Clause string
	// Start and End are the code point offsets found.
	Start, End int
	Method     Method
	// Similarity of the text found to Exact, 1 for position and quote.
	Similarity float64
	// Evidence that it is the same place (see MinEvidence), 1 for position.
	Evidence float64
}

// Orphan reports whether nothing was found.
func (m Match) Orphan() bool { return m.Method == Orphaned || m.Method == "" }

// Describe returns the selectors of the span [start, end) of a clause's
// text, in code points: Exact, and up to ContextLength code points of Prefix
// and Suffix. The span must not be empty.
func Describe(text string, start, end int) (Selectors, error) {
	n := runeLen(text)
	if err := checkSpan(start, end, n); err != nil {
		return Selectors{}, err
	}
	want := [4]int{max(0, start-ContextLength), start, end, min(n, end+ContextLength)}
	var offs [4]int
	k, cp := 0, 0
	for i := range text {
		for k < 4 && want[k] == cp {
			offs[k] = i
			k++
		}
		cp++
	}
	for ; k < 4; k++ {
		offs[k] = len(text)
	}
	return Selectors{
		Start: start, End: end, HasPosition: true,
		Prefix: text[offs[0]:offs[1]],
		Exact:  text[offs[1]:offs[2]],
		Suffix: text[offs[2]:offs[3]],
	}, nil
}

// Describe returns the selectors of the span [start, end) of a clause.
func (d *Document) Describe(clause string, start, end int) (Selectors, error) {
	i, ok := d.index[clause]
	if !ok {
		return Selectors{}, fieldErrf("clause", ErrNoClause, "%q", clause)
	}
	return describe(d.clauses[i], start, end)
}

func describe(c *clauseText, start, end int) (Selectors, error) {
	if err := checkSpan(start, end, len(c.runes)); err != nil {
		return Selectors{}, err
	}
	return Selectors{
		Clause: c.id, Start: start, End: end, HasPosition: true,
		Prefix: c.slice(max(0, start-ContextLength), start),
		Exact:  c.slice(start, end),
		Suffix: c.slice(end, min(len(c.runes), end+ContextLength)),
	}, nil
}

func checkSpan(start, end, n int) error {
	switch {
	case start < 0 || start > n:
		return fieldErrf("start", ErrOutOfRange, "%d, clause has %d code points", start, n)
	case end > n:
		return fieldErrf("end", ErrOutOfRange, "%d, clause has %d code points", end, n)
	case end <= start:
		return fieldErr("end", ErrZeroLength)
	}
	return nil
}

// Anchor finds the selectors in a clause's text (the text they were made on,
// or a revised one): at the old offsets if the text there still equals
// Exact; else at an occurrence of Exact, the one with the strongest evidence
// (context, then nearness to the old offsets); else at a fuzzy match of at
// least MinSimilarity with enough evidence; else the match is an orphan.
func Anchor(sel Selectors, text string) Match {
	c := newClauseText(sel.Clause, "", text)
	m := anchor([]*clauseText{c}, nil, 0, sel, &work{left: MaxFuzzyWork})
	if !m.Orphan() {
		m.Clause = sel.Clause
	}
	return m
}

// Anchor finds the selectors in the document, across clauses: the clause
// named by sel.Clause first (at the old offsets), then the exact quote and a
// fuzzy match in any clause (a clause renumbered from OP21 to OP22 is found
// by its context). Selectors without a position (W3C files of other tools)
// anchor only to an exact quote that is unique in the document or whose
// context (at least half of it) picks one occurrence. The fuzzy search is
// bounded (MaxFuzzyLength, MaxFuzzyWork): past that the match is an orphan.
func (d *Document) Anchor(sel Selectors) Match {
	return d.anchorWithin(sel, &work{left: MaxFuzzyWork})
}

// anchorWithin is Anchor with the fuzzy search bounded by w.
func (d *Document) anchorWithin(sel Selectors, w *work) Match {
	return anchor(d.clauses, d.gramIndex(), d.Index(sel.Clause), sel, w)
}

// anchor tries the selectors on the clauses, home being the index of the
// selectors' own clause (-1 if none), the fuzzy search bounded by w.
func anchor(cs []*clauseText, grams gramIndex, home int, sel Selectors, w *work) Match {
	if sel.Exact == "" || !utf8.ValidString(sel.Exact) {
		return Match{Method: Orphaned}
	}
	x := newQuery(sel, home)
	x.work = w
	x.shared = grams.shared(x.exact, len(cs))
	atPosition := false
	if sel.HasPosition && home >= 0 {
		c := cs[home]
		if 0 <= sel.Start && sel.Start < sel.End && sel.End <= len(c.runes) && c.slice(sel.Start, sel.End) == sel.Exact {
			if ctx, _ := x.context(c, sel.Start, sel.End); ctx == 1 {
				return Match{Clause: c.id, Start: sel.Start, End: sel.End, Method: ByPosition, Similarity: 1, Evidence: 1}
			}
			atPosition = true
		}
	}
	cands := x.findExact(cs)
	if atPosition {
		// The quote is at its offsets but its context changed: it stays
		// there unless another occurrence has stronger evidence (its
		// clause was renumbered and another took its id).
		best, ok := x.choose(cs, slices.Clone(cands))
		if !ok || best.clause == home && best.start == sel.Start || !x.beats(cs, best, cands) {
			return Match{Clause: cs[home].id, Start: sel.Start, End: sel.End, Method: ByPosition, Similarity: 1, Evidence: x.evidenceAt(cs, home, sel.Start, sel.End, len(cands))}
		}
		return best.match(cs, ByQuote)
	}
	if best, ok := x.choose(cs, cands); ok {
		return best.match(cs, ByQuote)
	}
	if !sel.HasPosition {
		return Match{Method: Orphaned}
	}
	// Fuzzy matching is the costly step: first in the selectors' own
	// clause, where an edit usually leaves the quote; a match there is
	// taken if it passes without counting on being unique. Else in every
	// clause.
	if home >= 0 {
		x.partial = true
		best, ok := x.choose(cs, x.fuzzy(cs, home))
		x.partial = false
		if ok {
			return best.match(cs, ByFuzzy)
		}
	}
	if best, ok := x.choose(cs, x.fuzzy(cs, -1)); ok {
		return best.match(cs, ByFuzzy)
	}
	return Match{Method: Orphaned}
}

// candidate is a place the quote may be.
type candidate struct {
	clause     int
	start, end int
	similarity float64
	context    float64
	evidence   float64
}

func (c candidate) match(cs []*clauseText, m Method) Match {
	return Match{Clause: cs[c.clause].id, Start: c.start, End: c.end, Method: m, Similarity: c.similarity, Evidence: c.evidence}
}

// query is what anchoring needs of the selectors, decoded once.
type query struct {
	sel            Selectors
	home           int
	exact          []rune
	prefix, suffix []rune
	// shared counts the trigrams of exact in each clause (nil: unknown).
	shared []int
	// partial: the candidates are those of one clause only, so none can
	// be known to be unique.
	partial bool
	// work bounds the fuzzy search (nil: unbounded).
	work *work
}

func newQuery(sel Selectors, home int) *query {
	return &query{sel: sel, home: home, exact: []rune(sel.Exact), prefix: []rune(sel.Prefix), suffix: []rune(sel.Suffix)}
}

// context returns how much of the selectors' context agrees with the text
// around [s, e) of c, from 0 to 1, and whether there was any to compare.
func (x *query) context(c *clauseText, s, e int) (float64, bool) {
	var sum float64
	sides := 0
	if len(x.prefix) > 0 {
		sides++
		sum += float64(commonSuffix(x.prefix, c.runes[max(0, s-len(x.prefix)):s])) / float64(len(x.prefix))
	} else if x.sel.HasPosition {
		sides++
		if s == 0 {
			sum++
		}
	}
	if len(x.suffix) > 0 {
		sides++
		sum += float64(commonPrefix(x.suffix, c.runes[e:min(len(c.runes), e+len(x.suffix))])) / float64(len(x.suffix))
	} else if x.sel.HasPosition {
		sides++
		if e == len(c.runes) {
			sum++
		}
	}
	if sides == 0 {
		return 0, false
	}
	return sum / float64(sides), true
}

// choose scores the candidates and returns the best one that passes the
// thresholds, unless two are equally good (then none: ambiguous is weak).
func (x *query) choose(cs []*clauseText, cands []candidate) (candidate, bool) {
	if len(cands) == 0 {
		return candidate{}, false
	}
	if !x.sel.HasPosition {
		return x.chooseByContext(cs, cands)
	}
	pass := cands[:0]
	for _, c := range cands {
		c.context, c.evidence = x.evidence(cs, c.clause, c.start, c.end, len(cands))
		if c.similarity >= MinSimilarity && c.evidence >= MinEvidence-1e-9 {
			pass = append(pass, c)
		}
	}
	if len(pass) == 0 {
		return candidate{}, false
	}
	slices.SortStableFunc(pass, func(a, b candidate) int {
		if d := cmpFloat(b.similarity+b.evidence, a.similarity+a.evidence); d != 0 {
			return d
		}
		return x.cmpPlace(a, b)
	})
	if len(pass) > 1 && cmpFloat(pass[0].similarity+pass[0].evidence, pass[1].similarity+pass[1].evidence) == 0 && x.cmpPlace(pass[0], pass[1]) == 0 {
		return candidate{}, false
	}
	return pass[0], true
}

// evidence returns the context agreement and the evidence of a candidate
// [s, e) in clause ci, one of n candidates.
func (x *query) evidence(cs []*clauseText, ci, s, e, n int) (ctx, ev float64) {
	ctx, _ = x.context(cs[ci], s, e)
	near := max(0, 1-math.Abs(float64(s-x.sel.Start))/NearWindow)
	same, unique := 0.0, 0.0
	if ci == x.home {
		same = 1
	}
	if n == 1 && !x.partial {
		unique = 1
	}
	return ctx, weightContext*ctx + weightNear*near + weightSame*same + weightUnique*unique
}

func (x *query) evidenceAt(cs []*clauseText, ci, s, e, n int) float64 {
	_, ev := x.evidence(cs, ci, s, e, n)
	return ev
}

// beats reports whether best has stronger evidence than the occurrence at the
// old offsets, among the exact candidates.
func (x *query) beats(cs []*clauseText, best candidate, cands []candidate) bool {
	return best.evidence > x.evidenceAt(cs, x.home, x.sel.Start, x.sel.End, len(cands))+1e-9
}

// cmpPlace prefers the selectors' own clause, then the nearer start.
func (x *query) cmpPlace(a, b candidate) int {
	if (a.clause == x.home) != (b.clause == x.home) {
		if a.clause == x.home {
			return -1
		}
		return 1
	}
	return abs(a.start-x.sel.Start) - abs(b.start-x.sel.Start)
}

// chooseByContext anchors selectors without a position (exact quotes only):
// the occurrence in the named clause or the document if it is the only one,
// else the one whose context agrees best, if at least half of it agrees and
// no other agrees as much.
func (x *query) chooseByContext(cs []*clauseText, cands []candidate) (candidate, bool) {
	if x.home >= 0 {
		var inHome []candidate
		for _, c := range cands {
			if c.clause == x.home {
				inHome = append(inHome, c)
			}
		}
		if len(inHome) > 0 {
			cands = inHome
		}
	}
	if len(cands) == 1 {
		c := cands[0]
		c.context, _ = x.context(cs[c.clause], c.start, c.end)
		c.evidence = 1
		return c, true
	}
	best, second := -1.0, -1.0
	var bestC candidate
	for _, c := range cands {
		ctx, ok := x.context(cs[c.clause], c.start, c.end)
		if !ok {
			return candidate{}, false
		}
		c.context, c.evidence = ctx, ctx
		switch {
		case ctx > best:
			best, second, bestC = ctx, best, c
		case ctx > second:
			second = ctx
		}
	}
	if best >= MinEvidence && best > second+1e-9 {
		return bestC, true
	}
	return candidate{}, false
}

// findExact returns every occurrence of Exact in the clauses (at most
// maxCandidates), with similarity 1.
func (x *query) findExact(cs []*clauseText) []candidate {
	var out []candidate
	exact, n := x.sel.Exact, len(x.exact)
	for ci, c := range cs {
		if !mayHold(x.shared, ci, n, 0) {
			continue
		}
		for off := 0; off <= len(c.text); {
			i := indexString(c.text[off:], exact)
			if i < 0 {
				break
			}
			s := c.runeAt(off + i)
			out = append(out, candidate{clause: ci, start: s, end: s + n, similarity: 1})
			if len(out) >= maxCandidates {
				return out
			}
			_, size := utf8.DecodeRuneInString(c.text[off+i:])
			off += i + size
		}
	}
	return out
}

// maxCandidates bounds the candidates anchoring weighs (a one-letter quote
// occurs thousands of times; past this many it is ambiguous anyway).
const maxCandidates = 4096

func cmpFloat(a, b float64) int {
	switch {
	case a < b-1e-9:
		return -1
	case a > b+1e-9:
		return 1
	}
	return 0
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// Reanchor anchors a in the document and, when it is found, returns it moved
// there, with selectors described from the text found (Modified is not
// changed: re-anchoring is not an edit). An orphan is returned unchanged.
func (d *Document) Reanchor(a Annotation) (Annotation, Match) {
	m := d.Anchor(a.Selectors())
	if m.Orphan() {
		return a, m
	}
	sel, err := describe(d.clauses[d.index[m.Clause]], m.Start, m.End)
	if err != nil { // cannot happen: the match lies in the clause
		return a, Match{Method: Orphaned}
	}
	a.Clause, a.Start, a.End = m.Clause, m.Start, m.End
	a.Exact, a.Prefix, a.Suffix = sel.Exact, sel.Prefix, sel.Suffix
	return a, m
}
