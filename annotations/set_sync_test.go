package annotations

import (
	"strings"
	"testing"
	"time"
)

func TestPutKeepsTheTimesAndReplacesByID(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, nil)
	a, err := s.CreateWhole("op21", Request, "", "")
	if err != nil {
		t.Fatal(err)
	}
	remote := a
	remote.Tag = Concern
	remote.Note = "changed in another tab ✍🏽"
	remote.Modified = a.Modified.Add(5 * time.Second)

	got, err := s.Put(remote)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Modified.Equal(remote.Modified) {
		t.Errorf("modified: got %v, want %v (kept as given)", got.Modified, remote.Modified)
	}
	if s.Len() != 1 {
		t.Errorf("got %d annotations, want 1", s.Len())
	}
	if c := s.Counts(); c.Request != 0 || c.Concern != 1 {
		t.Errorf("counts: got %+v, want one concern", c)
	}
	if by := s.ByClause("op21"); len(by) != 1 || by[0].Note != remote.Note {
		t.Errorf("ByClause: got %+v", by)
	}
	if s.CanUndo() {
		t.Error("Put put something on the undo stack")
	}
}

func TestPutRefusesAnInvalidAnnotation(t *testing.T) {
	s := NewSet(seedDoc(t), nil)
	if _, err := s.Put(Annotation{ID: "not a urn", Clause: "op1", Start: 0, End: 3, Tag: Request}); err == nil {
		t.Error("got no error for an invalid annotation")
	}
	if s.Len() != 0 {
		t.Errorf("got %d annotations, want 0", s.Len())
	}
}

func TestRemoveDoesNotOfferUndo(t *testing.T) {
	s := NewSet(seedDoc(t), nil)
	a, err := s.CreateWhole("pp1", Commitment, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Remove(a.ID); !ok {
		t.Fatal("Remove found nothing")
	}
	if s.Len() != 0 || s.CanUndo() {
		t.Errorf("after Remove: %d annotations, can undo %v; want 0, false", s.Len(), s.CanUndo())
	}
	if _, ok := s.Remove(a.ID); ok {
		t.Error("Remove of a missing id reported true")
	}
}

func TestEachVisitsInDocumentOrderAndStops(t *testing.T) {
	s := NewSet(seedDoc(t), nil)
	for _, c := range []string{"op2", "pp1", "op1"} {
		if _, err := s.CreateWhole(c, Request, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	s.Each(func(a Annotation) bool { got = append(got, a.Clause); return true })
	if want := "pp1,op1,op2"; strings.Join(got, ",") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	n := 0
	s.Each(func(Annotation) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("Each went on after false: %d calls", n)
	}
}
