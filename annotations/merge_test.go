package annotations

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// colleague returns a native file of the given annotations.
func colleague(t *testing.T, doc *Document, as ...Annotation) []byte {
	t.Helper()
	data, err := encodeNative(doc, as, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestMergeAColleaguesFile(t *testing.T) {
	doc := seedDoc(t)
	later := func(a Annotation, d time.Duration) Annotation { a.Modified = a.Modified.Add(d); return a }

	shared := mustAnnotation(t, doc, "shared", "op21", "donor base", Request, "same on both sides")
	mineNewer := mustAnnotation(t, doc, "mine-newer", "op1", "Reaffirms", Commitment, "my edit")
	theirsNewer := mustAnnotation(t, doc, "theirs-newer", "op8", "Expresses its concern", Concern, "old note")
	sameTime := mustAnnotation(t, doc, "same-time", "op23", "the funds", Commitment, "mine")
	localOnly := mustAnnotation(t, doc, "local-only", "op24", "Calls upon States", Request, "")

	local := NewSet(doc, fixedNow)
	for _, a := range []Annotation{shared, later(mineNewer, time.Hour), theirsNewer, sameTime, localOnly} {
		if _, err := local.Add(a); err != nil {
			t.Fatal(err)
		}
	}

	theirEdit := later(theirsNewer, time.Hour)
	theirEdit.Note = "their newer note"
	theirOld := mineNewer
	theirOld.Note = "their older note"
	theirSame := sameTime
	theirSame.Note = "theirs"
	added := mustAnnotation(t, doc, "added", "pp2", "Recalling", Commitment, "nouveau — “neu” 👍🏽")
	dupContent := shared
	dupContent.ID = nameID("test\nsame content, other id")
	file := colleague(t, doc, shared, theirOld, theirEdit, theirSame, added, dupContent)

	p, err := local.Import(file, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("the plan reports each case", func(t *testing.T) {
		if got := ids(p.Added); !slices.Equal(got, []string{added.ID}) {
			t.Errorf("Added = %v, want the new one", got)
		}
		if len(p.Updated) != 1 || p.Updated[0].New.Note != "their newer note" || p.Updated[0].Old.Note != "old note" {
			t.Errorf("Updated = %+v, want their newer edit over the old note", p.Updated)
		}
		if got := ids(p.Unchanged); !slices.Equal(got, []string{shared.ID}) {
			t.Errorf("Unchanged = %v", got)
		}
		if len(p.Duplicates) != 1 || p.Duplicates[0].Incoming.ID != dupContent.ID || p.Duplicates[0].Existing.ID != shared.ID {
			t.Errorf("Duplicates = %+v", p.Duplicates)
		}
		if len(p.Conflicts) != 2 {
			t.Fatalf("Conflicts = %+v, want 2", p.Conflicts)
		}
		newer, same := p.Conflicts[0], p.Conflicts[1]
		if newer.Kind != LocalNewer || newer.Local.Note != "my edit" || newer.Copy != nil {
			t.Errorf("first conflict = %+v, want the local newer edit kept", newer)
		}
		if same.Kind != SameTime || same.Copy == nil || same.Copy.Note != "theirs" || same.Copy.ID == sameTime.ID || !validID(same.Copy.ID) {
			t.Errorf("second conflict = %+v, want their version kept as a copy", same)
		}
		if p.Changes() != 3 {
			t.Errorf("Changes() = %d, want 3 (added, updated, copy)", p.Changes())
		}
		if got, want := p.Summary(), "1 added, 1 updated, 2 unchanged, 2 conflicts kept, 0 orphans"; got != want {
			t.Errorf("Summary() = %q, want %q", got, want)
		}
	})
	if local.Len() != 5 {
		t.Fatalf("planning changed the set: %d annotations", local.Len())
	}

	store := NewMemoryStore()
	changed, err := p.Apply()
	if err != nil {
		t.Fatal(err)
	}
	if err := store.PutMany(changed); err != nil {
		t.Fatal(err)
	}
	t.Run("apply adds, updates and keeps both sides of a conflict", func(t *testing.T) {
		if local.Len() != 7 || store.Len() != 3 {
			t.Errorf("after Apply: %d in the set, %d saved; want 7 and 3", local.Len(), store.Len())
		}
		if a, _ := local.Get(theirsNewer.ID); a.Note != "their newer note" {
			t.Errorf("updated note = %q", a.Note)
		}
		if a, _ := local.Get(mineNewer.ID); a.Note != "my edit" {
			t.Errorf("local newer note = %q", a.Note)
		}
		if a, _ := local.Get(sameTime.ID); a.Note != "mine" {
			t.Errorf("same-time local note = %q", a.Note)
		}
	})
	t.Run("merging the same file again changes nothing", func(t *testing.T) {
		before := local.All()
		p2, err := local.Import(file, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if p2.Changes() != 0 {
			t.Errorf("second merge: %s", p2.Summary())
		}
		got, err := p2.Apply()
		if err != nil || len(got) != 0 {
			t.Errorf("second Apply = %d changes, %v", len(got), err)
		}
		if d := diffAnnotations(local.All(), before); d != "" {
			t.Error(d)
		}
	})
	t.Run("a plan is stale once the set changed", func(t *testing.T) {
		p3, _ := local.Import(file, ImportOptions{})
		if _, err := local.Delete(localOnly.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := p3.Apply(); !errors.Is(err, ErrStalePlan) {
			t.Errorf("got %v, want ErrStalePlan", err)
		}
	})
}

func TestMergeOfAnOrphanKeepsTheLocalPlace(t *testing.T) {
	orig := seedDoc(t)
	revised := docWith(t, replaceIn(t, seedClausesCopy(t), "op21", "with a view to broadening the donor base", "in order to diversify funding"))
	a := mustAnnotation(t, orig, "a", "op21", "with a view to broadening the donor base", Request, "v1")

	// Locally the annotation was re-attached by hand in the revised text.
	local := NewSet(revised, fixedNow)
	start, end := spanOf(t, revised, "op21", "in order to diversify funding")
	mine := a
	mine.Start, mine.End, mine.Exact = start, end, "in order to diversify funding"
	if _, err := local.Add(mine); err != nil {
		t.Fatal(err)
	}
	// A colleague, still on the old text, edits the note later.
	theirs := a
	theirs.Note, theirs.Modified = "v2", a.Modified.Add(time.Hour)
	file := colleague(t, orig, theirs)

	p, err := local.Import(file, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Updated) != 1 || !p.Updated[0].KeptAnchor || p.Updated[0].New.Note != "v2" || !revised.Fits(p.Updated[0].New) {
		t.Fatalf("Updated = %+v, want the new note at the local place", p.Updated)
	}
	if len(p.Orphans) != 0 {
		t.Errorf("Orphans = %v, want none (the local place is kept)", ids(p.Orphans))
	}
	if _, err := p.Apply(); err != nil {
		t.Fatal(err)
	}
	p2, _ := local.Import(file, ImportOptions{})
	if p2.Changes() != 0 || len(p2.Unchanged) != 1 {
		t.Errorf("second merge: %s", p2.Summary())
	}
}

func TestMergeAddsOrphansForReview(t *testing.T) {
	orig := seedDoc(t)
	revised := docWith(t, deleteOperative(t, seedClausesCopy(t), 21))
	a := mustAnnotation(t, orig, "a", "op21", "with a view to broadening the donor base", Request, "")
	local := NewSet(revised, fixedNow)
	p, err := local.Import(colleague(t, orig, a), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Added) != 1 || len(p.Orphans) != 1 || p.Orphans[0].Exact != a.Exact {
		t.Fatalf("plan: %s; orphans %+v", p.Summary(), p.Orphans)
	}
	if _, err := p.Apply(); err != nil {
		t.Fatal(err)
	}
	if !local.IsOrphan(a.ID) || local.Counts().Orphans != 1 {
		t.Errorf("the orphan is not kept as an orphan")
	}
}

func TestMergeFiles(t *testing.T) {
	doc := seedDoc(t)
	a := mustAnnotation(t, doc, "a", "op21", "donor base", Request, "A")
	b := mustAnnotation(t, doc, "b", "op23", "the funds", Concern, "B")
	newerA := a
	newerA.Note, newerA.Modified = "A2", a.Modified.Add(time.Minute)
	out, p, err := MergeFiles(doc, colleague(t, doc, a), colleague(t, doc, newerA, b), ImportOptions{}, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if p.Summary() != "1 added, 1 updated, 0 unchanged, 0 conflicts kept, 0 orphans" {
		t.Errorf("plan: %s", p.Summary())
	}
	f, err := Read(doc, out, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Annotations) != 2 || f.Annotations[0].Note != "A2" || f.Annotations[1].Note != "B" {
		t.Errorf("merged file: %+v", f.Annotations)
	}
	if _, _, err := MergeFiles(doc, []byte("{"), out, ImportOptions{}, fixedNow); err == nil {
		t.Errorf("MergeFiles with a broken base: no error")
	}
}

func TestMergeKeepsWhatIsNotReallyADuplicate(t *testing.T) {
	doc := seedDoc(t)
	france := mustAnnotation(t, doc, "fr", "op8", "Expresses its concern", Concern, "")
	france.Author = "France"
	senegal := france
	senegal.ID, senegal.Author = nameID("test\nsn"), "Sénégal"
	twin := france
	twin.ID = nameID("test\ntwin")

	t.Run("the same span and tag by another author is added", func(t *testing.T) {
		local := NewSet(doc, fixedNow)
		local.Add(france)
		p, err := local.Import(colleague(t, doc, senegal), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Added) != 1 || len(p.Duplicates) != 0 {
			t.Errorf("plan: %s, want Sénégal's annotation added", p.Summary())
		}
	})
	t.Run("the same content under another id is a duplicate", func(t *testing.T) {
		local := NewSet(doc, fixedNow)
		local.Add(france)
		p, _ := local.Import(colleague(t, doc, twin), ImportOptions{})
		if len(p.Added) != 0 || len(p.Duplicates) != 1 {
			t.Errorf("plan: %s, want a duplicate", p.Summary())
		}
	})
	t.Run("twins within one file are both kept", func(t *testing.T) {
		local := NewSet(doc, fixedNow)
		p, _ := local.Import(colleague(t, doc, france, twin), ImportOptions{})
		if len(p.Added) != 2 {
			t.Errorf("plan: %s, want both added (a file gives back its set)", p.Summary())
		}
	})
}

func TestRebaseKeepsBothEdits(t *testing.T) {
	base := Annotation{ID: "urn:uuid:x", Clause: "op1", Start: 0, End: 5, Tag: Request, Note: "",
		Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	mine := base
	mine.Tag = Concern
	mine.Modified = base.Modified.Add(time.Second)
	theirs := base
	theirs.Note = "from the other tab"
	theirs.Modified = base.Modified.Add(2 * time.Second)

	merged, conflicts := Rebase(base, mine, theirs)
	if merged.Tag != Concern || merged.Note != "from the other tab" {
		t.Errorf("merged %+v, want my tag and their note", merged)
	}
	if !merged.Modified.After(theirs.Modified) {
		t.Error("the merged annotation is not newer than the stored one")
	}
	if len(conflicts) != 0 {
		t.Errorf("conflicts %+v though the edits did not collide", conflicts)
	}

	// Both changed the note: both notes are kept, mine first.
	mine.Note = "from this tab"
	merged, conflicts = Rebase(base, mine, theirs)
	if want := "from this tab" + ConcurrentNoteSeparator + "from the other tab"; merged.Note != want {
		t.Errorf("merged note %q, want %q", merged.Note, want)
	}
	if len(conflicts) != 1 || conflicts[0].Field != "note" || conflicts[0].Theirs != "from the other tab" {
		t.Errorf("conflicts %+v, want one on the note", conflicts)
	}

	// Rebasing again on the merged note finds nothing new to keep.
	again, conflicts := Rebase(base, merged, theirs)
	if again.Note != merged.Note || len(conflicts) != 0 {
		t.Errorf("rebasing the merged note again: %q, %+v", again.Note, conflicts)
	}

	// Notes at the limit: the joined note is cut to MaxNoteLength.
	mine.Note = strings.Repeat("m", MaxNoteLength)
	merged, _ = Rebase(base, mine, theirs)
	if n := runeLen(merged.Note); n != MaxNoteLength || checkText("note", merged.Note, MaxNoteLength, false) != nil {
		t.Errorf("joined note of %d code points, want %d", n, MaxNoteLength)
	}
}
