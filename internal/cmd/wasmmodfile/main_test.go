package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func goCmd(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), args...)
	cmd.Dir = "../../.."
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

var wasmEnv = []string{"GOOS=js", "GOARCH=wasm", "GOFLAGS="}

// With wasm.mod, the browser's build of Clausemark links neither net/http
// nor crypto/tls, and it compiles; with go.mod, it does link them (so the
// test would see the edits stop working).
func TestTheModfileKeepsNetHTTPOutOfTheWasmBuild(t *testing.T) {
	dir := t.TempDir()
	modfile, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(modfile)
	if err != nil {
		t.Fatal(err)
	}
	if want := "replace " + goApp + " => " + filepath.Join(dir, "go-app"); !strings.Contains(string(mod), want) {
		t.Errorf("wasm.mod lacks %q:\n%s", want, mod)
	}
	if _, err := os.Stat(filepath.Join(dir, "wasm.sum")); err != nil {
		t.Error(err)
	}
	// Written again, nothing changes (make sees no new file).
	before, err := os.Stat(filepath.Join(dir, "go-app", "pkg", "app", "http.go"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir); err != nil {
		t.Fatal(err)
	}
	if after, err := os.Stat(filepath.Join(dir, "go-app", "pkg", "app", "http.go")); err != nil || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("writing again touched http.go (%v)", err)
	}

	without := strings.Fields(goCmd(t, wasmEnv, "list", "-deps", "./cmd/clausemark"))
	with := strings.Fields(goCmd(t, wasmEnv, "list", "-modfile", modfile, "-deps", "./cmd/clausemark"))
	for _, pkg := range []string{"net/http", "crypto/tls", "crypto/x509"} {
		if !slices.Contains(without, pkg) {
			t.Errorf("with go.mod the wasm build does not link %s: are the edits still needed?", pkg)
		}
		if slices.Contains(with, pkg) {
			t.Errorf("with wasm.mod the wasm build still links %s", pkg)
		}
	}
	goCmd(t, wasmEnv, "build", "-trimpath", "-modfile", modfile, "-o", filepath.Join(t.TempDir(), "app.wasm"), "./cmd/clausemark")
}

func TestAnEditWhoseTextIsNotThereIsAnError(t *testing.T) {
	saved := edits
	t.Cleanup(func() { edits = saved })
	edits = []edit{{"http.go", [][2]string{{"package notapp\n", ""}}}}
	if _, err := Write(t.TempDir()); err == nil || !strings.Contains(err.Error(), "go-app changed") {
		t.Errorf("got %v, want an error saying go-app changed", err)
	}
}
