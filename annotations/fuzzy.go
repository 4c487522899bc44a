package annotations

// Fuzzy matching: approximate search of the quote with at most k edits
// (Levenshtein distance in code points), Sellers' algorithm with Ukkonen's
// cut-off (O(k·n) expected per clause), then a backward pass from each best
// end to find where the match starts.

// Bounds of the fuzzy search. Its cost grows with the length of the quote
// times the length of the text searched, so without bounds a file of long
// quotes that do not fit (or a long document) would keep a page busy for
// minutes. A quote longer than MaxFuzzyLength is only found exactly; a
// search that would compute more than MaxFuzzyWork cells of its
// edit-distance tables is given up (the annotation stays an orphan, kept for
// review); and one import spends at most MaxImportFuzzyWork in all.
const (
	// MaxFuzzyLength is the longest quote, in code points, searched
	// approximately (a long paragraph of a draft; the longest clause of
	// the real resolutions is about 1,500).
	MaxFuzzyLength = 2048
	// MaxFuzzyWork bounds the work of the fuzzy search for one annotation:
	// some tens of milliseconds.
	MaxFuzzyWork = 30_000_000
	// MaxImportFuzzyWork bounds the fuzzy work of one import: seconds.
	MaxImportFuzzyWork = 1_000_000_000
)

// work is what a fuzzy search may still spend, in table cells.
type work struct{ left int }

// spend takes n cells and reports whether the budget still holds. A nil
// work is unbounded.
func (w *work) spend(n int) bool {
	if w == nil {
		return true
	}
	w.left -= n
	return w.left >= 0
}

// exhausted reports whether the budget is spent.
func (w *work) exhausted() bool { return w != nil && w.left < 0 }

// fuzzy returns the fuzzy candidates for the query in the clauses (only in
// clause `only` if it is not -1): whole clauses similar to Exact for a
// whole-clause annotation, else approximate occurrences of Exact. It returns
// none when the quote is longer than MaxFuzzyLength or the work budget runs
// out.
func (x *query) fuzzy(cs []*clauseText, only int) []candidate {
	m := len(x.exact)
	if m > MaxFuzzyLength || x.work.exhausted() {
		return nil
	}
	var out []candidate
	if x.sel.wholeClause() {
		for ci, c := range cs {
			n := len(c.runes)
			longer := max(m, n)
			k := maxEdits(longer)
			if only >= 0 && ci != only || abs(m-n) > k || n == 0 || !mayHold(x.shared, ci, m, k) {
				continue
			}
			d := levenshteinWork(x.exact, c.runes, k, x.work)
			if x.work.exhausted() {
				return nil
			}
			if d <= k {
				out = append(out, candidate{clause: ci, start: 0, end: n, similarity: 1 - float64(d)/float64(longer)})
			}
		}
		return out
	}
	k := maxEdits(m)
	if k == 0 {
		return nil // nothing fuzzy about a quote this short: exact only
	}
	for ci, c := range cs {
		// A text shorter than m - k cannot be within k edits of the quote.
		if only >= 0 && ci != only || len(c.runes) < m-k || !mayHold(x.shared, ci, m, k) {
			continue
		}
		groups := approxFindWork(x.exact, c.runes, k, x.work)
		if x.work.exhausted() {
			return nil
		}
		for _, group := range groups {
			// Within a group of equally close matches, the context decides.
			best, bestCtx := approx{}, -1.0
			for _, a := range group {
				ctx, _ := x.context(c, a.start, a.end)
				if ctx > bestCtx {
					best, bestCtx = a, ctx
				}
			}
			start, end, sim := x.refine(c, best, k)
			out = append(out, candidate{clause: ci, start: start, end: end, similarity: sim})
			if len(out) >= maxCandidates {
				return out
			}
		}
	}
	return out
}

