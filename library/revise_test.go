package library_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/compare/comparetest"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// rootFile reads a file by its path from the module's root.
func rootFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// stocked is a library holding one document (its first version text)
// with annotations made on it as a delegate makes them.
type stocked struct {
	st     *library.MemoryStore
	doc    library.Document
	parsed *resolution.Document
	as     []annotations.Annotation
}

func stock(t *testing.T, text []byte, marks []comparetest.Annotation) stocked {
	t.Helper()
	parsed := parse(t, text)
	d, err := library.NewDocument(string(text), parsed, library.SourceText, "", time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	adoc, err := library.AnnotationDocument(parsed, d.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	set := annotations.NewSet(adoc, func() time.Time { return time.Date(2025, 3, 2, 10, 0, 0, 0, time.UTC) })
	var as []annotations.Annotation
	for _, m := range marks {
		c, ok := adoc.Clause(m.Clause)
		if !ok {
			t.Fatalf("no clause %s", m.Clause)
		}
		start, end := 0, len([]rune(c.Text))
		if m.Quote != "" {
			i := strings.Index(c.Text, m.Quote)
			if i < 0 {
				t.Fatalf("%s: %q not in it", m.Clause, m.Quote)
			}
			start = len([]rune(c.Text[:i]))
			end = start + len([]rune(m.Quote))
		}
		a, err := set.Create(m.Clause, start, end, m.Tag, m.Note, "Delegation of Chile")
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	sum, err := library.NewSummary(d, parsed, as)
	if err != nil {
		t.Fatal(err)
	}
	st := library.NewMemoryStore()
	if err := st.Write(library.Batch{Add: []library.Addition{{Document: d, Summary: sum, Annotations: as}}}); err != nil {
		t.Fatal(err)
	}
	return stocked{st: st, doc: d, parsed: parsed, as: as}
}

// revise opens text as the new version of the stocked document, as the
// app does: Revise, then the batch in one write; it returns the document
// and its annotations as stored, loaded into a set on the new text as
// the annotation session loads them.
func (s *stocked) revise(t *testing.T, text []byte, name string) (library.Document, *annotations.Set, *library.Revision) {
	t.Helper()
	stored, ok, err := s.st.Document(s.doc.ID)
	if err != nil || !ok {
		t.Fatalf("the document is not stored: %v", err)
	}
	list, err := s.st.List(stored.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	next := parse(t, text)
	v, err := library.NewVersion(string(text), next, library.SourceText, name+".txt", name, time.Date(2025, 3, 3, 14, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	rev, ok, err := library.Revise(stored, v, next, list)
	if err != nil || !ok {
		t.Fatalf("Revise: %v, %v", ok, err)
	}
	if err := s.st.Write(rev.Batch(next)); err != nil {
		t.Fatal(err)
	}
	d, _, err := s.st.Document(s.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	list, err = s.st.List(d.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	adoc, err := library.AnnotationDocument(next, d.Symbol)
	if err != nil {
		t.Fatal(err)
	}
	set := annotations.NewSet(adoc, nil)
	moved, err := set.Load(list)
	if err != nil {
		t.Fatal(err)
	}
	if len(moved) != 0 {
		t.Errorf("loading the carried annotations re-anchored %d of them: carrying is done once, when the version is added", len(moved))
	}
	return d, set, rev
}

func TestReviseCarriesTheAnnotationsOfTheTestSetOfRevisions(t *testing.T) {
	var total, right, misplaced int
	for _, c := range comparetest.Cases {
		t.Run(c.Name, func(t *testing.T) {
			s := stock(t, rootFile(t, c.Old), c.Annotations)
			d, set, rev := s.revise(t, rootFile(t, c.New), "Rev.1")
			if len(d.Versions) != 2 || d.Versions[1].Name != "Rev.1" {
				t.Fatalf("versions %+v", d.Versions)
			}
			r := d.Review()
			if r == nil || r.From != 1 {
				t.Fatalf("review %+v", r)
			}
			if got, want := r.Summary(), rev.Carried.Summary(); got != want {
				t.Errorf("the stored review says %q, compare %q", got, want)
			}
			adoc := set.Document()
			for i, w := range c.Annotations {
				id := s.as[i].ID
				a, ok := set.Get(id)
				if !ok {
					t.Errorf("%s %q: lost", w.Clause, w.Quote)
					continue
				}
				total++
				item, listed := r.Item(id)
				want := w.ToQuote
				if want == "" && w.Fate != "orphan" {
					want = w.Quote
					if want == "" {
						cl, _ := adoc.Clause(w.To)
						want = cl.Text
					}
				}
				placed := !set.IsOrphan(id)
				switch {
				case placed && (w.Fate == "orphan" || a.Clause != w.To || a.Exact != want):
					misplaced++
					t.Errorf("MISPLACED %s %q: in %s %q", w.Clause, w.Quote, a.Clause, a.Exact)
				case !placed && a.Clause != "":
					t.Errorf("%s %q: an orphan kept with a clause (%s): annotations.Set.Load could re-anchor it", w.Clause, w.Quote, a.Clause)
				case !placed && w.Fate != "orphan":
					t.Logf("not as expected %s %q: orphan (%s), want %s in %s", w.Clause, w.Quote, item.Reason, w.Fate, w.To)
				default:
					right++
				}
				switch fate := compare.Fate(w.Fate); {
				case !placed && (!listed || item.Fate != compare.Orphan || item.OldClause != w.Clause || item.OldQuote != s.as[i].Exact || item.Reason == ""):
					t.Errorf("%s %q: orphan without its review item: %+v", w.Clause, w.Quote, item)
				case placed && fate == compare.Carried && listed:
					t.Errorf("%s %q: carried, yet listed for review: %+v", w.Clause, w.Quote, item)
				case placed && fate != compare.Carried && (!listed || item.Fate != fate || item.NewClause != a.Clause || item.NewQuote != a.Exact || item.OldLabel == "" || item.NewLabel != adoc.Label(a.Clause)):
					t.Errorf("%s %q: %s without its review item: %+v", w.Clause, w.Quote, fate, item)
				}
				if a.Note != w.Note || a.Tag != w.Tag || !a.Modified.Equal(s.as[i].Modified) {
					t.Errorf("%s %q: tag, note or modified time changed: %+v", w.Clause, w.Quote, a)
				}
			}
		})
	}
	t.Logf("test set through the library: %d annotations, %d carried or flagged as expected, %d misplaced", total, right, misplaced)
	if misplaced != 0 || float64(right) < 0.95*float64(total) {
		t.Errorf("%d of %d as expected, %d misplaced: want at least 95%%, none misplaced", right, total, misplaced)
	}
}

func TestReviseBringsWhatIsLeftToReviewIntoTheNextRound(t *testing.T) {
	marks := []comparetest.Annotation{
		{Clause: "pp5", Tag: comparetest.C, Note: "keep the right to development"},
		{Clause: "pp5", Quote: "the duty to cooperate with each other", Tag: comparetest.C},
		{Clause: "pp6", Quote: "High Commissioner for the promotion and protection of all human rights", Tag: comparetest.R},
		{Clause: "op21", Quote: "Requests", Tag: comparetest.R, Note: "a request"},
	}
	s := stock(t, rootFile(t, comparetest.Seed), marks)
	d, _, _ := s.revise(t, rootFile(t, comparetest.Revision("delete-pp5.txt")), "Rev.1")
	if got := d.Review().Summary(); got != "1 carried, 1 moved, 0 changed, 2 orphans" {
		t.Fatalf("round 1: %s", got)
	}
	// The delegate keeps PP5's note on the document, accepts the move and
	// leaves the other orphan for later.
	if _, _, err := s.st.UpdateDocument(d.ID, func(d *library.Document, _ *library.Summary) error {
		if err := d.Decide(s.as[0].ID, library.KeptAsNote); err != nil {
			return err
		}
		return d.Decide(s.as[2].ID, library.Accepted)
	}); err != nil {
		t.Fatal(err)
	}
	d, set, _ := s.revise(t, rootFile(t, comparetest.Revision("words.txt")), "Rev.2")
	r := d.Review()
	if r.From != 2 || r.Summary() != "0 carried, 1 moved, 1 changed, 0 orphans" {
		t.Errorf("round 2: from %d, %s", r.From, r.Summary())
	}
	note, ok := r.Item(s.as[0].ID)
	if !ok || note.Outcome != library.KeptAsNote || note.Version != 1 || note.OldLabel != "PP5" {
		t.Errorf("the note on the document is not brought along: %+v", note)
	}
	open, ok := r.Item(s.as[1].ID)
	if !ok || open.Outcome != "" || open.Version != 1 || open.Fate != compare.Orphan {
		t.Errorf("the orphan left to review is not brought along: %+v", open)
	}
	if pending := r.Pending(); len(pending) != 3 {
		t.Errorf("%d items to review, want 3 (a move, a change, the orphan of round 1): %+v", len(pending), pending)
	}
	for _, i := range []int{0, 1} {
		if a, _ := set.Get(s.as[i].ID); a.Clause != "" || !set.IsOrphan(a.ID) {
			t.Errorf("%q was placed again: %+v", a.Exact, a)
		}
	}
}

func TestReviseOfTheCurrentTextAddsNothing(t *testing.T) {
	s := stock(t, rootFile(t, comparetest.Seed), nil)
	v := s.doc.Versions[0]
	if rev, ok, err := library.Revise(s.doc, v, s.parsed, nil); ok || err != nil || rev != nil {
		t.Errorf("Revise of the same text: %v, %v, %v", rev, ok, err)
	}
}

func TestARevisionIsWrittenOnlyOverWhatItWasMadeFrom(t *testing.T) {
	marks := []comparetest.Annotation{{Clause: "op21", Quote: "non-traditional donor countries", Tag: comparetest.R}}
	s := stock(t, rootFile(t, comparetest.Seed), marks)
	text := rootFile(t, comparetest.Revision("insert-op8.txt"))
	next := parse(t, text)
	v, err := library.NewVersion(string(text), next, library.SourceText, "", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	rev, _, err := library.Revise(s.doc, v, next, s.as)
	if err != nil || len(rev.Annotations) != 1 {
		t.Fatalf("Revise: %v, %d to write", err, len(rev.Annotations))
	}
	// The annotation was edited meanwhile (another tab): nothing written.
	edited := s.as[0]
	edited.Note, edited.Modified = "edited", edited.Modified.Add(time.Minute)
	if err := s.st.Put(edited); err != nil {
		t.Fatal(err)
	}
	if err := s.st.Write(rev.Batch(next)); !errors.Is(err, annotations.ErrConflict) {
		t.Errorf("over an edited annotation: %v, want ErrConflict", err)
	}
	if d, _, _ := s.st.Document(s.doc.ID); len(d.Versions) != 1 {
		t.Errorf("the version was added all the same")
	}
	// A version was added meanwhile: ErrChanged.
	if err := s.st.Put(s.as[0]); err != nil {
		t.Fatal(err)
	}
	other := rootFile(t, comparetest.Revision("words.txt"))
	w, err := library.NewVersion(string(other), parse(t, other), library.SourceText, "", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.st.UpdateDocument(s.doc.ID, func(d *library.Document, _ *library.Summary) error {
		_, err := d.AddVersion(w)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.st.Write(rev.Batch(next)); !errors.Is(err, library.ErrChanged) {
		t.Errorf("after a version was added meanwhile: %v, want ErrChanged", err)
	}
}

func TestVersionNamesAndReviewOutcomes(t *testing.T) {
	s := stock(t, rootFile(t, comparetest.Seed), []comparetest.Annotation{{Clause: "op21", Quote: "Requests", Tag: comparetest.R}})
	d, _, _ := s.revise(t, rootFile(t, comparetest.Revision("words.txt")), "L.12/Rev.1")
	for _, tc := range []struct {
		n          int
		name, want string
		err        error
	}{
		{1, "  L.12 ", "L.12", nil},
		{2, "oral revision 14:30", "oral revision 14:30", nil},
		{2, "", "A/HRC/RES/53/11", nil}, // its symbol, by default
		{3, "x", "", library.ErrNotFound},
		{0, "x", "", library.ErrNotFound},
		{1, strings.Repeat("n", library.MaxNameLength+1), "", library.ErrInvalid},
		{1, "tab\there", "tab here", nil},
	} {
		err := d.RenameVersion(tc.n, tc.name)
		if !errors.Is(err, tc.err) || err == nil && d.Versions[tc.n-1].Name != tc.want {
			t.Errorf("RenameVersion(%d, %q): %v, %+v", tc.n, tc.name, err, d.Versions)
		}
	}
	id := s.as[0].ID
	if err := d.Decide(id, library.Reattached); err != nil {
		t.Fatal(err)
	}
	if it, _ := d.Review().Item(id); it.Outcome != library.Reattached || len(d.Review().Pending()) != 0 {
		t.Errorf("decided: %+v", it)
	}
	if err := d.Decide("urn:uuid:nothing", library.Accepted); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("Decide of an annotation not under review: %v", err)
	}
	if err := d.Decide(id, "maybe"); !errors.Is(err, library.ErrInvalid) {
		t.Errorf("Decide with an unknown outcome: %v", err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	// The review survives the JSON of the store.
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back library.Document
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Review() == nil || back.Review().Summary() != d.Review().Summary() || back.Review().Items[0] != d.Review().Items[0] {
		t.Errorf("the review after JSON: %+v", back.Review())
	}
	// What Validate refuses in a review.
	for name, change := range map[string]func(r *library.Review){
		"from itself":         func(r *library.Review) { r.From = 2 },
		"from nothing":        func(r *library.Review) { r.From = 0 },
		"more exact":          func(r *library.Review) { r.Exact = r.Carried + 1 },
		"a fate of its own":   func(r *library.Review) { r.Items[0].Fate = "lost" },
		"carried items":       func(r *library.Review) { r.Items[0].Fate = compare.Carried },
		"an outcome of its":   func(r *library.Review) { r.Items[0].Outcome = "maybe" },
		"twice the same":      func(r *library.Review) { r.Items = append(r.Items, r.Items[0]) },
		"of a later version":  func(r *library.Review) { r.Items[0].Version = 2 },
		"an item without id":  func(r *library.Review) { r.Items[0].ID = "" },
		"negative carried":    func(r *library.Review) { r.Carried = -1 },
		"negative version of": func(r *library.Review) { r.Items[0].Version = -1 },
	} {
		bad := back
		bad.Versions = append([]library.Version(nil), back.Versions...)
		r := *back.Review()
		r.Items = append([]library.ReviewItem(nil), r.Items...)
		change(&r)
		bad.Versions[1].Review = &r
		if err := bad.Validate(); !errors.Is(err, library.ErrInvalid) {
			t.Errorf("a review with %s: %v, want ErrInvalid", name, err)
		}
	}
}

func TestReviseStepwiseCarriesAsOneCarryAndPauses(t *testing.T) {
	c := comparetest.Cases[0]
	s := stock(t, rootFile(t, c.Old), c.Annotations)
	for len(s.as) < 40 { // more than a step
		more := stock(t, rootFile(t, c.Old), c.Annotations)
		s.as = append(s.as, more.as...)
	}
	text := rootFile(t, c.New)
	next := parse(t, text)
	v, err := library.NewVersion(string(text), next, library.SourceText, "", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	rev, ok, err := library.ReviseStepwise(s.doc, v, next, s.as, func(done, total int) {
		if total != len(s.as) {
			t.Errorf("pause says %d in all, want %d", total, len(s.as))
		}
		seen = append(seen, done)
	})
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if len(seen) < 3 || seen[len(seen)-1] != len(s.as) || !slices.IsSorted(seen) {
		t.Errorf("pauses after %v", seen)
	}
	oldDoc, _ := library.AnnotationDocument(s.parsed, s.doc.Symbol)
	newDoc, _ := library.AnnotationDocument(next, s.doc.Symbol)
	whole, err := rev.Comparison.Carry(oldDoc, newDoc, s.as)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Items) != len(rev.Carried.Items) {
		t.Fatalf("%d items, one Carry gives %d", len(rev.Carried.Items), len(whole.Items))
	}
	for i, it := range whole.Items {
		got := rev.Carried.Items[i]
		if got.Old.ID != it.Old.ID || got.Fate != it.Fate || !got.New.Equal(it.New) {
			t.Errorf("item %d: %s %s, one Carry gives %s %s", i, got.Old.ID, got.Fate, it.Old.ID, it.Fate)
		}
	}
}
