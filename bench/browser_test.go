//go:build bench

// The browser benchmark: the real server in process, headless Chromium with
// a fresh profile for every run, over a grid of document sizes (K copies of
// the seed) and numbers of saved annotations (N). It writes results.json
// and RESULTS.md (see report_test.go). Run it with make bench, or
//
//	go test -tags bench -run TestBrowserBenchmark -timeout 300m ./bench/
//
// with BENCH_GRID=1x100,10x1000 BENCH_RUNS=2 for a quick subset (see
// loadConfig). A run that fails is recorded with its error; the benchmark
// never fails on its figures.
package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
)

// sourceWebDir is the project's web/ directory, where make build puts
// app.wasm. The benchmark serves a copy of it (webDir), taken when it
// starts, so that a make build meanwhile does not change what it measures.
const sourceWebDir = "../web"

// webDir is the copy of web/ the servers serve.
var webDir = sourceWebDir

// wasmFuncNames are the Go names of app.wasm's functions, for the CPU
// profiles (see wasmNames); nil if unknown.
var wasmFuncNames map[int]string

// appVersion is the version the in-process server announces: fixed, so the
// service worker's cache stays valid across the server restarts of a run.
const appVersion = "bench"

// loadTimeout bounds one page load (BENCH_LOAD_TIMEOUT, default 5m).
var loadTimeout = 5 * time.Minute

// config is what to measure, from the environment.
type config struct {
	grid       []gridCell
	runs       int           // runs per cell (BENCH_RUNS, default 5)
	keys       int           // key presses per run (BENCH_KEYS, default 50)
	out        string        // directory of results.json and RESULTS.md (BENCH_OUT, default .)
	goResults  string        // the Go benchmarks' output (BENCH_GO, default <out>/go.txt)
	benchstat  string        // benchstat binary (BENCHSTAT, default ../bin/benchstat)
	runTimeout time.Duration // one run of one cell (BENCH_RUN_TIMEOUT, default 15m)
	seed       int64         // annotation generator seed (BENCH_SEED, default 1)
	profile    []string      // cells whose first run profiles a warm reload (BENCH_PROFILE: KxN,… or all or none; default all)
	profileDir string        // where to write the raw CPU profiles (BENCH_PROFILE_DIR, default none)
}

// profiles reports whether the first run of a cell profiles a reload.
func (c config) profiles(g gridCell) bool {
	for _, p := range c.profile {
		if p == "all" || p == g.String() {
			return true
		}
	}
	return false
}

type gridCell struct{ K, N int }

func (g gridCell) String() string { return fmt.Sprintf("%dx%d", g.K, g.N) }

// defaultGrid is the grid of the issue: K ∈ {1, 10, 50} × N ∈ {0, 100,
// 1,000, 10,000}.
func defaultGrid() []gridCell {
	var g []gridCell
	for _, k := range []int{1, 10, 50} {
		for _, n := range []int{0, 100, 1000, 10000} {
			g = append(g, gridCell{k, n})
		}
	}
	return g
}

func loadConfig() (config, error) {
	c := config{grid: defaultGrid(), runs: 5, keys: 50, out: ".", runTimeout: 15 * time.Minute, seed: 1, profile: []string{"all"}}
	if s := os.Getenv("BENCH_PROFILE"); s != "" {
		c.profile = strings.Split(s, ",")
	}
	c.profileDir = os.Getenv("BENCH_PROFILE_DIR")
	if s := os.Getenv("BENCH_GRID"); s != "" {
		c.grid = nil
		for _, f := range strings.Split(s, ",") {
			var g gridCell
			if _, err := fmt.Sscanf(strings.TrimSpace(f), "%dx%d", &g.K, &g.N); err != nil || g.K < 1 || g.N < 0 {
				return c, fmt.Errorf("BENCH_GRID: %q is not KxN (e.g. 1x100,10x1000)", f)
			}
			c.grid = append(c.grid, g)
		}
	}
	ints := []struct {
		name string
		v    *int
		min  int
	}{{"BENCH_RUNS", &c.runs, 1}, {"BENCH_KEYS", &c.keys, 0}}
	for _, x := range ints {
		if s := os.Getenv(x.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < x.min {
				return c, fmt.Errorf("%s: %q is not a number ≥ %d", x.name, s, x.min)
			}
			*x.v = n
		}
	}
	if s := os.Getenv("BENCH_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return c, fmt.Errorf("BENCH_SEED: %v", err)
		}
		c.seed = n
	}
	if s := os.Getenv("BENCH_RUN_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return c, fmt.Errorf("BENCH_RUN_TIMEOUT: %v", err)
		}
		c.runTimeout = d
	}
	if s := os.Getenv("BENCH_LOAD_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return c, fmt.Errorf("BENCH_LOAD_TIMEOUT: %v", err)
		}
		loadTimeout = d
	}
	if s := os.Getenv("BENCH_OUT"); s != "" {
		c.out = s
	}
	c.goResults = filepath.Join(c.out, "go.txt")
	if s := os.Getenv("BENCH_GO"); s != "" {
		c.goResults = s
	}
	c.benchstat = "../bin/benchstat"
	if s := os.Getenv("BENCHSTAT"); s != "" {
		c.benchstat = s
	}
	return c, nil
}

