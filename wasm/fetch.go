//go:build js && wasm

package wasm

import (
	"fmt"

	"github.com/hack-pad/safejs"
)

// FetchText fetches a same-origin URL (through the service worker, so it
// works offline once cached) and returns its body. It blocks: do not call
// it from a JavaScript callback.
func FetchText(url string) ([]byte, error) {
	op := "fetch " + url
	fetch, err := safejs.Global().Get("fetch")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	p, err := fetch.Invoke(url)
	if err != nil {
		return nil, callError(op, err, false)
	}
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
