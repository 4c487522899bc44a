package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/resolution"
)

var update = flag.Bool("update", false, "rewrite the golden files: .golden.txt of testdata/docx and testdata/html, ../testdata/corpus/*.extract.txt, pdf_vocabulary.txt")

// fixtures are the real documents of testdata/docx and testdata/html (see
// the README.md there for how each was made).
var fixtures = []string{
	"docx/A-HRC-RES-53-11.docx",
	"docx/S_2024_400.docx",
	"docx/S_2024_400-libreoffice.docx",
	"docx/A-RES-73-6-typed.docx",
	"html/A-RES-73-7.html",
	"html/A-RES-73-8-windows-1252.html",
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func openFixture(t testing.TB, name string) string {
	t.Helper()
	src, err := Open(filepath.Base(name), readFixture(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return src.Text
}

func TestGoldenTextOfTheFixtures(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			got := openFixture(t, name)
			golden := filepath.Join("..", "testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("line %d:\n got %q\nwant %q", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("got %d lines, want %d", len(gl), len(wl))
			}
		})
	}
}

func TestEveryFixtureKeepsTheContractFormat(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			text := openFixture(t, name)
			if strings.Contains(text, "\r") || strings.Contains(text, "\n\n\n") || !strings.HasSuffix(text, "\n") {
				t.Error("line ends: want LF only, one blank line between blocks, a final line end")
			}
			for i, block := range strings.Split(strings.TrimSuffix(text, "\n"), "\n\n") {
				if block != strings.TrimSpace(block) || block == "" {
					t.Errorf("block %d has white space around it: %q", i+1, block)
				}
				if strings.Contains(block, "  ") || strings.ContainsAny(block, "\u00a0\u00ad\t") {
					t.Errorf("block %d has a double, no-break or tab space, or a soft hyphen: %q", i+1, block)
				}
				// Markers go around words, never around white space.
				if regexp.MustCompile(`(^|\s)\*+\s|\s\*+($|\s)`).MatchString(block) {
					t.Errorf("block %d has a marker around white space: %q", i+1, block)
				}
			}
		})
	}
}

// expected is the part of testdata/resolutions/*.expected.json (made by
// reading the official PDFs) these tests check.
type expected struct {
	Symbol     string `json:"symbol"`
	Preambular int    `json:"preambular"`
	Operative  int    `json:"operative"`
	Footnotes  int    `json:"footnotes"`
}

// TestFixturesParseLikeTheirText checks that each fixture, opened and
// parsed, has the structure read from the official document and exactly
// the clauses (ids and plain text) and footnotes of the text it was made
// from, parsed the same way.
func TestFixturesParseLikeTheirText(t *testing.T) {
	cases := []struct {
		fixture, text, expected string
	}{
		{"docx/A-HRC-RES-53-11.docx", "", ""}, // the seed: DOMAIN.md states its structure
		{"docx/A-RES-73-6-typed.docx", "resolutions/A-RES-73-6.txt", "resolutions/A-RES-73-6.expected.json"},
		{"html/A-RES-73-7.html", "resolutions/A-RES-73-7.txt", "resolutions/A-RES-73-7.expected.json"},
		{"html/A-RES-73-8-windows-1252.html", "resolutions/A-RES-73-8.txt", "resolutions/A-RES-73-8.expected.json"},
	}
	for _, c := range cases {
		t.Run(c.fixture, func(t *testing.T) {
			doc, err := resolution.Parse([]byte(openFixture(t, c.fixture)))
			if err != nil {
				t.Fatal(err)
			}
			want := expected{Symbol: "A/HRC/RES/53/11", Preambular: 33, Operative: 37, Footnotes: 5}
			source := resolution.Seed()
			if c.expected != "" {
				if err := json.Unmarshal(readFixture(t, c.expected), &want); err != nil {
					t.Fatal(err)
				}
				source = readFixture(t, c.text)
			}
			if !doc.Recognised || doc.Symbol != want.Symbol {
				t.Fatalf("recognised %v, symbol %q; want %q (notes %q)", doc.Recognised, doc.Symbol, want.Symbol, doc.Notes)
			}
			if len(doc.Preamble) != want.Preambular || len(doc.Operative) != want.Operative || len(doc.Footnotes) != want.Footnotes {
				t.Errorf("got %d PP, %d OP, %d footnotes; want %d, %d, %d", len(doc.Preamble), len(doc.Operative), len(doc.Footnotes), want.Preambular, want.Operative, want.Footnotes)
			}
			ref, err := resolution.Parse(source)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != ref.Title {
				t.Errorf("title: got %q, want %q", doc.Title, ref.Title)
			}
			got, wantClauses := clauses(doc), clauses(ref)
			if len(got) != len(wantClauses) {
				t.Fatalf("got %d clauses, want %d", len(got), len(wantClauses))
			}
			for i := range got {
				if got[i] != wantClauses[i] {
					t.Errorf("clause %d:\n got %s\nwant %s", i+1, got[i], wantClauses[i])
				}
			}
			for i, f := range doc.Footnotes {
				if i >= len(ref.Footnotes) {
					break
				}
				r := ref.Footnotes[i]
				if f.Number != r.Number || f.Text != r.Text || strings.Join(f.Clauses, " ") != strings.Join(r.Clauses, " ") {
					t.Errorf("footnote %d: got %d %q in %v, want %d %q in %v", i+1, f.Number, f.Text, f.Clauses, r.Number, r.Text, r.Clauses)
				}
			}
		})
	}
}

