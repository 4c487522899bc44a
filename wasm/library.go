//go:build js && wasm

package wasm

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"github.com/hack-pad/safejs"
)

// The library (package library) lives in the same database as the
// annotations, on the same connection: a Store is a library.Store. Each
// method is one transaction over the object stores it needs (schema.go,
// version 3), made with plain IndexedDB calls (rawTx): a document, its
// summary and its annotations are added or removed together or not at
// all.

var _ library.Store = (*Store)(nil)

// testHookDelete, when set, is called inside DeleteDocument's transaction
// after the annotations' deletes are issued and before the document's:
// an error it returns aborts the transaction there (tests).
var testHookDelete func() error

// txn is one transaction of rawTx: its requests report their failures
// through fail, which aborts it.
type txn struct {
	op    string
	tx    safejs.Value
	mu    sync.Mutex
	err   error
	stops []func()
}

// fail records err, unless an error is recorded already, and aborts the
// transaction.
func (t *txn) fail(err error) {
	t.mu.Lock()
	if t.err == nil {
		t.err = err
	}
	t.mu.Unlock()
	_, _ = t.tx.Call("abort") // throws if already aborted: fine
}

// store returns the object store name of the transaction.
func (t *txn) store(name string) (safejs.Value, error) {
	s, err := t.tx.Call("objectStore", name)
	return s, callError(t.op, err, false)
}

// call makes a request on the object store name, and calls done with its
// result in the request's success event (inside the transaction, where
// more requests can be made; done must not block). A request that fails
// aborts the transaction.
func (t *txn) call(name, method string, done func(result safejs.Value) error, args ...any) error {
	s, err := t.store(name)
	if err != nil {
		return err
	}
	req, err := s.Call(method, args...)
	if err != nil {
		return callError(fmt.Sprintf("%s: %s.%s", t.op, name, method), err, false)
	}
	if done == nil {
		return nil
	}
	return t.listen(req, done)
}

// listen calls done with the result of req in its success event.
func (t *txn) listen(req safejs.Value, done func(result safejs.Value) error) error {
	stop, err := listen(req, func(safejs.Value) {
		result, err := req.Get("result")
		if err == nil {
			err = done(result)
		}
		if err != nil {
			t.fail(err)
		}
	}, "success")
	if err != nil {
		return callError(t.op, err, false)
	}
	t.mu.Lock()
	t.stops = append(t.stops, stop)
	t.mu.Unlock()
	return nil
}

// rawTx runs one transaction over the object stores names, in mode
// "readonly" or "readwrite" ("strict" durability), on the Store's
// connection, and returns once it has finished: nil once it committed,
// else the first error recorded by fail or, failing that, the abort's.
// build issues the first requests, synchronously; an error it returns
// aborts the transaction.
func (s *Store) rawTx(op, mode string, names []string, build func(t *txn) error) error {
	db, err := s.rawDatabase(op)
	if err != nil {
		return err
	}
	stores := make([]any, len(names))
	for i, n := range names {
		stores[i] = n
	}
	var tx safejs.Value
	if mode == "readwrite" {
		tx, err = db.Call("transaction", stores, mode, map[string]any{"durability": "strict"})
	} else {
		tx, err = db.Call("transaction", stores, mode)
	}
	if err != nil {
		return callError(op, err, false)
	}
	t := &txn{op: op, tx: tx}
	done, stop, err := onTransactionEnd(op, tx)
	if err != nil {
		return err
	}
	defer func() {
		stop()
		t.mu.Lock()
		for _, f := range t.stops {
			f()
		}
		t.mu.Unlock()
	}()
	if err := build(t); err != nil {
		t.fail(err)
	}
	result := <-done
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return t.err
	}
	return result
}

// stringify is jsonStringify for use inside a transaction's callbacks.
func stringify(op string, v safejs.Value) (string, error) { return jsonStringify(op, v) }

// jsonValue converts v to a JavaScript value through its JSON.
func jsonValue(op string, v any) (safejs.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return safejs.Undefined(), &DOMError{Op: op, Message: err.Error(), Err: ErrInvalid}
	}
	return jsonParse(op, string(b))
}

