package server

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The service worker is go-app's, with one change: a page the cache does
// not hold (a document's own URL, /d/{id}, opened for the first time
// offline) is answered, when the network fails, with the cached app shell
// "/", whose wasm then shows the document the URL names.

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
	return strings.Replace(app.DefaultAppWorkerJS, workerFetch, workerFetchWithShell, 1), nil
}
