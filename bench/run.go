//go:build !js

package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// runner is one browser benchmark under way.
type runner struct {
	cfg      Config
	chromium string         // the browser binary
	webDir   string         // the copy of web/ the servers serve
	names    map[int]string // app.wasm's function names, for the CPU profiles (nil: unknown)
	peers    []*peerSite    // the peers to measure, ready or missing
	logf     func(format string, args ...any)
}

// Measure runs the browser benchmark of cfg and writes results.json and
// RESULTS.md into cfg.Out, again after every cell and after the library
// scenario, which comes last (a run cut short keeps what it measured). logf receives the progress. A run or a peer that
// fails is recorded with its error and does not stop the benchmark; Run
// fails only when it cannot measure or write at all.
func Measure(ctx context.Context, cfg Config, logf func(format string, args ...any)) error {
	tmp, err := os.MkdirTemp("", "clausemark-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// The servers serve a copy of web/, taken now, so that a make build
	// meanwhile does not change what is measured.
	webDir, err := snapshotWeb(cfg.WebDir(), tmp)
	if err != nil {
		return err
	}
	path, err := chromium.Path()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return err
	}
	r := &runner{cfg: cfg, chromium: path, webDir: webDir, logf: logf}
	for _, name := range cfg.Peers {
		site := preparePeer(peerSpecs[name], cfg.NodeModules(), filepath.Join(cfg.Root, "bench", "package.json"))
		if site.missing != "" {
			logf("peer %s is missing: %s", name, site.missing)
		}
		r.peers = append(r.peers, site)
	}

	res := &Results{
		Schema:  resultsSchema,
		Date:    time.Now().UTC().Format(time.RFC3339),
		Machine: machineInfo(path),
		App:     appInfo(cfg.Root, webDir),
		Config:  RunConfig{Runs: cfg.Runs, KeySamples: cfg.Keys, Seed: cfg.Seed},
	}
	for _, g := range cfg.Grid {
		res.Config.Grid = append(res.Config.Grid, g.String())
	}
	if !(len(cfg.Profile) == 0 || cfg.Profile[0] == "none") {
		names, err := wasmNames(cfg.Root, filepath.Join(webDir, "app.wasm"))
		if err != nil {
			res.Notes = append(res.Notes, "The CPU profiles name app.wasm's functions wasm-function[N]: "+err.Error()+".")
		}
		r.names = names
	}
	res.Go = ReadGoResults(cfg.GoResults, cfg.Benchstat)
	var errs []error
	res.Sizes, errs = measureSizes(webDir)
	for _, err := range errs {
		res.Notes = append(res.Notes, "Sizes: "+err.Error()+".")
	}
	if err := res.Write(cfg.Out); err != nil {
		return err
	}

	for _, g := range cfg.Grid {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		cell, err := r.cell(ctx, g)
		if err != nil {
			return err
		}
		res.Cells = append(res.Cells, cell)
		res.Finished = time.Now().UTC().Format(time.RFC3339)
		if err := res.Write(cfg.Out); err != nil {
			return err
		}
		logf("%s: %d ok, %d failed; cold %s, warm %s, offline %s, key %s ms, memory %s MB",
			g, cell.OK, cell.Failed,
			cell.Metrics.show("cold.all_painted_ms"), cell.Metrics.show("warm.all_painted_ms"),
			cell.Metrics.show("offline.all_painted_ms"), cell.Metrics.show("keypress.median_ms"),
			cell.Metrics.show("memory.total_mb"))
		for _, p := range cell.Peers {
			if p.Status == "missing" {
				logf("%s %s: missing", g, p.Label)
				continue
			}
			var q []string
			for _, k := range ratioKinds {
				v, _ := ourRatio(cell, p.Name, k.kind)
				q = append(q, k.kind+" "+ratioText(v))
			}
			logf("%s %s: %d ok, %d failed; cold %s, warm %s, key %s ms; ours ÷ it: %s", g, p.Label, p.OK, p.Failed,
				p.Metrics.show("cold.all_painted_ms"), p.Metrics.show("warm.all_painted_ms"),
				p.Metrics.show("keypress.median_ms"), strings.Join(q, ", "))
		}
	}
	if cfg.Library && ctx.Err() == nil {
		res.Library = r.library(ctx, tmp)
		res.Finished = time.Now().UTC().Format(time.RFC3339)
		if err := res.Write(cfg.Out); err != nil {
			return err
		}
		l := res.Library
		logf("library %dx%d: %d ok, %d failed; /library warm %s, offline %s ms; filter median %s, p95 %s ms; open %s ms; IndexedDB %s MB",
			l.Documents, l.PerDocument, l.OK, l.Failed, l.Metrics.show("library.warm_listed_ms"), l.Metrics.show("library.offline_listed_ms"),
			l.Metrics.show("filter.pooled_median_ms"), l.Metrics.show("filter.pooled_p95_ms"), l.Metrics.show("open.from_library_ms"),
			l.Metrics.show("storage.indexeddb_mb"))
	}
	logf("wrote %s and %s", filepath.Join(cfg.Out, "results.json"), filepath.Join(cfg.Out, "RESULTS.md"))
	return nil
}

