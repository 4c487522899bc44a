//go:build !js

package bench

import (
	"math"
	"slices"
)

// resultsSchema is the version of the layout of results.json: 2 added the
// peers measured in the run (Cell.Peers).
const resultsSchema = 2

// Results is results.json.
type Results struct {
	Schema   int        `json:"schema"`
	Date     string     `json:"date"`               // start, UTC
	Finished string     `json:"finished,omitempty"` // end of the last cell, UTC
	Machine  Machine    `json:"machine"`
	App      AppInfo    `json:"app"`
	Config   RunConfig  `json:"config"`
	Sizes    Sizes      `json:"sizes"`
	Go       *GoResults `json:"go,omitempty"`
	Cells    []Cell     `json:"cells"`
	// Library is the library scenario (none when BENCH_LIBRARY=0).
	Library *LibraryResults `json:"library,omitempty"`
	Notes   []string        `json:"notes,omitempty"`
}

// Machine is the machine and browser of a run.
type Machine struct {
	CPUs      int     `json:"cpus"`
	CPUModel  string  `json:"cpuModel,omitempty"`
	MemoryGB  float64 `json:"memoryGB,omitempty"`
	OS        string  `json:"os,omitempty"`
	GOOS      string  `json:"goos"`
	GOARCH    string  `json:"goarch"`
	Go        string  `json:"go"`
	Chromium  string  `json:"chromium"`
	V8        string  `json:"v8,omitempty"`
	UserAgent string  `json:"userAgent,omitempty"`
}

// AppInfo identifies the app measured.
type AppInfo struct {
	Version string `json:"version"` // git describe --always --dirty
	Commit  string `json:"commit"`
	// WasmSHA256 identifies the app.wasm measured.
	WasmSHA256 string `json:"wasmSHA256"`
}

// RunConfig is what a run measured.
type RunConfig struct {
	Runs       int      `json:"runs"`       // per cell
	KeySamples int      `json:"keySamples"` // key presses per run
	Seed       int64    `json:"seed"`       // of the annotation generator
	Grid       []string `json:"grid"`       // KxN
}

// Sizes are the sizes of what the server sends.
type Sizes struct {
	Wasm   WasmSizes `json:"appWasm"`
	Assets []Asset   `json:"assets"` // as the server sends them (app.wasm: brotli)
}

// WasmSizes are the sizes of app.wasm in bytes, raw and compressed.
type WasmSizes struct {
	Raw    int64 `json:"raw"`
	Gzip   int64 `json:"gzip"`   // web/app.wasm.gz (gzip -9)
	Brotli int64 `json:"brotli"` // web/app.wasm.br (brotli -q 11)
}

// Asset is one path as the server sends it.
type Asset struct {
	Path        string `json:"path"`
	Bytes       int    `json:"bytes"`
	ContentType string `json:"contentType,omitempty"`
	Encoding    string `json:"encoding,omitempty"`
}

// Cell is one (K, N) of the grid.
type Cell struct {
	K        int      `json:"k"`
	N        int      `json:"n"`
	Name     string   `json:"name"` // KxN
	Status   string   `json:"status"`
	OK       int      `json:"okRuns"`
	Failed   int      `json:"failedRuns"`
	Document DocInfo  `json:"document"`
	Notes    []string `json:"notes,omitempty"`
	Metrics  Metrics  `json:"metrics"`
	Runs     []Run    `json:"runs"`
	// Peers are the other annotators measured on the same document and
	// annotations, their runs interleaved with ours.
	Peers []PeerCell `json:"peers,omitempty"`
}

// PeerCell is a peer measured in a cell. Its runs have Cold and Warm loads
// and key presses (see runPeerOnce); a peer whose page or package is not
// there is "missing", with why.
type PeerCell struct {
	Name    string  `json:"name"` // bare, text-annotator
	Label   string  `json:"label"`
	Version string  `json:"version,omitempty"`
	Status  string  `json:"status"` // ok, partial, failed, missing
	Missing string  `json:"missing,omitempty"`
	OK      int     `json:"okRuns"`
	Failed  int     `json:"failedRuns"`
	Metrics Metrics `json:"metrics"`
	Runs    []Run   `json:"runs,omitempty"`
}

