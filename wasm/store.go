//go:build js && wasm

package wasm

import (
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"

	"github.com/clausemark/clausemark/annotations"
	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/hack-pad/safejs"
)

// Store is the IndexedDB database of annotations. It implements
// annotations.Store. Its methods are safe for concurrent use; each one is a
// single transaction and returns once that transaction has finished, so when
// a write returns nil the data is stored.
//
// A Store closes itself when another tab needs to upgrade or delete the
// database (a versionchange event), and is closed when the browser closes
// its connection (a close event); OnClose tells the app at once.
//
// A Store holds one connection, opened by go-indexeddb, which makes its
// transactions, except for List. The same connection as a plain
// IDBDatabase serves List, for getAll, which go-indexeddb lacks, and the
// connection's events, which go-indexeddb does not expose.
type Store struct {
	name string
	db   *idb.Database // the connection
	raw  safejs.Value  // the same connection: the IDBDatabase
	stop func()        // removes the connection's listeners

	mu             sync.Mutex
	closed         bool // the connection is closed, by us or by the browser
	released       bool // Close was called
	versionChanged bool // closed because of a versionchange event
	lost           bool // closed by the browser (a close event)
	onClose        []func(error)
}

var _ annotations.Store = (*Store)(nil)

// newStore wraps an open connection, db as go-indexeddb has it and raw as
// the browser does, and listens to its events.
func newStore(name string, db *idb.Database, raw safejs.Value) (*Store, error) {
	s := &Store{name: name, db: db, raw: raw}
	stop, err := listen(raw, s.handle, "versionchange", "close")
	if err != nil {
		return nil, err
	}
	s.stop = stop
	return s, nil
}

// handle handles an event of the connection. It runs inside a JavaScript
// callback: it must not block.
//
// go-indexeddb listens to versionchange too, and closes the connection (it
// logs "Version change detected, closing DB..."); its listener comes first.
// Closing twice does no harm, and this one does not depend on it.
func (s *Store) handle(event safejs.Value) {
	typ := stringProp(event, "type")
	if typ == "versionchange" {
		// Another tab wants to upgrade or delete the database: let it.
		_ = s.db.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.released || s.versionChanged || s.lost {
		return // closed already, and told
	}
	s.closed = true
	if typ == "versionchange" {
		s.versionChanged = true
	} else {
		s.lost = true
	}
	err := s.closedErrorLocked(s.op("connection"))
	for _, f := range s.onClose {
		go f(err)
	}
}

// OnClose registers f to be called once, in its own goroutine, when the
// Store's connection closes for another reason than Close:
//
//   - another tab (usually a newer Clausemark) wants to upgrade or delete
//     the database: the Store closed itself to let it (a versionchange
//     event);
//   - the browser closed the connection: the user deleted the site's data,
//     or the browser lost the database (a close event).
//
// From then on every method fails with ErrClosed; f gets that error, whose
// message tells the user what happened and to reload the page, so the app
// can say so at once rather than at the next failed write. If the Store
// was closed that way already, f is called at once; after Close, never.
func (s *Store) OnClose(f func(err error)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onClose = append(s.onClose, f)
	if !s.released && (s.versionChanged || s.lost) {
		err := s.closedErrorLocked(s.op("connection"))
		go f(err)
	}
}

// Name returns the name of the database.
func (s *Store) Name() string { return s.name }

// Close closes the connection. Transactions already started finish first.
// Later calls fail with ErrClosed. Close may be called more than once.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.released {
		s.mu.Unlock()
		return nil
	}
	s.released, s.closed = true, true
	s.mu.Unlock()
	s.stop()
	return idbError(s.op("close"), s.db.Close(), false)
}

// database returns the connection, or ErrClosed.
func (s *Store) database(op string) (*idb.Database, error) {
	if err := s.closedError(op); err != nil {
		return nil, err
	}
	return s.db, nil
}

// rawDatabase returns the connection as an IDBDatabase, or ErrClosed.
func (s *Store) rawDatabase(op string) (safejs.Value, error) {
	if err := s.closedError(op); err != nil {
		return safejs.Undefined(), err
	}
	return s.raw, nil
}

// closedError returns an error wrapping ErrClosed if the connection is
// closed, and nil otherwise.
func (s *Store) closedError(op string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closedErrorLocked(op)
}

