//go:build js && wasm

package wasm

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/hack-pad/safejs"
)

// Opening a Store takes two open requests on the same IDBFactory, made one
// after the other without waiting in between:
//
//  1. prepare, with plain IndexedDB calls through safejs, brings the database
//     to SchemaVersion: it runs the upgrade (schema.go), aborting it cleanly
//     when the migration fails, reports a blocked request at once, and maps
//     VersionError. Its connection is closed as soon as it succeeds.
//  2. connect, with go-indexeddb, opens the Store's connection at
//     SchemaVersion. The browser runs open requests for a database in the
//     order they were made, each once the one before is done, so this one
//     finds the database at that version already: the browser runs no
//     upgrade and the Upgrader is not called (see connecting.upgrade for
//     the race where it is). If prepare fails, this request is abandoned:
//     its upgrade, if the browser asks for one, is aborted, and its
//     connection, if it gets one, closed.
//
// Making the second request at once, rather than once the first succeeded,
// saves the round trip between the browser's answer and the Go code that
// asks again, on every start of the app.
//
// go-indexeddb v0.3.2 cannot do step 1: an error returned by an Upgrader
// panics inside its JavaScript callback and ends the program
// (idb/open_db_request.go, newOpenDBRequest); the Upgrader gets only the
// database, not the versionchange transaction (the open request is wrapped
// without one, idb/db_factory.go Factory.Open, and Request.Transaction then
// fails), so it can neither add an index to an existing store, nor walk the
// records, nor abort; and nothing listens to the request's blocked event.

// Open opens the database name (DefaultName if name is empty), creating it
// or upgrading it to SchemaVersion if needed; see the schema history in
// schema.go. It fails with an error wrapping ErrUnavailable if the browser
// offers no IndexedDB, ErrVersion if the database is newer than this code,
// ErrUpgrade if the upgrade failed, or ErrBlocked as soon as the browser
// reports that another tab keeps an older version open. If ctx ends first,
// Open returns ctx.Err().
//
// An open request cannot be withdrawn: after ErrBlocked or ctx's end, the
// request stays queued in the browser. If it gets through later, its upgrade
// is aborted (the database stays as it was) and its connection closed.
func Open(ctx context.Context, name string) (*Store, error) {
	if name == "" {
		name = DefaultName
	}
	factory, err := indexedDB(fmt.Sprintf("IndexedDB %q open", name))
	if err != nil {
		return nil, err
	}
	return openWith(ctx, factory, name)
}

// openWith is Open with a given IDBFactory, so tests can pass broken ones.
func openWith(ctx context.Context, factory safejs.Value, name string) (*Store, error) {
	op := fmt.Sprintf("IndexedDB %q open", name)
	prepared, err := prepare(ctx, factory, name, op)
	if err != nil {
		return nil, err
	}
	// Queued behind prepare's request; its error, if any, is reported
	// only if prepare's request succeeds.
	connection, connectErr := startConnect(ctx, factory, name, op)
	if err := prepared.wait(ctx); err != nil {
		if connection != nil {
			connection.abandon()
		}
		return nil, err
	}
	if connectErr != nil {
		return nil, connectErr
	}
	return connection.wait(ctx)
}

// prepare makes the request that opens the database name at SchemaVersion
// with plain IndexedDB calls, upgrading it if needed; its connection is
// closed once it succeeds. wait returns its outcome.
func prepare(ctx context.Context, factory safejs.Value, name, op string) (*opening, error) {
	if err := ctx.Err(); err != nil {
		return nil, err // do not queue a request nobody waits for
	}
	if factory.Type() != safejs.TypeObject {
		return nil, &DOMError{Op: op, Message: "indexedDB is " + factory.Type().String(), Err: ErrUnavailable}
	}
	req, err := factory.Call("open", name, SchemaVersion)
	if err != nil {
		return nil, callError(op, err, true)
	}
	if req.Type() != safejs.TypeObject {
		return nil, &DOMError{Op: op, Message: "indexedDB.open returned " + req.Type().String(), Err: ErrUnavailable}
	}
	o := &opening{op: op, result: make(chan error, 1)}
	stop, err := listen(req, func(event safejs.Value) { o.handle(req, event) },
		"upgradeneeded", "success", "error", "blocked")
	if err != nil {
		return nil, callError(op, err, true)
	}
	o.onDone(stop)
	return o, nil
}

// wait waits for the outcome of prepare's request, or for ctx's end.
func (o *opening) wait(ctx context.Context) error {
	select {
	case err := <-o.result:
		return err
	case <-ctx.Done():
		o.abandon()
		return ctx.Err()
	}
}

// opening follows the open request of prepare through its events.
type opening struct {
	op string

	mu         sync.Mutex
	result     chan error // capacity 1: gets exactly one result
	delivered  bool       // result was sent
	abandoned  bool       // nobody waits for the result any more
	upgradeErr error      // why the upgrade was aborted
	stops      []func()   // listeners to remove once the request is done
}

