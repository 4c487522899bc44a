package compare

import (
	"os"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
)

// levenshtein is the textbook edit distance in code points, the reference
// the fuzzy threshold is stated in.
func levenshtein(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			c := prev[j-1]
			if x[i-1] != y[j-1] {
				c = min(c, prev[j], cur[j-1]) + 1
			}
			cur[j] = c
		}
		prev = cur
	}
	return prev[len(y)]
}

func TestFuzzyThresholdBothWays(t *testing.T) {
	// OP26 of the seed is rewritten into a clause too different to be the
	// same clause (it is deleted, another inserted), keeping the phrase the
	// delegate marked in the same context, its words more or less changed.
	// At or above annotations.MinSimilarity the annotation is carried into
	// the new clause, flagged Changed; below it, it is an orphan, never
	// attached to the lookalike.
	const quote = "consecutive and compounded global crises, such as health crises"
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	seed := string(data)
	i := strings.Index(seed, "26. *Urges* States to take, upon request")
	j := strings.Index(seed[i:], "\n") + i
	old := parseBytes(t, data)
	od := annotationDoc(t, old)
	a := annotate(t, od, 0, "op26", quote, annotations.Concern, "")
	above, below := 0, 0
	for _, variant := range []string{
		"consecutive and compounded global crises, such as health crises",      // unchanged
		"consecutive and compounding global crises, such as health crises",     // one word inflected
		"consecutive and interlinked global crises, such as health crises",     // one word replaced
		"successive and compounding global crises, such as health crises",      // two words changed
		"successive and interlinked global crises, such as health crises",      // two words replaced
		"consecutive and interlinked global shocks, such as health crises",     // two words replaced
		"successive and interlinked global shocks, such as health crises",      // three words changed
		"recurrent and interlinked global shocks, such as pandemics",           // a lookalike
		"consecutive and compounded global crises, such as pandemics",          // the end replaced
		"multiple and overlapping global crises, including health emergencies", // a lookalike
	} {
		sim := 1 - float64(levenshtein(quote, variant))/float64(max(runeLen(quote), runeLen(variant)))
		text := seed[:i] + "26. *Calls upon* the international community to mitigate the adverse impact of " + variant + ", financial and economic crises and climate change, on developing countries;" + seed[j:]
		new := parseBytes(t, []byte(text))
		c, err := Compare(old, new)
		if err != nil {
			t.Fatal(err)
		}
		if m := c.Match("op26"); m.Status != ClauseDeleted {
			t.Fatalf("%q: OP26 is %s, want deleted (rewritten past MinClauseSimilarity)", variant, m.Status)
		}
		nd := annotationDoc(t, new)
		r, err := c.Carry(od, nd, []annotations.Annotation{a})
		if err != nil {
			t.Fatal(err)
		}
		it := r.Items[0]
		switch {
		case sim >= annotations.MinSimilarity:
			above++
			// The words found are the variant's; the quote's own end
			// (", such as health crises") may reach into what follows.
			if it.Fate == Orphan || it.New.Clause != "op26" || !strings.HasPrefix(it.New.Exact, strings.Fields(variant)[0]) {
				t.Errorf("similarity %.2f ≥ %.2f: %s in %s %q (%s), want carried into OP26", sim, annotations.MinSimilarity, it.Fate, it.New.Clause, it.New.Exact, it.Reason)
			}
			if want := map[bool]Fate{true: Moved, false: Changed}[it.New.Exact == quote]; sim < 1 && it.Fate != want {
				t.Errorf("similarity %.2f: %s, want %s", sim, it.Fate, want)
			}
		default:
			below++
			if it.Fate != Orphan {
				t.Errorf("similarity %.2f < %.2f: %s in %s %q, want an orphan", sim, annotations.MinSimilarity, it.Fate, it.New.Clause, it.New.Exact)
			}
		}
		t.Logf("%.2f %-8s %q", sim, it.Fate, it.New.Exact)
	}
	if above < 3 || below < 3 {
		t.Errorf("%d variants above the threshold and %d below: the test must try both ways", above, below)
	}
}
