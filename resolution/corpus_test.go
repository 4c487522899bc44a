package resolution

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// The parser on the texts of the 23 corpus documents, checked against the
// ground truth read from their PDFs (../testdata/corpus/*.expected.json).
//
// Each document is read from the texts a user may really paste or open:
//
//   - "content": for the Security Council drafts, the text a third party
//     extracted from the PDF (the dataset's JSON Content, copied to
//     <stem>.content.txt): hard-wrapped lines, no blank lines or blank
//     lines here and there, paragraphs on one line, page furniture gone,
//     italics and bold lost, and every text starts at "The Security
//     Council," (the symbol, date, sponsor line are not in it);
//   - "text": for the General Assembly resolutions, the text version in
//     ../testdata/resolutions (the contract format with light markdown);
//   - "pdftotext": what `pdftotext -layout` (poppler-utils 22.12) makes of
//     the PDF, <stem>.pdftotext.txt: every page's furniture (job number,
//     barcode, page number, running symbol), the page layout's indents,
//     footnotes under a "____" rule with plain-digit markers, spaces torn
//     into words ("UNM ISS");
//   - "extract": the contract format (blocks, ** and * markers, superscript
//     footnote markers) made by the PDF extractor of package extract
//     (branch pdf-extract at e7e9a1a, from the pdf.js output recorded in
//     Chromium), <stem>.extract.txt.
//
// Where an input lost part of the document (the extraction's damage, not
// a parser's weakness), corpusDamage says so for that input, clause by
// clause, with the reason; everything else must be exactly as the ground
// truth says.

// corpusInput is one text of a corpus document.
type corpusInput struct {
	kind string // "content", "text", "pdftotext"
	path string
}

