//go:build bench

package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// resultsSchema is the version of the layout of results.json.
const resultsSchema = 1

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
	Notes    []string   `json:"notes,omitempty"`
}

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

type AppInfo struct {
	Version string `json:"version"` // git describe --always --dirty
	Commit  string `json:"commit"`
	// WasmSHA256 identifies the app.wasm measured.
	WasmSHA256 string `json:"wasmSHA256"`
}

type RunConfig struct {
	Runs       int      `json:"runs"`       // per cell
	KeySamples int      `json:"keySamples"` // key presses per run
	Seed       int64    `json:"seed"`       // of the annotation generator
	Grid       []string `json:"grid"`       // KxN
}

type Sizes struct {
	Wasm   WasmSizes `json:"appWasm"`
	Assets []Asset   `json:"assets"` // as the server sends them (app.wasm: brotli)
}

type WasmSizes struct {
	Raw    int64 `json:"raw"`
	Gzip   int64 `json:"gzip"`   // web/app.wasm.gz (gzip -9)
	Brotli int64 `json:"brotli"` // web/app.wasm.br (brotli -q 11)
}

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
}

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
// Error, and keeps what it measured before.
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
	AllPainted           float64 `json:"all_painted_ms"` // cm-annotations-painted
	HTMLReceived         float64 `json:"html_received_ms"`
	DOMContentLoaded     float64 `json:"dom_content_loaded_ms"`
	LoadEvent            float64 `json:"load_event_ms"`
	WasmReceived         float64 `json:"wasm_received_ms"`
	DocumentReceived     float64 `json:"document_received_ms"`
	Highlights           int     `json:"highlights"`
}

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

type ServerBytes map[string]PathBytes

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

// ---------------------------------------------------------------- Go benchmarks

// GoResults are the Go benchmarks of the pure packages (go.txt), medians
// over its -count runs.
type GoResults struct {
	File       string    `json:"file"`
	Benchmarks []GoBench `json:"benchmarks"`
	benchstat  string    // benchstat's summary, for RESULTS.md
}

type GoBench struct {
	Pkg         string  `json:"pkg"`
	Name        string  `json:"name"`
	Runs        int     `json:"runs"`
	NsPerOp     float64 `json:"nsPerOp"`
	BytesPerOp  float64 `json:"bytesPerOp"`
	AllocsPerOp float64 `json:"allocsPerOp"`
	MBPerS      float64 `json:"mbPerS,omitempty"`
}

// readGoResults reads the output of go test -bench (nil if there is none)
// and summarises it with benchstat when it is installed.
func readGoResults(path string) *GoResults {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	g := &GoResults{File: filepath.Base(path), Benchmarks: parseGoBench(data)}
	if len(g.Benchmarks) == 0 {
		return nil
	}
	if bs := os.Getenv("BENCHSTAT"); bs != "" || fileExists("../bin/benchstat") {
		if bs == "" {
			bs = "../bin/benchstat"
		}
		// From the file's directory, so that benchstat names it go.txt.
		abs, err := filepath.Abs(bs)
		if err != nil {
			abs = bs
		}
		cmd := exec.Command(abs, filepath.Base(path))
		cmd.Dir = filepath.Dir(path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			g.benchstat = fmt.Sprintf("benchstat failed: %v\n%s", err, out)
		} else {
			g.benchstat = string(out)
		}
	}
	return g
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// parseGoBench reads benchmark lines ("BenchmarkX-2 N 123 ns/op 4 B/op …")
// and returns per benchmark the median of each unit.
func parseGoBench(data []byte) []GoBench {
	type key struct{ pkg, name string }
	units := map[key]map[string][]float64{}
	var order []key
	pkg := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		k := key{pkg, f[0]}
		if units[k] == nil {
			units[k] = map[string][]float64{}
			order = append(order, k)
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			units[k][f[i+1]] = append(units[k][f[i+1]], v)
		}
	}
	var out []GoBench
	for _, k := range order {
		u := units[k]
		med := func(unit string) float64 {
			if len(u[unit]) == 0 {
				return 0
			}
			return round(percentile(u[unit], 50), 2)
		}
		out = append(out, GoBench{Pkg: k.pkg, Name: k.name, Runs: len(u["ns/op"]), NsPerOp: med("ns/op"),
			BytesPerOp: med("B/op"), AllocsPerOp: med("allocs/op"), MBPerS: med("MB/s")})
	}
	return out
}

// ---------------------------------------------------------------- writing

func (r *Results) write(cfg config) error {
	j, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(cfg.out, "results.json"), append(j, '\n')); err != nil {
		return err
	}
	return writeFile(filepath.Join(cfg.out, "RESULTS.md"), []byte(r.markdown()))
}

func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// peer is a published figure of another annotator: time from navigation to
// all highlights painted, cold load, localhost.
type peer struct{ bare, textAnnotator, recogito string }

