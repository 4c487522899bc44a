//go:build js && wasm

package wasm

import (
	"fmt"
	"time"

	"github.com/hack-pad/safejs"
)

// revokeDelay is how long Download keeps the object URL alive after the
// click: the browser needs it to start the download.
var revokeDelay = time.Second

// Download makes the browser save data as a file named filename, as if the
// user had clicked a download link: it wraps data in a Blob of type mimeType
// (application/octet-stream if empty), gives it an object URL, clicks a
// temporary <a download> element, removes it, and revokes the URL a second
// later. It does not wait for the download.
func Download(filename, mimeType string, data []byte) (err error) {
	op := fmt.Sprintf("download %q", filename)
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	wrap := func(err error) error { return callError(op, err, false) }
	g := safejs.Global()

	u8, err := g.Get("Uint8Array")
	if err != nil {
		return wrap(err)
	}
	bytes, err := u8.New(len(data))
	if err != nil {
		return wrap(err)
	}
	if _, err := safejs.CopyBytesToJS(bytes, data); err != nil {
		return wrap(err)
	}
	blobCtor, err := g.Get("Blob")
	if err != nil {
		return wrap(err)
	}
	blob, err := blobCtor.New([]any{bytes}, map[string]any{"type": mimeType})
	if err != nil {
		return wrap(err)
	}
	url, err := g.Get("URL")
	if err != nil {
		return wrap(err)
	}
	href, err := url.Call("createObjectURL", blob)
	if err != nil {
		return wrap(err)
	}
	// From here on, the URL must be revoked whatever happens.
	defer func() {
		if err != nil {
			_, _ = url.Call("revokeObjectURL", href)
			return
		}
		if terr := revokeLater(url, href); terr != nil {
			_, _ = url.Call("revokeObjectURL", href)
		}
	}()

	doc, err := g.Get("document")
	if err != nil {
		return wrap(err)
	}
	if doc.Type() != safejs.TypeObject {
		return &DOMError{Op: op, Message: "no document to click a link in"}
	}
	a, err := doc.Call("createElement", "a")
	if err != nil {
		return wrap(err)
	}
	for _, set := range []struct {
		name  string
		value any
	}{{"href", href}, {"download", filename}, {"rel", "noopener"}} {
		if err := a.Set(set.name, set.value); err != nil {
			return wrap(err)
		}
	}
	if style, err := a.Get("style"); err == nil && style.Type() == safejs.TypeObject {
		_ = style.Set("display", "none")
	}
	body, err := doc.Get("body")
	if err != nil {
		return wrap(err)
	}
	if body.Type() != safejs.TypeObject {
		return &DOMError{Op: op, Message: "the document has no body"}
	}
	if _, err := body.Call("appendChild", a); err != nil {
		return wrap(err)
	}
	_, clickErr := a.Call("click")
	_, removeErr := a.Call("remove")
	if clickErr != nil {
		return wrap(clickErr)
	}
	return wrap(removeErr)
}

// revokeLater revokes the object URL href after revokeDelay with a timer of
// the page: it needs no goroutine and fires even if the Go program exits.
func revokeLater(url, href safejs.Value) error {
	var f safejs.Func
	f, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		_, _ = url.Call("revokeObjectURL", href)
		f.Release()
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := safejs.Global().Call("setTimeout", f, revokeDelay.Milliseconds()); err != nil {
		f.Release()
		return err
	}
	return nil
}
