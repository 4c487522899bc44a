// Package storetest checks that a library.Store behaves as the interface
// says: the same tests run on library.MemoryStore natively and on
// wasm.Store in the browser.
package storetest

import (
	"errors"
	"fmt"
	"hash/crc32"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// Fixture is a small library: the built-in resolution with three
// annotations, and a draft (another text of it, another symbol) with two.
type Fixture struct {
	Seed, Draft library.Addition
}

// at is a fixed time, to the millisecond (what stores keep).
func at(day, hour int) time.Time { return time.Date(2024, 3, day, hour, 30, 0, 250e6, time.UTC) }

// NewFixture makes the fixture.
func NewFixture(t testing.TB) Fixture {
	t.Helper()
	seed := addition(t, resolution.Seed(), library.SourceBuiltin, "", at(1, 9), 3)
	draftText := strings.Replace(string(resolution.Seed()), "53/11.", "53/99.", 1)
	draftText = strings.Replace(draftText, "Requests the Advisory Committee", "Also requests the Advisory Committee", 1)
	draft := addition(t, []byte(draftText), library.SourcePDF, "L.99.pdf", at(2, 10), 2)
	return Fixture{Seed: seed, Draft: draft}
}

// addition makes a library document of text with n annotations on its
// first operative paragraphs.
func addition(t testing.TB, text []byte, source, fileName string, added time.Time, n int) library.Addition {
	t.Helper()
	parsed, err := resolution.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	d, err := library.NewDocument(string(text), parsed, source, fileName, added)
	if err != nil {
		t.Fatal(err)
	}
	adoc, err := library.AnnotationDocument(parsed, d.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	var as []annotations.Annotation
	for i := range n {
		c := adoc.Clauses[40+i]
		sel, err := adoc.Describe(c.ID, 0, 12)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, annotations.Annotation{
			ID:       fmt.Sprintf("urn:uuid:%08x-0000-4000-8000-%012x", crc32.ChecksumIEEE([]byte(d.Symbol)), i+1),
			Document: d.Symbol, Clause: c.ID, Start: 0, End: 12,
			Exact: sel.Exact, Suffix: sel.Suffix, Tag: annotations.Tags[i%3],
			Note: "note é " + c.ID, Author: "Délégation", Created: added.Add(time.Duration(i) * time.Hour),
			Modified: added.Add(time.Duration(i+1) * time.Hour),
		})
	}
	s, err := library.NewSummary(d, parsed, as)
	if err != nil {
		t.Fatal(err)
	}
	return library.Addition{Document: d, Summary: s, Annotations: as}
}

// Run runs the tests on stores open returns: each call a new, empty one.
func Run(t *testing.T, open func(t *testing.T) library.Store) {
	t.Run("PutDocument then Document and Summaries", func(t *testing.T) { testPutGet(t, open(t)) })
	t.Run("CurrentTextSHA256 is the hash of the current version's text", func(t *testing.T) { testCurrentHash(t, open(t)) })
	t.Run("UpdateDocument changes both records or none", func(t *testing.T) { testUpdate(t, open(t)) })
	t.Run("PutSummary needs the document", func(t *testing.T) { testPutSummary(t, open(t)) })
	t.Run("DeleteDocument removes the annotations too and Restore puts all back", func(t *testing.T) { testDeleteRestore(t, open(t)) })
	t.Run("Write is all or nothing", func(t *testing.T) { testWrite(t, open(t)) })
	t.Run("Write updates documents and writes annotations as they were read, or nothing", func(t *testing.T) { testWriteUpdates(t, open(t)) })
	t.Run("AllAnnotations lists every document's", func(t *testing.T) { testAll(t, open(t)) })
	t.Run("EnsureBuiltin adds the seed to an empty library, once", func(t *testing.T) { testBuiltin(t, open(t)) })
}

// EqualDocument reports how two documents differ ("" if they do not):
// times compared with Equal.
func EqualDocument(got, want library.Document) string {
	g, w := got, want
	if !g.Added.Equal(w.Added) || !g.Opened.Equal(w.Opened) {
		return fmt.Sprintf("times: got added %v opened %v, want %v %v", g.Added, g.Opened, w.Added, w.Opened)
	}
	g.Added, g.Opened, w.Added, w.Opened = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if len(g.Versions) != len(w.Versions) {
		return fmt.Sprintf("%d versions, want %d", len(g.Versions), len(w.Versions))
	}
	g.Versions, w.Versions = slices.Clone(g.Versions), slices.Clone(w.Versions)
	for i := range g.Versions {
		if !g.Versions[i].Added.Equal(w.Versions[i].Added) {
			return fmt.Sprintf("version %d added %v, want %v", i+1, g.Versions[i].Added, w.Versions[i].Added)
		}
		g.Versions[i].Added, w.Versions[i].Added = time.Time{}, time.Time{}
	}
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("got %+v\nwant %+v", short(g), short(w))
	}
	return ""
}

