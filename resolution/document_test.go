package resolution

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
)

func TestClausesListsChildrenRightAfterTheirParent(t *testing.T) {
	d := &Document{
		Preamble: []*Clause{{ID: "pp1", Children: []*Clause{{ID: "pp1.a"}}}},
		Operative: []*Clause{
			{ID: "op1", Children: []*Clause{{ID: "op1.a", Children: []*Clause{{ID: "op1.a.i"}, {ID: "op1.a.ii"}}}, {ID: "op1.b"}}},
			{ID: "op2"},
		},
	}
	if got, want := outline(d), "pp1 pp1.a op1 op1.a op1.a.i op1.a.ii op1.b op2"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := d.Clause("op1.a.ii"); got == nil || got.ID != "op1.a.ii" {
		t.Errorf("Clause(op1.a.ii): got %v, want the clause", got)
	}
	if got := d.Clause("op9"); got != nil {
		t.Errorf("Clause(op9): got %v, want nil", got)
	}
}

func TestTextSHA256HashesIdTabTextNewline(t *testing.T) {
	d := &Document{Preamble: []*Clause{{ID: "pp1", Text: "Recalling,"}},
		Operative: []*Clause{{ID: "op1", Text: "Decides;", Children: []*Clause{{ID: "op1.a", Text: "to act."}}}}}
	sum := sha256.Sum256([]byte("pp1\tRecalling,\nop1\tDecides;\nop1.a\tto act.\n"))
	if got, want := d.TextSHA256(), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	seed := parseSeed(t)
	again, _ := Parse(Seed())
	if seed.TextSHA256() != again.TextSHA256() {
		t.Error("two parses of the seed hash differently")
	}
	changed, _ := Parse(bytes.Replace(Seed(), []byte("globalization"), []byte("globalisation"), 1))
	if changed.TextSHA256() == seed.TextSHA256() {
		t.Error("a changed word does not change the hash")
	}
}

func TestLabelIsWhatDelegatesSay(t *testing.T) {
	tests := []struct{ id, want string }{
		{"pp7", "PP7"}, {"op21", "OP21"}, {"op6.a", "OP6(a)"}, {"op6.a.ii", "OP6(a)(ii)"},
		{"pp3.a", "PP3(a)"}, {"p3", "P3"}, {"op4-2", "OP4-2"}, {"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if got := Label(tt.id); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSeedReturnsACopy(t *testing.T) {
	a := Seed()
	a[0] = 'X'
	if b := Seed(); b[0] == 'X' {
		t.Error("changing the returned seed changed the embedded one")
	}
	if !bytes.Contains(Seed(), []byte("53/11. Enhancement of international cooperation")) {
		t.Error("the seed is not A/HRC/RES/53/11")
	}
}

func TestJSONHasEmptyListsNotNull(t *testing.T) {
	for _, input := range []string{"", "*The General Assembly,*\n\nRecalling,\n\n1. *Decides*.", string(Seed())} {
		d, _ := Parse([]byte(input))
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("null")) {
			t.Errorf("JSON of %.20q holds null: %s", input, b)
		}
		var back Document
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.TextSHA256() != d.TextSHA256() {
			t.Errorf("JSON round trip of %.20q changed the clauses", input)
		}
	}
}
