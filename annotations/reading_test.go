package annotations

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// longQuotesFile is the file that froze the page: n annotations whose
// quotes are 20,000 code points of the document's own text, running over
// many clauses (so they fit no clause, and share most of their trigrams
// with the long ones), at offsets that do not fit.
func longQuotesFile(tb testing.TB, doc *Document, n int) []byte {
	tb.Helper()
	all := []rune(strings.ReplaceAll(doc.Text(), ClauseSeparator, " "))
	var items []string
	for i := range n {
		q := make([]rune, MaxQuoteLength)
		for j := range q {
			q[j] = all[(i*997+j)%len(all)]
		}
		items = append(items, fmt.Sprintf(`{"id":%q,"clause":"op21","start":0,"end":%d,"exact":%q,"prefix":"Recalling","suffix":"Urges","tag":"request","note":"","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z"}`,
			nameID(fmt.Sprint("long\n", i)), MaxQuoteLength, string(q)))
	}
	return []byte(`{"format":"clausemark.annotations","version":2,"document":{"symbol":"A/HRC/RES/53/11"},"exported":"2024-01-01T00:00:00.000Z","annotations":[` +
		strings.Join(items, ",") + `]}`)
}

// TestLongQuotesThatDoNotFitAreReadInAMoment: 2 MB of such annotations took
// 34 s in the browser (and 8 s here for a tenth of them); the fuzzy search
// is bounded now. The bound of the test is loose: machines running it are
// shared, and the race detector slows it.
func TestLongQuotesThatDoNotFitAreReadInAMoment(t *testing.T) {
	doc := seedDoc(t)
	data := longQuotesFile(t, doc, 100)
	start := time.Now()
	f, err := Read(doc, data, ImportOptions{})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Orphans()) != 100 {
		t.Errorf("%d orphans, want all 100 kept for review", len(f.Orphans()))
	}
	// The time is reported, not asserted (a busy machine must not fail a
	// test); the work is bounded by MaxFuzzyWork, and make bench times it.
	t.Logf("%d bytes read in %v", len(data), took)
}

func TestAReadingGoesInShortStepsAndSaysHowFarItIs(t *testing.T) {
	doc := seedDoc(t)
	s := randomSet(t, doc, 2000, 5)
	data, err := ExportW3C(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"a W3C file": data, "long quotes that do not fit": longQuotesFile(t, doc, 30)} {
		t.Run(name, func(t *testing.T) {
			r, err := NewReading(doc, data, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var last Progress
			steps, longest := 0, time.Duration(0)
			for {
				start := time.Now()
				done := r.Step(2 * time.Millisecond)
				longest = max(longest, time.Since(start))
				steps++
				p := r.Progress()
				if p.Fraction() < last.Fraction() || p.Fraction() > 1 || p.Stage < last.Stage {
					t.Fatalf("progress went from %+v to %+v", last, p)
				}
				last = p
				if done {
					break
				}
				if _, err := r.Result(); err == nil {
					t.Fatal("Result before the end gave no error")
				}
			}
			if last.Stage != Finished || last.Fraction() != 1 {
				t.Errorf("the last progress is %+v", last)
			}
			f, err := r.Result()
			if err != nil {
				t.Fatal(err)
			}
			want, err := Read(doc, data, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if d := diffAnnotations(f.Annotations, want.Annotations); d != "" {
				t.Errorf("in steps and at once differ: %s", d)
			}
			t.Logf("%d steps, the longest %v", steps, longest)
			if steps < 3 {
				t.Errorf("%d steps: the reading was not sliced", steps)
			}

		})
	}
}

func TestTheFuzzySearchIsBounded(t *testing.T) {
	doc := seedDoc(t)
	t.Run("a quote longer than MaxFuzzyLength is only found exactly", func(t *testing.T) {
		text := []rune(strings.ReplaceAll(doc.Text(), ClauseSeparator, " "))
		for _, n := range []int{MaxFuzzyLength, MaxFuzzyLength + 1} {
			at := 1000
			quote := slices.Clone(text[at : at+n])
			quote[n/2] = 'X'
			sel := Selectors{Clause: "p1", Start: at, End: at + n, HasPosition: true, Exact: string(quote),
				Prefix: string(text[at-10 : at]), Suffix: string(text[at+n : at+n+10])}
			m := Anchor(sel, string(text))
			if fuzzy := n <= MaxFuzzyLength; fuzzy != (m.Method == ByFuzzy) || fuzzy && (m.Start != at || m.End != at+n) {
				t.Errorf("a quote of %d code points with one edit: got %+v", n, m)
			}
		}
	})
	t.Run("a search past MaxFuzzyWork is given up", func(t *testing.T) {
		// A clause of 400,000 code points and a quote of 2,000: the search
		// would need about k·n = 400·400,000 cells.
		big, err := NewDocument(Document{Symbol: "X/1", Clauses: []Clause{{ID: "p1", Text: strings.Repeat("abcdefghij", 40_000)}}})
		if err != nil {
			t.Fatal(err)
		}
		quote := strings.Repeat("abcdefghij", 200)
		quote = quote[:1000] + "ZZZZZ" + quote[1005:]
		start := time.Now()
		m := big.Anchor(Selectors{Clause: "p1", Start: 5, End: 2005, HasPosition: true, Exact: quote, Prefix: "x"})
		if !m.Orphan() {
			t.Errorf("got %+v, want an orphan", m)
		}
		t.Logf("an unanchorable 2,000-code-point quote: %v", time.Since(start))
		_ = doc
	})
}
