package app

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// benchSet makes n pseudo-random annotations on the seed: spans of
// 20–200 code points in random clauses, tags mixed.
func benchSet(b *testing.B, n int) (*resolution.Document, clauseView) {
	b.Helper()
	doc, _ := resolution.Parse(resolution.Seed())
	adoc, err := AnnotationDocument(doc)
	if err != nil {
		b.Fatal(err)
	}
	set := annotations.NewSet(adoc, nil)
	rng := rand.New(rand.NewPCG(7, 11))
	cs := doc.Clauses()
	tags := []annotations.Tag{annotations.Commitment, annotations.Request, annotations.Concern}
	for i := 0; i < n; i++ {
		c := cs[rng.IntN(len(cs))]
		l := utf8.RuneCountInString(c.Text)
		w := min(l, 20+rng.IntN(181))
		s := rng.IntN(l - w + 1)
		if _, err := set.Create(c.ID, s, s+w, tags[rng.IntN(3)], "", ""); err != nil {
			b.Fatal(err)
		}
	}
	return doc, clauseView{set: set}
}

// BenchmarkRenderDocument renders every clause of the seed with 10,000
// annotations: what the first render after loading them costs in Go.
func BenchmarkRenderDocument(b *testing.B) {
	doc, v := benchSet(b, 10_000)
	b.ResetTimer()
	marks := 0
	for i := 0; i < b.N; i++ {
		var sb strings.Builder
		for _, c := range append(append([]*resolution.Clause{}, doc.Preamble...), doc.Operative...) {
			writeClauseBlock(&sb, c, v)
		}
		marks = strings.Count(sb.String(), "<mark")
		b.SetBytes(int64(sb.Len()))
	}
	b.ReportMetric(float64(marks), "marks")
}

// BenchmarkRenderOneClause renders the clause that just got a new
// annotation, among 10,000: the work of one tag.
func BenchmarkRenderOneClause(b *testing.B) {
	doc, v := benchSet(b, 10_000)
	c := doc.Clause("op21")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var sb strings.Builder
		writeClauseBlock(&sb, c, v)
	}
}
