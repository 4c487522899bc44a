package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	cmapp "github.com/clausemark/clausemark/app"
)

// textWeb is testWeb with text files of realistic sizes: the project's
// own stylesheet and PDF bridge, and scripts standing for pdf.js.
func textWeb(t *testing.T) string {
	t.Helper()
	dir := testWeb(t)
	css, err := os.ReadFile("../web/clausemark.css")
	if err != nil {
		t.Fatal(err)
	}
	bridge, err := os.ReadFile("../web/pdf-text.js")
	if err != nil {
		t.Fatal(err)
	}
	module := strings.Repeat("export function f(a, b) { return a.map((x) => x * b).filter(Boolean); }\n", 400)
	files := map[string][]byte{
		"clausemark.css":                  css,
		"pdf-text.js":                     bridge,
		"icon.svg":                        []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` + strings.Repeat(`<rect x="1" y="2" width="3" height="4"/>`, 20) + `</svg>`),
		"vendor/pdfjs/pdf.min.mjs":        []byte(module),
		"vendor/pdfjs/pdf.worker.min.mjs": []byte(strings.ToUpper(module)),
		"vendor/pdfjs/LICENSE":            []byte(strings.Repeat("Licensed under the Apache License, Version 2.0.\n", 40)),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// decode decompresses a body sent with a Content-Encoding.
func decode(t *testing.T, encoding string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch encoding {
	case "":
		return b
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", encoding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", encoding, err)
	}
	return out
}

// sameBody reports whether two bodies are the same, or for two renderings
// of a page the same elements, attributes and text: go-app writes the
// attributes of an element in map order, different for each request.
func sameBody(t *testing.T, a, b []byte) bool {
	t.Helper()
	if bytes.Equal(a, b) {
		return true
	}
	if !bytes.HasPrefix(bytes.ToLower(a), []byte("<!doctype html>")) || len(a) != len(b) {
		return false
	}
	ea, eb := htmlElements(t, string(a)), htmlElements(t, string(b))
	if !reflect.DeepEqual(ea, eb) {
		return false
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	return bytes.Equal(tags.ReplaceAll(a, nil), tags.ReplaceAll(b, nil))
}

// textPaths are the text responses of the server, all of them.
var textPaths = []string{
	"/", "/d/A-HRC-RES-53-11", "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest",
	"/web/clausemark.css", "/web/pdf-text.js", "/web/icon.svg",
	"/web/vendor/pdfjs/pdf.min.mjs", "/web/vendor/pdfjs/pdf.worker.min.mjs", "/web/vendor/pdfjs/LICENSE",
	DocumentPath,
}

func TestEveryTextResponseIsCompressedAsTheClientAccepts(t *testing.T) {
	doc := bytes.Repeat([]byte("Recalling all its resolutions on the matter,\n\n"), 200)
	h, err := New(Options{WebDir: textWeb(t), Version: "v1", Document: doc})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range textPaths {
		plain := get(t, h, path, nil)
		plainBody := []byte(body(t, plain))
		if plain.StatusCode != http.StatusOK || len(plainBody) < minCompressSize {
			t.Fatalf("%s: status %d, %d bytes", path, plain.StatusCode, len(plainBody))
		}
		if got := plain.Header.Get("Content-Encoding"); got != "" {
			t.Errorf("%s without Accept-Encoding: Content-Encoding %q", path, got)
		}
		for _, c := range []struct{ accept, want string }{
			{"gzip, deflate, br, zstd", "br"},
			{"br", "br"},
			{"gzip", "gzip"},
			{"deflate, gzip;q=0.5", "gzip"},
			{"br;q=0, gzip", "gzip"},
			{"identity", ""},
			{"", ""},
		} {
			res := get(t, h, path, map[string]string{"Accept-Encoding": c.accept})
			raw := []byte(body(t, res))
			enc := res.Header.Get("Content-Encoding")
			if enc != c.want {
				t.Errorf("%s, Accept-Encoding %q: Content-Encoding %q, want %q", path, c.accept, enc, c.want)
				continue
			}
			if got := decode(t, enc, raw); !sameBody(t, got, plainBody) {
				t.Errorf("%s, %s: the decoded body (%d bytes) differs from the plain one (%d bytes)", path, c.accept, len(got), len(plainBody))
			}
			if enc != "" && len(raw) >= len(plainBody) {
				t.Errorf("%s, %s: %d bytes compressed, %d plain", path, enc, len(raw), len(plainBody))
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("%s: Vary %q", path, got)
			}
			if got, want := res.Header.Get("Content-Type"), plain.Header.Get("Content-Type"); got != want || got == "" {
				t.Errorf("%s, %s: Content-Type %q, plain %q", path, enc, got, want)
			}
			if cl := res.Header.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(raw)) {
				t.Errorf("%s, %s: Content-Length %s for %d bytes", path, enc, cl, len(raw))
			}
			if res.Header.Get("ETag") == plain.Header.Get("ETag") && enc != "" {
				t.Errorf("%s: the %s representation has the plain one's tag %s", path, enc, res.Header.Get("ETag"))
			}
			if got := res.Header.Get(VersionHeader); got != "v1" {
				t.Errorf("%s: %s %q, want v1", path, VersionHeader, got)
			}
		}
	}
}

func TestWhatIsCompressedAlreadyIsNotCompressedAgain(t *testing.T) {
	dir := textWeb(t)
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 4096)...)
	if err := os.WriteFile(filepath.Join(dir, "icon-512.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := New(Options{WebDir: dir, Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	br := map[string]string{"Accept-Encoding": "br, gzip"}
	res := get(t, h, "/web/icon-512.png", br)
	if got := res.Header.Get("Content-Encoding"); got != "" || body(t, res) != string(png) {
		t.Errorf("a PNG was sent with Content-Encoding %q", got)
	}
	res = get(t, h, "/web/app.wasm", br)
	if got := body(t, res); got != "brotli bytes" || res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("app.wasm: got %q with Content-Encoding %q, want its brotli copy as it is", got, res.Header.Get("Content-Encoding"))
	}

	// A body that does not change is compressed once, however often it
	// is asked for; a page is compressed for each request.
	for _, path := range []string{"/app.js", "/wasm_exec.js", "/web/clausemark.css"} {
		get(t, h, path, br)
		before := compressions.Load()
		for range 3 {
			body(t, get(t, h, path, br))
		}
		if n := compressions.Load() - before; n != 0 {
			t.Errorf("%s was compressed %d more times", path, n)
		}
	}
}

func TestTheCopiesCompressedAtBuildTimeAreServedWhenUpToDate(t *testing.T) {
	dir := textWeb(t)
	css, err := os.ReadFile(filepath.Join(dir, "clausemark.css"))
	if err != nil {
		t.Fatal(err)
	}
	// The copies make build writes (brotli -q 11, gzip -9): their bytes
	// differ from what the server's own levels make.
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(css)
	bw.Close()
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	gw.Header.Name = "clausemark.css"
	gw.Write(css)
	gw.Close()
	copies := map[string][]byte{"br": br.Bytes(), "gzip": gz.Bytes()}
	for enc, b := range copies {
		ext := map[string]string{"br": ".br", "gzip": ".gz"}[enc]
		if err := os.WriteFile(filepath.Join(dir, "clausemark.css"+ext), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := New(Options{WebDir: dir, Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	for enc, want := range copies {
		res := get(t, h, "/web/clausemark.css", map[string]string{"Accept-Encoding": enc})
		if got := body(t, res); got != string(want) || res.Header.Get("Content-Encoding") != enc {
			t.Errorf("%s: the copy made at build time was not served (%d bytes, %q)", enc, len(got), res.Header.Get("Content-Encoding"))
		}
	}
	if res := get(t, h, "/web/clausemark.css.br", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("/web/clausemark.css.br: status %d, want 404", res.StatusCode)
	}

	// clausemark.css edited after the build: the copies are out of date.
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{"clausemark.css.br", "clausemark.css.gz", "app.wasm.br", "app.wasm.gz"} {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	for enc, stale := range copies {
		res := get(t, h, "/web/clausemark.css", map[string]string{"Accept-Encoding": enc})
		got := []byte(body(t, res))
		if bytes.Equal(got, stale) {
			t.Errorf("%s: an out-of-date copy was served", enc)
		}
		if !bytes.Equal(decode(t, res.Header.Get("Content-Encoding"), got), css) {
			t.Errorf("%s: the body is not the stylesheet", enc)
		}
	}
	res := get(t, h, "/web/app.wasm", map[string]string{"Accept-Encoding": "br, gzip"})
	if got := body(t, res); got != "raw wasm bytes" || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("app.wasm with out-of-date copies: got %q, %q; want the raw file", got, res.Header.Get("Content-Encoding"))
	}
}

func TestAConditionalRequestGetsNotModifiedForItsOwnRepresentation(t *testing.T) {
	h, err := New(Options{WebDir: textWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/app.js", "/web/clausemark.css", "/web/app.wasm"} {
		br := get(t, h, path, map[string]string{"Accept-Encoding": "br"})
		plain := get(t, h, path, nil)
		tagBr, tagPlain := br.Header.Get("ETag"), plain.Header.Get("ETag")
		if tagBr == "" || tagPlain == "" || tagBr == tagPlain {
			t.Errorf("%s: tags %s (br) and %s (plain) must differ", path, tagBr, tagPlain)
			continue
		}
		res := get(t, h, path, map[string]string{"Accept-Encoding": "br", "If-None-Match": tagBr})
		if res.StatusCode != http.StatusNotModified || body(t, res) != "" {
			t.Errorf("%s, If-None-Match %s: status %d, want 304 and no body", path, tagBr, res.StatusCode)
		}
		res = get(t, h, path, map[string]string{"Accept-Encoding": "br", "If-None-Match": tagPlain})
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "br" {
			t.Errorf("%s: the plain tag answered a brotli request with %d %q", path, res.StatusCode, res.Header.Get("Content-Encoding"))
		}
	}
}

func TestNegotiate(t *testing.T) {
	for _, c := range []struct{ accept, want string }{
		{"", ""},
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"GZIP", "gzip"},
		{"br;q=0", ""},
		{"br;q=0, gzip;q=0.1", "gzip"},
		{"*", "br"},
		{"*;q=0", ""},
		{"br;q=0, *", "gzip"},
		{"identity;q=1, *;q=0", ""},
		{"deflate, zstd", ""},
		{" br ; q=0.5 ", "br"},
	} {
		if got := negotiate(c.accept); got != c.want {
			t.Errorf("negotiate(%q) = %q, want %q", c.accept, got, c.want)
		}
	}
}

func TestAppJSCompilesWhileDownloadingAndRegistersTheWorkerAfterTheLoad(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	js := body(t, get(t, h, "/app.js", nil))
	for _, want := range []string{
		`const wasm = await goappInstantiate("/web/app.wasm", go.importObject, showProgress);`,
		`WebAssembly.instantiateStreaming(response, importObject)`,
		`goappShowProgress(response.clone(), progress)`,
		`goappMarkKeptPainted().then(goappInitWebAssembly).finally(goappRegisterWorkerAfterLoad);`,
		`const goappWasmContentLength = "14";`,
		// The served text, fetched as the page starts, for the wasm.
		"goappFetchEarly();\n",
		`const path = goappGetenv("` + cmapp.DocumentEnv + `");`,
		`const fetches = (globalThis.` + EarlyFetches + ` = {});`,
		`fetches[path] = response;`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("app.js lacks %s", want)
		}
	}
	if strings.Contains(js, "fetchWithProgress(\"") {
		t.Error("app.js still loads app.wasm through fetchWithProgress")
	}
	// Registered once, after the load.
	if n := strings.Count(js, "goappInitServiceWorker();"); n != 1 {
		t.Errorf("app.js calls goappInitServiceWorker() %d times, want once (after the load)", n)
	}
	if _, err := RewriteAppJS([]byte("console.log('another go-app');")); err == nil {
		t.Error("RewriteAppJS accepted a script it does not know")
	}
}

func TestTheWorkerTakesWhatThePageLoadedFromTheHTTPCache(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	js := body(t, get(t, h, "/app-worker.js", nil))
	for _, want := range []string{
		`fetch(url, { cache: "force-cache" })`,
		`response.headers.get("Clausemark-Version") !== "v1"`,
		`fetch(url, { cache: "no-cache" })`,
		`resourcesToCache.map(fetchForCache)`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	if strings.Contains(js, "cache.addAll(") {
		t.Error("the worker still downloads everything with cache.addAll")
	}
}
