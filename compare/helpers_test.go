package compare

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The texts the revisions are made from (copies in the project: the seed
// the resolution package embeds, and the corpus texts of testdata/).
const (
	seedFile   = "../resolution/seed/A-HRC-RES-53-11.txt"
	sudan2018  = "../testdata/corpus/S_2018_693-EN.extract.txt"
	panel2018  = "../testdata/corpus/S_2018_95-EN.extract.txt"
	panel2020  = "../testdata/corpus/S_2020_110-EN.extract.txt"
	revisions  = "testdata/revisions"
	goldenDir  = "testdata/golden"
	fixedClock = "2025-03-14T10:00:00Z"
)

// parseFile parses a resolution text.
func parseFile(tb testing.TB, path string) *resolution.Document {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := resolution.Parse(data)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return d
}

// revision returns the path of a revised text in testdata/revisions.
func revision(name string) string { return filepath.Join(revisions, name) }

// annotationDoc is what the app makes of a parsed resolution
// (app.AnnotationDocument), made here without importing the app.
func annotationDoc(tb testing.TB, d *resolution.Document) *annotations.Document {
	tb.Helper()
	var cs []annotations.Clause
	for _, c := range d.Clauses() {
		cs = append(cs, annotations.Clause{ID: c.ID, Label: c.Label, Text: c.Text})
	}
	sym := d.Symbol
	if sym == "" {
		sym = "untitled"
	}
	ad, err := annotations.NewDocument(annotations.Document{Symbol: sym, Title: d.Title, TextSHA256: d.TextSHA256(), Clauses: cs})
	if err != nil {
		tb.Fatal(err)
	}
	return ad
}

// annotate makes an annotation on clause id of doc: on the quote (its first
// occurrence in the clause) or, for an empty quote, on the whole clause.
func annotate(tb testing.TB, doc *annotations.Document, n int, id, quote string, tag annotations.Tag, note string) annotations.Annotation {
	tb.Helper()
	c, ok := doc.Clause(id)
	if !ok {
		tb.Fatalf("no clause %s", id)
	}
	start, end := 0, runeLen(c.Text)
	if quote != "" {
		i := strings.Index(c.Text, quote)
		if i < 0 {
			tb.Fatalf("%s: %q not in %q", id, quote, c.Text)
		}
		start = runeLen(c.Text[:i])
		end = start + runeLen(quote)
	}
	sel, err := doc.Describe(id, start, end)
	if err != nil {
		tb.Fatal(err)
	}
	at, _ := time.Parse(time.RFC3339, fixedClock)
	return annotations.Annotation{
		ID: fmt.Sprintf("a%03d", n), Document: doc.Symbol, Clause: id, Start: start, End: end,
		Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix, Tag: tag, Note: note,
		Author: "Delegation of Chile", Created: at, Modified: at,
	}
}
