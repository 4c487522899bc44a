package resolution

import (
	"os"
	"strings"
	"testing"
)

// outline lists the clause ids of d in document order.
func outline(d *Document) string {
	var ids []string
	for _, c := range d.Clauses() {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, " ")
}

func TestSubparagraphsOnTwoLevelsGetTheirOwnClauses(t *testing.T) {
	data, err := os.ReadFile("testdata/subparagraphs.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(data)
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	want := "pp1 pp2 pp3 pp3.a pp3.b pp4 " +
		"op1 op2 op2.a op2.a.i op2.a.ii op2.b op2.c " +
		"op3 op3.a op3.b op3.c op3.d op3.e op3.f op3.g op3.h op3.i op3.j " +
		"op4 op4.a op4.b op4.b.i op4.b.ii op4.c"
	if got := outline(d); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	tests := []struct{ id, label, kind, number, text string }{
		{"pp3", "PP3", "preambular", "3", "Recognizing the following principles:"},
		{"pp3.a", "PP3(a)", "subparagraph", "a", "That access to safe drinking water is a human right,"},
		{"op2", "OP2", "operative", "2", "Calls upon States:"},
		{"op2.a", "OP2(a)", "subparagraph", "a", "To ensure progressively the realization of the human rights to safe drinking water and sanitation for all, including by:"},
		{"op2.a.ii", "OP2(a)(ii)", "subparagraph", "ii", "Assessing whether the existing legislative and policy framework is in line with those rights;"},
		// Split by a page break with two footnote lines in between.
		{"op2.c", "OP2(c)", "subparagraph", "c", "To integrate a gender perspective into water and sanitation programmes, in particular by ensuring that women participate in decision-making processes relating to water and sanitation management;"},
		// (i) after (h) is the letter i, not a roman one.
		{"op3.i", "OP3(i)", "subparagraph", "i", "Informal settlements; and"},
		// Inline sub-paragraphs after a colon.
		{"op4", "OP4", "operative", "4", "Decides:"},
		{"op4.a", "OP4(a)", "subparagraph", "a", "to continue its consideration of this question under the same agenda item;"},
		{"op4.b", "OP4(b)", "subparagraph", "b", "to hold a panel discussion at its fifty-seventh session:"},
		{"op4.b.i", "OP4(b)(i)", "subparagraph", "i", "on water and climate; and"},
		{"op4.b.ii", "OP4(b)(ii)", "subparagraph", "ii", "on sanitation in schools;"},
		{"op4.c", "OP4(c)", "subparagraph", "c", "to review the mandate in 2026."},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			c := mustClause(t, d, tt.id)
			got := []string{c.Label, string(c.Kind), c.Number, c.Text}
			want := []string{tt.label, tt.kind, tt.number, tt.text}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("got %q, want %q", got[i], want[i])
				}
			}
		})
	}
	if got := leadOf(mustClause(t, d, "op2")); got != "Calls upon" {
		t.Errorf("lead of OP2: got %q, want %q", got, "Calls upon")
	}
	if got := mustClause(t, d, "op2.c").Line; got != 44 {
		t.Errorf("line of OP2(c): got %d, want 44", got)
	}
	if v := d.Vote; v == nil || v.Recorded || v.Statement != "Adopted without a vote." {
		t.Errorf("vote: got %+v, want adopted without a vote", v)
	}
	if len(d.Notes) != 0 {
		t.Errorf("notes: got %q, want none", d.Notes)
	}
}

// resolutionWith wraps body paragraphs in a minimal Human Rights Council
// header and adoption.
func resolutionWith(body string) []byte {
	return []byte("Human Rights Council**Fifty-fifth session**\n\n**55/1. Test***The Human Rights Council,*\n\n" +
		body + "\n\n*10th meeting\n1 April 2024*\n\n[Adopted without a vote.]\n")
}

func TestSubparagraphLettersAreReadInSequence(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{
			name: "letters on lines of their own",
			body: "Recalling its resolutions,\n\n1. *Decides*:\n\n(a) To act;\n\n(b) To report;\n\n2. *Requests* a report.",
			want: "pp1 op1 op1.a op1.b op2",
		},
		{
			name: "a roman list inside a letter",
			body: "Recalling,\n\n1. *Decides*:\n(a) To act by:\n(i) One;\n(ii) Two;\n(iii) Three;\n(b) To report.",
			want: "pp1 op1 op1.a op1.a.i op1.a.ii op1.a.iii op1.b",
		},
		{
			name: "(i) after (h) ending with a colon opens a roman list",
			body: "Recalling,\n\n1. *Decides*:\n(a) A;\n(b) B;\n(c) C;\n(d) D;\n(e) E;\n(f) F;\n(g) G;\n(h) H, namely:\n(i) one;\n(ii) two;\n(i) I.",
			want: "pp1 op1 op1.a op1.b op1.c op1.d op1.e op1.f op1.g op1.h op1.h.i op1.h.ii op1.i",
		},
		{
			name: "inline letters need a colon first",
			body: "Recalling article 5 (a) of the Convention,\n\n1. *Notes* paragraph 3 (b) of the report; (c) is not a list;",
			want: "pp1 op1",
		},
		{
			name: "inline letters after a colon",
			body: "Recalling the principles: (a) one, (b) two,\n\n1. *Decides*: (a) to act; and (b) to report.",
			want: "pp1 pp1.a pp1.b op1 op1.a op1.b",
		},
		{
			name: "a repeated letter gets a unique id",
			body: "Recalling,\n\n1. *Decides*:\n(a) A;\n(a) A again.",
			want: "pp1 op1 op1.a op1.a-2",
		},
		{
			name: "a letter before any paragraph starts a preambular paragraph",
			body: "(a) Recalling,\n\n1. *Decides*.",
			want: "pp1 op1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := resolutionWith(tt.body)
			d, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(d); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkDocument(t, data, d)
		})
	}
}

func TestNextLetterAndNextRomanCount(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"a", nextLetter("a"), "b"},
		{"h", nextLetter("h"), "i"},
		{"z", nextLetter("z"), "aa"},
		{"aa", nextLetter("aa"), "bb"},
		{"ab", nextLetter("ab"), ""},
		{"i", nextRoman("i"), "ii"},
		{"iv", nextRoman("iv"), "v"},
		{"viii", nextRoman("viii"), "ix"},
		{"xix", nextRoman("xix"), "xx"},
		{"q", nextRoman("q"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
