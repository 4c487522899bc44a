package annotations

import (
	"errors"
	"sync"
	"testing"
)

func TestMemoryStore(t *testing.T) {
	doc := seedDoc(t)
	st := NewMemoryStore()
	a := mustAnnotation(t, doc, "a", "op21", "donor base", Request, "")
	b := mustAnnotation(t, doc, "b", "op1", "Reaffirms", Commitment, "")
	other := b
	other.ID, other.Document = NewID(), "A/RES/73/6"

	if err := st.PutMany([]Annotation{a, b, other}); err != nil {
		t.Fatal(err)
	}
	got, err := st.List(doc.Symbol)
	if err != nil || len(got) != 2 {
		t.Fatalf("List = %d annotations, %v; want 2", len(got), err)
	}
	a.Note = "changed"
	if err := st.Put(a); err != nil {
		t.Fatal(err)
	}
	got, _ = st.List(doc.Symbol)
	for _, g := range got {
		if g.ID == a.ID && g.Note != "changed" {
			t.Errorf("Put did not replace: note %q", g.Note)
		}
	}
	if err := st.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(a.ID); err != nil {
		t.Errorf("deleting a missing id: %v, want no error", err)
	}
	if got, _ := st.List("nothing"); got == nil || len(got) != 0 {
		t.Errorf("List of an unknown document = %v, want an empty slice", got)
	}

	t.Run("PutMany stores nothing if one annotation is bad", func(t *testing.T) {
		before := st.Len()
		bad := a
		bad.ID = ""
		if err := st.PutMany([]Annotation{a, bad}); !errors.Is(err, ErrNoID) {
			t.Errorf("got %v, want ErrNoID", err)
		}
		if st.Len() != before {
			t.Errorf("Len %d, want %d", st.Len(), before)
		}
	})
}

func TestMemoryStoreIsSafeForConcurrentUse(t *testing.T) {
	doc := seedDoc(t)
	st := NewMemoryStore()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				a := mustAnnotation(t, doc, "c"+itoa(g)+"-"+itoa(i), "op21", "donor base", Request, "")
				if err := st.Put(a); err != nil {
					t.Error(err)
				}
				if i%20 == 0 {
					if _, err := st.List(doc.Symbol); err != nil {
						t.Error(err)
					}
				}
				if i%3 == 0 {
					st.Delete(a.ID)
				}
			}
		})
	}
	wg.Wait()
	if got := st.Len(); got != 8*(200-67) {
		t.Errorf("Len = %d, want %d", got, 8*(200-67))
	}
}
