package annotations

import (
	"strings"
	"testing"
	"time"
)

func TestTagValid(t *testing.T) {
	tests := []struct {
		tag  Tag
		want bool
	}{
		{Commitment, true}, {Request, true}, {Concern, true},
		{"", false}, {"Request", false}, {"requests", false}, {"concern ", false},
	}
	for _, tt := range tests {
		if got := tt.tag.Valid(); got != tt.want {
			t.Errorf("Tag(%q).Valid() = %v, want %v", tt.tag, got, tt.want)
		}
	}
}

func TestNewIDIsARandomVersion4UUID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := NewID()
		if !validID(id) {
			t.Fatalf("NewID() = %q, not urn:uuid + canonical UUID", id)
		}
		if id[9+14] != '4' {
			t.Errorf("NewID() = %q: version %c, want 4", id, id[9+14])
		}
		if v := id[9+19]; !strings.ContainsRune("89ab", rune(v)) {
			t.Errorf("NewID() = %q: variant %c, want 8, 9, a or b", id, v)
		}
		if seen[id] {
			t.Fatalf("NewID() repeated %q", id)
		}
		seen[id] = true
	}
}

func TestNameIDIsStableAndVersion5(t *testing.T) {
	a, b := nameID("x"), nameID("x")
	if a != b {
		t.Errorf("nameID(x) = %q then %q, want the same", a, b)
	}
	if a == nameID("y") {
		t.Errorf("nameID(x) = nameID(y) = %q", a)
	}
	if !validID(a) || a[9+14] != '5' {
		t.Errorf("nameID(x) = %q, want a version 5 urn:uuid", a)
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d", true},
		{"urn:uuid:0B9C4C0E-5E9F-4A8E-9D3A-6F1F1C2B3A4D", false},
		{"urn:uuid:0b9c4c0e5e9f4a8e9d3a6f1f1c2b3a4d", false},
		{"0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d", false},
		{"urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4g", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := validID(tt.id); got != tt.want {
			t.Errorf("validID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
	if got, want := canonicalID("URN:UUID:0B9C4C0E-5E9F-4A8E-9D3A-6F1F1C2B3A4D"), "urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d"; got != want {
		t.Errorf("canonicalID = %q, want %q", got, want)
	}
}

func TestWholeClause(t *testing.T) {
	doc := seedDoc(t)
	c, _ := doc.Clause("op23")
	whole, err := doc.Describe("op23", 0, runeLen(c.Text))
	if err != nil {
		t.Fatal(err)
	}
	part, _ := doc.Describe("op23", 0, 6)
	tests := []struct {
		name string
		sel  Selectors
		want bool
	}{
		{"the full range is the whole clause", whole, true},
		{"a span from the start is not", part, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Annotation{Clause: "op23", Start: tt.sel.Start, End: tt.sel.End, Exact: tt.sel.Exact, Prefix: tt.sel.Prefix, Suffix: tt.sel.Suffix}
			if got := a.WholeClause(); got != tt.want {
				t.Errorf("WholeClause() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEqualComparesTimesByInstant(t *testing.T) {
	t0 := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	a := Annotation{ID: "x", Created: t0, Modified: t0}
	b := a
	b.Created = t0.In(time.FixedZone("CET", 3600))
	if !a.Equal(b) {
		t.Errorf("Equal is false for the same instants in two zones")
	}
	b.Note = "n"
	if a.Equal(b) {
		t.Errorf("Equal is true for different notes")
	}
}