// EqualSummary reports how two summaries differ ("" if they do not).
func EqualSummary(got, want library.Summary) string {
	g, w := got, want
	for _, p := range []struct{ g, w *time.Time }{{&g.Added, &w.Added}, {&g.Opened, &w.Opened}, {&g.LastAnnotated, &w.LastAnnotated}} {
		if !p.g.Equal(*p.w) {
			return fmt.Sprintf("a time: got %v, want %v", *p.g, *p.w)
		}
		*p.g, *p.w = time.Time{}, time.Time{}
	}
	if len(g.Sponsors) == 0 && len(w.Sponsors) == 0 {
		g.Sponsors, w.Sponsors = nil, nil
	}
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("got %+v\nwant %+v", g, w)
	}
	return ""
}

// EqualAnnotations reports how two lists of annotations differ, in any
// order.
func EqualAnnotations(got, want []annotations.Annotation) string {
	byID := func(as []annotations.Annotation) []annotations.Annotation {
		as = slices.Clone(as)
		slices.SortFunc(as, func(a, b annotations.Annotation) int { return strings.Compare(a.ID, b.ID) })
		return as
	}
	g, w := byID(got), byID(want)
	if len(g) != len(w) {
		return fmt.Sprintf("%d annotations, want %d", len(g), len(w))
	}
	for i := range g {
		if !g[i].Equal(w[i]) {
			return fmt.Sprintf("annotation %s: got %+v, want %+v", w[i].ID, g[i], w[i])
		}
	}
	return ""
}

// short is a document without its texts, to print.
func short(d library.Document) library.Document {
	d.Versions = slices.Clone(d.Versions)
	for i := range d.Versions {
		d.Versions[i].Text = fmt.Sprintf("(%d bytes)", len(d.Versions[i].Text))
	}
	return d
}

func mustSummaries(t *testing.T, st library.Store) []library.Summary {
	t.Helper()
	ss, err := st.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(ss, func(a, b library.Summary) int { return strings.Compare(a.ID, b.ID) })
	return ss
}

