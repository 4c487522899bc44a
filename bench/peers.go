//go:build !js

package bench

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/resolution"
)

// The peers: other ways to show the same annotations, measured beside ours.
const (
	peerBare          = "bare"
	peerTextAnnotator = "text-annotator"
)

// peerSpec describes a peer: its page is peers/<name>/ (embedded), with
// peers/common.js; lib are the files it needs from node_modules.
type peerSpec struct {
	name, label string
	pkg         string            // the npm package, whose version is reported ("" none)
	lib         map[string]string // file of its page under lib/ → file under node_modules
}

// peerSpecs are the peers by name.
var peerSpecs = map[string]peerSpec{
	peerBare: {name: peerBare, label: "bare DOM"},
	peerTextAnnotator: {name: peerTextAnnotator, label: "@recogito/text-annotator",
		pkg: "@recogito/text-annotator",
		lib: map[string]string{
			// Bundled by make bench-peers (peers/text-annotator/entry.js).
			"text-annotator.js":  ".bench/text-annotator.js",
			"text-annotator.css": "@recogito/text-annotator/dist/text-annotator.css",
		}},
}

// peerNames are the peers' names, in the order they run and are reported.
func peerNames() []string { return []string{peerBare, peerTextAnnotator} }

//go:embed peers
var peerFiles embed.FS

// peerSite is a peer ready to be served, or missing (and why).
type peerSite struct {
	spec    peerSpec
	version string
	missing string
	files   map[string][]byte // URL path → content
}

// preparePeer reads what a peer's page serves: its embedded page and the
// files of its npm package under nodeModules, which must be the version
// packageJSON pins. A peer that cannot be served is missing, with why.
func preparePeer(spec peerSpec, nodeModules, packageJSON string) *peerSite {
	site := &peerSite{spec: spec, files: map[string][]byte{}}
	sub, _ := fs.Sub(peerFiles, "peers")
	err := fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if p != "common.js" && !strings.HasPrefix(p, spec.name+"/") || path.Base(p) == "entry.js" {
			return nil // another peer's, or what make bench-peers bundles
		}
		b, err := fs.ReadFile(sub, p)
		site.files["/"+p] = b
		return err
	})
	if err != nil || site.files["/"+spec.name+"/index.html"] == nil {
		site.missing = fmt.Sprintf("its page peers/%s/index.html is not in the build (%v)", spec.name, err)
		return site
	}
	if spec.pkg == "" {
		return site
	}
	want, err := pinnedVersion(packageJSON, spec.pkg)
	if err != nil {
		site.missing = err.Error()
		return site
	}
	dir := filepath.Join(nodeModules, filepath.FromSlash(spec.pkg))
	got, err := pinnedVersion(filepath.Join(dir, "package.json"), "")
	if err != nil {
		site.missing = fmt.Sprintf("%s is not installed in %s (make bench installs it with npm ci in bench/; see its output): %v", spec.pkg, nodeModules, err)
		return site
	}
	if got != want {
		site.missing = fmt.Sprintf("%s %s is installed in %s, but bench/package.json pins %s: run make bench-peers", spec.pkg, got, nodeModules, want)
		return site
	}
	site.version = got
	for name, file := range spec.lib {
		b, err := os.ReadFile(filepath.Join(nodeModules, filepath.FromSlash(file)))
		if err != nil {
			site.missing = fmt.Sprintf("%s is missing (make bench-peers installs and bundles it): %v", file, err)
			return site
		}
		site.files["/"+spec.name+"/lib/"+name] = b
	}
	return site
}

// pinnedVersion reads a package.json: the version of the dependency pkg,
// or with pkg "" the package's own version.
func pinnedVersion(packageJSON, pkg string) (string, error) {
	data, err := os.ReadFile(packageJSON)
	if err != nil {
		return "", err
	}
	var p struct {
		Version      string            `json:"version"`
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return "", fmt.Errorf("%s: %v", packageJSON, err)
	}
	if pkg == "" {
		if p.Version == "" {
			return "", fmt.Errorf("%s has no version", packageJSON)
		}
		return p.Version, nil
	}
	v := p.Dependencies[pkg]
	if v == "" || strings.ContainsAny(v, "^~<>=* ") {
		return "", fmt.Errorf("%s does not pin %s to an exact version (%q)", packageJSON, pkg, v)
	}
	return v, nil
}

