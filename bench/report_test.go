//go:build !js

package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stats builds metrics from name → median (one run each).
func stats(medians map[string]float64) Metrics {
	m := Metrics{}
	for k, v := range medians {
		m[k] = Stat{Median: v, Min: v, Max: v, N: 1}
	}
	return m
}

// sampleResults are the results of a run of two cells: in 1x100 both
// peers ran, in 1x10000 the bare DOM ran and text-annotator is missing.
func sampleResults() *Results {
	return &Results{
		Schema: resultsSchema, Date: "2026-01-02T03:04:05Z",
		Machine: Machine{CPUs: 2, GOOS: "linux", GOARCH: "amd64", Go: "go1.26", Chromium: "HeadlessChrome/156"},
		Config:  RunConfig{Runs: 1, KeySamples: 3, Seed: 1, Grid: []string{"1x100", "1x10000"}},
		Cells: []Cell{
			{K: 1, N: 100, Name: "1x100", Status: "ok", OK: 1,
				Metrics: stats(map[string]float64{"cold.all_painted_ms": 400, "warm.all_painted_ms": 300, "offline.all_painted_ms": 240, "keypress.median_ms": 12}),
				Peers: []PeerCell{
					{Name: "bare", Label: "bare DOM", Status: "ok", OK: 1,
						Metrics: stats(map[string]float64{"cold.all_painted_ms": 160, "warm.all_painted_ms": 120, "keypress.median_ms": 8})},
					{Name: "text-annotator", Label: "@recogito/text-annotator", Version: "4.1.1", Status: "ok", OK: 1,
						Metrics: stats(map[string]float64{"cold.all_painted_ms": 500, "warm.all_painted_ms": 400, "keypress.median_ms": 48}),
						Runs:    []Run{{Run: 1, Console: []string{"error: boom"}}}},
				}},
			{K: 1, N: 10000, Name: "1x10000", Status: "ok", OK: 1,
				Metrics: stats(map[string]float64{"cold.all_painted_ms": 2000, "warm.all_painted_ms": 900, "offline.all_painted_ms": 950, "keypress.median_ms": 14}),
				Peers: []PeerCell{
					{Name: "bare", Label: "bare DOM", Status: "partial", OK: 1, Failed: 1,
						Metrics: stats(map[string]float64{"cold.all_painted_ms": 700, "warm.all_painted_ms": 600, "keypress.median_ms": 10}),
						Runs:    []Run{{Run: 1}, {Run: 2, Step: "warm reload", Error: "timed out"}}},
					{Name: "text-annotator", Label: "@recogito/text-annotator", Status: "missing", Missing: "npm ci failed"},
				}},
		},
	}
}

func TestReportSetsOursAgainstEachPeerWithRatios(t *testing.T) {
	md := sampleResults().Markdown()
	for _, want := range []string{
		"## Against the peers",
		"| 1 | 100 | Clausemark | 400 | 300 | 240 | 12 | | | | |",
		// 400/160, 300/120, 240/120 (offline against its warm), 12/8
		"| | | bare DOM | 160 | 120 | – | 8 | 2.50 | 2.50 | 2.00 | 1.50 |",
		// 400/500, 300/400, 240/400, 12/48
		"| | | @recogito/text-annotator 4.1.1 | 500 | 400 | – | 48 | 0.80 | 0.75 | 0.60 | 0.25 |",
		"| 1 | 10,000 | Clausemark | 2,000 | 900 | 950 | 14 | | | | |",
		"| | | bare DOM | 700 | 600 | – | 10 | 2.86 | 1.50 | 1.58 | 1.40 |",
		"| | | @recogito/text-annotator | missing | missing | | missing | | | | |",
		"Missing — @recogito/text-annotator: npm ci failed",
		// the failures section names the peer's failures, missing peers and console errors
		"- bare DOM: run 2 failed at warm reload: timed out",
		"- @recogito/text-annotator: missing: npm ci failed",
		"- @recogito/text-annotator: console (1 of 1 runs): error: boom",
		// goals from the measured peers
		"faster than @recogito/text-annotator (ours ÷ its warm load < 1) in every cell: **met** (1x100 warm 0.75×; 1x100 offline 0.60×; 1x10000 warm: the peer is missing; 1x10000 offline: the peer is missing)",
		"Within 1.5× of the bare DOM at N = 10,000 (ours ÷ its warm load ≤ 1.5): **not met** (1x10000 warm 1.50×; 1x10000 offline 1.58×)",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("RESULTS.md lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(md)
	}
}

func TestReportWithoutPeersSaysSo(t *testing.T) {
	r := sampleResults()
	for i := range r.Cells {
		r.Cells[i].Peers = nil
	}
	md := r.Markdown()
	if !strings.Contains(md, "No peer was measured in this run") || !strings.Contains(md, "Warm and offline loads faster than @recogito/text-annotator: not measured in this run.") {
		t.Error(md)
	}
}

func TestWriteAndReadResultsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	r := sampleResults()
	if err := r.Write(dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	back, err := ReadResults(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := back.Markdown(), r.Markdown(); got != want {
		t.Error("the results read back report differently")
	}
	md, err := os.ReadFile(filepath.Join(dir, "RESULTS.md"))
	if err != nil || string(md) != r.Markdown() {
		t.Errorf("RESULTS.md is not the report (%v)", err)
	}
	if p := back.Cells[1].Peer("text-annotator"); p == nil || p.Status != "missing" || p.Missing != "npm ci failed" {
		t.Errorf("the missing peer read back as %+v", p)
	}
	if back.Cells[0].Peer("recogito") != nil {
		t.Error("a peer that was not measured is found")
	}
	if _, err := ReadResults([]byte("{")); err == nil {
		t.Error("a broken results.json is read")
	}
}

func TestTheCommittedResultsStillReport(t *testing.T) {
	data, err := os.ReadFile("results.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ReadResults(data)
	if err != nil {
		t.Fatal(err)
	}
	md := r.Markdown()
	if len(r.Cells) == 0 || !strings.Contains(md, "## Time until every highlight is painted") || !strings.Contains(md, "| 50 | 10,000 |") {
		t.Errorf("the committed results (%d cells) do not report their cells", len(r.Cells))
	}
}

func TestNumbersAreFormattedForTheTables(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{{1234.6, "1,235"}, {100, "100"}, {12.34, "12.3"}, {3.14159, "3.14"}, {7, "7"}, {-1234567, "-1,234,567"}} {
		if got := num(c.x); got != c.want {
			t.Errorf("num(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	if kb(512) != "512 B" || kb(2048) != "2.0 KB" || mb(3<<20) != "3.00 MB" || kb(-1) != "–" {
		t.Errorf("kb/mb: %q %q %q", kb(512), kb(2048), mb(3<<20))
	}
}
