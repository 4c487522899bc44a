//go:build js && wasm

package wasm

import (
	"context"

	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/hack-pad/safejs"
)

// transact runs one transaction on the annotations object store with
// go-indexeddb and returns once it has finished: nil once it committed, an
// error if it aborted.
//
// build issues the transaction's requests. It runs synchronously, before the
// browser gets a chance to commit. If it returns an error (a request that
// threw, for instance), the transaction is aborted, so none of its writes
// happen, and transact returns that error. Otherwise transact commits at
// once, rather than when the browser notices that no request is left.
func (s *Store) transact(op string, mode idb.TransactionMode, build func(store *idb.ObjectStore) error) error {
	tx, store, err := s.begin(op, mode)
	if err != nil {
		return err
	}
	if err := build(store); err != nil {
		return finish(op, tx, err)
	}
	_ = tx.Commit() // fails only if the transaction is already finishing: fine
	return finish(op, tx, nil)
}

// begin starts a transaction on the annotations object store.
//
// Read-write transactions ask for "strict" durability: complete then means
// the data reached the disk, not only the operating system, so a "saved"
// shown after a write is true even across a power cut.
func (s *Store) begin(op string, mode idb.TransactionMode) (*idb.Transaction, *idb.ObjectStore, error) {
	db, err := s.database(op)
	if err != nil {
		return nil, nil, err
	}
	options := idb.TransactionOptions{Mode: mode}
	if mode == idb.TransactionReadWrite {
		options.Durability = idb.DurabilityStrict
	}
	tx, err := db.TransactionWithOptions(options, storeName)
	if err != nil {
		return nil, nil, idbError(op, err, false)
	}
	store, err := tx.ObjectStore(storeName)
	if err != nil {
		_ = tx.Abort()
		return nil, nil, idbError(op, err, false)
	}
	return tx, store, nil
}

// finish waits for tx to finish and returns its error. If failed is not
// nil, issuing the requests failed: finish aborts tx first and returns
// failed.
//
// It must be called before the goroutine blocks on anything else: the
// browser can only finish the transaction once Go waits, and Await misses
// events that came before it.
//
// Transaction.Await returns at the first request error, when the browser
// is about to abort the transaction; every abort happens then, before the
// abort event, so a transaction started after finish returns sees the
// database as it was.
func finish(op string, tx *idb.Transaction, failed error) error {
	if failed != nil {
		// Abort throws if the transaction is finishing or finished. Its
		// events may then be over, and Await would wait for ever.
		if tx.Abort() == nil {
			_ = tx.Await(context.Background())
		}
		return idbError(op, failed, false)
	}
	return idbError(op, tx.Await(context.Background()), false)
}

// readRaw runs one read-only transaction on the annotations object store
// with plain IndexedDB calls on the Store's connection, and returns once it
// has finished: nil after its complete event, an error after its abort
// event. List uses it because go-indexeddb has no getAll (only getAllKeys:
// idb/base_object_store.go, idb/index.go).
//
// build issues the transaction's requests, synchronously. If it returns an
// error, the transaction is aborted and readRaw returns that error once the
// abort is done.
func (s *Store) readRaw(op string, build func(store safejs.Value) error) error {
	db, err := s.rawDatabase(op)
	if err != nil {
		return err
	}
	tx, err := db.Call("transaction", storeName, "readonly")
	if err != nil {
		return callError(op, err, false)
	}
	done, stop, err := onTransactionEnd(op, tx)
	if err != nil {
		return err
	}
	defer stop()

	store, err := tx.Call("objectStore", storeName)
	if err != nil {
		err = callError(op, err, false)
	} else {
		err = build(store)
	}
	if err != nil {
		_, _ = tx.Call("abort") // throws only if already finishing: fine
		<-done
		return err
	}
	_, _ = tx.Call("commit") // throws only if already finishing: fine
	return <-done
}

// abortError returns the error of an aborted transaction: the DOMException
// that caused the abort (transaction.error), or an AbortError if it was
// aborted without one.
func abortError(op string, tx safejs.Value) error {
	if e, err := tx.Get("error"); err == nil {
		if err := exceptionError(op, e, false); err != nil {
			return err
		}
	}
	return &DOMError{Op: op, Name: "AbortError", Message: "the transaction was aborted"}
}

// onTransactionEnd listens for the end of a transaction: done receives nil
// when it completes, its abort error otherwise; stop stops listening. When
// it cannot listen, the transaction is aborted and err says why.
func onTransactionEnd(op string, tx safejs.Value) (done chan error, stop func(), err error) {
	done = make(chan error, 1)
	stop, err = listen(tx, func(event safejs.Value) {
		var result error
		if stringProp(event, "type") != "complete" {
			result = abortError(op, tx)
		}
		select {
		case done <- result:
		default:
		}
	}, "complete", "abort")
	if err != nil {
		_, _ = tx.Call("abort")
		return nil, nil, callError(op, err, false)
	}
	return done, stop, nil
}
