package server

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/browser"
)

// workerHarness runs the service worker the server serves in Node, with
// Cache Storage, fetch and the worker's globals stubbed, then runs the
// test's script (which may await) and prints what it returns as JSON.
// The shell cached under "/" is the page the server renders at "/".
const workerHarness = `
const fs = require("fs");
const vm = require("vm");
const [workerFile, shellFile, pagesFile, script] = process.argv.slice(2);
const stores = new Map(); // cache name → Map(key → {body, headers})
const keyOf = (r) => (typeof r === "string" ? r : new URL(r.url).pathname + new URL(r.url).search);
function cacheOf(name) {
  if (!stores.has(name)) stores.set(name, new Map());
  const m = stores.get(name);
  return {
    match: async (r) => {
      const e = m.get(keyOf(r));
      return e ? new Response(e.body, { headers: e.headers }) : undefined;
    },
  };
}
const caches = {
  open: async (name) => cacheOf(name),
  has: async (name) => stores.has(name),
  keys: async () => [...stores.keys()],
  delete: async (name) => stores.delete(name),
};
const listeners = {};
const sandbox = {
  self: { location: { origin: "http://127.0.0.1:8000" }, skipWaiting: async () => {}, clients: { claim: async () => {} },
    addEventListener: (type, f) => { listeners[type] = f; } },
  caches, URL, Response, Headers, console: { log() {}, error() {} },
  fetch: async (r) => new Response("from the network: " + keyOf(r)),
  clients: {},
};
sandbox.addEventListener = sandbox.self.addEventListener;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(workerFile, "utf8"), sandbox);
sandbox.stores = stores;
sandbox.listeners = listeners;
sandbox.shell = fs.readFileSync(shellFile, "utf8");
sandbox.pages = JSON.parse(fs.readFileSync(pagesFile, "utf8"));
sandbox.put = (cache, key, body, headers) => { cacheOf(cache); stores.get(cache).set(key, { body, headers: headers || {} }); };
sandbox.nav = (path) => ({ url: "http://127.0.0.1:8000" + path, mode: "navigate" });
const run = vm.runInContext("(async () => {" + script + "})()", sandbox);
run.then((v) => process.stdout.write(JSON.stringify(v)), (e) => { console.error(e); process.exit(1); });
`

// runWorker runs script against the server's service worker (workerHarness)
// with the pages given kept, and decodes its result into out.
func runWorker(t *testing.T, pages map[string]any, script string, out any) {
	t.Helper()
	h, err := New(Options{WebDir: testWeb(t), Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"worker.js":  body(t, get(t, h, "/app-worker.js", nil)),
		"shell.html": body(t, get(t, h, "/", nil)),
		"harness.js": workerHarness,
	}
	p, err := json.Marshal(pages)
	if err != nil {
		t.Fatal(err)
	}
	files["pages.json"] = string(p)
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is needed to run the service worker's code (apt-get install nodejs):", err)
	}
	cmd := exec.Command(node, filepath.Join(dir, "harness.js"), filepath.Join(dir, "worker.js"), filepath.Join(dir, "shell.html"), filepath.Join(dir, "pages.json"), script)
	res, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("node: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	if err := json.Unmarshal(res, out); err != nil {
		t.Fatalf("the script's result %q: %v", res, err)
	}
}

// keptScript caches the shell and the pages (pages: name of the cache →
// key → body), then loads path as a navigation and returns the page.
const keptScript = `
put(cacheName, "/", shell, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "br" });
for (const [cache, byKey] of Object.entries(pages)) {
  for (const [key, body] of Object.entries(byKey)) put(cache, key, JSON.stringify(body));
}
const results = {};
for (const path of ["/d/A-RES-1", "/d/A-RES-1?x=1", "/d/A-RES-2", "/library"]) {
  const r = await fetchWithCache(nav(path));
  results[path] = { body: await r.text(), type: r.headers.get("Content-Type"), encoding: r.headers.get("Content-Encoding") };
}
const other = await fetchWithCache({ url: "http://other.example/d/A-RES-1", mode: "navigate" });
results.other = { body: await other.text() };
const sub = await fetchWithCache({ url: "http://127.0.0.1:8000/d/A-RES-1", mode: "same-origin" });
results.sub = { body: await sub.text() };
return results;
`

type workerPage struct{ Body, Type, Encoding string }

