package resolution

import "testing"

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
	data := []byte("*The General Assembly,*\n\nRecalling,\n\n1. *Decides*.\n\n*5th plenary meeting\n1 May 2020*\n\nAnnex\n\nDeclaration on something\n\n1. We, the States,\n\n(a) agree;")
	d, _ := Parse(data)
	if got, want := outline(d), "pp1 op1 p1 p2 p3 p3.a"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := mustClause(t, d, "p3").Text; got != "1. We, the States," {
		t.Errorf("got %q, want the printed number kept in a plain paragraph", got)
	}
	if len(d.Notes) == 0 {
		t.Error("got no note about the paragraphs after the adoption")
	}
	checkDocument(t, data, d)
}
