//go:build !js

package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/internal/chromium"
)

// ProfileSummary is where the page's main thread spends a reload, from a
// V8 CPU profile (Profiler domain) of one extra, unmeasured warm reload:
// from the reload to the cm-annotations-painted mark. Go functions of the
// wasm appear by name. Time in the browser's own work (HTML parsing, style,
// layout, paint) that no JavaScript or wasm function called is "(program)".
type ProfileSummary struct {
	Load       string     `json:"load"`
	AllPainted float64    `json:"allPaintedMs"` // of the profiled load (slowed by the profiler)
	TotalMS    float64    `json:"totalMs"`      // sampled time
	Categories []FuncTime `json:"categories"`   // self time by kind of code
	Self       []FuncTime `json:"self"`         // top functions by self time
	Inclusive  []FuncTime `json:"inclusive"`    // top functions by time on the stack
	// Renderer is what Performance.getMetrics says of the reload: ms spent
	// in layout, style, script, compiling, all tasks; layout and style
	// counts; and the DOM nodes and layout objects once painted.
	Renderer map[string]float64 `json:"renderer,omitempty"`
}

// rendererMetrics are the Performance.getMetrics values ProfileSummary
// keeps: durations (s, reported as ms) and counts as differences over the
// reload, sizes as they are after it.
var rendererMetrics = []struct {
	name  string
	delta bool
	scale float64
}{
	{"TaskDuration", true, 1000},
	{"ScriptDuration", true, 1000},
	{"V8CompileDuration", true, 1000},
	{"RecalcStyleDuration", true, 1000},
	{"LayoutDuration", true, 1000},
	{"RecalcStyleCount", true, 1},
	{"LayoutCount", true, 1},
	{"Nodes", false, 1},
	{"LayoutObjects", false, 1},
	{"JSEventListeners", false, 1},
}

func getMetrics(ctx context.Context) map[string]float64 {
	res, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return nil
	}
	m := map[string]float64{}
	for _, x := range res.Metrics {
		m[x.Name] = x.Value
	}
	return m
}

// FuncTime is the time of a function or category, in ms.
type FuncTime struct {
	Name string  `json:"name"`
	MS   float64 `json:"ms"`
}

// profileReload reloads the page under the V8 sampling profiler and
// summarises where the time went. If dir is not empty, the raw profile is
// written there (open it in Chromium's DevTools, Performance panel).
func profileReload(ctx context.Context, n int, timeout time.Duration, dir, name string, names map[int]string) (*ProfileSummary, error) {
	return profileLoad(ctx, chromedp.Reload(), "warm reload", n, timeout, dir, name, names)
}

// profileLoad is profileReload with the load to profile and its name.
func profileLoad(ctx context.Context, load chromedp.Action[chromedp.Void], kind string, n int, timeout time.Duration, dir, name string, names map[int]string) (*ProfileSummary, error) {
	s, err := underProfiler(ctx, dir, name, names, func() error {
		if err := chromedp.Do(ctx, load); err != nil {
			return err
		}
		return chromium.Poll(ctx, "the saved annotations to be painted ("+ours.loadedMark+")",
			`performance.getEntriesByName('`+ours.loadedMark+`', 'mark').length > 0`, timeout)
	})
	if err != nil {
		return nil, err
	}
	l, err := measureLoad(ctx, ours, n, timeout)
	if err != nil {
		return nil, err
	}
	s.Load = kind
	s.AllPainted = l.AllPainted
	return s, nil
}

// profileColdReload is profileReload after clearing the HTTP cache, the
// service worker and Cache Storage (IndexedDB kept), as for the cold load:
// the page at origin+path loaded again.
func profileColdReload(ctx context.Context, origin, path string, n int, timeout time.Duration, dir, name string, names map[int]string) (*ProfileSummary, error) {
	if err := clearCaches(ctx, origin); err != nil {
		return nil, err
	}
	return profileLoad(ctx, chromedp.Navigate(origin+path), "cold load", n, timeout, dir, name, names)
}

// profiledKeys is how many key presses profileKeys makes.
const profiledKeys = 12

