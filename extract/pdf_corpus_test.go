package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// The layout step on the recorded pdf.js output of every corpus PDF
// (../testdata/pdfjs, recorded in Chromium by e2e/pdf_bridge_test.go),
// checked against what the PDFs print (the raw items) and against the
// ground truth read from them (../testdata/corpus/*.expected.json).

const (
	pdfjsDir  = "../testdata/pdfjs"
	corpusDir = "../testdata/corpus"
)

// corpusDoc is one corpus PDF: its recorded pdf.js output and its layout.
type corpusDoc struct {
	stem string
	doc  *PDFDocument
	text string
	// paras are the paragraphs of text; notes those that are footnotes.
	paras []string
}

func loadCorpus(t *testing.T) []corpusDoc {
	t.Helper()
	pdfs, err := filepath.Glob(filepath.Join(corpusDir, "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pdfs) != 23 {
		t.Fatalf("found %d corpus PDFs, want 23", len(pdfs))
	}
	var docs []corpusDoc
	for _, pdf := range pdfs {
		stem := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		data, err := os.ReadFile(filepath.Join(pdfjsDir, stem+".json"))
		if err != nil {
			t.Fatalf("%v (record it: go test ./e2e -run PDFBridge -update)", err)
		}
		var d PDFDocument
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatalf("%s: %v", stem, err)
		}
		text, err := PDFText(&d)
		if err != nil {
			t.Fatalf("%s: %v", stem, err)
		}
		docs = append(docs, corpusDoc{stem: stem, doc: &d, text: text, paras: strings.Split(strings.TrimSuffix(text, "\n"), "\n\n")})
	}
	return docs
}

// isFootnotePara reports whether a paragraph is a footnote ("¹ See …").
func isFootnotePara(p string) bool {
	r := []rune(p)
	return len(r) > 0 && strings.ContainsRune(string(superscriptDigits[:]), r[0])
}

func TestPDFTextFollowsTheContractFormat(t *testing.T) {
	for _, c := range loadCorpus(t) {
		if !strings.HasSuffix(c.text, "\n") || strings.HasSuffix(c.text, "\n\n") {
			t.Errorf("%s: the text does not end with exactly one line end", c.stem)
		}
		for i, p := range c.paras {
			if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "  ") || strings.ContainsAny(p, "\t\r") {
				t.Errorf("%s: paragraph %d is empty or has stray white space: %q", c.stem, i+1, p)
			}
			if strings.Count(p, "*")%2 != 0 {
				t.Errorf("%s: paragraph %d has unbalanced markers: %q", c.stem, i+1, p)
			}
		}
	}
}

// The furniture, found in the raw items by what it is, never in the text.
var (
	rawJobNumber = regexp.MustCompile(`^\d{2}-\d{5}`)
	rawPageNum   = regexp.MustCompile(`^\d{1,2}/\d{1,2}$`)
)

func TestPDFTextDropsThePageFurniture(t *testing.T) {
	for _, c := range loadCorpus(t) {
		furniture := map[string]bool{}
		// The symbol, from the file name: S_2018_221-EN → S/2018/221.
		symbol := strings.ReplaceAll(strings.TrimSuffix(c.stem, "-EN"), "_", "/")
		for pi, p := range c.doc.Pages {
			for _, it := range p.Items {
				s := strings.TrimSpace(it.Str)
				switch {
				case rawJobNumber.MatchString(s):
					furniture[s[:8]] = true // "18-04038", with or without "(E) 160318"
				case strings.Contains(strings.ToLower(it.Font), "barcode") && s != "":
					furniture[s] = true
				case pi > 0 && rawPageNum.MatchString(s) && it.Y > 0.9*p.Height:
					furniture[s] = true
				}
			}
		}
		if len(furniture) == 0 {
			t.Errorf("%s: found no job number, barcode or page number in the raw items", c.stem)
		}
		for f := range furniture {
			for _, p := range c.paras {
				if strings.Contains(p, f) && (!rawPageNum.MatchString(f) || strings.TrimSpace(p) == f) {
					t.Errorf("%s: furniture %q in %q", c.stem, f, abbreviate(p))
				}
			}
		}
		// The symbol is printed once in the text: in the header.
		if n := strings.Count(c.text, symbol); n != 1 {
			t.Errorf("%s: the symbol %s is in the text %d times, want once (the header)", c.stem, symbol, n)
		}
		if !strings.HasPrefix(c.text, symbol+"\n\n") {
			t.Errorf("%s: the text does not open with the symbol %s: %q", c.stem, symbol, abbreviate(c.text))
		}
		for _, p := range c.paras {
			if p == "United Nations" || p == "Please recycle" {
				t.Errorf("%s: furniture paragraph %q", c.stem, p)
			}
		}
	}
}

