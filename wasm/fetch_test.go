//go:build js && wasm

package wasm

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/clausemark/clausemark/browser"
)

// setEarlyFetches sets app.js's early fetches (browser.EarlyFetches) to
// the object the JavaScript expression makes, and removes it after the
// test.
func setEarlyFetches(t *testing.T, expr string) {
	t.Helper()
	js.Global().Call("eval", "globalThis."+browser.EarlyFetches+" = "+expr)
	t.Cleanup(func() { js.Global().Delete(browser.EarlyFetches) })
}

func TestFetchTextTakesTheResponseAppJSFetchedOnce(t *testing.T) {
	const url = "data:text/plain,fetched%20now"
	setEarlyFetches(t, `{"`+url+`": Promise.resolve(new Response("fetched early: Déjà vu"))}`)
	got, err := FetchText(url)
	if err != nil || string(got) != "fetched early: Déjà vu" {
		t.Fatalf("FetchText = %q, %v; want the early response", got, err)
	}
	// Taken once: the next fetch is a fetch.
	got, err = FetchText(url)
	if err != nil || string(got) != "fetched now" {
		t.Errorf("FetchText again = %q, %v; want a new fetch", got, err)
	}
}

func TestFetchTextFetchesAgainWhenTheEarlyFetchFailed(t *testing.T) {
	const url = "data:text/plain,fetched%20now"
	for name, early := range map[string]string{
		"rejected":   `Promise.reject(new TypeError("Failed to fetch"))`,
		"HTTP error": `Promise.resolve(new Response("", {status: 503}))`,
	} {
		t.Run(name, func(t *testing.T) {
			setEarlyFetches(t, `{"`+url+`": `+early+`}`)
			got, err := FetchText(url)
			if err != nil || string(got) != "fetched now" {
				t.Errorf("FetchText = %q, %v; want the text fetched again", got, err)
			}
		})
	}
}

func TestFetchTextSaysWhyItHasNoText(t *testing.T) {
	const url = "http://127.0.0.1:1/unreachable.txt" // nothing listens on port 1
	setEarlyFetches(t, `{"`+url+`": fetch("`+url+`")}`)
	_, err := FetchText(url)
	if err == nil || !strings.Contains(err.Error(), "fetch "+url) {
		t.Errorf("FetchText of an unreachable server: %v; want an error naming the URL", err)
	}
}