// Summaries returns the summary of every document, with one getAll.
func (s *Store) Summaries() ([]library.Summary, error) {
	op := s.op("summaries")
	var text string
	err := s.rawTx(op, "readonly", []string{summariesStore}, func(t *txn) error {
		return t.call(summariesStore, "getAll", func(r safejs.Value) (err error) {
			text, err = stringify(op, r)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	out := []library.Summary{}
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		return nil, fmt.Errorf("%s: the stored summaries are damaged: %v", op, err)
	}
	return out, nil
}

// Document returns the document with this id, and whether there is one.
func (s *Store) Document(id string) (library.Document, bool, error) {
	op := s.op("document")
	var text string
	found, err := s.getDocument(op, id, func(r safejs.Value) (err error) {
		text, err = stringify(op, r)
		return err
	})
	if err != nil || !found {
		return library.Document{}, false, err
	}
	var d library.Document
	if err := json.Unmarshal([]byte(text), &d); err != nil {
		return library.Document{}, false, fmt.Errorf("%s: the stored document %q is damaged: %v", op, id, err)
	}
	return d, true, nil
}

// CurrentTextSHA256 returns the hash of the current text of the document
// with this id, read from the stored record's last version, and whether
// there is one. Unlike Document it converts nothing to JSON: the texts
// of the versions stay in the browser.
func (s *Store) CurrentTextSHA256(id string) (string, bool, error) {
	op := s.op("current text hash")
	var hash string
	found, err := s.getDocument(op, id, func(r safejs.Value) (err error) {
		if hash, err = currentTextSHA256(r); err != nil {
			return fmt.Errorf("%s: the stored document %q is damaged: %v", op, id, err)
		}
		return nil
	})
	if err != nil || !found {
		return "", false, err
	}
	return hash, true, nil
}

// getDocument reads the stored record of the document with this id in a
// transaction of its own, calls read with it there, and reports whether
// there is one.
func (s *Store) getDocument(op, id string, read func(record safejs.Value) error) (bool, error) {
	found := false
	err := s.rawTx(op, "readonly", []string{documentsStore}, func(t *txn) error {
		return t.call(documentsStore, "get", func(r safejs.Value) error {
			if r.IsUndefined() {
				return nil
			}
			found = true
			return read(r)
		}, id)
	})
	return found, err
}

// currentTextSHA256 is the textSHA256 of the last of a stored document's
// versions ("" when it has none, as Document.Current).
func currentTextSHA256(doc safejs.Value) (string, error) {
	versions, err := doc.Get("versions")
	if err != nil {
		return "", err
	}
	if versions.IsNull() || versions.IsUndefined() {
		return "", nil
	}
	n, err := versions.Length()
	if err != nil {
		return "", err
	}
	if n == 0 {
		return "", nil
	}
	last, err := versions.Index(n - 1)
	if err != nil {
		return "", err
	}
	h, err := last.Get("textSHA256")
	if err != nil {
		return "", err
	}
	if h.Type() != safejs.TypeString {
		return "", errors.New("its current version has no text hash")
	}
	return h.String()
}

// PutDocument adds or replaces a document and its summary, in one
// transaction.
func (s *Store) PutDocument(d library.Document, sum library.Summary) error {
	op := s.op("put document")
	sum, err := library.CheckPut(d, sum)
	if err != nil {
		return err
	}
	dv, err := jsonValue(op, d)
	if err != nil {
		return err
	}
	sv, err := jsonValue(op, sum)
	if err != nil {
		return err
	}
	return s.rawTx(op, "readwrite", []string{documentsStore, summariesStore}, func(t *txn) error {
		if err := t.call(documentsStore, "put", nil, dv); err != nil {
			return err
		}
		return t.call(summariesStore, "put", nil, sv)
	})
}

// UpdateDocument reads a document and its summary, changes them with
// change (inside the transaction: change must not block) and writes them,
// in one transaction.
func (s *Store) UpdateDocument(id string, change func(*library.Document, *library.Summary) error) (library.Document, library.Summary, error) {
	op := s.op("update document")
	var d library.Document
	var sum library.Summary
	err := s.rawTx(op, "readwrite", []string{documentsStore, summariesStore}, func(t *txn) error {
		return updateIn(t, id, change, &d, &sum)
	})
	if err != nil {
		return library.Document{}, library.Summary{}, err
	}
	return d, sum, nil
}

// updateIn reads, inside t, the document id and its summary, changes them
// with change (library.ApplyUpdate) and writes them, leaving what was
// written in d and sum; ErrNotFound (which aborts t) if there is no such
// document.
func updateIn(t *txn, id string, change func(*library.Document, *library.Summary) error, d *library.Document, sum *library.Summary) error {
	op := t.op
	var docText string
	found := false
	if err := t.call(documentsStore, "get", func(r safejs.Value) (err error) {
		if r.IsUndefined() {
			return fmt.Errorf("%q: %w", id, library.ErrNotFound)
		}
		found = true
		docText, err = stringify(op, r)
		return err
	}, id); err != nil {
		return err
	}
	// Requests succeed in order: the document is read when this runs.
	return t.call(summariesStore, "get", func(r safejs.Value) error {
		if !found {
			return nil
		}
		if err := json.Unmarshal([]byte(docText), d); err != nil {
			return fmt.Errorf("%s: the stored document %q is damaged: %v", op, id, err)
		}
		if !r.IsUndefined() {
			text, err := stringify(op, r)
			if err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(text), sum); err != nil {
				return fmt.Errorf("%s: the stored summary of %q is damaged: %v", op, id, err)
			}
		}
		if err := library.ApplyUpdate(id, d, sum, change); err != nil {
			return err
		}
		dv, err := jsonValue(op, *d)
		if err != nil {
			return err
		}
		sv, err := jsonValue(op, *sum)
		if err != nil {
			return err
		}
		if err := t.call(documentsStore, "put", nil, dv); err != nil {
			return err
		}
		return t.call(summariesStore, "put", nil, sv)
	}, id)
}

// putSummaryIn replaces, inside t, the stored summary of sum.ID with sum
// (its mirrored fields kept), or fails with ErrNotFound.
func putSummaryIn(t *txn, sum library.Summary) error {
	return t.call(summariesStore, "get", func(r safejs.Value) error {
		if r.IsUndefined() {
			return fmt.Errorf("summary of %q: %w", sum.ID, library.ErrNotFound)
		}
		text, err := stringify(t.op, r)
		if err != nil {
			return err
		}
		var stored library.Summary
		if err := json.Unmarshal([]byte(text), &stored); err != nil {
			return fmt.Errorf("%s: the stored summary of %q is damaged: %v", t.op, sum.ID, err)
		}
		v, err := jsonValue(t.op, library.KeepMirrored(sum, stored))
		if err != nil {
			return err
		}
		return t.call(summariesStore, "put", nil, v)
	}, sum.ID)
}

// PutSummary replaces the summary of a document in the library.
func (s *Store) PutSummary(sum library.Summary) error {
	return s.rawTx(s.op("put summary"), "readwrite", []string{summariesStore}, func(t *txn) error {
		return putSummaryIn(t, sum)
	})
}

// DeleteDocument removes a document, its summary and its annotations in
// one transaction, and returns them.
func (s *Store) DeleteDocument(id string) (library.Removed, error) {
	op := s.op("delete document")
	var docText, sumText, annText string
	err := s.rawTx(op, "readwrite", []string{documentsStore, summariesStore, storeName}, func(t *txn) error {
		if err := t.call(summariesStore, "get", func(r safejs.Value) (err error) {
			if !r.IsUndefined() {
				sumText, err = stringify(op, r)
			}
			return err
		}, id); err != nil {
			return err
		}
		return t.call(documentsStore, "get", func(r safejs.Value) error {
			if r.IsUndefined() {
				return fmt.Errorf("%q: %w", id, library.ErrNotFound)
			}
			var err error
			if docText, err = stringify(op, r); err != nil {
				return err
			}
			symbol := stringProp(r, "symbol")
			store, err := t.store(storeName)
			if err != nil {
				return err
			}
			index, err := store.Call("index", documentIndex)
			if err != nil {
				return callError(op, err, false)
			}
			req, err := index.Call("getAll", symbol)
			if err != nil {
				return callError(op, err, false)
			}
			return t.listen(req, func(list safejs.Value) error {
				var err error
				if annText, err = stringify(op, list); err != nil {
					return err
				}
				n, err := list.Length()
				if err != nil {
					return callError(op, err, false)
				}
				for i := 0; i < n; i++ {
					rec, err := list.Index(i)
					if err != nil {
						return callError(op, err, false)
					}
					if _, err := store.Call("delete", stringProp(rec, "id")); err != nil {
						return callError(op, err, false)
					}
				}
				if testHookDelete != nil {
					if err := testHookDelete(); err != nil {
						return err
					}
				}
				if err := t.call(documentsStore, "delete", nil, id); err != nil {
					return err
				}
				return t.call(summariesStore, "delete", nil, id)
			})
		}, id)
	})
	if err != nil {
		return library.Removed{}, err
	}
	var r library.Removed
	if err := json.Unmarshal([]byte(docText), &r.Document); err != nil {
		return library.Removed{}, fmt.Errorf("%s: the stored document %q was damaged: %v", op, id, err)
	}
	if sumText != "" {
		if err := json.Unmarshal([]byte(sumText), &r.Summary); err != nil {
			return library.Removed{}, fmt.Errorf("%s: the stored summary of %q was damaged: %v", op, id, err)
		}
	}
	if r.Annotations, err = decodeRecords(annText); err != nil {
		return library.Removed{}, fmt.Errorf("%s: %w", op, err)
	}
	return r, nil
}

// Restore puts back what DeleteDocument removed, in one transaction.
func (s *Store) Restore(r library.Removed) error {
	return s.write(s.op("restore"), library.Batch{Add: []library.Addition{r}})
}

// Write makes the writes of a batch in one transaction: all or none.
func (s *Store) Write(b library.Batch) error {
	return s.write(s.op("write"), b)
}

func (s *Store) write(op string, b library.Batch) error {
	if err := b.Check(); err != nil {
		return err
	}
	type add struct {
		id       string
		doc, sum safejs.Value
	}
	adds := make([]add, len(b.Add))
	var as []annotations.Annotation
	added := map[string]library.Summary{}
	for _, a := range b.Add {
		sum := a.Summary
		sum.Mirror(a.Document)
		added[a.Document.ID] = sum
	}
	for _, sum := range b.Summaries {
		// A summary of a document the batch adds replaces the one added.
		if stored, ok := added[sum.ID]; ok {
			added[sum.ID] = library.KeepMirrored(sum, stored)
		}
	}
	for i, a := range b.Add {
		sum := added[a.Document.ID]
		dv, err := jsonValue(op, a.Document)
		if err != nil {
			return err
		}
		sv, err := jsonValue(op, sum)
		if err != nil {
			return err
		}
		adds[i] = add{a.Document.ID, dv, sv}
		as = append(as, a.Annotations...)
	}
	as = append(as, b.Annotations...)
	records := safejs.Null()
	n := 0
	if len(as) > 0 {
		text, err := encodeRecords(as)
		if err != nil {
			return &DOMError{Op: op, Message: err.Error(), Err: ErrInvalid}
		}
		if records, err = jsonParse(op, text); err != nil {
			return err
		}
		n = len(as)
	}
	err := s.rawTx(op, "readwrite", []string{documentsStore, summariesStore, storeName}, func(t *txn) error {
		for _, a := range adds {
			id := a.id
			ds, err := t.store(documentsStore)
			if err != nil {
				return err
			}
			req, err := ds.Call("add", a.doc)
			if err != nil {
				return callError(op, err, false)
			}
			stop, err := listen(req, func(safejs.Value) {
				// The document is there already (a ConstraintError, which
				// aborts the transaction): say which.
				t.fail(fmt.Errorf("%s: %q: %w", op, id, library.ErrExists))
			}, "error")
			if err != nil {
				return callError(op, err, false)
			}
			t.mu.Lock()
			t.stops = append(t.stops, stop)
			t.mu.Unlock()
			if err := t.call(summariesStore, "put", nil, a.sum); err != nil {
				return err
			}
		}
		for i := 0; i < n; i++ {
			v, err := records.Index(i)
			if err != nil {
				return callError(op, err, false)
			}
			if !b.IfUnchanged {
				if err := t.call(storeName, "put", nil, v); err != nil {
					return err
				}
				continue
			}
			// Written only over the copy it was read as.
			a := as[i]
			if err := t.call(storeName, "get", func(r safejs.Value) error {
				stored, ok, err := decodeRecord(op, a.ID, r)
				if err != nil {
					return err
				}
				if err := library.CheckUnchanged(a, stored, ok); err != nil {
					return err
				}
				return t.call(storeName, "put", nil, v)
			}, a.ID); err != nil {
				return err
			}
		}
		for _, u := range b.Updates {
			var d library.Document
			var sum library.Summary
			if err := updateIn(t, u.ID, u.Change, &d, &sum); err != nil {
				return err
			}
		}
		for _, sum := range b.Summaries {
			if _, ok := added[sum.ID]; ok {
				continue // written with its document above
			}
			if err := putSummaryIn(t, sum); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, ErrConstraint) && !errors.Is(err, library.ErrExists) {
		err = fmt.Errorf("%w (%w)", err, library.ErrExists)
	}
	return err
}

// AllAnnotations returns every annotation of every document, with one
// getAll.
func (s *Store) AllAnnotations() ([]annotations.Annotation, error) {
	op := s.op("all annotations")
	var text string
	err := s.rawTx(op, "readonly", []string{storeName}, func(t *txn) error {
		return t.call(storeName, "getAll", func(r safejs.Value) (err error) {
			text, err = stringify(op, r)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	as, err := decodeRecords(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return as, nil
}
