//go:build js && wasm

package wasm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"syscall/js"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/hack-pad/go-indexeddb/idb"
	"github.com/hack-pad/safejs"
)

// sample returns a complete annotation of document doc.
func sample(id, doc string) annotations.Annotation {
	created := time.Date(2024, 3, 1, 9, 30, 0, 123_000_000, time.UTC)
	return annotations.Annotation{
		ID:       id,
		Document: doc,
		Clause:   "op-3",
		Start:    12,
		End:      40,
		Exact:    "calls upon all Member States",
		Prefix:   "Also ",
		Suffix:   " to ensure",
		Tag:      annotations.Request,
		Note:     "note of " + id,
		Author:   "Delegation of Chile",
		Created:  created,
		Modified: created.Add(90 * time.Minute),
	}
}

// stored returns a as the Store gives it back: times in UTC to the
// millisecond.
func stored(a annotations.Annotation) annotations.Annotation {
	a.Created = a.Created.UTC().Truncate(time.Millisecond)
	a.Modified = a.Modified.UTC().Truncate(time.Millisecond)
	return a
}

func byID(as []annotations.Annotation) []annotations.Annotation {
	sort.Slice(as, func(i, j int) bool { return as[i].ID < as[j].ID })
	return as
}

func mustList(t *testing.T, s *Store, doc string) []annotations.Annotation {
	t.Helper()
	as, err := s.List(doc)
	if err != nil {
		t.Fatalf("List(%q): %v", doc, err)
	}
	return byID(as)
}

func TestPutGetListDelete(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	a, b := sample("a1", "A/RES/78/1"), sample("a2", "A/RES/78/1")
	b.Author = ""
	for _, x := range []annotations.Annotation{a, b} {
		if err := s.Put(x); err != nil {
			t.Fatalf("Put(%s): %v", x.ID, err)
		}
	}
	got, ok, err := s.Get("a1")
	if err != nil || !ok {
		t.Fatalf("Get(a1) = _, %v, %v; want it found", ok, err)
	}
	if !reflect.DeepEqual(got, stored(a)) {
		t.Errorf("Get(a1) = %+v\nwant %+v", got, stored(a))
	}
	if list := mustList(t, s, "A/RES/78/1"); !reflect.DeepEqual(list, []annotations.Annotation{stored(a), stored(b)}) {
		t.Errorf("List = %+v\nwant a1, a2", list)
	}

	a.Note = "changed"
	if err := s.Put(a); err != nil {
		t.Fatalf("Put(a1 again): %v", err)
	}
	if got, _, _ := s.Get("a1"); got.Note != "changed" {
		t.Errorf("after replacing, note = %q, want %q", got.Note, "changed")
	}

	if err := s.Delete("a1"); err != nil {
		t.Fatalf("Delete(a1): %v", err)
	}
	if _, ok, err := s.Get("a1"); ok || err != nil {
		t.Errorf("Get(a1) after Delete = _, %v, %v; want not found, no error", ok, err)
	}
	if list := mustList(t, s, "A/RES/78/1"); len(list) != 1 || list[0].ID != "a2" {
		t.Errorf("List after Delete = %+v, want a2 only", list)
	}
	if err := s.Delete("never-there"); err != nil {
		t.Errorf("Delete of a missing id: %v, want nil", err)
	}
}

func TestListFiltersByDocument(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	batch := []annotations.Annotation{
		sample("x1", "A/RES/78/1"), sample("x2", "S/RES/2712 (2023)"),
		sample("x3", "A/RES/78/1"), sample("x4", "A/RES/78/10"),
	}
	if err := s.PutMany(batch); err != nil {
		t.Fatal(err)
	}
	for doc, want := range map[string][]string{
		"A/RES/78/1":        {"x1", "x3"},
		"S/RES/2712 (2023)": {"x2"},
		"A/RES/78/10":       {"x4"},
		"A/RES/78":          {},
		"":                  {},
	} {
		got := []string{}
		for _, a := range mustList(t, s, doc) {
			got = append(got, a.ID)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("List(%q) ids = %q, want %q", doc, got, want)
		}
	}
	if list, _ := s.List("nothing"); list == nil {
		t.Errorf("List of an empty document = nil, want an empty slice")
	}
}

