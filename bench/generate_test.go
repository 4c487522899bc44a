package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
)

func parse(t *testing.T, text []byte) *resolution.Document {
	t.Helper()
	doc, err := resolution.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestResolutionOfOneIsTheSeed(t *testing.T) {
	if !bytes.Equal(Resolution(1), resolution.Seed()) {
		t.Error("Resolution(1) differs from the seed")
	}
}

func TestResolutionRepeatsTheSeedAsOneResolution(t *testing.T) {
	seed := parse(t, resolution.Seed())
	pp, op, fn := len(seed.Preamble), len(seed.Operative), len(seed.Footnotes)
	if pp != 33 || op != 37 || fn != 5 {
		t.Fatalf("the seed has %d preambular, %d operative paragraphs and %d footnotes; the generator expects 33, 37, 5", pp, op, fn)
	}
	for _, k := range []int{1, 2, 10, 27} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			doc := parse(t, Resolution(k))
			if !doc.Recognised {
				t.Fatalf("not recognised: %v", doc.Notes)
			}
			if len(doc.Notes) > 0 {
				t.Errorf("parse notes: %q", doc.Notes)
			}
			if doc.Symbol != seed.Symbol || doc.Title != seed.Title || doc.EnactingFormula != seed.EnactingFormula {
				t.Errorf("header: got %q %q %q", doc.Symbol, doc.Title, doc.EnactingFormula)
			}
			if got := len(doc.Preamble); got != 33*k {
				t.Errorf("%d preambular paragraphs, want %d", got, 33*k)
			}
			if got := len(doc.Operative); got != 37*k {
				t.Errorf("%d operative paragraphs, want %d", got, 37*k)
			}
			if got := ParsedOperative(k); got != 37*k {
				t.Errorf("ParsedOperative(%d) = %d, want %d", k, got, 37*k)
			}
			for i, c := range doc.Operative {
				if c.Kind != resolution.Operative || c.Number != fmt.Sprint(i+1) {
					t.Fatalf("operative paragraph %d: kind %s number %q", i+1, c.Kind, c.Number)
				}
				if want := seed.Operative[i%37].Text; c.Text != want {
					t.Fatalf("OP%d: text %.60q…, want the text of OP%d", i+1, c.Text, i%37+1)
				}
			}
			for i, c := range doc.Preamble {
				if want := seed.Preamble[i%33].Text; c.Text != want {
					t.Fatalf("PP%d: text %.60q…, want the text of PP%d", i+1, c.Text, i%33+1)
				}
			}
			if got := len(doc.Footnotes); got != 5*k {
				t.Fatalf("%d footnotes, want %d", got, 5*k)
			}
			// Footnotes are numbered in the order they appear.
			last := 0
			for _, c := range doc.Clauses() {
				for _, r := range c.Footnotes {
					if r.Number != last+1 {
						t.Fatalf("%s refers to footnote %d after footnote %d", c.Label, r.Number, last)
					}
					last = r.Number
				}
			}
			for _, f := range doc.Footnotes {
				if len(f.Clauses) != 1 {
					t.Errorf("footnote %d is referenced by %v", f.Number, f.Clauses)
				}
				if want := seed.Footnotes[(f.Number-1)%5].Text; k == 1 && f.Text != want {
					t.Errorf("footnote %d: %q, want %q", f.Number, f.Text, want)
				}
			}
			if doc.Adoption != seed.Adoption || doc.Vote == nil || doc.Vote.Stated != seed.Vote.Stated {
				t.Errorf("adoption %+v, vote %+v", doc.Adoption, doc.Vote)
			}
		})
	}
}

// TestResolutionPastNineHundredNinetyNine checks a resolution of more than
// 999 operative paragraphs (k = 50): every paragraph is read, numbered on.
func TestResolutionPastNineHundredNinetyNine(t *testing.T) {
	text := Resolution(50)
	doc := parse(t, text)
	if got := len(doc.Preamble); got != 33*50 {
		t.Errorf("%d preambular paragraphs, want %d", got, 33*50)
	}
	if got, want := len(doc.Operative), 37*50; got != want || ParsedOperative(50) != want {
		t.Errorf("%d operative paragraphs, want %d", got, want)
	}
	if got := doc.Operative[1849].Label; got != "OP1850" {
		t.Errorf("the last operative paragraph is %s, want OP1850", got)
	}
	if !bytes.Contains(text, []byte("\n1850. *Decides* to continue")) {
		t.Error("the last operative paragraph is not numbered 1850")
	}
	if doc.Vote == nil || doc.Adoption.Meeting == "" {
		t.Error("the adoption and vote are missing")
	}
}

