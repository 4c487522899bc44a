package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/resolution"
)

func TestMain(m *testing.M) {
	doc, _ := resolution.Parse(resolution.Seed())
	cmapp.Setup(doc, browser.None{})
	os.Exit(m.Run())
}

// testWeb makes a web directory with a fake app.wasm and its compressed
// copies, each with distinct bytes so the test can tell which was served.
func testWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"app.wasm":        "raw wasm bytes",
		"app.wasm.br":     "brotli bytes",
		"app.wasm.gz":     "gzip bytes",
		"clausemark.css":  "body{}",
		"icon.svg":        "<svg/>",
		"icon-192.png":    "png",
		"icon-512.png":    "png",
		"unrelated.txt":   "x",
		"app.wasm.br.tmp": "half-written",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, h http.Handler, path string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAppWasmIsServedPrecompressedWhenTheClientAcceptsIt(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, accept, wantBody, wantEncoding string
	}{
		{"brotli first", "gzip, deflate, br, zstd", "brotli bytes", "br"},
		{"gzip when brotli is not accepted", "gzip, deflate", "gzip bytes", "gzip"},
		{"brotli refused with q=0", "br;q=0, gzip", "gzip bytes", "gzip"},
		{"raw with no Accept-Encoding", "", "raw wasm bytes", ""},
		{"raw when nothing known is accepted", "zstd", "raw wasm bytes", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := get(t, h, "/web/app.wasm", map[string]string{"Accept-Encoding": c.accept})
			if got := body(t, res); got != c.wantBody {
				t.Errorf("body: got %q, want %q", got, c.wantBody)
			}
			if got := res.Header.Get("Content-Encoding"); got != c.wantEncoding {
				t.Errorf("Content-Encoding: got %q, want %q", got, c.wantEncoding)
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary: got %q, want %q", got, "Accept-Encoding")
			}
			if got := res.Header.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("Content-Type: got %q, want %q", got, "application/wasm")
			}
		})
	}
}

func TestTheCompressedCopiesAreNotServedUnderTheirOwnNames(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/web/app.wasm.br", "/web/app.wasm.gz", "/web/app.wasm.br.tmp"} {
		if res := get(t, h, p, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: got status %d, want 404", p, res.StatusCode)
		}
	}
}

func TestEveryResponseCarriesTheSecurityHeaders(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/web/app.wasm", "/web/clausemark.css", "/manifest.webmanifest"} {
		res := get(t, h, p, nil)
		if got := res.Header.Get("Content-Security-Policy"); got != ContentSecurityPolicy {
			t.Errorf("%s: Content-Security-Policy: got %q", p, got)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options: got %q", p, got)
		}
	}
}

func TestThePolicyAllowsNoOtherOrigin(t *testing.T) {
	for _, directive := range strings.Split(ContentSecurityPolicy, ";") {
		for _, source := range strings.Fields(directive)[1:] {
			switch source {
			case "'self'", "'none'", "'wasm-unsafe-eval'", "data:", "blob:":
			default:
				t.Errorf("directive %q allows %q", strings.TrimSpace(directive), source)
			}
		}
	}
	for _, unsafe := range []string{"'unsafe-inline'", "'unsafe-eval'", "*"} {
		if strings.Contains(ContentSecurityPolicy, unsafe+" ") || strings.HasSuffix(ContentSecurityPolicy, unsafe) {
			t.Errorf("the policy allows %s", unsafe)
		}
	}
}

func TestThePageIsRenderedOnTheServerWithTheStableHooks(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	page := body(t, get(t, h, "/", nil))
	for _, want := range []string{
		`data-symbol="A/HRC/RES/53/11"`,
		`id="pp1"`, `data-clause="pp33"`, `data-label="OP37"`, `id="op21"`,
		"Enhancement of international cooperation in the field of human rights",
		`http-equiv="Content-Security-Policy"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not contain %s", want)
		}
	}
}

func TestNothingComesFromAnotherOrigin(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	// What a browser loads: src and href attributes of the page (og: meta
	// tags are descriptions, not loads), every URL in the worker's cache
	// list, the manifest's icons, and anything app.js fetches.
	loads := map[string][]string{
		"/":                     {`src="http`, `href="http`, `src="//`, `href="//`},
		"/app-worker.js":        {`"http`, `"//`},
		"/manifest.webmanifest": {`"http`, `"//`},
		"/app.js":               {`fetch("http`, `"https://`, `"http://`},
	}
	for p, patterns := range loads {
		b := body(t, get(t, h, p, nil))
		for _, remote := range patterns {
			if i := strings.Index(b, remote); i >= 0 {
				t.Errorf("%s loads from another origin: %q", p, b[i:min(len(b), i+80)])
			}
		}
	}
}

func TestTheWorkerCachesEveryAssetTheAppNeeds(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	worker := body(t, get(t, h, "/app-worker.js", nil))
	for _, want := range append([]string{"/web/app.wasm", "/app.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest", `"/"`}, CacheableResources...) {
		if !strings.Contains(worker, want) {
			t.Errorf("the service worker does not cache %s", want)
		}
	}
	if !strings.Contains(worker, `"app-" + "v1"`) {
		t.Error("the worker's cache is not named after the fixed version")
	}
}

