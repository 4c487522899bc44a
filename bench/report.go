//go:build !js

package bench

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Write writes results.json and RESULTS.md into dir, each replaced whole
// (written aside, then renamed).
func (r *Results) Write(dir string) error {
	j, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "results.json"), append(j, '\n')); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "RESULTS.md"), []byte(r.Markdown()))
}

func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// ReadResults reads a results.json.
func ReadResults(data []byte) (*Results, error) {
	var r Results
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// Markdown is RESULTS.md.
func (r *Results) Markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Clausemark benchmark results\n\n")
	w("Written by `make bench` (bench/cmd/bench, package bench); machine-readable copy: `results.json`. ")
	w("Compare a new run with these committed figures: `make bench-compare`.\n\n")
	w("- **Date:** %s", r.Date)
	if r.Finished != "" {
		w(" – %s", r.Finished)
	}
	w("\n- **Machine:** %d CPUs", r.Machine.CPUs)
	if r.Machine.CPUModel != "" {
		w(" (%s)", r.Machine.CPUModel)
	}
	if r.Machine.MemoryGB > 0 {
		w(", %.0f GB", r.Machine.MemoryGB)
	}
	if r.Machine.OS != "" {
		w(", %s", r.Machine.OS)
	}
	w(", %s/%s, %s\n", r.Machine.GOOS, r.Machine.GOARCH, r.Machine.Go)
	w("- **Browser:** %s (V8 %s), headless, a fresh profile for every run\n", r.Machine.Chromium, r.Machine.V8)
	w("- **App:** %s\n", r.App.Version)
	w("- **Runs:** %d per cell (figures are median (min–max) over the runs); %d key presses per run; annotation seed %d\n\n",
		r.Config.Runs, r.Config.KeySamples, r.Config.Seed)

	w("## Time until every highlight is painted\n\n")
	w("Milliseconds from navigation start to the app's `cm-annotations-painted` mark (saved annotations read from IndexedDB, rendered, and painted). ")
	w("**Cold**: empty HTTP cache, no service worker (annotations already in IndexedDB). **Warm**: reload with the worker and its cache. **Offline**: reload with the server stopped. ")
	w("The peers, measured in the same run, are in the next section.\n\n")
	w("| K | N | cold | warm | offline |\n")
	w("|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		w("| %d | %s | %s | %s | %s |\n", c.K, thousands(int64(c.N)),
			cellStat(c, "cold.all_painted_ms"), cellStat(c, "warm.all_painted_ms"), cellStat(c, "offline.all_painted_ms"))
	}
	r.writePeers(w)
	w("\n### First paint of the document\n\n")
	w("First contentful paint (ms; the document is pre-rendered in the HTML, so it paints before the wasm starts), and when app.wasm and the resolution text were received.\n\n")
	w("| K | N | FCP cold | FCP warm | FCP offline | app.wasm received cold | warm | resolution text received cold | DOMContentLoaded cold |\n")
	w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		w("| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", c.K, thousands(int64(c.N)),
			cellStat(c, "cold.first_contentful_paint_ms"), cellStat(c, "warm.first_contentful_paint_ms"), cellStat(c, "offline.first_contentful_paint_ms"),
			cellStat(c, "cold.wasm_received_ms"), cellStat(c, "warm.wasm_received_ms"), cellStat(c, "cold.document_received_ms"),
			cellStat(c, "cold.dom_content_loaded_ms"))
	}

	w("\n## Adding one annotation\n\n")
	w("Key press to painted highlight (ms): the label of a clause has the focus, a real key `2` tags it as a request; from the keydown's `event.timeStamp` to the app's `cm-tag-painted` mark (set after the next frame is painted). The keys land at phases spread over a frame (0–16 ms after one), as a delegate's would. ")
	w("Each sample tags another clause. Per run: median and p95 of the samples; shown: median (min–max) of those over the runs, and the median and p95 of all samples pooled.\n\n")
	w("| K | N | median | p95 | pooled median | pooled p95 | samples |\n")
	w("|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		w("| %d | %s | %s | %s | %s | %s | %d |\n", c.K, thousands(int64(c.N)),
			cellStat(c, "keypress.median_ms"), cellStat(c, "keypress.p95_ms"),
			c.Metrics.show("keypress.pooled_median_ms"), c.Metrics.show("keypress.pooled_p95_ms"), c.Metrics["keypress.pooled_median_ms"].N)
	}

	w("\n## Memory\n\n")
	w("After the warm reload, every highlight painted: JavaScript heap used after a forced garbage collection (Runtime.getHeapUsage), and the WebAssembly linear memory (the sum of the `WebAssembly.Memory` buffers, found with Runtime.queryObjects; Go's heap lives there and never shrinks). MB = 2²⁰ bytes.\n\n")
	w("| K | N | JS heap MB | wasm memory MB | total MB |\n")
	w("|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		w("| %d | %s | %s | %s | %s |\n", c.K, thousands(int64(c.N)),
			cellStat(c, "memory.js_heap_mb"), cellStat(c, "memory.wasm_mb"), cellStat(c, "memory.total_mb"))
	}

	w("\n## Bytes transferred on the cold load\n\n")
	w("**Page**: the sum of the page's `Network.loadingFinished` encodedDataLength (headers included). **Server**: every response body the in-process server sent from the navigation until the service worker's cache held the app, the worker's own install fetches included (they are not visible to the page's network domain). ")
	w("**app.wasm sent**: responses with a body for /web/app.wasm during that time (2 = the worker's install downloaded it again). **Warm**: bytes the server sent during the warm reload.\n\n")
	w("| K | N | page | server | requests | app.wasm sent | warm | resolution text | pre-rendered page |\n")
	w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		wasmSent := "–"
		if run := firstWithBytes(c); run != nil {
			p := run.Bytes.Server["/web/app.wasm"]
			wasmSent = fmt.Sprintf("%d× (%s)", p.Full, kb(p.Bytes))
		}
		w("| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", c.K, thousands(int64(c.N)),
			kbStat(c, "bytes.cold_page"), kbStat(c, "bytes.cold_server"), c.Metrics.show("bytes.cold_server_requests"),
			wasmSent, kbStat(c, "bytes.warm_server"), kb(int64(c.Document.Bytes)), kb(int64(c.Document.HTMLBytes)))
	}

	r.writeProfiles(w)
	r.writeLibrary(w)

	w("\n## Goals\n\n")
	for _, g := range append(r.goals(), r.libraryGoals()...) {
		w("- %s\n", g)
	}

	w("\n## Sizes\n\n")
	w("`app.wasm`: raw %s, gzip -9 %s, brotli -q 11 %s.\n\n", mb(r.Sizes.Wasm.Raw), mb(r.Sizes.Wasm.Gzip), mb(r.Sizes.Wasm.Brotli))
	w("Everything served (built-in resolution; bytes as sent to a browser that accepts brotli):\n\n")
	w("| path | bytes | type | encoding |\n|---|---:|---|---|\n")
	var total int64
	for _, a := range r.Sizes.Assets {
		total += int64(a.Bytes)
		w("| `%s` | %s | %s | %s |\n", a.Path, thousands(int64(a.Bytes)), a.ContentType, dash(a.Encoding))
	}
	w("| total | %s | | |\n", thousands(total))

	w("\n## Go benchmarks of the pure packages\n\n")
	if r.Go == nil {
		w("No `go.txt`: run `make bench` (it runs them first).\n")
	} else {
		w("`go test -run='^$' -bench=. -benchmem -count=6 ./resolution ./annotations` → `%s`", r.Go.File)
		if r.Go.benchstat != "" {
			w(", summarised by benchstat:\n\n```\n%s```\n", r.Go.benchstat)
		} else {
			w(" (benchstat not installed; medians):\n\n| package | benchmark | ns/op | B/op | allocs/op |\n|---|---|---:|---:|---:|\n")
			for _, g := range r.Go.Benchmarks {
				w("| %s | %s | %s | %s | %s |\n", filepath.Base(g.Pkg), g.Name, num(g.NsPerOp), num(g.BytesPerOp), num(g.AllocsPerOp))
			}
		}
	}

	w("\n## Runs, failures and console errors\n\n")
	w("Load average: the machine's 1-minute load average at the start and end of the runs (highest of the cell); above the 2 cores means other work competed with the benchmark.\n\n")
	w("| K | N | status | ok | failed | import through the UI, ms | seconds per run | load average |\n|---:|---:|---|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		var secs, loads []float64
		for _, run := range c.Runs {
			secs = append(secs, run.Seconds)
			loads = append(loads, run.LoadAvg...)
		}
		load := "–"
		if len(loads) > 0 {
			load = fmt.Sprintf("%.2f", slices.Max(loads))
		}
		w("| %d | %s | %s | %d | %d | %s | %s | %s |\n", c.K, thousands(int64(c.N)), c.Status, c.OK, c.Failed,
			cellStat(c, "import_ms"), num(percentile(secs, 50)), load)
	}
	listed := false
	for _, c := range r.Cells {
		var lines []string
		lines = append(lines, c.Notes...)
		lines = append(lines, runProblems("", c.Runs)...)
		for _, p := range c.Peers {
			if p.Missing != "" {
				lines = append(lines, fmt.Sprintf("%s: missing: %s", p.Label, p.Missing))
			}
			lines = append(lines, runProblems(p.Label+": ", p.Runs)...)
		}
		if len(lines) == 0 {
			continue
		}
		listed = true
		w("\n**%s** (K=%d, N=%s):\n\n", c.Name, c.K, thousands(int64(c.N)))
		for _, l := range lines {
			w("- %s\n", strings.ReplaceAll(l, "\n", " "))
		}
	}
	if !listed {
		w("\nNo failures, no console errors.\n")
	}

	for _, n := range r.Notes {
		w("\nNote: %s\n", n)
	}

	w("\n## How it is measured\n\n")
	w("- Document: `bench.Resolution(K)`, the seed A/HRC/RES/53/11 repeated K times as one resolution (33K preambular, 37K operative paragraphs, footnotes renumbered), served with `server.Options{Document}` like `clausemark serve -doc FILE`; the app fetches and parses it in the browser (/document.txt).\n")
	w("- Annotations: `bench.Annotations(doc, N, seed)`, a native file of N deterministic pseudo-random annotations (spans of 20–200 code points, one in ten whole clauses, one span in five overlapping an earlier one, the three tags mixed, one in five with a note), imported through the app's own Import (file input, preview dialog, Import button) in the run's profile and saved to IndexedDB before the measured loads.\n")
	w("- Each run: fresh Chromium profile and a new in-process server; import; wait until the service worker has cached the app; clear the HTTP cache (Network.clearBrowserCache), the worker and Cache Storage (Storage.clearDataForOrigin) but not IndexedDB; cold load; warm reload; memory; stop the server; offline reload; key presses (offline).\n")
	w("- Peers: the same document's clauses (their plain text, one `<p>` each) and the same N annotations (offsets converted to UTF-16 at the edge), in data.json; each peer run: fresh profile, the benchmark's own server; cold load; warm reload; memory; key presses. After each load the page checks that every annotation shows exactly its quote (a run whose peer shows a wrong text fails).\n")
	if r.Library != nil {
		w("- Library at scale: `bench.Library(bench.CorpusTexts(root), D, A, seed)` (BENCH_LIBRARY_SIZE, 300x100), written into each run's fresh profile by `bench/cmd/filllibrary` through `wasm.Store.Write` before the app first runs; each run: fill; /library first load; wait until the service worker has cached the app; 3 warm reloads; memory; a click on a document's link; a warm reload of that document; /annotations warm load; memory; key presses in its search; stop the server; /library offline; storage estimate. BENCH_LIBRARY=0 leaves it out, BENCH_LIBRARY_RUNS sets its runs (BENCH_RUNS).\n")
	}
	w("- Benchmarks report figures; they never fail on noise. The machine may have been running other work: compare runs made on the same machine.\n")
	return b.String()
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func kbStat(c Cell, name string) string {
	s, ok := c.Metrics[name]
	if !ok || s.N == 0 {
		return "–"
	}
	return kb(int64(s.Median))
}

