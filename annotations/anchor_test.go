package annotations

import (
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	const text = "“Déjà vu” — e\u0301 👍🏽 東京 and then a much longer tail of plain words after it."
	tests := []struct {
		name                  string
		start, end            int
		exact, prefix, suffix string
	}{
		{"a span at the start has no prefix", 0, 9, "“Déjà vu”", "", " — e\u0301 👍🏽 東京 and then a much longer "},
		{"an emoji with its modifier", 15, 17, "👍🏽", "“Déjà vu” — e\u0301 ", " 東京 and then a much longer tail "},
		{"a combining mark alone", 13, 14, "\u0301", "“Déjà vu” — e", " 👍🏽 東京 and then a much longer ta"},
		{"a span at the end has no suffix", runeLen(text) - 3, runeLen(text), "it.", "a much longer tail of plain words after ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := Describe(text, tt.start, tt.end)
			if err != nil {
				t.Fatal(err)
			}
			if sel.Exact != tt.exact || sel.Prefix != lastRunes(tt.prefix, ContextLength) || sel.Suffix != firstRunes(tt.suffix, ContextLength) {
				t.Errorf("got exact %q prefix %q suffix %q, want %q %q %q", sel.Exact, sel.Prefix, sel.Suffix, tt.exact, lastRunes(tt.prefix, ContextLength), firstRunes(tt.suffix, ContextLength))
			}
			if runeLen(sel.Prefix) > ContextLength || runeLen(sel.Suffix) > ContextLength {
				t.Errorf("context longer than %d code points", ContextLength)
			}
			if m := Anchor(sel, text); m.Method != ByPosition || m.Start != tt.start || m.End != tt.end {
				t.Errorf("Anchor(Describe) = %+v, want the same range by position", m)
			}
		})
	}
	for _, r := range [][2]int{{3, 3}, {-1, 2}, {5, 200}, {6, 2}} {
		if _, err := Describe(text, r[0], r[1]); err == nil {
			t.Errorf("Describe(%d, %d): no error for a bad range", r[0], r[1])
		}
	}
}

func TestAnchorInOneClause(t *testing.T) {
	const old = "Urges States to continue to support the funds, and “welcomes” the work of States 👍🏽 on the funds;"
	sel := func(quote string, nth int) Selectors {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(old[i+1:], quote)
		}
		s := runeLen(old[:i])
		d, err := Describe(old, s, s+runeLen(quote))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name   string
		sel    Selectors
		text   string
		method Method
		want   string // the text found; "" for an orphan
	}{
		{"the same text anchors by position", sel("support the funds", 0), old, ByPosition, "support the funds"},
		{"a word inserted before the quote moves it", sel("“welcomes”", 0),
			strings.Replace(old, "Urges", "Strongly urges", 1), ByQuote, "“welcomes”"},
		{"the second of two occurrences stays the second", sel("the funds", 1),
			strings.Replace(old, "Urges States", "Urges all States, in particular donor States,", 1), ByQuote, "the funds"},
		{"a word changed inside the quote anchors fuzzily", sel("continue to support the funds", 0),
			strings.Replace(old, "support the funds", "support the trust funds", 1), ByFuzzy, "continue to support the trust funds"},
		{"an emoji with another skin tone is a fuzzy match", sel("the work of States 👍🏽 on the funds", 0),
			strings.Replace(old, "👍🏽", "👍🏿", 1), ByFuzzy, "the work of States 👍🏿 on the funds"},
		{"a quote rewritten beyond recognition is an orphan", sel("continue to support the funds", 0),
			strings.Replace(old, "continue to support the funds", "keep financing these mechanisms", 1), Orphaned, ""},
		{"a short quote deleted does not jump to another occurrence", sel("States", 1),
			strings.Replace(old, "the work of States 👍🏽 on the funds", "the work done so far on the funds and the initiatives taken", 1), Orphaned, ""},
		{"a quote in an empty text is an orphan", sel("States", 0), "", Orphaned, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Anchor(tt.sel, tt.text)
			if m.Method != tt.method {
				t.Fatalf("method: got %q, want %q (%+v)", m.Method, tt.method, m)
			}
			if tt.want == "" {
				if !m.Orphan() {
					t.Errorf("got %+v, want an orphan", m)
				}
				return
			}
			rs := []rune(tt.text)
			if got := string(rs[m.Start:m.End]); got != tt.want {
				t.Errorf("found %q, want %q", got, tt.want)
			}
			if m.Similarity < MinSimilarity || m.Evidence < MinEvidence {
				t.Errorf("accepted below the thresholds: %+v", m)
			}
		})
	}
}

