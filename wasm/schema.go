//go:build js && wasm

package wasm

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/hack-pad/safejs"
)

// The database schema.
//
// # Version 1 (early builds of Clausemark)
//
// Object store "annotations", keyPath "id", no index. A record:
//
//	{id, doc, clause, start, end, exact, prefix, suffix, tag, note, created, modified}
//
// The document symbol is in "doc"; "created" and "modified" are numbers,
// milliseconds since the Unix epoch (Date.now()); there is no "author".
// Listing a document meant reading the whole store.
//
// # Version 2
//
// Object store "annotations", keyPath "id", with the index "document" on the
// keyPath "document" (not unique). A record is a plain object with the
// native JSON field names of annotations.Annotation, plus the document:
//
//	{id, document, clause, start, end, exact, prefix, suffix, tag, note, author, created, modified}
//
// Times are RFC 3339 strings in UTC with milliseconds, as
// Date.prototype.toISOString writes them: "2024-03-01T09:30:00.000Z".
// "author" is "" when unknown.
//
// # Version 3 (current)
//
// Version 2's "annotations" store and its records, unchanged, beside two
// object stores of the library (package library), both with keyPath "id"
// and no index:
//
//   - "documents": one record per document, library.Document as JSON
//     (encoding/json names: id, symbol, name, added, opened, place,
//     builtin, versions: [{number, name, added, symbol, source, fileName,
//     text, textSHA256, review}]); times RFC 3339 strings; "review", on a
//     version added after the first, is library.Review ({from, carried,
//     exact, items: [{id, fate, oldClause, oldLabel, newClause, newLabel,
//     oldQuote, newQuote, reason, outcome, version}]}), absent on records
//     written before reviews were kept (an optional field: no upgrade);
//   - "summaries": one record per document, library.Summary as JSON: what
//     the library page lists, so that it never reads a text.
//
// A document's annotations are the records of "annotations" whose
// "document" is the document's symbol; adding or removing a document and
// its annotations is one transaction over the three stores.
//
// # Upgrades
//
// Upgrades are made with plain IndexedDB calls, by the first of Open's two
// open requests (prepare, in open.go); go-indexeddb cannot run them (see
// open.go). Opening runs the upgrade inside the versionchange transaction:
//
//   - from 0 (no database): create the version 3 stores and index;
//   - from 1: create the index, then walk every record with a cursor and
//     rewrite it: "doc" becomes "document", numeric times become strings,
//     a missing "author" becomes "". Fields this code does not know are
//     kept as they are. Then, as from 2:
//   - from 2: create the stores "documents" and "summaries", empty. No
//     annotation record is touched. The library starts empty: the app's
//     library.EnsureBuiltin then adds the built-in resolution, its summary
//     counting the annotations saved under its symbol; the annotations of
//     other symbols (texts served with serve -doc) stay, listed by
//     AllAnnotations under their symbol until their text is added again.
//
// A record that cannot be migrated (its id is not a string, its doc is not
// a string, a time is neither a number nor an RFC 3339 string) aborts the
// transaction: the database stays at version 1 with every record as it was,
// and Open returns an error wrapping ErrUpgrade. Nothing is ever dropped.
//
// Creating the two stores is synchronous and touches no record, so the
// 1→2 step's cursor, which finishes later in the same transaction, needs
// no chaining with it; any failure of either aborts the whole upgrade.
//
// The second open request (connect), made by go-indexeddb, finds the
// database at SchemaVersion and upgrades nothing. Should another tab delete
// the database between the two, connect creates the version 3 schema as
// above; any other upgrade it aborts (ErrUpgrade).
//
// To add version 4: raise SchemaVersion, add a case from 3 to upgrade, and
// make the earlier steps run it too. A step that walks records with a
// cursor finishes asynchronously: a later step that reads the same records
// must start when the cursor is done.
const (
	// DefaultName is the name of Clausemark's database.
	DefaultName = "clausemark"
	// SchemaVersion is the version of the schema this code writes and reads.
	SchemaVersion = 3

	storeName      = "annotations" // the object store of annotations
	documentIndex  = "document"    // its index on the document symbol
	documentsStore = "documents"   // the library's documents (version 3)
	summariesStore = "summaries"   // the library's summaries (version 3)
)

// upgrade runs in the upgradeneeded event of an open request: req is the
// request, event the IDBVersionChangeEvent. It issues the requests of the
// upgrade; those that finish later report failures through o.fail, which
// aborts the versionchange transaction.
func upgrade(o *opening, req, event safejs.Value) error {
	oldVersion, err := intProp(event, "oldVersion")
	if err != nil {
		return err
	}
	db, err := req.Get("result")
	if err != nil {
		return err
	}
	tx, err := req.Get("transaction")
	if err != nil {
		return err
	}
	switch oldVersion {
	case 0:
		return createV3(db)
	case 1:
		if err := migrateV1(o, tx); err != nil {
			return err
		}
		return createLibraryStores(db)
	case 2:
		return createLibraryStores(db)
	default:
		return fmt.Errorf("no upgrade from schema version %d to %d", oldVersion, SchemaVersion)
	}
}

