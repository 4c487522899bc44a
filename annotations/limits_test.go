package annotations

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// manySet returns a set of n annotations on the seed with notes of about a
// hundred characters, the size of a delegate's, built in one Load.
func manySet(tb testing.TB, n int) *Set {
	tb.Helper()
	doc := seedDoc(tb)
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	base := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	as := make([]Annotation, n)
	for i := range as {
		c := doc.Clauses[rng.IntN(len(doc.Clauses))]
		length := doc.ClauseLen(c.ID)
		start := rng.IntN(length)
		end := start + 1 + rng.IntN(min(length-start, 120))
		sel, err := doc.Describe(c.ID, start, end)
		if err != nil {
			tb.Fatal(err)
		}
		t := base.Add(time.Duration(i) * time.Second)
		as[i] = Annotation{
			ID: nameID(fmt.Sprint("many\n", i)), Clause: c.ID, Start: start, End: end,
			Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix, Tag: Tags[i%3],
			Note:    fmt.Sprintf("Note %d: check this against the draft of the facilitator and the position of the group.", i),
			Created: t, Modified: t,
		}
	}
	s := NewSet(doc, fixedNow)
	if _, err := s.Load(as); err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestWhatWeWriteWeRead: the most annotations a file may hold, exported in
// the native format, make a file above the old import limit (32 MiB), and
// it imports back whole.
func TestWhatWeWriteWeRead(t *testing.T) {
	s := manySet(t, MaxAnnotations)
	data, err := ExportJSON(s, fixedNow)
	if err != nil {
		t.Fatalf("export of %d annotations: %v", MaxAnnotations, err)
	}
	t.Logf("%d annotations: %.1f MB native", MaxAnnotations, float64(len(data))/1e6)
	if len(data) <= 32<<20 {
		t.Errorf("the file is %d bytes: the test is meant to cross 32 MiB", len(data))
	}
	f, err := Read(s.Document(), data, ImportOptions{})
	if err != nil {
		t.Fatalf("the file written cannot be read: %v", err)
	}
	if len(f.Annotations) != MaxAnnotations || len(f.Reanchored) != 0 {
		t.Fatalf("read %d annotations (%d re-anchored), want %d in place", len(f.Annotations), len(f.Reanchored), MaxAnnotations)
	}
	all := s.All()
	for i := range all {
		if !f.Annotations[i].Equal(all[i]) {
			t.Fatalf("annotation %d differs:\n got  %+v\n want %+v", i, f.Annotations[i], all[i])
		}
	}
	t.Run("a set of more than a file holds is not written", func(t *testing.T) {
		a := all[0]
		a.ID, a.Note = nameID("one too many"), "one too many"
		if _, err := s.Add(a); err != nil {
			t.Fatal(err)
		}
		for name, export := range map[string]func(*Set, func() time.Time) ([]byte, error){"native": ExportJSON, "W3C": ExportW3C} {
			if _, err := export(s, fixedNow); !errors.Is(err, ErrTooMany) {
				t.Errorf("%s: got %v, want ErrTooMany", name, err)
			}
		}
	})
}

// TestAW3CExportOfManyAnnotationsReadsBack: W3C files are four times larger
// than native ones; one of a tenth of the most annotations reads back, and
// ten times its size fits the limit.
func TestAW3CExportOfManyAnnotationsReadsBack(t *testing.T) {
	s := manySet(t, MaxAnnotations/10)
	data, err := ExportW3C(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if 10*len(data) > MaxFileSize {
		t.Errorf("%d bytes for %d annotations: %d would not fit the limit", len(data), s.Len(), MaxAnnotations)
	}
	f, err := Read(s.Document(), data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := diffAnnotations(f.Annotations, s.All()); d != "" {
		t.Error(d)
	}
}

func TestAnExportThatCannotBeReadIsRefused(t *testing.T) {
	s := fixtureSet(t)
	for name, export := range map[string]func(*Set, func() time.Time) ([]byte, error){"native": ExportJSON, "W3C": ExportW3C} {
		data, err := export(s, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		// A file of n bytes is written when Read reads n bytes, and not
		// when it reads one less (writeLimit stands for MaxFileSize: a
		// set of 256 MiB of notes takes too long to make in a test).
		defer func(l int) { writeLimit = l }(writeLimit)
		writeLimit = len(data)
		if _, err := export(s, fixedNow); err != nil {
			t.Errorf("%s at the limit: %v", name, err)
		}
		writeLimit = len(data) - 1
		if _, err := export(s, fixedNow); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s over the limit: got %v, want ErrTooLarge", name, err)
		}
		writeLimit = MaxFileSize
	}
}