// handler serves the peer's page, its files and data (data.json), with a
// fixed modification time so that a reload can revalidate from the cache.
func (s *peerSite) handler(data []byte, modified time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		var b []byte
		if p == "/data.json" {
			b = data
		} else if b = s.files[p]; b == nil {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, path.Base(p), modified, bytes.NewReader(b))
	})
}

// peerDoc is data.json: a cell's document and annotations as the peers'
// pages read them.
type peerDoc struct {
	// Clauses are every clause in document order, with its plain text
	// (the text the annotations' offsets count in).
	Clauses []peerClause `json:"clauses"`
	// Annotations are the cell's annotations, in file order.
	Annotations []peerAnnotation `json:"annotations"`
}

type peerClause struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// peerAnnotation is an annotation for a page: its clause by index in
// Clauses, its range in UTF-16 code units of the clause's text (what
// JavaScript strings and DOM offsets count).
type peerAnnotation struct {
	ID     string `json:"id"`
	Clause int    `json:"clause"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Tag    string `json:"tag"`
}

// peerData makes data.json for a document and a native annotation file of
// it: the same clauses and annotations the app shows.
func peerData(doc *resolution.Document, file []byte) ([]byte, error) {
	adoc, err := cmapp.AnnotationDocument(doc)
	if err != nil {
		return nil, err
	}
	f, err := annotations.Read(adoc, file, annotations.ImportOptions{})
	if err != nil {
		return nil, err
	}
	if f.TextChanged {
		return nil, fmt.Errorf("the annotation file was made on another text of %s", f.Symbol)
	}
	if len(f.Reanchored) > 0 {
		return nil, fmt.Errorf("%d annotations do not fit the text where the file puts them", len(f.Reanchored))
	}
	out := peerDoc{Clauses: make([]peerClause, len(adoc.Clauses)), Annotations: make([]peerAnnotation, 0, len(f.Annotations))}
	index := map[string]int{}
	for i, c := range adoc.Clauses {
		out.Clauses[i] = peerClause{ID: c.ID, Text: c.Text}
		index[c.ID] = i
	}
	for _, a := range f.Annotations {
		i, ok := index[a.Clause]
		if !ok {
			return nil, fmt.Errorf("annotation %s: no clause %q", a.ID, a.Clause)
		}
		text := adoc.Clauses[i].Text
		out.Annotations = append(out.Annotations, peerAnnotation{ID: a.ID, Clause: i,
			Start: utf16Offset(text, a.Start), End: utf16Offset(text, a.End), Tag: string(a.Tag)})
	}
	return json.Marshal(out)
}

// utf16Offset converts an offset in code points of s to UTF-16 code units
// (an offset past the end counts to the end).
func utf16Offset(s string, codePoints int) int {
	n := 0
	for _, r := range s {
		if codePoints <= 0 {
			break
		}
		n += utf16.RuneLen(r)
		codePoints--
	}
	return n
}

// peerPage is what the harness knows of the peers' pages (peers/common.js).
var peerPage = page{
	loadedMark: "peer-annotations-painted",
	tagMark:    "peer-tag-painted",
	loadJS:     jsPeerLoad,
	focus:      func(clause string) string { return `p[data-clause="` + clause + `"]` },
	failJS:     `window.peer && window.peer.error`,
	state:      peerState,
}

// jsPeerLoad reads the timings of a peer's page load (ms since navigation
// start); highlights are the annotations its page holds. Chromium reports
// the paint entries a little after the paint: it waits for them (up to a
// second; the figures it reads are times already past).
const jsPeerLoad = `(async () => {
	for (let i = 0; i < 40 && performance.getEntriesByName('first-contentful-paint').length === 0; i++) {
		await new Promise(r => setTimeout(r, 25));
	}
	const paint = {};
	for (const e of performance.getEntriesByType('paint')) paint[e.name] = e.startTime;
	const mark = n => { const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : -1; };
	const nav = performance.getEntriesByType('navigation')[0] || {};
	return JSON.stringify({
		first_paint_ms: paint['first-paint'] ?? -1,
		first_contentful_paint_ms: paint['first-contentful-paint'] ?? -1,
		all_painted_ms: mark('peer-annotations-painted'),
		html_received_ms: nav.responseEnd ?? -1,
		dom_content_loaded_ms: nav.domContentLoadedEventEnd ?? -1,
		load_event_ms: nav.loadEventEnd ?? -1,
		wasm_received_ms: -1,
		document_received_ms: -1,
		highlights: window.peer.held(),
	});
})()`

// peerState describes a peer's page for an error message.
func peerState(ctx context.Context) string {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := chromium.Eval[string](sctx, `JSON.stringify({
		url: location.href,
		error: (window.peer && window.peer.error) || null,
		marks: performance.getEntriesByType('mark').map(m => m.name + '@' + Math.round(m.startTime)),
		paragraphs: document.querySelectorAll('p[data-clause]').length,
	})`)
	if err != nil {
		return "unreadable: " + err.Error()
	}
	return s
}

// checkPeer asks the page whether every annotation shows exactly its
// quote (window.peer.check: "" when it does).
func checkPeer(tab context.Context) error {
	msg, err := chromium.Eval[string](tab, `window.peer.check()`)
	if err != nil {
		return err
	}
	if msg != "" {
		return fmt.Errorf("the page shows wrong highlights: %s", msg)
	}
	return nil
}

// peer is one run of a peer in a cell: a cold load in a fresh profile, a
// warm reload, memory, and the key presses, on data (data.json) of n
// annotations. What it measured before a failure is kept.
func (r *runner) peer(ctx context.Context, site *peerSite, data []byte, n int, targets []string) (run Run) {
	started := time.Now()
	f := &failer{run: &run, step: "start"}
	defer func() { run.Seconds = round(time.Since(started).Seconds(), 1) }()
	timeout := r.cfg.LoadTimeout

	srv, err := chromium.Serve(site.handler(data, started.Truncate(time.Second)))
	if err != nil {
		return f.fail(err)
	}
	defer srv.Stop()
	f.step = "starting chromium"
	s, err := r.newSession(ctx)
	if err != nil {
		return f.fail(err)
	}
	defer s.close()
	defer func() { run.Console = s.problems() }()
	tab := s.tab
	f.tab = tab
	run.LoadAvg = append(run.LoadAvg, loadAvg())
	defer func() { run.LoadAvg = append(run.LoadAvg, loadAvg()) }()

	f.step = "cold load"
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/"+site.spec.name+"/")); err != nil {
		return f.fail(err)
	}
	if run.Cold, err = measureLoad(tab, peerPage, n, timeout); err != nil {
		return f.fail(err)
	}
	if err := checkPeer(tab); err != nil {
		return f.fail(err)
	}
	f.step = "warm reload"
	if err := chromedp.Do(tab, chromedp.Reload()); err != nil {
		return f.fail(err)
	}
	if run.Warm, err = measureLoad(tab, peerPage, n, timeout); err != nil {
		return f.fail(err)
	}
	if err := checkPeer(tab); err != nil {
		return f.fail(err)
	}
	f.step = "memory"
	if run.Memory, err = measureMemory(tab); err != nil {
		return f.fail(err)
	}
	f.step = "key presses"
	if len(targets) > 0 {
		lat, err := keyPresses(tab, peerPage, targets)
		run.Keypress = lat
		if err != nil {
			return f.fail(err)
		}
		run.KeypressMedian = round(percentile(lat, 50), 2)
		run.KeypressP95 = round(percentile(lat, 95), 2)
		f.step = "check after the key presses"
		if err := checkPeer(tab); err != nil {
			return f.fail(err)
		}
	}
	f.step = ""
	return run
}