// profileKeys makes key presses (see keyPresses) under the profiler:
// where the time from a key to its highlight goes. AllPainted is then the
// median latency, slowed down by the profiler.
func profileKeys(ctx context.Context, targets []string, dir, name string, names map[int]string) (*ProfileSummary, error) {
	var lat []float64
	s, err := underProfiler(ctx, dir, name, names, func() error {
		var err error
		lat, err = keyPresses(ctx, ours, targets)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.Load = fmt.Sprintf("%d key presses", len(lat))
	s.AllPainted = round(percentile(lat, 50), 2)
	return s, nil
}

// underProfiler runs do under the V8 sampling profiler (250 µs) and sums
// up the profile and the renderer's metrics over it.
func underProfiler(ctx context.Context, dir, name string, names map[int]string, do func() error) (*ProfileSummary, error) {
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	defer chromedp.Call(ctx, profiler.Disable, cdp.Empty{})
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 250}); err != nil {
		return nil, err
	}
	var before map[string]float64
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err == nil {
		defer chromedp.Call(ctx, performance.Disable, cdp.Empty{})
		before = getMetrics(ctx)
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		return nil, err
	}
	stopped := false
	defer func() {
		if !stopped {
			chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
		}
	}()
	if err := do(); err != nil {
		return nil, err
	}
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	stopped = true
	if err != nil {
		return nil, err
	}
	var renderer map[string]float64
	if after := getMetrics(ctx); before != nil && after != nil {
		renderer = map[string]float64{}
		for _, m := range rendererMetrics {
			v, ok := after[m.name]
			if !ok {
				continue
			}
			if b := before[m.name]; m.delta && v >= b {
				v -= b // the same renderer: its counters go on
			}
			renderer[m.name] = round(v*m.scale, 1)
		}
	}
	nameWasmFunctions(res.Profile, names)
	if dir != "" && res.Profile != nil {
		if data, err := json.Marshal(res.Profile); err == nil {
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, name+".cpuprofile"), data, 0o644)
		}
	}
	s := summarizeProfile(res.Profile)
	s.Renderer = renderer
	return s, nil
}

// summarizeProfile adds up the samples' time by function (self and on the
// stack) and by category.
func summarizeProfile(p *profiler.Profile) *ProfileSummary {
	s := &ProfileSummary{}
	if p == nil || len(p.Nodes) == 0 {
		return s
	}
	nodes := map[int64]*profiler.ProfileNode{}
	parent := map[int64]int64{}
	for _, n := range p.Nodes {
		nodes[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	self := map[string]float64{}
	incl := map[string]float64{}
	cats := map[string]float64{}
	var total float64
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) {
			break
		}
		// The time of a sample is the delta to the next one.
		ms := float64(p.TimeDeltas[i+1]) / 1000
		n := nodes[id]
		if n == nil || n.CallFrame == nil {
			continue
		}
		total += ms
		name := funcName(n)
		self[name] += ms
		cats[category(n)] += ms
		seen := map[string]bool{}
		for cur, ok := id, true; ok; cur, ok = parent[cur] {
			x := nodes[cur]
			if x == nil || x.CallFrame == nil || x.CallFrame.FunctionName == "(root)" {
				continue
			}
			f := funcName(x)
			if !seen[f] {
				seen[f] = true
				incl[f] += ms
			}
		}
	}
	s.TotalMS = round(total, 1)
	s.Categories = top(cats, 20, nil)
	s.Self = top(self, 25, nil)
	s.Inclusive = top(incl, 40, func(name string) bool {
		return !strings.HasPrefix(name, "(")
	})
	return s
}

func funcName(n *profiler.ProfileNode) string {
	f := n.CallFrame.FunctionName
	if f == "" {
		f = "(anonymous)"
	}
	u := n.CallFrame.URL
	switch {
	case strings.HasPrefix(f, "("):
		return f
	case strings.HasPrefix(u, "wasm://") || strings.HasSuffix(u, ".wasm"):
		// (Chromium names a module streamed from a URL by that URL.)
		return f
	case u != "":
		if i := strings.LastIndexByte(u, '/'); i >= 0 {
			u = u[i+1:]
		}
		return f + " (" + u + ")"
	}
	return f + " (native)"
}

// category is the kind of code a profile node is.
func category(n *profiler.ProfileNode) string {
	f, u := n.CallFrame.FunctionName, n.CallFrame.URL
	switch {
	case f == "(idle)" || f == "(program)" || f == "(garbage collector)" || f == "(root)":
		return f
	case strings.HasPrefix(u, "wasm://") || strings.HasSuffix(u, ".wasm"):
		// (Chromium names a module streamed from a URL by that URL.)
		// Go functions, named as the Go linker writes them in the name
		// section: the package path with '/', '-', '(' and '*' as '_'.
		has := func(prefixes ...string) bool {
			for _, p := range prefixes {
				if strings.HasPrefix(f, p) {
					return true
				}
			}
			return false
		}
		switch {
		case has("runtime.", "runtime_", "internal_", "internal/", "sync.", "sync_", "wasm_pc_f_loop", "wasm_export_", "gcWriteBarrier", "memeqbody", "memchr", "cmpbody"):
			return "wasm: Go runtime (allocation, GC, scheduler)"
		case has("syscall_js.", "syscall/js."):
			return "wasm: syscall/js (calls into JavaScript)"
		case has("github.com_maxence_charriere_go_app", "github.com/maxence-charriere/go-app"):
			return "wasm: go-app"
		case has("github.com_clausemark_clausemark_resolution", "github.com/clausemark/clausemark/resolution"):
			return "wasm: clausemark/resolution"
		case has("github.com_clausemark_clausemark_annotations", "github.com/clausemark/clausemark/annotations"):
			return "wasm: clausemark/annotations"
		case has("github.com_clausemark", "github.com/clausemark/"):
			return "wasm: clausemark app, wasm"
		case has("github.com_hack_pad", "github.com/hack-pad/"):
			return "wasm: go-indexeddb"
		case has("encoding_json", "encoding/json", "reflect.", "reflect_", "internal_abi"):
			return "wasm: encoding/json, reflect"
		case strings.HasPrefix(f, "wasm-function["):
			return "wasm: unnamed"
		default:
			return "wasm: other Go (strings, strconv, regexp, …)"
		}
	case strings.HasSuffix(u, "wasm_exec.js"):
		return "js: wasm_exec.js (the Go ↔ JavaScript bridge)"
	case u == "":
		return "native (DOM calls, innerHTML, …)"
	default:
		return "js: " + filepath.Base(u)
	}
}

