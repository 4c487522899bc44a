//go:build !js

package bench

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
)

func TestUTF16OffsetCountsSurrogatePairsTwice(t *testing.T) {
	s := "a𝒜é b" // 𝒜 is outside the BMP: two UTF-16 units
	for _, c := range []struct{ cp, want int }{{0, 0}, {1, 1}, {2, 3}, {3, 4}, {5, 6}, {9, 6}} {
		if got := utf16Offset(s, c.cp); got != c.want {
			t.Errorf("utf16Offset(%q, %d) = %d, want %d", s, c.cp, got, c.want)
		}
	}
}

func TestPeerDataHoldsTheCellsClausesAndAnnotations(t *testing.T) {
	text := Resolution(2)
	doc := parse(t, text)
	file := Annotations(text, 300, 7)
	data, err := peerData(doc, file)
	if err != nil {
		t.Fatal(err)
	}
	var got peerDoc
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	clauses := doc.Clauses()
	if len(got.Clauses) != len(clauses) {
		t.Fatalf("%d clauses, want %d", len(got.Clauses), len(clauses))
	}
	for i, c := range clauses {
		if got.Clauses[i] != (peerClause{c.ID, c.Text}) {
			t.Fatalf("clause %d is %q, want %q", i, got.Clauses[i].ID, c.ID)
		}
	}
	// The annotations as the file has them, read independently.
	var native struct {
		Annotations []struct {
			ID, Clause, Exact, Tag string
			Start, End             int
		} `json:"annotations"`
	}
	if err := json.Unmarshal(file, &native); err != nil {
		t.Fatal(err)
	}
	if len(got.Annotations) != 300 || len(native.Annotations) != 300 {
		t.Fatalf("%d annotations in data.json, %d in the file; want 300", len(got.Annotations), len(native.Annotations))
	}
	for i, a := range got.Annotations {
		n := native.Annotations[i]
		c := got.Clauses[a.Clause]
		// JavaScript's text.slice(start, end) in UTF-16 units.
		units := utf16.Encode([]rune(c.Text))
		quote := string(utf16.Decode(units[a.Start:a.End]))
		if a.ID != n.ID || c.ID != n.Clause || a.Tag != n.Tag || quote != n.Exact {
			t.Fatalf("annotation %d: %s in %s %q (%s), want %s in %s %q (%s)", i, a.ID, c.ID, quote, a.Tag, n.ID, n.Clause, n.Exact, n.Tag)
		}
	}
}

func TestPeerDataRefusesAFileOfAnotherDocument(t *testing.T) {
	file := Annotations(Resolution(1), 10, 1)
	if _, err := peerData(parse(t, Resolution(2)), file); err == nil {
		t.Error("a file made for another document is taken")
	}
}

func TestPinnedVersion(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p := write("exact.json", `{"version": "1.2.3", "dependencies": {"x": "4.1.1", "y": "^4.1.1"}}`)
	if v, err := pinnedVersion(p, "x"); err != nil || v != "4.1.1" {
		t.Errorf("x: %q, %v", v, err)
	}
	if v, err := pinnedVersion(p, ""); err != nil || v != "1.2.3" {
		t.Errorf("own version: %q, %v", v, err)
	}
	for _, pkg := range []string{"y", "z"} {
		if _, err := pinnedVersion(p, pkg); err == nil || !strings.Contains(err.Error(), "does not pin "+pkg) {
			t.Errorf("%s: %v", pkg, err)
		}
	}
	if _, err := pinnedVersion(filepath.Join(dir, "none.json"), "x"); err == nil {
		t.Error("a missing package.json is read")
	}
	if _, err := pinnedVersion(write("bad.json", `{`), "x"); err == nil {
		t.Error("a broken package.json is read")
	}
}

func TestTheCommittedPackageJSONPinsTextAnnotator(t *testing.T) {
	v, err := pinnedVersion("package.json", peerSpecs[peerTextAnnotator].pkg)
	if err != nil || !strings.HasPrefix(v, "4.1.") {
		t.Errorf("bench/package.json pins %q (%v), want 4.1.x", v, err)
	}
}