// corpusInputsOf lists the texts of the document stem that exist.
func corpusInputsOf(stem string) []corpusInput {
	var in []corpusInput
	if p := filepath.Join(corpusDir, stem+".content.txt"); fileExists(p) {
		in = append(in, corpusInput{"content", p})
	}
	// A_RES_73_6-EN → ../testdata/resolutions/A-RES-73-6.txt
	text := strings.ReplaceAll(strings.TrimSuffix(stem, "-EN"), "_", "-") + ".txt"
	if p := filepath.Join("../testdata/resolutions", text); fileExists(p) {
		in = append(in, corpusInput{"text", p})
	}
	if p := filepath.Join(corpusDir, stem+".pdftotext.txt"); fileExists(p) {
		in = append(in, corpusInput{"pdftotext", p})
	}
	if p := filepath.Join(corpusDir, stem+".extract.txt"); fileExists(p) {
		in = append(in, corpusInput{"extract", p})
	}
	return in
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// damage is what one input lost of its document, so that the counts and
// clauses it can give are fewer than the ground truth's.
type damage struct {
	// why says what the input lost.
	why string
	// missing are clauses of the truth that are not in the input at all.
	missing []string
	// text are clauses whose text the input cut or glued, by id: their
	// starts/ends are not compared.
	text []string
	// punct are clauses whose final punctuation the input changed (a
	// comma printed as a full stop): their ends are compared without it.
	punct []string
	// headings are cross-headings (by text) the input lost.
	headings []string
	// refs are footnote markers ("2:op1") that the input printed as plain
	// numbers where no rule can tell them from a number of the text
	// ("Sustainable Development Goals 2 for …").
	refs []string
	// annexes: the input lost the annex heading, so the annex
	// paragraphs are plain paragraphs after the operative part.
	annexLost bool
}

// corpusDamage records, per "stem/kind", what the input lost. Every entry
// was found by comparing the input with the PDF.
var corpusDamage = map[string]damage{
	"S_2016_1100-EN/content": {why: "PP8 ends with a full stop where the PDF prints a comma",
		punct: []string{"pp8"}},
	"S_2018_221-EN/content": {why: "PP12 ends with a full stop for a comma; OP19 is cut at the page break after “unhindered access” (the rest, “in particular to persons, … to execute its mandate;”, is missing)",
		punct: []string{"pp12"}, text: []string{"op19"}},
	"S_2018_693-EN/content": {why: "PP8 and PP16 end with a full stop for a comma; OP13 is cut after “Country Team and other” at a page break; the two cross-headings printed at page tops in the preamble are missing",
		punct: []string{"pp8", "pp16"}, text: []string{"op13"},
		headings: []string{"Current situation", "Humanitarian situation and displacement and development issues"}},
	"S_2019_266-EN/content": {why: "PP6 is cut after “of the Chairperson” and OP4 after “federal justice system,”: the rest of each, over a page break, is missing",
		text: []string{"pp6", "op4"}},
	"S_2020_445-EN/content": {why: "PP7 and PP17 (“Acting under Chapter VII …”) end with a full stop for a comma",
		punct: []string{"pp7", "pp17"}},
	"S_2022_158-EN/content": {why: "PP17, PP18 and PP30 end with a full stop for a comma; the cross-headings “Designation Criteria” and “Reporting” and the annex's heading and title are missing, so its four paragraphs follow OP24 as plain text",
		punct: []string{"pp17", "pp18", "pp30"}, headings: []string{"Designation Criteria", "Reporting"}, annexLost: true},
	"S_2024_400-EN/content": {why: "PP19 ends with a full stop for a comma",
		punct: []string{"pp19"}},
	"S_2024_835-EN/content": {why: "PP6 ends with a full stop for a comma",
		punct: []string{"pp6"}},
	"A_RES_73_6-EN/pdftotext": {why: "the second marker of footnote 2, in OP1, is a plain “2” between words (“Sustainable Development Goals 2 for the benefit”), on a page with no footnote",
		refs: []string{"2:op1"}},
}

// idRange lists prefix+n for n in [from, to].
func idRange(prefix string, from, to int) []string {
	var s []string
	for n := from; n <= to; n++ {
		s = append(s, fmt.Sprintf("%s%d", prefix, n))
	}
	return s
}

// corpusNorm makes a text comparable across extractions: white space
// removed (extractions tear and glue words: "UNM ISS", "capacity- building"),
// non-breaking hyphens as hyphens.
func corpusNorm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '\u00ad':
		case r == '\u2010' || r == '\u2011':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestTheParserGivesTheCorpusStructureOfEveryText(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 23 {
		t.Fatalf("found %d expected files, want 23", len(paths))
	}
	for _, path := range paths {
		stem := strings.TrimSuffix(filepath.Base(path), ".expected.json")
		truth, err := loadCorpusTruth(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs := corpusInputsOf(stem)
		if len(inputs) < 2 {
			t.Errorf("%s: %d texts, want the pasted or text version and the pdftotext one", stem, len(inputs))
		}
		for _, in := range inputs {
			t.Run(stem+"/"+in.kind, func(t *testing.T) {
				data, err := os.ReadFile(in.path)
				if err != nil {
					t.Fatal(err)
				}
				d, err := Parse(data)
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				checkDocument(t, data, d)
				checkCorpusDocument(t, truth, in.kind, corpusDamage[stem+"/"+in.kind], d)
			})
		}
	}
}

// checkCorpusDocument compares a parsed document with the ground truth,
// leaving out what the input lost (dmg).
func checkCorpusDocument(t *testing.T, e *corpusTruth, kind string, dmg damage, d *Document) {
	t.Helper()
	if !d.Recognised {
		t.Fatalf("not recognised: %q", d.Notes)
	}
	// The header: the third party's Content starts at the enacting
	// formula; the text versions have no distribution line.
	if kind == "pdftotext" || kind == "extract" {
		eq(t, "symbol", d.Symbol, e.Symbol)
		eq(t, "kind", d.Kind, e.Kind)
		eq(t, "date", d.Date, e.Date)
		eq(t, "sponsors", strings.Join(d.Sponsors, "|"), strings.Join(e.Sponsors, "|"))
	}
	if kind != "content" {
		eq(t, "title", corpusNorm(d.Title), corpusNorm(e.Title))
	}
	eq(t, "body", d.Body, e.Body)
	eq(t, "enacting formula", d.EnactingFormula, e.EnactingFormula)

	missing := map[string]bool{}
	for _, id := range dmg.missing {
		missing[id] = true
	}
	skipText := map[string]bool{}
	for _, id := range dmg.text {
		skipText[id] = true
	}
	skipPunct := map[string]bool{}
	for _, id := range dmg.punct {
		skipPunct[id] = true
	}
	// The clauses, in order, with their starts and ends.
	var want []corpusTruthClause
	for _, c := range e.Clauses {
		if !missing[c.ID] && !(dmg.annexLost && strings.HasPrefix(c.ID, "annex")) {
			want = append(want, c)
		}
	}
	var got []*Clause
	for _, c := range d.Clauses() {
		if dmg.annexLost && c.Kind == Paragraph {
			continue // the annex paragraphs, as plain paragraphs
		}
		got = append(got, c)
	}
	gotIDs, wantIDs := make([]string, len(got)), make([]string, len(want))
	for i, c := range got {
		gotIDs[i] = c.ID
	}
	for i, c := range want {
		wantIDs[i] = c.ID
	}
	if !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("clause ids:\n got %s\nwant %s", strings.Join(gotIDs, " "), strings.Join(wantIDs, " "))
	}
	byID := map[string]*Clause{}
	for _, c := range got {
		byID[c.ID] = c
	}
	for _, w := range want {
		c := byID[w.ID]
		if c == nil || skipText[w.ID] {
			continue
		}
		text := corpusNorm(c.Text)
		if !strings.HasPrefix(text, corpusNorm(w.Starts)) {
			t.Errorf("%s starts %q, want %q", w.ID, prefixWords(c.Text, 6), w.Starts)
		}
		ends := corpusNorm(w.Ends)
		if skipPunct[w.ID] {
			ends = strings.TrimRight(ends, ",;.:")
			text = strings.TrimRight(text, ",;.:")
		}
		if !strings.HasSuffix(text, ends) {
			t.Errorf("%s ends %q, want %q", w.ID, suffixWords(c.Text, 4), w.Ends)
		}
	}

	// Counts.
	pp, op := len(d.Preamble), 0
	for _, c := range d.Operative {
		if c.Kind == Operative {
			op++
		}
	}
	wantOp := e.Operative
	for id := range missing {
		if corpusTopOp.MatchString(id) {
			wantOp--
		}
	}
	eq(t, "preambular", fmt.Sprint(pp), fmt.Sprint(e.Preambular))
	eq(t, "operative", fmt.Sprint(op), fmt.Sprint(wantOp))
	unnumbered := len(d.Operative) == 1 && d.Operative[0].Kind == Operative && d.Operative[0].Number == ""
	eq(t, "unnumbered operative", fmt.Sprint(unnumbered), fmt.Sprint(e.UnnumberedOperative))
	gotSubs := map[string]int{}
	for _, c := range got {
		if len(c.Children) > 0 {
			gotSubs[c.ID] = len(c.Children)
		}
	}
	wantSubs := map[string]int{}
	for id, n := range e.Subparagraphs {
		if !missing[id] && !(dmg.annexLost && strings.HasPrefix(id, "annex")) {
			wantSubs[id] = n
		}
	}
	eq(t, "sub-paragraphs", fmt.Sprint(sortedCounts(gotSubs)), fmt.Sprint(sortedCounts(wantSubs)))

	// Cross-headings: text and the clause they precede.
	lost := map[string]bool{}
	for _, h := range dmg.headings {
		lost[h] = true
	}
	var gotHeads, wantHeads []string
	for _, h := range d.CrossHeadings {
		gotHeads = append(gotHeads, h.Before+": "+corpusNorm(h.Text))
	}
	for _, h := range e.CrossHeadings {
		if !lost[h.Text] && !missing[h.Before] && !(dmg.annexLost && strings.HasPrefix(h.Before, "annex")) {
			wantHeads = append(wantHeads, h.Before+": "+corpusNorm(h.Text))
		}
	}
	eq(t, "cross-headings", strings.Join(gotHeads, " | "), strings.Join(wantHeads, " | "))

	// Annexes.
	var gotAnnex, wantAnnex []string
	for _, a := range d.Annexes {
		gotAnnex = append(gotAnnex, fmt.Sprintf("%s %q %q %d", a.ID, a.Heading, corpusNorm(a.Title), len(a.Paragraphs)))
	}
	if !dmg.annexLost {
		for _, a := range e.Annexes {
			wantAnnex = append(wantAnnex, fmt.Sprintf("%s %q %q %d", a.ID, a.Heading, corpusNorm(a.Title), a.Paragraphs))
		}
	}
	eq(t, "annexes", strings.Join(gotAnnex, " | "), strings.Join(wantAnnex, " | "))

	// Footnote markers: number and clause, in document order.
	var gotFn, wantFn []string
	for _, c := range d.Clauses() {
		for _, r := range c.Footnotes {
			gotFn = append(gotFn, fmt.Sprintf("%d:%s", r.Number, c.ID))
		}
	}
	for _, f := range e.Footnotes {
		ref := fmt.Sprintf("%d:%s", f.Number, f.Clause)
		if !missing[f.Clause] && !slices.Contains(dmg.refs, ref) {
			wantFn = append(wantFn, ref)
		}
	}
	eq(t, "footnote markers", strings.Join(gotFn, " "), strings.Join(wantFn, " "))
}

func eq(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %q, want %q", what, got, want)
	}
}

// sortedCounts lists a count map as "id=n" in id order.
func sortedCounts(m map[string]int) []string {
	var s []string
	for k, v := range m {
		s = append(s, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(s)
	return s
}

func prefixWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

func suffixWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[max(0, len(w)-n):], " ")
}
