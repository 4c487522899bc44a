//go:build js && wasm

package wasm

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/hack-pad/safejs"
)

// PutIf writes a only if the stored record with a.ID still has the
// modified time base (or, when base is the zero time, does not exist),
// in one readwrite transaction. Otherwise it writes nothing and returns
// the stored annotation with ErrConflict (errors.Is), so the caller can
// rebase its change on it and try again.
//
// Times are compared to the millisecond, the precision the Store keeps: a
// base taken from an annotation the Store returned always matches its
// record. If the annotation was deleted since base, current is the zero
// Annotation, with ErrConflict. When a is written, current is a as stored
// (times in UTC to the millisecond) and err is nil.
//
// Like Put, PutIf needs an id and a document (ErrInvalid otherwise) and
// returns once the transaction has finished.
func (s *Store) PutIf(a annotations.Annotation, base time.Time) (current annotations.Annotation, err error) {
	op := s.op("put if")
	r, err := newRecord(a)
	if err != nil {
		return annotations.Annotation{}, &DOMError{Op: op, Message: err.Error(), Err: ErrInvalid}
	}
	written, err := r.annotation()
	if err != nil {
		return annotations.Annotation{}, &DOMError{Op: op, Message: err.Error(), Err: ErrInvalid}
	}
	text, err := json.Marshal(r)
	if err != nil {
		return annotations.Annotation{}, &DOMError{Op: op, Message: err.Error(), Err: ErrInvalid}
	}
	value, err := jsonParse(op, string(text))
	if err != nil {
		return annotations.Annotation{}, err
	}

	tx, store, err := s.begin(op, idb.TransactionReadWrite)
	if err != nil {
		return annotations.Annotation{}, err
	}
	req, err := store.Get(js.ValueOf(a.ID))
	if err != nil {
		return annotations.Annotation{}, finish(op, tx, err)
	}
	// The check and the put run in the get's success event: the browser
	// keeps a transaction active only while it dispatches an event of one of
	// its requests, and commits it once it has no request left. Awaiting
	// the get here and putting afterwards works only as long as nothing
	// blocks in between (Go's js/wasm runtime runs the woken goroutine
	// before it returns to the browser); a lock or a timer there, and the
	// transaction commits before the put. The callback must not block.
	c := &putIfCheck{op: op, id: a.ID, base: base}
	listening, stopListening := context.WithCancel(context.Background())
	defer stopListening()
	err = req.ListenSuccess(listening, func() {
		result, err := req.Result()
		if err != nil {
			c.fail(callError(op, err, false))
			_ = tx.Abort()
			return
		}
		write, err := c.check(safejs.Safe(result))
		if err != nil {
			c.fail(err)
			_ = tx.Abort()
			return
		}
		if write {
			if _, err := store.Put(safejs.Unsafe(value)); err != nil {
				c.fail(idbError(op, err, false))
				_ = tx.Abort()
				return
			}
		}
		_ = tx.Commit()
	})
	if err != nil {
		return annotations.Annotation{}, finish(op, tx, err)
	}
	if err := finish(op, tx, nil); err != nil {
		return annotations.Annotation{}, err
	}
	return c.outcome(written)
}

// putIfCheck is the decision of PutIf, made inside the get's success event
// and read once the transaction has finished.
type putIfCheck struct {
	op   string
	id   string
	base time.Time

	mu       sync.Mutex
	checked  bool
	conflict bool
	current  annotations.Annotation // the stored annotation, on conflict
	err      error
}

// check decides whether the stored record, the result of the get (undefined
// if there is none), still has the base version: whether to write.
func (c *putIfCheck) check(result safejs.Value) (write bool, err error) {
	stored, found, err := decodeRecord(c.op, c.id, result)
	if err != nil {
		return false, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checked = true
	c.current = stored
	if c.base.IsZero() {
		c.conflict = found
	} else {
		c.conflict = !found || !stored.Modified.Truncate(time.Millisecond).Equal(c.base.Truncate(time.Millisecond))
	}
	return !c.conflict, nil
}

// fail records why the transaction was aborted.
func (c *putIfCheck) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
}

// outcome returns PutIf's result once the transaction has committed:
// written, the annotation as stored, or the conflict.
func (c *putIfCheck) outcome(written annotations.Annotation) (annotations.Annotation, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.err != nil:
		return annotations.Annotation{}, c.err
	case !c.checked:
		// The transaction committed without the get's success event.
		return annotations.Annotation{}, &DOMError{Op: c.op, Message: "the transaction finished before the stored annotation was read"}
	case c.conflict:
		return c.current, &DOMError{Op: c.op, Message: c.conflictDetail(), Err: ErrConflict}
	}
	return written, nil
}

// conflictDetail explains a conflict to a developer. c.mu must be held.
func (c *putIfCheck) conflictDetail() string {
	switch {
	case c.base.IsZero():
		return fmt.Sprintf("annotation %q exists already (modified %s), expected none", c.id, c.current.Modified.Format(timeLayout))
	case c.current.ID == "":
		return fmt.Sprintf("annotation %q was deleted, expected it modified %s", c.id, c.base.UTC().Format(timeLayout))
	}
	return fmt.Sprintf("annotation %q was modified %s, expected %s", c.id, c.current.Modified.Format(timeLayout), c.base.UTC().Format(timeLayout))
}
