//go:build !js

package bench

import "testing"

func ev(name, ph string, ts, dur float64) traceEvent {
	e := traceEvent{Name: name, Ph: ph, TS: ts, Dur: dur, PID: 1, TID: 7}
	return e
}

func TestSummarizeKeyTraceAddsThePhasesOfEachPress(t *testing.T) {
	keydown := func(ts float64) traceEvent {
		e := ev("EventDispatch", "X", ts, 500)
		e.Args.Data.Type = "keydown"
		return e
	}
	mark := func(ts float64) traceEvent { return ev(ours.tagMark, "R", ts, 0) }
	var events []traceEvent
	for _, base := range []float64{0, 100000} {
		events = append(events,
			keydown(base+1000),
			ev("RunTask", "X", base+1000, 4000),
			ev("FunctionCall", "X", base+1000, 3000),
			ev("FunctionCall", "X", base+1500, 1000), // nested: not counted again
			ev("Blink.Style.UpdateTime", "X", base+6000, 1000),
			ev("RunTask", "X", base+6000, 2000),
			ev("Blink.Paint.UpdateTime", "X", base+7000, 500),
			mark(base+11000),
		)
	}
	other := ev("FunctionCall", "X", 2000, 9000) // another thread
	other.TID = 8
	events = append(events, other)
	k := summarizeKeyTrace(events)
	if k.Presses != 2 || k.LatencyMS != 10 {
		t.Fatalf("%d presses, latency %v ms; want 2 and 10", k.Presses, k.LatencyMS)
	}
	want := map[string]float64{"script": 3, "style": 1, "paint": 0.5, "layout": 0, "busy": 6, "elsewhere": 4}
	for _, p := range k.Phases {
		if w, ok := want[p.Name]; ok && p.MS != w {
			t.Errorf("%s = %v ms, want %v", p.Name, p.MS, w)
		}
	}
	if len(k.Phases) != len(keyPhases)+2 {
		t.Errorf("%d phases", len(k.Phases))
	}
	if summarizeKeyTrace(nil).Presses != 0 {
		t.Error("presses from no events")
	}
}
