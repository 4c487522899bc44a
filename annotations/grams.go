package annotations

// A trigram index of a document's clauses, to skip the clauses that cannot
// hold a quote before searching them (the q-gram lemma: a text within k
// edits of a pattern of m code points shares at least m − 2 − 3k of the
// pattern's m − 2 trigrams, counted by position).

type trigram [3]rune

// gramIndex maps each trigram to the clauses holding it, ascending.
type gramIndex map[trigram][]int32

func buildGrams(cs []*clauseText) gramIndex {
	idx := make(gramIndex)
	for ci, c := range cs {
		for i := 0; i+3 <= len(c.runes); i++ {
			g := trigram{c.runes[i], c.runes[i+1], c.runes[i+2]}
			p := idx[g]
			if len(p) == 0 || p[len(p)-1] != int32(ci) {
				idx[g] = append(p, int32(ci))
			}
		}
	}
	return idx
}

// shared counts, for each of n clauses, the trigram positions of p found in
// the clause. It returns nil when the index is nil (search everything).
func (idx gramIndex) shared(p []rune, n int) []int {
	if idx == nil {
		return nil
	}
	counts := make([]int, n)
	for i := 0; i+3 <= len(p); i++ {
		for _, ci := range idx[trigram{p[i], p[i+1], p[i+2]}] {
			counts[ci]++
		}
	}
	return counts
}

// mayHold reports whether a clause sharing `shared` trigram positions with a
// pattern of m code points may hold a text within k edits of it.
func mayHold(counts []int, ci, m, k int) bool {
	if counts == nil {
		return true
	}
	need := m - 2 - 3*k
	return need <= 0 || counts[ci] >= need
}