func testPutGet(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if ss := mustSummaries(t, st); len(ss) != 0 {
		t.Fatalf("a new store has %d summaries", len(ss))
	}
	if _, ok, err := st.Document(f.Seed.Document.ID); ok || err != nil {
		t.Fatalf("Document of a new store = %v, %v; want none", ok, err)
	}
	for _, a := range []library.Addition{f.Seed, f.Draft} {
		if err := st.PutDocument(a.Document, a.Summary); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := st.Document(f.Draft.Document.ID)
	if err != nil || !ok {
		t.Fatalf("Document = %v, %v", ok, err)
	}
	if d := EqualDocument(got, f.Draft.Document); d != "" {
		t.Error(d)
	}
	ss := mustSummaries(t, st)
	if len(ss) != 2 {
		t.Fatalf("%d summaries, want 2", len(ss))
	}
	want := []library.Summary{f.Seed.Summary, f.Draft.Summary}
	slices.SortFunc(want, func(a, b library.Summary) int { return strings.Compare(a.ID, b.ID) })
	for i := range ss {
		if d := EqualSummary(ss[i], want[i]); d != "" {
			t.Error(d)
		}
	}
	// The summary mirrors the document, whatever the caller gave.
	s := f.Seed.Summary
	s.Name, s.Versions = "wrong", 7
	if err := st.PutDocument(f.Seed.Document, s); err != nil {
		t.Fatal(err)
	}
	ss = mustSummaries(t, st)
	for _, got := range ss {
		if got.ID == f.Seed.Document.ID && (got.Name != "" || got.Versions != 1) {
			t.Errorf("PutDocument kept the summary's own name %q and versions %d", got.Name, got.Versions)
		}
	}
	bad := f.Seed.Document
	bad.ID = "other"
	if err := st.PutDocument(bad, f.Seed.Summary); !errors.Is(err, library.ErrInvalid) {
		t.Errorf("PutDocument of an invalid document = %v, want ErrInvalid", err)
	}
}

func testCurrentHash(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if h, ok, err := st.CurrentTextSHA256(f.Seed.Document.ID); ok || h != "" || err != nil {
		t.Fatalf("CurrentTextSHA256 of a new store = %q, %v, %v; want none", h, ok, err)
	}
	for _, a := range []library.Addition{f.Seed, f.Draft} {
		if err := st.PutDocument(a.Document, a.Summary); err != nil {
			t.Fatal(err)
		}
	}
	// The hash is that of the clauses the text parses into, read here
	// from the text, not from the stored record.
	for _, a := range []library.Addition{f.Seed, f.Draft} {
		parsed, err := resolution.Parse([]byte(a.Document.Current().Text))
		if err != nil {
			t.Fatal(err)
		}
		if h, ok, err := st.CurrentTextSHA256(a.Document.ID); !ok || err != nil || h != parsed.TextSHA256() {
			t.Errorf("CurrentTextSHA256(%s) = %q, %v, %v; want %q", a.Document.ID, h, ok, err, parsed.TextSHA256())
		}
	}
	// A revised text of the seed, added as its new version, becomes its
	// current one.
	revised := strings.Replace(string(resolution.Seed()), "with a view to broadening the donor base", "so as to broaden the donor base", 1)
	parsed, err := resolution.Parse([]byte(revised))
	if err != nil {
		t.Fatal(err)
	}
	if parsed.TextSHA256() == f.Seed.Document.Current().TextSHA256 {
		t.Fatal("the revised text has the seed's hash: the test changes nothing")
	}
	v, err := library.NewVersion(revised, parsed, library.SourceText, "", "Rev.1", at(3, 9))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.UpdateDocument(f.Seed.Document.ID, func(d *library.Document, _ *library.Summary) error {
		_, err := d.AddVersion(v)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if h, ok, err := st.CurrentTextSHA256(f.Seed.Document.ID); !ok || err != nil || h != parsed.TextSHA256() {
		t.Errorf("after a new version, CurrentTextSHA256 = %q, %v, %v; want the new text's %q", h, ok, err, parsed.TextSHA256())
	}
	if h, ok, err := st.CurrentTextSHA256("no-such-document"); ok || h != "" || err != nil {
		t.Errorf("CurrentTextSHA256 of a missing document = %q, %v, %v; want none", h, ok, err)
	}
}

func testUpdate(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if err := st.PutDocument(f.Seed.Document, f.Seed.Summary); err != nil {
		t.Fatal(err)
	}
	id := f.Seed.Document.ID
	d, s, err := st.UpdateDocument(id, func(d *library.Document, s *library.Summary) error {
		if err := d.Rename("  Our   text "); err != nil {
			return err
		}
		d.Touch(at(5, 8), "op21")
		s.Counts.Request = 99
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Our text" || s.Name != "Our text" || !s.Opened.Equal(at(5, 8)) || s.Counts.Request != 99 || d.Place != "op21" {
		t.Errorf("UpdateDocument returned %+v and %+v", short(d), s)
	}
	got, _, err := st.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := EqualDocument(got, d); diff != "" {
		t.Errorf("stored: %s", diff)
	}
	ss := mustSummaries(t, st)
	if len(ss) != 1 || ss[0].Name != "Our text" || !ss[0].Opened.Equal(at(5, 8)) || ss[0].Counts.Request != 99 {
		t.Errorf("stored summary: %+v", ss)
	}

	stop := errors.New("stop")
	_, _, err = st.UpdateDocument(id, func(d *library.Document, s *library.Summary) error {
		d.Name = "changed"
		s.Name = "changed"
		return stop
	})
	if !errors.Is(err, stop) {
		t.Errorf("UpdateDocument returned %v, want the change's error", err)
	}
	if got, _, _ := st.Document(id); got.Name != "Our text" {
		t.Errorf("a refused change was written: name %q", got.Name)
	}
	if _, _, err := st.UpdateDocument("missing", func(*library.Document, *library.Summary) error { return nil }); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("UpdateDocument of a missing document = %v, want ErrNotFound", err)
	}
	_, _, err = st.UpdateDocument(id, func(d *library.Document, s *library.Summary) error {
		d.Versions = nil
		return nil
	})
	if !errors.Is(err, library.ErrInvalid) {
		t.Errorf("UpdateDocument making the document invalid = %v, want ErrInvalid", err)
	}
	if got, _, _ := st.Document(id); len(got.Versions) != 1 {
		t.Errorf("an invalid change was written")
	}
}

func testPutSummary(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if err := st.PutSummary(f.Seed.Summary); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("PutSummary without the document = %v, want ErrNotFound", err)
	}
	if ss := mustSummaries(t, st); len(ss) != 0 {
		t.Errorf("PutSummary without the document wrote %d summaries", len(ss))
	}
	if err := st.PutDocument(f.Seed.Document, f.Seed.Summary); err != nil {
		t.Fatal(err)
	}
	s := f.Seed.Summary
	s.Counts = annotations.Counts{Concern: 4, Orphans: 1}
	s.LastAnnotated = at(9, 9)
	s.Name = "not mirrored"
	if err := st.PutSummary(s); err != nil {
		t.Fatal(err)
	}
	ss := mustSummaries(t, st)
	if len(ss) != 1 || ss[0].Counts != s.Counts || !ss[0].LastAnnotated.Equal(at(9, 9)) || ss[0].Name != "" {
		t.Errorf("after PutSummary: %+v", ss)
	}
}

func testDeleteRestore(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if err := st.Write(library.Batch{Add: []library.Addition{f.Seed, f.Draft}}); err != nil {
		t.Fatal(err)
	}
	r, err := st.DeleteDocument(f.Draft.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := EqualDocument(r.Document, f.Draft.Document); d != "" {
		t.Errorf("removed document: %s", d)
	}
	if d := EqualSummary(r.Summary, f.Draft.Summary); d != "" {
		t.Errorf("removed summary: %s", d)
	}
	if d := EqualAnnotations(r.Annotations, f.Draft.Annotations); d != "" {
		t.Errorf("removed annotations: %s", d)
	}
	if _, ok, _ := st.Document(f.Draft.Document.ID); ok {
		t.Error("the document is still there")
	}
	if ss := mustSummaries(t, st); len(ss) != 1 {
		t.Errorf("%d summaries after the delete, want 1", len(ss))
	}
	if as, _ := st.List(f.Draft.Document.Symbol); len(as) != 0 {
		t.Errorf("%d annotations of the deleted document are left", len(as))
	}
	if as, _ := st.List(f.Seed.Document.Symbol); len(as) != len(f.Seed.Annotations) {
		t.Errorf("the other document has %d annotations, want %d", len(as), len(f.Seed.Annotations))
	}
	if _, err := st.DeleteDocument(f.Draft.Document.ID); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("deleting it again = %v, want ErrNotFound", err)
	}

	if err := st.Restore(r); err != nil {
		t.Fatal(err)
	}
	got, ok, err := st.Document(f.Draft.Document.ID)
	if err != nil || !ok {
		t.Fatalf("after Restore: %v, %v", ok, err)
	}
	if d := EqualDocument(got, f.Draft.Document); d != "" {
		t.Errorf("restored document: %s", d)
	}
	as, err := st.List(f.Draft.Document.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	if d := EqualAnnotations(as, f.Draft.Annotations); d != "" {
		t.Errorf("restored annotations: %s", d)
	}
	if err := st.Restore(r); !errors.Is(err, library.ErrExists) {
		t.Errorf("restoring it twice = %v, want ErrExists", err)
	}
}

func testWrite(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if err := st.Write(library.Batch{Add: []library.Addition{f.Seed}}); err != nil {
		t.Fatal(err)
	}
	// The draft is new, the seed exists: nothing of the batch is written.
	extra := f.Seed.Annotations[0]
	extra.Note = "changed by the batch"
	err := st.Write(library.Batch{Add: []library.Addition{f.Draft, f.Seed}, Annotations: []annotations.Annotation{extra}})
	if !errors.Is(err, library.ErrExists) {
		t.Fatalf("Write of a batch adding an existing document = %v, want ErrExists", err)
	}
	if _, ok, _ := st.Document(f.Draft.Document.ID); ok {
		t.Error("the failed batch added the draft")
	}
	if as, _ := st.List(f.Draft.Document.Symbol); len(as) != 0 {
		t.Errorf("the failed batch wrote %d of the draft's annotations", len(as))
	}
	if a, _, _ := st.Get(extra.ID); a.Note == extra.Note {
		t.Error("the failed batch changed an annotation")
	}
	// A summary of a missing document fails the batch too.
	missing := f.Draft.Summary
	err = st.Write(library.Batch{Annotations: []annotations.Annotation{extra}, Summaries: []library.Summary{missing}})
	if !errors.Is(err, library.ErrNotFound) {
		t.Fatalf("Write with the summary of a missing document = %v, want ErrNotFound", err)
	}
	if a, _, _ := st.Get(extra.ID); a.Note == extra.Note {
		t.Error("the failed batch changed an annotation")
	}
	// A good batch: the draft, an annotation, a summary.
	s := f.Seed.Summary
	s.Counts.Untagged = 5
	if err := st.Write(library.Batch{Add: []library.Addition{f.Draft}, Annotations: []annotations.Annotation{extra}, Summaries: []library.Summary{s}}); err != nil {
		t.Fatal(err)
	}
	if a, _, _ := st.Get(extra.ID); a.Note != extra.Note {
		t.Error("the batch did not change the annotation")
	}
	ss := mustSummaries(t, st)
	if len(ss) != 2 {
		t.Fatalf("%d summaries, want 2", len(ss))
	}
	for _, got := range ss {
		if got.ID == s.ID && got.Counts.Untagged != 5 {
			t.Errorf("the batch did not replace the summary: %+v", got.Counts)
		}
	}
	bad := f.Draft
	bad.Annotations = []annotations.Annotation{f.Seed.Annotations[0]}
	bad.Document.ID, bad.Summary.ID = "x", "x"
	if err := st.Write(library.Batch{Add: []library.Addition{bad}}); !errors.Is(err, library.ErrInvalid) {
		t.Errorf("Write of an invalid addition = %v, want ErrInvalid", err)
	}
}

func testWriteUpdates(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if err := st.Write(library.Batch{Add: []library.Addition{f.Seed}}); err != nil {
		t.Fatal(err)
	}
	id, stored := f.Seed.Document.ID, f.Seed.Annotations[0]
	// A new version of the seed (the draft's text), with its review, and
	// an annotation re-anchored (moved, not edited: Modified as read).
	text := strings.Replace(string(resolution.Seed()), "non-traditional donor countries", "new and non-traditional donor countries", 1)
	parsed, err := resolution.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	next, err := library.NewVersion(text, parsed, library.SourceText, "rev1.txt", "Rev.1", at(4, 9))
	if err != nil {
		t.Fatal(err)
	}
	next.Review = &library.Review{From: 1, Carried: 2, Exact: 2, Items: []library.ReviewItem{{
		ID: stored.ID, Fate: "moved", OldClause: stored.Clause, OldLabel: "OP7", NewClause: "op8", NewLabel: "OP8", OldQuote: stored.Exact, NewQuote: stored.Exact,
	}}}
	addVersion := func(d *library.Document, s *library.Summary) error {
		_, err := d.AddVersion(next)
		s.Counts.Orphans = 7
		return err
	}
	moved := stored
	moved.Clause, moved.Start, moved.End = "", 0, len([]rune(stored.Exact))
	batch := library.Batch{Updates: []library.Update{{ID: id, Change: addVersion}}, Annotations: []annotations.Annotation{moved}, IfUnchanged: true}

	unchanged := func(what string) {
		t.Helper()
		d, _, err := st.Document(id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := EqualDocument(d, f.Seed.Document); diff != "" {
			t.Errorf("%s: the document was changed: %s", what, diff)
		}
		a, _, _ := st.Get(stored.ID)
		if !a.Equal(stored) {
			t.Errorf("%s: the annotation was written: %+v", what, a)
		}
		if ss := mustSummaries(t, st); len(ss) != 1 || ss[0].Versions != 1 || ss[0].Counts.Orphans == 7 {
			t.Errorf("%s: the summary was written: %+v", what, ss)
		}
	}
	// Edited meanwhile (another tab): a conflict, nothing written.
	edited := stored
	edited.Note, edited.Modified = "edited meanwhile", stored.Modified.Add(time.Second)
	if err := st.Put(edited); err != nil {
		t.Fatal(err)
	}
	if err := st.Write(batch); !errors.Is(err, annotations.ErrConflict) {
		t.Errorf("Write over an annotation edited meanwhile = %v, want ErrConflict", err)
	}
	if err := st.Put(stored); err != nil {
		t.Fatal(err)
	}
	unchanged("an annotation edited meanwhile")
	// Deleted meanwhile: a conflict too.
	gone := moved
	gone.ID = "urn:uuid:00000000-0000-4000-8000-00000000dead"
	if err := st.Write(library.Batch{Updates: batch.Updates, Annotations: []annotations.Annotation{gone}, IfUnchanged: true}); !errors.Is(err, annotations.ErrConflict) {
		t.Errorf("Write over an annotation deleted meanwhile = %v, want ErrConflict", err)
	}
	unchanged("an annotation deleted meanwhile")
	// A change that fails, an update of a document not there: nothing.
	stop := errors.New("stop")
	failing := library.Batch{Updates: []library.Update{{ID: id, Change: func(*library.Document, *library.Summary) error { return stop }}}, Annotations: []annotations.Annotation{moved}}
	if err := st.Write(failing); !errors.Is(err, stop) {
		t.Errorf("Write with a failing change = %v, want its error", err)
	}
	unchanged("a failing change")
	missing := library.Batch{Updates: []library.Update{{ID: id, Change: addVersion}, {ID: "missing", Change: addVersion}}, Annotations: []annotations.Annotation{moved}}
	if err := st.Write(missing); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("Write updating a document not there = %v, want ErrNotFound", err)
	}
	unchanged("an update of a document not there")

	if err := st.Write(batch); err != nil {
		t.Fatal(err)
	}
	want := f.Seed.Document
	want.Versions = slices.Clone(want.Versions)
	if _, err := want.AddVersion(next); err != nil {
		t.Fatal(err)
	}
	got, _, err := st.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := EqualDocument(got, want); diff != "" {
		t.Errorf("the document with its new version: %s", diff)
	}
	if r := got.Review(); r == nil || r.Summary() != "2 carried, 1 moved, 0 changed, 0 orphans" || r.Items[0].NewLabel != "OP8" {
		t.Errorf("the review as stored: %+v", r)
	}
	if a, _, _ := st.Get(stored.ID); !a.Equal(moved) {
		t.Errorf("the annotation as stored: %+v, want %+v", a, moved)
	}
	if ss := mustSummaries(t, st); len(ss) != 1 || ss[0].Versions != 2 || ss[0].Counts.Orphans != 7 || ss[0].TextSize != len(next.Text) {
		t.Errorf("the summary as stored: %+v", ss)
	}
}

func testAll(t *testing.T, st library.Store) {
	f := NewFixture(t)
	if err := st.Write(library.Batch{Add: []library.Addition{f.Seed, f.Draft}}); err != nil {
		t.Fatal(err)
	}
	// An annotation saved before the library, of a document it lacks.
	stray := f.Seed.Annotations[0]
	stray.ID, stray.Document = "urn:uuid:00000000-0000-4000-8000-0000000000ff", "S/2018/95"
	if err := st.Put(stray); err != nil {
		t.Fatal(err)
	}
	all, err := st.AllAnnotations()
	if err != nil {
		t.Fatal(err)
	}
	want := append(append(slices.Clone(f.Seed.Annotations), f.Draft.Annotations...), stray)
	if d := EqualAnnotations(all, want); d != "" {
		t.Error(d)
	}
}

func testBuiltin(t *testing.T, st library.Store) {
	f := NewFixture(t)
	// Annotations saved by an earlier Clausemark, before the library.
	if err := st.PutMany(f.Seed.Annotations); err != nil {
		t.Fatal(err)
	}
	id, changed, err := library.EnsureBuiltin(st, resolution.Seed(), at(1, 9))
	if err != nil || !changed || id != "A-HRC-RES-53-11" {
		t.Fatalf("EnsureBuiltin = %q, %v, %v; want A-HRC-RES-53-11, true", id, changed, err)
	}
	ss := mustSummaries(t, st)
	if len(ss) != 1 || !ss[0].Builtin || ss[0].Counts.Total() != len(f.Seed.Annotations) {
		t.Fatalf("summaries %+v: want the built-in one with the %d annotations saved before", ss, len(f.Seed.Annotations))
	}
	if _, changed, err := library.EnsureBuiltin(st, resolution.Seed(), at(2, 9)); changed || err != nil {
		t.Errorf("EnsureBuiltin again = %v, %v; want nothing done", changed, err)
	}
	// A corrected text becomes the current version.
	corrected := strings.Replace(string(resolution.Seed()), "Reaffirms", "Reaffirms firmly", 1)
	if _, changed, err := library.EnsureBuiltin(st, []byte(corrected), at(3, 9)); !changed || err != nil {
		t.Fatalf("EnsureBuiltin of a corrected text = %v, %v; want a new version", changed, err)
	}
	d, _, err := st.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Versions) != 2 || d.Current().Text != corrected || d.Versions[0].Text != string(resolution.Seed()) {
		t.Errorf("after the corrected text: %+v", short(d))
	}
	if r := d.Review(); r == nil || r.From != 1 || r.Summary() != "3 carried, 0 moved, 0 changed, 0 orphans" {
		t.Errorf("the annotations were not carried onto the corrected text: %+v", r)
	}
	// An older built-in text (the one of version 1) is not added again.
	if _, changed, err := library.EnsureBuiltin(st, resolution.Seed(), at(3, 10)); changed || err != nil {
		t.Errorf("EnsureBuiltin of the text of version 1 = %v, %v; want nothing done", changed, err)
	}
	// A version of the delegate's own is never replaced by a built-in text.
	own := strings.Replace(corrected, "Reaffirms firmly", "Reaffirms strongly", 1)
	ownParsed, err := resolution.Parse([]byte(own))
	if err != nil {
		t.Fatal(err)
	}
	v, err := library.NewVersion(own, ownParsed, library.SourcePDF, "L.12-Rev.1.pdf", "", at(3, 11))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.UpdateDocument(id, func(d *library.Document, _ *library.Summary) error { _, err := d.AddVersion(v); return err }); err != nil {
		t.Fatal(err)
	}
	again := strings.Replace(corrected, "Reaffirms firmly", "Reaffirms once more", 1)
	if _, changed, err := library.EnsureBuiltin(st, []byte(again), at(3, 12)); changed || err != nil {
		t.Errorf("EnsureBuiltin over the delegate's own version = %v, %v; want nothing done", changed, err)
	}
	// Removed while other documents stay: not added again.
	if err := st.PutDocument(f.Draft.Document, f.Draft.Summary); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DeleteDocument(id); err != nil {
		t.Fatal(err)
	}
	if got, changed, err := library.EnsureBuiltin(st, resolution.Seed(), at(4, 9)); got != "" || changed || err != nil {
		t.Errorf("EnsureBuiltin after the delegate removed it = %q, %v, %v; want nothing", got, changed, err)
	}
}