// fakeNodeModules lays out what make bench-peers leaves for text-annotator,
// at version v.
func fakeNodeModules(t *testing.T, v string) string {
	t.Helper()
	nm := t.TempDir()
	files := map[string]string{
		"@recogito/text-annotator/package.json":            `{"name": "@recogito/text-annotator", "version": "` + v + `"}`,
		"@recogito/text-annotator/dist/text-annotator.css": ".r6o-annotatable{position:relative}",
		".bench/text-annotator.js":                         "var RecogitoJS = {};",
	}
	for name, content := range files {
		p := filepath.Join(nm, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return nm
}

func TestAPeerThatIsNotInstalledIsMissingAndSaysWhy(t *testing.T) {
	spec := peerSpecs[peerTextAnnotator]
	site := preparePeer(spec, filepath.Join(t.TempDir(), "node_modules"), "package.json")
	if !strings.Contains(site.missing, "@recogito/text-annotator is not installed") {
		t.Errorf("missing: %q", site.missing)
	}
	site = preparePeer(spec, fakeNodeModules(t, "4.0.9"), "package.json")
	if !strings.Contains(site.missing, "4.0.9 is installed") || !strings.Contains(site.missing, "make bench-peers") {
		t.Errorf("another version: %q", site.missing)
	}
	nm := fakeNodeModules(t, mustPinned(t))
	os.Remove(filepath.Join(nm, ".bench", "text-annotator.js"))
	site = preparePeer(spec, nm, "package.json")
	if !strings.Contains(site.missing, ".bench/text-annotator.js is missing") {
		t.Errorf("not bundled: %q", site.missing)
	}
}

func mustPinned(t *testing.T) string {
	t.Helper()
	v, err := pinnedVersion("package.json", peerSpecs[peerTextAnnotator].pkg)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAPeerSiteServesItsPageLibAndData(t *testing.T) {
	site := preparePeer(peerSpecs[peerTextAnnotator], fakeNodeModules(t, mustPinned(t)), "package.json")
	if site.missing != "" || site.version != mustPinned(t) {
		t.Fatalf("missing %q, version %q", site.missing, site.version)
	}
	modified := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	srv := httptest.NewServer(site.handler([]byte(`{"clauses":[]}`), modified))
	defer srv.Close()
	get := func(path string, header ...string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for _, c := range []struct{ path, contains, ctype string }{
		{"/text-annotator/", "lib/text-annotator.js", "text/html"},
		{"/text-annotator/page.js", "setAnnotations(", "text/javascript"},
		{"/common.js", "peer-annotations-painted", "text/javascript"},
		{"/text-annotator/lib/text-annotator.js", "RecogitoJS", "text/javascript"},
		{"/text-annotator/lib/text-annotator.css", "r6o-annotatable", "text/css"},
		{"/data.json", `{"clauses":[]}`, "application/json"},
	} {
		resp, body := get(c.path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, c.contains) || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) {
			t.Errorf("%s: %s %q, %.60q", c.path, resp.Status, resp.Header.Get("Content-Type"), body)
		}
	}
	for _, p := range []string{"/bare/", "/text-annotator/entry.js", "/peers.go", "/favicon.ico"} {
		if resp, _ := get(p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s, want 404 (another peer's page or not a page file)", p, resp.Status)
		}
	}
	if resp, _ := get("/common.js", "If-Modified-Since", modified.Format(http.TimeFormat)); resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %s, want 304", resp.Status)
	}
}

func TestTheBarePeerNeedsNoInstall(t *testing.T) {
	site := preparePeer(peerSpecs[peerBare], filepath.Join(t.TempDir(), "none"), filepath.Join(t.TempDir(), "none.json"))
	if site.missing != "" || site.files["/bare/index.html"] == nil || site.files["/bare/bare.js"] == nil || site.files["/common.js"] == nil {
		t.Errorf("missing %q, files %d", site.missing, len(site.files))
	}
}

// The generator and the annotations package agree on the document the
// peers get.
func TestPeerDataAnnotationsAnchorWhereTheFileSays(t *testing.T) {
	text := Resolution(1)
	doc := parse(t, text)
	adoc, err := cmapp.AnnotationDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := annotations.Read(adoc, Annotations(text, 50, 3), annotations.ImportOptions{})
	if err != nil || len(f.Reanchored) != 0 || len(f.Annotations) != 50 {
		t.Fatalf("%v, %d reanchored", err, len(f.Reanchored))
	}
}
