//go:build js && wasm

package wasm

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/hack-pad/safejs"
)

// listen adds one Go function as the listener of the given event types on
// target (an EventTarget). The function gets the event, or undefined if the
// browser passed none. It runs inside the JavaScript callback, so it must not
// block. The returned stop function removes the listener and releases the
// Go function; it is safe to call more than once, even from the listener.
//
// A panic in fn would end the Go program, and with it the app: the listener
// recovers it and reports it on the console instead.
func listen(target safejs.Value, fn func(event safejs.Value), types ...string) (stop func(), err error) {
	f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		defer func() {
			if p := recover(); p != nil {
				reportPanic(p, types)
			}
		}()
		event := safejs.Undefined()
		if len(args) > 0 {
			event = args[0]
		}
		fn(event)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var added []string
	var once sync.Once
	stop = func() {
		once.Do(func() {
			for _, t := range added {
				_, _ = target.Call("removeEventListener", t, f) // best effort
			}
			f.Release()
		})
	}
	for _, t := range types {
		if _, err := target.Call("addEventListener", t, f); err != nil {
			stop()
			return nil, err
		}
		added = append(added, t)
	}
	return stop, nil
}

// reportPanic writes a recovered panic of an event listener to the console.
// Tests replace it.
var reportPanic = func(p any, types []string) {
	msg := fmt.Sprintf("clausemark/wasm: panic in a listener of %v events: %v\n%s", types, p, debug.Stack())
	if console, err := safejs.Global().Get("console"); err == nil {
		_, _ = console.Call("error", msg)
	}
}
