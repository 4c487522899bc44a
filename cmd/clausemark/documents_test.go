//go:build !(js && wasm)

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// docFile makes the entry of a text with annotations on the first words
// of its operative paragraphs start, start+1, …, of the given tag.
func docEntry(t *testing.T, text []byte, n, start int, tag annotations.Tag, withText bool) annotations.Entry {
	t.Helper()
	parsed, err := resolution.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := library.AnnotationDocument(parsed, "")
	if err != nil {
		t.Fatal(err)
	}
	s := annotations.NewSet(doc, editClock())
	for i := range n {
		c := parsed.Operative[start+i]
		if _, err := s.Create(c.ID, 0, 8, tag, "note "+c.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	var tx *annotations.Text
	if withText {
		tx = &annotations.Text{Text: string(text), SourceFormat: "pdf", FileName: filepath.Base(doc.Symbol) + ".pdf"}
	}
	return annotations.EntryOf(s, tx)
}

func corpusFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeEntries(t *testing.T, name string, es ...annotations.Entry) string {
	t.Helper()
	data, err := annotations.ExportEntries(es, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, name, data)
}

func TestExportTakesTheDocumentFromTheFile(t *testing.T) {
	fixClock(t)
	// S/2018/95 is not the embedded resolution: only the file's text can
	// anchor its annotations.
	e := docEntry(t, corpusFile(t, "S_2018_95-EN.extract.txt"), 3, 0, annotations.Request, true)
	p := writeEntries(t, "s95.json", e)
	out, stderr, err := runCmd(t, "export", "-format", "markdown", p)
	if err != nil {
		t.Fatalf("export: %v (%s)", err, stderr)
	}
	if !strings.Contains(out, "# S/2018/95") || strings.Count(out, "- **OP") != 3 || stderr != "" {
		t.Errorf("the brief of S/2018/95 with its 3 requests, no note; got:\n%s\nstderr: %s", out, stderr)
	}
	// -doc is not used when the file carries its text, and says so.
	_, stderr, err = runCmd(t, "export", "-format", "csv", "-doc", writeFile(t, "seed.txt", resolution.Seed()), p)
	if err != nil || !strings.Contains(stderr, "-doc is not used") {
		t.Errorf("export with -doc: %v, stderr %q", err, stderr)
	}
	// json keeps the text.
	out, _, err = runCmd(t, "export", "-format", "json", p)
	if err != nil {
		t.Fatal(err)
	}
	c, err := annotations.ReadCollection([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != 3 || len(c.Entries) != 1 || c.Entries[0].Text == nil || c.Entries[0].Text.Text != e.Text.Text || len(c.Entries[0].Annotations) != 3 {
		t.Errorf("json export: %+v", c)
	}
}

func TestExportOfAFileOfSeveralDocuments(t *testing.T) {
	fixClock(t)
	s95 := docEntry(t, corpusFile(t, "S_2018_95-EN.extract.txt"), 2, 1, annotations.Concern, true)
	seed := docEntry(t, resolution.Seed(), 4, 10, annotations.Commitment, false) // the embedded text
	p := writeEntries(t, "two.json", s95, seed)

	_, _, err := runCmd(t, "export", "-format", "csv", p)
	if err == nil || !strings.Contains(err.Error(), "2 documents (S/2018/95 and A/HRC/RES/53/11)") {
		t.Errorf("csv of two documents: %v, want an error naming both", err)
	}
	out, stderr, err := runCmd(t, "export", "-format", "csv", "-document", "A/HRC/RES/53/11", p)
	if err != nil || strings.Count(out, "\r\n") != 5 {
		t.Errorf("csv of one of them: %v (%s):\n%s", err, stderr, out)
	}
	if _, _, err := runCmd(t, "export", "-format", "csv", "-document", "S/2018/221", p); err == nil {
		t.Error("a document the file lacks is exported")
	}
	out, _, err = runCmd(t, "export", "-format", "json", p)
	if err != nil {
		t.Fatal(err)
	}
	c, err := annotations.ReadCollection([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Symbols(), " ") != "S/2018/95 A/HRC/RES/53/11" || c.Entries[0].Text == nil || c.Entries[1].Text != nil || c.Total() != 6 {
		t.Errorf("json of the two: %q, %d annotations", c.Symbols(), c.Total())
	}
}

func TestMergeKeepsEveryDocumentAndItsText(t *testing.T) {
	fixClock(t)
	s95text := corpusFile(t, "S_2018_95-EN.extract.txt")
	s221text := corpusFile(t, "S_2018_221-EN.extract.txt")
	// A: S/2018/95 (two requests) and S/2018/221, with their texts.
	// B: S/2018/95 (a concern on OP3, and the texts) and the seed, without
	// its text (the embedded one).
	a := writeEntries(t, "a.json",
		docEntry(t, s95text, 2, 0, annotations.Request, true),
		docEntry(t, s221text, 3, 0, annotations.Commitment, true))
	b := writeEntries(t, "b.json",
		docEntry(t, s95text, 1, 2, annotations.Concern, true),
		docEntry(t, resolution.Seed(), 2, 0, annotations.Request, false))
	outName := filepath.Join(t.TempDir(), "merged.json")
	_, stderr, err := runCmd(t, "merge", "-o", outName, a, b)
	if err != nil {
		t.Fatalf("merge: %v (%s)", err, stderr)
	}
	if !strings.Contains(stderr, "(3 documents)") {
		t.Errorf("stderr: %s", stderr)
	}
	data, err := os.ReadFile(outName)
	if err != nil {
		t.Fatal(err)
	}
	c, err := annotations.ReadCollection(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Symbols(), " "); got != "S/2018/95 S/2018/221 A/HRC/RES/53/11" {
		t.Fatalf("documents %q", got)
	}
	want := []struct {
		n    int
		text []byte
	}{{3, s95text}, {3, s221text}, {2, nil}}
	for i, w := range want {
		e := c.Entries[i]
		if len(e.Annotations) != w.n {
			t.Errorf("%s: %d annotations, want %d", e.Symbol, len(e.Annotations), w.n)
		}
		if (e.Text == nil) != (w.text == nil) || e.Text != nil && e.Text.Text != string(w.text) {
			t.Errorf("%s: the text was not kept", e.Symbol)
		}
	}
	// Merging B again changes nothing.
	_, _, err = runCmd(t, "merge", "-o", outName, outName, b)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(outName)
	if string(again) != string(data) {
		t.Error("merging the same file twice changed the result")
	}
	// A file of one document without its text and a file of several merge
	// too (version 2 into version 3).
	v2 := writeFile(t, "v2.json", mustExportJSON(t, docEntry(t, resolution.Seed(), 1, 30, annotations.Concern, false)))
	out, stderr, err := runCmd(t, "merge", outName, v2)
	if err != nil {
		t.Fatalf("merge of a version 2 file: %v (%s)", err, stderr)
	}
	c, err = annotations.ReadCollection([]byte(out))
	if err != nil || len(c.Entries) != 3 || len(c.Entries[2].Annotations) != 3 {
		t.Errorf("after the version 2 file: %v, %+v", err, c)
	}
}

func mustExportJSON(t *testing.T, e annotations.Entry) []byte {
	t.Helper()
	data, err := annotations.ExportEntries([]annotations.Entry{e}, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"version": 2`) {
		t.Fatalf("one document without text is not version 2")
	}
	return data
}

func TestMergeOfADocumentWithoutTextNamesIt(t *testing.T) {
	fixClock(t)
	noText := docEntry(t, corpusFile(t, "S_2018_95-EN.extract.txt"), 1, 0, annotations.Request, false)
	withText := docEntry(t, corpusFile(t, "S_2018_221-EN.extract.txt"), 1, 0, annotations.Request, true)
	a := writeEntries(t, "a.json", noText, withText)
	_, _, err := runCmd(t, "merge", a, a)
	if err == nil || !strings.Contains(err.Error(), "S/2018/95: the file does not carry its text") {
		t.Errorf("merge: %v, want an error naming S/2018/95", err)
	}
}
