package resolution

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// fragments are pieces of resolution text, right and wrong, that
// generatedResolution strings together: the byte-level fuzzer rarely
// builds such structure by itself.
var fragments = []string{
	"Human Rights Council**Fifty-third session**",
	"General Assembly**Seventy-third session**",
	"19 June–14 July 2023",
	"Agenda item 3",
	"Agenda items 2 and 3\nPromotion of rights",
	"**Promotion and protection of all human rights,\ncivil rights****Resolution adopted by the Human Rights Council\non 12 July 2023****53/11. Enhancement of cooperation***The Human Rights Council,*",
	"[*without reference to a Main Committee (A/73/L.3)*]",
	"**73/8. Necessity of ending\nthe embargo***The General Assembly,*",
	"*The General Assembly,* Recalling its resolutions,",
	"Recalling its resolution 72/4,",
	"Recalling also the Charter,¹",
	"Reaffirming, in that regard, the principles,² and the rules,",
	"Taking note with appreciation of the report,",
	"Deeply concerned about the situation in the",
	"region and the world,",
	"2002, 58/7 of 4 November 2003,",
	"Recognizing the principles:",
	"(a) That one,",
	"(b) That two,",
	"(i) roman one;",
	"(ii) roman two; and",
	"1. *Decides* to act;",
	"2. *Also requests* the Secretary-General:",
	"3. *Calls upon* States: (a) to act; (b) to report: (i) now; and (ii) later; (c) to stop.",
	"4. *Underlines*, bearing in mind the Charter,¹⁰ that",
	"5. Requests a report on the",
	"Charter of the United Nations;",
	"12. *Considers* that cooperation",
	"¹ See A/73/85.",
	"² Resolution 70/1.\n³ Resolution 69/283,\nannex II.",
	"¹⁰ A/HRC/52/80.",
	"*34th meeting\n12 July 2023*",
	"*30th plenary meeting*",
	"1 November 2018",
	"[Adopted by a recorded vote of 3 to 2, with 1 abstention. The voting was as follows:",
	"In favour:",
	"Algeria, Bolivia (Plurinational State of), Côte d'Ivoire and Viet Nam",
	"Against:",
	"United Kingdom of Great Britain and Northern Ireland and United States of America",
	"Abstaining:",
	"Mexico]",
	"[Adopted without a vote.]",
	"Adopted by consensus.",
	"In favour: Foo and Bar and Baz, Trinidad and Tobago Against: Israel and Peru]",
	"Annex",
	"# A markdown heading",
	"- a list item\n- another",
	"random words *with markers* and ** stray",
	"\x00binary\xff\xfe",
	"   ",
	"The Go Authors,",
	"(c) letter after nothing",
	"]",
	"[",
}

// generatedResolution strings random fragments together with blank lines,
// single line breaks or nothing between them.
func generatedResolution(r *rand.Rand) []byte {
	var b strings.Builder
	n := 1 + r.IntN(30)
	for range n {
		b.WriteString(fragments[r.IntN(len(fragments))])
		switch r.IntN(4) {
		case 0:
			b.WriteString("\n")
		case 1, 2:
			b.WriteString("\n\n")
		default:
			b.WriteString("\n\n\n\n")
		}
	}
	return []byte(b.String())
}

func TestGeneratedResolutionsKeepAllTheirText(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		data := generatedResolution(r)
		d, _ := Parse(data)
		ft := &fakeT{}
		checkDocument(ft, data, d)
		if ft.failed {
			// Run again for the messages.
			t.Errorf("generated input %d fails the checks:\n%s", i, data)
			checkDocument(t, data, d)
			return
		}
	}
}