func TestTheLoaderShowsProgressAgainstTheRawWasmSize(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	js := body(t, get(t, h, "/app.js", nil))
	if want := `const goappWasmContentLength = "14";`; !strings.Contains(js, want) {
		t.Errorf("app.js does not contain %s", want)
	}
}

func TestAMissingWasmIsAClearError(t *testing.T) {
	_, err := New(Options{WebDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("got %v, want an error that says to run make build", err)
	}
}

func TestADocumentHasItsOwnURL(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	res := get(t, h, "/d/A-HRC-RES-53-11", nil)
	b := body(t, res)
	if res.StatusCode != http.StatusOK || !strings.Contains(b, `data-symbol="A/HRC/RES/53/11"`) || !strings.Contains(b, `id="op21"`) {
		t.Fatalf("/d/A-HRC-RES-53-11: %d, the resolution is not rendered:\n%.400s", res.StatusCode, b)
	}
	res = get(t, h, "/d/S-2024-400", nil)
	if b := body(t, res); !strings.Contains(b, "This document is not here") || strings.Contains(b, `id="op21"`) {
		t.Fatalf("/d/S-2024-400 does not say the document is missing:\n%.600s", b)
	}
}

func TestTheServiceWorkerServesTheAppShellForADocumentPageOffline(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	b := body(t, get(t, h, "/app-worker.js", nil))
	for _, want := range []string{`request.mode === "navigate"`, `caches.match("/")`, `const cacheName = "app-" + "v1"`} {
		if !strings.Contains(b, want) {
			t.Fatalf("app-worker.js lacks %q:\n%s", want, b)
		}
	}
}

func TestThePDFReaderIsServedAsJavaScriptAndCachedForOfflineUse(t *testing.T) {
	web := testWeb(t)
	files := map[string]string{
		"pdf-text.js":                     "window.clausemarkPDF = {};",
		"vendor/pdfjs/pdf.min.mjs":        "export const version = '1';",
		"vendor/pdfjs/pdf.worker.min.mjs": "export const worker = 1;",
		"vendor/pdfjs/LICENSE":            "Apache License",
	}
	for name, text := range files {
		path := filepath.Join(web, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := New(Options{WebDir: web, Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{PDFBridgeScript, PDFJSModule, PDFJSWorker} {
		res := get(t, h, p, nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: got status %d, want 200", p, res.StatusCode)
			continue
		}
		// A module script or module worker of another type is refused by
		// the browser (and nosniff is on).
		if ct := res.Header.Get("Content-Type"); !strings.Contains(ct, "javascript") {
			t.Errorf("%s: Content-Type: got %q, want a JavaScript type", p, ct)
		}
		if got, want := body(t, res), files[strings.TrimPrefix(p, "/web/")]; got != want {
			t.Errorf("%s: got %q, want %q", p, got, want)
		}
	}
	if res := get(t, h, PDFJSLicense, nil); res.StatusCode != http.StatusOK {
		t.Errorf("%s: got status %d, want 200", PDFJSLicense, res.StatusCode)
	}
	worker := body(t, get(t, h, "/app-worker.js", nil))
	for _, p := range []string{PDFBridgeScript, PDFJSModule, PDFJSWorker, PDFJSLicense} {
		if !strings.Contains(worker, `"`+p+`"`) {
			t.Errorf("the service worker does not cache %s", p)
		}
	}
	page := body(t, get(t, h, "/", nil))
	// go-app writes the attributes in any order.
	script := regexp.MustCompile(`<script( defer| src="` + regexp.QuoteMeta(PDFBridgeScript) + `"){2}>`)
	if !script.MatchString(page) {
		t.Errorf("the page does not load the bridge with <script defer src=%q>", PDFBridgeScript)
	}
	if strings.Contains(page, PDFJSModule) {
		t.Error("the page loads pdf.js up front; the bridge should import it only when a PDF is opened")
	}
}

func TestThePolicyLetsPDFJSRunFromThisOriginOnly(t *testing.T) {
	directives := map[string]string{}
	for _, d := range strings.Split(ContentSecurityPolicy, ";") {
		name, sources, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = sources
	}
	for name, want := range map[string]string{
		"script-src":  "'self' 'wasm-unsafe-eval'", // the module, by import(); no 'unsafe-eval'
		"worker-src":  "'self'",                    // pdf.worker.min.mjs
		"connect-src": "'self'",
	} {
		if got := directives[name]; got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

func TestTheBridgeLoadsPDFJSFromTheServedPaths(t *testing.T) {
	// The real web/pdf-text.js must import the files this package serves
	// and caches, from this origin.
	src, err := os.ReadFile(filepath.Join("..", "web", "pdf-text.js"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(src)
	base := strings.TrimSuffix(PDFJSModule, "pdf.min.mjs")
	for _, want := range []string{`const base = "` + base + `"`, `base + "pdf.min.mjs"`, `base + "pdf.worker.min.mjs"`, "fontExtraProperties: true"} {
		if !strings.Contains(js, want) {
			t.Errorf("web/pdf-text.js does not contain %s", want)
		}
	}
	if base+"pdf.worker.min.mjs" != PDFJSWorker {
		t.Errorf("the worker path %s is not under %s", PDFJSWorker, base)
	}
	for _, remote := range []string{"http:", "https:", "//cdn", "eval(", "new Function"} {
		if strings.Contains(js, remote) {
			t.Errorf("web/pdf-text.js contains %q", remote)
		}
	}
}
