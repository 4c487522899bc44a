package extract

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
)

// items makes the runs of one line from pdf.js item strings: "|" parts
// items, with no space between them; a space inside a string is soft.
func items(line string) []run {
	var rs []run
	for _, s := range strings.Split(line, "|") {
		rs = append(rs, run{text: s})
	}
	return rs
}

// mend lays out line (items parted by "|") with the vocabulary of a
// document that prints the lines doc.
func mend(doc []string, line string) string {
	v := newVocabulary()
	for _, d := range doc {
		v.learn(paragraphRunes([][]run{items(d)}))
	}
	return renderParagraph(paragraphRunes([][]run{items(line)}), v)
}

func TestTornWordsAreMendedByTheVocabulary(t *testing.T) {
	tests := []struct {
		name string
		doc  []string // lines of the document, items parted by "|"
		line string
		want string
	}{
		// Words of the built-in vocabulary.
		{"three pieces", nil, "of its Presid en t concerning Yemen,", "of its President concerning Yemen,"},
		{"a letter and a letter", nil, "delivery o f humanitarian", "delivery of humanitarian"},
		{"an inflection", nil, "terrorist attack s", "terrorist attacks"},
		{"a piece that is no word", nil, "be ing", "being"},
		// Words the document prints between real spaces.
		{"a word the document prints", []string{"the| |humanitarian| |situation"}, "humanitari an assistance", "humanitarian assistance"},
		{"capitals", []string{"the| |UNMISS| |mandate"}, "effectiveness of UN MISS operations", "effectiveness of UNMISS operations"},
		{"a year", []string{"resolution| |2216 (2015)"}, "resolution 2216 (201 5 ) and", "resolution 2216 (2015) and"},
		// Words the document prints between soft spaces only, mended when
		// a piece is an unknown letter or two.
		{"a word printed between soft spaces", []string{"the peace, security and stability of"}, "and stabilit y of Yemen", "and stability of Yemen"},
		{"two longer pieces", []string{"AKA: ANSARALLAH, AKA:"}, "AKA: ANSAR ALLAH, AKA:", "AKA: ANSAR ALLAH, AKA:"},
		// Two words, or one: left as printed.
		{"in to", nil, "came in to force", "came in to force"},
		{"on to", nil, "passed on to the", "passed on to the"},
		{"an assistance", nil, "an assistance", "an assistance"},
		{"a political", nil, "a political solution", "a political solution"},
		{"may be", nil, "as may be", "as may be"},
		{"as set", nil, "as set out in", "as set out in"},
		{"Yemen is or Yemenis", []string{"of the Yemeni people"}, "from Yemen i s working abroad", "from Yemen i s working abroad"},
		{"a round the document prints", []string{"a| |new| |round| |of talks"}, "a round of talks", "a round of talks"},
		// Never a capital inside a word, a letter against a digit, or
		// across punctuation.
		{"a capital", nil, "Follow Up", "Follow Up"},
		{"a digit", nil, "resolution 2532 (2020)", "resolution 2532 (2020)"},
		{"punctuation", nil, "in a, nd", "in a, nd"},
		// Only spaces inside an item's string are soft.
		{"spaces between items", nil, "o| |f", "o f"},
		{"a space item before a hyphen", nil, "two| |-State", "two -State"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mend(tt.doc, tt.line); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestASoftSpaceIsNotPrintedWhereEnglishTypographyPrintsNone(t *testing.T) {
	tests := []struct{ line, want string }{
		{"including children , and", "including children, and"},
		{"as follows : first ; second .", "as follows: first; second."},
		{"the Committee ( hereafter )", "the Committee (hereafter)"},
		{"the “ Committee ”", "the “Committee”"},
		{"the [ square ]", "the [square]"},
		{"women ’s empowerment", "women’s empowerment"},
		{"Da ’esh", "Da’esh"},
		{"the Secretary -General", "the Secretary-General"},
		{"gender - based violence", "gender-based violence"},
		// Not a compound: as printed.
		{"violence - as printed", "violence - as printed"},
		{"troop- and police-contributing", "troop- and police-contributing"},
		// An ellipsis, a list label.
		{"decides ... further", "decides ... further"},
		{"paragraph 5 (a) above", "paragraph 5 (a) above"},
	}
	for _, tt := range tests {
		if got := mend(nil, tt.line); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.line, got, tt.want)
		}
	}
	// Between items, spaces are printed: kept.
	if got, want := mend(nil, "children| |,"), "children ,"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestAWordMendedAcrossStylesTakesOneStyle(t *testing.T) {
	v := newVocabulary()
	rs := paragraphRunes([][]run{{{text: "Presid en t", style: italic}, {text: " "}, {text: "concerning Yemen"}}})
	if got, want := renderParagraph(rs, v), "*President* concerning Yemen"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// The torn words of three corpus documents, found in the glyph positions
// of their PDFs (testdata/torn_words.tsv): the layout prints each as the
// PDF does, but for those listed here.
var leftTorn = map[string]string{
	"Improv i se d":         "four pieces, and the PDF prints a space glyph before “d”",
	"Al-Qai d a":            "“Al-Qai” + “d” makes “Al-Qaid”, an inflection of “Al-Qai”, a piece the document prints: two cuts, left as printed",
	"su mmer":               "“summer” is neither printed elsewhere nor in the vocabulary",
	"Yemen i s":             "“Yemen is” or “Yemenis” (the document prints “Yemeni”): two cuts, left as printed",
	"crui se":               "“cruise” is neither printed elsewhere nor in the vocabulary",
	"constitution - making": "“constitution-making” is neither printed elsewhere nor in the vocabulary: a spaced hyphen may be a dash",
	"seizin g":              "“seizing” is neither printed elsewhere nor in the vocabulary (nor is “seiz”)",
	"recommendat i o n s":   "five pieces: mended to “recommendation s”",
	"expectati o n s":       "four pieces: mended to “expectation s”",
	"directi o n":           "“direction” is neither printed elsewhere nor in the vocabulary: “o n” makes “on”",
	"repressi o n":          "“repression” is neither printed elsewhere nor in the vocabulary: “o n” makes “on”",
}

func TestTheTornWordsOfThreeDocumentsReadAsPrinted(t *testing.T) {
	f, err := os.Open("testdata/torn_words.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := map[string]string{}
	for _, c := range loadCorpus(t) {
		texts[c.stem] = plainText(c.text)
	}
	sc := bufio.NewScanner(f)
	total, mended := 0, 0
	seen := map[string]bool{}
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") || sc.Text() == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			t.Fatalf("bad line %q", sc.Text())
		}
		stem, torn, printed := cols[0], cols[1], cols[2]
		text, ok := texts[stem]
		if !ok {
			t.Fatalf("no corpus document %s", stem)
		}
		total++
		tornThere := regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(torn) + `($|[^\pL\pN])`).MatchString(text)
		ok = !tornThere && strings.Contains(text, printed)
		why, listed := leftTorn[torn]
		seen[torn] = true
		switch {
		case ok && listed:
			t.Errorf("%s: %q reads %q now: remove it from leftTorn (%s)", stem, torn, printed, why)
		case !ok && !listed:
			t.Errorf("%s: %q does not read %q", stem, torn, printed)
		case ok:
			mended++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for torn := range leftTorn {
		if !seen[torn] {
			t.Errorf("leftTorn lists %q, which testdata/torn_words.tsv does not", torn)
		}
	}
	if total < 150 {
		t.Errorf("%d torn words in testdata/torn_words.tsv, want the 154 found", total)
	}
	t.Logf("%d of %d torn words read as printed", mended, total)
}

// plainText is a layout without markdown and footnote markers, white space
// collapsed.
func plainText(s string) string {
	s = strings.ReplaceAll(s, "*", "")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(string(superscriptDigits[:]), r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