// createV3 creates the version 3 schema in an empty database.
func createV3(db safejs.Value) error {
	if err := createV2(db); err != nil {
		return err
	}
	return createLibraryStores(db)
}

// createLibraryStores adds the stores of version 3 to a version 2 schema.
func createLibraryStores(db safejs.Value) error {
	for _, name := range []string{documentsStore, summariesStore} {
		if _, err := db.Call("createObjectStore", name, map[string]any{"keyPath": "id"}); err != nil {
			return err
		}
	}
	return nil
}

// createV2 creates the version 2 schema in an empty database.
func createV2(db safejs.Value) error {
	store, err := db.Call("createObjectStore", storeName, map[string]any{"keyPath": "id"})
	if err != nil {
		return err
	}
	_, err = store.Call("createIndex", documentIndex, "document", map[string]any{"unique": false})
	return err
}

// migrateV1 upgrades a version 1 database to version 2 inside the
// versionchange transaction tx.
func migrateV1(o *opening, tx safejs.Value) error {
	store, err := tx.Call("objectStore", storeName)
	if err != nil {
		return err
	}
	if _, err := store.Call("createIndex", documentIndex, "document", map[string]any{"unique": false}); err != nil {
		return err
	}
	cursorReq, err := store.Call("openCursor")
	if err != nil {
		return err
	}
	stop, err := listen(cursorReq, func(event safejs.Value) {
		if stringProp(event, "type") != "success" {
			return // the error aborts the transaction, and the open request fails
		}
		cursor, err := cursorReq.Get("result")
		if err != nil {
			o.fail(tx, err)
			return
		}
		if cursor.IsNull() || cursor.IsUndefined() {
			return // done: the transaction commits by itself
		}
		if err := migrateV1Cursor(cursor); err != nil {
			o.fail(tx, err)
		}
	}, "success", "error")
	if err != nil {
		return err
	}
	o.onDone(stop)
	return nil
}

// migrateV1Cursor rewrites the record under cursor and moves it on.
func migrateV1Cursor(cursor safejs.Value) error {
	value, err := cursor.Get("value")
	if err != nil {
		return err
	}
	text, err := jsonStringify("migrate", value)
	if err != nil {
		return err
	}
	migrated, err := migrateV1Record(text)
	if err != nil {
		return err
	}
	v, err := jsonParse("migrate", migrated)
	if err != nil {
		return err
	}
	if _, err := cursor.Call("update", v); err != nil {
		return callError("update record", err, false)
	}
	if _, err := cursor.Call("continue"); err != nil {
		return callError("continue cursor", err, false)
	}
	return nil
}

// migrateV1Record rewrites the JSON of a version 1 record as version 2.
func migrateV1Record(text string) (string, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &m); err != nil || m == nil {
		return "", fmt.Errorf("record %.80s is not an object", text)
	}
	var id string
	if err := json.Unmarshal(m["id"], &id); err != nil {
		return "", fmt.Errorf("record with id %s: the id is not a string", m["id"])
	}
	fail := func(format string, args ...any) (string, error) {
		return "", fmt.Errorf("record %q: "+format, append([]any{id}, args...)...)
	}
	if doc, ok := m["doc"]; ok {
		var s string
		if err := json.Unmarshal(doc, &s); err != nil {
			return fail("doc %s is not a string", doc)
		}
		if _, ok := m["document"]; !ok {
			m["document"] = doc
		}
		delete(m, "doc")
	}
	if _, ok := m["document"]; !ok {
		m["document"] = json.RawMessage(`""`)
	}
	for _, field := range []string{"created", "modified"} {
		t, err := v1Time(m[field])
		if err != nil {
			return fail("%s: %v", field, err)
		}
		s, err := formatTime(t)
		if err != nil {
			return fail("%s: %v", field, err)
		}
		m[field], _ = json.Marshal(s)
	}
	if _, ok := m["author"]; !ok {
		m["author"] = json.RawMessage(`""`)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return fail("%v", err)
	}
	return string(b), nil
}

// v1Time reads a version 1 time: milliseconds since the epoch, or an RFC
// 3339 string (tolerated), or nothing (the zero time).
func v1Time(raw json.RawMessage) (time.Time, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, nil
	}
	var ms float64
	if err := json.Unmarshal(raw, &ms); err == nil {
		if math.IsNaN(ms) || math.Abs(ms) > 8.64e15 { // the range of a JavaScript Date
			return time.Time{}, fmt.Errorf("%s is not a valid time", raw)
		}
		return time.UnixMilli(int64(math.Round(ms))).UTC(), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, fmt.Errorf("%s is neither a number nor a string", raw)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time", s)
	}
	return t, nil
}

// intProp returns v[name] as an int.
func intProp(v safejs.Value, name string) (int, error) {
	p, err := v.Get(name)
	if err != nil {
		return 0, err
	}
	if p.Type() != safejs.TypeNumber {
		return 0, fmt.Errorf("%s is a JavaScript %s, not a number", name, p.Type())
	}
	return p.Int()
}
