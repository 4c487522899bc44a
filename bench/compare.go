//go:build !js

package bench

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// LoadBase reads the results to compare a new run with: the file name, or
// if it is empty the committed bench/results.json of the repository at
// root (git show HEAD:bench/results.json). It returns the name it read.
func LoadBase(root, name string) (*Results, string, error) {
	var data []byte
	if name != "" {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, name, err
		}
		data = b
	} else {
		name = "HEAD:bench/results.json"
		cmd := exec.Command("git", "show", name)
		cmd.Dir = root
		b, err := cmd.Output()
		if err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) && len(ee.Stderr) > 0 {
				err = fmt.Errorf("%v: %s", err, strings.TrimSpace(string(ee.Stderr)))
			}
			return nil, name, fmt.Errorf("git show %s: %v", name, err)
		}
		data = b
	}
	r, err := ReadResults(data)
	if err != nil {
		return nil, name, fmt.Errorf("%s: %v", name, err)
	}
	return r, name, nil
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

// comparedLibrary are the library scenario's metrics the comparison
// shows, when both runs measured a library of the same size.
var comparedLibrary = []struct{ name, label string }{
	{"library.warm_listed_ms", "/library warm (ms)"},
	{"library.offline_listed_ms", "/library offline (ms)"},
	{"filter.pooled_median_ms", "filter key press, median (ms)"},
	{"filter.pooled_p95_ms", "filter key press, p95 (ms)"},
	{"annotations.first_list_ms", "/annotations first list (ms)"},
	{"open.from_library_ms", "open from the library (ms)"},
	{"storage.indexeddb_mb", "IndexedDB (MB)"},
	{"memory.annotations_total_mb", "/annotations memory (MB)"},
}

// comparedPeer are the metrics of a peer the comparison shows.
var comparedPeer = []struct{ name, label string }{
	{"cold.all_painted_ms", "cold, all painted (ms)"},
	{"warm.all_painted_ms", "warm, all painted (ms)"},
	{"keypress.median_ms", "add one, median (ms)"},
}

// compareRows writes a row per metric measured in base or cur; it returns
// how many.
func compareRows(w func(string, ...any), cell, prefix string, base, cur Metrics, metrics []struct{ name, label string }) int {
	shown := 0
	for _, m := range metrics {
		bs, bok := base[m.name]
		cs, cok := cur[m.name]
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
		w("| %s | %s%s | %s | %s | %s |\n", cell, prefix, m.label, bv, cv, delta)
		shown++
	}
	return shown
}

// Compare sets the browser medians of a new run (cur, read from curName)
// beside those of a base run, cell by cell, ours and the peers', as
// Markdown. It reports; it never judges the figures.
func Compare(base, cur *Results, baseName, curName string) string {
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
		shown += compareRows(w, c.Name, "", bc.Metrics, c.Metrics, compared)
		for _, p := range c.Peers {
			bp := bc.Peer(p.Name)
			if bp == nil {
				continue
			}
			shown += compareRows(w, c.Name, p.Label+" ", bp.Metrics, p.Metrics, comparedPeer)
		}
		if bc.Status != c.Status {
			w("| %s | status | %s | %s | |\n", c.Name, bc.Status, c.Status)
		}
	}
	if base.Library != nil && cur.Library != nil && base.Library.Documents == cur.Library.Documents && base.Library.PerDocument == cur.Library.PerDocument {
		name := fmt.Sprintf("library %dx%d", cur.Library.Documents, cur.Library.PerDocument)
		shown += compareRows(w, name, "", base.Library.Metrics, cur.Library.Metrics, comparedLibrary)
		if base.Library.Status != cur.Library.Status {
			w("| %s | status | %s | %s | |\n", name, base.Library.Status, cur.Library.Status)
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
