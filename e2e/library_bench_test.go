package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/bench"
)

// The benchmark's library scenario (make bench-library) writes its library with its own page
// and program (bench/cmd/filllibrary, through wasm.Store) before the app
// runs; the app must then read back exactly that: every document on
// /library, every annotation on /annotations (and, at each key press in
// its search, as many as library.Index keeps), every highlight of the
// document opened from the list. The scenario checks each of these as it
// measures, and fails the run when one is wrong.
func TestTheBenchmarksLibraryIsReadBackByTheApp(t *testing.T) {
	out := t.TempDir()
	vars := map[string]string{
		"BENCH_GRID": "none", "BENCH_PEERS": "none", "BENCH_PROFILE": "none",
		"BENCH_LIBRARY_SIZE": "6x5", "BENCH_LIBRARY_RUNS": "1", "BENCH_OUT": out,
		"BENCH_RUN_TIMEOUT": "8m", "BENCH_LOAD_TIMEOUT": "2m",
	}
	cfg, err := bench.ConfigFromEnv("..", func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	// Results of an earlier grid are there: the library joins them.
	grid := &bench.Results{Date: "2026-01-02T03:04:05Z", Cells: []bench.Cell{{K: 1, N: 100, Name: "1x100", Status: "ok",
		Metrics: bench.Metrics{"warm.all_painted_ms": {Median: 260, Min: 260, Max: 260, N: 1}}}}}
	if err := grid.Write(out); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := bench.MeasureLibrary(ctx, cfg, t.Logf); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := bench.ReadResults(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Cells) != 1 || r.Cells[0].Name != "1x100" {
		t.Errorf("the grid's results were not kept: %+v", r.Cells)
	}
	l := r.Library
	if l == nil || len(l.Runs) != 1 {
		t.Fatalf("no library run: %+v", l)
	}
	run := l.Runs[0]
	if run.Error != "" {
		t.Fatalf("the run failed at %s: %s", run.Step, run.Error)
	}
	if l.Documents != 6 || l.Annotations != 30 || run.Fill == nil || run.Fill.Documents != 6 || run.Fill.Annotations != 30 {
		t.Errorf("library %d × %d, filled %+v", l.Documents, l.Annotations, run.Fill)
	}
	keys := 0
	for _, w := range l.Typed {
		keys += len([]rune(w))
	}
	if len(run.Warm) != 3 || run.Offline <= 0 || run.OpenFromLibrary <= 0 || run.AnnotationsFirstList <= 0 ||
		len(run.Typed) != keys || len(run.Erased) != keys {
		t.Errorf("measured warm %v, offline %v, open %v, first list %v, %d typed and %d erased of %d",
			run.Warm, run.Offline, run.OpenFromLibrary, run.AnnotationsFirstList, len(run.Typed), len(run.Erased), keys)
	}
	if run.StorageFilled == nil || run.StorageFilled.IndexedDBBytes <= 0 {
		t.Errorf("storage after the fill: %+v", run.StorageFilled)
	}
	if run.CPU == nil || len(run.CPU.Typed) != keys {
		t.Errorf("main-thread CPU: %+v", run.CPU)
	}
	if len(run.Console) > 0 {
		t.Errorf("console: %s", strings.Join(run.Console, "; "))
	}
	md, err := os.ReadFile(filepath.Join(out, "RESULTS.md"))
	for _, want := range []string{"## Library at scale", "apart from the grid above", "the same document's warm reload"} {
		if err != nil || !strings.Contains(string(md), want) {
			t.Errorf("RESULTS.md lacks %q (%v)", want, err)
		}
	}
}
