//go:build !js

package chromium

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// WaitAppReady waits until Clausemark's wasm has loaded and the app is
// mounted (.cm-app[data-ready], no loader left). The error says what the
// loader showed, if anything.
func WaitAppReady(tab context.Context, timeout time.Duration) error {
	err := Poll(tab, "the app to start",
		`!!document.querySelector('.cm-app[data-ready]') && !document.getElementById('app-wasm-loader')`, timeout)
	if err != nil {
		label, _ := Eval[string](tab, `(document.getElementById('app-wasm-loader-label') || {}).innerText || ''`)
		if label != "" {
			err = fmt.Errorf("%w (the loader says %q)", err, label)
		}
	}
	return err
}

// WaitCached waits until a service worker controls the page and one of its
// caches holds every path, so that the page can load with no server.
func WaitCached(tab context.Context, timeout time.Duration, paths ...string) error {
	var match []string
	for _, p := range paths {
		match = append(match, "await c.match("+strconv.Quote(p)+")")
	}
	cond := "true"
	if len(match) > 0 {
		cond = strings.Join(match, " && ")
	}
	return Poll(tab, "the service worker's cache of "+strings.Join(paths, ", "), `(async () => {
		if (!navigator.serviceWorker.controller) return false;
		for (const k of await caches.keys()) {
			const c = await caches.open(k);
			if (`+cond+`) return true;
		}
		return false;
	})()`, timeout)
}
