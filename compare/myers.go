package compare

// Myers' O(ND) difference algorithm ("An O(ND) Difference Algorithm and Its
// Variations", 1986) on sequences of ints (interned tokens or clause texts):
// the linear-space version, which finds the middle snake of the shortest
// edit script from both ends and recurses on the two halves, after taking
// off the common prefix and suffix. Time O((N+M)·D), space O(N+M).

// pair is a matched element: a[i] == b[j].
type pair struct{ i, j int }

// lcs returns the pairs of a longest common subsequence of a and b, in
// increasing order of i and j: the elements a shortest edit script keeps.
func lcs(a, b []int) []pair {
	d := &differ{a: a, b: b}
	n := len(a) + len(b) + 2
	d.vf = make([]int, 2*n+2)
	d.vb = make([]int, 2*n+2)
	d.compare(0, len(a), 0, len(b))
	return d.out
}

type differ struct {
	a, b   []int
	vf, vb []int
	out    []pair
}

// compare appends the pairs of a[a0:a1] against b[b0:b1].
func (d *differ) compare(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		d.out = append(d.out, pair{a0, b0})
		a0++
		b0++
	}
	suffix := 0
	for a0 < a1-suffix && b0 < b1-suffix && d.a[a1-1-suffix] == d.b[b1-1-suffix] {
		suffix++
	}
	a1 -= suffix
	b1 -= suffix
	if a0 < a1 && b0 < b1 {
		x, y, u, v := d.middleSnake(a0, a1, b0, b1)
		if x == a1 && y == b1 || u == a0 && v == b0 {
			// Cannot happen once the common prefix and suffix are off
			// (the middle snake then splits the problem in two smaller
			// ones); kept so that a mistake costs a longer script, never
			// an endless recursion.
			d.fallback(a0, a1, b0, b1)
		} else {
			d.compare(a0, x, b0, y)
			for k := 0; k < u-x; k++ {
				d.out = append(d.out, pair{x + k, y + k})
			}
			d.compare(u, a1, v, b1)
		}
	}
	for k := 0; k < suffix; k++ {
		d.out = append(d.out, pair{a1 + k, b1 + k})
	}
}

// fallback pairs nothing: a[a0:a1] deleted, b[b0:b1] inserted.
func (d *differ) fallback(a0, a1, b0, b1 int) {}

// middleSnake returns the middle snake (x, y) → (u, v) of a shortest edit
// script of a[a0:a1] against b[b0:b1], both non-empty and differing in their
// first and last elements.
func (d *differ) middleSnake(a0, a1, b0, b1 int) (x, y, u, v int) {
	n, m := a1-a0, b1-b0
	delta := n - m
	odd := delta&1 != 0
	off := n + m + 1 // index of diagonal 0 in vf and vb
	vf, vb := d.vf, d.vb
	vf[off+1] = 0 // furthest x on each diagonal k = x - y, forward
	vb[off+1] = 0 // furthest distance from the end on each diagonal, backward
	maxD := (n + m + 1) / 2
	for D := 0; D <= maxD; D++ {
		for k := -D; k <= D; k += 2 {
			var sx int
			if k == -D || k != D && vf[off+k-1] < vf[off+k+1] {
				sx = vf[off+k+1] // down: an insertion
			} else {
				sx = vf[off+k-1] + 1 // right: a deletion
			}
			sy := sx - k
			ex, ey := sx, sy
			for ex < n && ey < m && d.a[a0+ex] == d.b[b0+ey] {
				ex++
				ey++
			}
			vf[off+k] = ex
			// Backward diagonal kb = delta - k, reached with D-1 steps.
			if odd && k >= delta-(D-1) && k <= delta+(D-1) {
				if ex+vb[off+delta-k] >= n {
					return a0 + sx, b0 + sy, a0 + ex, b0 + ey
				}
			}
		}
		for k := -D; k <= D; k += 2 {
			var sx int
			if k == -D || k != D && vb[off+k-1] < vb[off+k+1] {
				sx = vb[off+k+1]
			} else {
				sx = vb[off+k-1] + 1
			}
			sy := sx - k
			ex, ey := sx, sy
			for ex < n && ey < m && d.a[a1-1-ex] == d.b[b1-1-ey] {
				ex++
				ey++
			}
			vb[off+k] = ex
			// Forward diagonal kf = delta - k, reached with D steps.
			if !odd && k >= delta-D && k <= delta+D {
				if ex+vf[off+delta-k] >= n {
					// The snake, in forward coordinates: from
					// (n-ex, m-ey) to (n-sx, m-sy).
					return a1 - ex, b1 - ey, a1 - sx, b1 - sy
				}
			}
		}
	}
	return a0, b0, a0, b0 // unreachable: a script of length n+m exists
}