func firstWithBytes(c Cell) *Run {
	for i := range c.Runs {
		if c.Runs[i].Bytes != nil {
			return &c.Runs[i]
		}
	}
	return nil
}

// goal checks one ratio of a cell against a peer: met(ours ÷ peer) must
// hold. It adds the figure to lines, clears *ok when the goal is not met or
// not measured (a missing peer leaves it as it is), and reports whether the
// ratio was measured.
func goal(c Cell, peer, kind string, met func(float64) bool, ok *bool, lines *[]string) bool {
	p := c.Peer(peer)
	if p == nil {
		return false
	}
	if p.Status == "missing" {
		*lines = append(*lines, fmt.Sprintf("%s %s: the peer is missing", c.Name, kind))
		return false
	}
	q, measured := ourRatio(c, peer, kind)
	if !measured {
		*ok = false
		*lines = append(*lines, fmt.Sprintf("%s %s not measured", c.Name, kind))
		return false
	}
	*ok = *ok && met(q)
	*lines = append(*lines, fmt.Sprintf("%s %s %s×", c.Name, kind, ratioText(q)))
	return true
}

// runProblems lists the failures and console problems of runs, each line
// starting with prefix.
func runProblems(prefix string, runs []Run) []string {
	var lines []string
	for _, run := range runs {
		if run.Error != "" {
			lines = append(lines, fmt.Sprintf("%srun %d failed at %s: %s", prefix, run.Run, run.Step, run.Error))
		}
	}
	console := map[string]int{}
	for _, run := range runs {
		for _, m := range run.Console {
			console[m]++
		}
	}
	keys := make([]string, 0, len(console))
	for k := range console {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		lines = append(lines, fmt.Sprintf("%sconsole (%d of %d runs): %s", prefix, console[k], len(runs), k))
	}
	return lines
}

