//go:build !js

package bench

import (
	"math"
	"slices"
)

// percentile is the p-th percentile (0–100) of xs by linear interpolation
// between closest ranks; NaN for none.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	pos := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	return s[lo] + (s[hi]-s[lo])*(pos-float64(lo))
}

// round rounds x to digits decimals; NaN and infinities stay.
func round(x float64, digits int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// ratio is ours ÷ peer; NaN when either is unknown or the peer's is not
// positive.
func ratio(ours, peer float64, haveOurs, havePeer bool) float64 {
	if !haveOurs || !havePeer || peer <= 0 || math.IsNaN(ours) || math.IsNaN(peer) {
		return math.NaN()
	}
	return ours / peer
}
