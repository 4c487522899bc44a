package resolution

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusTruth is the ground truth recorded, by reading the PDF, for one
// official UN document in ../testdata/corpus (see
// ../testdata/corpus/README.md for the fields).
type corpusTruth struct {
	File                string                `json:"file"`
	Symbol              string                `json:"symbol"`
	Body                string                `json:"body"`
	Kind                string                `json:"kind"`
	Date                string                `json:"date"`
	Sponsors            []string              `json:"sponsors"`
	Title               string                `json:"title"`
	EnactingFormula     string                `json:"enacting_formula"`
	Preambular          int                   `json:"preambular"`
	Operative           int                   `json:"operative"`
	UnnumberedOperative bool                  `json:"unnumbered_operative"`
	Subparagraphs       map[string]int        `json:"subparagraphs"`
	CrossHeadings       []corpusTruthHeading  `json:"cross_headings"`
	Annexes             []corpusTruthAnnex    `json:"annexes"`
	Footnotes           []corpusTruthFootnote `json:"footnotes"`
	Clauses             []corpusTruthClause   `json:"clauses"`
	Notes               string                `json:"notes"`
}

type corpusTruthHeading struct {
	Before string `json:"before"`
	Text   string `json:"text"`
}

type corpusTruthAnnex struct {
	ID         string `json:"id"`
	Heading    string `json:"heading"`
	Title      string `json:"title"`
	Paragraphs int    `json:"paragraphs"`
}

type corpusTruthFootnote struct {
	Number int    `json:"number"`
	Clause string `json:"clause"`
}

type corpusTruthClause struct {
	ID     string `json:"id"`
	Starts string `json:"starts"`
	Ends   string `json:"ends"`
}

const corpusDir = "../testdata/corpus"

var (
	// corpusClauseID is a clause id of the contract: pp1, op6, op6.a,
	// op6.a.ii, annex1.p3, annex1.p3.a.ii, with an optional "-2" for a
	// repeated id. A sub-paragraph printed with a number ("1.") or a
	// bullet has a numeric label: its printed number, else its position
	// (op7.1, op33.8), as annex paragraphs do.
	corpusClauseID = regexp.MustCompile(`^(pp[1-9][0-9]*|op[1-9][0-9]*(\.([a-z]+|[1-9][0-9]*)(\.[ivxl]+)?)?|annex[1-9][0-9]*\.p[1-9][0-9]*(\.([a-z]+|[1-9][0-9]*)(\.[ivxl]+)?)?)(-[2-9])?$`)
	corpusPreamble = regexp.MustCompile(`^pp([1-9][0-9]*)$`)
	corpusTopOp    = regexp.MustCompile(`^op([1-9][0-9]*)$`)
	corpusAnnexPar = regexp.MustCompile(`^(annex[1-9][0-9]*)\.p[1-9][0-9]*$`)
	corpusAnnexID  = regexp.MustCompile(`^annex[1-9][0-9]*$`)
	// corpusMarkup is what starts and ends must not hold: markdown
	// markers, superscript footnote markers, control characters.
	corpusMarkup = regexp.MustCompile(`[*⁰¹²³⁴⁵⁶⁷⁸⁹\t\n\r]`)
)

// loadCorpusTruth reads and strictly decodes one expected file.
func loadCorpusTruth(path string) (*corpusTruth, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var e corpusTruth
	if err := dec.Decode(&e); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &e, nil
}

