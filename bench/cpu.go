//go:build !js

package bench

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// On a machine shared with other work, wall-clock times stretch with the
// load: the page waits for a core. The CPU time the page's main thread
// ran does not: it is what the work costs, which an idle machine would
// take about as long to do (plus the waits for a frame). Linux says it of
// every thread in /proc/PID/task/TID/schedstat (the first field: ns on a
// CPU); a renderer's main thread is its first thread (TID = PID).

// rendererPIDs are the renderer processes of the Chromium whose profile is
// profileDir: its pages' (not its own user interface's).
func rendererPIDs(profileDir string) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	dirFlag := []byte(" --user-data-dir=" + profileDir + " ")
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		// The arguments are separated by NULs, or, in the processes
		// Chromium's zygote forks (renderers), by spaces in one string.
		cmd = append(append([]byte{' '}, bytes.ReplaceAll(cmd, []byte{0}, []byte{' '})...), ' ')
		if !bytes.Contains(cmd, []byte(" --type=renderer ")) || !bytes.Contains(cmd, dirFlag) ||
			bytes.Contains(cmd, []byte(" --top-chrome-webui ")) || bytes.Contains(cmd, []byte(" --extension-process ")) {
			continue
		}
		out = append(out, pid)
	}
	return out
}

// mainThreadCPU is how long, in ms, the main thread of each process of
// pids has run on a CPU (processes gone or unreadable are left out).
func mainThreadCPU(pids []int) map[int]float64 {
	out := map[int]float64{}
	for _, pid := range pids {
		p := strconv.Itoa(pid)
		b, err := os.ReadFile(filepath.Join("/proc", p, "task", p, "schedstat"))
		if err != nil {
			continue
		}
		f := strings.Fields(string(b))
		if len(f) == 0 {
			continue
		}
		ns, err := strconv.ParseFloat(f[0], 64)
		if err != nil {
			continue
		}
		out[pid] = ns / 1e6
	}
	return out
}

// cpuMeter measures the main-thread CPU time of a profile's renderers
// between two moments.
type cpuMeter struct {
	profileDir string
	pids       []int // nil: look them up at each reading
	before     map[int]float64
}

// newCPUMeter starts measuring. With fixed set, the renderers are looked
// up once, now (a page that stays); else at each reading (a load, which
// may start a new renderer).
func newCPUMeter(profileDir string, fixed bool) *cpuMeter {
	m := &cpuMeter{profileDir: profileDir}
	if fixed {
		m.pids = rendererPIDs(profileDir)
	}
	return m
}

func (m *cpuMeter) read() map[int]float64 {
	pids := m.pids
	if pids == nil {
		pids = rendererPIDs(m.profileDir)
	}
	return mainThreadCPU(pids)
}

// start takes the first reading.
func (m *cpuMeter) start() { m.before = m.read() }

// stop returns the main-thread CPU ms run since start, summed over the
// renderers (a renderer started meanwhile counts from zero); false when
// nothing could be read (not Linux).
func (m *cpuMeter) stop() (float64, bool) {
	after := m.read()
	if len(after) == 0 {
		return 0, false
	}
	sum := 0.0
	for pid, v := range after {
		sum += v - m.before[pid]
	}
	return round(math.Max(sum, 0), 2), true
}
