package server

import (
	"bytes"
	"fmt"
	"regexp"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/browser"
)

// go-app's app.js, with two changes (RewriteAppJS):
//
// app.wasm is compiled while it downloads. go-app passes
// WebAssembly.instantiateStreaming a Response it makes itself, from a
// stream that counts the bytes for the loader's percentage; the response
// the browser fetched goes to instantiateStreaming as it is (its URL and
// type intact, which lets Chromium keep the compiled code for the next
// load), and a clone of it is read to show the progress. A response that
// is not application/wasm (a static host that does not know the type) is
// read whole, then compiled.
//
// The service worker is registered once the page has loaded and app.wasm
// has been compiled, rather than first thing. Its install then finds what
// it caches in the browser's HTTP cache (see the worker's install in
// worker.go) instead of downloading it a second time, and does not compete
// with the page for the network and the two cores while the page loads.

// The call that loads app.wasm, in goappInitWebAssembly.
var appJSInstantiate = regexp.MustCompile(`const wasm = await instantiateStreaming\(\s*fetchWithProgress\(("[^"]*"), showProgress\),\s*go\.importObject\s*\);`)

const appJSInstantiateWith = `const wasm = await goappInstantiate(${1}, go.importObject, showProgress);`

// The calls at the start of app.js.
const appJSStart = `goappInitServiceWorker();
goappWatchForUpdate();
goappWatchForInstallable();
goappInitWebAssembly();
`

const appJSStartWith = `goappFetchEarly();
goappWatchForUpdate();
goappWatchForInstallable();
goappMarkKeptPainted().then(goappInitWebAssembly).finally(goappRegisterWorkerAfterLoad);
`

// appJSFunctions are added at the end of app.js.
const appJSFunctions = `
// -----------------------------------------------------------------------------
// Clausemark
// -----------------------------------------------------------------------------

// goappInstantiate fetches app.wasm and compiles it while it downloads,
// showing the progress against goappWasmContentLength (the raw size).
async function goappInstantiate(url, importObject, progress) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(url + ": " + response.status + " " + response.statusText);
  }
  goappShowProgress(response.clone(), progress);
  const type = (response.headers.get("Content-Type") || "").split(";")[0].trim();
  if (WebAssembly.instantiateStreaming && type === "application/wasm") {
    return await WebAssembly.instantiateStreaming(response, importObject);
  }
  return await WebAssembly.instantiate(await response.arrayBuffer(), importObject);
}

// goappShowProgress reads a copy of app.wasm's response to show how much
// of it has arrived.
async function goappShowProgress(response, progress) {
  let total = parseInt(goappWasmContentLength, 10);
  if (!(total > 0) && goappWasmContentLengthHeader) {
    total = parseInt(response.headers.get(goappWasmContentLengthHeader), 10);
  }
  if (!(total > 0) || !response.body) {
    return;
  }
  const reader = response.body.getReader();
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      loaded += value.byteLength;
      progress(Math.min(100, Math.round((loaded * 100) / total)));
    }
  } catch (err) {
    // The load itself reports its errors.
  }
}

// goappFetchEarly starts fetching the text of the resolution the server
// serves (the app's environment names it: ` + cmapp.DocumentEnv + `) as the
// page starts, in parallel with app.wasm: the Go program asks for it
// first thing (wasm.FetchText), and takes this response instead of
// waiting for a fetch of its own once it runs.
// It runs first thing, before the rest of this script has run: it makes
// the global itself.
function goappFetchEarly() {
  const fetches = (globalThis.` + EarlyFetches + ` = {});
  const path = goappGetenv("` + cmapp.DocumentEnv + `");
  if (typeof path !== "string" || path === "") {
    return;
  }
  const response = fetch(path);
  response.catch(() => {}); // the app fetches it again, and says what failed
  fetches[path] = response;
}

// goappMarkKeptPainted marks (User Timing "` + MarkKeptPainted + `") when the
// page came with a copy of the document kept by the app (the service
// worker's div.cm-kept) and the browser has painted it, as the app marks
// a paint: in a task queued by the next animation frame. app.js is
// deferred: it runs once the page is parsed, copy included. The wasm
// starts after that mark (a frame later), so that the Go program's start
// does not hold up the paint of the copy.
function goappMarkKeptPainted() {
  if (!document.querySelector("body > .cm-kept")) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => {
      performance.mark("` + MarkKeptPainted + `");
      resolve();
    }, 0));
  });
}

// goappRegisterWorkerAfterLoad registers the service worker once the page
// has loaded.
function goappRegisterWorkerAfterLoad() {
  if (document.readyState === "complete") {
    goappInitServiceWorker();
    return;
  }
  window.addEventListener("load", () => goappInitServiceWorker(), { once: true });
}
`

// EarlyFetches is the global object of app.js whose fields are the
// responses (promises) of the fetches it starts as the page starts, by
// path (wasm.FetchText takes them).
const EarlyFetches = browser.EarlyFetches

// MarkKeptPainted is the User Timing mark app.js sets once the copy of a
// document the page came with is painted.
const MarkKeptPainted = browser.MarkKeptPainted

// RewriteAppJS returns go-app's app.js with app.wasm compiled while it
// downloads and the service worker registered after the load (see above).
// It fails when go-app's script is not the one it knows (a go-app
// upgrade).
func RewriteAppJS(js []byte) ([]byte, error) {
	if !appJSInstantiate.Match(js) {
		return nil, fmt.Errorf("go-app's app.js changed: it does not load app.wasm as Clausemark expects")
	}
	if bytes.Count(js, []byte(appJSStart)) != 1 {
		return nil, fmt.Errorf("go-app's app.js changed: it does not start as Clausemark expects")
	}
	out := appJSInstantiate.ReplaceAll(js, []byte(appJSInstantiateWith))
	out = bytes.Replace(out, []byte(appJSStart), []byte(appJSStartWith), 1)
	return append(out, appJSFunctions...), nil
}