func TestBrowserBenchmark(t *testing.T) {
	cfg, err := loadConfig()
	if err != nil {
		t.Fatal(err)
	}
	snapshot, err := snapshotWeb(sourceWebDir, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	webDir = snapshot
	chromium, err := chromiumPath()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		t.Fatal(err)
	}

	res := &Results{
		Schema:  resultsSchema,
		Date:    time.Now().UTC().Format(time.RFC3339),
		Machine: machineInfo(chromium),
		App:     appInfo(webDir),
		Config: RunConfig{
			Runs: cfg.runs, KeySamples: cfg.keys, Seed: cfg.seed,
			Grid: func() []string {
				var s []string
				for _, g := range cfg.grid {
					s = append(s, g.String())
				}
				return s
			}(),
		},
	}
	if len(cfg.profile) > 0 && cfg.profile[0] != "none" {
		names, err := wasmNames(filepath.Join(webDir, "app.wasm"))
		if err != nil {
			res.Notes = append(res.Notes, "The CPU profiles name app.wasm's functions wasm-function[N]: "+err.Error()+".")
		}
		wasmFuncNames = names
	}
	res.Go = readGoResults(cfg.goResults)
	res.Sizes = measureSizes(t)
	save := func() {
		if err := res.write(cfg); err != nil {
			t.Errorf("writing the results: %v", err)
		}
	}
	save()

	for _, g := range cfg.grid {
		cell := runCell(t, cfg, chromium, g, res)
		res.Cells = append(res.Cells, cell)
		res.Finished = time.Now().UTC().Format(time.RFC3339)
		save()
		t.Logf("%s: %d ok, %d failed; cold %s, warm %s, offline %s, key %s ms, memory %s MB",
			g, cell.OK, cell.Failed,
			cell.Metrics.show("cold.all_painted_ms"), cell.Metrics.show("warm.all_painted_ms"),
			cell.Metrics.show("offline.all_painted_ms"), cell.Metrics.show("keypress.median_ms"),
			cell.Metrics.show("memory.total_mb"))
	}
	t.Logf("wrote %s and %s", filepath.Join(cfg.out, "results.json"), filepath.Join(cfg.out, "RESULTS.md"))
}

// runCell measures one cell of the grid: its document and annotation file,
// then cfg.runs runs, each in a fresh profile.
func runCell(t *testing.T, cfg config, chromium string, g gridCell, res *Results) Cell {
	cell := Cell{K: g.K, N: g.N, Name: g.String()}
	text := Resolution(g.K)
	doc, _ := resolution.Parse(text)
	file := Annotations(text, g.N, cfg.seed)
	path := filepath.Join(t.TempDir(), fmt.Sprintf("clausemark-%s.json", g))
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	cell.Document = DocInfo{
		Bytes: len(text), Preambular: len(doc.Preamble), Operative: len(doc.Operative),
		Clauses: len(doc.Clauses()), ExpectedOperative: 37 * g.K, AnnotationFileBytes: len(file),
	}
	if len(doc.Operative) != 37*g.K {
		cell.Notes = append(cell.Notes, fmt.Sprintf(
			"the parser reads %d operative paragraphs, not %d", len(doc.Operative), 37*g.K))
	}

	// The server renders the page from the document of app.Setup.
	cmapp.Setup(doc)
	defer func() {
		seed, _ := resolution.Parse(resolution.Seed())
		cmapp.Setup(seed)
	}()
	cell.Document.HTMLBytes = pageSize(text)
	targets := keyTargets(doc, cfg.keys)

	for i := range cfg.runs {
		ctx, cancel := context.WithTimeout(context.Background(), cfg.runTimeout)
		r := runOnce(ctx, t, chromium, text, g, path, targets, cfg.keys, cfg.profileDir, i == 0 && cfg.profiles(g))
		cancel()
		r.Run = i + 1
		if r.Error != "" {
			cell.Failed++
			t.Logf("%s run %d failed at %s: %s", g, i+1, r.Step, r.Error)
		} else {
			cell.OK++
		}
		cell.Runs = append(cell.Runs, r)
	}
	cell.Metrics = summarize(cell.Runs)
	switch {
	case cell.Failed == 0:
		cell.Status = "ok"
	case cell.OK == 0:
		cell.Status = "failed"
	default:
		cell.Status = "partial"
	}
	return cell
}

