//go:build !js

package bench

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// The goals at scale, on this machine.
const (
	goalLibraryListMS = 300 // /library lists, warm (and offline), in under
	goalFilterMS      = 32  // a keystroke in /annotations' search answers within
)

// libraryStat shows "median (min–max)" of a library metric, "–" when not
// measured.
func libraryStat(l *LibraryResults, name string) string {
	return cellStat(Cell{Metrics: l.Metrics, Status: l.Status}, name)
}

// libraryApart reports whether the library was measured apart from the
// grid of the results (MeasureLibrary), at another time.
func (r *Results) libraryApart() bool {
	l := r.Library
	return l != nil && l.Date != "" && (l.Date < r.Date || r.Finished == "" || l.Date > r.Finished)
}

// singleDocumentLoad is the warm load of one document with 100
// annotations in the grid of the same run (cell 1x100), if measured.
func (r *Results) singleDocumentLoad() (float64, bool) {
	if r.libraryApart() {
		return 0, false // another time, another load on the machine
	}
	for _, c := range r.Cells {
		if c.Name == "1x100" {
			return c.Metrics.Median("warm.all_painted_ms")
		}
	}
	return 0, false
}

// libraryGoals checks the library's goals against the medians: one line
// per goal.
func (r *Results) libraryGoals() []string {
	l := r.Library
	if l == nil {
		return nil
	}
	verdict := func(ok bool) string {
		if ok {
			return "**met**"
		}
		return "**not met**"
	}
	size := fmt.Sprintf("%s documents × %s annotations", thousands(int64(l.Documents)), thousands(int64(l.PerDocument)))
	var out []string
	warm, wok := l.Metrics.Median("library.warm_listed_ms")
	off, ook := l.Metrics.Median("library.offline_listed_ms")
	if wok || ook {
		out = append(out, fmt.Sprintf("The library (%s) lists in under %d ms warm: %s (warm %s ms, offline %s ms; main-thread CPU %s and %s ms).", size, goalLibraryListMS,
			verdict(wok && warm < goalLibraryListMS && (!ook || off < goalLibraryListMS)), l.Metrics.show("library.warm_listed_ms"), l.Metrics.show("library.offline_listed_ms"),
			l.Metrics.show("cpu.library_warm_listed_ms"), l.Metrics.show("cpu.library_offline_listed_ms")))
	} else {
		out = append(out, "The library lists in under 300 ms warm: **not measured** (see Library at scale).")
	}
	med, mok := l.Metrics.Median("filter.pooled_median_ms")
	p95, pok := l.Metrics.Median("filter.pooled_p95_ms")
	if mok && pok {
		out = append(out, fmt.Sprintf("Filtering %s annotations answers within %d ms per keystroke: %s at the median (%s ms), %s at p95 (%s ms) of %d key presses (main-thread CPU: median %s, p95 %s ms).",
			thousands(int64(l.Annotations)), goalFilterMS, verdict(med <= goalFilterMS), num(med), verdict(p95 <= goalFilterMS), num(p95), l.Metrics["filter.pooled_median_ms"].N,
			l.Metrics.show("cpu.filter_pooled_median_ms"), l.Metrics.show("cpu.filter_pooled_p95_ms")))
	} else {
		out = append(out, "Filtering the annotations within 32 ms per keystroke: **not measured** (see Library at scale).")
	}
	open, ok := l.Metrics.Median("open.from_library_ms")
	reload, rok := l.Metrics.Median("open.document_reload_ms")
	single, sok := r.singleDocumentLoad()
	switch {
	case !ok:
		out = append(out, "Opening a document from the library no slower than a single-document load: **not measured** (see Library at scale).")
	case sok:
		out = append(out, fmt.Sprintf("Opening a document from the library no slower than today's single-document load: %s (%s ms from the click; the grid's 1 × 100 warm load %s ms; the same document's warm reload in the library's profile %s ms).",
			verdict(open <= single), num(open), num(single), l.Metrics.show("open.document_reload_ms")))
	case rok:
		out = append(out, fmt.Sprintf("Opening a document from the library no slower than a single-document load: %s (%s ms from the click; the same document's warm reload %s ms, in the same profile and run; main-thread CPU %s and %s ms).",
			verdict(open <= reload), num(open), num(reload), l.Metrics.show("cpu.open_from_library_ms"), l.Metrics.show("cpu.document_reload_ms")))
	}
	return out
}