// Peer returns the cell's peer of that name, nil if it has none.
func (c *Cell) Peer(name string) *PeerCell {
	for i := range c.Peers {
		if c.Peers[i].Name == name {
			return &c.Peers[i]
		}
	}
	return nil
}

// status is a cell's status from its counts of runs: ok, partial, failed.
func status(ok, failed int) string {
	switch {
	case failed == 0:
		return "ok"
	case ok == 0:
		return "failed"
	default:
		return "partial"
	}
}

// DocInfo describes a cell's document and annotation file.
type DocInfo struct {
	Bytes               int `json:"bytes"`     // resolution text
	HTMLBytes           int `json:"htmlBytes"` // the pre-rendered page
	Clauses             int `json:"clauses"`
	Preambular          int `json:"preambular"`
	Operative           int `json:"operative"`
	ExpectedOperative   int `json:"expectedOperative"` // 37K
	AnnotationFileBytes int `json:"annotationFileBytes"`
}

// Run is one run of a cell, in a fresh profile. A failed run has Step and
// Error, and keeps what it measured before. A peer's run has Cold and Warm
// loads, Memory and key presses only.
type Run struct {
	Run             int             `json:"run"`
	Seconds         float64         `json:"seconds"`
	Step            string          `json:"step,omitempty"`
	Error           string          `json:"error,omitempty"`
	ImportMS        float64         `json:"importMs,omitempty"`
	Cold            *Load           `json:"cold,omitempty"`
	Warm            *Load           `json:"warm,omitempty"`
	Offline         *Load           `json:"offline,omitempty"`
	Memory          *Memory         `json:"memory,omitempty"`
	Bytes           *Bytes          `json:"bytes,omitempty"`
	WarmServerBytes int64           `json:"warmServerBytes"`
	Keypress        []float64       `json:"keypressMs,omitempty"`
	KeypressMedian  float64         `json:"keypressMedianMs,omitempty"`
	KeypressP95     float64         `json:"keypressP95Ms,omitempty"`
	Console         []string        `json:"console,omitempty"`
	LoadAvg         []float64       `json:"loadAvg,omitempty"` // the machine's 1-minute load average at the start and end
	Profile         *ProfileSummary `json:"profile,omitempty"` // first run only
	ProfileError    string          `json:"profileError,omitempty"`
	// ColdProfile is the same for a cold reload: extra, unmeasured, with
	// the HTTP cache, the worker and Cache Storage cleared (first run only).
	ColdProfile      *ProfileSummary `json:"coldProfile,omitempty"`
	ColdProfileError string          `json:"coldProfileError,omitempty"`
	// KeyProfile is where the time of key presses goes: extra, unmeasured
	// key presses under the profiler (first run only).
	KeyProfile      *ProfileSummary `json:"keyProfile,omitempty"`
	KeyProfileError string          `json:"keyProfileError,omitempty"`
	// KeyTrace is the same, phase by phase, from a performance trace.
	KeyTrace      *KeyTrace `json:"keyTrace,omitempty"`
	KeyTraceError string    `json:"keyTraceError,omitempty"`
}

// Load is one page load, times in ms from the navigation start (-1: none).
type Load struct {
	FirstPaint           float64 `json:"first_paint_ms"`
	FirstContentfulPaint float64 `json:"first_contentful_paint_ms"`
	AllPainted           float64 `json:"all_painted_ms"` // cm-annotations-painted (a peer's: peer-annotations-painted)
	HTMLReceived         float64 `json:"html_received_ms"`
	DOMContentLoaded     float64 `json:"dom_content_loaded_ms"`
	LoadEvent            float64 `json:"load_event_ms"`
	WasmReceived         float64 `json:"wasm_received_ms"`
	DocumentReceived     float64 `json:"document_received_ms"`
	Highlights           int     `json:"highlights"` // annotations shown (a peer: held by its page)
}

// Memory is what the page holds once every highlight is painted.
type Memory struct {
	JSHeapUsedMB         float64 `json:"jsHeapUsedMB"` // after a forced GC
	JSHeapUsedBeforeGCMB float64 `json:"jsHeapUsedBeforeGCMB"`
	JSHeapTotalMB        float64 `json:"jsHeapTotalMB"`
	WasmMB               float64 `json:"wasmMB"` // WebAssembly.Memory buffers
	WasmMemories         int     `json:"wasmMemories"`
	TotalMB              float64 `json:"totalMB"` // JS heap used + wasm
}

