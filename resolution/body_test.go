package resolution

import (
	"fmt"
	"strings"
	"testing"
)

func TestPageBreakContinuationsAreRecognised(t *testing.T) {
	tests := []struct {
		name string
		prev string
		next string
		want bool
	}{
		{"a lowercase continuation", "for the promotion of international", "cooperation and global", true},
		{"a digit continuation", "57/11 of 12 November", "2002, 58/7 of 4 November 2003", true},
		{"after a comma, lowercase", "in the field of human rights,", "and the role of", true},
		{"an open paragraph, capital continuation", "in accordance with the", "Charter of the United Nations,", true},
		{"an open paragraph, a new preambular paragraph", "in accordance with the", "Recalling its resolution,", false},
		{"a closed paragraph, a new one", "in the field of human rights,", "Recalling also", false},
		{"a closed paragraph, capital text", "for all;", "Annex", false},
		{"a footnote marker after the comma", "Celestial Bodies,⁵", "Seriously concerned about", false},
		{"a closing quote after the full stop", "against Cuba”.", "Annex", false},
		{"a list ending in ; and", "(b) To act; and", "Other text", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joins([]string{tt.prev}, tt.next, true); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTextAfterTheAdoptionIsKeptAsPlainParagraphs(t *testing.T) {
	data := []byte("*The General Assembly,*\n\nRecalling,\n\n1. *Decides*.\n\n*5th plenary meeting\n1 May 2020*\n\nThe Assembly thanks the host.\n\n1. We, the States,\n\n(a) agree;")
	d, _ := Parse(data)
	if got, want := outline(d), "pp1 op1 p1 p2 p2.a"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := mustClause(t, d, "p2").Text; got != "1. We, the States," {
		t.Errorf("got %q, want the printed number kept in a plain paragraph", got)
	}
	if len(d.Notes) == 0 {
		t.Error("got no note about the paragraphs after the adoption")
	}
	checkDocument(t, data, d)
}

func TestAnAnnexAfterTheAdoptionHasItsOwnParagraphs(t *testing.T) {
	data := []byte("*The General Assembly,*\n\nRecalling,\n\n1. *Decides*.\n\n*5th plenary meeting\n1 May 2020*\n\nAnnex\n\nDeclaration on something\n\n1. We, the States,\n\n(a) agree;")
	d, _ := Parse(data)
	if got, want := outline(d), "pp1 op1 annex1.p1 annex1.p1.a"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(d.Annexes) != 1 || d.Annexes[0].Heading != "Annex" || d.Annexes[0].Title != "Declaration on something" {
		t.Fatalf("annexes: got %+v, want one “Annex” titled “Declaration on something”", d.Annexes)
	}
	if c := mustClause(t, d, "annex1.p1"); c.Text != "We, the States," || c.Number != "1" || c.Kind != AnnexParagraph || c.Label != "Annex I, 1" {
		t.Errorf("got %+v, want paragraph 1 of the annex", c)
	}
	if len(d.Notes) != 0 {
		t.Errorf("notes: got %q, want none", d.Notes)
	}
	checkDocument(t, data, d)
}

func TestFourDigitParagraphNumbersFollowTheLastOne(t *testing.T) {
	var b strings.Builder
	b.WriteString("Human Rights Council**Fifty-third session**\n\n**53/99. A very long resolution***The Human Rights Council,*\n\nRecalling its resolutions,\n\n")
	for i := 1; i <= 1001; i++ {
		fmt.Fprintf(&b, "%d. *Decides* to act on item %d;\n\n", i, i)
	}
	// A line that starts with a year is not paragraph 2023.
	b.WriteString("1002. *Requests* a report covering the years 2022 and\n\n2023. It shall be submitted in time;\n\n*34th meeting\n12 July 2023*\n")
	doc, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Operative), 1002; got != want {
		t.Fatalf("got %d operative paragraphs, want %d", got, want)
	}
	if got := doc.Operative[999].Label; got != "OP1000" {
		t.Errorf("paragraph 1000: got label %q, want %q", got, "OP1000")
	}
	last := doc.Operative[1001]
	if last.Label != "OP1002" || !strings.Contains(last.Text, "2022 and 2023. It shall be submitted") {
		t.Errorf("the last paragraph: got %s %q", last.Label, last.Text)
	}
}