// clauses lists every clause as "id: text [footnote markers]".
func clauses(doc *resolution.Document) []string {
	var out []string
	var add func(cs []*resolution.Clause)
	add = func(cs []*resolution.Clause) {
		for _, c := range cs {
			s := c.ID + ": " + c.Text
			for _, f := range c.Footnotes {
				s += " [" + strconv.Itoa(f.Number) + "@" + strconv.Itoa(f.At) + "]"
			}
			out = append(out, s)
			add(c.Children)
		}
	}
	add(doc.Preamble)
	add(doc.Operative)
	return out
}

func TestTheSeedAsWordHasItsFootnotesWhereTheDocumentHasThem(t *testing.T) {
	doc, err := resolution.Parse([]byte(openFixture(t, "docx/A-HRC-RES-53-11.docx")))
	if err != nil {
		t.Fatal(err)
	}
	// DOMAIN.md: ¹ in PP8, ² in PP10, ³ in PP14, ⁴ in OP20, ⁵ in OP32.
	want := []string{"pp8", "pp10", "pp14", "op20", "op32"}
	if len(doc.Footnotes) != len(want) {
		t.Fatalf("got %d footnotes, want %d", len(doc.Footnotes), len(want))
	}
	for i, f := range doc.Footnotes {
		if f.Number != i+1 || strings.Join(f.Clauses, " ") != want[i] {
			t.Errorf("footnote %d: got number %d in %v, want in %s", i+1, f.Number, f.Clauses, want[i])
		}
	}
	if doc.Vote == nil || len(doc.Vote.InFavour) != 33 || len(doc.Vote.Against) != 13 || len(doc.Vote.Abstaining) != 1 {
		t.Errorf("vote: got %+v, want 33 in favour, 13 against, 1 abstaining", doc.Vote)
	}
}

// TestTheSecurityCouncilDraftAsWord checks the Word versions of S/2024/400
// (pandoc's and LibreOffice's) against what the official PDF prints: 22
// preambular paragraphs after "The Security Council,", operative paragraphs
// numbered 1 to 16 by Word's automatic numbering, (a)–(d) in the 16th, and
// footnote 1 (on the Aide Memoire) right after the 7th preambular
// paragraph, which holds its marker.
func TestTheSecurityCouncilDraftAsWord(t *testing.T) {
	pandoc := openFixture(t, "docx/S_2024_400.docx")
	if lo := openFixture(t, "docx/S_2024_400-libreoffice.docx"); lo != pandoc {
		t.Error("LibreOffice's Word file of the draft does not give the text of pandoc's")
	}
	blocks := strings.Split(strings.TrimSuffix(pandoc, "\n"), "\n\n")
	enacting := -1
	for i, b := range blocks {
		if b == "*The Security Council*," {
			enacting = i
			break
		}
	}
	if enacting < 0 {
		t.Fatal("no enacting formula block")
	}
	number := regexp.MustCompile(`^(\d+)\. \*`)
	letter := regexp.MustCompile(`^\(([a-z])\) `)
	var pp, ops, subs []string
	footnoteAfter := ""
	for _, b := range blocks[enacting+1:] {
		switch {
		case strings.HasPrefix(b, "¹ "):
			footnoteAfter = pp[len(pp)-1]
		case number.MatchString(b):
			ops = append(ops, number.FindStringSubmatch(b)[1])
		case letter.MatchString(b):
			subs = append(subs, letter.FindStringSubmatch(b)[1])
		case len(ops) == 0:
			pp = append(pp, b)
		default:
			t.Errorf("a block that is no paragraph of the draft: %q", b)
		}
	}
	if len(pp) != 22 {
		t.Errorf("got %d preambular paragraphs, want 22", len(pp))
	}
	if got := strings.Join(ops, " "); got != "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16" {
		t.Errorf("operative numbers: got %s", got)
	}
	if got := strings.Join(subs, " "); got != "a b c d" {
		t.Errorf("sub-paragraph letters: got %s", got)
	}
	if len(pp) >= 7 && (footnoteAfter != pp[6] || !strings.HasSuffix(pp[6], "armed conflict,¹")) {
		t.Errorf("footnote 1 follows %q, want the 7th preambular paragraph, ending with its marker", footnoteAfter)
	}
}