// handle handles an event of the open request req. It runs inside a
// JavaScript callback: it must not block.
func (o *opening) handle(req, event safejs.Value) {
	switch stringProp(event, "type") {
	case "upgradeneeded":
		tx, err := req.Get("transaction")
		if err != nil {
			return // cannot happen; the request then fails or succeeds anyway
		}
		o.mu.Lock()
		abandoned := o.abandoned
		o.mu.Unlock()
		if abandoned {
			_, _ = tx.Call("abort") // do not upgrade for nobody
			return
		}
		// Record why the transaction aborts, whatever aborts it.
		stop, err := listen(tx, func(safejs.Value) {
			o.fail(tx, abortError("upgrade", tx))
		}, "abort")
		if err == nil {
			o.onDone(stop)
		}
		if err := upgrade(o, req, event); err != nil {
			o.fail(tx, callError("upgrade", err, false))
		}

	case "success":
		// The database is at SchemaVersion: connect opens the Store's own
		// connection next.
		db, err := req.Get("result")
		if err == nil {
			_, _ = db.Call("close")
		}
		o.mu.Lock()
		defer o.mu.Unlock()
		o.deliver(callError(o.op, err, true))
		o.done()

	case "error":
		reqErr, _ := req.Get("error")
		err := exceptionError(o.op, reqErr, true)
		o.mu.Lock()
		defer o.mu.Unlock()
		if o.upgradeErr != nil {
			err = upgradeError(o.op, o.upgradeErr)
		}
		if err == nil {
			err = &DOMError{Op: o.op, Name: "Error", Message: "the open request failed without an error"}
		}
		o.deliver(err)
		o.done()

	case "blocked":
		o.mu.Lock()
		defer o.mu.Unlock()
		old, _ := intProp(event, "oldVersion")
		o.deliver(&DOMError{
			Op:      o.op,
			Name:    "blocked",
			Message: fmt.Sprintf("another connection keeps version %d open and did not close on versionchange", old),
			Err:     ErrBlocked,
		})
		o.abandoned = true
	}
}

// fail records err as the reason the upgrade failed, unless one is already
// recorded, and aborts the versionchange transaction tx.
func (o *opening) fail(tx safejs.Value, err error) {
	o.mu.Lock()
	if o.upgradeErr == nil {
		o.upgradeErr = err
	}
	o.mu.Unlock()
	_, _ = tx.Call("abort") // throws if already aborted: fine
}

// deliver sends the result if none was sent yet. o.mu must be held.
func (o *opening) deliver(err error) {
	if o.delivered {
		return
	}
	o.delivered = true
	o.result <- err
}

// abandon is called when the caller of prepare stops waiting.
func (o *opening) abandon() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.abandoned = true
	o.delivered = true
}

// onDone registers a function that removes a listener once the request is
// done.
func (o *opening) onDone(stop func()) {
	o.mu.Lock()
	o.stops = append(o.stops, stop)
	o.mu.Unlock()
}

// done removes the request's listeners. o.mu must be held.
func (o *opening) done() {
	for _, stop := range o.stops {
		stop()
	}
	o.stops = nil
}

// upgradeError reports the failure of an upgrade: cause is what aborted
// the versionchange transaction.
func upgradeError(op string, cause error) error {
	e := &DOMError{Op: op + " upgrade", Message: cause.Error(), Err: ErrUpgrade}
	var d *DOMError
	if errors.As(cause, &d) {
		e.Name, e.Message = d.Name, d.Message
	}
	return e
}

// connect opens the Store's connection to the database name with
// go-indexeddb, at SchemaVersion. prepare must have brought the database to
// that version, or have made its request before.
func connect(ctx context.Context, factory safejs.Value, name, op string) (*Store, error) {
	c, err := startConnect(ctx, factory, name, op)
	if err != nil {
		return nil, err
	}
	return c.wait(ctx)
}

// startConnect makes connect's open request; wait returns its outcome.
func startConnect(ctx context.Context, factory safejs.Value, name, op string) (*connecting, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// go-indexeddb panics on an open request that is not an IDBRequest
	// (idb/request.go, wrapRequest): give it only a real IDBFactory. It is
	// the factory prepare used, not idb.Global(), which panics when
	// indexedDB is missing (idb/db_factory.go, Global).
	if !isInstance(factory, "IDBFactory") {
		return nil, &DOMError{Op: op, Message: "indexedDB is not an IDBFactory", Err: ErrUnavailable}
	}
	f, err := idb.WrapFactory(safejs.Unsafe(factory))
	if err != nil {
		return nil, idbError(op, err, true)
	}
	// requestCtx ends once the request is done: go-indexeddb then removes
	// its upgradeneeded listener.
	requestCtx, done := context.WithCancel(context.Background())
	c := &connecting{op: op, name: name, result: make(chan openResult, 1)}
	req, err := f.Open(requestCtx, name, SchemaVersion, c.upgrade)
	if err != nil {
		done()
		return nil, idbError(op, err, true)
	}
	c.mu.Lock()
	c.req = req // before any event: the browser answers only once this goroutine waits
	c.mu.Unlock()
	err = req.Listen(requestCtx,
		func() { c.succeeded(); done() },
		func() { c.failed(); done() })
	if err != nil {
		done() // the request goes on unwatched; it cannot fail this way in practice
		return nil, idbError(op, err, true)
	}
	return c, nil
}

