//go:build !js

package bench

import (
	"bytes"
	"testing"

	"github.com/chromedp/cdproto/profiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
)

func node(id int64, name, url string, children ...int64) *profiler.ProfileNode {
	return &profiler.ProfileNode{ID: id, CallFrame: &cdpruntime.CallFrame{FunctionName: name, URL: url}, Children: children}
}

func TestSummarizeProfileAddsSelfAndInclusiveTime(t *testing.T) {
	p := &profiler.Profile{
		Nodes: []*profiler.ProfileNode{
			node(1, "(root)", "", 2, 5),
			node(2, "run", "http://x/app.js", 3, 4),
			node(3, "github.com_clausemark_clausemark_annotations.Load", "wasm://wasm/abc"),
			node(4, "appendChild", ""),
			node(5, "(idle)", ""),
		},
		// Each sample lasts until the next: 1 ms, 2 ms, 3 ms, 4 ms.
		Samples:    []int64{3, 4, 3, 5, 5},
		TimeDeltas: []int64{0, 1000, 2000, 3000, 4000},
	}
	s := summarizeProfile(p)
	if s.TotalMS != 10 {
		t.Errorf("total %v ms, want 10", s.TotalMS)
	}
	want := map[string]float64{
		"github.com_clausemark_clausemark_annotations.Load": 4, // 1 + 3
		"appendChild (native)":                              2,
		"(idle)":                                            4,
	}
	for _, f := range s.Self {
		if w, ok := want[f.Name]; ok && f.MS != w {
			t.Errorf("self %s = %v, want %v", f.Name, f.MS, w)
		}
	}
	if s.Inclusive[0] != (FuncTime{"run (app.js)", 6}) {
		t.Errorf("inclusive %+v, want run (app.js) first with 6 ms", s.Inclusive)
	}
	cats := map[string]float64{}
	for _, c := range s.Categories {
		cats[c.Name] = c.MS
	}
	if cats["wasm: clausemark/annotations"] != 4 || cats["native (DOM calls, innerHTML, …)"] != 2 || cats["(idle)"] != 4 {
		t.Errorf("categories %v", cats)
	}
}

func TestCategoryTellsKindsOfCode(t *testing.T) {
	for _, c := range []struct{ name, url, want string }{
		{"runtime.mallocgc", "wasm://wasm/1", "wasm: Go runtime (allocation, GC, scheduler)"},
		{"github.com_clausemark_clausemark_resolution.Parse", "http://127.0.0.1:8000/web/app.wasm", "wasm: clausemark/resolution"},
		{"syscall_js.valueCall", "wasm://wasm/1", "wasm: syscall/js (calls into JavaScript)"},
		{"github.com_maxence_charriere_go_app_v10_pkg_app.(*engine).Render", "wasm://wasm/1", "wasm: go-app"},
		{"github.com_clausemark_clausemark_resolution.Parse", "wasm://wasm/1", "wasm: clausemark/resolution"},
		{"github.com_clausemark_clausemark_app.(*annotator).Render", "wasm://wasm/1", "wasm: clausemark app, wasm"},
		{"wasm-function[12]", "wasm://wasm/1", "wasm: unnamed"},
		{"strconv.Itoa", "wasm://wasm/1", "wasm: other Go (strings, strconv, regexp, …)"},
		{"_makeFuncWrapper", "http://x/wasm_exec.js", "js: wasm_exec.js (the Go ↔ JavaScript bridge)"},
		{"setAttribute", "", "native (DOM calls, innerHTML, …)"},
		{"(program)", "", "(program)"},
		{"f", "http://x/app.js", "js: app.js"},
	} {
		if got := category(node(1, c.name, c.url)); got != c.want {
			t.Errorf("category(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

// wasmModule builds a module with a code section and a name section.
func wasmModule(code []byte, names map[int]string) []byte {
	leb := func(n int) []byte {
		var b []byte
		for {
			c := byte(n & 0x7f)
			n >>= 7
			if n == 0 {
				return append(b, c)
			}
			b = append(b, c|0x80)
		}
	}
	section := func(id byte, body []byte) []byte {
		return append(append([]byte{id}, leb(len(body))...), body...)
	}
	var fn []byte
	fn = append(fn, leb(len(names))...)
	for i := 0; i < len(names); i++ {
		fn = append(fn, leb(i)...)
		fn = append(fn, leb(len(names[i]))...)
		fn = append(fn, names[i]...)
	}
	name := append(leb(4), "name"...)
	name = append(name, section(1, fn)...)
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, section(10, code)...)
	if names != nil {
		m = append(m, section(0, name)...)
	}
	return m
}

func TestWasmSectionsReadsTheCodeAndTheFunctionNames(t *testing.T) {
	code := []byte{1, 2, 3, 4}
	got, names, err := wasmSections(wasmModule(code, map[int]string{0: "main.main", 1: "runtime.gc"}))
	if err != nil || !bytes.Equal(got, code) || names[0] != "main.main" || names[1] != "runtime.gc" {
		t.Errorf("code %v, names %v, %v", got, names, err)
	}
	if _, names, err := wasmSections(wasmModule(code, nil)); err != nil || len(names) != 0 {
		t.Errorf("stripped: names %v, %v", names, err)
	}
	if _, _, err := wasmSections([]byte("not wasm")); err == nil {
		t.Error("not a module, read")
	}
	p := &profiler.Profile{Nodes: []*profiler.ProfileNode{node(1, "wasm-function[1]", "wasm://x"), node(2, "js-to-wasm:i:i", "")}}
	nameWasmFunctions(p, map[int]string{1: "runtime.gc"})
	if p.Nodes[0].CallFrame.FunctionName != "runtime.gc" || p.Nodes[1].CallFrame.FunctionName != "(js-to-wasm)" {
		t.Errorf("renamed %q %q", p.Nodes[0].CallFrame.FunctionName, p.Nodes[1].CallFrame.FunctionName)
	}
}
