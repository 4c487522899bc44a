//go:build !js

package bench

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// GridCell is one cell of the grid: the seed resolution repeated K times,
// with N saved annotations.
type GridCell struct{ K, N int }

// String is the cell's name, "KxN".
func (g GridCell) String() string { return fmt.Sprintf("%dx%d", g.K, g.N) }

// ParseGrid reads cells "KxN", comma-separated (K ≥ 1, N ≥ 0).
func ParseGrid(s string) ([]GridCell, error) {
	var grid []GridCell
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		var g GridCell
		var rest string
		if n, _ := fmt.Sscanf(f, "%dx%d%s", &g.K, &g.N, &rest); n != 2 || g.K < 1 || g.N < 0 {
			return nil, fmt.Errorf("%q is not KxN with K ≥ 1 and N ≥ 0 (e.g. 1x100,10x1000)", f)
		}
		grid = append(grid, g)
	}
	return grid, nil
}

// DefaultGrid is the grid of the issue: K ∈ {1, 10, 50} × N ∈ {0, 100,
// 1,000, 10,000}.
func DefaultGrid() []GridCell {
	var g []GridCell
	for _, k := range []int{1, 10, 50} {
		for _, n := range []int{0, 100, 1000, 10000} {
			g = append(g, GridCell{k, n})
		}
	}
	return g
}

// Config is what the browser benchmark measures and where it reads and
// writes. ConfigFromEnv fills it from the BENCH_* variables.
type Config struct {
	Grid        []GridCell
	Runs        int           // runs per cell, each in a fresh profile (BENCH_RUNS, 5)
	Keys        int           // key presses per run, adding one annotation each (BENCH_KEYS, 50)
	Seed        int64         // of the annotation generator (BENCH_SEED, 1)
	Out         string        // directory of results.json and RESULTS.md (BENCH_OUT, <root>/bench)
	GoResults   string        // the Go benchmarks' output (BENCH_GO, <out>/go.txt)
	Benchstat   string        // the benchstat binary (BENCHSTAT, <root>/bin/benchstat)
	RunTimeout  time.Duration // bound of one run (BENCH_RUN_TIMEOUT, 15m)
	LoadTimeout time.Duration // bound of one page load (BENCH_LOAD_TIMEOUT, 5m)
	Timeout     time.Duration // bound of the whole benchmark (BENCH_TIMEOUT, 300m)
	// Profile are the cells (KxN, "all" or "none") whose first run
	// profiles an extra warm reload and extra key presses (BENCH_PROFILE,
	// all).
	Profile    []string
	ProfileDir string // where to keep the raw CPU profiles (BENCH_PROFILE_DIR, none)
	// Peers are the peers measured beside ours (BENCH_PEERS: names,
	// comma-separated, "all" or "none"; all).
	Peers []string
	// Root is the repository: web/ (app.wasm, as make build leaves it),
	// cmd/clausemark, bench/node_modules (the peers' packages).
	Root string

	// Library is whether the library scenario runs after the grid
	// (BENCH_LIBRARY: 1 or 0; 1).
	Library bool
	// LibrarySize is its library: documents × annotations per document
	// (BENCH_LIBRARY_SIZE, "DxA"; 300x100).
	LibrarySize LibrarySize
	// LibraryRuns is how many runs it makes, each in a fresh profile
	// filled anew (BENCH_LIBRARY_RUNS; Runs).
	LibraryRuns int
}

// LibrarySize is the size of the library scenario's library.
type LibrarySize struct{ Documents, PerDocument int }

// String is "DxA".
func (s LibrarySize) String() string { return fmt.Sprintf("%dx%d", s.Documents, s.PerDocument) }

// DefaultLibrarySize is the session: 300 documents with 100
// annotations each.
var DefaultLibrarySize = LibrarySize{300, 100}

// ProfilesLibrary reports whether the library scenario's first run
// profiles (BENCH_PROFILE all or library).
func (c Config) ProfilesLibrary() bool {
	return slices.Contains(c.Profile, "all") || slices.Contains(c.Profile, "library")
}

// WebDir is the repository's web/ directory.
func (c Config) WebDir() string { return filepath.Join(c.Root, "web") }

// NodeModules is where make bench installs the peers' npm packages.
func (c Config) NodeModules() string { return filepath.Join(c.Root, "bench", "node_modules") }

// Profiles reports whether the first run of a cell profiles.
func (c Config) Profiles(g GridCell) bool {
	return slices.Contains(c.Profile, "all") || slices.Contains(c.Profile, g.String())
}