func abbreviate(s string) string {
	r := []rune(s)
	if len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}

// footnoteRuns are the footnote markers of a paragraph, in order.
func footnoteMarkers(p string) []string {
	var out []string
	var cur []rune
	for _, c := range p + " " {
		if i := strings.IndexRune(string(superscriptDigits[:]), c); i >= 0 {
			cur = append(cur, c)
			continue
		}
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = nil
		}
	}
	return out
}

// footnoteNumber is the number of a footnote paragraph, in superscript.
func footnoteNumber(p string) string {
	m := footnoteMarkers(strings.SplitN(p, " ", 2)[0])
	if len(m) == 0 {
		return ""
	}
	return m[0]
}

func TestPDFTextPutsEachFootnoteAfterTheParagraphOfItsMarker(t *testing.T) {
	for _, c := range loadCorpus(t) {
		bodies := map[string]int{}
		for i, p := range c.paras {
			if !isFootnotePara(p) {
				continue
			}
			n := footnoteNumber(p)
			bodies[n]++
			if len([]rune(p)) < len([]rune(n))+3 {
				t.Errorf("%s: footnote %s has no text: %q", c.stem, n, p)
			}
			// The paragraph before the footnotes that precede it holds
			// its marker, or the marker is earlier (a footnote printed
			// once, referred to again).
			j := i - 1
			for j >= 0 && isFootnotePara(c.paras[j]) {
				j--
			}
			if j < 0 {
				t.Errorf("%s: footnote %s comes before any paragraph", c.stem, n)
				continue
			}
			if !containsString(footnoteMarkers(c.paras[j]), n) {
				t.Errorf("%s: footnote %s follows a paragraph without its marker: %q", c.stem, n, abbreviate(c.paras[j]))
			}
		}
		for n, k := range bodies {
			if k != 1 {
				t.Errorf("%s: footnote %s is printed %d times, want once", c.stem, n, k)
			}
		}
		// Against the truth: every footnote printed, once.
		truth := loadTruth(t, c.stem)
		if truth == nil {
			continue
		}
		want := map[string]bool{}
		for _, f := range truth.Footnotes {
			want[superscriptString(itoa(f.Number))] = true
		}
		if len(want) != len(bodies) {
			t.Errorf("%s: %d footnotes, want %d", c.stem, len(bodies), len(want))
		}
		for n := range want {
			if bodies[n] != 1 {
				t.Errorf("%s: footnote %s is missing", c.stem, n)
			}
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// truth is the part of a corpus PDF's ground truth these tests read.
type truth struct {
	Footnotes []struct {
		Number int    `json:"number"`
		Clause string `json:"clause"`
	} `json:"footnotes"`
	Clauses []struct {
		ID     string `json:"id"`
		Starts string `json:"starts"`
		Ends   string `json:"ends"`
	} `json:"clauses"`
}

// loadTruth reads a corpus PDF's ground truth, or returns nil while it is
// not written yet.
func loadTruth(t *testing.T, stem string) *truth {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir, stem+".expected.json"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var tr truth
	if err := json.Unmarshal(data, &tr); err != nil {
		t.Fatalf("%s: %v", stem, err)
	}
	return &tr
}

// clauseLabel is the printed number or letter at the start of a paragraph.
// A number may lack its full stop ("11 Condemns" in S/2024/400); a
// bullet (•) is a label too.
var clauseLabel = regexp.MustCompile(`^(?:\d{1,3}\.?|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\)|•)\s+`)

// plain is a paragraph as the ground truth quotes it: no markers, no
// footnote markers, white space normalised, the printed label removed.
func plain(p string) string {
	p = strings.ReplaceAll(p, "*", "")
	p = strings.Map(func(r rune) rune {
		if strings.ContainsRune(string(superscriptDigits[:]), r) {
			return -1
		}
		return r
	}, p)
	p = strings.Join(strings.Fields(p), " ")
	return clauseLabel.ReplaceAllString(p, "")
}

// squeeze removes white space: a boundary is found when the characters
// match, and then checked with its spaces.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// tornClauses are the clauses of the corpus whose start or end, as the
// ground truth quotes it, the layout does not print with the same spaces:
// a word pdf.js tore that pdf_words.go leaves torn, and why.
var tornClauses = map[string]string{
	"S_2022_158-EN op13": "“crui se missile”: “cruise” is neither printed elsewhere in the document nor in the built-in vocabulary",
}

func TestPDFTextParagraphBoundariesMatchTheGroundTruth(t *testing.T) {
	var stems []string
	for _, c := range loadCorpus(t) {
		tr := loadTruth(t, c.stem)
		if tr == nil {
			continue
		}
		stems = append(stems, c.stem)
		var paras, rawParas []string
		for _, p := range c.paras {
			if !isFootnotePara(p) {
				paras = append(paras, plain(p))
				rawParas = append(rawParas, strings.ReplaceAll(p, "*", ""))
			}
		}
		starts, ends, exact, chapeaus := 0, 0, 0, 0
		next := 0
		span := map[string][2]int{} // clause id → its paragraphs, first and last
		for _, cl := range tr.Clauses {
			found := -1
			for i := next; i < len(paras); i++ {
				if strings.HasPrefix(squeeze(paras[i]), squeeze(cl.Starts)) {
					found = i
					break
				}
			}
			if found < 0 {
				t.Errorf("%s %s: no paragraph starts with %q", c.stem, cl.ID, cl.Starts)
				continue
			}
			starts++
			next = found + 1
			end := found
			if !strings.HasSuffix(squeeze(paras[end]), squeeze(cl.Ends)) && end+1 < len(paras) &&
				!clauseLabel.MatchString(rawParas[end+1]) && strings.HasSuffix(paras[end+1], ":") {
				// An unlabelled paragraph that introduces the items of a
				// sub-paragraph belongs to it (the ground truth's chapeau
				// rule, ../testdata/corpus/README.md): the parser joins it.
				end++
				next++
				chapeaus++
			}
			span[cl.ID] = [2]int{found, end}
			if strings.HasSuffix(squeeze(paras[end]), squeeze(cl.Ends)) {
				ends++
				same := strings.HasPrefix(paras[found], cl.Starts) && strings.HasSuffix(paras[end], cl.Ends)
				if same {
					exact++
				}
				why, torn := tornClauses[c.stem+" "+cl.ID]
				switch {
				case !same && !torn:
					t.Errorf("%s %s: the clause is not printed with the spaces of the PDF: %q … %q, want %q … %q", c.stem, cl.ID, head(paras[found], cl.Starts), tail(paras[end]), cl.Starts, cl.Ends)
				case same && torn:
					t.Errorf("%s %s: the clause is printed with the spaces of the PDF now: remove it from tornClauses (%s)", c.stem, cl.ID, why)
				}
			} else {
				t.Errorf("%s %s: the paragraph that starts with %q does not end with %q: …%q", c.stem, cl.ID, cl.Starts, cl.Ends, tail(paras[found]))
			}
		}
		// Each footnote marker is in the clause the ground truth says.
		markers := 0
		for _, f := range tr.Footnotes {
			sp, ok := span[f.Clause]
			if !ok {
				continue // reported above
			}
			n := superscriptString(itoa(f.Number))
			found := false
			for i := sp[0]; i <= sp[1]; i++ {
				found = found || containsString(footnoteMarkers(rawParas[i]), n)
			}
			if found {
				markers++
			} else {
				t.Errorf("%s: footnote marker %s is not in %s: %q", c.stem, n, f.Clause, abbreviate(rawParas[sp[0]]))
			}
		}
		t.Logf("%-15s %3d clauses: %3d starts, %3d ends found (%3d with the same spaces; %d through a chapeau); %d of %d footnote markers in their clause",
			c.stem, len(tr.Clauses), starts, ends, exact, chapeaus, markers, len(tr.Footnotes))
	}
	sort.Strings(stems)
	t.Logf("%d documents with ground truth: %v", len(stems), stems)
	if len(stems) == 0 {
		t.Fatal("no ground truth in " + corpusDir)
	}
}

// head returns the start of s as long as want.
func head(s, want string) string {
	r := []rune(s)
	if n := len([]rune(want)); len(r) > n {
		return string(r[:n])
	}
	return s
}

func tail(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[len(r)-60:])
	}
	return s
}

// The texts of ../testdata/corpus/*.extract.txt, which the parser's tests
// read, are what PDFText writes today; -update rewrites them.
func TestPDFTextOfTheCorpusIsCommitted(t *testing.T) {
	for _, c := range loadCorpus(t) {
		path := filepath.Join(corpusDir, c.stem+".extract.txt")
		if *update {
			if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != c.text {
			t.Errorf("%s: %s is not what PDFText writes: regenerate it with go test ./extract -update", c.stem, path)
		}
	}
}