// refine moves the ends of an approximate match to where the selectors'
// context agrees better, if the text between is still similar enough: the
// search alone, bounded to k edits, cuts a quote with a word inserted into
// it short ("the trus" for "the trust funds"). It returns the range and its
// similarity, 1 - distance / the longer of Exact and the range.
func (x *query) refine(c *clauseText, a approx, k int) (start, end int, sim float64) {
	m, n := len(x.exact), len(c.runes)
	similarity := func(s, e int) (float64, bool) {
		longer := max(m, e-s)
		kk := maxEdits(longer)
		d := a.dist
		if s != a.start || e != a.end {
			d = levenshteinWork(x.exact, c.runes[s:e], kk, x.work)
		}
		return 1 - float64(d)/float64(longer), d <= kk
	}
	w := k + m/4 + 1
	start, end = a.start, a.end
	agreeAfter := func(e int) int { return commonPrefix(x.suffix, c.runes[e:min(n, e+len(x.suffix))]) }
	agreeBefore := func(s int) int { return commonSuffix(x.prefix, c.runes[max(0, s-len(x.prefix)):s]) }
	if len(x.suffix) > 0 {
		best := agreeAfter(end)
		for e := max(start+1, a.end-w); e <= min(n, a.end+w); e++ {
			if ag := agreeAfter(e); ag > best && ag >= min(4, len(x.suffix)) {
				best, end = ag, e
			}
		}
	} else if n-end <= w {
		end = n
	}
	if len(x.prefix) > 0 {
		best := agreeBefore(start)
		for s := max(0, a.start-w); s <= min(end-1, a.start+w); s++ {
			if ag := agreeBefore(s); ag > best && ag >= min(4, len(x.prefix)) {
				best, start = ag, s
			}
		}
	} else if start <= w {
		start = 0
	}
	if start != a.start || end != a.end {
		if sim, ok := similarity(start, end); ok {
			return start, end, sim
		}
	}
	sim, _ = similarity(a.start, a.end)
	return a.start, a.end, sim
}

// maxEdits is the most edits a text of n code points may differ by and keep
// a similarity of at least MinSimilarity.
func maxEdits(n int) int {
	return int((1-MinSimilarity)*float64(n) + 1e-9)
}

// approx is an approximate occurrence [start, end) at distance dist.
type approx struct{ start, end, dist int }

// maxGroup bounds the equally close ends weighed for one occurrence.
const maxGroup = 8

// approxFind returns the approximate occurrences of p in t with at most k
// edits, grouped: each group holds the best-distance alternatives (different
// ends or starts) of one occurrence.
func approxFind(p, t []rune, k int) [][]approx { return approxFindWork(p, t, k, nil) }

// approxFindWork is approxFind within a work budget; it stops, returning
// nil, when the budget runs out.
func approxFindWork(p, t []rune, k int, w *work) [][]approx {
	m, n := len(p), len(t)
	if m == 0 || k >= m || n == 0 {
		return nil
	}
	// Forward pass: ends j (exclusive) with distance ≤ k.
	C := make([]int, m+1)
	for i := range C {
		C[i] = i
	}
	type end struct{ at, dist int }
	var ends []end
	lact := min(k+1, m)
	for j := 0; j < n; j++ {
		if !w.spend(lact) {
			return nil
		}
		pC, nC := 0, 0
		tj := t[j]
		for i := 1; i <= lact; i++ {
			if p[i-1] == tj {
				nC = pC
			} else {
				if pC < nC {
					nC = pC
				}
				if C[i] < nC {
					nC = C[i]
				}
				nC++
			}
			pC, C[i] = C[i], nC
		}
		for C[lact] > k {
			lact--
		}
		if lact == m {
			ends = append(ends, end{j + 1, C[m]})
		} else {
			lact++
		}
	}
	// Local minima of the distance along the text, clustered: minima less
	// than k+1 apart are alternatives of one occurrence, of which those of
	// least distance are kept.
	var groups [][]approx
	var cluster []end
	flush := func() {
		if len(cluster) == 0 {
			return
		}
		g := make([]approx, 0, len(cluster))
		for _, e := range cluster {
			if !w.spend(m * (2*k + 1)) {
				return
			}
			g = append(g, approx{matchStart(p, t, e.at, k), e.at, e.dist})
		}
		groups = append(groups, g)
		cluster = cluster[:0]
	}
	for i, e := range ends {
		prev, next := k+1, k+1
		if i > 0 && ends[i-1].at == e.at-1 {
			prev = ends[i-1].dist
		}
		if i+1 < len(ends) && ends[i+1].at == e.at+1 {
			next = ends[i+1].dist
		}
		if e.dist > prev || e.dist > next {
			continue
		}
		switch {
		case len(cluster) > 0 && e.at-cluster[0].at <= k:
			if e.dist < cluster[0].dist {
				cluster = append(cluster[:0], e)
			} else if e.dist == cluster[0].dist && len(cluster) < maxGroup {
				cluster = append(cluster, e)
			}
		default:
			flush()
			if w.exhausted() {
				return nil
			}
			if len(groups) >= maxCandidates {
				return groups
			}
			cluster = append(cluster, e)
		}
	}
	flush()
	if w.exhausted() {
		return nil
	}
	return groups
}

