package server

import (
	"fmt"
	"strings"

	"github.com/clausemark/clausemark/browser"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The service worker is go-app's, with three changes.
//
// A page the cache does not hold (a document's own URL, /d/{id}, opened for
// the first time offline) is answered, when the network fails, with the
// cached app shell "/", whose wasm then shows the document the URL names.
//
// The page of a document the app kept a copy of is answered with that copy
// in the app shell, so that the document and its highlights are in the
// first paint (workerKeptPage). The cache of the app's own files is the
// only one the worker answers other requests from.
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
  const cache = await caches.open(cacheName);
  if (request.mode === "navigate") {
    const kept = await keptPage(request, cache);
    if (kept) {
      return kept;
    }
  }
  const cachedResponse = await cache.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === "navigate") {
      const shell = await cache.match("/");
      if (shell) {
        return shell;
      }
    }
    throw err;
  }
}
` + workerKeptPage

// KeptPagesCachePrefix starts the name of the cache of the pages the app
// keeps for the worker (browser.KeptPagesCachePrefix; the version ends it).
const KeptPagesCachePrefix = browser.KeptPagesCachePrefix

// workerKeptPage answers the load of a document's page (/d/{id}, no query)
// with the copy of it the app kept the last time it showed it (see
// browser.KeptPage), spliced into the cached app shell "/": the body's
// app element is emptied (go-app renders into it) and the copy follows it
// in a div.cm-kept, which the style sheet shows instead of the app until
// the app has its own document on screen and removes the copy. A copy kept
// by another version of the app, or anything unexpected, gives null: the
// page loads as it did without a copy. It matches only its own origin's
// pages, and the copy is HTML the browser serialised from the app's page
// (text escaped); what the worker adds to it is escaped here.
const workerKeptPage = `
const keptPagesCacheName = "` + KeptPagesCachePrefix + `" + "{{.Version}}";

async function keptPage(request, cache) {
  try {
    const url = new URL(request.url);
    if (url.origin !== self.location.origin || !url.pathname.startsWith("/d/") || url.search !== "") {
      return null;
    }
    if (!(await caches.has(keptPagesCacheName))) {
      return null;
    }
    const pages = await caches.open(keptPagesCacheName);
    const [entry, shell] = await Promise.all([pages.match(url.pathname), cache.match("/")]);
    if (!entry || !shell) {
      return null;
    }
    const page = await entry.json();
    if (!page || page.version !== "{{.Version}}" || typeof page.html !== "string" || typeof page.digest !== "string") {
      return null;
    }
    const html = await shell.text();
    // go-app writes an element's attributes in any order.
    const body = /<body[^>]*>/.exec(html);
    const loader = /<aside[^>]*\sid="app-wasm-loader"/.exec(html);
    if (!body || !loader || loader.index < body.index) {
      return null;
    }
    let out = html.slice(0, body.index) + body[0] +
      '\n<div class="cm-app"></div>\n<div class="cm-kept" data-digest="' + keptEscape(page.digest) + '">' +
      page.html + "</div>\n" + html.slice(loader.index);
    if (typeof page.title === "string") {
      out = out.replace(/<title>[^<]*<\/title>/, "<title>" + keptEscape(page.title) + "</title>");
    }
    const headers = new Headers(shell.headers);
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    headers.set("Content-Type", "text/html; charset=utf-8");
    return new Response(out, { status: 200, headers: headers });
  } catch (err) {
    return null; // the page loads without the copy
  }
}

function keptEscape(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}`

// workerKeepPages: activation deletes the caches of other versions, the
// pages kept by this version's app excepted (it may have kept some before
// the worker activated).
const (
	workerDeleteCaches   = `if (key !== cacheName) {`
	workerKeepPagesCache = `if (key !== cacheName && key !== keptPagesCacheName) {`
)

// workerTemplate is the service worker template the handler uses.
func workerTemplate() (string, error) {
	if !strings.Contains(app.DefaultAppWorkerJS, workerFetch) {
		return "", fmt.Errorf("go-app's service worker changed: its fetch handler is not the one Clausemark extends")
	}
	if !strings.Contains(app.DefaultAppWorkerJS, workerInstall) {
		return "", fmt.Errorf("go-app's service worker changed: its install is not the one Clausemark replaces")
	}
	if strings.Count(app.DefaultAppWorkerJS, workerDeleteCaches) != 1 {
		return "", fmt.Errorf("go-app's service worker changed: its activation does not delete the other caches as Clausemark expects")
	}
	js := strings.Replace(app.DefaultAppWorkerJS, workerFetch, workerFetchWithShell, 1)
	js = strings.Replace(js, workerDeleteCaches, workerKeepPagesCache, 1)
	return strings.Replace(js, workerInstall, workerInstallFromHTTPCache, 1), nil
}