// anchorCase is an annotation on the seed and where it must be found in a
// revised text.
type anchorCase struct {
	name          string
	clause, quote string
	nth           int // occurrence of quote in the clause, from 0
	revise        func(t *testing.T, cs []Clause) []Clause
	method        Method
	wantClause    string
	wantText      string // "" for an orphan
}

const newOP21 = "Requests the Office of the United Nations High Commissioner for Human Rights to prepare a report on the activities of the funds;"

func TestAnchorAfterRealEditsOfTheSeed(t *testing.T) {
	tests := []anchorCase{
		{
			name: "an unchanged text anchors by position", clause: "op21", quote: "non-traditional donor countries",
			revise: func(t *testing.T, cs []Clause) []Clause { return cs },
			method: ByPosition, wantClause: "op21", wantText: "non-traditional donor countries",
		},
		{
			name: "a paragraph inserted before OP21 moves its annotation to OP22", clause: "op21",
			quote:  "to seek to enhance dialogue with representatives from non-traditional donor countries",
			revise: func(t *testing.T, cs []Clause) []Clause { return insertOperative(t, cs, 21, newOP21) },
			method: ByQuote, wantClause: "op22", wantText: "to seek to enhance dialogue with representatives from non-traditional donor countries",
		},
		{
			name: "a phrase shared with the inserted paragraph follows its own context", clause: "op21",
			quote:  "the Office of the United Nations High Commissioner for Human Rights",
			revise: func(t *testing.T, cs []Clause) []Clause { return insertOperative(t, cs, 21, newOP21) },
			method: ByQuote, wantClause: "op22", wantText: "the Office of the United Nations High Commissioner for Human Rights",
		},
		{
			name: "a whole clause follows its renumbering", clause: "op23", quote: "Urges States to continue to support the funds;",
			revise: func(t *testing.T, cs []Clause) []Clause { return insertOperative(t, cs, 21, newOP21) },
			method: ByQuote, wantClause: "op24", wantText: "Urges States to continue to support the funds;",
		},
		{
			name: "a paragraph deleted before OP21 moves its annotation to OP20", clause: "op21", quote: "broadening the donor base",
			revise: func(t *testing.T, cs []Clause) []Clause { return deleteOperative(t, cs, 20) },
			method: ByQuote, wantClause: "op20", wantText: "broadening the donor base",
		},
		{
			name: "the annotation of a deleted paragraph is an orphan", clause: "op21", quote: "with a view to broadening the donor base",
			revise: func(t *testing.T, cs []Clause) []Clause { return deleteOperative(t, cs, 21) },
			method: Orphaned,
		},
		{
			name: "a word changed inside the quote anchors fuzzily", clause: "op21", quote: "to seek to enhance dialogue with representatives",
			revise: func(t *testing.T, cs []Clause) []Clause {
				return replaceIn(t, cs, "op21", "enhance dialogue", "strengthen dialogue")
			},
			method: ByFuzzy, wantClause: "op21", wantText: "to seek to strengthen dialogue with representatives",
		},
		{
			name: "a renumbered clause with a word changed inside the quote", clause: "op21",
			quote: "to seek to enhance dialogue with representatives from non-traditional donor countries",
			revise: func(t *testing.T, cs []Clause) []Clause {
				return replaceIn(t, insertOperative(t, cs, 21, newOP21), "op22", "non-traditional donor", "emerging donor")
			},
			method: ByFuzzy, wantClause: "op22", wantText: "to seek to enhance dialogue with representatives from emerging donor countries",
		},
		{
			name: "words changed around the quote on one side keep it", clause: "op22", quote: "in a timely and transparent manner",
			revise: func(t *testing.T, cs []Clause) []Clause {
				return replaceIn(t, cs, "op22", "to process such requests in", "to handle all such requests in")
			},
			method: ByQuote, wantClause: "op22", wantText: "in a timely and transparent manner",
		},
		{
			name: "the second of two occurrences is found by its context after a long insertion", clause: "op12", quote: "human rights", nth: 1,
			revise: func(t *testing.T, cs []Clause) []Clause {
				return replaceIn(t, cs, "op12", "the Charter and international law,", "the Charter and international law, including the Universal Declaration of Human Rights and the international human rights covenants and instruments to which States are parties, as reaffirmed in the Vienna Declaration and Programme of Action,")
			},
			method: ByQuote, wantClause: "op12", wantText: "human rights",
		},
		{
			name: "a clause whose quote was reworded is an orphan, not a weak match", clause: "op21", quote: "to seek to enhance dialogue with representatives",
			revise: func(t *testing.T, cs []Clause) []Clause {
				return replaceIn(t, cs, "op21", "to seek to enhance dialogue with representatives", "to consult the delegations")
			},
			method: Orphaned,
		},
		{
			name: "a deleted phrase found elsewhere in the document is an orphan", clause: "op16", quote: "human rights and fundamental freedoms",
			revise: func(t *testing.T, cs []Clause) []Clause {
				return replaceIn(t, cs, "op16", "all human rights and fundamental freedoms for all", "the right to development")
			},
			method: Orphaned,
		},
		{
			name: "a whole clause that grew keeps the whole clause", clause: "op23", quote: "Urges States to continue to support the funds;",
			revise: func(t *testing.T, cs []Clause) []Clause {
				return replaceIn(t, cs, "op23", "the funds;", "the funds generously;")
			},
			method: ByFuzzy, wantClause: "op23", wantText: "Urges States to continue to support the funds generously;",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := seedDoc(t)
			start, end := nthSpan(t, orig, tt.clause, tt.quote, tt.nth)
			sel, err := orig.Describe(tt.clause, start, end)
			if err != nil {
				t.Fatal(err)
			}
			revised := docWith(t, tt.revise(t, seedClausesCopy(t)))
			m := revised.Anchor(sel)
			if m.Method != tt.method {
				t.Fatalf("method: got %q, want %q (%+v)", m.Method, tt.method, m)
			}
			if tt.method == Orphaned {
				return
			}
			if m.Clause != tt.wantClause {
				t.Errorf("clause: got %q, want %q", m.Clause, tt.wantClause)
			}
			c, _ := revised.Clause(m.Clause)
			if got := string([]rune(c.Text)[m.Start:m.End]); got != tt.wantText {
				t.Errorf("found %q, want %q", got, tt.wantText)
			}
			if tt.nth > 0 {
				// The same occurrence: same words right before it.
				if !strings.HasSuffix(string([]rune(c.Text)[:m.Start]), "violations of ") {
					t.Errorf("found the wrong occurrence at %d", m.Start)
				}
			}
		})
	}
}

