//go:build js && wasm

package wasm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// edited returns a with a new note and modified time, as an edit makes it.
func edited(a annotations.Annotation, note string, modified time.Time) annotations.Annotation {
	a.Note = note
	a.Modified = modified
	return a
}

func mustGet(t *testing.T, s *Store, id string) annotations.Annotation {
	t.Helper()
	a, ok, err := s.Get(id)
	if err != nil || !ok {
		t.Fatalf("Get(%q) = _, %v, %v; want it found", id, ok, err)
	}
	return a
}

func TestPutIfWritesWhenTheBaseMatches(t *testing.T) {
	t.Parallel()
	geneva := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		name string
		base func(stored time.Time) time.Time
	}{
		{"the stored time", func(m time.Time) time.Time { return m }},
		{"in another zone", func(m time.Time) time.Time { return m.In(geneva) }},
		{"with microseconds the store does not keep", func(m time.Time) time.Time { return m.Add(456 * time.Microsecond) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := testDB(t)
			a := sample("p1", "D")
			if err := s.Put(a); err != nil {
				t.Fatal(err)
			}
			base := mustGet(t, s, "p1").Modified
			b := edited(a, "edited", base.Add(time.Minute+789*time.Nanosecond))
			got, err := s.PutIf(b, tc.base(base))
			if err != nil {
				t.Fatalf("PutIf with base %v: %v", tc.base(base), err)
			}
			if !reflect.DeepEqual(got, stored(b)) {
				t.Errorf("PutIf returned %+v\nwant %+v", got, stored(b))
			}
			if now := mustGet(t, s, "p1"); !reflect.DeepEqual(now, stored(b)) {
				t.Errorf("after PutIf, Get = %+v\nwant %+v", now, stored(b))
			}
		})
	}
}

func TestPutIfWithAZeroBaseCreatesOnly(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	a := sample("new", "D")
	got, err := s.PutIf(a, time.Time{})
	if err != nil || !reflect.DeepEqual(got, stored(a)) {
		t.Fatalf("PutIf of a new annotation = %+v, %v; want it written", got, err)
	}
	again := edited(a, "second creation", a.Modified.Add(time.Hour))
	got, err = s.PutIf(again, time.Time{})
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("PutIf with a zero base of an existing annotation = %v, want ErrConflict", err)
	}
	if !reflect.DeepEqual(got, stored(a)) {
		t.Errorf("conflict returned %+v\nwant the stored %+v", got, stored(a))
	}
	if now := mustGet(t, s, "new"); now.Note != a.Note {
		t.Errorf("after the conflict, note = %q, want %q (nothing written)", now.Note, a.Note)
	}
}

func TestPutIfRefusesAStaleBaseAndTheRebaseWins(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	a := sample("s1", "D")
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	base := mustGet(t, s, "s1").Modified
	// Another tab saves first.
	other := edited(a, "other tab", base.Add(time.Second))
	if _, err := s.PutIf(other, base); err != nil {
		t.Fatal(err)
	}
	// This tab still starts from base.
	mine := edited(a, "this tab", base.Add(2*time.Second))
	current, err := s.PutIf(mine, base)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("PutIf with a stale base = %v, want ErrConflict", err)
	}
	t.Logf("error: %v", err)
	var d *DOMError
	if !errors.As(err, &d) || !strings.HasPrefix(err.Error(), ErrConflict.Error()+" (") || !strings.Contains(d.Message, `"s1"`) {
		t.Errorf("error %q: want a *DOMError that starts with %q and names s1", err, ErrConflict)
	}
	if !reflect.DeepEqual(current, stored(other)) {
		t.Errorf("conflict returned %+v\nwant the other tab's %+v", current, stored(other))
	}
	if now := mustGet(t, s, "s1"); now.Note != "other tab" {
		t.Errorf("after the conflict, note = %q, want %q", now.Note, "other tab")
	}

	// Rebase on what is stored, and try again.
	mine.Note = current.Note + " + this tab"
	got, err := s.PutIf(mine, current.Modified)
	if err != nil {
		t.Fatalf("PutIf rebased on the stored annotation: %v", err)
	}
	if now := mustGet(t, s, "s1"); !reflect.DeepEqual(now, got) || now.Note != "other tab + this tab" {
		t.Errorf("after the rebase, Get = %+v, PutIf returned %+v; want both notes", now, got)
	}
}

func TestPutIfOfADeletedAnnotationConflicts(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	a := sample("gone", "D")
	current, err := s.PutIf(a, a.Modified)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("PutIf of a missing annotation with a base = %v, want ErrConflict", err)
	}
	if !reflect.DeepEqual(current, annotations.Annotation{}) {
		t.Errorf("conflict returned %+v, want the zero Annotation", current)
	}
	if _, ok, _ := s.Get("gone"); ok {
		t.Errorf("PutIf wrote an annotation despite the conflict")
	}
}

