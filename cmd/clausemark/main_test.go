//go:build !(js && wasm)

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/resolution"
)

// runCmd runs a command line and returns its output and error.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParsePrintsTheDocumentAsJSON(t *testing.T) {
	p := writeFile(t, "seed.txt", resolution.Seed())
	out, _, err := runCmd(t, "parse", p)
	if err != nil {
		t.Fatal(err)
	}
	var doc resolution.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("the output is not JSON: %v", err)
	}
	if doc.Symbol != "A/HRC/RES/53/11" {
		t.Errorf("symbol: got %q, want %q", doc.Symbol, "A/HRC/RES/53/11")
	}
	if len(doc.Preamble) != 33 || len(doc.Operative) != 37 {
		t.Errorf("got %d preambular and %d operative paragraphs, want 33 and 37", len(doc.Preamble), len(doc.Operative))
	}
	if doc.Operative[20].ID != "op21" || doc.Operative[20].Label != "OP21" {
		t.Errorf("OP21: got id %q label %q", doc.Operative[20].ID, doc.Operative[20].Label)
	}
	if doc.Vote == nil || len(doc.Vote.InFavour) != 33 || len(doc.Vote.Against) != 13 || len(doc.Vote.Abstaining) != 1 {
		t.Errorf("vote: got %+v", doc.Vote)
	}
	if len(doc.Footnotes) != 5 {
		t.Errorf("got %d footnotes, want 5", len(doc.Footnotes))
	}
	if !strings.Contains(out, `"text": "Requests the Office of the United Nations High Commissioner`) {
		t.Error("the output does not hold OP21's plain text")
	}
}

func TestParseFailsClearlyOnUnreadableInput(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"invalid UTF-8 on line 3", []byte("The General Assembly,\n\nRecalling \xff\xfe its resolutions,\n"), ":3: "},
		{"a NUL byte on line 2", []byte("Title\nbinary\x00data\n"), ":2: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, "bad.txt", c.data)
			_, _, err := runCmd(t, "parse", p)
			if err == nil {
				t.Fatal("got no error")
			}
			if msg := err.Error(); !strings.HasPrefix(msg, p+c.want) {
				t.Errorf("got %q, want a message that starts with %q", msg, p+c.want)
			}
		})
	}
}

func TestParseOfAMissingFileSaysSo(t *testing.T) {
	_, _, err := runCmd(t, "parse", filepath.Join(t.TempDir(), "nope.txt"))
	if err == nil || !strings.Contains(err.Error(), "nope.txt") {
		t.Errorf("got %v, want an error naming the file", err)
	}
}

func TestParseNeedsExactlyOneFile(t *testing.T) {
	_, stderr, err := runCmd(t, "parse")
	if err != errUsage {
		t.Errorf("got %v, want the usage error", err)
	}
	if !strings.Contains(stderr, "Usage: clausemark parse FILE") {
		t.Errorf("stderr: got %q", stderr)
	}
}

func TestAnUnknownCommandPrintsTheUsage(t *testing.T) {
	_, stderr, err := runCmd(t, "frobnicate")
	if err != errUsage {
		t.Errorf("got %v, want the usage error", err)
	}
	if !strings.Contains(stderr, `unknown command "frobnicate"`) || !strings.Contains(stderr, "clausemark parse FILE") {
		t.Errorf("stderr: got %q", stderr)
	}
}

func TestDistWritesAStaticSite(t *testing.T) {
	web := t.TempDir()
	for name, body := range map[string]string{"app.wasm": "wasm", "clausemark.css": "body{}", "icon.svg": "<svg/>", "pdf-text.js": "//", "vendor/pdfjs/pdf.min.mjs": "//"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(web, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(web, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "dist")
	if _, _, err := runCmd(t, "dist", "-o", out, "-web", web); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css", "web/app.wasm", "web/clausemark.css", "web/pdf-text.js", "web/vendor/pdfjs/pdf.min.mjs"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("dist lacks %s", name)
		}
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte(`data-clause="op21"`)) {
		t.Error("index.html does not hold the rendered document")
	}
	// app.js is the server's: app.wasm compiled while it downloads, the
	// worker registered after the load.
	appJS, err := os.ReadFile(filepath.Join(out, "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"goappInstantiate(", "goappMarkKeptPainted().then(goappInitWebAssembly).finally(goappRegisterWorkerAfterLoad);"} {
		if !bytes.Contains(appJS, []byte(want)) {
			t.Errorf("dist/app.js lacks %s", want)
		}
	}
}