func TestAnnotationsAreDeterministic(t *testing.T) {
	doc := Resolution(2)
	a, b := Annotations(doc, 500, 7), Annotations(doc, 500, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("the same (k, n, seed) gave different files")
	}
	if bytes.Equal(a, Annotations(doc, 500, 8)) {
		t.Error("another seed gave the same file")
	}
	if bytes.Equal(Annotations(Resolution(1), 500, 7), a) {
		t.Error("another document gave the same file")
	}
}

func TestAnnotationsImportIntoAnEmptySet(t *testing.T) {
	for _, c := range []struct{ k, n int }{{1, 0}, {1, 100}, {1, 10_000}, {10, 1000}} {
		t.Run(fmt.Sprintf("%dx%d", c.k, c.n), func(t *testing.T) {
			text := Resolution(c.k)
			file := Annotations(text, c.n, 1)
			doc := parse(t, text)
			adoc, err := cmapp.AnnotationDocument(doc)
			if err != nil {
				t.Fatal(err)
			}
			set := annotations.NewSet(adoc, nil)
			plan, err := set.Import(file, annotations.ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Added) != c.n || len(plan.Orphans) != 0 || len(plan.Duplicates) != 0 || plan.File.TextChanged {
				t.Fatalf("plan: %s (%d added, %d orphans, %d duplicates, text changed %v), want %d added",
					plan.Summary(), len(plan.Added), len(plan.Orphans), len(plan.Duplicates), plan.File.TextChanged, c.n)
			}
			if _, err := plan.Apply(); err != nil {
				t.Fatal(err)
			}
			if c.n < 100 {
				return
			}
			var whole, overlapping, noted int
			tags := map[annotations.Tag]int{}
			clauses := map[string]bool{}
			for _, cl := range adoc.Clauses {
				as := set.ByClause(cl.ID)
				n := utf8.RuneCountInString(cl.Text)
				for i, a := range as {
					clauses[a.Clause] = true
					tags[a.Tag]++
					if a.Note != "" {
						noted++
					}
					switch {
					case a.Start == 0 && a.End == n:
						whole++
					case a.Len() < 20 || a.Len() > 200:
						t.Errorf("%s [%d,%d): a span of %d code points", a.Clause, a.Start, a.End, a.Len())
					}
					if i > 0 && a.Start < as[i-1].End {
						overlapping++
					}
				}
			}
			if whole == 0 || overlapping == 0 || noted == 0 || len(tags) != 3 {
				t.Errorf("%d whole clauses, %d overlapping, %d with notes, tags %v: want some of each", whole, overlapping, noted, tags)
			}
			if len(clauses) < min(c.n, len(adoc.Clauses))/2 {
				t.Errorf("only %d clauses of %d annotated", len(clauses), len(adoc.Clauses))
			}
		})
	}
}

func TestAnnotationsFileIsTheNativeFormat(t *testing.T) {
	var f struct {
		Format      string `json:"format"`
		Exported    string `json:"exported"`
		Annotations []struct {
			ID string `json:"id"`
		} `json:"annotations"`
	}
	if err := json.Unmarshal(Annotations(Resolution(1), 3, 1), &f); err != nil {
		t.Fatal(err)
	}
	if f.Format != annotations.NativeFormat || f.Exported != "2023-07-12T18:00:00.000Z" || len(f.Annotations) != 3 {
		t.Errorf("got %+v", f)
	}
	for _, a := range f.Annotations {
		if !strings.HasPrefix(a.ID, "urn:uuid:") || a.ID[9+14] != '4' {
			t.Errorf("id %q is not a version-4 urn:uuid", a.ID)
		}
	}
}
