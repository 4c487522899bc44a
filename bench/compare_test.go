//go:build bench

package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompare prints the browser medians of two results.json side by side:
// the base (BENCH_BASE, default the committed bench/results.json, read with
// git show HEAD:bench/results.json) and the new run (BENCH_NEW, default
// results.json). make bench-compare runs it after a new make bench; the
// Go benchmarks are compared by benchstat there. It reports; it never
// fails on the figures.
func TestCompare(t *testing.T) {
	base, baseName, err := loadBase()
	if err != nil {
		t.Skipf("no base results to compare with: %v", err)
	}
	newPath := os.Getenv("BENCH_NEW")
	if newPath == "" {
		newPath = "results.json"
	}
	data, err := os.ReadFile(newPath)
	if err != nil {
		t.Fatalf("no new results: %v (run make bench first)", err)
	}
	var cur Results
	if err := json.Unmarshal(data, &cur); err != nil {
		t.Fatalf("%s: %v", newPath, err)
	}
	fmt.Print(compareMarkdown(base, &cur, baseName, newPath))
}

func loadBase() (*Results, string, error) {
	var data []byte
	name := os.Getenv("BENCH_BASE")
	if name != "" {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, "", err
		}
		data = b
	} else {
		name = "HEAD:bench/results.json"
		b, err := exec.Command("git", "show", name).Output()
		if err != nil {
			return nil, "", fmt.Errorf("git show %s: %v", name, err)
		}
		data = b
	}
	var r Results
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, "", fmt.Errorf("%s: %v", name, err)
	}
	return &r, name, nil
}

// compared are the metrics the comparison shows, with their labels.
var compared = []struct{ name, label string }{
	{"cold.all_painted_ms", "cold, all painted (ms)"},
	{"warm.all_painted_ms", "warm, all painted (ms)"},
	{"offline.all_painted_ms", "offline, all painted (ms)"},
	{"cold.first_contentful_paint_ms", "cold FCP (ms)"},
	{"warm.first_contentful_paint_ms", "warm FCP (ms)"},
	{"keypress.median_ms", "add one, median (ms)"},
	{"keypress.p95_ms", "add one, p95 (ms)"},
	{"memory.js_heap_mb", "JS heap (MB)"},
	{"memory.wasm_mb", "wasm memory (MB)"},
	{"bytes.cold_page", "cold bytes, page"},
	{"bytes.cold_server", "cold bytes, server"},
}

func compareMarkdown(base, cur *Results, baseName, curName string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("\n## Browser benchmark: %s (%s, %s) → %s (%s, %s)\n\n", baseName, base.App.Version, base.Date, curName, cur.App.Version, cur.Date)
	if base.Machine.CPUs != cur.Machine.CPUs || base.Machine.Chromium != cur.Machine.Chromium || base.Machine.CPUModel != cur.Machine.CPUModel {
		w("Note: different machines or browsers (%d CPUs %s, %s → %d CPUs %s, %s): the figures may not be comparable.\n\n",
			base.Machine.CPUs, base.Machine.CPUModel, base.Machine.Chromium, cur.Machine.CPUs, cur.Machine.CPUModel, cur.Machine.Chromium)
	}
	w("Medians over the runs (min–max of the new run); Δ is new vs base. Differences within the spread of the runs are noise.\n\n")
	w("| cell | metric | base | new | Δ |\n|---|---|---:|---:|---:|\n")
	baseCells := map[string]Cell{}
	for _, c := range base.Cells {
		baseCells[c.Name] = c
	}
	shown := 0
	for _, c := range cur.Cells {
		bc, ok := baseCells[c.Name]
		if !ok {
			w("| %s | (not in the base) | | | |\n", c.Name)
			continue
		}
		for _, m := range compared {
			bs, bok := bc.Metrics[m.name]
			cs, cok := c.Metrics[m.name]
			if !bok && !cok {
				continue
			}
			delta := "–"
			if bok && cok && bs.N > 0 && cs.N > 0 && bs.Median != 0 {
				delta = fmt.Sprintf("%+.1f%%", (cs.Median-bs.Median)/bs.Median*100)
			}
			bv, cv := "–", "–"
			if bok && bs.N > 0 {
				bv = num(bs.Median)
			}
			if cok && cs.N > 0 {
				cv = num(cs.Median)
				if cs.N > 1 && cs.Min != cs.Max {
					cv += fmt.Sprintf(" (%s–%s)", num(cs.Min), num(cs.Max))
				}
			}
			w("| %s | %s | %s | %s | %s |\n", c.Name, m.label, bv, cv, delta)
			shown++
		}
		if bc.Status != c.Status {
			w("| %s | status | %s | %s | |\n", c.Name, bc.Status, c.Status)
		}
	}
	if shown == 0 {
		w("| – | no cell in common | | | |\n")
	}
	if base.Sizes.Wasm.Raw > 0 && cur.Sizes.Wasm.Raw > 0 {
		w("\napp.wasm: raw %s → %s, brotli %s → %s.\n", mb(base.Sizes.Wasm.Raw), mb(cur.Sizes.Wasm.Raw), mb(base.Sizes.Wasm.Brotli), mb(cur.Sizes.Wasm.Brotli))
	}
	return b.String()
}

// TestReport writes RESULTS.md again from results.json and go.txt (in
// BENCH_OUT, default .), without measuring anything: for a change of the
// report's layout.
func TestReport(t *testing.T) {
	cfg, err := loadConfig()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(cfg.out, "results.json"))
	if err != nil {
		t.Skipf("no results to report: %v", err)
	}
	var r Results
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if g := readGoResults(cfg.goResults); g != nil {
		r.Go = g
	}
	if err := r.write(cfg); err != nil {
		t.Fatal(err)
	}
}
