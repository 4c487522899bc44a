//go:build js && wasm

package wasm

import (
	"context"
	"errors"
	"fmt"

	"github.com/hack-pad/safejs"
)

// indexedDB returns the browser's IDBFactory, or an error wrapping
// ErrUnavailable if reading it throws. Unlike idb.Global, it never panics,
// and it checks again on every call rather than remembering the first
// answer (idb/db_factory.go, Global).
//
// It reads globalThis.indexedDB with a call to Reflect.get, not with Get: a
// getter that throws (a SecurityError in sandboxed frames) escapes
// syscall/js's property read, which catches nothing (valueGet in
// wasm_exec.js), and ends the program; an exception thrown by a call comes
// back as an error.
func indexedDB(op string) (safejs.Value, error) {
	reflect, err := safejs.Global().Get("Reflect")
	var factory safejs.Value
	if err == nil {
		factory, err = reflect.Call("get", safejs.Global(), "indexedDB")
	}
	if err != nil {
		// Reading indexedDB throws a SecurityError in sandboxed frames.
		err = callError(op, err, true)
		var domErr *DOMError
		if !errors.As(err, &domErr) {
			return safejs.Undefined(), &DOMError{Op: op, Message: err.Error(), Err: ErrUnavailable}
		}
		if domErr.Err == nil {
			domErr.Err = ErrUnavailable
		}
		return safejs.Undefined(), domErr
	}
	return factory, nil
}

// DeleteDatabase deletes the database name and everything in it. Open
// connections get a versionchange event first; a Store closes itself then.
// If a connection stays open, DeleteDatabase returns an error wrapping
// ErrBlocked at once, and the browser deletes the database when that
// connection closes.
//
// It makes the request with plain IndexedDB calls: go-indexeddb's
// Factory.DeleteDatabase returns a request on which only success and error
// can be awaited (idb/request.go, Request.Listen), so a blocked deletion
// would wait in silence until the other connection closes.
func DeleteDatabase(ctx context.Context, name string) error {
	op := fmt.Sprintf("IndexedDB %q delete database", name)
	factory, err := indexedDB(op)
	if err != nil {
		return err
	}
	if factory.Type() != safejs.TypeObject {
		return &DOMError{Op: op, Message: "indexedDB is " + factory.Type().String(), Err: ErrUnavailable}
	}
	req, err := factory.Call("deleteDatabase", name)
	if err != nil {
		return callError(op, err, true)
	}
	done := make(chan error, 1)
	var stop func()
	stop, err = listen(req, func(event safejs.Value) {
		var result error
		switch stringProp(event, "type") {
		case "error":
			e, _ := req.Get("error")
			result = exceptionError(op, e, true)
			stop()
		case "blocked":
			result = &DOMError{Op: op, Name: "blocked", Message: "another connection did not close on versionchange", Err: ErrBlocked}
		default: // success
			stop()
		}
		select {
		case done <- result:
		default: // the final event after blocked: nobody waits
		}
	}, "success", "error", "blocked")
	if err != nil {
		return callError(op, err, true)
	}
	select {
	case err = <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