// closedErrorLocked is closedError with s.mu held.
func (s *Store) closedErrorLocked(op string) error {
	if !s.closed {
		return nil
	}
	reason := "the connection was closed"
	switch {
	case s.released:
		reason = "Close was called"
	case s.versionChanged:
		reason = "closed for another tab's upgrade or deletion of the database (versionchange)"
	case s.lost:
		reason = "closed by the browser, as when the site's data is deleted (close)"
	}
	return &DOMError{Op: op, Message: reason, Err: ErrClosed}
}

// op names an operation on this database, for errors.
func (s *Store) op(what string) string {
	return fmt.Sprintf("IndexedDB %q %s", s.name, what)
}

// List returns the annotations of document, ordered by id. It reads them
// with one getAll on the document index and converts them with one call to
// JSON.stringify.
func (s *Store) List(document string) ([]annotations.Annotation, error) {
	op := s.op("list")
	var req safejs.Value
	err := s.readRaw(op, func(store safejs.Value) error {
		index, err := store.Call("index", documentIndex)
		if err != nil {
			return callError(op, err, false)
		}
		req, err = index.Call("getAll", document)
		return callError(op, err, false)
	})
	if err != nil {
		return nil, err
	}
	result, err := req.Get("result")
	if err != nil {
		return nil, callError(op, err, false)
	}
	text, err := jsonStringify(op, result)
	if err != nil {
		return nil, err
	}
	as, err := decodeRecords(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return as, nil
}

// Get returns the annotation with the given id, and whether there is one.
func (s *Store) Get(id string) (annotations.Annotation, bool, error) {
	op := s.op("get")
	var req *idb.Request
	err := s.transact(op, idb.TransactionReadOnly, func(store *idb.ObjectStore) (err error) {
		req, err = store.Get(js.ValueOf(id))
		return err
	})
	if err != nil {
		return annotations.Annotation{}, false, err
	}
	result, err := req.Result()
	if err != nil {
		return annotations.Annotation{}, false, callError(op, err, false)
	}
	return decodeRecord(op, id, safejs.Safe(result))
}

// decodeRecord converts the result of a get request for id: a record, or
// undefined when there is none.
func decodeRecord(op, id string, v safejs.Value) (annotations.Annotation, bool, error) {
	if v.IsUndefined() {
		return annotations.Annotation{}, false, nil
	}
	text, err := jsonStringify(op, v)
	if err != nil {
		return annotations.Annotation{}, false, err
	}
	var r record
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return annotations.Annotation{}, false, fmt.Errorf("%s: stored annotation %q is damaged: %v", op, id, err)
	}
	a, err := r.annotation()
	if err != nil {
		return annotations.Annotation{}, false, fmt.Errorf("%s: %w", op, err)
	}
	return a, true, nil
}

// Put adds or replaces one annotation and returns once it is stored. The
// annotation needs an id and a document; its times are stored in UTC to the
// millisecond.
func (s *Store) Put(a annotations.Annotation) error {
	return s.putMany(s.op("put"), []annotations.Annotation{a})
}

// PutMany adds or replaces annotations in one transaction: all are stored
// or, on any error, none. It returns once they are stored. The values are
// built with one call to JSON.parse for the whole batch.
func (s *Store) PutMany(as []annotations.Annotation) error {
	return s.putMany(s.op("put many"), as)
}

func (s *Store) putMany(op string, as []annotations.Annotation) error {
	if len(as) == 0 {
		return nil
	}
	text, err := encodeRecords(as)
	if err != nil {
		return &DOMError{Op: op, Message: err.Error(), Err: ErrInvalid}
	}
	return s.putJSON(op, text)
}

// putJSON stores the records of a JSON array in one transaction.
func (s *Store) putJSON(op, text string) error {
	values, err := jsonParse(op, text)
	if err != nil {
		return err
	}
	n, err := values.Length()
	if err != nil {
		return callError(op, err, false)
	}
	return s.transact(op, idb.TransactionReadWrite, func(store *idb.ObjectStore) error {
		for i := 0; i < n; i++ {
			v, err := values.Index(i)
			if err != nil {
				return callError(op, err, false)
			}
			if _, err := store.Put(safejs.Unsafe(v)); err != nil {
				if n > 1 {
					op = fmt.Sprintf("%s (record %d of %d)", op, i+1, n)
				}
				return idbError(op, err, false)
			}
		}
		return nil
	})
}

// Delete removes the annotation with the given id and returns once it is
// gone. Deleting a missing id is no error.
func (s *Store) Delete(id string) error {
	return s.transact(s.op("delete"), idb.TransactionReadWrite, func(store *idb.ObjectStore) error {
		_, err := store.Delete(js.ValueOf(id))
		return err
	})
}
