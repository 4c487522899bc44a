//go:build !js

package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// ---------------------------------------------------------------- Go benchmarks

// GoResults are the Go benchmarks of the pure packages (go.txt), medians
// over its -count runs.
type GoResults struct {
	File       string    `json:"file"`
	Benchmarks []GoBench `json:"benchmarks"`
	benchstat  string    // benchstat's summary, for RESULTS.md
}

// GoBench is one Go benchmark: medians over its runs.
type GoBench struct {
	Pkg         string  `json:"pkg"`
	Name        string  `json:"name"`
	Runs        int     `json:"runs"`
	NsPerOp     float64 `json:"nsPerOp"`
	BytesPerOp  float64 `json:"bytesPerOp"`
	AllocsPerOp float64 `json:"allocsPerOp"`
	MBPerS      float64 `json:"mbPerS,omitempty"`
}

// ReadGoResults reads the output of go test -bench (nil if there is none)
// and summarises it with the benchstat binary when it is there.
func ReadGoResults(path, benchstat string) *GoResults {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	g := &GoResults{File: filepath.Base(path), Benchmarks: parseGoBench(data)}
	if len(g.Benchmarks) == 0 {
		return nil
	}
	if benchstat != "" && fileExists(benchstat) {
		// From the file's directory, so that benchstat names it go.txt.
		abs, err := filepath.Abs(benchstat)
		if err != nil {
			abs = benchstat
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
