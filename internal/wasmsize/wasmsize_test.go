package wasmsize

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// leb writes an unsigned LEB128 number.
func leb(n int) []byte {
	var b []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func vec(items ...[]byte) []byte {
	out := leb(len(items))
	for _, it := range items {
		out = append(out, it...)
	}
	return out
}

func str(s string) []byte { return append(leb(len(s)), s...) }

func section(id byte, body []byte) []byte {
	return append(append([]byte{id}, leb(len(body))...), body...)
}

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// A module written by hand: one imported function, a memory import, three
// functions of 4, 2 and 200 body bytes, and names for the import and the
// first and third functions.
func handModule() []byte {
	imports := vec(
		cat(str("gojs"), str("runtime.wasmExit"), []byte{0}, leb(0)),
		cat(str("env"), str("mem"), []byte{2, 1}, leb(1), leb(2)),
	)
	body := func(n int) []byte { return cat(leb(n), make([]byte, n)) }
	code := vec(body(4), body(2), body(200))
	names := vec(
		cat(leb(0), str("runtime.wasmExit")),
		cat(leb(1), str("runtime.mallocgc")),
		cat(leb(3), str("github.com_x_y.__T_.M")),
	)
	nameSection := cat(str("name"), []byte{1}, leb(len(names)), names)
	return cat([]byte("\x00asm\x01\x00\x00\x00"),
		section(2, imports),
		section(10, code),
		section(0, nameSection))
}

func TestParseAHandWrittenModule(t *testing.T) {
	wasm := handModule()
	m, err := Parse(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if m.Size != len(wasm) {
		t.Errorf("Size %d, want %d", m.Size, len(wasm))
	}
	want := []Func{{"runtime.mallocgc", 5}, {"", 3}, {"github.com_x_y.__T_.M", 202}}
	if len(m.Funcs) != len(want) {
		t.Fatalf("got %d functions, want %d: %+v", len(m.Funcs), len(want), m.Funcs)
	}
	for i, f := range m.Funcs {
		if f != want[i] {
			t.Errorf("function %d: got %+v, want %+v", i, f, want[i])
		}
	}
	total := 8
	for _, n := range m.Sections {
		total += n
	}
	if total != len(wasm) {
		t.Errorf("the sections add up to %d bytes with the header, want %d (%v)", total, len(wasm), m.Sections)
	}
	// id, size (211, two bytes), count, bodies.
	if want := 1 + 2 + 1 + 5 + 3 + 202; m.Sections["code"] != want {
		t.Errorf("code section %d bytes, want %d", m.Sections["code"], want)
	}
	sums := m.ByPackage()
	if len(sums) != 3 || sums[0] != (Sum{"github.com_x_y", 202, 1}) || sums[1] != (Sum{"runtime", 5, 1}) || sums[2] != (Sum{"(unnamed)", 3, 1}) {
		t.Errorf("ByPackage: %+v", sums)
	}
}

func TestParseRefusesWhatIsNotAModule(t *testing.T) {
	good := handModule()
	for name, b := range map[string][]byte{
		"empty":              nil,
		"not wasm":           []byte("\x7fELF\x02\x01\x01\x00"),
		"a section too long": cat([]byte("\x00asm\x01\x00\x00\x00"), []byte{10}, leb(1000), []byte{1, 2}),
		"cut short":          good[:len(good)-3],
	} {
		if _, err := Parse(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestPackage(t *testing.T) {
	for name, want := range map[string]string{
		"runtime.mallocgc":                                                 "runtime",
		"encoding_json.__decodeState_.value":                               "encoding_json",
		"internal_runtime_maps.__Map_.getWith":                             "internal_runtime_maps",
		"github.com_maxence_charriere_go_app_v10_pkg_app.__htmlDiv_.Class": "github.com_maxence_charriere_go_app_v10_pkg_app",
		"golang.org_x_net_html.__Tokenizer_.Next":                          "golang.org_x_net_html",
		"type:.eq.[2]interface {}":                                         "type:",
		"go_buildid":                                                       "go_buildid",
		"":                                                                 "(unnamed)",
	} {
		if got := Package(name); got != want {
			t.Errorf("Package(%q) = %q, want %q", name, got, want)
		}
	}
}

// A real module made by Go: its code is all named, and the runtime and
// the program's own package are there.
func TestParseAGoModule(t *testing.T) {
	dir := t.TempDir()
	src := "package main\n\nimport \"strings\"\n\nfunc main() { println(strings.Repeat(\"x\", 3)) }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/hello\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "hello.wasm")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.Sections["code"] < m.CodeSize() || m.CodeSize() < m.Size/4 {
		t.Errorf("code %d bytes in a section of %d, module %d", m.CodeSize(), m.Sections["code"], m.Size)
	}
	found := map[string]bool{}
	for _, f := range m.Funcs {
		if f.Name == "" {
			t.Fatalf("a function without a name: the name section was not read")
		}
		found[Package(f.Name)] = true
		if strings.HasPrefix(f.Name, "main.") {
			found["main"] = true
		}
	}
	for _, p := range []string{"runtime", "main", "strings"} {
		if !found[p] {
			t.Errorf("no function of %s", p)
		}
	}
}
