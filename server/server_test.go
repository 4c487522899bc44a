package server

import (
	"bytes"
	"errors"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
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
		"pdf-text.js":     "window.clausemarkPDF = {};",
		"app.wasm.br.tmp": "half-written",

		"vendor/pdfjs/pdf.min.mjs":        "export const version = '1';",
		"vendor/pdfjs/pdf.worker.min.mjs": "export const worker = 1;",
		"vendor/pdfjs/LICENSE":            "Apache License",
	}
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
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
		fields := strings.Fields(directive)
		for _, source := range fields[1:] {
			switch {
			case source == "'self'", source == "'none'", source == "'wasm-unsafe-eval'", source == "data:", source == "blob:":
			case fields[0] == "style-src" && source == annotations.PrintStyleSource:
				// The print view's style sheet, by its hash: no origin.
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
	// A document of the browser's library: the server cannot know it, and
	// the page says it is opening it (the app in the browser reads it).
	res = get(t, h, "/d/S-2024-400", nil)
	if b := body(t, res); !strings.Contains(b, "Opening S-2024-400") || strings.Contains(b, `id="op21"`) {
		t.Fatalf("/d/S-2024-400 does not say it is opening the document:\n%.600s", b)
	}
}

func TestTheServiceWorkerServesTheAppShellForADocumentPageOffline(t *testing.T) {
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	b := body(t, get(t, h, "/app-worker.js", nil))
	for _, want := range []string{`request.mode === "navigate"`, `cache.match("/")`, `const cacheName = "app-" + "v1"`} {
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
		"style-src":   "'self' " + annotations.PrintStyleSource, // the print view, opened from a blob: URL, keeps this policy
		"script-src":  "'self' 'wasm-unsafe-eval'",              // the module, by import(); no 'unsafe-eval'
		"worker-src":  "'self'",                                 // pdf.worker.min.mjs
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

// injected is a symbol line and a title that try to add an element to the
// page through an attribute: the symbol has no space (the parser reads a
// symbol as one word; '/' separates attributes as well as a space does).
const (
	injectedSymbol = `A/RES/"><meta/http-equiv='refresh'/content='1;url=https://evil.example/'>`
	injectedTitle  = `Peace "><meta http-equiv='refresh' content='1;url=https://evil.example/'> and security`
)

// serveText sets the app up with a resolution text, as serve -doc does, and
// returns the handler; the seed is set up again at the end of the test.
func serveText(t *testing.T, text string) http.Handler {
	t.Helper()
	doc, err := resolution.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	cmapp.Setup(doc, browser.None{})
	t.Cleanup(func() {
		seed, _ := resolution.Parse(resolution.Seed())
		cmapp.Setup(seed, browser.None{})
	})
	h, err := New(Options{WebDir: testWeb(t), Version: "v1", Document: []byte(text), Title: cmapp.PageTitle(doc)})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestAServedDocumentCannotInjectHTMLThroughAnAttribute(t *testing.T) {
	// The seed has no symbol line (its symbol is derived): the payload is
	// put at the top, where UN documents print their symbol.
	text := injectedSymbol + "\n\n" + string(resolution.Seed())
	if doc, _ := resolution.Parse([]byte(text)); !strings.Contains(doc.Symbol, "<meta") {
		// The parser now refuses such a symbol: the page is safe by that
		// alone; the escaping is checked with the title.
		text = strings.Replace(string(resolution.Seed()), "53/11. Enhancement of international cooperation in the field of human rights",
			"53/11. "+injectedTitle, 1)
	}
	h := serveText(t, text)
	page := body(t, get(t, h, "/", nil))
	elements := htmlElements(t, page)
	for _, e := range elements {
		if e.name == "meta" && strings.EqualFold(e.attrs["http-equiv"], "refresh") {
			t.Errorf("the page has an injected <meta http-equiv=refresh>: %v", e.attrs)
		}
		for name := range e.attrs {
			if strings.Contains(name, `"`) || strings.Contains(name, "url") || name == "content" && e.name != "meta" {
				t.Errorf("<%s> has an injected attribute %q", e.name, name)
			}
		}
	}
	found := false
	for _, e := range elements {
		if v, ok := e.attrs["data-symbol"]; ok {
			found = true
			if doc, _ := resolution.Parse([]byte(text)); v != doc.Symbol {
				t.Errorf("data-symbol reads %q, want the symbol %q", v, doc.Symbol)
			}
		}
	}
	if !found {
		t.Errorf("the page has no data-symbol")
	}
}

// element is a start tag of a page: its name and attributes, as a browser
// reads them (HTML's tokenization of start tags, enough for these tests).
type element struct {
	name  string
	attrs map[string]string
}

func htmlElements(t *testing.T, page string) []element {
	t.Helper()
	var out []element
	for i := 0; i < len(page); {
		lt := strings.IndexByte(page[i:], '<')
		if lt < 0 {
			break
		}
		i += lt + 1
		if i >= len(page) || !isNameStart(page[i]) {
			continue
		}
		j := i
		for j < len(page) && !isSpace(page[j]) && page[j] != '>' && page[j] != '/' {
			j++
		}
		e := element{name: strings.ToLower(page[i:j]), attrs: map[string]string{}}
		for j < len(page) && page[j] != '>' {
			if isSpace(page[j]) || page[j] == '/' {
				j++
				continue
			}
			k := j
			for k < len(page) && !isSpace(page[k]) && page[k] != '=' && page[k] != '>' && page[k] != '/' {
				k++
			}
			name := strings.ToLower(page[j:k])
			j = k
			value := ""
			if j < len(page) && page[j] == '=' {
				j++
				if j < len(page) && (page[j] == '"' || page[j] == '\'') {
					q := page[j]
					end := strings.IndexByte(page[j+1:], q)
					if end < 0 {
						t.Fatalf("an attribute value that does not end: %q", page[j:min(len(page), j+80)])
					}
					value = page[j+1 : j+1+end]
					j += end + 2
				} else {
					k := j
					for k < len(page) && !isSpace(page[k]) && page[k] != '>' {
						k++
					}
					value, j = page[j:k], k
				}
			}
			if _, dup := e.attrs[name]; !dup {
				e.attrs[name] = html.UnescapeString(value)
			}
		}
		out = append(out, e)
		i = j
	}
	return out
}

func TestEscapeAttributes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a Go-quoted value with a quote", `<div data-symbol="A/\"><meta>">x</div>`, `<div data-symbol="A/&#34;&gt;&lt;meta&gt;">x</div>`},
		{"a Go escape", `<p title="a\\b\tc">`, `<p title="a\b` + "\t" + `c">`},
		{"raw HTML escaped already", `<span title="A &amp; B &#34;C&#34;">`, `<span title="A &amp; B &#34;C&#34;">`},
		{"a value without quotes", `<input value=x disabled>`, `<input value="x" disabled>`},
		{"single quotes", `<meta content='default-src &#39;self&#39;'>`, `<meta content="default-src &#39;self&#39;">`},
		{"text, comments and closing tags", `<!DOCTYPE html><!-- <b x="\""> --></p> a &lt; b`, `<!DOCTYPE html><!-- <b x="\""> --></p> a &lt; b`}, {"a Go-quoted value with an escaped quote and a backslash before its end", `<p title="a\"b\\" id="x">`, `<p title="a&#34;b\" id="x">`},
		{"a Go-quoted value that does not end", `<p title="abc`, `<p title="abc"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(EscapeAttributes([]byte(tt.in))); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// BenchmarkEscapeAttributesOfALargePage escapes the page of a document of
// 3 MB: linear in the page (reading each value, not the rest of the page,
// made a 50-fold resolution take 22 s).
func BenchmarkEscapeAttributesOfALargePage(b *testing.B) {
	page := []byte(strings.Repeat(`<div class="cm-clause" data-clause="op1" data-label="OP1"><p title="a \"quoted\" title">Requests the Secretary-General;</p></div>`, 25000))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		EscapeAttributes(page)
	}
}

func TestWebServesOnlyTheFilesTheAppNeeds(t *testing.T) {
	dir := testWeb(t)
	for name, body := range map[string]string{".env": "SECRET=1", "notes.md": "x"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	h, err := New(Options{WebDir: dir, Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range CacheableResources {
		if res := get(t, h, p, nil); res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d, want 200", p, res.StatusCode)
		}
	}
	for _, p := range []string{"/web/", "/web/.env", "/web/unrelated.txt", "/web/notes.md", "/web/sub/", "/web/sub", "/web/../go.mod",
		"/web/" + strings.Repeat("a", 300), "/v1/web/.env", "/web/%2e%2e/server.go"} {
		res := get(t, h, p, nil)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, res.StatusCode)
		}
		if b := body(t, res); strings.Contains(b, "SECRET") || strings.Contains(b, "<a href") {
			t.Errorf("%s: answered %q", p, b)
		}
	}
}

func TestADocumentOverTheLimitIsRefusedWithAClearMessage(t *testing.T) {
	big := bytes.Repeat([]byte("Recalling all its resolutions on the matter,\n\n"), MaxDocumentSize/40)
	_, err := New(Options{WebDir: testWeb(t), Document: big})
	if !errors.Is(err, ErrDocumentTooLarge) || !strings.Contains(err.Error(), "at most 4 MB") {
		t.Errorf("got %v, want ErrDocumentTooLarge saying the limit", err)
	}
	if _, err := New(Options{WebDir: testWeb(t), Document: big[:MaxDocumentSize]}); err != nil {
		t.Errorf("a document of %d bytes: %v", MaxDocumentSize, err)
	}
}
