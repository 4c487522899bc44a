package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/extract"
)

// The PDF bridge (web/pdf-text.js over pdf.js) in the real page, served by
// the real server with its Content-Security-Policy: its output for every
// corpus PDF must equal the recorded fixture in testdata/pdfjs/, which the
// native tests of package extract lay out. After a change of the bridge or
// of pdf.js, review and record again with
//
//	go test ./e2e -run PDFBridge -update

var update = flag.Bool("update", false, "record the PDF bridge's output into testdata/pdfjs/ instead of comparing")

const (
	corpusDir  = "../testdata/corpus"
	pdfjsDir   = "../testdata/pdfjs"
	badPDFsDir = "../testdata/pdf-bad"
)

// bridgeResult is what the page hands back for one extract call: the
// document, or the bridge's error.
type bridgeResult struct {
	Result *extract.PDFDocument `json:"result"`
	Error  *struct {
		Name    string `json:"name"`
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
	Ms float64 `json:"ms"`
}

// err returns the bridge's error as package extract maps it.
func (r bridgeResult) err() error {
	if r.Error == nil {
		return nil
	}
	return extract.NewPDFBridgeError(r.Error.Code, r.Error.Message)
}

// openBridge starts the server and a browser on the app's page, and waits
// for the bridge script.
func openBridge(t *testing.T) (*browser, *testServer) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(webDir, "vendor", "pdfjs", "pdf.min.mjs")); err != nil {
		t.Fatalf("pdf.js is not in %s/vendor/pdfjs: run 'make vendor' (make build and make test do it)", webDir)
	}
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	poll(t, b.ctx, `typeof window.clausemarkPDF === "object"`)
	return b, srv
}

// extractInPage runs the bridge on data in the page.
func extractInPage(t *testing.T, b *browser, data []byte, maxPages int) bridgeResult {
	t.Helper()
	js := fmt.Sprintf(`(async () => {
		const bin = atob(%q);
		const data = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
		const start = performance.now();
		try {
			const result = await window.clausemarkPDF.extract(data, {maxPages: %d});
			return JSON.stringify({result, ms: performance.now() - start});
		} catch (e) {
			return JSON.stringify({error: {name: e.name, code: e.code, message: e.message}, ms: performance.now() - start});
		}
	})()`, base64.StdEncoding.EncodeToString(data), maxPages)
	text := eval[string](t, b.ctx, js)
	var r bridgeResult
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		t.Fatalf("the bridge's answer is not JSON: %v: %.200s", err, text)
	}
	return r
}

func corpusPDFs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no PDF in %s", corpusDir)
	}
	sort.Strings(files)
	return files
}

func TestPDFBridgeReadsEveryCorpusPDFAsRecorded(t *testing.T) {
	b, _ := openBridge(t)
	for _, path := range corpusPDFs(t) {
		stem := strings.TrimSuffix(filepath.Base(path), ".pdf")
		t.Run(stem, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r := extractInPage(t, b, data, extract.MaxPDFPages)
			if err := r.err(); err != nil {
				t.Fatalf("the bridge failed: %v", err)
			}
			got := r.Result
			if got.NumPages == 0 || len(got.Pages) != got.NumPages {
				t.Fatalf("got %d pages of %d", len(got.Pages), got.NumPages)
			}
			fixture := filepath.Join(pdfjsDir, stem+".json")
			if *update {
				if err := os.WriteFile(fixture, encodeFixture(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			text, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatalf("%v (record it with go test ./e2e -run PDFBridge -update)", err)
			}
			var want extract.PDFDocument
			if err := json.Unmarshal(text, &want); err != nil {
				t.Fatalf("%s: %v", fixture, err)
			}
			if diff := firstDifference(got, &want); diff != "" {
				t.Errorf("the bridge's output differs from %s (record it again with -update if the change is right): %s", fixture, diff)
			}
		})
	}
	// Everything the page loaded came from its own origin.
	if others := eval[[]string](t, b.ctx, `performance.getEntriesByType("resource").map(e => e.name).filter(u => !u.startsWith(location.origin + "/"))`); len(others) > 0 {
		t.Errorf("the page loaded from other origins: %v", others)
	}
}

// firstDifference describes where two documents first differ, or returns "".
func firstDifference(got, want *extract.PDFDocument) string {
	if got.NumPages != want.NumPages || len(got.Pages) != len(want.Pages) {
		return fmt.Sprintf("got %d pages (%d read), want %d (%d)", got.NumPages, len(got.Pages), want.NumPages, len(want.Pages))
	}
	for i := range got.Pages {
		g, w := got.Pages[i], want.Pages[i]
		if g.Width != w.Width || g.Height != w.Height {
			return fmt.Sprintf("page %d: got size %gx%g, want %gx%g", i+1, g.Width, g.Height, w.Width, w.Height)
		}
		for j := range min(len(g.Items), len(w.Items)) {
			if !reflect.DeepEqual(g.Items[j], w.Items[j]) {
				return fmt.Sprintf("page %d, item %d: got %+v, want %+v", i+1, j, g.Items[j], w.Items[j])
			}
		}
		if len(g.Items) != len(w.Items) {
			return fmt.Sprintf("page %d: got %d items, want %d", i+1, len(g.Items), len(w.Items))
		}
	}
	return ""
}

// encodeFixture writes a document as JSON with one item per line, so that
// a change shows as a readable diff.
func encodeFixture(d *extract.PDFDocument) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\"numPages\": %d, \"pages\": [", d.NumPages)
	for i, p := range d.Pages {
		if i > 0 {
			buf.WriteString(",")
		}
		fmt.Fprintf(&buf, "\n {\"width\": %s, \"height\": %s, \"items\": [", num(p.Width), num(p.Height))
		for j, it := range p.Items {
			if j > 0 {
				buf.WriteString(",")
			}
			line, _ := json.Marshal(it)
			buf.WriteString("\n  ")
			buf.Write(line)
		}
		buf.WriteString("\n ]}")
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes()
}