// keyTargets are the clauses the key-press samples tag as a whole, one per
// sample, spread over the document: top-level clauses short enough to be
// marked whole.
func keyTargets(doc *resolution.Document, n int) []string {
	var all []string
	for _, c := range append(append([]*resolution.Clause{}, doc.Preamble...), doc.Operative...) {
		if len([]rune(c.Text)) <= annotations.MaxQuoteLength {
			all = append(all, c.ID)
		}
	}
	if n <= 0 || len(all) == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = all[i*len(all)/n%len(all)]
	}
	return out
}

// runOnce is one run of a cell: load the annotations through the app's
// import, then a cold load, a warm reload, an offline reload, and the key
// presses. What it measured before a failure is kept.
func runOnce(ctx context.Context, t *testing.T, chromium string, text []byte, g gridCell, file string, targets []string, keys int, profileDir string, profile bool) (run Run) {
	started := time.Now()
	step := "start"
	var bctx context.Context // the run's browser context, once started
	fail := func(err error) Run {
		if bctx != nil && bctx.Err() != nil {
			if cause := context.Cause(bctx); cause != nil && !errors.Is(err, cause) && !strings.Contains(err.Error(), cause.Error()) {
				err = fmt.Errorf("%w (%v)", err, cause)
			}
		}
		run.Step, run.Error = step, err.Error()
		return run
	}
	defer func() { run.Seconds = round(time.Since(started).Seconds(), 1) }()

	srv, err := startServer(text)
	if err != nil {
		return fail(err)
	}
	defer srv.Stop()
	dir, err := os.MkdirTemp("", "clausemark-bench-profile-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(dir)
	browserCtx, closeBrowser := newBrowser(ctx, t, chromium, dir)
	defer closeBrowser()
	step = "starting chromium"
	if err := chromedp.Do(browserCtx); err != nil {
		return fail(err)
	}
	var stopRun context.CancelCauseFunc
	// Every step runs in bctx, which ends at once when the Go program in
	// the page panics or exits (rather than at the next timeout).
	bctx, stopRun = context.WithCancelCause(browserCtx)
	defer stopRun(nil)
	problems := watchConsole(browserCtx, func(msg string) {
		stopRun(fmt.Errorf("the Go program in the page stopped: %s", msg))
	})
	defer func() { run.Console = problems() }()
	run.LoadAvg = append(run.LoadAvg, loadAvg())
	defer func() { run.LoadAvg = append(run.LoadAvg, loadAvg()) }()

	// 1. Load the N annotations through the app's own import.
	step = "first load"
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		return fail(err)
	}
	if err := waitReady(bctx, 3*time.Minute); err != nil {
		return fail(err)
	}
	if g.N > 0 {
		step = "import"
		t0 := time.Now()
		if err := importFile(bctx, file, g.N); err != nil {
			return fail(err)
		}
		run.ImportMS = round(float64(time.Since(t0).Microseconds())/1000, 1)
	}
	step = "service worker install"
	if err := waitOfflineReady(bctx, 3*time.Minute); err != nil {
		return fail(err)
	}

	// 2. Cold load: no HTTP cache, no worker, no Cache Storage; IndexedDB
	// (the annotations) kept.
	step = "clearing caches"
	if err := clearCaches(bctx, srv.URL); err != nil {
		return fail(err)
	}
	step = "cold load"
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		return fail(err)
	}
	evctx, stopEvents := context.WithCancel(bctx)
	pageBytes := collectBytes(evctx)
	srv.counter.reset()
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		stopEvents()
		return fail(err)
	}
	cold, err := measureLoad(bctx, g.N)
	if err != nil {
		stopEvents()
		return fail(err)
	}
	run.Cold = cold
	step = "service worker install after the cold load"
	if err := waitOfflineReady(bctx, 3*time.Minute); err != nil {
		stopEvents()
		return fail(err)
	}
	time.Sleep(300 * time.Millisecond) // let the last loadingFinished events arrive
	stopEvents()
	run.Bytes = &Bytes{Page: <-pageBytes, Server: srv.counter.snapshot()}
	run.Bytes.ServerTotal, run.Bytes.ServerRequests = run.Bytes.Server.total()
	if _, err := chromedp.Call(bctx, network.Disable, cdp.Empty{}); err != nil {
		return fail(err)
	}

	// 3. Warm reload: the worker and its cache in place.
	step = "warm reload"
	srv.counter.reset()
	if err := chromedp.Do(bctx, chromedp.Reload()); err != nil {
		return fail(err)
	}
	if run.Warm, err = measureLoad(bctx, g.N); err != nil {
		return fail(err)
	}
	run.WarmServerBytes, _ = srv.counter.snapshot().total()
	step = "memory"
	if run.Memory, err = measureMemory(bctx); err != nil {
		return fail(err)
	}

	// An extra, unmeasured warm reload under the CPU profiler.
	if profile {
		step = "profile"
		p, err := profileReload(bctx, g.N, profileDir, g.String()+"-warm", wasmFuncNames)
		if err != nil {
			run.ProfileError = err.Error()
		}
		run.Profile = p
	}

	// 4. Offline reload: the server is stopped.
	step = "offline reload"
	srv.Stop()
	if err := chromedp.Do(bctx, chromedp.Reload()); err != nil {
		return fail(err)
	}
	if run.Offline, err = measureLoad(bctx, g.N); err != nil {
		return fail(err)
	}

	// 5. Key press → painted highlight, one new whole-clause tag per sample.
	step = "key presses"
	if keys > 0 {
		lat, err := keyPresses(bctx, targets)
		run.Keypress = lat
		if err != nil {
			return fail(err)
		}
		run.KeypressMedian = round(percentile(lat, 50), 2)
		run.KeypressP95 = round(percentile(lat, 95), 2)
		if profile {
			step = "key press profile"
			p, err := profileKeys(bctx, targets[:min(len(targets), profiledKeys)], profileDir, g.String()+"-keys", wasmFuncNames)
			if err != nil {
				run.KeyProfileError = err.Error()
			}
			run.KeyProfile = p
			step = "key press trace"
			tr, err := traceKeys(bctx, targets[max(len(targets)-profiledKeys, 0):])
			if err != nil {
				run.KeyTraceError = err.Error()
			}
			run.KeyTrace = tr
		}
	}
	step = ""
	return run
}

