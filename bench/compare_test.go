//go:build !js

package bench

import (
	"os"
	"strings"
	"testing"
)

func TestCompareShowsOursAndThePeersDeltas(t *testing.T) {
	base := sampleResults()
	cur := sampleResults()
	cur.Cells[0].Metrics["warm.all_painted_ms"] = Stat{Median: 270, Min: 250, Max: 290, N: 3}
	cur.Cells[0].Peers[0].Metrics["cold.all_painted_ms"] = Stat{Median: 200, Min: 200, Max: 200, N: 1}
	cur.Cells = append(cur.Cells, Cell{K: 10, N: 0, Name: "10x0"})
	md := Compare(base, cur, "HEAD:bench/results.json", "/tmp/bench/results.json")
	for _, want := range []string{
		"| 1x100 | warm, all painted (ms) | 300 | 270 (250–290) | -10.0% |",
		"| 1x100 | cold, all painted (ms) | 400 | 400 | +0.0% |",
		"| 1x100 | bare DOM cold, all painted (ms) | 160 | 200 | +25.0% |",
		"| 1x100 | @recogito/text-annotator add one, median (ms) | 48 | 48 | +0.0% |",
		"| 10x0 | (not in the base) | | | |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}
	if strings.Contains(md, "1x10000 | @recogito/text-annotator") {
		t.Error("a missing peer is compared")
	}
	if t.Failed() {
		t.Log(md)
	}
}

func TestLoadBaseReadsAFileOrTheCommittedResults(t *testing.T) {
	r, name, err := LoadBase("..", "")
	if err != nil || name != "HEAD:bench/results.json" || len(r.Cells) == 0 {
		t.Errorf("committed base: %v cells, %q, %v", r, name, err)
	}
	dir := t.TempDir()
	if err := sampleResults().Write(dir); err != nil {
		t.Fatal(err)
	}
	r, _, err = LoadBase("..", dir+"/results.json")
	if err != nil || len(r.Cells) != 2 {
		t.Errorf("file base: %v, %v", r, err)
	}
	if _, _, err := LoadBase("..", dir+"/none.json"); err == nil {
		t.Error("a missing base is read")
	}
	if err := os.WriteFile(dir+"/bad.json", []byte("[1"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadBase("..", dir+"/bad.json"); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("a broken base: %v", err)
	}
}
