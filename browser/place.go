package browser

// Beside returns where a floating element of size w × h goes (its top
// left corner, in viewport pixels) so that it covers neither target (a
// selection, a highlight) nor, when there is room for that, avoid (the
// text around it: the clause), inside bounds (the free part of the
// viewport: under the app bar, left of the panel).
//
// It tries, in order, the first place that fits whole in bounds: under
// avoid, over avoid (the other way round when below is false), right of
// avoid, left of avoid, then the same around target alone. Above and
// below, the element is aligned on target's left edge; beside, on its top.
// When nothing fits, it goes under (or over) target, kept inside bounds as
// far as it can be: on a screen too small for it, it covers what it must.
func Beside(w, h float64, bounds, target, avoid Rect, below bool) (top, left float64) {
	const gap = 8
	avoid = union(avoid, target)
	clampX := func(x float64) float64 { return max(bounds.Left, min(x, bounds.Right-w)) }
	clampY := func(y float64) float64 { return max(bounds.Top, min(y, bounds.Bottom-h)) }
	fitsX := func(x float64) bool { return x >= bounds.Left && x+w <= bounds.Right }
	fitsY := func(y float64) bool { return y >= bounds.Top && y+h <= bounds.Bottom }
	for _, r := range []Rect{avoid, target} {
		under, over := r.Bottom+gap, r.Top-gap-h
		vertical := []float64{under, over}
		if !below {
			vertical = []float64{over, under}
		}
		for _, y := range vertical {
			if fitsY(y) && w <= bounds.Right-bounds.Left {
				return y, clampX(target.Left)
			}
		}
		for _, x := range []float64{r.Right + gap, r.Left - gap - w} {
			if fitsX(x) && h <= bounds.Bottom-bounds.Top {
				return clampY(target.Top), x
			}
		}
	}
	y := target.Bottom + gap
	if !below {
		y = target.Top - gap - h
	}
	return clampY(y), clampX(target.Left)
}

// union is the smallest rectangle holding a and b; an empty rectangle
// (zero) adds nothing.
func union(a, b Rect) Rect {
	if a == (Rect{}) {
		return b
	}
	if b == (Rect{}) {
		return a
	}
	return Rect{Top: min(a.Top, b.Top), Left: min(a.Left, b.Left), Bottom: max(a.Bottom, b.Bottom), Right: max(a.Right, b.Right)}
}