// ---------------------------------------------------------------- server

// benchServer is the real Clausemark server in process, counting what it
// sends.
type benchServer struct {
	URL     string
	srv     *http.Server
	ln      net.Listener
	counter *counter
	once    sync.Once
}

func startServer(text []byte) (*benchServer, error) {
	h, err := server.New(server.Options{WebDir: webDir, Version: appVersion, Document: text})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c := &counter{}
	s := &benchServer{URL: "http://" + ln.Addr().String(), ln: ln, counter: c,
		srv: &http.Server{Handler: c.wrap(h), ReadHeaderTimeout: 10 * time.Second}}
	go s.srv.Serve(ln)
	return s, nil
}

// Stop stops the server: the port refuses connections from then on.
func (s *benchServer) Stop() {
	s.once.Do(func() {
		s.srv.Close()
		s.ln.Close()
	})
}

// counter counts the responses and body bytes the server sends, by path.
type counter struct {
	mu     sync.Mutex
	byPath map[string]*PathBytes
}

func (c *counter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(cw, r)
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.byPath == nil {
			c.byPath = map[string]*PathBytes{}
		}
		p := c.byPath[r.URL.Path]
		if p == nil {
			p = &PathBytes{}
			c.byPath[r.URL.Path] = p
		}
		p.Requests++
		p.Bytes += cw.n
		if cw.status == http.StatusOK {
			p.Full++
		}
		if enc := w.Header().Get("Content-Encoding"); enc != "" {
			p.Encoding = enc
		}
	})
}

func (c *counter) reset() {
	c.mu.Lock()
	c.byPath = nil
	c.mu.Unlock()
}

func (c *counter) snapshot() ServerBytes {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := ServerBytes{}
	for k, v := range c.byPath {
		out[k] = *v
	}
	return out
}

type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *countingWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

// pageSize is the size of the pre-rendered page (/) of the document that
// app.Setup was given.
func pageSize(text []byte) int {
	srv, err := startServer(text)
	if err != nil {
		return -1
	}
	defer srv.Stop()
	b, _, err := fetch(srv.URL + "/")
	if err != nil {
		return -1
	}
	return len(b)
}

// fetch gets a URL as a browser would (accepting brotli and gzip) and
// returns the body as sent, not decompressed.
func fetch(url string) ([]byte, http.Header, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept-Encoding", "br, gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 64<<10)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return []byte(b.String()), resp.Header, nil
}

// snapshotWeb copies web/ into dir/web and checks that its compressed
// copies of app.wasm belong to it.
func snapshotWeb(src, dir string) (string, error) {
	wasm, err := os.Stat(filepath.Join(src, "app.wasm"))
	if err != nil {
		return "", errors.New("web/app.wasm is missing: run 'make build' (make bench builds it) first")
	}
	for _, c := range []string{"app.wasm.gz", "app.wasm.br"} {
		fi, err := os.Stat(filepath.Join(src, c))
		// brotli gives its output the input's time, to the second.
		if err == nil && fi.ModTime().Before(wasm.ModTime().Truncate(time.Second)) {
			return "", fmt.Errorf("web/%s is older than web/app.wasm (a build in progress?): run 'make build' again", c)
		}
	}
	dst := filepath.Join(dir, "web")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return "", err
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasSuffix(e.Name(), ".tmp") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			return "", err
		}
	}
	// The gzip copy must decompress to app.wasm.
	if gz, err := os.Open(filepath.Join(dst, "app.wasm.gz")); err == nil {
		defer gz.Close()
		zr, err := gzip.NewReader(gz)
		if err != nil {
			return "", fmt.Errorf("web/app.wasm.gz: %v", err)
		}
		h := sha256.New()
		if _, err := io.Copy(h, zr); err != nil {
			return "", fmt.Errorf("web/app.wasm.gz: %v", err)
		}
		raw, err := os.ReadFile(filepath.Join(dst, "app.wasm"))
		if err != nil {
			return "", err
		}
		if sum := sha256.Sum256(raw); !bytes.Equal(sum[:], h.Sum(nil)) {
			return "", errors.New("web/app.wasm.gz is not web/app.wasm compressed (a build in progress?): run 'make build' again")
		}
	}
	return dst, nil
}

