//go:build js && wasm

package wasm

import (
	"context"
	"encoding/json"
	"errors"
	"syscall/js"
	"testing"
	"time"

	"github.com/hack-pad/safejs"
)

// withIndexedDB runs f while globalThis.indexedDB is defined by descriptor
// (a JavaScript property descriptor), then restores it. Tests that use it
// must not be parallel: every test in the page sees the change.
func withIndexedDB(t *testing.T, descriptor string, f func()) {
	t.Helper()
	object := js.Global().Get("Object")
	saved := object.Call("getOwnPropertyDescriptor", js.Global(), "indexedDB")
	if saved.IsUndefined() {
		t.Fatal("globalThis has no own indexedDB property to replace")
	}
	object.Call("defineProperty", js.Global(), "indexedDB", jsFunc(t, "() => ("+descriptor+")").Invoke())
	defer object.Call("defineProperty", js.Global(), "indexedDB", saved)
	f()
}

func TestAMissingIndexedDBIsAnErrorNotAPanic(t *testing.T) { // not parallel: replaces indexedDB
	for _, tc := range []struct{ name, descriptor string }{
		{"undefined", `{value: undefined, configurable: true}`},
		{"reading it throws SecurityError", `{get() { throw new DOMException("denied", "SecurityError"); }, configurable: true}`},
		{"a plain object", `{value: {open() { throw new DOMException("private mode", "InvalidStateError"); }, deleteDatabase() { throw new DOMException("private mode", "InvalidStateError"); }}, configurable: true}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			withIndexedDB(t, tc.descriptor, func() {
				within(t, 5*time.Second, "Open without indexedDB", func() {
					s, err := Open(context.Background(), "x")
					if s != nil || !errors.Is(err, ErrUnavailable) {
						t.Errorf("Open = %v, %v; want nil, ErrUnavailable", s, err)
					}
					t.Logf("error: %v", err)
				})
				within(t, 5*time.Second, "DeleteDatabase without indexedDB", func() {
					if err := DeleteDatabase(context.Background(), "x"); !errors.Is(err, ErrUnavailable) {
						t.Errorf("DeleteDatabase = %v, want ErrUnavailable", err)
					}
				})
			})
		})
	}
}

// TestOpenMakesItsTwoRequestsWithoutWaiting checks that Open asks for its
// connection without waiting for the upgrade request to succeed (open.go
// says why), on a fresh database and on one at SchemaVersion, and that the
// Store it returns works.
func TestOpenMakesItsTwoRequestsWithoutWaiting(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	// A real IDBFactory whose open logs each request and its success.
	factory := jsFunc(t, `() => {
		const f = Object.create(IDBFactory.prototype);
		f.log = [];
		f.open = (name, version) => {
			const req = indexedDB.open(name, version);
			const n = f.log.filter(e => e.startsWith('open')).length + 1;
			f.log.push('open ' + n);
			req.addEventListener('success', () => f.log.push('success ' + n));
			return req;
		};
		return f;
	}`).Invoke()
	for _, visit := range []string{"a new database", "the database again"} {
		factory.Set("log", js.Global().Get("Array").New())
		s, err := openWith(context.Background(), safejs.Safe(factory), name)
		if err != nil {
			t.Fatalf("%s: %v", visit, err)
		}
		log := js.Global().Get("JSON").Call("stringify", factory.Get("log")).String()
		if want := `["open 1","open 2","success 1","success 2"]`; log != want {
			t.Errorf("%s: the requests went %s, want %s", visit, log, want)
		}
		if err := s.Put(sample("a", "D")); err != nil {
			t.Fatal(err)
		}
		if list := mustList(t, s, "D"); len(list) != 1 {
			t.Errorf("%s: List = %+v, want a", visit, list)
		}
		s.Close()
	}
}

// connect on its own: the everyday connection, which must never upgrade a
// database and never panic when the browser asks it to.

func testFactory(t *testing.T) safejs.Value {
	t.Helper()
	factory, err := indexedDB("test")
	if err != nil {
		t.Fatal(err)
	}
	return factory
}

func TestConnectCreatesADeletedDatabase(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	s, err := connect(context.Background(), testFactory(t), name, "test connect")
	if err != nil {
		t.Fatalf("connect to a missing database: %v", err)
	}
	defer s.Close()
	a := sample("a", "D")
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	if list := mustList(t, s, "D"); len(list) != 1 || list[0].ID != "a" {
		t.Errorf("List (through the document index) = %+v, want a", list)
	}
}

func TestConnectAbortsAnyOtherUpgrade(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	raw := openRaw(t, name, 1)
	if _, err := awaitJS(t, jsFunc(t, rawPut), raw, v1Records); err != nil {
		t.Fatal(err)
	}
	raw.Call("close")

	var err error
	within(t, 10*time.Second, "connect to a version 1 database", func() {
		var s *Store
		s, err = connect(context.Background(), testFactory(t), name, "test connect")
		if s != nil {
			s.Close()
		}
	})
	if !errors.Is(err, ErrUpgrade) {
		t.Fatalf("connect to a version 1 database = %v, want ErrUpgrade", err)
	}
	t.Logf("error: %v", err)

	raw = openRaw(t, name, 0)
	stores := raw.Get("objectStoreNames")
	v, err := awaitJS(t, jsFunc(t, rawGetAll), raw)
	if err != nil {
		t.Fatal(err)
	}
	var dump struct {
		Version int
		Records []map[string]any
	}
	if err := json.Unmarshal([]byte(v.String()), &dump); err != nil {
		t.Fatal(err)
	}
	if dump.Version != 1 || len(dump.Records) != 3 || dump.Records[0]["doc"] != "A/RES/77/1" {
		t.Errorf("after the refused upgrade: %s; want version 1 with its 3 records unchanged", v.String())
	}
	if n := stores.Length(); n != 1 || stores.Call("item", 0).String() != storeName {
		t.Errorf("after the refused upgrade, the database has %d object stores, want only %q", n, storeName)
	}
}

func TestConnectReturnsWhenTheContextEnds(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	s, err := Open(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go cancel() // runs once connect waits, before the browser answers
	s, err = connect(ctx, testFactory(t), name, "test connect")
	if s != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("connect = %v, %v; want nil, context.Canceled", s, err)
	}
	// The abandoned connection must not keep the database: a newer tab
	// opens it.
	within(t, 10*time.Second, "a newer tab opening the database", func() {
		openRaw(t, name, SchemaVersion+1).Call("close")
	})
}

func TestDeleteDatabaseIsBlockedByAnOpenConnection(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	raw := openRaw(t, name, 1) // an old tab that ignores versionchange

	var err error
	within(t, 10*time.Second, "DeleteDatabase while a tab keeps the database open", func() {
		err = DeleteDatabase(context.Background(), name)
	})
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("DeleteDatabase = %v, want ErrBlocked", err)
	}
	t.Logf("error: %v", err)
	raw.Call("close") // the deletion goes through now
}
