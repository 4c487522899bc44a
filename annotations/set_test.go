package annotations

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func ids(as []Annotation) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func TestSetCreateDescribesTheQuoteAndStampsTheTimes(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, fixedNow)
	start, end := spanOf(t, doc, "pp2", "“Transforming our world")
	a, err := s.Create("pp2", start, end, Request, "Voir l’Agenda 2030 👍🏽", "Sénégal")
	if err != nil {
		t.Fatal(err)
	}
	if a.Exact != "“Transforming our world" || a.Prefix != "r 2015, entitled " && runeLen(a.Prefix) != ContextLength {
		t.Errorf("selectors: exact %q prefix %q", a.Exact, a.Prefix)
	}
	if !a.Created.Equal(fixedNow()) || !a.Modified.Equal(fixedNow()) || a.Document != doc.Symbol || !validID(a.ID) {
		t.Errorf("got %+v", a)
	}
	if got, ok := s.Get(a.ID); !ok || !got.Equal(a) {
		t.Errorf("Get(%s) = %+v, %v", a.ID, got, ok)
	}
}

func TestSetCreateWholeClause(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, fixedNow)
	a, err := s.CreateWhole("op23", Commitment, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !a.WholeClause() || a.End != doc.ClauseLen("op23") {
		t.Errorf("CreateWhole = %+v, want the whole clause", a)
	}
}

func TestSetAddRejects(t *testing.T) {
	doc := seedDoc(t)
	good := mustAnnotation(t, doc, "a", "op21", "broadening the donor base", Request, "")
	tests := []struct {
		name   string
		change func(*Annotation)
		field  string
		err    error
	}{
		{"an invalid annotation", func(a *Annotation) { a.Tag = "x" }, "tag", ErrInvalidTag},
		{"a clause the document does not have", func(a *Annotation) { a.Clause = "op99" }, "clause", ErrNoClause},
		{"offsets past the clause", func(a *Annotation) { a.Start, a.End = 900, 900+a.Len() }, "end", ErrOutOfRange},
		{"a quote that is not at its offsets", func(a *Annotation) { a.Start++; a.End++ }, "exact", ErrNotAnchored},
		{"another document", func(a *Annotation) { a.Document = "A/RES/73/6" }, "document", ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSet(doc, fixedNow)
			a := good
			tt.change(&a)
			_, err := s.Add(a)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, tt.err) {
				t.Errorf("Add: got %v, want field %q %v", err, tt.field, tt.err)
			}
			if s.Len() != 0 {
				t.Errorf("the set changed: %d annotations", s.Len())
			}
		})
	}
	t.Run("a duplicate id", func(t *testing.T) {
		s := NewSet(doc, fixedNow)
		if _, err := s.Add(good); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Add(good); !errors.Is(err, ErrDuplicateID) {
			t.Errorf("second Add: got %v, want ErrDuplicateID", err)
		}
	})
}