func TestTheWorkerServesAKeptPageInTheAppShellWithTheCopyAfterTheAppsElement(t *testing.T) {
	cache := browser.KeptPagesCache("v1")
	html := `<div class="cm-app"><article class="cm-doc"><mark data-annotation="a1">Requests</mark> “quoted” &amp; &lt;b&gt;</article></div>`
	pages := map[string]any{cache: map[string]any{
		"/d/A-RES-1": map[string]any{"version": "v1", "title": `Clausemark — A/RES/1 <script>"x"</script>`, "digest": `A-RES-1 "><script>`, "html": html},
	}}
	var got map[string]workerPage
	runWorker(t, pages, keptScript, &got)
	page := got["/d/A-RES-1"]
	if !strings.Contains(page.Body, `<body>
<div class="cm-app"></div>
<div class="cm-kept" data-digest="A-RES-1 &quot;&gt;&lt;script&gt;">`+html+"</div>") {
		t.Fatalf("the page lacks the app's empty element followed by the copy:\n%.3000s", page.Body)
	}
	if strings.Count(page.Body, `class="cm-doc"`) != 1 || strings.Count(page.Body, "<body>") != 1 {
		t.Errorf("the shell's own document is still in the page, or the body is doubled:\n%.3000s", page.Body)
	}
	for _, want := range []string{`id="app-wasm-loader"`, `src="/app.js"`, `http-equiv="Content-Security-Policy"`,
		"<title>Clausemark — A/RES/1 &lt;script&gt;&quot;x&quot;&lt;/script&gt;</title>", "</html>"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the page lacks %s:\n%.3000s", want, page.Body)
		}
	}
	if page.Type != "text/html; charset=utf-8" || page.Encoding != "" {
		t.Errorf("the page is served as %q, encoding %q; want text/html and no encoding (the body is text)", page.Type, page.Encoding)
	}
	// What is not a document's own page, kept, goes as before: from the
	// cache of the app's files, or the network.
	for path, want := range map[string]string{
		"/d/A-RES-1?x=1": "from the network: /d/A-RES-1?x=1",
		"/d/A-RES-2":     "from the network: /d/A-RES-2",
		"/library":       "from the network: /library",
		"other":          "from the network: /d/A-RES-1",
		"sub":            "from the network: /d/A-RES-1",
	} {
		if got[path].Body != want {
			t.Errorf("%s: served %.200q, want %q", path, got[path].Body, want)
		}
	}
}

func TestTheWorkerServesNoCopyKeptByAnotherVersionOrMalformed(t *testing.T) {
	for name, pages := range map[string]map[string]any{
		"a copy of another version in this version's cache": {browser.KeptPagesCache("v1"): map[string]any{
			"/d/A-RES-1": map[string]any{"version": "v0", "title": "t", "digest": "d", "html": "<div>old</div>"}}},
		"a copy in another version's cache": {browser.KeptPagesCache("v0"): map[string]any{
			"/d/A-RES-1": map[string]any{"version": "v1", "title": "t", "digest": "d", "html": "<div>old</div>"}}},
		"a copy without its digest": {browser.KeptPagesCache("v1"): map[string]any{
			"/d/A-RES-1": map[string]any{"version": "v1", "title": "t", "html": "<div>old</div>"}}},
		"a copy that is not JSON": {browser.KeptPagesCache("v1"): map[string]any{"/d/A-RES-1": "{"}},
	} {
		t.Run(name, func(t *testing.T) {
			var got map[string]workerPage
			runWorker(t, pages, keptScript, &got)
			if b := got["/d/A-RES-1"].Body; b != "from the network: /d/A-RES-1" {
				t.Errorf("served %.300q, want the network's page", b)
			}
		})
	}
}

func TestTheWorkersActivationKeepsItsVersionsPagesAndDeletesTheOthers(t *testing.T) {
	script := `
put(cacheName, "/", shell);
put("app-v0", "/", shell);
put("` + browser.KeptPagesCache("v1") + `", "/d/A", "{}");
put("` + browser.KeptPagesCache("v0") + `", "/d/A", "{}");
await deletePreviousCaches();
return [...stores.keys()].sort();
`
	var got []string
	runWorker(t, nil, script, &got)
	want := []string{"app-v1", browser.KeptPagesCache("v1")}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("caches after activation: %q, want %q", got, want)
	}
}

func TestTheWorkerAnswersADocumentPageWithTheShellWhenTheNetworkFailsAndNothingIsKept(t *testing.T) {
	script := `
put(cacheName, "/", shell);
fetch = async () => { throw new TypeError("Failed to fetch"); };
const page = await fetchWithCache(nav("/d/A-RES-9"));
let failed = "";
try { await fetchWithCache({ url: "http://127.0.0.1:8000/web/missing.css", mode: "no-cors" }); } catch (e) { failed = String(e); }
return { page: await page.text(), failed };
`
	var got struct{ Page, Failed string }
	runWorker(t, nil, script, &got)
	if !strings.Contains(got.Page, `<aside`) || strings.Contains(got.Page, "cm-kept") {
		t.Errorf("offline, /d/A-RES-9 is not the app shell:\n%.500s", got.Page)
	}
	if !strings.Contains(got.Failed, "Failed to fetch") {
		t.Errorf("a file neither cached nor fetched: %q, want the fetch's error", got.Failed)
	}
}