func TestPutManyRefusesTheWholeBatchWithAnInvalidAnnotation(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	batch := []annotations.Annotation{sample("ok1", "D"), sample("", "D"), sample("ok2", "D")}
	err := s.PutMany(batch)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("PutMany with an empty id = %v, want ErrInvalid", err)
	}
	t.Logf("error: %v", err)
	if list := mustList(t, s, "D"); len(list) != 0 {
		t.Errorf("after the failed batch, List = %d annotations, want none", len(list))
	}
	if err := s.Put(sample("x", "")); !errors.Is(err, ErrInvalid) {
		t.Errorf("Put without a document = %v, want ErrInvalid", err)
	}
}

// The browser itself refuses a record in the middle of a batch (no key):
// the transaction aborts and the records before it are not stored.
func TestPutManyIsOneTransaction(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	text, err := encodeRecords([]annotations.Annotation{sample("ok1", "D"), sample("ok2", "D")})
	if err != nil {
		t.Fatal(err)
	}
	var records []map[string]any
	if err := json.Unmarshal([]byte(text), &records); err != nil {
		t.Fatal(err)
	}
	keyless := map[string]any{"document": "D", "note": "no id"}
	b, _ := json.Marshal([]any{records[0], records[1], keyless})
	err = s.putJSON("test put", string(b))
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("put of a record without a key = %v, want ErrInvalid (DataError)", err)
	}
	var d *DOMError
	if !errors.As(err, &d) || d.Name != "DataError" {
		t.Errorf("error %v: want a *DOMError named DataError", err)
	}
	if list := mustList(t, s, "D"); len(list) != 0 {
		t.Errorf("after the aborted batch, List = %d annotations, want none", len(list))
	}
	if err := s.Put(sample("after", "D")); err != nil {
		t.Errorf("Put after an aborted batch: %v", err)
	}
}

func TestPutIsKeptAfterReopening(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	ctx := context.Background()
	s, err := Open(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	a := sample("kept", "A/RES/78/1")
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s2, err := Open(ctx, name)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer s2.Close()
	got, ok, err := s2.Get("kept")
	if err != nil || !ok || !reflect.DeepEqual(got, stored(a)) {
		t.Errorf("after reopening, Get = %+v, %v, %v; want %+v", got, ok, err, stored(a))
	}
}

func TestNonASCIITextRoundTripsExactly(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	a := sample("ü-🐘", "A/RES/78/1 — «Résolution»")
	a.Exact = "Réaffirme l’engagement: e\u0301 (e + combining acute), Å vs A\u030a, ﬁ"
	a.Prefix = "日本語のテキスト "
	a.Suffix = " 👩🏽‍⚖️ 🇺🇳 \u200d\u2028\u2029"
	a.Note = "Emoji 🐘🎉, quotes \"'`, backslash \\, tab\t, newline\n, NUL \x00, Arabic مرحبا, Hebrew שלום"
	a.Author = "Délégation de l’Équateur"
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Get(a.ID)
	if err != nil || !ok {
		t.Fatalf("Get: %v, %v", ok, err)
	}
	if !reflect.DeepEqual(got, stored(a)) {
		t.Errorf("Get = %#v\nwant %#v", got, stored(a))
	}
	list := mustList(t, s, a.Document)
	if len(list) != 1 || !reflect.DeepEqual(list[0], stored(a)) {
		t.Errorf("List = %#v\nwant %#v", list, stored(a))
	}
}

func TestTimesAreStoredInUTCToTheMillisecond(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	geneva := time.FixedZone("CET", 3600)
	a := sample("t", "D")
	a.Created = time.Date(2024, 12, 31, 23, 59, 59, 987_654_321, geneva)
	a.Modified = time.Time{}
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Get("t")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2024, 12, 31, 22, 59, 59, 987_000_000, time.UTC)
	if !got.Created.Equal(want) || got.Created.Location() != time.UTC {
		t.Errorf("Created = %v, want %v", got.Created, want)
	}
	if !got.Modified.IsZero() {
		t.Errorf("Modified = %v, want the zero time", got.Modified)
	}
	// The record itself holds the strings.
	raw := openRaw(t, s.Name(), 0)
	v, err := awaitJS(t, jsFunc(t, rawGetAll), raw)
	if err != nil {
		t.Fatal(err)
	}
	var dump struct{ Records []map[string]any }
	if err := json.Unmarshal([]byte(v.String()), &dump); err != nil {
		t.Fatal(err)
	}
	if r := dump.Records[0]; r["created"] != "2024-12-31T22:59:59.987Z" || r["modified"] != "0001-01-01T00:00:00.000Z" || r["document"] != "D" {
		t.Errorf("record = %v; want created 2024-12-31T22:59:59.987Z, modified 0001-01-01T00:00:00.000Z, document D", r)
	}
}