var peers = map[string]peer{
	"1x100":    {"140", "217", "335"},
	"1x1000":   {"199", "520", "2,307"},
	"1x10000":  {"585", "2,467 (add one: 885)", "timed out at 120 s"},
	"10x10000": {"639", "3,890", "90,900"},
}

// peerMS are the same as numbers (ms), for the goals.
var peerMS = map[string]struct{ bare, textAnnotator float64 }{
	"1x100": {140, 217}, "1x1000": {199, 520}, "1x10000": {585, 2467}, "10x10000": {639, 3890},
}

// num formats a number for the tables: thousands separated, ms with no
// decimals from 100 on.
func num(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	switch {
	case math.Abs(x) >= 100 || x == math.Trunc(x):
		return thousands(int64(math.Round(x)))
	case math.Abs(x) >= 10:
		return strconv.FormatFloat(x, 'f', 1, 64)
	default:
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// cellStat shows "median (min–max)" of a metric, "–" when not measured.
func cellStat(c Cell, name string) string {
	s, ok := c.Metrics[name]
	if !ok || s.N == 0 {
		if c.Status == "failed" {
			return "failed"
		}
		return "–"
	}
	if s.N == 1 || s.Min == s.Max {
		return num(s.Median)
	}
	return fmt.Sprintf("%s (%s–%s)", num(s.Median), num(s.Min), num(s.Max))
}

func mb(b int64) string {
	if b < 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f MB", float64(b)/(1<<20))
}

func kb(b int64) string {
	if b < 0 {
		return "–"
	}
	if b < 1<<10 {
		return fmt.Sprintf("%d B", b)
	}
	return fmt.Sprintf("%.1f KB", float64(b)/(1<<10))
}

func (r *Results) markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Clausemark benchmark results\n\n")
	w("Written by `make bench` (bench/browser_test.go); machine-readable copy: `results.json`. ")
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
	w("Peers: published figures, cold load, localhost, navigation to all highlights painted.\n\n")
	w("| K | N | cold | warm | offline | bare DOM | @recogito/text-annotator 4.1 | recogito-js 1.8 |\n")
	w("|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		p := peers[c.Name]
		w("| %d | %s | %s | %s | %s | %s | %s | %s |\n", c.K, thousands(int64(c.N)),
			cellStat(c, "cold.all_painted_ms"), cellStat(c, "warm.all_painted_ms"), cellStat(c, "offline.all_painted_ms"),
			dash(p.bare), dash(p.textAnnotator), dash(p.recogito))
	}
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

	w("\n## Goals\n\n")
	for _, g := range r.goals() {
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
		for _, run := range c.Runs {
			if run.Error != "" {
				lines = append(lines, fmt.Sprintf("run %d failed at %s: %s", run.Run, run.Step, run.Error))
			}
		}
		console := map[string]int{}
		for _, run := range c.Runs {
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
			lines = append(lines, fmt.Sprintf("console (%d of %d runs): %s", console[k], len(c.Runs), k))
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

	// Warm and offline faster than text-annotator in every cell it has a
	// figure for; within 1.5× of the bare DOM at N = 10,000.
	var ta, bare []string
	taOK, bareOK, taSeen, bareSeen := true, true, false, false
	for _, name := range []string{"1x100", "1x1000", "1x10000", "10x10000"} {
		c, ok := cells[name]
		if !ok {
			continue
		}
		p := peerMS[name]
		for _, kind := range []string{"warm", "offline"} {
			v, ok := med(c, kind+".all_painted_ms")
			if !ok {
				ta = append(ta, fmt.Sprintf("%s %s not measured", name, kind))
				taOK = false
				continue
			}
			taSeen = true
			if v >= p.textAnnotator {
				taOK = false
			}
			ta = append(ta, fmt.Sprintf("%s %s %s vs %s", name, kind, num(v), num(p.textAnnotator)))
			if c.N == 10000 {
				bareSeen = true
				if v > 1.5*p.bare {
					bareOK = false
				}
				bare = append(bare, fmt.Sprintf("%s %s %s vs 1.5 × %s = %s", name, kind, num(v), num(p.bare), num(1.5*p.bare)))
			}
		}
	}
	if taSeen {
		out = append(out, fmt.Sprintf("Warm and offline loads faster than @recogito/text-annotator in every cell it has a figure for: %s (%s ms).", verdict(taOK), strings.Join(ta, "; ")))
	} else {
		out = append(out, "Warm and offline loads faster than @recogito/text-annotator: not measured (no cell with a peer figure in this run).")
	}
	if bareSeen {
		out = append(out, fmt.Sprintf("Within 1.5× of the bare DOM at N = 10,000: %s (%s ms).", verdict(bareOK), strings.Join(bare, "; ")))
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
