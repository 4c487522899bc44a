package compare

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkOps checks that ops rebuild both texts exactly and that each op's
// spans hold its text.
func checkOps(t *testing.T, old, new string, ops []Op) {
	t.Helper()
	var ob, nb strings.Builder
	oldClauses, newClauses := strings.Split(old, "\n"), strings.Split(new, "\n")
	for _, op := range ops {
		if op.Text == "" {
			t.Fatalf("empty op %+v", op)
		}
		if strings.Contains(op.Text, "\n") && op.Text != "\n" {
			t.Fatalf("op mixes a clause break with text: %q", op.Text)
		}
		if op.Kind != Insert {
			ob.WriteString(op.Text)
		}
		if op.Kind != Delete {
			nb.WriteString(op.Text)
		}
		for _, side := range []struct {
			span    Span
			clauses []string
			present bool
		}{{op.Old, oldClauses, op.Kind != Insert}, {op.New, newClauses, op.Kind != Delete}} {
			s := side.span
			if s.Clause < 0 || s.Clause >= len(side.clauses) {
				t.Fatalf("op %+v: clause %d of %d", op, s.Clause, len(side.clauses))
			}
			rs := []rune(side.clauses[s.Clause])
			if s.Start < 0 || s.End > len(rs) || s.Start > s.End {
				t.Fatalf("op %+v: span out of its clause (%d code points)", op, len(rs))
			}
			switch {
			case op.Break() || !side.present:
				if s.Start != s.End {
					t.Fatalf("op %+v: a span where the text is not", op)
				}
			case string(rs[s.Start:s.End]) != op.Text:
				t.Fatalf("op %+v: span holds %q", op, string(rs[s.Start:s.End]))
			}
		}
	}
	if ob.String() != old || nb.String() != new {
		t.Fatalf("ops rebuild %q / %q, want %q / %q", ob.String(), nb.String(), old, new)
	}
}