// ---------------------------------------------------------------- browser

// chromiumPath finds Debian's Chromium.
func chromiumPath() (string, error) {
	for _, p := range []string{"/usr/lib/chromium/chromium", "/usr/bin/chromium"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("chromium is not installed: run 'make bench' (it installs it) or apt-get install chromium")
}

// newBrowser starts headless Chromium on a profile directory, bound to ctx.
func newBrowser(ctx context.Context, t *testing.T, chromium, dir string) (context.Context, func()) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if strings.Contains(msg, "IPAddressSpace") { // known harmless noise of cdproto
			return
		}
		t.Logf("chromedp: %s", msg)
	}))
	return bctx, func() {
		cancel()
		cancelAlloc()
	}
}

// watchConsole collects the console errors, uncaught exceptions and Go
// panics of the tab; the returned func gives them (at most 20, deduplicated).
func watchConsole(ctx context.Context, fatal func(string)) func() []string {
	wctx, stop := context.WithCancel(ctx)
	messages := chromedp.Console(wctx)
	var mu sync.Mutex
	var bad []string
	seen := map[string]bool{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if !problem(m) {
				continue
			}
			for _, f := range []string{"panic:", "fatal error:", "Go program has already exited", "exit code:"} {
				if strings.Contains(m.Text, f) {
					fatal(m.Text)
					break
				}
			}
			s := string(m.Type) + ": " + m.Text
			if m.URL != "" {
				s += fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
			}
			mu.Lock()
			if !seen[s] && len(bad) < 20 {
				seen[s] = true
				bad = append(bad, s)
			}
			mu.Unlock()
		}
	}()
	return func() []string {
		stop()
		<-done
		mu.Lock()
		defer mu.Unlock()
		return bad
	}
}

func problem(m chromedp.ConsoleMessage) bool {
	switch m.Type {
	case chromedp.ConsoleError, chromedp.ConsoleException:
		return true
	}
	for _, s := range []string{"panic:", "fatal error:", "Go program has already exited", "exit code:"} {
		if strings.Contains(m.Text, s) {
			return true
		}
	}
	return false
}

// eval evaluates a JavaScript expression in the tab, awaiting promises.
func eval[T any](ctx context.Context, js string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// poll waits until a JavaScript expression (a promise is awaited) is
// truthy. chromedp.Poll cannot be used: it builds its predicate with new
// Function, which the app's Content-Security-Policy forbids.
func poll(ctx context.Context, what, js string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	expr := `(async () => !!(await (` + js + `)))()`
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		if ctx.Err() != nil {
			return fmt.Errorf("waiting for %s: %w", what, context.Cause(ctx))
		}
		if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, chromedp.ErrTargetDetached)) {
			return fmt.Errorf("waiting for %s: %w", what, err) // the browser or the tab is gone
		}
		if time.Now().After(deadline) {
			if last != nil {
				return fmt.Errorf("waiting for %s: timed out after %s (last error: %v)", what, timeout, last)
			}
			return fmt.Errorf("waiting for %s: timed out after %s", what, timeout)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// waitReady waits until the wasm has loaded and the app is mounted.
func waitReady(ctx context.Context, timeout time.Duration) error {
	err := poll(ctx, "the app to start",
		`!!document.querySelector('.cm-app[data-ready]') && !document.getElementById('app-wasm-loader')`, timeout)
	if err != nil {
		label, _ := eval[string](ctx, `(document.getElementById('app-wasm-loader-label') || {}).innerText || ''`)
		if label != "" {
			err = fmt.Errorf("%w (the loader says %q)", err, label)
		}
	}
	return err
}

// waitOfflineReady waits until the service worker controls the page and its
// cache holds the app, so that it can load with no server.
func waitOfflineReady(ctx context.Context, timeout time.Duration) error {
	return poll(ctx, "the service worker's cache", `(async () => {
		if (!navigator.serviceWorker.controller) return false;
		for (const k of await caches.keys()) {
			const c = await caches.open(k);
			if (await c.match('/web/app.wasm') && await c.match('/') && await c.match('/app.js') && await c.match('/document.txt')) return true;
		}
		return false;
	})()`, timeout)
}

// jsStoredCount counts the annotations in IndexedDB.
const jsStoredCount = `new Promise((resolve, reject) => {
	const req = indexedDB.open('clausemark');
	req.onerror = () => reject(req.error);
	req.onsuccess = () => {
		const db = req.result;
		if (!db.objectStoreNames.contains('annotations')) { db.close(); resolve(0); return; }
		const c = db.transaction('annotations').objectStore('annotations').count();
		c.onsuccess = () => { db.close(); resolve(c.result); };
		c.onerror = () => { db.close(); reject(c.error); };
	};
})`

// importFile imports a native file of n annotations through the app: the
// hidden file input, the preview dialog, its Import button; then waits
// until IndexedDB holds them all and the app says everything is saved.
func importFile(ctx context.Context, path string, n int) error {
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("cm-import-file"), []string{path})); err != nil {
		return fmt.Errorf("choosing the file: %w", err)
	}
	if err := poll(ctx, "the import preview", `document.querySelector('#cm-import-dialog') !== null`, 5*time.Minute); err != nil {
		return err
	}
	added, err := eval[string](ctx, `(document.querySelector('#cm-import-dialog [data-row="Added"] .cm-num-cell') || {}).textContent || ''`)
	if err != nil {
		return err
	}
	if added != strconv.Itoa(n) {
		msg, _ := eval[string](ctx, `document.querySelector('#cm-import-dialog').textContent`)
		return fmt.Errorf("the import preview adds %q annotations, want %d: %.300s", added, n, msg)
	}
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	err = chromedp.Do(cctx, chromedp.Click(chromedp.CSS("#cm-import-dialog .cm-primary"), chromedp.NodeVisible))
	cancel()
	if err != nil {
		// The click may have gone through all the same (the dialog closes).
		if closed, _ := eval[bool](ctx, `document.querySelector('#cm-import-dialog') === null`); !closed {
			return fmt.Errorf("clicking Import: %w; the page: %s", err, pageState(ctx))
		}
	}
	return poll(ctx, fmt.Sprintf("%d annotations saved", n),
		`(async () => (await `+jsStoredCount+`) === `+strconv.Itoa(n)+` && document.querySelector('.cm-save-saved') !== null && document.querySelector('#cm-import-dialog') === null)()`,
		10*time.Minute)
}