func TestSetUpdateBumpsModified(t *testing.T) {
	doc := seedDoc(t)
	clock := tickingClock()
	s := NewSet(doc, clock)
	a, err := s.CreateWhole("op23", Commitment, "", "")
	if err != nil {
		t.Fatal(err)
	}
	b := a
	b.Note, b.Tag = "Financement — priorité", Request
	b.Created = time.Time{} // ignored: Created is kept
	got, err := s.Update(b)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Modified.After(a.Modified) || !got.Created.Equal(a.Created) || got.Note != b.Note || got.Tag != Request {
		t.Errorf("Update = %+v, want a later Modified, the same Created, the new note and tag", got)
	}
	if c := s.Counts(); c.Commitment != 0 || c.Request != 1 {
		t.Errorf("Counts after a retag: %+v", c)
	}

	t.Run("an update that changes nothing leaves Modified alone", func(t *testing.T) {
		again, err := s.Update(got)
		if err != nil || !again.Modified.Equal(got.Modified) {
			t.Errorf("Update(same) = %+v, %v", again, err)
		}
	})
	t.Run("a clock that stands still still moves Modified forward", func(t *testing.T) {
		s2 := NewSet(doc, fixedNow)
		a, _ := s2.CreateWhole("op23", Commitment, "", "")
		a.Note = "x"
		b, err := s2.Update(a)
		if err != nil || !b.Modified.Equal(a.Modified.Add(time.Millisecond)) {
			t.Errorf("Update = %v, %v; want Modified one millisecond later", b.Modified, err)
		}
	})
	t.Run("a new range must fit", func(t *testing.T) {
		c := got
		c.Start = 3
		if _, err := s.Update(c); !errors.Is(err, ErrLength) {
			t.Errorf("Update with a wrong range: got %v, want ErrLength", err)
		}
		c = got
		start, end := spanOf(t, doc, "op23", "the funds")
		c.Start, c.End, c.Exact = start, end, "the funds"
		moved, err := s.Update(c)
		if err != nil || moved.Suffix != ";" || moved.Prefix != "s States to continue to support " {
			t.Errorf("Update to a new range = %+v, %v", moved, err)
		}
		if got := ids(s.ByClause("op23")); !slices.Equal(got, []string{a.ID}) {
			t.Errorf("ByClause after the move: %v", got)
		}
	})
	t.Run("an unknown id", func(t *testing.T) {
		c := got
		c.ID = NewID()
		if _, err := s.Update(c); !errors.Is(err, ErrNotFound) {
			t.Errorf("got %v, want ErrNotFound", err)
		}
	})
}

func TestSetDeleteAndUndo(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, tickingClock())
	a, _ := s.CreateWhole("op23", Commitment, "", "")
	b, _ := s.CreateWhole("op24", Request, "", "")
	if _, err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(b.ID); err != nil {
		t.Fatal(err)
	}
	if s.Len() != 0 || !s.CanUndo() {
		t.Fatalf("after two deletes: Len %d, CanUndo %v", s.Len(), s.CanUndo())
	}
	if got, ok := s.Undo(); !ok || !got.Equal(b) {
		t.Errorf("first Undo = %+v, %v; want the last delete", got, ok)
	}
	if got, ok := s.Undo(); !ok || !got.Equal(a) {
		t.Errorf("second Undo = %+v, %v; want the first delete", got, ok)
	}
	if _, ok := s.Undo(); ok {
		t.Errorf("third Undo: want nothing to undo")
	}
	if s.Len() != 2 || s.Counts().Total() != 2 {
		t.Errorf("after undo: Len %d, Counts %+v", s.Len(), s.Counts())
	}
	if _, err := s.Delete("urn:uuid:00000000-0000-4000-8000-000000000000"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete of an unknown id: got %v, want ErrNotFound", err)
	}
}

func TestSetLookupsAndDocumentOrder(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, fixedNow)
	add := func(name, clause, quote string, tag Tag) Annotation {
		t.Helper()
		a, err := s.Add(mustAnnotation(t, doc, name, clause, quote, tag, ""))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	// Added out of order on purpose.
	op21b := add("op21b", "op21", "donor base", Request)
	pp2 := add("pp2", "pp2", "Recalling", Commitment)
	op21a := add("op21a", "op21", "Requests", Request)
	op8 := add("op8", "op8", "Expresses its concern", Concern)
	op21w := add("op21w", "op21", "Requests the Office", Concern)

	want := []string{pp2.ID, op8.ID, op21a.ID, op21w.ID, op21b.ID}
	if got := ids(s.All()); !slices.Equal(got, want) {
		t.Errorf("All() = %v, want %v", got, want)
	}
	if got := ids(s.ByClause("op21")); !slices.Equal(got, []string{op21a.ID, op21w.ID, op21b.ID}) {
		t.Errorf("ByClause(op21) = %v", got)
	}
	if got := ids(s.ByTag(Request)); !slices.Equal(got, []string{op21a.ID, op21b.ID}) {
		t.Errorf("ByTag(request) = %v", got)
	}
	if got := ids(s.ByTag(Concern)); !slices.Equal(got, []string{op8.ID, op21w.ID}) {
		t.Errorf("ByTag(concern) = %v", got)
	}
	if got, want := s.Counts(), (Counts{Commitment: 1, Request: 2, Concern: 2}); got != want {
		t.Errorf("Counts() = %+v, want %+v", got, want)
	}
	if got := s.ByClause("op99"); got == nil || len(got) != 0 {
		t.Errorf("ByClause(unknown) = %v, want an empty slice", got)
	}
	// Returned slices are copies.
	all := s.All()
	all[0].Note = "changed"
	if a, _ := s.Get(pp2.ID); a.Note != "" {
		t.Errorf("changing All()'s result changed the set")
	}
}

