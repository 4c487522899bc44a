//go:build !js

package bench

import (
	"math"
	"slices"
)

// LibraryResults are the library scenario's figures: a library of many
// documents with their annotations, written into a fresh profile's
// IndexedDB, then the /library and /annotations pages and the opening of a
// document from the library (see libraryRun).
type LibraryResults struct {
	// Date is when the scenario started (UTC); App, the app it measured
	// (a library measured alone is merged into the results of an earlier
	// grid: see MeasureLibrary).
	Date        string  `json:"date"`
	App         AppInfo `json:"app"`
	Documents   int     `json:"documents"`
	PerDocument int     `json:"perDocument"`
	Annotations int     `json:"annotations"`
	Seed        int64   `json:"seed"`
	// Texts is how many corpus texts the library repeats under new
	// symbols; TextBytes, the size of every document's text.
	Texts     int `json:"texts"`
	TextBytes int `json:"textBytes"`
	// DataBytes is the JSON the filling page reads.
	DataBytes int `json:"dataBytes"`
	// Opened is the document opened from the library (its id).
	Opened string `json:"opened"`
	// Typed are the words typed into /annotations' search box, one
	// letter a key press, each erased again with Backspace.
	Typed  []string `json:"typed"`
	Status string   `json:"status"`
	OK     int      `json:"okRuns"`
	Failed int      `json:"failedRuns"`
	// Metrics are the figures over the runs (see summarizeLibrary).
	Metrics Metrics      `json:"metrics"`
	Runs    []LibraryRun `json:"runs"`
	// ListProfile is an extra warm load of /library under the CPU
	// profiler; FilterProfile, extra key presses in /annotations' search
	// box (the first run, BENCH_PROFILE all or library).
	ListProfile        *ProfileSummary `json:"listProfile,omitempty"`
	ListProfileError   string          `json:"listProfileError,omitempty"`
	FilterProfile      *ProfileSummary `json:"filterProfile,omitempty"`
	FilterProfileError string          `json:"filterProfileError,omitempty"`
	Notes              []string        `json:"notes,omitempty"`
}

// LibraryRun is one run of the library scenario, in a fresh profile. A
// failed run has Step and Error, and keeps what it measured before. Times
// are in ms.
type LibraryRun struct {
	Run     int     `json:"run"`
	Seconds float64 `json:"seconds"`
	Step    string  `json:"step,omitempty"`
	Error   string  `json:"error,omitempty"`
	// Fill is what the filling page reported; FillMS, the whole fill as
	// the harness saw it (page, fetch, decode, write).
	Fill   *LibraryFillResult `json:"fill,omitempty"`
	FillMS float64            `json:"fillMs,omitempty"`
	// Storage after the fill, before the app ever ran, and at the end of
	// the run (the service worker's cache included in its usage).
	StorageFilled *Storage `json:"storageFilled,omitempty"`
	StorageEnd    *Storage `json:"storageEnd,omitempty"`
	// FirstListed is the first load of /library (the app not cached yet);
	// Warm, the warm reloads; Offline, a load with the server stopped:
	// navigation start to the cm-library-listed mark.
	FirstListed float64   `json:"firstListedMs,omitempty"`
	Warm        []float64 `json:"warmListedMs,omitempty"`
	Offline     float64   `json:"offlineListedMs,omitempty"`
	// LibraryMemory is the /library page's, after a warm reload.
	LibraryMemory *Memory `json:"libraryMemory,omitempty"`
	// OpenFromLibrary is a click on the document's link in the list to
	// its saved highlights painted (cm-annotations-painted);
	// DocumentReload, a warm reload of the document's page to the same
	// mark (the single-document load).
	OpenFromLibrary float64 `json:"openFromLibraryMs,omitempty"`
	DocumentReload  float64 `json:"documentReloadMs,omitempty"`
	// AnnotationsFirstList is a warm load of /annotations, navigation
	// start to the first list painted (cm-annotations-filtered);
	// AnnotationsMemory, the page's memory then.
	AnnotationsFirstList float64 `json:"annotationsFirstListMs,omitempty"`
	AnnotationsMemory    *Memory `json:"annotationsMemory,omitempty"`
	// Typed are the key presses that add a letter to the search, Erased
	// those that take one off (Backspace): keydown to the list painted for
	// the new search (cm-annotations-filtered).
	Typed  []float64 `json:"typedMs,omitempty"`
	Erased []float64 `json:"erasedMs,omitempty"`
	// CPU is the main-thread CPU time of the page over the same spans
	// (cpu.go): what the work costs, which the machine's other work does
	// not stretch.
	CPU *LibraryCPU `json:"cpu,omitempty"`
	// Console are the console problems of the run; LoadAvg, the machine's
	// 1-minute load average at its start and end.
	Console []string  `json:"console,omitempty"`
	LoadAvg []float64 `json:"loadAvg,omitempty"`
}