func TestPutIfComparesToTheMillisecond(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	a := sample("ms", "D")
	a.Modified = time.Date(2024, 3, 1, 10, 0, 0, 123_456_789, time.UTC) // stored as .123
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	for _, base := range []time.Time{
		time.Date(2024, 3, 1, 10, 0, 0, 124_000_000, time.UTC),
		time.Date(2024, 3, 1, 10, 0, 0, 122_999_999, time.UTC),
	} {
		if _, err := s.PutIf(edited(a, "x", base), base); !errors.Is(err, ErrConflict) {
			t.Errorf("PutIf with base %v against .123 = %v, want ErrConflict", base.Format(time.RFC3339Nano), err)
		}
	}
	base := time.Date(2024, 3, 1, 10, 0, 0, 123_999_999, time.UTC)
	if _, err := s.PutIf(edited(a, "x", base), base); err != nil {
		t.Errorf("PutIf with base %v against .123 = %v, want nil", base.Format(time.RFC3339Nano), err)
	}
}

func TestPutIfRefusesInvalidAnnotationsAndClosedStores(t *testing.T) {
	t.Parallel()
	s := testDB(t)
	if _, err := s.PutIf(sample("", "D"), time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("PutIf without an id = %v, want ErrInvalid", err)
	}
	if _, err := s.PutIf(sample("x", ""), time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("PutIf without a document = %v, want ErrInvalid", err)
	}
	_ = s.Close()
	if _, err := s.PutIf(sample("x", "D"), time.Time{}); !errors.Is(err, ErrClosed) {
		t.Errorf("PutIf after Close = %v, want ErrClosed", err)
	}
}

// Two tabs (two connections to one database) save the same annotation from
// the same base at the same time: exactly one wins, and every other one
// gets ErrConflict with the winner's annotation. If the get and the put
// were not one transaction, several would win; if the transaction could
// commit between them, the put would fail or PutIf would wait for ever.
func TestConcurrentPutIfOnOneAnnotationHasOneWinner(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name        string
		contenders  int
		createFirst bool // the annotation exists before the race
	}{
		{"two tabs edit", 2, true},
		{"eight edits over two tabs", 8, true},
		{"two tabs create", 2, false},
		{"eight creations over two tabs", 8, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			name := testDBName(t)
			deleteAfter(t, name)
			var tabs [2]*Store
			for i := range tabs {
				s, err := Open(context.Background(), name)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = s.Close() })
				tabs[i] = s
			}
			for round := range 10 {
				id := fmt.Sprintf("race-%d", round)
				a := sample(id, "D")
				var base time.Time
				if tc.createFirst {
					if err := tabs[0].Put(a); err != nil {
						t.Fatal(err)
					}
					base = mustGet(t, tabs[1], id).Modified
				}

				type outcome struct {
					wrote   annotations.Annotation
					current annotations.Annotation
					err     error
				}
				outcomes := make([]outcome, tc.contenders)
				start := make(chan struct{})
				var wg sync.WaitGroup
				for i := range outcomes {
					wg.Add(1)
					go func() {
						defer wg.Done()
						b := edited(a, fmt.Sprintf("contender %d", i), a.Modified.Add(time.Duration(i+1)*time.Second))
						<-start
						current, err := tabs[i%2].PutIf(b, base)
						outcomes[i] = outcome{wrote: stored(b), current: current, err: err}
					}()
				}
				close(start)
				within(t, 20*time.Second, fmt.Sprintf("round %d: %d PutIf at once", round, tc.contenders), wg.Wait)

				winner := -1
				for i, o := range outcomes {
					switch {
					case o.err == nil:
						if winner >= 0 {
							t.Fatalf("round %d: contenders %d and %d both won", round, winner, i)
						}
						winner = i
					case !errors.Is(o.err, ErrConflict):
						t.Fatalf("round %d: contender %d: %v, want nil or ErrConflict", round, i, o.err)
					}
				}
				if winner < 0 {
					t.Fatalf("round %d: nobody won: %+v", round, outcomes)
				}
				want := outcomes[winner].wrote
				for i, o := range outcomes {
					if i != winner && !reflect.DeepEqual(o.current, want) {
						t.Errorf("round %d: contender %d got the conflict with %+v\nwant the winner's %+v", round, i, o.current, want)
					}
				}
				if got := mustGet(t, tabs[0], id); !reflect.DeepEqual(got, want) {
					t.Errorf("round %d: stored %+v\nwant the winner's %+v", round, got, want)
				}
			}
		})
	}
}

func BenchmarkPutIf(b *testing.B) {
	s := testDB(b)
	a := sample("one", "A/RES/78/1")
	if err := s.Put(a); err != nil {
		b.Fatal(err)
	}
	base := stored(a).Modified
	for b.Loop() {
		a.Modified = base.Add(time.Millisecond)
		if _, err := s.PutIf(a, base); err != nil {
			b.Fatal(err)
		}
		base = a.Modified
	}
}