// wait waits for the outcome of connect's request, or for ctx's end.
func (c *connecting) wait(ctx context.Context) (*Store, error) {
	select {
	case r := <-c.result:
		return r.store, r.err
	case <-ctx.Done():
		// Not idb's OpenDBRequest.Await: when its context ends first, it
		// returns a Database of undefined and no error (idb/request.go,
		// Request.await).
		c.abandon()
		return nil, ctx.Err()
	}
}

// openResult is the outcome of connect's open request.
type openResult struct {
	store *Store
	err   error
}

// connecting follows the open request of connect. Its methods run inside
// go-indexeddb's JavaScript callbacks: they must not block.
type connecting struct {
	op   string
	name string

	mu        sync.Mutex
	req       *idb.OpenDBRequest
	result    chan openResult // capacity 1: gets exactly one result
	delivered bool            // result was sent, or nobody waits for it
	abandoned bool            // nobody waits for the result any more
	refused   error           // why the upgrade was refused
}

// upgrade is connect's idb.Upgrader. The database is already at
// SchemaVersion, so the browser calls it only if prepare's request failed
// (connect's is abandoned then) or if the database changed between the two:
// another tab deleted it (oldVersion 0), and perhaps an older Clausemark
// created it again (oldVersion 1).
//
// It must not return an error: go-indexeddb would panic inside its
// JavaScript callback and end the program (idb/open_db_request.go,
// newOpenDBRequest). A deleted database is created anew, as prepare does.
// Any other upgrade is aborted, so the database stays as it is and the open
// request fails; closing the connection would not do, as the browser then
// still commits the upgrade. go-indexeddb gives no access to the
// versionchange transaction, so it is reached through the raw database (the
// open request's result) and a scratch object store.
func (c *connecting) upgrade(_ *idb.Database, oldVersion, newVersion uint) error {
	c.mu.Lock()
	req, abandoned := c.req, c.abandoned
	c.mu.Unlock()
	if req == nil {
		return nil // cannot happen: see startConnect
	}
	result, err := req.Request.Result()
	if err != nil {
		return nil // cannot happen during upgradeneeded
	}
	db := safejs.Safe(result)
	if abandoned {
		abortUpgrade(db) // prepare failed or nobody waits: change nothing
		return nil
	}
	if oldVersion == 0 {
		if err = createV3(db); err == nil {
			return nil
		}
	} else {
		err = fmt.Errorf("the database changed to version %d while opening, and only prepare upgrades it", oldVersion)
	}
	c.mu.Lock()
	c.refused = err
	c.mu.Unlock()
	abortUpgrade(db)
	return nil
}

// abortUpgrade aborts the versionchange transaction of db, a connection in
// its upgradeneeded event.
func abortUpgrade(db safejs.Value) {
	scratch, err := db.Call("createObjectStore", "clausemark-abort-upgrade")
	if err != nil {
		return
	}
	if tx, err := scratch.Get("transaction"); err == nil {
		_, _ = tx.Call("abort")
	}
}

// succeeded handles the success event of the open request.
func (c *connecting) succeeded() {
	c.mu.Lock()
	defer c.mu.Unlock()
	db, err := c.req.Result()
	if err != nil {
		c.deliver(openResult{err: idbError(c.op, err, true)})
		return
	}
	if c.abandoned {
		_ = db.Close()
		return
	}
	// The same connection, as a plain IDBDatabase: for List's getAll and
	// the connection's events, which go-indexeddb does not offer.
	raw, err := c.req.Request.Result()
	var s *Store
	if err == nil {
		s, err = newStore(c.name, db, safejs.Safe(raw))
	}
	if err != nil {
		_ = db.Close()
		c.deliver(openResult{err: idbError(c.op, err, true)})
		return
	}
	c.deliver(openResult{store: s})
}

// failed handles the error event of the open request.
func (c *connecting) failed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	err := idbError(c.op, c.req.Err(), true)
	if c.refused != nil {
		err = upgradeError(c.op, c.refused)
	}
	if err == nil {
		err = &DOMError{Op: c.op, Name: "Error", Message: "the open request failed without an error"}
	}
	c.deliver(openResult{err: err})
}

// deliver sends the result if none was sent yet. c.mu must be held.
func (c *connecting) deliver(r openResult) {
	if c.delivered {
		if r.store != nil {
			_ = r.store.Close()
		}
		return
	}
	c.delivered = true
	c.result <- r
}

// abandon is called when the caller of connect stops waiting.
func (c *connecting) abandon() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.abandoned = true
	c.delivered = true
	select {
	case r := <-c.result:
		if r.store != nil {
			_ = r.store.Close()
		}
	default:
	}
}

// isInstance reports whether v is an instance of the global constructor
// named ctor.
func isInstance(v safejs.Value, ctor string) bool {
	c, err := safejs.Global().Get(ctor)
	if err != nil || c.Type() != safejs.TypeFunction {
		return false
	}
	ok, err := v.InstanceOf(c)
	return ok && err == nil
}