// editDistance returns the length D of a shortest edit script (insertions
// and deletions) of a against b, or max+1 if it is longer than max: Myers'
// forward greedy pass, O((N+M)·min(D, max)) time, O(N+M) space. The length
// of a longest common subsequence is (len(a)+len(b)-D)/2.
func editDistance(a, b []int, max int) int {
	n, m := len(a), len(b)
	// Common prefix and suffix cost nothing.
	for n > 0 && m > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
		n--
		m--
	}
	for n > 0 && m > 0 && a[n-1] == b[m-1] {
		n--
		m--
	}
	if n == 0 || m == 0 {
		if n+m > max {
			return max + 1
		}
		return n + m
	}
	limit := min(max, n+m)
	off := limit + 1
	v := make([]int, 2*limit+3)
	for D := 0; D <= limit; D++ {
		for k := -D; k <= D; k += 2 {
			var x int
			if k == -D || k != D && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return D
			}
		}
	}
	return max + 1
}

// patience returns the pairs of a common subsequence of a and b found as
// Bram Cohen's patience diff finds it: the elements that occur exactly once
// in each (and that anchor may take) are paired, the longest run of those
// pairs that is in order in both is kept as anchors, and the stretches
// between anchors are compared again the same way, with Myers' algorithm
// where no element is unique. The result is not always a longest common
// subsequence, but it keeps the distinctive elements (content words) rather
// than a longer run of common ones ("and", "the", spaces).
func patience(a, b []int, anchor func(int) bool) []pair {
	p := &patienceDiff{a: a, b: b, anchor: anchor}
	p.d = &differ{a: a, b: b}
	n := len(a) + len(b) + 2
	p.d.vf = make([]int, 2*n+2)
	p.d.vb = make([]int, 2*n+2)
	p.compare(0, len(a), 0, len(b))
	return p.d.out
}

type patienceDiff struct {
	a, b   []int
	anchor func(int) bool
	d      *differ
}

func (p *patienceDiff) compare(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && p.a[a0] == p.b[b0] {
		p.d.out = append(p.d.out, pair{a0, b0})
		a0++
		b0++
	}
	suffix := 0
	for a0 < a1-suffix && b0 < b1-suffix && p.a[a1-1-suffix] == p.b[b1-1-suffix] {
		suffix++
	}
	a1 -= suffix
	b1 -= suffix
	defer func() {
		for k := 0; k < suffix; k++ {
			p.d.out = append(p.d.out, pair{a1 + k, b1 + k})
		}
	}()
	if a0 == a1 || b0 == b1 {
		return
	}
	// Elements unique on both sides: count, then pair.
	type occ struct{ na, nb, ia, ib int }
	seen := map[int]*occ{}
	for i := a0; i < a1; i++ {
		if k := p.a[i]; p.anchor(k) {
			o := seen[k]
			if o == nil {
				o = &occ{}
				seen[k] = o
			}
			o.na++
			o.ia = i
		}
	}
	for j := b0; j < b1; j++ {
		if o := seen[p.b[j]]; o != nil {
			o.nb++
			o.ib = j
		}
	}
	var uniq []pair
	for i := a0; i < a1; i++ {
		if o := seen[p.a[i]]; o != nil && o.na == 1 && o.nb == 1 {
			uniq = append(uniq, pair{o.ia, o.ib})
		}
	}
	if len(uniq) == 0 {
		p.d.compare(a0, a1, b0, b1)
		return
	}
	seq := make([]int, len(uniq))
	for k, u := range uniq {
		seq[k] = u.j
	}
	keep := increasing(seq)
	i, j := a0, b0
	for k, u := range uniq {
		if !keep[k] {
			continue
		}
		p.compare(i, u.i, j, u.j)
		p.d.out = append(p.d.out, u)
		i, j = u.i+1, u.j+1
	}
	p.compare(i, a1, j, b1)
}
