//go:build !js

package bench

import (
	"os/exec"
	"slices"
	"testing"
	"time"
)

func TestTheCPUMeterReadsTheMainThreadsOfAProfilesRenderers(t *testing.T) {
	dir := t.TempDir()
	// Stand-ins for Chromium's processes: sh gets the flags as its
	// arguments, and they show in its command line. The renderer works a
	// little, then waits (read, a builtin: no other process); the
	// browser's own user interface does not count.
	renderer := exec.Command("sh", "-c", `i=0; while [ $i -lt 30000 ]; do i=$((i+1)); done; read x`, "--type=renderer", "--user-data-dir="+dir)
	ui := exec.Command("sh", "-c", "read x", "--type=renderer", "--top-chrome-webui", "--user-data-dir="+dir)
	other := exec.Command("sh", "-c", "read x", "--type=renderer", "--user-data-dir="+dir+"-other")
	// A renderer the zygote forked writes its arguments in one string.
	forked := exec.Command("sh", "-c", "read x", "chromium --type=renderer --user-data-dir="+dir+" --no-sandbox")
	for _, c := range []*exec.Cmd{renderer, ui, other, forked} {
		stdin, err := c.StdinPipe() // open until the end of the test
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { stdin.Close() })
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Process.Kill(); c.Wait() })
	}
	want := []int{renderer.Process.Pid, forked.Process.Pid}
	slices.Sort(want)
	got := rendererPIDs(dir)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("renderers %v, want %v", got, want)
	}
	m := newCPUMeter(dir, true)
	m.start()
	var ms float64
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		v, ok := m.stop()
		if !ok {
			t.Fatal("no CPU time read")
		}
		if v > 0 && v == ms {
			break // the loop is over: the renderer waits
		}
		ms = v
	}
	if ms <= 0 {
		t.Errorf("the renderer's loop took %v ms of CPU", ms)
	}
	m.start()
	if v, ok := m.stop(); !ok || v > 1 {
		t.Errorf("a waiting renderer took %v ms of CPU (%v)", v, ok)
	}
	if _, ok := newCPUMeter(t.TempDir(), false).stop(); ok {
		t.Error("a profile without renderers has a CPU time")
	}
}