func TestConcurrentPuts(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.Put(sample(fmt.Sprintf("c%02d", i), "D"))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if list := mustList(t, s, "D"); len(list) != 20 {
		t.Errorf("List = %d annotations, want 20", len(list))
	}
}

func TestClosedStoreFailsWithErrClosed(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.List("D"); !errors.Is(err, ErrClosed) {
		t.Errorf("List after Close = %v, want ErrClosed", err)
	}
	if err := s.Put(sample("a", "D")); !errors.Is(err, ErrClosed) {
		t.Errorf("Put after Close = %v, want ErrClosed", err)
	}
	if _, _, err := s.Get("a"); !errors.Is(err, ErrClosed) {
		t.Errorf("Get after Close = %v, want ErrClosed", err)
	}
}

func TestOpenWithAnEmptyNameOpensTheDefaultDatabase(t *testing.T) {
	t.Parallel()
	deleteAfter(t, DefaultName)
	s, err := Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Name() != DefaultName {
		t.Errorf("Name() = %q, want %q", s.Name(), DefaultName)
	}
}

// v1Records is a version 1 database's content, as an early build wrote it.
const v1Records = `[
	{"id": "v1-a", "doc": "A/RES/77/1", "clause": "op-1", "start": 0, "end": 10,
	 "exact": "Décide de…", "prefix": "", "suffix": " convoquer", "tag": "commitment",
	 "note": "🐘 first", "created": 1709285400123, "modified": 1709290800456, "legacy": {"color": "yellow"}},
	{"id": "v1-b", "doc": "A/RES/77/1", "clause": "pp-2", "start": 3, "end": 8,
	 "exact": "Notant", "prefix": "", "suffix": "", "tag": "concern",
	 "note": "", "created": 0, "modified": 1},
	{"id": "v1-c", "doc": "S/RES/2712 (2023)", "clause": "op-4", "start": 1, "end": 2,
	 "exact": "x", "prefix": "a", "suffix": "b", "tag": "request",
	 "note": "other document", "created": 1709285400000, "modified": 1709285400000}
]`

func TestUpgradeFromVersion1KeepsEveryRecord(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	raw := openRaw(t, name, 1)
	if _, err := awaitJS(t, jsFunc(t, rawPut), raw, v1Records); err != nil {
		t.Fatal(err)
	}
	raw.Call("close")

	s, err := Open(context.Background(), name)
	if err != nil {
		t.Fatalf("Open of a version 1 database: %v", err)
	}
	defer s.Close()

	ms := func(n int64) time.Time { return time.UnixMilli(n).UTC() }
	want := []annotations.Annotation{
		{ID: "v1-a", Document: "A/RES/77/1", Clause: "op-1", Start: 0, End: 10, Exact: "Décide de…",
			Suffix: " convoquer", Tag: annotations.Commitment, Note: "🐘 first",
			Created: ms(1709285400123), Modified: ms(1709290800456)},
		{ID: "v1-b", Document: "A/RES/77/1", Clause: "pp-2", Start: 3, End: 8, Exact: "Notant",
			Tag: annotations.Concern, Created: ms(0), Modified: ms(1)},
	}
	if got := mustList(t, s, "A/RES/77/1"); !reflect.DeepEqual(got, want) {
		t.Errorf("List after the upgrade =\n%+v\nwant\n%+v", got, want)
	}
	if got := mustList(t, s, "S/RES/2712 (2023)"); len(got) != 1 || got[0].ID != "v1-c" || got[0].Note != "other document" {
		t.Errorf("List(S/RES/2712 (2023)) = %+v, want v1-c", got)
	}

	// The records are version 2 records, and unknown fields survive.
	_ = s.Close()
	raw = openRaw(t, name, 0)
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
	if dump.Version != SchemaVersion || len(dump.Records) != 3 {
		t.Fatalf("after the upgrade: version %d with %d records, want %d with 3", dump.Version, len(dump.Records), SchemaVersion)
	}
	r := dump.Records[0]
	if _, ok := r["doc"]; ok {
		t.Errorf("record %v still has doc", r)
	}
	if r["created"] != "2024-03-01T09:30:00.123Z" || r["author"] != "" {
		t.Errorf("record %v: want created 2024-03-01T09:30:00.123Z and author \"\"", r)
	}
	if !reflect.DeepEqual(r["legacy"], map[string]any{"color": "yellow"}) {
		t.Errorf("record %v lost its unknown field legacy", r)
	}
}