// goals checks the goals against the medians.
func (r *Results) goals() []string {
	cells := map[string]Cell{}
	for _, c := range r.Cells {
		cells[c.Name] = c
	}
	med := func(c Cell, name string) (float64, bool) {
		s, ok := c.Metrics[name]
		return s.Median, ok && s.N > 0
	}
	verdict := func(ok bool) string {
		if ok {
			return "**met**"
		}
		return "**not met**"
	}
	var out []string

	// Warm and offline faster than text-annotator in every cell; within
	// 1.5× of the bare DOM at N = 10,000 (the peers measured in the run).
	var ta, bare []string
	taOK, bareOK, taSeen, bareSeen := true, true, false, false
	for _, c := range r.Cells {
		for _, kind := range []string{"warm", "offline"} {
			taSeen = goal(c, peerTextAnnotator, kind, func(q float64) bool { return q < 1 }, &taOK, &ta) || taSeen
			if c.N == 10000 {
				bareSeen = goal(c, peerBare, kind, func(q float64) bool { return q <= 1.5 }, &bareOK, &bare) || bareSeen
			}
		}
	}
	if taSeen {
		out = append(out, fmt.Sprintf("Warm and offline loads faster than @recogito/text-annotator (ours ÷ its warm load < 1) in every cell: %s (%s).", verdict(taOK), strings.Join(ta, "; ")))
	} else {
		out = append(out, "Warm and offline loads faster than @recogito/text-annotator: not measured in this run.")
	}
	if bareSeen {
		out = append(out, fmt.Sprintf("Within 1.5× of the bare DOM at N = 10,000 (ours ÷ its warm load ≤ 1.5): %s (%s).", verdict(bareOK), strings.Join(bare, "; ")))
	} else {
		out = append(out, "Within 1.5× of the bare DOM at N = 10,000: not measured in this run.")
	}

	// Adding one annotation ≤ 16 ms median at every N.
	var add []string
	addOK, addSeen := true, false
	for _, c := range r.Cells {
		v, ok := med(c, "keypress.median_ms")
		if !ok {
			continue
		}
		addSeen = true
		if v > 16 {
			addOK = false
		}
		add = append(add, fmt.Sprintf("%s %s", c.Name, num(v)))
	}
	if addSeen {
		out = append(out, fmt.Sprintf("Adding one annotation ≤ 16 ms median at every N: %s (%s ms).", verdict(addOK), strings.Join(add, "; ")))
	} else {
		out = append(out, "Adding one annotation ≤ 16 ms median: not measured in this run.")
	}

	// Memory under 150 MB at K = 50, N = 10,000.
	if c, ok := cells["50x10000"]; ok {
		if v, ok := med(c, "memory.total_mb"); ok {
			out = append(out, fmt.Sprintf("Memory under 150 MB at K = 50, N = 10,000: %s (%s MB: JS heap %s + wasm %s).", verdict(v < 150),
				num(v), c.Metrics.show("memory.js_heap_mb"), c.Metrics.show("memory.wasm_mb")))
		} else {
			out = append(out, "Memory under 150 MB at K = 50, N = 10,000: **not measured** (the cell failed, see below).")
		}
	} else {
		out = append(out, "Memory under 150 MB at K = 50, N = 10,000: not measured in this run.")
	}
	return out
}

