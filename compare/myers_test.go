package compare

import (
	"math/rand/v2"
	"testing"
)

// lcsLen is the textbook dynamic programme, the reference for lcs.
func lcsLen(a, b []int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func randSeq(r *rand.Rand, n, alphabet int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = r.IntN(alphabet)
	}
	return s
}

func TestLCSIsALongestCommonSubsequence(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 20000 {
		alphabet := 1 + r.IntN(6)
		a := randSeq(r, r.IntN(24), alphabet)
		b := randSeq(r, r.IntN(24), alphabet)
		if trial%3 == 0 { // b an edit of a: the common case
			b = append([]int(nil), a...)
			for range r.IntN(5) {
				switch k := r.IntN(3); {
				case k == 0 && len(b) > 0:
					i := r.IntN(len(b))
					b = append(b[:i], b[i+1:]...)
				case k == 1:
					i := r.IntN(len(b) + 1)
					b = append(b[:i], append([]int{r.IntN(alphabet)}, b[i:]...)...)
				case len(b) > 0:
					b[r.IntN(len(b))] = r.IntN(alphabet)
				}
			}
		}
		pairs := lcs(a, b)
		pi, pj := -1, -1
		for _, p := range pairs {
			if p.i <= pi || p.j <= pj || p.i >= len(a) || p.j >= len(b) || a[p.i] != b[p.j] {
				t.Fatalf("a=%v b=%v: bad pairs %v", a, b, pairs)
			}
			pi, pj = p.i, p.j
		}
		want := lcsLen(a, b)
		if len(pairs) != want {
			t.Fatalf("a=%v b=%v: %d pairs, want %d", a, b, len(pairs), want)
		}
		for _, limit := range []int{0, 1, 3, len(a) + len(b)} {
			d := len(a) + len(b) - 2*want
			got := editDistance(a, b, limit)
			if d <= limit && got != d || d > limit && got != limit+1 {
				t.Fatalf("a=%v b=%v: editDistance(limit %d) = %d, want %d", a, b, limit, got, d)
			}
		}
	}
}