func TestSetLoadReanchorsAndKeepsOrphans(t *testing.T) {
	orig := seedDoc(t)
	moved := mustAnnotation(t, orig, "moved", "op21", "broadening the donor base", Request, "")
	kept := mustAnnotation(t, orig, "kept", "op1", "Reaffirms", Commitment, "")
	lost := mustAnnotation(t, orig, "lost", "op21", "with a view to broadening", Concern, "")
	revised := docWith(t, replaceIn(t, insertOperative(t, seedClausesCopy(t), 21, newOP21), "op22", "with a view to broadening", "so as to broaden"))
	s := NewSet(revised, fixedNow)
	got, err := s.Load([]Annotation{moved, kept, lost})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != moved.ID || got[0].Clause != "op22" {
		t.Errorf("Load moved %+v, want the op21 annotation in op22", got)
	}
	if s.Len() != 3 || s.Counts().Orphans != 1 || !s.IsOrphan(lost.ID) {
		t.Errorf("Len %d, Counts %+v, IsOrphan(lost) %v", s.Len(), s.Counts(), s.IsOrphan(lost.ID))
	}
	if o := s.Orphans(); len(o) != 1 || !o[0].Equal(lost) {
		t.Errorf("Orphans() = %+v, want the lost annotation unchanged", o)
	}
	all := s.All()
	if all[len(all)-1].ID != lost.ID {
		t.Errorf("orphans do not come last: %v", ids(all))
	}

	t.Run("an orphan can be re-attached with Update", func(t *testing.T) {
		start, end := spanOf(t, revised, "op22", "so as to broaden")
		o := lost
		o.Clause, o.Start, o.End, o.Exact = "op22", start, end, "so as to broaden"
		if _, err := s.Update(o); err != nil {
			t.Fatal(err)
		}
		if s.IsOrphan(lost.ID) || s.Counts().Orphans != 0 {
			t.Errorf("still an orphan after Update")
		}
	})
	t.Run("an orphan's note can change while it stays an orphan", func(t *testing.T) {
		s := NewSet(revised, fixedNow)
		if _, err := s.Load([]Annotation{lost}); err != nil {
			t.Fatal(err)
		}
		o := lost
		o.Note = "à revoir"
		if _, err := s.Update(o); err != nil || !s.IsOrphan(lost.ID) {
			t.Errorf("Update of an orphan's note: %v, orphan %v", err, s.IsOrphan(lost.ID))
		}
	})
	t.Run("all or nothing", func(t *testing.T) {
		s := NewSet(revised, fixedNow)
		bad := kept
		bad.Tag = "x"
		if _, err := s.Load([]Annotation{moved, bad}); err == nil || s.Len() != 0 {
			t.Errorf("Load with a bad annotation: err %v, Len %d", err, s.Len())
		}
		if _, err := s.Load([]Annotation{moved, moved}); !errors.Is(err, ErrDuplicateID) {
			t.Errorf("Load with a duplicate: got %v, want ErrDuplicateID", err)
		}
	})
}

func TestUndoSkipsAnIDAddedAgain(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, fixedNow)
	a, _ := s.CreateWhole("op23", Commitment, "", "")
	s.Delete(a.ID)
	if _, err := s.Add(a); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Undo(); ok || s.Len() != 1 {
		t.Errorf("Undo restored a delete whose id is back: Len %d", s.Len())
	}
}

