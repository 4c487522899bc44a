package annotations

import (
	"testing"
	"time"
)

// fixtureSet is a fixed set of annotations on the seed, with text that tests
// every escape of every export: Markdown and CSV specials, line breaks,
// curly quotes, accents, combining marks, emoji, CJK; overlapping
// annotations, a whole clause, labels, an untagged annotation (as imported
// from another tool), and two orphans.
func fixtureSet(t testing.TB) *Set {
	t.Helper()
	doc := seedDoc(t)
	s := NewSet(doc, fixedNow)
	at := func(day, hour int) time.Time { return time.Date(2024, 2, day, hour, 15, 30, 250e6, time.UTC) }
	add := func(name, clause, quote string, tag Tag, note, author string, created, modified time.Time) {
		t.Helper()
		a := mustAnnotation(t, doc, name, clause, quote, tag, note)
		a.Author, a.Created, a.Modified = author, created, modified
		if _, err := s.Add(a); err != nil {
			t.Fatalf("fixture %s: %v", name, err)
		}
	}
	op8, _ := doc.Clause("op8")
	add("pp2", "pp2", "“Transforming our world: the 2030 Agenda for Sustainable Development”", Commitment,
		"Ancre **Agenda 2030** — voir [lien](http://example.org) & <b>gras</b>", "", at(1, 9), at(1, 9))
	add("op8", "op8", op8.Text, Concern,
		`=HYPERLINK("http://evil.example","click")`, "Délégation de l’Uruguay", at(2, 10), at(5, 16))
	add("op21", "op21", "to seek to enhance dialogue with representatives from non-traditional donor countries", Request,
		"# Not a heading\n- not a list\n1. not a list either\n\n   Last line 👍🏽", "@mission", at(3, 11), at(3, 12))
	add("op21-verb", "op21", "Requests", Request, "", "", at(3, 11), at(3, 11))
	add("op23", "op23", "the funds", Commitment,
		"+1, e\u0301 東京 | pipe `code` *star* _under_ ~tilde~ \\ backslash \"quoted\", comma", "", at(4, 8), at(4, 8))

	labelled := mustAnnotation(t, doc, "pp5-labels", "pp5", "the duty to cooperate", "", "Tagged “UNGA” in Hypothesis")
	labelled.Labels, labelled.Created, labelled.Modified = []string{"UNGA", "follow-up"}, at(5, 9), at(5, 9)
	if _, err := s.Add(labelled); err != nil {
		t.Fatalf("fixture pp5-labels: %v", err)
	}
	tagged := mustAnnotation(t, doc, "op12-label", "op12", "human rights and fundamental freedoms", Concern, "")
	tagged.Labels, tagged.Created, tagged.Modified = []string{"Third Committee"}, at(5, 10), at(5, 10)
	if _, err := s.Add(tagged); err != nil {
		t.Fatalf("fixture op12-label: %v", err)
	}

	orphan := func(a Annotation) {
		t.Helper()
		a.Document = doc.Symbol
		if err := Validate(a); err != nil {
			t.Fatalf("fixture orphan: %v", err)
		}
		s.insert(a)
	}
	orphan(Annotation{
		ID: nameID("test\norphan"), Clause: "op21", Start: 80, End: 112, Exact: "to mobilize additional resources",
		Prefix: "Commissioner for Human Rights ", Suffix: " for the funds;", Tag: Concern,
		Note: "From draft L.10", Created: at(1, 8), Modified: at(1, 8),
	})
	orphan(Annotation{
		ID: nameID("test\nforeign"), Clause: "", Start: 0, End: 32, Exact: "the right to a clean environment",
		Tag: Request, Note: "Imported from another tool", Author: "Hypothesis user", Created: at(6, 7), Modified: at(6, 7),
	})
	return s
}

// addForeignKinds adds to s what imports from other tools make: untagged
// annotations with and without labels and notes, and tagged ones with
// labels, one in every seventh clause.
func addForeignKinds(t testing.TB, s *Set) {
	t.Helper()
	doc := s.Document()
	for i, c := range doc.Clauses {
		if i%7 != 0 {
			continue
		}
		n := runeLen(c.Text)
		a := Annotation{ID: nameID("foreign\n" + c.ID), Clause: c.ID, Start: 0, End: min(n, 12),
			Created: fixedNow(), Modified: fixedNow()}
		switch i % 3 {
		case 0:
			a.Labels = []string{"UNGA", "Étape " + c.Label}
		case 1:
			a.Tag, a.Labels, a.Note = Request, []string{"to discuss"}, "with the capital"
		}
		sel, err := doc.Describe(c.ID, a.Start, a.End)
		if err != nil {
			t.Fatal(err)
		}
		a.Exact = sel.Exact
		if _, err := s.Add(a); err != nil {
			t.Fatalf("foreign kind %s: %v", c.ID, err)
		}
	}
}