// writeLibrary writes the section "Library at scale".
func (r *Results) writeLibrary(w func(string, ...any)) {
	l := r.Library
	if l == nil {
		return
	}
	w("\n## Library at scale\n\n")
	// A library measured alone (MeasureLibrary) joins the results of an
	// earlier grid.
	if r.libraryApart() {
		w("Measured %s, app %s (apart from the grid above).\n\n", l.Date, dash(l.App.Version))
	}
	w("A session's worth: %s documents with %s annotations each (%s annotations), made by `bench.Library` from the repository's %d corpus texts (%s of text in all) repeated under new symbols, seed %d. ",
		thousands(int64(l.Documents)), thousands(int64(l.PerDocument)), thousands(int64(l.Annotations)), l.Texts, mb(int64(l.TextBytes)), l.Seed)
	w("Each run fills a fresh profile's IndexedDB with it through the app's own store (`wasm.Store.Write`, one transaction, run by `bench/cmd/filllibrary` in a page of the benchmark's server; %s of JSON), before the app ever runs, then measures the pages the app serves with no document of its own. ", mb(int64(l.DataBytes)))
	w("%d runs (%d ok, %d failed); figures are median (min–max) over the runs.\n\n", len(l.Runs), l.OK, l.Failed)
	w("| measure | goal | figure |\n|---|---|---:|\n")
	row := func(what, goal, name string) { w("| %s | %s | %s |\n", what, goal, libraryStat(l, name)) }
	cpu := func(what, name string) { row("… "+what+" main-thread CPU, ms", "", name) }
	row("/library warm: navigation start → list painted (`cm-library-listed`), ms (median of 3 reloads a run)", fmt.Sprintf("< %d", goalLibraryListMS), "library.warm_listed_ms")
	cpu("its", "cpu.library_warm_listed_ms")
	row("/library offline (server stopped), ms", fmt.Sprintf("< %d", goalLibraryListMS), "library.offline_listed_ms")
	cpu("its", "cpu.library_offline_listed_ms")
	row("/library first load (app not cached yet), ms", "", "library.first_listed_ms")
	row("/annotations key press → list painted for the new search (`cm-annotations-filtered`), median of a run, ms", fmt.Sprintf("≤ %d", goalFilterMS), "filter.median_ms")
	row("… p95 of a run, ms", fmt.Sprintf("≤ %d", goalFilterMS), "filter.p95_ms")
	// Pooled: one figure over every key press of every run.
	pooled := func(what, goal, name string) {
		w("| %s (%d key presses) | %s | %s |\n", what, l.Metrics[name].N, goal, l.Metrics.show(name))
	}
	pooled("… all key presses pooled: median, ms", fmt.Sprintf("≤ %d", goalFilterMS), "filter.pooled_median_ms")
	pooled("… all key presses pooled: p95, ms", fmt.Sprintf("≤ %d", goalFilterMS), "filter.pooled_p95_ms")
	pooled("… adding a letter (the search narrows), pooled median, ms", "", "filter.typed_pooled_median_ms")
	pooled("… Backspace (the search widens), pooled median, ms", "", "filter.erased_pooled_median_ms")
	pooled("… main-thread CPU of a key press, pooled median, ms", "", "cpu.filter_pooled_median_ms")
	pooled("… main-thread CPU of a key press, pooled p95, ms", "", "cpu.filter_pooled_p95_ms")
	row("/annotations warm: navigation start → first list painted, ms", "", "annotations.first_list_ms")
	cpu("its", "cpu.annotations_first_list_ms")
	single := "≤ the warm reload below"
	if v, ok := r.singleDocumentLoad(); ok {
		single = fmt.Sprintf("≤ %s (the grid's 1 × 100 warm load)", num(v))
	}
	row(fmt.Sprintf("Open `%s` (%s annotations) from the list: click → highlights painted (`cm-annotations-painted`), ms", l.Opened, thousands(int64(l.PerDocument))), single, "open.from_library_ms")
	cpu("its", "cpu.open_from_library_ms")
	row("… the same document's page, warm reload: navigation start → highlights painted, ms", "", "open.document_reload_ms")
	cpu("its", "cpu.document_reload_ms")
	row("IndexedDB after the fill (`navigator.storage.estimate`, usageDetails.indexedDB), MB", "", "storage.indexeddb_mb")
	row("IndexedDB at the end of the run, MB", "", "storage.end_indexeddb_mb")
	row("Origin's storage at the end (IndexedDB + the service worker's cache), MB", "", "storage.end_usage_mb")
	row("/library memory after a warm load: JS heap (after GC) + wasm memory, MB", "", "memory.library_total_mb")
	row("… JS heap, MB", "", "memory.library_js_heap_mb")
	row("/annotations memory after its first list: JS heap + wasm memory, MB", "", "memory.annotations_total_mb")
	row("… JS heap, MB", "", "memory.annotations_js_heap_mb")
	row("Filling the library (page, fetch, decode, one write), ms", "", "fill_ms")
	w("\nKey presses: the words %s typed into the search box of /annotations a letter a key press (real key events), each erased again with Backspace; from the keydown's `event.timeStamp` to the mark, set once the list is painted for the new search; the keys land at phases spread over a frame. ", quoteAll(l.Typed))
	w("After each key press the harness checks that the count the page shows is `library.Index`'s own for the search; after each load, that /library lists every document and the opened document shows all its highlights. ")
	w("*Main-thread CPU*: how long the page's renderer main thread ran on a CPU over the same span (Linux `/proc/PID/task/PID/schedstat`): the cost of the work, which other work on the machine does not stretch as it stretches the wall-clock figures; on an idle machine a figure is about its CPU time plus the waits for frames (and, for loads, the work of other threads such as compiling app.wasm).\n")

	var ps []libraryProfile
	if l.ListProfile != nil && l.ListProfile.TotalMS > 0 {
		ps = append(ps, libraryProfile{"warm /library load", l.ListProfile})
	}
	if l.FilterProfile != nil && l.FilterProfile.TotalMS > 0 {
		ps = append(ps, libraryProfile{"key presses in /annotations", l.FilterProfile})
	}
	if len(ps) > 0 {
		w("\n### Where the time goes at scale\n\n")
		w("The first run makes, unmeasured, one more warm load of /library and types %q once more and erases it, under V8's sampling profiler (250 µs; it slows them down). Self time on the main thread in ms, by kind of code (as in *Where the time goes* above; the library and the pages are in *app, wasm pkgs*).\n\n", firstOr(l.Typed))
		w("| what | ms (profiled) |")
		for _, col := range profileColumns {
			w(" %s |", col.label)
		}
		w(" other |\n|---|---:|")
		for range profileColumns {
			w("---:|")
		}
		w("---:|\n")
		for _, x := range ps {
			cats := map[string]float64{}
			for _, c := range x.p.Categories {
				cats[c.Name] = c.MS
			}
			w("| %s | %s |", x.what, num(x.p.AllPainted))
			other := x.p.TotalMS
			for _, col := range profileColumns {
				w(" %s |", num(cats[col.cat]))
				other -= cats[col.cat]
			}
			w(" %s |\n", num(math.Max(other, 0)))
		}
		for _, x := range ps {
			w("\n%s (%s), the functions with the most time on the stack (inclusive) and the most self time, ms:\n\n", x.what, x.p.Load)
			w("| inclusive | function | | self | function |\n|---:|---|---|---:|---|\n")
			for i := 0; i < 20; i++ {
				var a, b FuncTime
				if i < len(x.p.Inclusive) {
					a = x.p.Inclusive[i]
				}
				if i < len(x.p.Self) {
					b = x.p.Self[i]
				}
				if a.Name == "" && b.Name == "" {
					break
				}
				w("| %s | `%s` | | %s | `%s` |\n", num(a.MS), a.Name, num(b.MS), b.Name)
			}
		}
	}
	for _, e := range []struct{ what, err string }{{"/library profile", l.ListProfileError}, {"/annotations profile", l.FilterProfileError}} {
		if e.err != "" {
			w("\n%s: %s\n", e.what, e.err)
		}
	}

	lines := append([]string{}, l.Notes...)
	lines = append(lines, libraryRunProblems(l.Runs, r.Machine.CPUs)...)
	if len(lines) > 0 {
		w("\n**Library runs:**\n\n")
		for _, s := range lines {
			w("- %s\n", strings.ReplaceAll(s, "\n", " "))
		}
	}
}

// libraryProfile is one profile of the library scenario.
type libraryProfile struct {
	what string
	p    *ProfileSummary
}

// libraryRunProblems lists the failures and console problems of the
// library runs, and the machine's load.
func libraryRunProblems(runs []LibraryRun, cpus int) []string {
	var lines []string
	var loads []float64
	console := map[string]int{}
	for _, run := range runs {
		if run.Error != "" {
			lines = append(lines, fmt.Sprintf("run %d failed at %s: %s", run.Run, run.Step, run.Error))
		}
		for _, m := range run.Console {
			console[m]++
		}
		loads = append(loads, run.LoadAvg...)
	}
	keys := make([]string, 0, len(console))
	for k := range console {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		lines = append(lines, fmt.Sprintf("console (%d of %d runs): %s", console[k], len(runs), k))
	}
	if len(loads) > 0 {
		lines = append(lines, fmt.Sprintf("the machine's 1-minute load average during the runs: up to %.2f (%d cores: above %d, other work competed with the benchmark)", maxOf(loads), cpus, cpus))
	}
	return lines
}

func maxOf(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "“" + s + "”"
	}
	return strings.Join(q, ", ")
}

func firstOr(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}