func TestFailedUpgradeLeavesVersion1Untouched(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	raw := openRaw(t, name, 1)
	bad := `[{"id": "good", "doc": "D", "created": 1, "modified": 2},
		{"id": 42, "doc": "D", "note": "numeric id", "created": 1, "modified": 2}]`
	if _, err := awaitJS(t, jsFunc(t, rawPut), raw, bad); err != nil {
		t.Fatal(err)
	}
	raw.Call("close")

	s, err := Open(context.Background(), name)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded; want ErrUpgrade")
	}
	if !errors.Is(err, ErrUpgrade) {
		t.Fatalf("Open = %v, want ErrUpgrade", err)
	}
	t.Logf("error: %v", err)

	raw = openRaw(t, name, 0)
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
	if dump.Version != 1 || len(dump.Records) != 2 || dump.Records[1]["doc"] != "D" || dump.Records[1]["created"] != 1.0 {
		t.Errorf("after the failed upgrade: %s; want version 1 with both records unchanged", v.String())
	}
}

func TestOpenIsBlockedByAnOldTab(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	raw := openRaw(t, name, 1) // an old tab that ignores versionchange

	var err error
	within(t, 10*time.Second, "Open while an old tab holds version 1", func() {
		var s *Store
		s, err = Open(context.Background(), name)
		if s != nil {
			s.Close()
		}
	})
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("Open = %v, want ErrBlocked", err)
	}
	t.Logf("error: %v", err)

	// Once the old tab closes, the abandoned request must not upgrade.
	raw.Call("close")
	raw = openRaw(t, name, 0)
	if v := raw.Get("version").Int(); v != 1 {
		t.Errorf("after the old tab closed, version = %d, want 1 (the abandoned upgrade must abort)", v)
	}
	raw.Call("close")
	s, err := Open(context.Background(), name)
	if err != nil {
		t.Fatalf("Open after the old tab closed: %v", err)
	}
	s.Close()
}

func TestOpenOfANewerDatabaseFailsWithErrVersion(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	openRaw(t, name, SchemaVersion+1).Call("close")
	s, err := Open(context.Background(), name)
	if err == nil {
		s.Close()
	}
	if !errors.Is(err, ErrVersion) {
		t.Fatalf("Open = %v, want ErrVersion", err)
	}
	var d *DOMError
	if !errors.As(err, &d) || d.Name != "VersionError" {
		t.Errorf("error %v: want a *DOMError named VersionError", err)
	}
	t.Logf("error: %v", err)
}

