package compare

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/clausemark/clausemark/resolution"
)

func TestScratchCalibrate(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*.extract.txt")
	files = append(files, "../resolution/seed/A-HRC-RES-53-11.txt")
	in := make(interner)
	var all [][]int
	var names []string
	for _, f := range files {
		data, _ := os.ReadFile(f)
		d, _ := resolution.Parse(data)
		for _, c := range d.Clauses() {
			all = append(all, in.wordKeys(c.Text))
			names = append(names, filepath.Base(f)+":"+c.ID)
		}
	}
	var sims []float64
	type top struct {
		s    float64
		a, b string
	}
	var tops []top
	for i := range all {
		best, bj := 0.0, -1
		for j := range all {
			if i == j || len(all[i]) < 3 || filepath.Dir(names[i]) != "" && names[i][:10] != names[j][:10] {
				continue
			}
			s := 1 - float64(editDistance(all[i], all[j], len(all[i])+len(all[j])))/float64(len(all[i])+len(all[j]))
			if s > best && s < 1 {
				best, bj = s, j
			}
		}
		sims = append(sims, best)
		if bj >= 0 {
			tops = append(tops, top{best, names[i], names[bj]})
		}
	}
	sort.Float64s(sims)
	n := len(sims)
	fmt.Println("clauses", n, "p50", sims[n/2], "p90", sims[n*9/10], "p99", sims[n*99/100], "max", sims[n-1])
	sort.Slice(tops, func(a, b int) bool { return tops[a].s > tops[b].s })
	for _, x := range tops[:40] {
		fmt.Printf("%.3f %s %s\n", x.s, x.a, x.b)
	}
}
