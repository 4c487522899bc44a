package annotations

import (
	"errors"
	"testing"
)

func TestNewDocumentRejectsBadClauses(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
	}{
		{"no symbol", Document{Clauses: []Clause{{ID: "op1", Text: "x"}}}},
		{"an empty clause id", Document{Symbol: "S", Clauses: []Clause{{ID: "", Text: "x"}}}},
		{"a clause id with a space", Document{Symbol: "S", Clauses: []Clause{{ID: "op 1", Text: "x"}}}},
		{"two clauses with the same id", Document{Symbol: "S", Clauses: []Clause{{ID: "op1", Text: "x"}, {ID: "op1", Text: "y"}}}},
		{"text that is not UTF-8", Document{Symbol: "S", Clauses: []Clause{{ID: "op1", Text: "\xff"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewDocument(tt.doc); !errors.Is(err, ErrDocument) {
				t.Errorf("NewDocument: got %v, want ErrDocument", err)
			}
		})
	}
}

func TestNewDocumentFillsSourceAndHash(t *testing.T) {
	d, err := NewDocument(Document{Symbol: "A/HRC/RES/53/11", Clauses: []Clause{{ID: "op1", Label: "OP1", Text: "Decides"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Source, "https://undocs.org/A/HRC/RES/53/11"; got != want {
		t.Errorf("Source = %q, want %q", got, want)
	}
	if !validSHA256(d.TextSHA256) {
		t.Errorf("TextSHA256 = %q, want 64 hex digits", d.TextSHA256)
	}
	if d.Index("op1") != 0 || d.Index("op2") != -1 || d.Label("op1") != "OP1" || d.ClauseLen("op1") != 7 {
		t.Errorf("index: Index(op1)=%d Index(op2)=%d Label=%q Len=%d", d.Index("op1"), d.Index("op2"), d.Label("op1"), d.ClauseLen("op1"))
	}
}

func TestSeedHasItsSeventyClauses(t *testing.T) {
	doc := seedDoc(t)
	if got := len(doc.Clauses); got != 70 {
		t.Fatalf("got %d clauses, want 70", got)
	}
	if doc.Clauses[0].ID != "pp1" || doc.Clauses[33].ID != "op1" || doc.Clauses[69].ID != "op37" {
		t.Errorf("clause order: %s %s %s", doc.Clauses[0].ID, doc.Clauses[33].ID, doc.Clauses[69].ID)
	}
}

func TestFits(t *testing.T) {
	doc := seedDoc(t)
	a := mustAnnotation(t, doc, "a", "pp2", "“Transforming our world: the 2030 Agenda for Sustainable Development”", Request, "")
	tests := []struct {
		name   string
		change func(*Annotation)
		want   bool
	}{
		{"as described", func(*Annotation) {}, true},
		{"shifted by one", func(a *Annotation) { a.Start++; a.End++ }, false},
		{"past the end", func(a *Annotation) { a.Start, a.End = 10000, 10000+a.Len() }, false},
		{"in another clause", func(a *Annotation) { a.Clause = "pp3" }, false},
		{"in no clause", func(a *Annotation) { a.Clause = "" }, false},
		{"with another quote", func(a *Annotation) { a.Exact = "x" + a.Exact[1:] }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := a
			tt.change(&b)
			if got := doc.Fits(b); got != tt.want {
				t.Errorf("Fits = %v, want %v", got, tt.want)
			}
		})
	}
}