// ConfigFromEnv reads the configuration from the environment (getenv,
// e.g. os.Getenv) for a repository at root. A value that cannot be read is
// an error that names its variable.
func ConfigFromEnv(root string, getenv func(string) string) (Config, error) {
	c := Config{
		Grid: DefaultGrid(), Runs: 5, Keys: 50, Seed: 1,
		Out:        filepath.Join(root, "bench"),
		Benchstat:  filepath.Join(root, "bin", "benchstat"),
		RunTimeout: 15 * time.Minute, LoadTimeout: 5 * time.Minute, Timeout: 300 * time.Minute,
		Profile: []string{"all"}, Peers: peerNames(), Root: root,
		Library: true, LibrarySize: DefaultLibrarySize,
	}
	if s := getenv("BENCH_GRID"); s == "none" {
		c.Grid = nil
	} else if s != "" {
		g, err := ParseGrid(s)
		if err != nil {
			return c, fmt.Errorf("BENCH_GRID: %v", err)
		}
		c.Grid = g
	}
	for _, x := range []struct {
		name string
		v    *int
		min  int
	}{{"BENCH_RUNS", &c.Runs, 1}, {"BENCH_KEYS", &c.Keys, 0}} {
		if s := getenv(x.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < x.min {
				return c, fmt.Errorf("%s: %q is not a whole number ≥ %d", x.name, s, x.min)
			}
			*x.v = n
		}
	}
	if s := getenv("BENCH_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return c, fmt.Errorf("BENCH_SEED: %q is not a whole number", s)
		}
		c.Seed = n
	}
	for _, x := range []struct {
		name string
		v    *time.Duration
	}{{"BENCH_RUN_TIMEOUT", &c.RunTimeout}, {"BENCH_LOAD_TIMEOUT", &c.LoadTimeout}, {"BENCH_TIMEOUT", &c.Timeout}} {
		if s := getenv(x.name); s != "" {
			d, err := time.ParseDuration(s)
			if err != nil || d <= 0 {
				return c, fmt.Errorf("%s: %q is not a duration such as 90s or 15m", x.name, s)
			}
			*x.v = d
		}
	}
	if s := getenv("BENCH_PROFILE"); s != "" {
		c.Profile = nil
		for _, f := range strings.Split(s, ",") {
			f = strings.TrimSpace(f)
			if f != "all" && f != "none" && f != "library" {
				if _, err := ParseGrid(f); err != nil {
					return c, fmt.Errorf("BENCH_PROFILE: %q is not KxN, library, all or none", f)
				}
			}
			c.Profile = append(c.Profile, f)
		}
	}
	c.ProfileDir = getenv("BENCH_PROFILE_DIR")
	if s := getenv("BENCH_PEERS"); s != "" {
		c.Peers = nil
		for _, f := range strings.Split(s, ",") {
			switch f = strings.TrimSpace(f); {
			case f == "all":
				c.Peers = peerNames()
			case f == "none":
				c.Peers = []string{}
			case slices.Contains(peerNames(), f):
				if !slices.Contains(c.Peers, f) {
					c.Peers = append(c.Peers, f)
				}
			default:
				return c, fmt.Errorf("BENCH_PEERS: %q is none of %s, all, none", f, strings.Join(peerNames(), ", "))
			}
		}
	}
	switch s := getenv("BENCH_LIBRARY"); s {
	case "", "1":
	case "0":
		c.Library = false
	default:
		return c, fmt.Errorf("BENCH_LIBRARY: %q is neither 1 nor 0", s)
	}
	if s := getenv("BENCH_LIBRARY_SIZE"); s != "" {
		var z LibrarySize
		var rest string
		if n, _ := fmt.Sscanf(s, "%dx%d%s", &z.Documents, &z.PerDocument, &rest); n != 2 || z.Documents < 1 || z.PerDocument < 1 {
			return c, fmt.Errorf("BENCH_LIBRARY_SIZE: %q is not DxA with D ≥ 1 documents and A ≥ 1 annotations each (e.g. 300x100)", s)
		}
		c.LibrarySize = z
	}
	c.LibraryRuns = c.Runs
	if s := getenv("BENCH_LIBRARY_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return c, fmt.Errorf("BENCH_LIBRARY_RUNS: %q is not a whole number ≥ 1", s)
		}
		c.LibraryRuns = n
	}
	if s := getenv("BENCH_OUT"); s != "" {
		c.Out = s
	}
	c.GoResults = filepath.Join(c.Out, "go.txt")
	if s := getenv("BENCH_GO"); s != "" {
		c.GoResults = s
	}
	if s := getenv("BENCHSTAT"); s != "" {
		c.Benchstat = s
	}
	return c, nil
}
