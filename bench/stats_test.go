//go:build !js

package bench

import (
	"math"
	"testing"
)

func TestPercentileInterpolatesBetweenClosestRanks(t *testing.T) {
	xs := []float64{40, 10, 30, 20} // sorted: 10 20 30 40
	for _, c := range []struct{ p, want float64 }{{0, 10}, {50, 25}, {100, 40}, {95, 38.5}, {25, 17.5}} {
		if got := percentile(xs, c.p); got != c.want {
			t.Errorf("percentile %v = %v, want %v", c.p, got, c.want)
		}
	}
	if xs[0] != 40 {
		t.Error("percentile sorted its argument")
	}
	if !math.IsNaN(percentile(nil, 50)) {
		t.Error("the percentile of nothing is a number")
	}
}

func TestRoundAndRatio(t *testing.T) {
	if got := round(12.345, 1); got != 12.3 {
		t.Errorf("round = %v", got)
	}
	if !math.IsNaN(round(math.NaN(), 2)) {
		t.Error("round(NaN) is a number")
	}
	if got := ratio(300, 120, true, true); got != 2.5 {
		t.Errorf("ratio = %v", got)
	}
	for _, c := range []struct {
		o, p   float64
		ho, hp bool
	}{{300, 120, false, true}, {300, 120, true, false}, {300, 0, true, true}} {
		if !math.IsNaN(ratio(c.o, c.p, c.ho, c.hp)) {
			t.Errorf("ratio%v is a number", c)
		}
	}
}

func TestSummarizeTakesMediansOverRunsFailedOnesIncluded(t *testing.T) {
	runs := []Run{
		{Cold: &Load{AllPainted: 100, FirstPaint: -1}, Warm: &Load{AllPainted: 50}, Keypress: []float64{10, 12, 14}},
		{Cold: &Load{AllPainted: 300}, Warm: &Load{AllPainted: 70}, Keypress: []float64{20, 30}, Error: "later step failed"},
		{Cold: &Load{AllPainted: 200}, ImportMS: 900, Memory: &Memory{TotalMB: 40}},
	}
	m := summarize(runs)
	want := map[string]Stat{
		"cold.all_painted_ms":       {Median: 200, Min: 100, Max: 300, N: 3},
		"warm.all_painted_ms":       {Median: 60, Min: 50, Max: 70, N: 2},
		"keypress.median_ms":        {Median: 18.5, Min: 12, Max: 25, N: 2},
		"keypress.pooled_median_ms": {Median: 14, Min: 10, Max: 30, N: 5},
		"import_ms":                 {Median: 900, Min: 900, Max: 900, N: 1},
		"memory.total_mb":           {Median: 40, Min: 40, Max: 40, N: 1},
	}
	for name, w := range want {
		if got := m[name]; got != w {
			t.Errorf("%s = %+v, want %+v", name, got, w)
		}
	}
	if _, ok := m["cold.first_paint_ms"]; !ok || m["cold.first_paint_ms"].N != 2 {
		t.Errorf("a -1 (not measured) first paint is counted: %+v", m["cold.first_paint_ms"])
	}
	if _, ok := m.Median("offline.all_painted_ms"); ok {
		t.Error("offline measured from nothing")
	}
	if v, ok := m.Median("warm.all_painted_ms"); !ok || v != 60 {
		t.Errorf("Median = %v, %v", v, ok)
	}
}

func TestStatusFromCounts(t *testing.T) {
	for _, c := range []struct {
		ok, failed int
		want       string
	}{{3, 0, "ok"}, {0, 3, "failed"}, {2, 1, "partial"}} {
		if got := status(c.ok, c.failed); got != c.want {
			t.Errorf("status(%d, %d) = %q, want %q", c.ok, c.failed, got, c.want)
		}
	}
}