func TestEveryCorpusPDFHasGroundTruthAndEveryGroundTruthItsPDF(t *testing.T) {
	pdfs, err := filepath.Glob(filepath.Join(corpusDir, "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	truths, err := filepath.Glob(filepath.Join(corpusDir, "*.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pdfs) == 0 {
		t.Fatalf("no PDF in %s", corpusDir)
	}
	stems := map[string]int{}
	for _, p := range pdfs {
		stems[strings.TrimSuffix(filepath.Base(p), ".pdf")]++
	}
	for _, p := range truths {
		stems[strings.TrimSuffix(filepath.Base(p), ".expected.json")] += 2
	}
	for stem, n := range stems {
		switch n {
		case 1:
			t.Errorf("%s.pdf has no %s.expected.json", stem, stem)
		case 2:
			t.Errorf("%s.expected.json has no %s.pdf", stem, stem)
		}
	}
}

func TestCorpusGroundTruthIsConsistent(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no expected file in %s", corpusDir)
	}
	for _, path := range paths {
		stem := strings.TrimSuffix(filepath.Base(path), ".expected.json")
		t.Run(stem, func(t *testing.T) {
			e, err := loadCorpusTruth(path)
			if err != nil {
				t.Fatal(err)
			}
			checkCorpusHeader(t, stem, e)
			checkCorpusClauses(t, e)
			checkCorpusCounts(t, e)
			checkCorpusFootnotes(t, e)
			checkCorpusHeadingsAndAnnexes(t, e)
		})
	}
}

func checkCorpusHeader(t *testing.T, stem string, e *corpusTruth) {
	t.Helper()
	if e.File != stem+".pdf" {
		t.Errorf("file = %q, want %q", e.File, stem+".pdf")
	}
	if e.Symbol == "" || strings.TrimSpace(e.Symbol) != e.Symbol {
		t.Errorf("symbol = %q, want a printed symbol", e.Symbol)
	}
	if e.Body == "" {
		t.Error("body is empty")
	}
	switch e.Kind {
	case "draft resolution":
		if len(e.Sponsors) == 0 {
			t.Error("a draft resolution with no sponsor")
		}
	case "resolution":
		if len(e.Sponsors) != 0 {
			t.Errorf("an adopted resolution with sponsors %q", e.Sponsors)
		}
	default:
		t.Errorf("kind = %q, want %q or %q", e.Kind, "draft resolution", "resolution")
	}
	if e.Sponsors == nil || e.Subparagraphs == nil || e.CrossHeadings == nil || e.Annexes == nil || e.Footnotes == nil {
		t.Error("sponsors, subparagraphs, cross_headings, annexes and footnotes must be present (empty, not null)")
	}
	if !strings.HasPrefix(e.EnactingFormula, "The ") || !strings.Contains(e.EnactingFormula, e.Body) {
		t.Errorf("enacting_formula = %q, want \"The %s…\"", e.EnactingFormula, e.Body)
	}
	if !strings.HasPrefix(e.Symbol, map[string]string{"Security Council": "S/", "General Assembly": "A/"}[e.Body]) {
		t.Errorf("symbol %q does not belong to the %s", e.Symbol, e.Body)
	}
}

// corpusTextOK reports what is wrong with a starts/ends excerpt, or "".
func corpusTextOK(s string, maxWords int) string {
	switch {
	case s == "":
		return "empty"
	case !utf8.ValidString(s):
		return "not UTF-8"
	case strings.TrimSpace(s) != s || strings.Contains(s, "  "):
		return "whitespace not normalised"
	case corpusMarkup.MatchString(s):
		return "holds markup, a footnote marker or a control character"
	case len(strings.Fields(s)) > maxWords:
		return fmt.Sprintf("%d words, want at most %d", len(strings.Fields(s)), maxWords)
	}
	return ""
}

// corpusParent is the id of the clause a sub-paragraph belongs to, or ""
// for a top-level clause (pp, op, annex paragraph).
func corpusParent(id string) string {
	id, _, _ = strings.Cut(id, "-")
	i := strings.LastIndex(id, ".")
	if i < 0 || corpusAnnexPar.MatchString(id) {
		return ""
	}
	return id[:i]
}

