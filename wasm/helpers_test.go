//go:build js && wasm

package wasm

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"syscall/js"
	"testing"
	"time"

	"github.com/hack-pad/safejs"
)

var dbCounter atomic.Int64

// testDBName returns a database name no other test uses.
func testDBName(tb testing.TB) string {
	name := strings.NewReplacer("/", "-", " ", "_").Replace(tb.Name())
	return fmt.Sprintf("clausemark-test-%s-%d-%s", name, dbCounter.Add(1), randomID())
}

// deleteAfter deletes the database name when the test ends.
func deleteAfter(tb testing.TB, name string) {
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := DeleteDatabase(ctx, name); err != nil {
			tb.Errorf("deleting database %q: %v", name, err)
		}
	})
}

// testDB opens a Store on a new database, closed and deleted when the test
// ends.
func testDB(tb testing.TB) *Store {
	tb.Helper()
	name := testDBName(tb)
	deleteAfter(tb, name)
	s, err := Open(context.Background(), name)
	if err != nil {
		tb.Fatalf("Open(%q): %v", name, err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// jsFunc compiles a JavaScript function expression. Only tests use eval.
func jsFunc(tb testing.TB, src string) js.Value {
	tb.Helper()
	return js.Global().Get("Function").New("return (" + src + ");").Invoke()
}

// awaitJS calls the JavaScript function fn with args and awaits the promise
// it returns.
func awaitJS(tb testing.TB, fn js.Value, args ...any) (js.Value, error) {
	tb.Helper()
	v, err := await("test", safejs.Safe(fn.Invoke(args...)))
	return safejs.Unsafe(v), err
}

// rawOpen opens the database name with plain IndexedDB calls at version
// (0: the current one), creating the object store "annotations" with keyPath
// "id" if it upgrades, and resolves to the connection. The connection does
// not close on versionchange: it is the "old tab" that blocks upgrades.
const rawOpen = `(name, version) => new Promise((resolve, reject) => {
	const req = version ? indexedDB.open(name, version) : indexedDB.open(name);
	req.onupgradeneeded = () => {
		const db = req.result;
		if (!db.objectStoreNames.contains("annotations")) db.createObjectStore("annotations", {keyPath: "id"});
	};
	req.onsuccess = () => resolve(req.result);
	req.onerror = () => reject(req.error);
	req.onblocked = () => reject(new Error("raw open blocked"));
})`

// rawPut stores the records of a JSON array with plain IndexedDB calls on
// the connection db.
const rawPut = `(db, json) => new Promise((resolve, reject) => {
	const tx = db.transaction("annotations", "readwrite");
	for (const r of JSON.parse(json)) tx.objectStore("annotations").put(r);
	tx.oncomplete = () => resolve();
	tx.onabort = () => reject(tx.error);
})`

// rawGetAll resolves to the JSON of every record of the database
// connection db, and its version: {version, records}.
const rawGetAll = `(db) => new Promise((resolve, reject) => {
	const tx = db.transaction("annotations", "readonly");
	const req = tx.objectStore("annotations").getAll();
	tx.oncomplete = () => resolve(JSON.stringify({version: db.version, records: req.result}));
	tx.onabort = () => reject(tx.error);
})`

// openRaw opens name with rawOpen; the connection is closed when the test
// ends.
func openRaw(tb testing.TB, name string, version int) js.Value {
	tb.Helper()
	db, err := awaitJS(tb, jsFunc(tb, rawOpen), name, version)
	if err != nil {
		tb.Fatalf("raw open %q version %d: %v", name, version, err)
	}
	tb.Cleanup(func() { db.Call("close") })
	return db
}

// within fails the test if f does not return within d.
func within(tb testing.TB, d time.Duration, what string, f func()) {
	tb.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		tb.Fatalf("%s: still waiting after %v", what, d)
	}
}

func TestListenerPanicsDoNotEndTheProgram(t *testing.T) { // not parallel: replaces reportPanic
	var reported []string
	defer func(f func(any, []string)) { reportPanic = f }(reportPanic)
	reportPanic = func(p any, types []string) { reported = append(reported, fmt.Sprint(p, types)) }
	target := js.Global().Get("EventTarget").New()
	calls := 0
	stop, err := listen(safejs.Safe(target), func(safejs.Value) {
		calls++
		panic("boom")
	}, "x")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	for range 2 {
		target.Call("dispatchEvent", js.Global().Get("Event").New("x"))
	}
	if calls != 2 || len(reported) != 2 || reported[0] != "boom[x]" {
		t.Errorf("listener called %d times, panics reported %q; want 2 and 2 \"boom[x]\"", calls, reported)
	}
	stop()
	stop() // twice is fine
	target.Call("dispatchEvent", js.Global().Get("Event").New("x"))
	if calls != 2 {
		t.Errorf("listener called after stop")
	}
}