// profileColumns are the categories of self time RESULTS.md shows, in order.
var profileColumns = []struct{ cat, label string }{
	{"(program)", "browser (parse, style, layout, paint)"},
	{"native (DOM calls, innerHTML, …)", "DOM calls"},
	{"js: wasm_exec.js (the Go ↔ JavaScript bridge)", "wasm_exec.js bridge"},
	{"wasm: syscall/js (calls into JavaScript)", "syscall/js"},
	{"wasm: Go runtime (allocation, GC, scheduler)", "Go runtime"},
	{"wasm: go-app", "go-app"},
	{"wasm: clausemark app, wasm", "app, wasm pkgs"},
	{"wasm: clausemark/annotations", "annotations"},
	{"wasm: clausemark/resolution", "resolution"},
	{"wasm: encoding/json, reflect", "json, reflect"},
	{"wasm: go-indexeddb", "go-indexeddb"},
	{"wasm: other Go (strings, strconv, regexp, …)", "other Go"},
	{"(garbage collector)", "JS GC"},
	{"(idle)", "idle"},
}

func (r *Results) writeProfiles(w func(string, ...any)) {
	reloads := r.profiles(func(run *Run) *ProfileSummary { return run.Profile })
	if len(reloads) > 0 {
		w("\n## Where the time goes\n\n")
		w("The first run of each cell makes one extra, unmeasured warm reload under V8's sampling profiler (250 µs), from the reload to the `cm-annotations-painted` mark; the profiler slows it down. ")
		w("Self time on the page's main thread in ms, by kind of code. *browser* is Blink's own work that no script called (HTML parsing, style, layout, paint); *DOM calls* are native functions scripts called (innerHTML, setAttribute, …); Go functions of app.wasm are named in the profile.\n\n")
		writeProfileTables(w, reloads, "all painted (profiled)", "reloads")
	}
	colds := r.profiles(func(run *Run) *ProfileSummary { return run.ColdProfile })
	if len(colds) > 0 {
		w("\n### Cold reloads under the profiler\n\n")
		w("After the warm profile, the first run of each cell clears the HTTP cache, the worker and Cache Storage (IndexedDB kept) and makes one more reload under the profiler, as above.\n\n")
		writeProfileTables(w, colds, "all painted (profiled)", "cold reloads")
	}
	r.writeKeyTraces(w)
	keys := r.profiles(func(run *Run) *ProfileSummary { return run.KeyProfile })
	if len(keys) > 0 {
		w("\n### Key presses under the profiler\n\n")
		w("After its measured key presses, the first run of each cell makes %d more under the profiler, as above: from a little before each key to a little after its highlight is painted, the waits between them included (*idle*).\n\n", profiledKeys)
		writeProfileTables(w, keys, "median latency (profiled)", "key presses")
	}
}