func num(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

func TestPDFBridgeErrorsReachTheDelegateAsClearMessages(t *testing.T) {
	b, _ := openBridge(t)
	cases := []struct {
		file string
		want error
		// words the delegate must read
		words []string
	}{
		{"scanned.pdf", extract.ErrNoTextLayer, []string{"no text layer", "scan"}},
		{"encrypted.pdf", extract.ErrEncrypted, []string{"password"}},
		{"truncated.pdf", extract.ErrCorruptPDF, []string{"damaged or incomplete"}},
		{"not-a-pdf.pdf", extract.ErrCorruptPDF, []string{"not a readable PDF"}},
		{"too-many-pages.pdf", extract.ErrTooManyPages, []string{"61 pages", fmt.Sprintf("up to %d pages", extract.MaxPDFPages)}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(badPDFsDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			r := extractInPage(t, b, data, extract.MaxPDFPages)
			err = r.err()
			if err == nil {
				_, err = extract.PDFText(r.Result)
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			for _, w := range c.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the message %q does not say %q", err, w)
				}
			}
			if c.want == extract.ErrTooManyPages && len(r.Result.Pages) != 0 {
				t.Errorf("the bridge read %d pages of a PDF over the limit; it should read none", len(r.Result.Pages))
			}
		})
	}
}

func TestPDFBridgeTimeOfTheLargestCorpusPDF(t *testing.T) {
	b, _ := openBridge(t)
	var largest string
	pages := 0
	for _, path := range corpusPDFs(t) {
		text, err := os.ReadFile(filepath.Join(pdfjsDir, strings.TrimSuffix(filepath.Base(path), ".pdf")+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var d extract.PDFDocument
		if err := json.Unmarshal(text, &d); err != nil {
			t.Fatal(err)
		}
		if d.NumPages > pages {
			largest, pages = path, d.NumPages
		}
	}
	data, err := os.ReadFile(largest)
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []string{"cold (pdf.js imported, worker started)", "warm"} {
		r := extractInPage(t, b, data, extract.MaxPDFPages)
		if err := r.err(); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		text, err := extract.PDFText(r.Result)
		if err != nil {
			t.Fatal(err)
		}
		layout := time.Since(start)
		t.Logf("%s, %d pages, %s: extraction in Chromium %.0f ms, layout (native Go) %s, %d bytes of text",
			filepath.Base(largest), pages, run, r.Ms, layout.Round(10*time.Microsecond), len(text))
		// A generous bound, so that a pathological slowdown fails.
		if r.Ms > 20000 {
			t.Errorf("extraction took %.0f ms", r.Ms)
		}
	}
}

func TestPDFBridgeWorksOfflineFromTheServiceWorkersCache(t *testing.T) {
	b, srv := openBridge(t)
	waitOfflineReady(t, b.ctx)
	poll(t, b.ctx, `(async () => {
		for (const k of await caches.keys()) {
			const c = await caches.open(k);
			if (await c.match('/web/pdf-text.js') && await c.match('/web/vendor/pdfjs/pdf.min.mjs') && await c.match('/web/vendor/pdfjs/pdf.worker.min.mjs')) return true;
		}
		return false;
	})()`)
	// No PDF was opened yet: pdf.js has not been loaded.
	const loadedPDFJS = `performance.getEntriesByType("resource").some(e => e.name.includes("/vendor/pdfjs/pdf.min.mjs"))`
	if eval[bool](t, b.ctx, loadedPDFJS) {
		t.Error("the page loaded pdf.js before a PDF was opened")
	}
	srv.Stop()
	open(t, b.ctx, srv.Doc)
	poll(t, b.ctx, `typeof window.clausemarkPDF === "object"`)
	data, err := os.ReadFile(filepath.Join(corpusDir, "S_2019_90-EN.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	r := extractInPage(t, b, data, extract.MaxPDFPages)
	if err := r.err(); err != nil {
		t.Fatalf("offline: %v", err)
	}
	text, err := extract.PDFText(r.Result)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "S/2019/90") || !strings.Contains(text, "*The Security Council*") {
		t.Errorf("offline: the text is not the document's: %.200q", text)
	}
	if !eval[bool](t, b.ctx, loadedPDFJS) {
		t.Error("opening a PDF did not load pdf.js (or the page's resource timing does not show it, and the check above proves nothing)")
	}
}
