//go:build js && wasm

package wasm

import (
	"fmt"

	"github.com/hack-pad/safejs"
)

// await waits for the JavaScript promise p to settle and returns its value,
// or its rejection reason as an error made by exceptionError with op. It
// blocks the calling goroutine, not the JavaScript event loop, so it must
// not be called directly from a JavaScript callback.
func await(op string, p safejs.Value) (safejs.Value, error) {
	if p.Type() != safejs.TypeObject {
		return safejs.Undefined(), fmt.Errorf("%s: expected a promise, got a JavaScript %s", op, p.Type())
	}
	type settled struct {
		value safejs.Value
		err   error
	}
	done := make(chan settled, 1)
	arg0 := func(args []safejs.Value) safejs.Value {
		if len(args) == 0 {
			return safejs.Undefined()
		}
		return args[0]
	}
	onFulfilled, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		done <- settled{value: arg0(args)}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), fmt.Errorf("%s: %w", op, err)
	}
	defer onFulfilled.Release()
	onRejected, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		err := exceptionError(op, arg0(args), false)
		if err == nil {
			err = &DOMError{Op: op, Name: "Error", Message: "promise rejected without a reason"}
		}
		done <- settled{err: err}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), fmt.Errorf("%s: %w", op, err)
	}
	defer onRejected.Release()
	if _, err := p.Call("then", onFulfilled, onRejected); err != nil {
		return safejs.Undefined(), callError(op, err, false)
	}
	s := <-done
	return s.value, s.err
}