// writeKeyTraces writes the phases of a key press of each cell.
func (r *Results) writeKeyTraces(w func(string, ...any)) {
	type row struct {
		c Cell
		t *KeyTrace
	}
	var rows []row
	for _, c := range r.Cells {
		for i := range c.Runs {
			if t := c.Runs[i].KeyTrace; t != nil && t.Presses > 0 {
				rows = append(rows, row{c, t})
				break
			}
		}
	}
	if len(rows) == 0 {
		return
	}
	w("\n### Where the time of a key press goes\n\n")
	w("After its measured key presses, the first run of each cell makes %d more while Chromium records a performance trace. ", profiledKeys)
	w("For each press, the trace events of the renderer's main thread from the keydown to the `cm-tag-painted` mark, added up by phase; the medians over the presses, in ms. ")
	w("*script*: the event handlers and tasks (the Go code through wasm_exec.js); *intersections*: the intersection observers, among them those of `content-visibility: auto`; *layerize*: turning the paint into compositor layers; *busy*: all the main thread's tasks in the window; *elsewhere*: the rest of the latency (waiting for the next frame, raster, the compositor).\n\n")
	w("| K | N | latency (traced) |")
	for _, p := range rows[0].t.Phases {
		w(" %s |", p.Name)
	}
	w("\n|---:|---:|---:|")
	for range rows[0].t.Phases {
		w("---:|")
	}
	w("\n")
	for _, x := range rows {
		w("| %d | %s | %s |", x.c.K, thousands(int64(x.c.N)), num(x.t.LatencyMS))
		for _, p := range x.t.Phases {
			w(" %s |", num(p.MS))
		}
		w("\n")
	}
}

