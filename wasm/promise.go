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
	value, reason, rejected, err := awaitSettled(op, p)
	if err != nil {
		return safejs.Undefined(), err
	}
	if rejected {
		err := exceptionError(op, reason, false)
		if err == nil {
			err = &DOMError{Op: op, Name: "Error", Message: "promise rejected without a reason"}
		}
		return safejs.Undefined(), err
	}
	return value, nil
}

// awaitSettled waits for the JavaScript promise p to settle, like await,
// and returns its value, or its rejection reason as it is (rejected is
// then true), for callers that read more of the reason than its name and
// message. err reports a failure to wait: p is not a promise.
func awaitSettled(op string, p safejs.Value) (value, reason safejs.Value, rejected bool, err error) {
	if p.Type() != safejs.TypeObject {
		return safejs.Undefined(), safejs.Undefined(), false, fmt.Errorf("%s: expected a promise, got a JavaScript %s", op, p.Type())
	}
	type settled struct {
		value    safejs.Value
		rejected bool
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
		return safejs.Undefined(), safejs.Undefined(), false, fmt.Errorf("%s: %w", op, err)
	}
	defer onFulfilled.Release()
	onRejected, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		done <- settled{value: arg0(args), rejected: true}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), safejs.Undefined(), false, fmt.Errorf("%s: %w", op, err)
	}
	defer onRejected.Release()
	if _, err := p.Call("then", onFulfilled, onRejected); err != nil {
		return safejs.Undefined(), safejs.Undefined(), false, callError(op, err, false)
	}
	s := <-done
	if s.rejected {
		return safejs.Undefined(), s.value, true, nil
	}
	return s.value, safejs.Undefined(), false, nil
}
