//go:build !js

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// KeyTrace is where the time from a key press to its painted highlight
// goes, phase by phase, from a Chromium performance trace of extra,
// unmeasured key presses: for each press, the renderer main thread's trace
// events from the keydown to the cm-tag-painted mark; medians over the
// presses.
type KeyTrace struct {
	Presses   int     `json:"presses"`
	LatencyMS float64 `json:"latencyMs"` // median keydown → mark, traced
	// Phases are the median ms per press of each phase (keyPhases), then
	// "busy" (all its tasks) and "elsewhere" (the rest of the
	// latency: waiting for the next frame, raster, the compositor).
	Phases []FuncTime `json:"phases"`
}

// keyPhases are the trace events KeyTrace adds up, each a phase of the
// work of a key press on the renderer's main thread. Script is the
// outermost function calls (the Go handlers through wasm_exec.js).
var keyPhases = []struct{ name, event string }{
	{"script", "FunctionCall"},
	{"style", "Blink.Style.UpdateTime"},
	{"layout", "Blink.Layout.UpdateTime"},
	{"intersections", "IntersectionObserverController::computeIntersections"},
	{"pre-paint", "Blink.PrePaint.UpdateTime"},
	{"paint", "Blink.Paint.UpdateTime"},
	{"layerize", "Blink.CompositingCommit.UpdateTime"},
	{"GC", "V8.GC_MC_INCREMENTAL"},
}

// traceEvent is what KeyTrace reads of a trace event.
type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	TS   float64 `json:"ts"`  // µs
	Dur  float64 `json:"dur"` // µs
	PID  int64   `json:"pid"`
	TID  int64   `json:"tid"`
	Args struct {
		Name string `json:"name"` // thread_name metadata
		Data struct {
			Type string `json:"type"` // EventDispatch
		} `json:"data"`
	} `json:"args"`
}

// traceKeys makes key presses (see keyPresses) while Chromium traces the
// page, and sums up each press's trace.
func traceKeys(ctx context.Context, targets []string) (*KeyTrace, error) {
	tctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	data := chromedp.Events(tctx, tracing.DataCollected)
	complete := chromedp.Events(tctx, tracing.TracingComplete)
	var mu sync.Mutex
	var events []traceEvent
	go func() {
		for ev, err := range data {
			if err != nil {
				return
			}
			mu.Lock()
			for _, v := range ev.Value {
				var e traceEvent
				if json.Unmarshal(v, &e) == nil {
					events = append(events, e)
				}
			}
			mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{
			"devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "blink.user_timing", "v8", "toplevel",
		}},
	}); err != nil {
		return nil, err
	}
	lat, err := keyPresses(ctx, ours, targets)
	if _, endErr := chromedp.Call(ctx, tracing.End, cdp.Empty{}); endErr != nil && err == nil {
		err = endErr
	}
	if err != nil {
		return nil, err
	}
	for _, err := range complete {
		if err != nil {
			return nil, fmt.Errorf("the trace did not complete: %w", err)
		}
		break
	}
	// The last events may still be on their way to the collector.
	var t *KeyTrace
	for range 50 {
		mu.Lock()
		t = summarizeKeyTrace(events)
		mu.Unlock()
		if t.Presses >= len(lat) {
			return t, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return t, fmt.Errorf("the trace shows %d key presses with their highlights, not %d", t.Presses, len(lat))
}

// summarizeKeyTrace finds each keydown on the renderer's main thread and
// the cm-tag-painted mark after it, and adds up the phases in between.
func summarizeKeyTrace(events []traceEvent) *KeyTrace {
	type thread struct{ pid, tid int64 }
	var keydowns []traceEvent
	var marks []float64
	for _, e := range events {
		switch {
		case e.Name == "EventDispatch" && e.Args.Data.Type == "keydown":
			keydowns = append(keydowns, e)
		case e.Name == ours.tagMark:
			marks = append(marks, e.TS)
		}
	}
	t := &KeyTrace{}
	if len(keydowns) == 0 {
		return t
	}
	main := thread{keydowns[0].PID, keydowns[0].TID}
	var onMain []traceEvent
	for _, e := range events {
		if e.Ph == "X" && (thread{e.PID, e.TID}) == main {
			onMain = append(onMain, e)
		}
	}
	sort.Slice(onMain, func(i, j int) bool {
		if onMain[i].TS != onMain[j].TS {
			return onMain[i].TS < onMain[j].TS
		}
		return onMain[i].Dur > onMain[j].Dur
	})
	sort.Float64s(marks)
	names := append(func() []string {
		var s []string
		for _, p := range keyPhases {
			s = append(s, p.name)
		}
		return s
	}(), "busy", "elsewhere")
	per := map[string][]float64{}
	var lats []float64
	for _, kd := range keydowns {
		if kd.PID != main.pid || kd.TID != main.tid {
			continue
		}
		i := sort.SearchFloat64s(marks, kd.TS)
		if i == len(marks) {
			continue
		}
		from, to := kd.TS, marks[i]
		sums := map[string]float64{}
		var outerTask, outerCall float64 // ends of the enclosing RunTask and FunctionCall
		for _, e := range onMain {
			if e.TS < from-1000 || e.TS >= to {
				continue
			}
			switch e.Name {
			case "RunTask":
				if e.TS >= outerTask {
					// The part of the task in the window.
					sums["busy"] += (min(e.TS+e.Dur, to) - max(e.TS, from))
					outerTask = e.TS + e.Dur
				}
				continue
			case "FunctionCall":
				if e.TS < outerCall || e.TS < from {
					continue
				}
				outerCall = e.TS + e.Dur
			}
			if e.TS < from {
				continue
			}
			for _, p := range keyPhases {
				if p.event == e.Name {
					sums[p.name] += e.Dur
				}
			}
		}
		lat := (to - from) / 1000
		lats = append(lats, lat)
		for _, n := range names[:len(names)-1] {
			per[n] = append(per[n], sums[n]/1000)
		}
		per["elsewhere"] = append(per["elsewhere"], max(lat-sums["busy"]/1000, 0))
	}
	t.Presses = len(lats)
	if t.Presses == 0 {
		return t
	}
	t.LatencyMS = round(percentile(lats, 50), 1)
	for _, n := range names {
		t.Phases = append(t.Phases, FuncTime{Name: n, MS: round(percentile(per[n], 50), 2)})
	}
	return t
}