// clearCaches empties the HTTP cache and removes the service worker and its
// Cache Storage, keeping IndexedDB, then leaves the page (about:blank).
func clearCaches(ctx context.Context, origin string) error {
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{
		Origin: origin, StorageTypes: "cache_storage,service_workers",
	}); err != nil {
		return err
	}
	if err := poll(ctx, "the worker and caches to be gone",
		`(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0)()`,
		30*time.Second); err != nil {
		return err
	}
	return chromedp.Do(ctx, chromedp.Navigate("about:blank"))
}

// collectBytes sums Network.loadingFinished's encodedDataLength (headers
// and body as received) of the page's requests until ctx ends.
func collectBytes(ctx context.Context) <-chan int64 {
	events := chromedp.Events(ctx, network.LoadingFinished)
	out := make(chan int64, 1)
	go func() {
		var sum float64
		for ev, err := range events {
			if err != nil {
				break
			}
			sum += ev.EncodedDataLength
		}
		out <- int64(sum)
	}()
	return out
}

// jsLoad reads the timings of the page load (ms since navigation start).
const jsLoad = `(() => {
	const paint = {};
	for (const e of performance.getEntriesByType('paint')) paint[e.name] = e.startTime;
	const mark = n => { const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : -1; };
	const nav = performance.getEntriesByType('navigation')[0] || {};
	const res = performance.getEntriesByType('resource');
	const end = path => { const e = res.find(r => new URL(r.name).pathname === path); return e ? e.responseEnd : -1; };
	const ids = new Set();
	for (const m of document.querySelectorAll('mark[data-annotation]')) ids.add(m.dataset.annotation);
	return JSON.stringify({
		first_paint_ms: paint['first-paint'] ?? -1,
		first_contentful_paint_ms: paint['first-contentful-paint'] ?? -1,
		all_painted_ms: mark('cm-annotations-painted'),
		html_received_ms: nav.responseEnd ?? -1,
		dom_content_loaded_ms: nav.domContentLoadedEventEnd ?? -1,
		load_event_ms: nav.loadEventEnd ?? -1,
		wasm_received_ms: end('/web/app.wasm'),
		document_received_ms: end('/document.txt'),
		highlights: ids.size,
	});
})()`

// pageState describes the page for an error message: where it is, whether
// the app started, its marks, the save state.
func pageState(ctx context.Context) string {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := eval[string](sctx, `JSON.stringify({
		url: location.href,
		ready: !!document.querySelector('.cm-app[data-ready]'),
		loader: (document.getElementById('app-wasm-loader-label') || {}).innerText || null,
		marks: performance.getEntriesByType('mark').map(m => m.name + '@' + Math.round(m.startTime)),
		save: (document.querySelector('.cm-save') || {}).textContent || null,
		banner: (document.querySelector('.cm-banner') || {}).textContent || null,
		worker: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
		highlights: document.querySelectorAll('mark[data-start]').length,
	})`)
	if err != nil {
		return "unreadable: " + err.Error()
	}
	return s
}

