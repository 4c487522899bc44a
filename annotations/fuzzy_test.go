package annotations

import (
	"math/rand/v2"
	"testing"
)

// editDistance is the plain O(n·m) Levenshtein distance.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v = min(v, prev[j], cur[j-1]) + 1
			}
			cur[j] = v
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func randomRunes(rng *rand.Rand, alphabet []rune, n int) []rune {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return rs
}

func TestLevenshteinAgreesWithTheFullComputation(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("abé👍")
	for range 2000 {
		a := randomRunes(rng, alphabet, rng.IntN(12))
		b := randomRunes(rng, alphabet, rng.IntN(12))
		k := rng.IntN(8)
		want := editDistance(a, b)
		got := levenshtein(a, b, k)
		if want <= k && got != want || want > k && got != k+1 {
			t.Fatalf("levenshtein(%q, %q, %d) = %d, want %d (full %d)", string(a), string(b), k, got, min(want, k+1), want)
		}
	}
}

func TestApproxFindAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("abc“")
	for iter := range 1500 {
		p := randomRunes(rng, alphabet, 1+rng.IntN(8))
		text := randomRunes(rng, alphabet, rng.IntN(30))
		k := rng.IntN(len(p))
		// Brute force: the least distance of p to a substring ending at j.
		bestAt := func(j int) int {
			best := len(p)
			for s := 0; s <= j; s++ {
				best = min(best, editDistance(p, text[s:j]))
			}
			return best
		}
		found := map[int]int{}
		for _, g := range approxFind(p, text, k) {
			for _, a := range g {
				if d := editDistance(p, text[a.start:a.end]); d != a.dist {
					t.Fatalf("iteration %d: match [%d,%d) %q reported at distance %d, is %d", iter, a.start, a.end, string(text[a.start:a.end]), a.dist, d)
				}
				if want := bestAt(a.end); a.dist != want {
					t.Fatalf("iteration %d: end %d at distance %d, best is %d", iter, a.end, a.dist, want)
				}
				found[a.end] = a.dist
			}
		}
		// Every local best end within k is represented by its group.
		for j := 0; j <= len(text); j++ {
			d := bestAt(j)
			if d > k {
				continue
			}
			isMin := (j == 0 || bestAt(j-1) >= d) && (j == len(text) || bestAt(j+1) >= d)
			if !isMin {
				continue
			}
			ok := false
			for e, fd := range found {
				if fd <= d && abs(e-j) <= len(p)+k {
					ok = true
				}
			}
			if !ok && j > 0 {
				t.Fatalf("iteration %d: %q in %q: end %d at distance %d not found (k=%d; found %v)", iter, string(p), string(text), j, d, k, found)
			}
		}
	}
}

func TestMaxEdits(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{4, 0}, {5, 1}, {10, 2}, {57, 11}, {100, 20}} {
		if got := maxEdits(tt.n); got != tt.want {
			t.Errorf("maxEdits(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}
