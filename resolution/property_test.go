package resolution

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// isText is what "text" means for the never-drops-text property: letters
// and decimal digits. Markdown markers, punctuation, white space and the
// superscript footnote markers (which become FootnoteRefs) are not.
func isText(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// textRunes returns the letters and digits of s in order.
func textRunes(s string) []rune {
	var rs []rune
	for _, r := range s {
		if isText(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

// clauseCanon is what a clause contributes to the rebuilt text: its printed
// number or letter (operative and sub-paragraphs; preambular and plain
// paragraphs are numbered by position, not in the text) and its text.
func clauseCanon(c *Clause) string {
	if c.Kind == Operative || c.Kind == Subparagraph || c.Kind == AnnexParagraph {
		return c.Number + " " + c.Text
	}
	return c.Text
}

// canonicalFields rebuilds every field of d that holds text of the input:
// metadata, sponsors, header leftovers, clauses, cross-headings, annex
// headings and titles, footnotes, adoption, vote and the page furniture
// left out, in the order of the input. Symbol, Number and Body are left
// out: they may be derived rather than read (they are allowed as slack
// instead).
func canonicalFields(d *Document) []string {
	fields := []string{d.Distribution, d.Date, d.Original}
	fields = append(fields, d.Sponsors...)
	fields = append(fields, d.Title, d.Session, d.Dates, d.AgendaItem, d.AgendaTitle,
		d.Heading, d.Reference, d.EnactingFormula)
	fields = append(fields, d.Other...)
	heads := map[string][]string{} // cross-headings by the clause they precede
	var trailing []string
	for _, h := range d.CrossHeadings {
		if h.Before == "" {
			trailing = append(trailing, h.Text)
		} else {
			heads[h.Before] = append(heads[h.Before], h.Text)
		}
	}
	annexAt := map[string]*Annex{} // annexes by their first paragraph
	for _, a := range d.Annexes {
		if len(a.Paragraphs) > 0 {
			annexAt[a.Paragraphs[0].ID] = a
		} else {
			trailing = append(trailing, a.Heading, a.Title)
		}
	}
	for _, c := range d.Clauses() {
		if a := annexAt[c.ID]; a != nil {
			fields = append(fields, a.Heading, a.Title)
		}
		fields = append(fields, heads[c.ID]...)
		fields = append(fields, clauseCanon(c))
	}
	fields = append(fields, trailing...)
	for _, f := range d.Footnotes {
		fields = append(fields, f.Text)
	}
	fields = append(fields, d.Adoption.Meeting, d.Adoption.Date)
	if v := d.Vote; v != nil {
		fields = append(fields, v.Statement)
		for _, l := range [][]string{v.InFavour, v.Against, v.Abstaining} {
			fields = append(fields, l...)
		}
	}
	fields = append(fields, d.Furniture...)
	return fields
}

// slack is the text the parser may consume without keeping it: the
// structural words of the fields it found, and Number and Body (read from a
// header line, or derived from a line kept elsewhere).
func slack(d *Document) map[rune]int {
	var words []string
	if d.AgendaItem != "" {
		words = append(words, "Agenda items")
	}
	if d.Vote != nil {
		words = append(words, "The voting was as follows", "In favour", "Against",
			"Abstaining", "Abstentions", "and and and")
	}
	words = append(words, d.Number, d.Body, d.Symbol)
	if d.Distribution != "" {
		words = append(words, "Distr")
	}
	if d.Original != "" {
		words = append(words, "Original")
	}
	if d.Kind == KindDraft {
		// The sponsor line's "…: draft resolution" and the "and" before
		// its last name.
		words = append(words, "Revised draft resolution and")
	}
	// A footnote number printed as plain digits (a pasted text) is read
	// as the footnote's number and as the markers' numbers.
	for _, f := range d.Footnotes {
		words = append(words, strconv.Itoa(f.Number))
	}
	for _, c := range d.Clauses() {
		for _, r := range c.Footnotes {
			words = append(words, strconv.Itoa(r.Number))
		}
	}
	m := map[rune]int{}
	for _, w := range words {
		for _, r := range textRunes(w) {
			m[r]++
		}
	}
	return m
}

// isSubsequence reports whether sub appears in s in order (gaps allowed).
func isSubsequence(sub, s []rune) bool {
	i := 0
	for _, r := range s {
		if i < len(sub) && r == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// checkDocument checks what every Document must satisfy for its input:
// no nil slices, unique ids, offsets inside the text, plain text as the
// package doc defines it, and no lost text: the letters and digits of the
// input and of the rebuilt document are the same multiset up to the
// structural slack, and the clauses keep the order of the input.
func checkDocument(t testing.TB, data []byte, d *Document) {
	t.Helper()
	if d == nil {
		t.Fatal("Parse returned a nil Document")
	}
	if d.Preamble == nil || d.Operative == nil || d.Footnotes == nil || d.Notes == nil || d.Other == nil {
		t.Errorf("a slice of the Document is nil, want empty: %+v", d)
	}
	for _, n := range d.Notes {
		if strings.Contains(n, "internal error") {
			t.Errorf("the parser recovered from a panic: %s", n)
		}
	}
	seen := map[string]bool{}
	for _, c := range d.Clauses() {
		if c.ID == "" || seen[c.ID] {
			t.Errorf("clause id %q is empty or not unique", c.ID)
		}
		seen[c.ID] = true
		if got, want := c.Label, Label(c.ID); got != want {
			t.Errorf("label of %s: got %q, want %q", c.ID, got, want)
		}
		if c.Footnotes == nil || c.Children == nil {
			t.Errorf("%s: nil Footnotes or Children", c.ID)
		}
		n := utf8.RuneCountInString(c.Text)
		if c.Lead < 0 || c.Lead > n {
			t.Errorf("%s: Lead %d outside its text of %d code points", c.ID, c.Lead, n)
		}
		last := 0
		for _, r := range c.Footnotes {
			if r.At < last || r.At > n {
				t.Errorf("%s: footnote ref %+v outside its text of %d code points or out of order", c.ID, r, n)
			}
			last = r.At
		}
		if strings.ContainsAny(c.Text, "*\n\t⁰¹²³⁴⁵⁶⁷⁸⁹") || strings.Contains(c.Text, "  ") ||
			strings.TrimSpace(c.Text) != c.Text {
			t.Errorf("%s: text is not plain: %q", c.ID, c.Text)
		}
		if !utf8.ValidString(c.Text) {
			t.Errorf("%s: text is not valid UTF-8", c.ID)
		}
	}
	if v := d.Vote; v != nil && (v.InFavour == nil || v.Against == nil || v.Abstaining == nil || v.Warnings == nil) {
		t.Errorf("a slice of the Vote is nil, want empty: %+v", v)
	}

	in := textRunes(string(data))
	counts := map[rune]int{}
	for _, r := range in {
		counts[r]++
	}
	for _, f := range canonicalFields(d) {
		for _, r := range textRunes(f) {
			counts[r]--
		}
	}
	allowed := slack(d)
	for r, n := range counts {
		switch {
		case n < 0:
			t.Errorf("the document has %d more %q than the input (text duplicated or invented)", -n, r)
		case n > allowed[r]:
			t.Errorf("%d %q of the input are missing from the document (text dropped)", n-allowed[r], r)
		}
	}

	var clauses []rune
	for _, c := range d.Clauses() {
		clauses = append(clauses, textRunes(clauseCanon(c))...)
	}
	if !isSubsequence(clauses, in) {
		t.Errorf("the clauses do not keep the order of the input")
	}
	if len(in) < 1<<13 { // quadratic: small inputs (the fuzzer's) only
		for _, f := range canonicalFields(d) {
			if !isSubsequence(textRunes(f), in) {
				t.Errorf("field %q is not in the order of the input", f)
			}
		}
	}
}

// realInputs are the real resolutions and the fixtures of this package.
func realInputs(t testing.TB) map[string][]byte {
	t.Helper()
	files := map[string][]byte{"seed": Seed()}
	for _, pattern := range []string{"../testdata/resolutions/*.txt", "testdata/*.txt"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files[p] = data
		}
	}
	return files
}

func TestEveryRealInputKeepsAllItsText(t *testing.T) {
	for name, data := range realInputs(t) {
		t.Run(name, func(t *testing.T) {
			d, err := Parse(data)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			checkDocument(t, data, d)
		})
	}
}

func TestTheTextCheckNoticesADroppedWord(t *testing.T) {
	data := Seed()
	d, _ := Parse(data)
	// A parser that lost a word of OP10 must fail the check.
	d.Clause("op10").Text = strings.Replace(d.Clause("op10").Text, "globalization", "", 1)
	ft := &fakeT{}
	checkDocument(ft, data, d)
	if !ft.failed {
		t.Error("checkDocument accepted a document that lost a word")
	}
}

// fakeT records failures instead of failing the test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatal(...any)          { f.failed = true }

func FuzzParse(f *testing.F) {
	// The real resolutions and fragments of them are in the committed
	// corpus, testdata/fuzz/FuzzParse.
	f.Add([]byte(""))
	f.Add([]byte("*The General Assembly,*\n\n1. *Decides*: (a) to act; (b) to wait;\n\n[Adopted by a recorded vote of 1 to 1, with 1 abstention.\n\nIn favour:\n\nTrinidad and Tobago\n\nAgainst:\n\nA and B\n\nAbstaining:\n\nC]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			var perr *ParseError
			if !errors.As(err, &perr) || perr.Line < 1 {
				t.Fatalf("got error %v, want a *ParseError with a line", err)
			}
		} else if !utf8.Valid(data) || strings.ContainsRune(string(data), 0) {
			t.Fatalf("got no error for unreadable input %q", data)
		}
		checkDocument(t, data, d)
	})
}

// FuzzCollapsedSaysWhetherCollapseChangesNothing checks the fast path of
// collapse: collapsed(s) exactly when collapse(s) == s.
func FuzzCollapsedSaysWhetherCollapseChangesNothing(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a*b", "a\u00a0b", "Réaffirme sa décision", "\xff", "a\u2003b", "a\nb", "x **y**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapsed(s), collapse(s) == s; got != want {
			t.Errorf("collapsed(%q) = %v, but collapse gives %q", s, got, collapse(s))
		}
	})
}