func TestLoadLeavesAnAnnotationWithoutAClauseWhereItIs(t *testing.T) {
	doc := seedDoc(t)
	// Its quote is in the text once, word for word: a quote search would
	// attach it there. Without a clause it was kept apart on purpose (an
	// orphan of a new version, a note on the document), and stays so.
	a := mustAnnotation(t, doc, "held", "op21", "non-traditional donor countries", Request, "keep for the capital")
	held := a
	held.Clause, held.Start, held.End = "", 0, runeLen(a.Exact)
	s := NewSet(doc, fixedNow)
	moved, err := s.Load([]Annotation{held})
	if err != nil {
		t.Fatal(err)
	}
	if len(moved) != 0 || !s.IsOrphan(held.ID) {
		t.Fatalf("Load moved %+v, orphan %v: want it left without a place", moved, s.IsOrphan(held.ID))
	}
	if got, _ := s.Get(held.ID); !got.Equal(held) {
		t.Errorf("Load changed it: %+v, want %+v", got, held)
	}
}

func TestUpdateTakesAnAnnotationOutOfTheTextAndBackIn(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, tickingClock())
	a, err := s.Add(mustAnnotation(t, doc, "note", "op22", "in a timely and transparent manner", Request, "ask again"))
	if err != nil {
		t.Fatal(err)
	}
	out := a
	out.Clause, out.Start, out.End = "", 0, runeLen(a.Exact)
	got, err := s.Update(out)
	if err != nil {
		t.Fatal(err)
	}
	if got.Clause != "" || got.Exact != a.Exact || got.Note != "ask again" || !s.IsOrphan(a.ID) || !got.Modified.After(a.Modified) {
		t.Errorf("taken out of the text: %+v, orphan %v", got, s.IsOrphan(a.ID))
	}
	if len(s.ByClause("op22")) != 0 || s.Counts().Orphans != 1 {
		t.Errorf("still in OP22: %v, counts %+v", s.ByClause("op22"), s.Counts())
	}
	// Back in: another place, its quote described from the text there.
	start, end := spanOf(t, doc, "op21", "non-traditional donor countries")
	in := got
	in.Clause, in.Start, in.End, in.Exact = "op21", start, end, "non-traditional donor countries"
	back, err := s.Update(in)
	if err != nil {
		t.Fatal(err)
	}
	if s.IsOrphan(a.ID) || back.Prefix == "" || len(s.ByClause("op21")) != 1 {
		t.Errorf("re-attached: %+v, orphan %v", back, s.IsOrphan(a.ID))
	}
	// A clause-less annotation must still be valid: it starts at 0.
	bad := back
	bad.Clause, bad.Start, bad.End = "", 3, 3+runeLen(back.Exact)
	if _, err := s.Update(bad); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("a clause-less annotation not at 0: got %v, want ErrOutOfRange", err)
	}
}

func TestIsOrphanFollowsDeleteUndoAndUnknownIDs(t *testing.T) {
	doc := seedDoc(t)
	a := mustAnnotation(t, doc, "held", "op21", "non-traditional donor countries", Request, "")
	held := a
	held.Clause, held.Start, held.End = "", 0, runeLen(a.Exact)
	placed := mustAnnotation(t, doc, "placed", "op22", "in a timely and transparent manner", Concern, "")
	s := NewSet(doc, fixedNow)
	if _, err := s.Load([]Annotation{held, placed}); err != nil {
		t.Fatal(err)
	}
	if !s.IsOrphan(held.ID) || s.IsOrphan(placed.ID) || s.IsOrphan("no-such-id") {
		t.Fatalf("IsOrphan: held %v, placed %v, unknown %v; want true, false, false", s.IsOrphan(held.ID), s.IsOrphan(placed.ID), s.IsOrphan("no-such-id"))
	}
	if _, err := s.Delete(held.ID); err != nil {
		t.Fatal(err)
	}
	if s.IsOrphan(held.ID) {
		t.Error("a deleted orphan is still one")
	}
	if _, ok := s.Undo(); !ok || !s.IsOrphan(held.ID) {
		t.Errorf("after Undo: restored %v, orphan %v; want an orphan again", ok, s.IsOrphan(held.ID))
	}
}
