package browser

import "testing"

func TestBesideKeepsClearOfTheTextItIsAbout(t *testing.T) {
	// A viewport of 1000 × 800 under an app bar 50 px high, the panel
	// from x = 700.
	bounds := Rect{Top: 50, Left: 0, Bottom: 800, Right: 700}
	clause := Rect{Top: 300, Left: 100, Bottom: 420, Right: 600}
	sel := Rect{Top: 340, Left: 250, Bottom: 360, Right: 400}
	cases := []struct {
		name      string
		w, h      float64
		target    Rect
		avoid     Rect
		below     bool
		top, left float64
	}{
		{"a toolbar goes over the clause, at the selection's left", 300, 40, sel, clause, false, 252, 250},
		{"an editor goes under the clause", 400, 300, sel, clause, true, 428, 250},
		{"aligned left of the panel", 500, 40, Rect{Top: 340, Left: 500, Bottom: 360, Right: 600}, clause, false, 252, 200},
		{"no room over the clause: under it", 300, 40, Rect{Top: 70, Left: 100, Bottom: 90, Right: 200}, Rect{Top: 60, Left: 100, Bottom: 150, Right: 600}, false, 158, 100},
		{"no room over or under the clause: beside it", 80, 300, sel, Rect{Top: 60, Left: 100, Bottom: 780, Right: 600}, true, 340, 608},
		{"a long clause: around the selection only", 300, 200, sel, Rect{Top: 40, Left: 0, Bottom: 790, Right: 700}, true, 368, 250},
		{"nothing fits: under the selection, kept in bounds", 700, 760, sel, clause, true, 50, 0},
		{"no clause: around the target", 300, 40, sel, Rect{}, false, 292, 250},
	}
	for _, c := range cases {
		top, left := Beside(c.w, c.h, bounds, c.target, c.avoid, c.below)
		if top != c.top || left != c.left {
			t.Errorf("%s: got (%v, %v), want (%v, %v)", c.name, top, left, c.top, c.left)
		}
		placed := Rect{Top: top, Left: left, Bottom: top + c.h, Right: left + c.w}
		if c.name != "nothing fits: under the selection, kept in bounds" && overlaps(placed, c.target) {
			t.Errorf("%s: %+v covers the target %+v", c.name, placed, c.target)
		}
	}
}

func overlaps(a, b Rect) bool {
	return a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom
}