// cellProfile is a profile of one cell.
type cellProfile struct {
	c Cell
	p *ProfileSummary
}

// profiles are the first profiles of each cell that get gives.
func (r *Results) profiles(get func(*Run) *ProfileSummary) []cellProfile {
	var ps []cellProfile
	for _, c := range r.Cells {
		for i := range c.Runs {
			if p := get(&c.Runs[i]); p != nil && p.TotalMS > 0 {
				ps = append(ps, cellProfile{c, p})
				break
			}
		}
	}
	return ps
}

// writeProfileTables writes the time by category, the renderer's metrics,
// and the top functions of the largest cell, of profiles of what.
func writeProfileTables(w func(string, ...any), ps []cellProfile, timeLabel, what string) {
	w("| K | N | %s |", timeLabel)
	for _, col := range profileColumns {
		w(" %s |", col.label)
	}
	w(" other |\n|---:|---:|---:|")
	for range profileColumns {
		w("---:|")
	}
	w("---:|\n")
	var largest cellProfile
	for _, x := range ps {
		cats := map[string]float64{}
		for _, c := range x.p.Categories {
			cats[c.Name] = c.MS
		}
		w("| %d | %s | %s |", x.c.K, thousands(int64(x.c.N)), num(x.p.AllPainted))
		other := x.p.TotalMS
		for _, col := range profileColumns {
			w(" %s |", num(cats[col.cat]))
			other -= cats[col.cat]
		}
		w(" %s |\n", num(math.Max(other, 0)))
		if largest.p == nil || x.c.K*100000+x.c.N >= largest.c.K*100000+largest.c.N {
			largest = x
		}
	}
	w("\nThe same %s as the renderer counts them (Performance.getMetrics): ms in all tasks, script, style and layout; how many style recalculations and layouts; DOM nodes and layout objects once painted.\n\n", what)
	w("| K | N | tasks ms | script ms | style ms | layout ms | style recalcs | layouts | DOM nodes | layout objects |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, x := range ps {
		m := x.p.Renderer
		g := func(name string) string {
			v, ok := m[name]
			if !ok {
				return "–"
			}
			return num(v)
		}
		w("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", x.c.K, thousands(int64(x.c.N)),
			g("TaskDuration"), g("ScriptDuration"), g("RecalcStyleDuration"), g("LayoutDuration"),
			g("RecalcStyleCount"), g("LayoutCount"), g("Nodes"), g("LayoutObjects"))
	}
	w("\nK = %d, N = %s, the functions with the most time on the stack (inclusive) and the most self time, ms:\n\n", largest.c.K, thousands(int64(largest.c.N)))
	w("| inclusive | function | | self | function |\n|---:|---|---|---:|---|\n")
	for i := 0; i < 20; i++ {
		var a, b FuncTime
		if i < len(largest.p.Inclusive) {
			a = largest.p.Inclusive[i]
		}
		if i < len(largest.p.Self) {
			b = largest.p.Self[i]
		}
		if a.Name == "" && b.Name == "" {
			break
		}
		w("| %s | `%s` | | %s | `%s` |\n", num(a.MS), a.Name, num(b.MS), b.Name)
	}
}