// matchStart returns the start s that minimises the distance of t[s:end] to
// p (at most k), preferring a length close to len(p): a backward
// edit-distance pass from end, in the band of the cells within k edits of
// the diagonal (O(k·m)).
func matchStart(p, t []rune, end, k int) int {
	m := len(p)
	w := min(end, m+k) // the match is at most m+k long
	big := k + 1
	// D[j] = distance of p[m-i:] to t[end-j:end], row by row over i; cells
	// more than k off the diagonal are more than k edits away: big.
	prev := make([]int, w+1)
	cur := make([]int, w+1)
	for j := range prev {
		prev[j] = min(j, big)
	}
	for i := 1; i <= m; i++ {
		lo, hi := max(1, i-k), min(w, i+k)
		if lo == 1 {
			cur[0] = min(i, big)
		} else {
			cur[lo-1] = big
		}
		pc := p[m-i]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if t[end-j] != pc {
				v = min(v, prev[j], cur[j-1]) + 1
			}
			cur[j] = min(v, big)
		}
		if hi < w {
			cur[hi+1] = big
		}
		prev, cur = cur, prev
	}
	bestJ := 0
	for j := 1; j <= w; j++ {
		if j < m-k || j > m+k {
			continue
		}
		if prev[j] < prev[bestJ] || prev[j] == prev[bestJ] && abs(j-m) < abs(bestJ-m) {
			bestJ = j
		}
	}
	return end - bestJ
}

// levenshtein returns the edit distance of a and b in code points, or k+1 if
// it exceeds k (a banded computation, O(k·len)).
func levenshtein(a, b []rune, k int) int { return levenshteinWork(a, b, k, nil) }

// levenshteinWork is levenshtein within a work budget; when the budget runs
// out it returns k+1.
func levenshteinWork(a, b []rune, k int, w *work) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	m, n := len(a), len(b)
	if n-m > k {
		return k + 1
	}
	big := k + 1
	prev := make([]int, n+1)
	cur := make([]int, n+1)
	for j := range prev {
		prev[j] = min(j, big)
	}
	for i := 1; i <= m; i++ {
		lo, hi := max(1, i-k), min(n, i+k)
		if !w.spend(hi - lo + 1) {
			return big
		}
		if lo == 1 {
			cur[0] = min(i, big)
		} else {
			cur[lo-1] = big
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v = min(v, prev[j], cur[j-1]) + 1
			}
			if v > big {
				v = big
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < n {
			cur[hi+1] = big
		}
		if rowMin > k {
			return big
		}
		prev, cur = cur, prev
	}
	return min(prev[n], big)
}
