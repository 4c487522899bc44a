package compare

import (
	"errors"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

func TestCompareRefusesAMissingDocument(t *testing.T) {
	d := parseFile(t, seedFile)
	for _, pair := range [][2]*resolution.Document{{nil, d}, {d, nil}, {nil, nil}} {
		if _, err := Compare(pair[0], pair[1]); !errors.Is(err, ErrNoDocument) {
			t.Errorf("Compare(%v, %v): %v, want ErrNoDocument", pair[0] != nil, pair[1] != nil, err)
		}
	}
}

func TestCompareCopesWithOddDocuments(t *testing.T) {
	empty := &resolution.Document{}
	withNils := &resolution.Document{
		Preamble:  []*resolution.Clause{nil, {ID: "pp1", Label: "PP1", Kind: resolution.Preambular, Text: ""}},
		Operative: []*resolution.Clause{{ID: "op1", Label: "OP1", Kind: resolution.Operative, Text: "Decides to remain seized of the matter.", Children: []*resolution.Clause{nil}}},
		Annexes:   []*resolution.Annex{nil, {ID: "annex1", Paragraphs: []*resolution.Clause{{ID: "annex1.p1", Label: "Annex I, 1", Kind: resolution.AnnexParagraph, Text: "Decides to remain seized of the matter."}}}},
	}
	seed := parseFile(t, seedFile)
	for _, pair := range [][2]*resolution.Document{{empty, empty}, {empty, seed}, {seed, empty}, {withNils, seed}, {seed, withNils}, {withNils, withNils}} {
		c, err := Compare(pair[0], pair[1])
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range c.Matches {
			n += len(m.Old) + len(m.New)
			if len(m.Old)+len(m.New) == 0 {
				t.Errorf("empty match")
			}
			m.Label()
		}
		if want := len(flatten(pair[0]).items) + len(flatten(pair[1]).items); n != want {
			t.Errorf("matches hold %d clauses, want %d", n, want)
		}
		c.Summary()
		c.Brief(nil, BriefOptions{})
	}
}

func TestCarryRefusesDocumentsOfOtherTexts(t *testing.T) {
	old, new := parseFile(t, seedFile), parseFile(t, revision("words.txt"))
	c, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	od, nd := annotationDoc(t, old), annotationDoc(t, new)
	for _, docs := range [][2]*annotations.Document{{nd, nd}, {od, od}, {nil, nd}, {od, nil}} {
		if _, err := c.Carry(docs[0], docs[1], nil); !errors.Is(err, ErrMismatch) {
			t.Errorf("Carry with the wrong documents: %v, want ErrMismatch", err)
		}
	}
	if _, err := c.Carry(od, nd, nil); err != nil {
		t.Errorf("Carry with the right documents: %v", err)
	}
}

func TestCarryKeepsAnnotationsItCannotPlaceAsOrphans(t *testing.T) {
	old, new := parseFile(t, seedFile), parseFile(t, revision("words.txt"))
	c, _ := Compare(old, new)
	od, nd := annotationDoc(t, old), annotationDoc(t, new)
	good := annotate(t, od, 1, "op21", "Requests", annotations.Request, "")
	stale := good
	stale.ID, stale.Exact = "stale", "Demands" // does not fit the old text
	unknown := good
	unknown.ID, unknown.Clause = "unknown", "op99"
	noClause := good
	noClause.ID, noClause.Clause = "noclause", "" // an import from another tool
	r, err := c.Carry(od, nd, []annotations.Annotation{good, stale, unknown, noClause})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range r.Items {
		if it.Old.ID == good.ID {
			if it.Fate != Changed || it.NewQuote != "Encourages" {
				t.Errorf("good: %s %q", it.Fate, it.NewQuote)
			}
			continue
		}
		if it.Fate != Orphan || it.Reason == "" || !it.New.Equal(it.Old) {
			t.Errorf("%s: %s (%q), want an orphan kept as it was", it.Old.ID, it.Fate, it.Reason)
		}
	}
	if got := r.Summary(); got != "0 carried, 0 moved, 1 changed, 3 orphans" {
		t.Errorf("summary %q", got)
	}
	if got := (&Review{Items: append(r.Of(Changed), r.Of(Orphan)[0])}).Summary(); got != "0 carried, 0 moved, 1 changed, 1 orphan" {
		t.Errorf("summary %q, want … 1 orphan", got)
	}
	if len(r.Of(Orphan)) != 3 || len(r.Annotations()) != 4 {
		t.Errorf("Of and Annotations disagree with the items")
	}
}

// FuzzCompare compares a resolution with an edit of it and carries
// annotations on every clause: nothing panics, every clause is in one
// match, the ops rebuild both texts, and every annotation placed fits the
// new text and keeps its words unless flagged Changed.
func FuzzCompare(f *testing.F) {
	f.Add("The Human Rights Council,\n\nRecalling its resolution,\n\n1. *Requests* the Office to report;\n\n2. *Decides* to remain seized of the matter.", "Requests", "Encourages")
	f.Add("The General Assembly,\n\nNoting,\n\n1. *Decides* that:\n\n(a) one;\n\n(b) two;\n\n2. *Urges* States;", "(b) two;\n\n", "")
	f.Add("The Security Council,\n\nActing under Chapter VII,\n\n1. *Decides* a;\n\n2. *Decides* a;", "a;", "b;\n\n3. *Decides* a;")
	f.Fuzz(func(t *testing.T, text, from, to string) {
		if len(text) > 4000 || from == "" {
			return
		}
		old, err := resolution.Parse([]byte(text))
		if err != nil {
			return
		}
		new, err := resolution.Parse([]byte(strings.Replace(text, from, to, 1)))
		if err != nil {
			return
		}
		c, err := Compare(old, new)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[*resolution.Clause]int{}
		for _, m := range c.Matches {
			for _, cl := range append(append([]*resolution.Clause{}, m.Old...), m.New...) {
				seen[cl]++
			}
			checkOps(t, m.OldText(), m.NewText(), m.Diff)
		}
		for _, cl := range append(old.Clauses(), new.Clauses()...) {
			if seen[cl] != 1 {
				t.Fatalf("%s in %d matches", cl.ID, seen[cl])
			}
		}
		od, errOld := annotations.NewDocument(docOf(old))
		nd, errNew := annotations.NewDocument(docOf(new))
		if errOld != nil || errNew != nil {
			return
		}
		var as []annotations.Annotation
		for i, cl := range od.Clauses {
			n := runeLen(cl.Text)
			if n == 0 {
				continue
			}
			s := (i * 7) % n
			sel, err := od.Describe(cl.ID, s, min(n, s+1+i%13))
			if err != nil {
				t.Fatal(err)
			}
			as = append(as, annotations.Annotation{ID: cl.ID, Clause: cl.ID, Start: sel.Start, End: sel.End, Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix, Tag: annotations.Request})
		}
		r, err := c.Carry(od, nd, as)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range r.Items {
			if it.Fate == Orphan {
				continue
			}
			if !nd.Fits(it.New) {
				t.Fatalf("%s: placed where it does not fit", it.Old.ID)
			}
			if it.Fate != Changed && it.New.Exact != it.Old.Exact {
				t.Fatalf("%s: %s with other words", it.Old.ID, it.Fate)
			}
		}
		c.Brief(r, BriefOptions{})
	})
}

func docOf(d *resolution.Document) annotations.Document {
	var cs []annotations.Clause
	for _, c := range d.Clauses() {
		cs = append(cs, annotations.Clause{ID: c.ID, Label: c.Label, Text: c.Text})
	}
	return annotations.Document{Symbol: "fuzz", Clauses: cs}
}