// Bytes is what the cold load transferred: Page is the sum of the page's
// Network.loadingFinished encodedDataLength (headers included); Server is
// every response body the server sent meanwhile, the service worker's
// install included.
type Bytes struct {
	Page           int64       `json:"page"`
	ServerTotal    int64       `json:"serverTotal"`
	ServerRequests int         `json:"serverRequests"`
	Server         ServerBytes `json:"server"`
}

// ServerBytes are the responses the server sent, by path.
type ServerBytes map[string]PathBytes

// PathBytes are the responses the server sent for one path.
type PathBytes struct {
	Requests int    `json:"requests"`
	Full     int    `json:"full"` // 200 responses (the others: 304, errors)
	Bytes    int64  `json:"bytes"`
	Encoding string `json:"encoding,omitempty"`
}

func (s ServerBytes) total() (int64, int) {
	var b int64
	var n int
	for _, p := range s {
		b += p.Bytes
		n += p.Requests
	}
	return b, n
}

// Stat summarises one metric over the runs of a cell.
type Stat struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

// Metrics are a cell's figures by name (see summarize).
type Metrics map[string]Stat

// Median is the median of a metric, and whether it was measured.
func (m Metrics) Median(name string) (float64, bool) {
	s, ok := m[name]
	return s.Median, ok && s.N > 0
}

func (m Metrics) show(name string) string {
	s, ok := m[name]
	if !ok || s.N == 0 {
		return "–"
	}
	return num(s.Median)
}

func newStat(xs []float64) Stat {
	if len(xs) == 0 {
		return Stat{}
	}
	return Stat{Median: round(percentile(xs, 50), 2), Min: round(slices.Min(xs), 2), Max: round(slices.Max(xs), 2), N: len(xs)}
}

// summarize computes the metrics of a cell from its runs (failed runs
// count for what they measured).
func summarize(runs []Run) Metrics {
	vals := map[string][]float64{}
	add := func(name string, v float64) {
		if v >= 0 && !math.IsNaN(v) {
			vals[name] = append(vals[name], v)
		}
	}
	var pooled []float64
	for _, r := range runs {
		for kind, l := range map[string]*Load{"cold": r.Cold, "warm": r.Warm, "offline": r.Offline} {
			if l == nil {
				continue
			}
			add(kind+".first_paint_ms", l.FirstPaint)
			add(kind+".first_contentful_paint_ms", l.FirstContentfulPaint)
			add(kind+".all_painted_ms", l.AllPainted)
			add(kind+".html_received_ms", l.HTMLReceived)
			add(kind+".dom_content_loaded_ms", l.DOMContentLoaded)
			add(kind+".wasm_received_ms", l.WasmReceived)
			add(kind+".document_received_ms", l.DocumentReceived)
		}
		if len(r.Keypress) > 0 {
			add("keypress.median_ms", round(percentile(r.Keypress, 50), 2))
			add("keypress.p95_ms", round(percentile(r.Keypress, 95), 2))
		}
		pooled = append(pooled, r.Keypress...)
		if m := r.Memory; m != nil {
			add("memory.js_heap_mb", m.JSHeapUsedMB)
			add("memory.wasm_mb", m.WasmMB)
			add("memory.total_mb", m.TotalMB)
		}
		if b := r.Bytes; b != nil {
			add("bytes.cold_page", float64(b.Page))
			add("bytes.cold_server", float64(b.ServerTotal))
			add("bytes.cold_server_requests", float64(b.ServerRequests))
			add("bytes.warm_server", float64(r.WarmServerBytes))
		}
		if r.ImportMS > 0 {
			add("import_ms", r.ImportMS)
		}
	}
	m := Metrics{}
	for k, v := range vals {
		m[k] = newStat(v)
	}
	if len(pooled) > 0 {
		m["keypress.pooled_median_ms"] = Stat{Median: round(percentile(pooled, 50), 2), Min: slices.Min(pooled), Max: slices.Max(pooled), N: len(pooled)}
		m["keypress.pooled_p95_ms"] = Stat{Median: round(percentile(pooled, 95), 2), Min: slices.Min(pooled), Max: slices.Max(pooled), N: len(pooled)}
	}
	return m
}
