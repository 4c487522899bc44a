//go:build !js

package bench

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCounterCountsBodiesByPath(t *testing.T) {
	c := &counter{}
	h := c.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Header().Set("Content-Encoding", "br")
			w.Write(bytes.Repeat([]byte("x"), 1000))
		case "/same":
			w.WriteHeader(http.StatusNotModified)
		default:
			http.NotFound(w, r)
		}
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, p := range []string{"/big", "/big", "/same", "/none"} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	s := c.snapshot()
	if s["/big"] != (PathBytes{Requests: 2, Full: 2, Bytes: 2000, Encoding: "br"}) || s["/same"] != (PathBytes{Requests: 1}) || s["/none"].Full != 0 || s["/none"].Requests != 1 {
		t.Errorf("counted %+v", s)
	}
	total, n := s.total()
	if total != 2000+s["/none"].Bytes || n != 4 {
		t.Errorf("total %d bytes in %d requests", total, n)
	}
	c.reset()
	if len(c.snapshot()) != 0 {
		t.Error("reset kept counts")
	}
}

func writeWeb(t *testing.T, wasm []byte, gz []byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string][]byte{"app.wasm": wasm, "app.wasm.gz": gz, "clausemark.css": []byte("body{}"), "x.tmp": []byte("partial")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "vendor", "pdfjs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "vendor", "pdfjs", "pdf.min.mjs"), []byte("export {}"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestSnapshotWebCopiesABuildThatHoldsTogether(t *testing.T) {
	wasm := []byte("\x00asm-the-app")
	dst, err := snapshotWeb(writeWeb(t, wasm, gzipped(wasm)), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dst, "app.wasm")); !bytes.Equal(b, wasm) {
		t.Error("app.wasm not copied")
	}
	if _, err := os.Stat(filepath.Join(dst, "clausemark.css")); err != nil {
		t.Error("clausemark.css not copied")
	}
	if b, _ := os.ReadFile(filepath.Join(dst, "vendor", "pdfjs", "pdf.min.mjs")); string(b) != "export {}" {
		t.Error("vendor/pdfjs/pdf.min.mjs not copied")
	}
	if _, err := os.Stat(filepath.Join(dst, "x.tmp")); err == nil {
		t.Error("a .tmp file was copied")
	}
	if b, _ := os.ReadFile(filepath.Join(dst, "vendor", "pdfjs", "pdf.min.mjs")); string(b) != "export {}" {
		t.Errorf("vendor/pdfjs/pdf.min.mjs copied as %q", b)
	}
}

func TestSnapshotWebRefusesAMissingOrHalfBuiltApp(t *testing.T) {
	if _, err := snapshotWeb(t.TempDir(), t.TempDir()); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("no app.wasm: %v", err)
	}
	wasm := []byte("\x00asm-new")
	if _, err := snapshotWeb(writeWeb(t, wasm, gzipped([]byte("\x00asm-old"))), t.TempDir()); err == nil || !strings.Contains(err.Error(), "app.wasm.gz is not web/app.wasm compressed") {
		t.Errorf("stale gzip: %v", err)
	}
	src := writeWeb(t, wasm, gzipped(wasm))
	old := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(src, "app.wasm.gz"), old, old)
	if _, err := snapshotWeb(src, t.TempDir()); err == nil || !strings.Contains(err.Error(), "older than web/app.wasm") {
		t.Errorf("older gzip: %v", err)
	}
}
