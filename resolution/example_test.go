package resolution_test

import (
	"fmt"

	"github.com/clausemark/clausemark/resolution"
)

func ExampleParse() {
	d, err := resolution.Parse(resolution.Seed())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Symbol, "–", d.Title)
	fmt.Println(len(d.Preamble), "preambular and", len(d.Operative), "operative paragraphs")

	op8 := d.Clause("op8")
	lead := string([]rune(op8.Text)[:op8.Lead])
	fmt.Printf("%s opens with %q\n", op8.Label, lead)

	pp10 := d.Clause("pp10")
	ref := pp10.Footnotes[0]
	fmt.Printf("%s: footnote %d after %q\n", pp10.Label, ref.Number, string([]rune(pp10.Text)[ref.At-20:ref.At]))

	v := d.Vote
	fmt.Printf("%d in favour, %d against, %d abstaining (%s)\n",
		len(v.InFavour), len(v.Against), len(v.Abstaining), v.Abstaining[0])
	// Output:
	// A/HRC/RES/53/11 – Enhancement of international cooperation in the field of human rights
	// 33 preambular and 37 operative paragraphs
	// OP8 opens with "Expresses its concern"
	// PP10: footnote 2 after "Programme of Action,"
	// 33 in favour, 13 against, 1 abstaining (Mexico)
}

func ExampleLabel() {
	fmt.Println(resolution.Label("op6.a.ii"))
	// Output: OP6(a)(ii)
}
