// Package textannotator checks that another tool can anchor the annotations
// of Clausemark's W3C export: Recogito's @recogito/text-annotator (npm,
// pinned in package.json, installed by make node-deps) loads the export in
// headless Chromium, over a page that shows the document text as FORMAT.md
// defines it (one paragraph per clause, a line feed between them), and every
// annotation must highlight exactly its quote.
package textannotator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
)

// dist is where npm installs the text annotator's browser build.
const dist = "../../node_modules/@recogito/text-annotator/dist"

// page shows the document text: each clause in a <p>, a line feed between
// them, so that the container's textContent is Document.Text().
func page(doc *annotations.Document) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>text-annotator</title>` +
		`<link rel="stylesheet" href="/text-annotator.css">` +
		// The browser build reads process.env.NODE_ENV (a bundled
		// dependency's check), as bundlers provide it.
		`<script>window.process = {env: {NODE_ENV: "production"}};</script>` +
		`<script src="/text-annotator.umd.js"></script></head><body>`)
	b.WriteString(`<div id="doc">`)
	for i, c := range doc.Clauses {
		if i > 0 {
			b.WriteString(annotations.ClauseSeparator)
		}
		b.WriteString(`<p>` + html.EscapeString(c.Text) + `</p>`)
	}
	b.WriteString(`</div></body></html>`)
	return b.String()
}

// check loads the export into the text annotator and reports, for every
// annotation of the file, what the tool made of it.
const check = `(async () => {
  const el = document.getElementById("doc");
  if (el.textContent !== TEXT) return {error: "the page text is not the document text"};
  const anno = RecogitoJS.createTextAnnotator(el, {adapter: RecogitoJS.W3CTextFormat(SOURCE, el)});
  const file = await (await fetch("/export.jsonld")).json();
  const items = file.first.items;
  anno.setAnnotations(items);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {results: items.map(it => {
    const a = anno.state.store.getAnnotation(it.id);
    if (!a) return {id: it.id, loaded: false};
    const sel = a.target.selector[0];
    const rects = anno.state.store.getAnnotationRects(it.id) || [];
    return {id: it.id, loaded: true, highlighted: sel.range ? sel.range.toString() : null, quote: sel.quote, rects: rects.length};
  })};
})()`

type result struct {
	ID          string
	Loaded      bool
	Highlighted *string
	Quote       string
	Rects       int
}

func TestTextAnnotatorHighlightsEveryQuoteOfOurW3CExport(t *testing.T) {
	for _, f := range []string{"text-annotator.umd.js", "text-annotator.css"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			t.Fatalf("%s is missing: run 'make node-deps' (npm ci)", f)
		}
	}
	rdoc, err := resolution.Parse(resolution.Seed())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := cmapp.AnnotationDocument(rdoc)
	if err != nil {
		t.Fatal(err)
	}
	s := annotationsOn(t, doc)
	export, err := annotations.ExportW3C(s, time.Now)
	if err != nil {
		t.Fatal(err)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page(doc))
	})
	mux.HandleFunc("/export.jsonld", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/ld+json")
		w.Write(export)
	})
	for _, f := range []string{"text-annotator.umd.js", "text-annotator.css"} {
		mux.HandleFunc("/"+f, func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, filepath.Join(dist, f)) })
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	text, _ := json.Marshal(doc.Text())
	source, _ := json.Marshal(doc.Source)
	js := strings.NewReplacer("TEXT", string(text), "SOURCE", string(source)).Replace(check)
	out, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Error   string
		Results []result
	}](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if out.Error != "" {
		t.Fatal(out.Error)
	}
	if len(out.Results) != s.Len() {
		t.Fatalf("%d results for %d annotations", len(out.Results), s.Len())
	}
	highlighted := 0
	for _, r := range out.Results {
		a, _ := s.Get(r.ID)
		if !doc.Fits(a) {
			// An orphan has no position: the tool cannot place it, and
			// must not place it anywhere.
			if r.Loaded {
				t.Errorf("orphan %s was placed: %+v", a.ID, r)
			}
			continue
		}
		switch {
		case !r.Loaded:
			t.Errorf("%s %s [%d, %d): the text annotator did not load it", a.Clause, a.ID, a.Start, a.End)
		case r.Highlighted == nil || *r.Highlighted != a.Exact:
			t.Errorf("%s [%d, %d): highlights %q, want %q", a.Clause, a.Start, a.End, deref(r.Highlighted), a.Exact)
		case r.Quote != a.Exact:
			t.Errorf("%s [%d, %d): quote %q, want %q", a.Clause, a.Start, a.End, r.Quote, a.Exact)
		case r.Rects == 0:
			t.Errorf("%s [%d, %d): nothing is painted", a.Clause, a.Start, a.End)
		default:
			highlighted++
		}
	}
	t.Logf("%d of %d annotations highlighted exactly their quote", highlighted, s.Len())
}

// annotationsOn makes annotations of every kind: random spans in every
// clause, whole clauses, the first and last words of clauses, untagged ones
// with labels, and two orphans.
func annotationsOn(t *testing.T, doc *annotations.Document) *annotations.Set {
	t.Helper()
	s := annotations.NewSet(doc, time.Now)
	rng := rand.New(rand.NewPCG(53, 11))
	add := func(clause string, start, end int, tag annotations.Tag, labels []string) {
		a, err := s.Create(clause, start, end, tag, "note", "")
		if err != nil {
			t.Fatal(err)
		}
		if labels != nil {
			a.Labels = labels
			if _, err := s.Update(a); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, c := range doc.Clauses {
		n := doc.ClauseLen(c.ID)
		for range 3 {
			start := rng.IntN(n)
			add(c.ID, start, start+1+rng.IntN(min(n-start, 150)), annotations.Tags[rng.IntN(3)], nil)
		}
		switch i % 4 {
		case 0:
			add(c.ID, 0, n, annotations.Concern, nil)
		case 1:
			add(c.ID, 0, min(n, 9), "", []string{"UNGA"})
		case 2:
			add(c.ID, max(0, n-12), n, annotations.Request, []string{"follow-up", "Third Committee"})
		}
	}
	orphans := []annotations.Annotation{
		{ID: "urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d", Clause: "", Start: 0, End: 12, Exact: "not the text", Tag: annotations.Concern},
		{ID: "urn:uuid:1b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d", Clause: "op21", Start: 5, End: 17, Exact: "not the text", Tag: annotations.Request},
	}
	for i := range orphans {
		orphans[i].Created, orphans[i].Modified = time.Now(), time.Now()
	}
	all := append(s.All(), orphans...)
	out := annotations.NewSet(doc, time.Now)
	if _, err := out.Load(all); err != nil {
		t.Fatal(err)
	}
	if out.Counts().Orphans != 2 {
		t.Fatalf("%d orphans, want 2", out.Counts().Orphans)
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return "<nothing>"
	}
	return *s
}

// browser starts headless Chromium; it stops at the end of the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := chromium()
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// chromium finds Debian's Chromium.
func chromium() (string, error) {
	for _, p := range []string{"/usr/lib/chromium/chromium", "/usr/bin/chromium"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("chromium is not installed: run 'make test-deps' (apt-get install chromium)")
}