// LibraryCPU is the main-thread CPU ms of the page (its renderers' main
// threads) over what a LibraryRun measures, where Linux tells it.
type LibraryCPU struct {
	Warm                 []float64 `json:"warmListedMs,omitempty"`
	Offline              float64   `json:"offlineListedMs,omitempty"`
	OpenFromLibrary      float64   `json:"openFromLibraryMs,omitempty"`
	DocumentReload       float64   `json:"documentReloadMs,omitempty"`
	AnnotationsFirstList float64   `json:"annotationsFirstListMs,omitempty"`
	Typed                []float64 `json:"typedMs,omitempty"`
	Erased               []float64 `json:"erasedMs,omitempty"`
}

// Storage is what navigator.storage.estimate says of the origin: its
// usage, and the part of it that is IndexedDB (usageDetails).
type Storage struct {
	UsageBytes     int64 `json:"usageBytes"`
	IndexedDBBytes int64 `json:"indexedDBBytes"`
	CachesBytes    int64 `json:"cachesBytes"`
}

// summarizeLibrary computes the library scenario's metrics from its runs
// (failed runs count for what they measured). Key presses give, per run,
// the median and p95, and pooled over the runs.
func summarizeLibrary(runs []LibraryRun) Metrics {
	vals := map[string][]float64{}
	add := func(name string, v float64) {
		if v > 0 && !math.IsNaN(v) {
			vals[name] = append(vals[name], v)
		}
	}
	const mib = 1 << 20
	var typed, erased, all, cpuKeys []float64
	for _, r := range runs {
		add("fill_ms", r.FillMS)
		add("library.first_listed_ms", r.FirstListed)
		if len(r.Warm) > 0 {
			add("library.warm_listed_ms", round(percentile(r.Warm, 50), 2))
		}
		add("library.offline_listed_ms", r.Offline)
		add("open.from_library_ms", r.OpenFromLibrary)
		add("open.document_reload_ms", r.DocumentReload)
		add("annotations.first_list_ms", r.AnnotationsFirstList)
		keys := append(slices.Clone(r.Typed), r.Erased...)
		if len(keys) > 0 {
			add("filter.median_ms", round(percentile(keys, 50), 2))
			add("filter.p95_ms", round(percentile(keys, 95), 2))
		}
		typed, erased, all = append(typed, r.Typed...), append(erased, r.Erased...), append(all, keys...)
		for prefix, m := range map[string]*Memory{"memory.library": r.LibraryMemory, "memory.annotations": r.AnnotationsMemory} {
			if m != nil {
				add(prefix+"_js_heap_mb", m.JSHeapUsedMB)
				add(prefix+"_wasm_mb", m.WasmMB)
				add(prefix+"_total_mb", m.TotalMB)
			}
		}
		if c := r.CPU; c != nil {
			if len(c.Warm) > 0 {
				add("cpu.library_warm_listed_ms", round(percentile(c.Warm, 50), 2))
			}
			add("cpu.library_offline_listed_ms", c.Offline)
			add("cpu.open_from_library_ms", c.OpenFromLibrary)
			add("cpu.document_reload_ms", c.DocumentReload)
			add("cpu.annotations_first_list_ms", c.AnnotationsFirstList)
			cpuKeys = append(append(cpuKeys, c.Typed...), c.Erased...)
		}
		if s := r.StorageFilled; s != nil {
			add("storage.indexeddb_mb", round(float64(s.IndexedDBBytes)/mib, 2))
		}
		if s := r.StorageEnd; s != nil {
			add("storage.end_indexeddb_mb", round(float64(s.IndexedDBBytes)/mib, 2))
			add("storage.end_usage_mb", round(float64(s.UsageBytes)/mib, 2))
		}
	}
	m := Metrics{}
	for k, v := range vals {
		m[k] = newStat(v)
	}
	for name, xs := range map[string][]float64{"filter.pooled": all, "filter.typed_pooled": typed, "filter.erased_pooled": erased, "cpu.filter_pooled": cpuKeys} {
		if len(xs) > 0 {
			m[name+"_median_ms"] = Stat{Median: round(percentile(xs, 50), 2), Min: slices.Min(xs), Max: slices.Max(xs), N: len(xs)}
			m[name+"_p95_ms"] = Stat{Median: round(percentile(xs, 95), 2), Min: slices.Min(xs), Max: slices.Max(xs), N: len(xs)}
		}
	}
	return m
}