// cell measures one cell of the grid: its document and annotation file,
// then cfg.Runs runs of ours, each followed by a run of each peer, every
// run in a fresh profile.
func (r *runner) cell(ctx context.Context, g GridCell) (Cell, error) {
	cfg := r.cfg
	cell := Cell{K: g.K, N: g.N, Name: g.String()}
	text := Resolution(g.K)
	doc, err := resolution.Parse(text)
	if err != nil {
		return cell, fmt.Errorf("%s: the generated resolution does not parse: %v", g, err)
	}
	file := Annotations(text, g.N, cfg.Seed)
	dir, err := os.MkdirTemp("", "clausemark-bench-cell-")
	if err != nil {
		return cell, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, fmt.Sprintf("clausemark-%s.json", g))
	if err := os.WriteFile(path, file, 0o644); err != nil {
		return cell, err
	}
	cell.Document = DocInfo{
		Bytes: len(text), Preambular: len(doc.Preamble), Operative: len(doc.Operative),
		Clauses: len(doc.Clauses()), ExpectedOperative: ParsedOperative(g.K), AnnotationFileBytes: len(file),
	}
	if len(doc.Operative) != ParsedOperative(g.K) {
		cell.Notes = append(cell.Notes, fmt.Sprintf(
			"the parser reads %d operative paragraphs, not %d", len(doc.Operative), ParsedOperative(g.K)))
	}
	var data []byte
	if len(r.peers) > 0 {
		if data, err = peerData(doc, file); err != nil {
			return cell, fmt.Errorf("%s: the peers' data: %v", g, err)
		}
	}

	// The server renders the page from the document of app.Setup.
	cmapp.Setup(doc, browser.None{})
	defer func() {
		seed, _ := resolution.Parse(resolution.Seed())
		cmapp.Setup(seed, browser.None{})
	}()
	cell.Document.HTMLBytes = pageSize(r.webDir, text)
	targets := keyTargets(doc, cfg.Keys)

	for _, p := range r.peers {
		cell.Peers = append(cell.Peers, PeerCell{Name: p.spec.name, Label: p.spec.label, Version: p.version, Missing: p.missing, Metrics: Metrics{}})
	}
	for i := range cfg.Runs {
		rctx, cancel := context.WithTimeout(ctx, cfg.RunTimeout)
		run := r.ours(rctx, text, g, path, targets, i == 0 && cfg.Profiles(g))
		cancel()
		run.Run = i + 1
		if run.Error != "" {
			cell.Failed++
			r.logf("%s run %d failed at %s: %s", g, i+1, run.Step, run.Error)
		} else {
			cell.OK++
		}
		cell.Runs = append(cell.Runs, run)

		for j, p := range r.peers {
			if p.missing != "" {
				continue
			}
			pc := &cell.Peers[j]
			rctx, cancel := context.WithTimeout(ctx, cfg.RunTimeout)
			run := r.peer(rctx, p, data, g.N, targets)
			cancel()
			run.Run = i + 1
			if run.Error != "" {
				pc.Failed++
				r.logf("%s %s run %d failed at %s: %s", g, p.spec.label, i+1, run.Step, run.Error)
			} else {
				pc.OK++
			}
			pc.Runs = append(pc.Runs, run)
		}
	}
	cell.Metrics = summarize(cell.Runs)
	cell.Status = status(cell.OK, cell.Failed)
	for i := range cell.Peers {
		pc := &cell.Peers[i]
		if pc.Missing != "" {
			pc.Status = "missing"
			continue
		}
		pc.Metrics = summarize(pc.Runs)
		pc.Status = status(pc.OK, pc.Failed)
	}
	return cell, nil
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

// session is a fresh browser of a run, watched: its tab's context ends at
// once when the Go program in the page panics or exits.
type session struct {
	tab        context.Context
	profileDir string          // the browser's profile (user data directory)
	problems   func() []string // the console problems so far; stops watching
	close      func()
}

// newSession starts Chromium on a fresh profile.
func (r *runner) newSession(ctx context.Context) (*session, error) {
	dir, err := os.MkdirTemp("", "clausemark-bench-profile-")
	if err != nil {
		return nil, err
	}
	browser, closeBrowser, err := chromium.Start(ctx, chromium.Options{Path: r.chromium, ProfileDir: dir, Logf: r.logf})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	tab, stop := context.WithCancelCause(browser)
	problems := chromium.WatchConsole(browser, chromium.WatchOptions{
		Max:    20,
		GoDied: func(msg string) { stop(fmt.Errorf("the Go program in the page stopped: %s", msg)) },
	})
	return &session{tab: tab, profileDir: dir, problems: problems, close: func() {
		stop(nil)
		closeBrowser()
		os.RemoveAll(dir)
	}}, nil
}

// failer records where a run failed: the step under way and the error,
// with the cause of the tab's end when it ended.
type failer struct {
	run  *Run
	step string
	tab  context.Context
}

func (f *failer) fail(err error) Run {
	if f.tab != nil && f.tab.Err() != nil {
		if cause := context.Cause(f.tab); cause != nil && !errors.Is(err, cause) && !strings.Contains(err.Error(), cause.Error()) {
			err = fmt.Errorf("%w (%v)", err, cause)
		}
	}
	f.run.Step, f.run.Error = f.step, err.Error()
	return *f.run
}

// ours is one run of ours in a cell: load the annotations through the
// app's import, then a cold load, a warm reload, an offline reload, and
// the key presses. What it measured before a failure is kept.
func (r *runner) ours(ctx context.Context, text []byte, g GridCell, file string, targets []string, profile bool) (run Run) {
	started := time.Now()
	f := &failer{run: &run, step: "start"}
	defer func() { run.Seconds = round(time.Since(started).Seconds(), 1) }()
	timeout := r.cfg.LoadTimeout

	srv, err := startAppServer(r.webDir, text)
	if err != nil {
		return f.fail(err)
	}
	defer srv.Stop()
	f.step = "starting chromium"
	s, err := r.newSession(ctx)
	if err != nil {
		return f.fail(err)
	}
	defer s.close()
	defer func() { run.Console = s.problems() }()
	bctx := s.tab
	f.tab = bctx
	run.LoadAvg = append(run.LoadAvg, loadAvg())
	defer func() { run.LoadAvg = append(run.LoadAvg, loadAvg()) }()

	// 1. Load the N annotations through the app's own import.
	f.step = "first load"
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+docPage(text))); err != nil {
		return f.fail(err)
	}
	if err := chromium.WaitAppReady(bctx, 3*time.Minute); err != nil {
		return f.fail(err)
	}
	if g.N > 0 {
		f.step = "import"
		t0 := time.Now()
		if err := importFile(bctx, file, g.N); err != nil {
			return f.fail(err)
		}
		run.ImportMS = round(float64(time.Since(t0).Microseconds())/1000, 1)
	}
	f.step = "service worker install"
	if err := waitOffline(bctx); err != nil {
		return f.fail(err)
	}

	// 2. Cold load: no HTTP cache, no worker, no Cache Storage; IndexedDB
	// (the annotations) kept.
	f.step = "clearing caches"
	if err := clearCaches(bctx, srv.URL); err != nil {
		return f.fail(err)
	}
	f.step = "cold load"
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		return f.fail(err)
	}
	evctx, stopEvents := context.WithCancel(bctx)
	pageBytes := collectBytes(evctx)
	srv.counter.reset()
	if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+docPage(text))); err != nil {
		stopEvents()
		return f.fail(err)
	}
	cold, err := measureLoad(bctx, ours, g.N, timeout)
	if err != nil {
		stopEvents()
		return f.fail(err)
	}
	run.Cold = cold
	f.step = "service worker install after the cold load"
	if err := waitOffline(bctx); err != nil {
		stopEvents()
		return f.fail(err)
	}
	time.Sleep(300 * time.Millisecond) // let the last loadingFinished events arrive
	stopEvents()
	run.Bytes = &Bytes{Page: <-pageBytes, Server: srv.counter.snapshot()}
	run.Bytes.ServerTotal, run.Bytes.ServerRequests = run.Bytes.Server.total()
	if _, err := chromedp.Call(bctx, network.Disable, cdp.Empty{}); err != nil {
		return f.fail(err)
	}

	// 3. Warm reload: the worker and its cache in place.
	f.step = "warm reload"
	srv.counter.reset()
	if err := chromedp.Do(bctx, chromedp.Reload()); err != nil {
		return f.fail(err)
	}
	if run.Warm, err = measureLoad(bctx, ours, g.N, timeout); err != nil {
		return f.fail(err)
	}
	run.WarmServerBytes, _ = srv.counter.snapshot().total()
	f.step = "memory"
	if run.Memory, err = measureMemory(bctx); err != nil {
		return f.fail(err)
	}

	// An extra, unmeasured warm reload under the CPU profiler.
	if profile {
		f.step = "profile"
		p, err := profileReload(bctx, g.N, timeout, r.cfg.ProfileDir, g.String()+"-warm", r.names)
		if err != nil {
			run.ProfileError = err.Error()
		}
		run.Profile = p
		f.step = "cold profile"
		if p, err = profileColdReload(bctx, srv.URL, docPage(text), g.N, timeout, r.cfg.ProfileDir, g.String()+"-cold", r.names); err != nil {
			run.ColdProfileError = err.Error()
		}
		run.ColdProfile = p
		f.step = "service worker install after the cold profile"
		if err := waitOffline(bctx); err != nil {
			return f.fail(err)
		}
	}

	// 4. Offline reload: the server is stopped.
	f.step = "offline reload"
	srv.Stop()
	if err := chromedp.Do(bctx, chromedp.Reload()); err != nil {
		return f.fail(err)
	}
	if run.Offline, err = measureLoad(bctx, ours, g.N, timeout); err != nil {
		return f.fail(err)
	}

	// 5. Key press → painted highlight, one new whole-clause tag per sample.
	f.step = "key presses"
	if len(targets) > 0 {
		lat, err := keyPresses(bctx, ours, targets)
		run.Keypress = lat
		if err != nil {
			return f.fail(err)
		}
		run.KeypressMedian = round(percentile(lat, 50), 2)
		run.KeypressP95 = round(percentile(lat, 95), 2)
		if profile {
			f.step = "key press profile"
			p, err := profileKeys(bctx, targets[:min(len(targets), profiledKeys)], r.cfg.ProfileDir, g.String()+"-keys", r.names)
			if err != nil {
				run.KeyProfileError = err.Error()
			}
			run.KeyProfile = p
			f.step = "key press trace"
			tr, err := traceKeys(bctx, targets[max(len(targets)-profiledKeys, 0):])
			if err != nil {
				run.KeyTraceError = err.Error()
			}
			run.KeyTrace = tr
		}
	}
	f.step = ""
	return run
}

// waitOffline waits until the service worker's cache holds what the app
// needs to load with no server.
func waitOffline(tab context.Context) error {
	return chromium.WaitCached(tab, 3*time.Minute, "/web/app.wasm", "/", "/app.js", "/document.txt")
}

// docPage is the path of the page of the served document (/d/{id}): "/"
// takes a delegate who has read nothing to the library.
func docPage(text []byte) string {
	doc, err := resolution.Parse(text)
	if err != nil {
		return "/"
	}
	adoc, err := library.AnnotationDocument(doc, "")
	if err != nil {
		return "/"
	}
	return "/d/" + library.DocumentID(adoc.Symbol)
}