// measureLoad waits for the page that is loading to start and paint its
// saved annotations, then reads its timings.
func measureLoad(ctx context.Context, n int) (*Load, error) {
	if err := poll(ctx, "the saved annotations to be painted (cm-annotations-painted)",
		`performance.getEntriesByName('cm-annotations-painted', 'mark').length > 0`, loadTimeout); err != nil {
		return nil, fmt.Errorf("%w; the page: %s", err, pageState(ctx))
	}
	if err := waitReady(ctx, time.Minute); err != nil {
		return nil, err
	}
	raw, err := eval[string](ctx, jsLoad)
	if err != nil {
		return nil, err
	}
	var l Load
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return nil, err
	}
	for _, p := range []*float64{&l.FirstPaint, &l.FirstContentfulPaint, &l.AllPainted, &l.HTMLReceived,
		&l.DOMContentLoaded, &l.LoadEvent, &l.WasmReceived, &l.DocumentReceived} {
		*p = round(*p, 1)
	}
	if l.Highlights != n {
		return &l, fmt.Errorf("%d highlights on the page, want %d", l.Highlights, n)
	}
	return &l, nil
}

// measureMemory reads the page's JavaScript heap (after a forced garbage
// collection) and the size of its WebAssembly memories (the Go heap and
// stacks live there), found with Runtime.queryObjects.
func measureMemory(ctx context.Context) (*Memory, error) {
	before, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return nil, err
	}
	after, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	const group = "clausemark-bench"
	defer chromedp.Call(ctx, cdpruntime.ReleaseObjectGroup, cdpruntime.ReleaseObjectGroupParams{ObjectGroup: group})
	proto, err := chromedp.Run(ctx, chromedp.Evaluate[*cdpruntime.RemoteObject](`WebAssembly.Memory.prototype`,
		func(p *cdpruntime.EvaluateParams) { p.ObjectGroup = group }))
	if err != nil {
		return nil, err
	}
	objs, err := chromedp.Call(ctx, cdpruntime.QueryObjects, cdpruntime.QueryObjectsParams{PrototypeObjectID: proto.ObjectID, ObjectGroup: group})
	if err != nil {
		return nil, err
	}
	if objs.Objects == nil {
		return nil, errors.New("Runtime.queryObjects returned nothing")
	}
	sum, err := chromedp.Call(ctx, cdpruntime.CallFunctionOn, cdpruntime.CallFunctionOnParams{
		FunctionDeclaration: `function() { return JSON.stringify({n: this.length, bytes: this.reduce((s, m) => s + m.buffer.byteLength, 0)}); }`,
		ObjectID:            objs.Objects.ObjectID,
		ReturnByValue:       new(true),
	})
	if err != nil {
		return nil, err
	}
	if sum.ExceptionDetails != nil {
		return nil, fmt.Errorf("summing the wasm memories: %s", sum.ExceptionDetails.Text)
	}
	var s string
	if err := json.Unmarshal([]byte(sum.Result.Value), &s); err != nil {
		return nil, err
	}
	var w struct {
		N     int     `json:"n"`
		Bytes float64 `json:"bytes"`
	}
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		return nil, err
	}
	const mb = 1 << 20
	m := &Memory{
		JSHeapUsedMB:         round(after.UsedSize/mb, 2),
		JSHeapUsedBeforeGCMB: round(before.UsedSize/mb, 2),
		JSHeapTotalMB:        round(after.TotalSize/mb, 2),
		WasmMB:               round(w.Bytes/mb, 2),
		WasmMemories:         w.N,
	}
	m.TotalMB = round(m.JSHeapUsedMB+m.WasmMB, 2)
	return m, nil
}