func checkCorpusClauses(t *testing.T, e *corpusTruth) {
	t.Helper()
	if len(e.Clauses) == 0 {
		t.Fatal("no clauses")
	}
	seen := map[string]bool{}
	// section orders the parts of a resolution: preamble, operative
	// part, annexes in their order.
	section := func(id string) string {
		switch {
		case strings.HasPrefix(id, "pp"):
			return "0"
		case strings.HasPrefix(id, "op"):
			return "1"
		}
		n, _, _ := strings.Cut(strings.TrimPrefix(id, "annex"), ".")
		return fmt.Sprintf("2%06s", n)
	}
	last := ""
	for i, c := range e.Clauses {
		if !corpusClauseID.MatchString(c.ID) {
			t.Errorf("clause %d: malformed id %q", i, c.ID)
			continue
		}
		if seen[c.ID] {
			t.Errorf("clause %d: duplicate id %q", i, c.ID)
		}
		seen[c.ID] = true
		if msg := corpusTextOK(c.Starts, 6); msg != "" {
			t.Errorf("%s: starts %q: %s", c.ID, c.Starts, msg)
		}
		if msg := corpusTextOK(c.Ends, 4); msg != "" {
			t.Errorf("%s: ends %q: %s", c.ID, c.Ends, msg)
		}
		if s := section(c.ID); s < last {
			t.Errorf("%s: out of document order (preamble, operative part, annexes)", c.ID)
		} else {
			last = s
		}
		if p := corpusParent(c.ID); p != "" {
			if !seen[p] {
				t.Errorf("%s: its parent %s does not come before it", c.ID, p)
			} else if prev := e.Clauses[i-1].ID; prev != p && !strings.HasPrefix(prev, p+".") {
				t.Errorf("%s: not right after its parent %s or its siblings (after %s)", c.ID, p, prev)
			}
		}
	}
}

func checkCorpusCounts(t *testing.T, e *corpusTruth) {
	t.Helper()
	pp, op := 0, 0
	children := map[string]int{}
	for _, c := range e.Clauses {
		if m := corpusPreamble.FindStringSubmatch(c.ID); m != nil {
			pp++
			if want := fmt.Sprintf("pp%d", pp); c.ID != want {
				t.Errorf("preambular paragraph %d has id %s, want %s", pp, c.ID, want)
			}
		}
		if corpusTopOp.MatchString(c.ID) {
			op++
		}
		if p := corpusParent(c.ID); p != "" {
			children[p]++
		}
	}
	if pp != e.Preambular {
		t.Errorf("preambular = %d, but the clauses hold %d pp ids", e.Preambular, pp)
	}
	if op != e.Operative {
		t.Errorf("operative = %d, but the clauses hold %d top-level op ids", e.Operative, op)
	}
	if e.UnnumberedOperative && (op != 1 || !ids(e)["op1"]) {
		t.Errorf("an unnumbered operative paragraph must be the single op1 (have %d top-level op ids)", op)
	}
	for id, n := range e.Subparagraphs {
		if n <= 0 {
			t.Errorf("subparagraphs[%s] = %d, want a positive count or no entry", id, n)
		}
		if children[id] != n {
			t.Errorf("subparagraphs[%s] = %d, but the clauses hold %d children of it", id, n, children[id])
		}
	}
	for id, n := range children {
		if _, ok := e.Subparagraphs[id]; !ok {
			t.Errorf("%s has %d children in the clauses but no subparagraphs entry", id, n)
		}
	}
}

// ids is the set of clause ids of e.
func ids(e *corpusTruth) map[string]bool {
	m := map[string]bool{}
	for _, c := range e.Clauses {
		m[c.ID] = true
	}
	return m
}

func checkCorpusFootnotes(t *testing.T, e *corpusTruth) {
	t.Helper()
	ids := ids(e)
	// Footnotes are numbered in the order of their first marker; a
	// footnote may be referenced again later.
	next := 1
	for _, f := range e.Footnotes {
		if !ids[f.Clause] {
			t.Errorf("footnote %d: its clause %q is not in the clauses", f.Number, f.Clause)
		}
		switch {
		case f.Number == next:
			next++
		case f.Number < 1 || f.Number > next:
			t.Errorf("footnote %d comes before footnote %d", f.Number, next)
		}
	}
}

