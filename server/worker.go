package server

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The service worker is go-app's, with two changes.
//
// A page the cache does not hold (a document's own URL, /d/{id}, opened for
// the first time offline) is answered, when the network fails, with the
// cached app shell "/", whose wasm then shows the document the URL names.
//
// Its install does not download again what the page has just loaded. The
// page registers the worker once it has loaded (see appjs.go), so the
// browser's HTTP cache holds the page, its scripts, styles and app.wasm:
// each is taken from there (cache: "force-cache") when the server marked
// it with the worker's own version (VersionHeader), and fetched again
// otherwise (an update, whose HTTP cache holds the previous version's
// files, or a static host that sends no such header). As with go-app's
// cache.addAll, nothing is cached unless everything came.

const workerInstall = `async function installWorker() {
  const cache = await caches.open(cacheName);
  await cache.addAll(resourcesToCache);
}`

const workerInstallFromHTTPCache = `async function installWorker() {
  const cache = await caches.open(cacheName);
  const responses = await Promise.all(resourcesToCache.map(fetchForCache));
  await Promise.all(
    responses.map((response, i) => cache.put(resourcesToCache[i], response))
  );
}

async function fetchForCache(url) {
  let response = await fetch(url, { cache: "force-cache" });
  if (!response.ok || response.headers.get("` + VersionHeader + `") !== "{{.Version}}") {
    response = await fetch(url, { cache: "no-cache" });
  }
  if (!response.ok) {
    throw new Error("caching " + url + ": " + response.status + " " + response.statusText);
  }
  return response;
}`

const workerFetch = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}`

const workerFetchWithShell = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === "navigate") {
      const shell = await caches.match("/");
      if (shell) {
        return shell;
      }
    }
    throw err;
  }
}`

// workerTemplate is the service worker template the handler uses.
func workerTemplate() (string, error) {
	if !strings.Contains(app.DefaultAppWorkerJS, workerFetch) {
		return "", fmt.Errorf("go-app's service worker changed: its fetch handler is not the one Clausemark extends")
	}
	if !strings.Contains(app.DefaultAppWorkerJS, workerInstall) {
		return "", fmt.Errorf("go-app's service worker changed: its install is not the one Clausemark replaces")
	}
	js := strings.Replace(app.DefaultAppWorkerJS, workerFetch, workerFetchWithShell, 1)
	return strings.Replace(js, workerInstall, workerInstallFromHTTPCache, 1), nil
}