func TestWordDiffReadsAsTrackChanges(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string // the changes, in order: "-deleted" or "+inserted"
	}{
		{"a verb replaced", "Requests the Office to report;", "Encourages the Office to report;", []string{"-Requests", "+Encourages"}},
		{"words inserted", "in a timely manner", "in a timely and transparent manner", []string{"+and transparent "}},
		{"the distinctive words anchor (patience)", "in a timely and transparent manner that", "in a timely, transparent and non-discriminatory manner that", []string{"- and", "+,", "+ and non-discriminatory"}},
		{"a word inside a hyphenated word is the whole word", "the Secretary-General", "the Director-General", []string{"-Secretary-General", "+Director-General"}},
		{"a stray common word between rewritten phrases joins the change", "Requests the Secretary-General to submit a report on the implementation", "Decides to consider the question at its next session", []string{"-Requests the Secretary-General to submit a report on the implementation", "+Decides to consider the question at its next session"}},
		{"a footnote-free number change", "until 12 March 2019 the mandate", "until 12 March 2021 the mandate", []string{"-2019", "+2021"}},
		{"nothing changed", "Decides to remain seized of the matter.", "Decides to remain seized of the matter.", nil},
		{"all new", "", "Decides to remain seized of the matter.", []string{"+Decides to remain seized of the matter."}},
		{"a merge: the break between two clauses deleted", "the requesting States;\nUrges States to continue", "the requesting States, and urges States to continue", []string{"-;", "-\n", "-Urges", "+, and urges"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ops := WordDiff(tc.old, tc.new)
			checkOps(t, tc.old, tc.new, ops)
			var got []string
			for _, op := range ops {
				switch op.Kind {
				case Delete:
					got = append(got, "-"+op.Text)
				case Insert:
					got = append(got, "+"+op.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("changes %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWordDiffRebuildsRealClausesExactly(t *testing.T) {
	// Every pair of clauses of the seed and of a revision, and random
	// edits of them: the ops rebuild both texts and their spans hold
	// their text, for both diffs.
	texts := []string{}
	for _, path := range []string{seedFile, revision("words.txt"), sudan2018} {
		for _, c := range parseFile(t, path).Clauses() {
			texts = append(texts, c.Text)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields(strings.Join(texts, " "))
	for trial := range 400 {
		a := texts[r.IntN(len(texts))]
		b := texts[r.IntN(len(texts))]
		if trial%2 == 0 { // an edit of a
			ws := strings.Fields(a)
			for range 1 + r.IntN(4) {
				i := r.IntN(len(ws) + 1)
				switch r.IntN(3) {
				case 0:
					ws = append(ws[:i], append([]string{words[r.IntN(len(words))]}, ws[i:]...)...)
				case 1:
					if i < len(ws) {
						ws = append(ws[:i], ws[i+1:]...)
					}
				default:
					if i < len(ws) {
						ws[i] = words[r.IntN(len(words))]
					}
				}
			}
			b = strings.Join(ws, " ")
		}
		if trial%7 == 0 { // several clauses: a split or merge
			a = a + "\n" + texts[r.IntN(len(texts))]
		}
		checkOps(t, a, b, WordDiff(a, b))
		checkOps(t, a, b, RawWordDiff(a, b))
	}
}

func TestTokensCoverTheTextExactly(t *testing.T) {
	for _, s := range []string{
		"Reaffirms, inter alia, UNISFA’s mandate (S/2017/1125) of 10,900 troops — “two-State” A/HRC/53/L.12.",
		"  leading and  double  spaces\tand\ttabs ",
		"a\nb\n\nc",
		"ﬁ ligatures, e\u0301 combining accents, 🇺🇳 flags, 中文",
		"",
	} {
		var b strings.Builder
		at := 0
		for _, tk := range tokenize(s) {
			if tk.start != at || tk.end <= tk.start {
				t.Fatalf("%q: token %+v after %d", s, tk, at)
			}
			at = tk.end
			b.WriteString(tk.text)
		}
		if b.String() != s || at != runeLen(s) {
			t.Errorf("tokens rebuild %q, want %q", b.String(), s)
		}
	}
	var got []string
	for _, tk := range tokenize("UNISFA’s 10,900 two-State A/HRC/53/L.12, (2015).") {
		if tk.kind == word {
			got = append(got, tk.text)
		}
	}
	if want := "UNISFA’s|10,900|two-State|A/HRC/53/L.12|2015"; strings.Join(got, "|") != want {
		t.Errorf("words %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestClauseThresholdIsAboveLookalikesOfRealTexts(t *testing.T) {
	// MinClauseSimilarity is set above what distinct clauses of one real
	// resolution score against each other: fewer than 1 in 100 clauses of
	// the real texts has a lookalike in its own document that reaches it
	// (measured: 4 of 980; the most similar pair, S/2019/179 PP8 and
	// OP12, the same point made twice, scores 0.78).
	files, _ := filepath.Glob("../testdata/corpus/*.extract.txt")
	files = append(files, seedFile)
	more, _ := filepath.Glob("../testdata/resolutions/*.txt")
	files = append(files, more...)
	if len(files) < 20 {
		t.Fatalf("only %d real texts", len(files))
	}
	clauses, above := 0, 0
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			t.Fatal(err)
		}
		in := make(interner)
		var ws [][]int
		for _, c := range parseFile(t, f).Clauses() {
			if w := in.wordKeys(c.Text); len(w) >= 3 {
				ws = append(ws, w)
			}
		}
		for i := range ws {
			clauses++
			for j := range ws {
				if i != j && !equalInts(ws[i], ws[j]) && similarity(ws[i], ws[j], MinClauseSimilarity) >= MinClauseSimilarity {
					above++
					break
				}
			}
		}
	}
	t.Logf("%d of %d clauses have a lookalike at or above %.2f in their own text", above, clauses, MinClauseSimilarity)
	if above*100 >= clauses {
		t.Errorf("%d of %d clauses have a lookalike at or above MinClauseSimilarity", above, clauses)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