func checkCorpusHeadingsAndAnnexes(t *testing.T, e *corpusTruth) {
	t.Helper()
	ids := ids(e)
	for _, h := range e.CrossHeadings {
		if !ids[h.Before] {
			t.Errorf("cross-heading %q: the clause it precedes, %q, is not in the clauses", h.Text, h.Before)
		}
		if msg := corpusTextOK(h.Text, 40); msg != "" {
			t.Errorf("cross-heading %q: %s", h.Text, msg)
		}
	}
	paragraphs := map[string]int{}
	for _, c := range e.Clauses {
		if m := corpusAnnexPar.FindStringSubmatch(strings.SplitN(c.ID, "-", 2)[0]); m != nil {
			paragraphs[m[1]]++
		}
	}
	for i, a := range e.Annexes {
		if want := fmt.Sprintf("annex%d", i+1); a.ID != want || !corpusAnnexID.MatchString(a.ID) {
			t.Errorf("annex %d has id %q, want %q", i+1, a.ID, want)
		}
		if a.Heading == "" {
			t.Errorf("%s: no heading", a.ID)
		}
		if paragraphs[a.ID] != a.Paragraphs {
			t.Errorf("%s: paragraphs = %d, but the clauses hold %d", a.ID, a.Paragraphs, paragraphs[a.ID])
		}
		delete(paragraphs, a.ID)
	}
	for id, n := range paragraphs {
		t.Errorf("%d clauses of %s, an annex not listed in annexes", n, id)
	}
}

// The General Assembly resolutions of the corpus also have a text version
// with its own expected structure (../testdata/resolutions); both must
// agree on the counts.
func TestCorpusGroundTruthAgreesWithTheTextVersions(t *testing.T) {
	paths, err := filepath.Glob("../testdata/resolutions/*.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	type textTruth struct {
		Symbol        string         `json:"symbol"`
		Title         string         `json:"title"`
		Preambular    int            `json:"preambular"`
		Operative     int            `json:"operative"`
		Footnotes     int            `json:"footnotes"`
		Subparagraphs map[string]int `json:"subparagraphs"`
	}
	texts := map[string]textTruth{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var x textTruth
		if err := json.Unmarshal(data, &x); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		texts[x.Symbol] = x
	}
	corpus, err := filepath.Glob(filepath.Join(corpusDir, "*.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, p := range corpus {
		e, err := loadCorpusTruth(p)
		if err != nil {
			t.Fatal(err)
		}
		x, ok := texts[e.Symbol]
		if !ok {
			continue
		}
		compared++
		distinct := map[int]bool{}
		for _, f := range e.Footnotes {
			distinct[f.Number] = true
		}
		if e.Title != x.Title || e.Preambular != x.Preambular || e.Operative != x.Operative || len(distinct) != x.Footnotes {
			t.Errorf("%s: the PDF has title %q, %d pp, %d op, %d footnotes; the text version %q, %d, %d, %d",
				e.Symbol, e.Title, e.Preambular, e.Operative, len(distinct), x.Title, x.Preambular, x.Operative, x.Footnotes)
		}
		subs := map[string]int{}
		for k, n := range x.Subparagraphs {
			if k != "" && k[0] >= '0' && k[0] <= '9' {
				k = "op" + k // the text files may key an operative paragraph by its number
			}
			subs[k] = n
		}
		if fmt.Sprint(subs) != fmt.Sprint(e.Subparagraphs) {
			t.Errorf("%s: sub-paragraphs %v in the PDF, %v in the text version", e.Symbol, e.Subparagraphs, subs)
		}
	}
	if compared == 0 {
		t.Error("no corpus document has a text version in ../testdata/resolutions")
	}
}