// keyPresses measures, for each target clause, the time from the key-down
// of "2" (tag as a request) on its focused label to the paint of the new
// highlight (the app's cm-tag-painted mark).
func keyPresses(ctx context.Context, targets []string) ([]float64, error) {
	if _, err := eval[bool](ctx, `(() => {
		if (!window.__cmBench) {
			window.__cmBench = true;
			document.addEventListener('keydown', e => { window.__kd = e.timeStamp; }, true);
		}
		return true;
	})()`); err != nil {
		return nil, err
	}
	var out []float64
	for i, clause := range targets {
		before, err := eval[int](ctx, `performance.getEntriesByName('cm-tag-painted', 'mark').length`)
		if err != nil {
			return out, err
		}
		sel := strconv.Quote(`[data-clause="` + clause + `"] .cm-label`)
		ok, err := eval[bool](ctx, `(() => {
			const b = document.querySelector(`+sel+`);
			if (!b) return false;
			b.focus();
			window.__kd = -1;
			return document.activeElement === b;
		})()`)
		if err != nil {
			return out, err
		}
		if !ok {
			return out, fmt.Errorf("sample %d: cannot focus the label of %s", i+1, clause)
		}
		// Let the focus scroll and paint before the key, then wait a part of
		// a frame that changes from sample to sample: a delegate's key
		// lands anywhere between two frames, and a key always pressed just
		// after one would measure a whole frame of waiting every time.
		if _, err := eval[bool](ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`); err != nil {
			return out, err
		}
		time.Sleep(time.Duration(i*7%17) * time.Millisecond)
		if err := chromedp.Do(ctx, chromedp.KeyEvent("2")); err != nil {
			return out, err
		}
		if err := poll(ctx, fmt.Sprintf("the highlight of key press %d (%s)", i+1, clause),
			`performance.getEntriesByName('cm-tag-painted', 'mark').length > `+strconv.Itoa(before), 30*time.Second); err != nil {
			return out, err
		}
		lat, err := eval[float64](ctx, `(() => {
			const m = performance.getEntriesByName('cm-tag-painted', 'mark');
			return window.__kd < 0 ? -1 : m[m.length - 1].startTime - window.__kd;
		})()`)
		if err != nil {
			return out, err
		}
		if lat < 0 {
			return out, fmt.Errorf("sample %d: no keydown seen", i+1)
		}
		out = append(out, round(lat, 2))
		// Let the save finish so that samples do not overlap.
		_ = poll(ctx, "the save", `document.querySelector('.cm-save-saved') !== null`, 10*time.Second)
		time.Sleep(50 * time.Millisecond)
	}
	return out, nil
}

// ---------------------------------------------------------------- sizes

// measureSizes reports app.wasm raw, gzip and brotli (web/, as make build
// leaves it) and what the server sends for every other asset, fetched from
// an in-process server with the built-in resolution.
func measureSizes(t *testing.T) Sizes {
	var s Sizes
	stat := func(name string) int64 {
		fi, err := os.Stat(filepath.Join(webDir, name))
		if err != nil {
			return -1
		}
		return fi.Size()
	}
	s.Wasm = WasmSizes{Raw: stat("app.wasm"), Gzip: stat("app.wasm.gz"), Brotli: stat("app.wasm.br")}
	seed, _ := resolution.Parse(resolution.Seed())
	cmapp.Setup(seed)
	h, err := server.New(server.Options{WebDir: webDir, Version: appVersion})
	if err != nil {
		t.Errorf("sizes: %v", err)
		return s
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Errorf("sizes: %v", err)
		return s
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest",
		"/web/clausemark.css", "/web/icon.svg", "/web/icon-192.png", "/web/icon-512.png", "/web/app.wasm"} {
		b, hdr, err := fetch(base + p)
		if err != nil {
			t.Errorf("sizes: %v", err)
			continue
		}
		s.Assets = append(s.Assets, Asset{Path: p, Bytes: len(b), ContentType: hdr.Get("Content-Type"), Encoding: hdr.Get("Content-Encoding")})
	}
	return s
}

// loadAvg is the system's 1-minute load average, to spot runs disturbed
// by other work on the machine (-1 if unknown).
func loadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	var l float64
	if _, err := fmt.Sscanf(string(b), "%f", &l); err != nil {
		return -1
	}
	return l
}

// ---------------------------------------------------------------- machine

func machineInfo(chromium string) Machine {
	m := Machine{CPUs: runtime.NumCPU(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, Go: runtime.Version()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "MemTotal:") {
				var kb int64
				fmt.Sscanf(strings.TrimPrefix(l, "MemTotal:"), "%d", &kb)
				m.MemoryGB = round(float64(kb)/(1<<20), 1)
			}
		}
	}
	if b, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "PRETTY_NAME="); ok {
				m.OS = strings.Trim(v, `"`)
			}
		}
	}
	// The browser's own version string, from a short-lived browser.
	dir, err := os.MkdirTemp("", "clausemark-bench-version-")
	if err == nil {
		defer os.RemoveAll(dir)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		actx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromium), chromedp.UserDataDir(dir), chromedp.Flag("disable-gpu", true))...)
		defer cancelAlloc()
		bctx, cancelB := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...any) {}))
		defer cancelB()
		if v, err := chromedp.CallBrowser(bctx, cdpbrowser.GetVersion, cdp.Empty{}); err == nil {
			m.Chromium = v.Product
			m.UserAgent = v.UserAgent
			m.V8 = v.JsVersion
		}
	}
	return m
}

func appInfo(web string) AppInfo {
	var a AppInfo
	if b, err := os.ReadFile(filepath.Join(web, "app.wasm")); err == nil {
		a.WasmSHA256 = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	if out, err := exec.Command("git", "describe", "--always", "--dirty").Output(); err == nil {
		a.Version = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil {
		a.Commit = strings.TrimSpace(string(out))
	}
	return a
}

// ---------------------------------------------------------------- statistics

// percentile is the p-th percentile (0–100) of xs by linear interpolation
// between closest ranks; NaN for none.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	pos := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	return s[lo] + (s[hi]-s[lo])*(pos-float64(lo))
}

func round(x float64, digits int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
