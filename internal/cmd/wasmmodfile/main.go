// Command wasmmodfile writes the module file (go build -modfile) with
// which app.wasm is built without net/http.
//
// go-app's package app imports net/http for its server half (the Handler,
// LocalDir's file server), compiled into the browser's build too: the
// import alone links net/http, crypto/tls, crypto/x509, the FIPS 140
// self-tests of every cipher and math/big into app.wasm, which calls none
// of them — 1.6 MB of the 10.7 MB (docs/WASM-SIZE.md). The command copies
// the go-app module that go.mod requires (its go.mod, licence and pkg/)
// into DIR/go-app with three files edited: http.go is left out of the
// wasm build (//go:build !wasm), LocalDir's resolver loses its file server,
// and the browser's stub of GenerateStaticWebsite (which names the
// Handler) goes. Nothing the browser runs changes. It writes DIR/wasm.mod,
// go.mod with go-app replaced by that copy, and DIR/wasm.sum. Each edit
// checks the text it changes: a go-app that differs makes the command fail
// rather than build something else. (go build -overlay cannot do this: it
// refuses to replace files of the module cache.)
//
//	go run ./internal/cmd/wasmmodfile -o bin/wasm-build
//	GOOS=js GOARCH=wasm go build -modfile bin/wasm-build/wasm.mod ./cmd/clausemark
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// goApp is the module whose copy is edited.
const goApp = "github.com/maxence-charriere/go-app/v10"

// edit is a change to one file of go-app's package app: each old text must
// be there exactly once.
type edit struct {
	file     string
	replaces [][2]string // old, new
}

var edits = []edit{
	{"http.go", [][2]string{{"package app\n", "//go:build !wasm\n\npackage app\n"}}},
	{"resource.go", [][2]string{
		{"import (\n\t\"net/http\"\n\t\"strings\"\n)\n", "import (\n\t\"strings\"\n)\n"},
		{"\treturn localResourceResolver{\n\t\tHandler:   http.FileServer(http.Dir(directory)),\n\t\tdirectory: directory,\n\t}\n",
			"\treturn localResourceResolver{\n\t\tdirectory: directory,\n\t}\n"},
		{"type localResourceResolver struct {\n\thttp.Handler\n\tdirectory string\n}\n",
			"type localResourceResolver struct {\n\tdirectory string\n}\n"},
	}},
	{"wasm.go", [][2]string{
		{"import (\n\t\"runtime\"\n\n\t\"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n)\n\nfunc GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {\n\tpanic(errors.New(\"unsupported instruction\").\n\t\tWithTag(\"architecture\", runtime.GOARCH))\n}\n", ""},
	}},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("wasmmodfile: ")
	out := flag.String("o", "bin/wasm-build", "directory to write the edited go-app and wasm.mod into")
	flag.Parse()
	path, err := Write(*out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(path)
}

// Write writes the edited copy of go-app, wasm.mod and wasm.sum into dir
// and returns the path of wasm.mod.
func Write(dir string) (string, error) {
	var mod struct{ Dir, GoMod string }
	if err := goList(&mod, "-m", "-json", goApp); err != nil {
		return "", err
	}
	var main struct{ Dir, GoMod string }
	if err := goList(&main, "-m", "-json"); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	edited := map[string][]byte{} // by path in the module
	for _, e := range edits {
		rel := filepath.Join("pkg", "app", e.file)
		data, err := os.ReadFile(filepath.Join(mod.Dir, rel))
		if err != nil {
			return "", err
		}
		text := string(data)
		for _, r := range e.replaces {
			if n := strings.Count(text, r[0]); n != 1 {
				return "", fmt.Errorf("%s: the text to change is there %d times, not once: go-app changed, and the edits of internal/cmd/wasmmodfile must be made again for it (meanwhile, build app.wasm with the plain go.mod: make WASM_MODFILE=)", filepath.Join(mod.Dir, rel), n)
			}
			text = strings.Replace(text, r[0], r[1], 1)
		}
		edited[rel] = []byte(text)
	}
	dst := filepath.Join(abs, "go-app")
	if err := copyModule(mod.Dir, dst, edited); err != nil {
		return "", err
	}
	gomod, err := os.ReadFile(main.GoMod)
	if err != nil {
		return "", err
	}
	gomod = append(gomod, fmt.Sprintf("\n// Written by internal/cmd/wasmmodfile: go-app without net/http in the wasm build.\nreplace %s => %s\n", goApp, dst)...)
	modfile := filepath.Join(abs, "wasm.mod")
	if err := writeIfChanged(modfile, gomod); err != nil {
		return "", err
	}
	sum, err := os.ReadFile(strings.TrimSuffix(main.GoMod, ".mod") + ".sum")
	if err != nil {
		return "", err
	}
	return modfile, writeIfChanged(filepath.Join(abs, "wasm.sum"), sum)
}

// goList runs go list with args and decodes its JSON output into v.
func goList(v any, args ...string) error {
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), append([]string{"list"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return json.Unmarshal(b, v)
}

// copyModule copies what a build needs of a module: go.mod, LICENSE and
// the tree of pkg/ (not its documentation), files only, writable; the
// files of edited (by path in the module) with their edited text.
func copyModule(src, dst string, edited map[string][]byte) error {
	for _, name := range []string{"go.mod", "LICENSE"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(dst, 0o755); err != nil {
			return err
		}
		if err := writeIfChanged(filepath.Join(dst, name), data); err != nil {
			return err
		}
	}
	return filepath.WalkDir(filepath.Join(src, "pkg"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, ok := edited[rel]
		if !ok {
			if data, err = os.ReadFile(path); err != nil {
				return err
			}
		}
		return writeIfChanged(to, data)
	})
}

// writeIfChanged writes a file unless it holds that already, so that make
// sees no change.
func writeIfChanged(name string, data []byte) error {
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(name, data, 0o644)
}
