package annotations

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// fuzzImport checks that importing data never panics and that whatever is
// accepted survives export and import unchanged.
func fuzzImport(t *testing.T, doc *Document, data []byte, export func(*Set, func() time.Time) ([]byte, error)) {
	s := NewSet(doc, fixedNow)
	p, err := s.Import(data, ImportOptions{AllowOtherDocument: true})
	if err != nil {
		return
	}
	if _, err := p.Apply(); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	for _, a := range s.All() {
		if err := Validate(a); err != nil {
			t.Fatalf("imported an invalid annotation: %v", err)
		}
	}
	out, err := export(s, fixedNow)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	back := NewSet(doc, fixedNow)
	p2, err := back.Import(out, ImportOptions{})
	if err != nil {
		t.Fatalf("re-import of our own export: %v\n%s", err, out)
	}
	if _, err := p2.Apply(); err != nil {
		t.Fatal(err)
	}
	if d := diffAnnotations(back.All(), s.All()); d != "" {
		t.Fatalf("export → import changed the set: %s", d)
	}
}

func addFiles(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", "golden", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzImportNative(f *testing.F) {
	doc := seedDoc(f)
	addFiles(f, "fixture.json")
	f.Add([]byte(nativeFileWith(nil, nil)))
	f.Add([]byte(nativeFileWith(nil, map[string]string{"clause": `""`, "start": "0", "end": "9"})))
	f.Add([]byte(nativeFileWith(nil, map[string]string{"clause": `"op22"`})))
	f.Add([]byte(`{"format":"clausemark.annotations","version":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, doc, data, ExportJSON)
	})
}

func FuzzImportW3C(f *testing.F) {
	doc := seedDoc(f)
	addFiles(f, "fixture.w3c.jsonld")
	f.Add([]byte(foreignW3C))
	f.Add([]byte(`[{"type":"Annotation","created":"2024-01-10T08:10:00Z","body":{"value":"concern"},"target":{"selector":{"type":"TextQuoteSelector","exact":"the funds"}}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzImport(t, doc, data, ExportW3C)
	})
}

func FuzzSegments(f *testing.F) {
	f.Add("“Déjà vu” e\u0301 👍🏽 東京.", []byte{0, 5, 1, 3, 9, 2, 3, 9, 0})
	f.Add("", []byte{0, 0, 0})
	f.Add("abc", []byte{2, 200, 1})
	f.Fuzz(func(t *testing.T, text string, spec []byte) {
		if !utf8.ValidString(text) {
			return
		}
		n := runeLen(text)
		var as []Annotation
		for i := 0; i+2 < len(spec) && len(as) < 64; i += 3 {
			start := int(spec[i]) % (n + 2)
			end := start + int(spec[i+1])%(n+2)
			as = append(as, span(start, end, Tags[int(spec[i+2])%3]))
		}
		segs, err := Segments(text, as)
		if err != nil {
			for _, a := range as {
				if a.Start < 0 || a.End > n || a.End <= a.Start {
					return // rejected for a reason
				}
			}
			t.Fatalf("Segments rejected valid ranges: %v", err)
		}
		checkSegments(t, text, as, segs)
	})
}

func FuzzAnchor(f *testing.F) {
	f.Add("Urges States to continue to support the funds;", "Urges all States to continue to support the trust funds;", 6, 30)
	f.Add("“Déjà vu” e\u0301 👍🏽 東京.", "“Déjà vu” e 👍🏿 東京 again.", 10, 5)
	f.Add("aaaa", "aaaaaaaa", 1, 2)
	f.Fuzz(func(t *testing.T, text, edited string, start, length int) {
		if !utf8.ValidString(text) || !utf8.ValidString(edited) || len(text) > 2000 || len(edited) > 2000 {
			return
		}
		sel, err := Describe(text, start, start+length)
		if err != nil {
			return
		}
		if m := Anchor(sel, text); m.Method != ByPosition || m.Start != start {
			t.Fatalf("the original text does not anchor by position: %+v", m)
		}
		m := Anchor(sel, edited)
		if m.Orphan() {
			return
		}
		rs := []rune(edited)
		if m.Start < 0 || m.End > len(rs) || m.End <= m.Start {
			t.Fatalf("match out of range: %+v in %d code points", m, len(rs))
		}
		found := string(rs[m.Start:m.End])
		switch m.Method {
		case ByPosition, ByQuote:
			if found != sel.Exact {
				t.Fatalf("%s match %q, want %q", m.Method, found, sel.Exact)
			}
		case ByFuzzy:
			ex := []rune(sel.Exact)
			longer := max(len(ex), m.End-m.Start)
			if sim := 1 - float64(editDistance(ex, rs[m.Start:m.End]))/float64(longer); sim < MinSimilarity-1e-9 || sim < m.Similarity-1e-9 {
				t.Fatalf("fuzzy match %q of %q: similarity %.3f (reported %.3f)", found, sel.Exact, sim, m.Similarity)
			}
		}
		if m.Evidence < MinEvidence-1e-9 && m.Method != ByPosition {
			t.Fatalf("accepted with evidence %.3f: %+v", m.Evidence, m)
		}
	})
}

// FuzzBrief writes the brief and its print view of one annotation on a
// clause of any text, with any note: the brief keeps its structure, the
// print view stays the elements it is made of and marks the quote.
func FuzzBrief(f *testing.F) {
	f.Add("Requests the Office to act;", 9, 10, "# Note\n- item\n| a | b |\n```", "@mission")
	f.Add("x(a)y “b”c **d** e\u0301 👍🏽", 1, 6, "<script>alert(1)</script>", "</style>")
	f.Add("a\nb\r\n- c\t> d", 0, 5, "1. x\n\n    code", "Délégation")
	f.Fuzz(func(t *testing.T, text string, start, length int, note, author string) {
		n := runeLen(text)
		if !utf8.ValidString(text) || len(text) > 2000 || n == 0 {
			return
		}
		start = (start%n + n) % n
		end := start + 1 + (length%n+n)%(n-start)
		doc, err := NewDocument(Document{Symbol: "A/RES/1", Clauses: []Clause{{ID: "op1", Label: "OP1", Text: text, Part: OperativePart}}})
		if err != nil {
			t.Fatal(err)
		}
		s := NewSet(doc, fixedNow)
		a, err := s.Create("op1", start, end, Request, note, author)
		if err != nil {
			return // a note or author the model refuses
		}
		md, err := ExportMarkdown(s, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		checkBriefLines(t, string(md))
		page, err := ExportPrint(s, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		root := parsePrint(t, page)
		marks := elements(root, "mark", "")
		whole := a.WholeClause()
		quote := strings.Map(func(r rune) rune {
			switch {
			case r == '\n' || r == '\r' || r == '\t':
				return ' '
			case isBadControl(r):
				return unicode.ReplacementChar
			}
			return r
		}, a.Exact)
		if whole != (len(marks) == 0) || !whole && textOf(marks[0]) != quote {
			t.Errorf("marks %d, want the quote %q", len(marks), a.Exact)
		}
	})
}
