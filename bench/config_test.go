//go:build !js

package bench

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConfigDefaultsAreTheFullGridFromTheRepository(t *testing.T) {
	c, err := ConfigFromEnv("/repo", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Grid) != 12 || c.Grid[0] != (GridCell{1, 0}) || c.Grid[11] != (GridCell{50, 10000}) {
		t.Errorf("grid %v", c.Grid)
	}
	if c.Runs != 5 || c.Keys != 50 || c.Seed != 1 || c.RunTimeout != 15*time.Minute || c.LoadTimeout != 5*time.Minute || c.Timeout != 300*time.Minute {
		t.Errorf("defaults %+v", c)
	}
	if c.Out != filepath.Join("/repo", "bench") || c.GoResults != "/repo/bench/go.txt" || c.Benchstat != "/repo/bin/benchstat" {
		t.Errorf("paths %q %q %q", c.Out, c.GoResults, c.Benchstat)
	}
	if c.WebDir() != "/repo/web" || c.NodeModules() != "/repo/bench/node_modules" {
		t.Errorf("web %q, node_modules %q", c.WebDir(), c.NodeModules())
	}
	if !slices.Equal(c.Peers, []string{"bare", "text-annotator"}) || !c.Profiles(GridCell{10, 100}) {
		t.Errorf("peers %v, profile %v", c.Peers, c.Profile)
	}
}

func TestConfigReadsEveryVariable(t *testing.T) {
	c, err := ConfigFromEnv("/repo", env(map[string]string{
		"BENCH_GRID": "1x100, 10x1000", "BENCH_RUNS": "2", "BENCH_KEYS": "0", "BENCH_SEED": "-7",
		"BENCH_RUN_TIMEOUT": "90s", "BENCH_LOAD_TIMEOUT": "1m", "BENCH_TIMEOUT": "2h",
		"BENCH_PROFILE": "10x1000", "BENCH_PROFILE_DIR": "/tmp/p", "BENCH_PEERS": "text-annotator",
		"BENCH_OUT": "/tmp/out", "BENCHSTAT": "/usr/bin/benchstat",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Grid, []GridCell{{1, 100}, {10, 1000}}) {
		t.Errorf("grid %v", c.Grid)
	}
	if c.Runs != 2 || c.Keys != 0 || c.Seed != -7 || c.RunTimeout != 90*time.Second || c.LoadTimeout != time.Minute || c.Timeout != 2*time.Hour {
		t.Errorf("numbers %+v", c)
	}
	if c.Profiles(GridCell{1, 100}) || !c.Profiles(GridCell{10, 1000}) || c.ProfileDir != "/tmp/p" {
		t.Errorf("profile %v %q", c.Profile, c.ProfileDir)
	}
	if !slices.Equal(c.Peers, []string{"text-annotator"}) {
		t.Errorf("peers %v", c.Peers)
	}
	if c.Out != "/tmp/out" || c.GoResults != "/tmp/out/go.txt" || c.Benchstat != "/usr/bin/benchstat" {
		t.Errorf("paths %q %q %q", c.Out, c.GoResults, c.Benchstat)
	}
	c, err = ConfigFromEnv("/repo", env(map[string]string{"BENCH_PEERS": "none", "BENCH_PROFILE": "none", "BENCH_GO": "/x/go.txt"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Peers) != 0 || c.Profiles(GridCell{1, 0}) || c.GoResults != "/x/go.txt" {
		t.Errorf("none: peers %v, profile %v, go %q", c.Peers, c.Profile, c.GoResults)
	}
}

func TestConfigErrorsNameTheVariable(t *testing.T) {
	for _, c := range []struct{ name, value string }{
		{"BENCH_GRID", "1x"}, {"BENCH_GRID", "0x100"}, {"BENCH_GRID", "1x-1"}, {"BENCH_GRID", "1x100y"},
		{"BENCH_GRID", "1x100,"}, {"BENCH_RUNS", "0"}, {"BENCH_RUNS", "two"}, {"BENCH_KEYS", "-1"},
		{"BENCH_SEED", "1.5"}, {"BENCH_RUN_TIMEOUT", "15"}, {"BENCH_LOAD_TIMEOUT", "-1m"}, {"BENCH_TIMEOUT", "soon"},
		{"BENCH_PROFILE", "1x100,some"}, {"BENCH_PEERS", "recogito"},
		{"BENCH_LIBRARY", "yes"}, {"BENCH_LIBRARY_SIZE", "300"}, {"BENCH_LIBRARY_SIZE", "0x100"},
		{"BENCH_LIBRARY_SIZE", "300x100x2"}, {"BENCH_LIBRARY_RUNS", "0"},
	} {
		_, err := ConfigFromEnv("/repo", env(map[string]string{c.name: c.value}))
		if err == nil || !strings.HasPrefix(err.Error(), c.name+": ") {
			t.Errorf("%s=%q: error %v, want one naming %s", c.name, c.value, err, c.name)
		}
	}
}

func TestParseGrid(t *testing.T) {
	g, err := ParseGrid("50x10000")
	if err != nil || !slices.Equal(g, []GridCell{{50, 10000}}) || g[0].String() != "50x10000" {
		t.Errorf("got %v, %v", g, err)
	}
}

func TestConfigRunsTheLibraryOfTheIssueUnlessToldOtherwise(t *testing.T) {
	c, err := ConfigFromEnv("/repo", env(map[string]string{"BENCH_RUNS": "3"}))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Library || c.LibrarySize != (LibrarySize{300, 100}) || c.LibraryRuns != 3 || !c.ProfilesLibrary() {
		t.Errorf("library %v, size %v, runs %d, profiled %v", c.Library, c.LibrarySize, c.LibraryRuns, c.ProfilesLibrary())
	}
	c, err = ConfigFromEnv("/repo", env(map[string]string{
		"BENCH_LIBRARY": "0", "BENCH_LIBRARY_SIZE": "30x20", "BENCH_LIBRARY_RUNS": "1", "BENCH_GRID": "none", "BENCH_PROFILE": "1x100",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Library || c.LibrarySize.String() != "30x20" || c.LibraryRuns != 1 || len(c.Grid) != 0 || c.ProfilesLibrary() {
		t.Errorf("library %v, size %v, runs %d, grid %v, profiled %v", c.Library, c.LibrarySize, c.LibraryRuns, c.Grid, c.ProfilesLibrary())
	}
	c, err = ConfigFromEnv("/repo", env(map[string]string{"BENCH_PROFILE": "library"}))
	if err != nil || !c.ProfilesLibrary() || c.Profiles(GridCell{1, 100}) {
		t.Errorf("BENCH_PROFILE=library: %v, library %v, cells %v", err, c.ProfilesLibrary(), c.Profiles(GridCell{1, 100}))
	}
}