func nthSpan(t *testing.T, doc *Document, clause, quote string, nth int) (int, int) {
	t.Helper()
	c, _ := doc.Clause(clause)
	i := -1
	for range nth + 1 {
		j := strings.Index(c.Text[i+1:], quote)
		if j < 0 {
			t.Fatalf("occurrence %d of %q not in %s", nth, quote, clause)
		}
		i += 1 + j
	}
	s := runeLen(c.Text[:i])
	return s, s + runeLen(quote)
}

func TestAnchorWithoutPosition(t *testing.T) {
	doc := seedDoc(t)
	tests := []struct {
		name       string
		sel        Selectors
		wantClause string
	}{
		{"a quote unique in the document anchors", Selectors{Exact: "non-traditional donor countries"}, "op21"},
		{"a quote found several times without context is an orphan", Selectors{Exact: "human rights and fundamental freedoms"}, ""},
		{"context picks one of several occurrences", Selectors{Exact: "human rights and fundamental freedoms", Prefix: "task of preventing violations of "}, "op12"},
		{"a named clause narrows the search", Selectors{Clause: "op24", Exact: "human rights and fundamental freedoms"}, "op24"},
		{"a quote found nowhere is an orphan", Selectors{Exact: "the right to a clean, healthy and sustainable environment"}, ""},
		{"fuzzy matches need a position", Selectors{Exact: "non-traditional donor countrys"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := doc.Anchor(tt.sel)
			if tt.wantClause == "" {
				if !m.Orphan() {
					t.Errorf("got %+v, want an orphan", m)
				}
				return
			}
			if m.Orphan() || m.Clause != tt.wantClause {
				t.Fatalf("got %+v, want clause %s", m, tt.wantClause)
			}
			c, _ := doc.Clause(m.Clause)
			if got := string([]rune(c.Text)[m.Start:m.End]); got != tt.sel.Exact {
				t.Errorf("found %q, want %q", got, tt.sel.Exact)
			}
		})
	}
}

func TestReanchorRewritesTheSelectorsButNotTheTimes(t *testing.T) {
	orig := seedDoc(t)
	a := mustAnnotation(t, orig, "a", "op21", "broadening the donor base", Request, "note")
	revised := docWith(t, insertOperative(t, seedClausesCopy(t), 21, newOP21))
	b, m := revised.Reanchor(a)
	if m.Orphan() || b.Clause != "op22" || !revised.Fits(b) {
		t.Fatalf("Reanchor = %+v, %+v; want it in op22", b, m)
	}
	if !b.Modified.Equal(a.Modified) || b.Note != a.Note || b.ID != a.ID {
		t.Errorf("Reanchor changed more than the place: %+v", b)
	}
}