// top returns the n largest entries (that keep accepts), largest first.
func top(m map[string]float64, n int, keep func(string) bool) []FuncTime {
	var out []FuncTime
	for k, v := range m {
		if keep != nil && !keep(k) {
			continue
		}
		out = append(out, FuncTime{Name: k, MS: round(v, 1)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].MS != out[j].MS {
			return out[i].MS > out[j].MS
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// wasmNames maps the function indices of app.wasm to Go function names.
// app.wasm is built stripped (-s -w: no name section), so the profile
// names its functions wasm-function[N]; a second build without -s -w of
// the same sources has the names, and the same code when the sources have
// not changed since web/app.wasm was built (checked: the code sections
// must be identical). It returns nil and why when it cannot.
func wasmNames(root, stripped string) (map[int]string, error) {
	dir, err := os.MkdirTemp("", "clausemark-bench-names-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "app.wasm")
	args := []string{"build", "-trimpath"}
	if mod := filepath.Join(root, "bin", "wasm-build", "wasm.mod"); fileExists(mod) {
		args = append(args, "-modfile", mod) // as make build builds it (internal/cmd/wasmmodfile)
	}
	cmd := exec.Command("go", append(args, "-o", out, "./cmd/clausemark")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building app.wasm with names: %v: %s", err, b)
	}
	named, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	plain, err := os.ReadFile(stripped)
	if err != nil {
		return nil, err
	}
	a, _, err := wasmSections(plain)
	if err != nil {
		return nil, err
	}
	b, names, err := wasmSections(named)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(a, b) {
		return nil, errors.New("the sources changed since web/app.wasm was built (its code differs from a build of the sources now)")
	}
	if len(names) == 0 {
		return nil, errors.New("the build without -s -w has no name section")
	}
	return names, nil
}

// wasmSections returns the code section of a wasm module and the function
// names of its name section.
func wasmSections(d []byte) (code []byte, names map[int]string, err error) {
	if len(d) < 8 || string(d[:4]) != "\x00asm" {
		return nil, nil, errors.New("not a wasm module")
	}
	leb := func(i int) (int, int, error) {
		r, s := 0, 0
		for {
			if i >= len(d) || s > 35 {
				return 0, i, errors.New("bad LEB128")
			}
			c := d[i]
			i++
			r |= int(c&0x7f) << s
			s += 7
			if c < 0x80 {
				return r, i, nil
			}
		}
	}
	for i := 8; i < len(d); {
		id := d[i]
		size, j, err := leb(i + 1)
		if err != nil || j+size > len(d) {
			return nil, nil, errors.New("bad section")
		}
		body := d[j : j+size]
		switch id {
		case 10:
			code = body
		case 0:
			nl, k, err := leb(j)
			if err == nil && k+nl <= j+size && string(d[k:k+nl]) == "name" {
				names = parseNameSection(d[k+nl : j+size])
			}
		}
		i = j + size
	}
	return code, names, nil
}

func parseNameSection(d []byte) map[int]string {
	names := map[int]string{}
	i := 0
	leb := func() int {
		r, s := 0, 0
		for i < len(d) && s <= 35 {
			c := d[i]
			i++
			r |= int(c&0x7f) << s
			s += 7
			if c < 0x80 {
				return r
			}
		}
		return -1
	}
	for i < len(d) {
		id := d[i]
		i++
		size := leb()
		if size < 0 || i+size > len(d) {
			return names
		}
		end := i + size
		if id == 1 {
			n := leb()
			for range n {
				idx := leb()
				l := leb()
				if idx < 0 || l < 0 || i+l > end {
					break
				}
				names[idx] = string(d[i : i+l])
				i += l
			}
		}
		i = end
	}
	return names
}

// nameWasmFunctions renames the profile's wasm-function[N] nodes.
func nameWasmFunctions(p *profiler.Profile, names map[int]string) {
	if p == nil || names == nil {
		return
	}
	for _, n := range p.Nodes {
		if n.CallFrame == nil {
			continue
		}
		f := n.CallFrame.FunctionName
		if rest, ok := strings.CutPrefix(f, "wasm-function["); ok {
			if idx, err := strconv.Atoi(strings.TrimSuffix(rest, "]")); err == nil {
				if name, ok := names[idx]; ok {
					n.CallFrame.FunctionName = name
				}
			}
		}
		if f == "js-to-wasm::" || strings.HasPrefix(f, "js-to-wasm:") {
			n.CallFrame.FunctionName = "(js-to-wasm)"
		}
	}
}
