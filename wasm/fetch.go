//go:build js && wasm

package wasm

import (
	"fmt"

	"github.com/clausemark/clausemark/browser"
	"github.com/hack-pad/safejs"
)

// FetchText fetches a same-origin URL (through the service worker, so it
// works offline once cached) and returns its body. When the page's app.js
// started fetching that URL as the page started (browser.EarlyFetches:
// the resolution the server serves), it takes that response, once; if
// that fetch failed, it fetches again. It blocks: do not call it from a
// JavaScript callback.
func FetchText(url string) ([]byte, error) {
	op := "fetch " + url
	if p, ok := earlyFetch(url); ok {
		if data, err := responseBytes(op, p); err == nil {
			return data, nil
		}
	}
	fetch, err := safejs.Global().Get("fetch")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	p, err := fetch.Invoke(url)
	if err != nil {
		return nil, callError(op, err, false)
	}
	return responseBytes(op, p)
}

// earlyFetch takes the response app.js started fetching for url, if it
// did: the next FetchText of url fetches it again.
func earlyFetch(url string) (safejs.Value, bool) {
	fetches, err := safejs.Global().Get(browser.EarlyFetches)
	if err != nil || fetches.Type() != safejs.TypeObject {
		return safejs.Undefined(), false
	}
	p, err := fetches.Get(url)
	if err != nil || p.Type() != safejs.TypeObject {
		return safejs.Undefined(), false
	}
	if err := fetches.Delete(url); err != nil {
		return safejs.Undefined(), false
	}
	return p, true
}

// responseBytes awaits the promise of a fetch's response and returns its
// body, or says why there is none (the request failed, or an HTTP error).
func responseBytes(op string, p safejs.Value) ([]byte, error) {
	res, err := await(op, p)
	if err != nil {
		return nil, err
	}
	okV, err := res.Get("ok")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if ok, _ := okV.Bool(); !ok {
		status, _ := res.Get("status")
		code, _ := status.Int()
		return nil, fmt.Errorf("%s: HTTP status %d", op, code)
	}
	bufP, err := res.Call("arrayBuffer")
	if err != nil {
		return nil, callError(op, err, false)
	}
	buf, err := await(op, bufP)
	if err != nil {
		return nil, err
	}
	u8, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	arr, err := u8.New(buf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	n, err := arr.Length()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	data := make([]byte, n)
	if _, err := safejs.CopyBytesToGo(data, arr); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return data, nil
}