func TestVersionChangeClosesTheStore(t *testing.T) {
	t.Parallel()
	name := testDBName(t)
	deleteAfter(t, name)
	s, err := Open(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	called := make(chan error, 2)
	s.OnClose(func(err error) { called <- err })

	// A newer tab opens version 3: it must not be blocked by us.
	var newer js.Value
	within(t, 10*time.Second, "a newer tab opening version 3", func() {
		newer = openRaw(t, name, SchemaVersion+1)
	})
	if v := newer.Get("version").Int(); v != SchemaVersion+1 {
		t.Errorf("the newer tab has version %d, want %d", v, SchemaVersion+1)
	}
	select {
	case err := <-called:
		if !errors.Is(err, ErrClosed) || !strings.Contains(err.Error(), "versionchange") {
			t.Errorf("OnClose callback got %v, want ErrClosed for versionchange", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("OnClose callback not called")
	}
	if _, err := s.List("D"); !errors.Is(err, ErrClosed) {
		t.Errorf("List after versionchange = %v, want ErrClosed", err)
	}
	late := make(chan error, 1)
	s.OnClose(func(err error) { late <- err })
	select {
	case err := <-late:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("late OnClose callback got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("a callback registered after the versionchange was not called")
	}
	select {
	case err := <-called:
		t.Errorf("the first callback was called twice (%v)", err)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestTheBrowserClosingTheConnectionIsToldAtOnce(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	called := make(chan error, 2)
	s.OnClose(func(err error) { called <- err })
	// The browser fires close on a connection it closes abnormally (the
	// site's data deleted): the same event, dispatched here.
	safejs.Unsafe(s.raw).Call("dispatchEvent", js.Global().Get("Event").New("close"))
	select {
	case err := <-called:
		if !errors.Is(err, ErrClosed) || !strings.Contains(err.Error(), "closed by the browser") {
			t.Errorf("OnClose callback got %v, want ErrClosed closed by the browser", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("OnClose callback not called")
	}
	if err := s.Put(sample("a", "D")); !errors.Is(err, ErrClosed) {
		t.Errorf("Put after close = %v, want ErrClosed", err)
	}
	// A versionchange after it tells nobody again.
	safejs.Unsafe(s.raw).Call("dispatchEvent", js.Global().Get("Event").New("versionchange"))
	select {
	case err := <-called:
		t.Errorf("the callback was called again (%v)", err)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestCloseTellsNobody(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	called := make(chan error, 1)
	s.OnClose(func(err error) { called <- err })
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Another tab upgrading now finds the connection closed: no event.
	within(t, 10*time.Second, "a newer tab opening the database", func() {
		openRaw(t, s.Name(), SchemaVersion+1).Call("close")
	})
	s.OnClose(func(err error) { called <- err })
	select {
	case err := <-called:
		t.Errorf("OnClose callback called after Close (%v)", err)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestOpenWithoutIndexedDBFailsWithErrUnavailable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		factory js.Value
	}{
		{"undefined", js.Undefined()},
		{"a string", js.ValueOf("indexedDB")},
		{"open throws SecurityError", jsFunc(t, `() => ({open() { throw new DOMException("access denied", "SecurityError"); }})`).Invoke()},
		{"open throws InvalidStateError", jsFunc(t, `() => ({open() { throw new DOMException("private mode", "InvalidStateError"); }})`).Invoke()},
		{"open returns a string", jsFunc(t, `() => ({open() { return "nope"; }})`).Invoke()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := openWith(ctx, safejs.Safe(tc.factory), "x")
			if s != nil || !errors.Is(err, ErrUnavailable) {
				t.Errorf("openWith = %v, %v; want nil, ErrUnavailable", s, err)
			}
		})
	}
}

func TestOpenReturnsWhenTheContextEnds(t *testing.T) {
	t.Parallel()
	// A request that never answers.
	factory := jsFunc(t, `() => ({open() { return new EventTarget(); }})`).Invoke()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	s, err := openWith(ctx, safejs.Safe(factory), "x")
	if s != nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("openWith = %v, %v; want nil, context.DeadlineExceeded", s, err)
	}
}

func TestDOMExceptionsMapToSentinels(t *testing.T) {
	t.Parallel()
	newDOMException := func(message, name string) js.Value {
		return js.Global().Get("DOMException").New(message, name)
	}
	for _, tc := range []struct {
		name    string
		value   js.Value
		opening bool
		want    error
		domName string
	}{
		{"QuotaExceededError", newDOMException("x", "QuotaExceededError"), false, ErrQuotaExceeded, "QuotaExceededError"},
		{"VersionError", newDOMException("x", "VersionError"), true, ErrVersion, "VersionError"},
		{"ConstraintError", newDOMException("x", "ConstraintError"), false, ErrConstraint, "ConstraintError"},
		{"DataError", newDOMException("x", "DataError"), false, ErrInvalid, "DataError"},
		{"InvalidStateError when opening", newDOMException("x", "InvalidStateError"), true, ErrUnavailable, "InvalidStateError"},
		{"InvalidStateError on a transaction", newDOMException("x", "InvalidStateError"), false, ErrClosed, "InvalidStateError"},
		{"SecurityError", newDOMException("x", "SecurityError"), true, ErrUnavailable, "SecurityError"},
		{"UnknownError when opening", newDOMException("x", "UnknownError"), true, ErrUnavailable, "UnknownError"},
		{"NotReadableError", newDOMException("x", "NotReadableError"), false, ErrFileUnreadable, "NotReadableError"},
		{"an unknown name", newDOMException("x", "TransactionInactiveError"), false, nil, "TransactionInactiveError"},
		{"a TypeError", js.Global().Get("TypeError").New("x"), false, nil, "TypeError"},
		{"a thrown string", js.ValueOf("x"), false, nil, "Error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := exceptionError("test op", safejs.Safe(tc.value), tc.opening)
			var d *DOMError
			if !errors.As(err, &d) {
				t.Fatalf("exceptionError = %#v, want a *DOMError", err)
			}
			if d.Name != tc.domName || d.Message != "x" || d.Op != "test op" {
				t.Errorf("DOMError = %+v, want name %q, message x, op \"test op\"", d, tc.domName)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.want)
			}
			if tc.want == nil && d.Err != nil {
				t.Errorf("%v maps to %v, want no sentinel", err, d.Err)
			}
		})
	}
	if err := exceptionError("op", safejs.Null(), false); err != nil {
		t.Errorf("exceptionError(null) = %v, want nil", err)
	}

	// A thrown DOMException reaches the caller of a safejs call.
	thrower := jsFunc(t, `() => { throw new DOMException("disk full", "QuotaExceededError"); }`)
	_, callErr := safejs.Safe(thrower).Invoke()
	err := callError("IndexedDB put", callErr, false)
	if !errors.Is(err, ErrQuotaExceeded) {
		t.Fatalf("callError = %v, want ErrQuotaExceeded", err)
	}
	want := ErrQuotaExceeded.Error() + " (IndexedDB put: QuotaExceededError: disk full)"
	if err.Error() != want {
		t.Errorf("message = %q\nwant      %q", err.Error(), want)
	}
}

func TestIDBErrorsMapToSentinels(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"QuotaExceededError", idb.NewDOMException("QuotaExceededError"), ErrQuotaExceeded},
		{"ConstraintError", idb.NewDOMException("ConstraintError"), ErrConstraint},
		{"DataError", idb.NewDOMException("DataError"), ErrInvalid},
		{"InvalidStateError", idb.NewDOMException("InvalidStateError"), ErrClosed},
		{"wrapped", fmt.Errorf("context: %w", idb.NewDOMException("QuotaExceededError")), ErrQuotaExceeded},
		{"an unknown name", idb.NewDOMException("TransactionInactiveError"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := idbError("test op", tc.err, false)
			var d *DOMError
			if !errors.As(err, &d) {
				t.Fatalf("idbError = %#v, want a *DOMError", err)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.want)
			}
			if tc.want == nil && d.Err != nil {
				t.Errorf("%v maps to %v, want no sentinel", err, d.Err)
			}
		})
	}
	if err := idbError("op", nil, false); err != nil {
		t.Errorf("idbError(nil) = %v, want nil", err)
	}
	if err := idbError("op", idb.NewDOMException("VersionError"), true); !errors.Is(err, ErrVersion) {
		t.Errorf("idbError(VersionError) when opening = %v, want ErrVersion", err)
	}

	// A real exception through go-indexeddb keeps its name and message: a
	// transaction on a closed connection.
	s := testDB(t)
	_ = s.db.Close()
	_, err := s.db.Transaction(idb.TransactionReadOnly, storeName)
	if err == nil {
		t.Fatal("a transaction on a closed connection did not fail")
	}
	got := idbError("IndexedDB get", err, false)
	var d *DOMError
	if !errors.As(got, &d) || d.Name != "InvalidStateError" || d.Message == "" || !errors.Is(got, ErrClosed) {
		t.Errorf("idbError(%v) = %#v; want a *DOMError named InvalidStateError with the message, wrapping ErrClosed", err, got)
	}
	want := ErrClosed.Error() + " (IndexedDB get: InvalidStateError: " + d.Message + ")"
	if got.Error() != want {
		t.Errorf("message = %q\nwant      %q", got.Error(), want)
	}
}

func TestEveryMethodFailsWithErrClosedAfterVersionChange(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	if err := s.Put(sample("a", "D")); err != nil {
		t.Fatal(err)
	}
	called := make(chan error, 1)
	s.OnClose(func(err error) { called <- err })
	within(t, 10*time.Second, "a newer tab opening the database", func() {
		openRaw(t, s.Name(), SchemaVersion+1).Call("close")
	})
	select {
	case <-called:
	case <-time.After(5 * time.Second):
		t.Fatal("OnClose callback not called")
	}
	a := sample("a", "D")
	for what, err := range map[string]error{
		"List":    func() error { _, err := s.List("D"); return err }(),
		"Get":     func() error { _, _, err := s.Get("a"); return err }(),
		"Put":     s.Put(a),
		"PutMany": s.PutMany([]annotations.Annotation{a}),
		"PutIf":   func() error { _, err := s.PutIf(a, a.Modified); return err }(),
		"Delete":  s.Delete("a"),
	} {
		if !errors.Is(err, ErrClosed) || !strings.Contains(err.Error(), "versionchange") {
			t.Errorf("%s after versionchange = %v, want ErrClosed for versionchange", what, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close after versionchange: %v", err)
	}
}

func TestMigrateV1Record(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want, err string
	}{
		{
			in:   `{"id":"a","doc":"D","created":1709285400123,"modified":"2024-03-01T09:30:00Z","x":[1]}`,
			want: `{"author":"","created":"2024-03-01T09:30:00.123Z","document":"D","id":"a","modified":"2024-03-01T09:30:00.000Z","x":[1]}`,
		},
		{
			in:   `{"id":"a","author":"me"}`,
			want: `{"author":"me","created":"0001-01-01T00:00:00.000Z","document":"","id":"a","modified":"0001-01-01T00:00:00.000Z"}`,
		},
		{in: `"a string"`, err: "not an object"},
		{in: `{"id":1}`, err: "id is not a string"},
		{in: `{"id":"a","doc":7}`, err: "doc 7 is not a string"},
		{in: `{"id":"a","created":true}`, err: "neither a number nor a string"},
		{in: `{"id":"a","created":"yesterday"}`, err: "not an RFC 3339 time"},
	} {
		got, err := migrateV1Record(tc.in)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("migrateV1Record(%s) = %s, %v; want an error with %q", tc.in, got, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("migrateV1Record(%s) = %s, %v\nwant %s", tc.in, got, err, tc.want)
		}
	}
}

// benchAnnotations returns n annotations of one document, with notes of a
// realistic length.
func benchAnnotations(n int) []annotations.Annotation {
	as := make([]annotations.Annotation, n)
	for i := range as {
		a := sample(fmt.Sprintf("ann-%05d", i), "A/RES/78/1")
		a.Note = fmt.Sprintf("Note %d: this paragraph commits the Secretary-General to report on progress — délai, coût 💶.", i)
		as[i] = a
	}
	return as
}

func BenchmarkList10000(b *testing.B) {
	s := testDB(b)
	if err := s.PutMany(benchAnnotations(10000)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		as, err := s.List("A/RES/78/1")
		if err != nil || len(as) != 10000 {
			b.Fatalf("List = %d, %v", len(as), err)
		}
	}
}

func BenchmarkPutMany10000(b *testing.B) {
	s := testDB(b)
	as := benchAnnotations(10000)
	for b.Loop() {
		if err := s.PutMany(as); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPut(b *testing.B) {
	s := testDB(b)
	a := sample("one", "A/RES/78/1")
	for b.Loop() {
		if err := s.Put(a); err != nil {
			b.Fatal(err)
		}
	}
}
