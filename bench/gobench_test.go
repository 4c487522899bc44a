//go:build !js

package bench

import (
	"os"
	"path/filepath"
	"testing"
)

const goBenchOutput = `goos: linux
goarch: amd64
pkg: github.com/clausemark/clausemark/resolution
cpu: Some CPU
BenchmarkParse/seed-2         	    1000	      3000 ns/op	  12.50 MB/s	    2048 B/op	      20 allocs/op
BenchmarkParse/seed-2         	    1000	      1000 ns/op	  37.50 MB/s	    2048 B/op	      20 allocs/op
BenchmarkParse/seed-2         	    1000	      2000 ns/op	  25.00 MB/s	    2048 B/op	      21 allocs/op
PASS
ok  	github.com/clausemark/clausemark/resolution	3.1s
pkg: github.com/clausemark/clausemark/annotations
BenchmarkLoad-2   	      10	 100000000 ns/op	 512 B/op	 4 allocs/op
BenchmarkBroken-2 	 not a count
`

func TestParseGoBenchTakesMediansPerBenchmark(t *testing.T) {
	got := parseGoBench([]byte(goBenchOutput))
	want := []GoBench{
		{Pkg: "github.com/clausemark/clausemark/resolution", Name: "BenchmarkParse/seed-2", Runs: 3, NsPerOp: 2000, BytesPerOp: 2048, AllocsPerOp: 20, MBPerS: 25},
		{Pkg: "github.com/clausemark/clausemark/annotations", Name: "BenchmarkLoad-2", Runs: 1, NsPerOp: 1e8, BytesPerOp: 512, AllocsPerOp: 4},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %+v, want %+v", got[i], want[i])
		}
	}
}

func TestReadGoResultsWithoutBenchstatKeepsTheMedians(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "go.txt")
	if err := os.WriteFile(p, []byte(goBenchOutput), 0o644); err != nil {
		t.Fatal(err)
	}
	g := ReadGoResults(p, filepath.Join(dir, "no-benchstat"))
	if g == nil || g.File != "go.txt" || len(g.Benchmarks) != 2 || g.benchstat != "" {
		t.Errorf("got %+v", g)
	}
	if ReadGoResults(filepath.Join(dir, "none.txt"), "") != nil {
		t.Error("results from no file")
	}
}
