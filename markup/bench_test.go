package markup

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// benchView is a view of the seed with n pseudo-random annotations: spans
// of 20–200 code points in random clauses, tags mixed.
func benchView(b *testing.B, n int) (*resolution.Document, View) {
	b.Helper()
	doc := seedDoc(b)
	rng := rand.New(rand.NewPCG(7, 11))
	cs := doc.Clauses()
	tags := []annotations.Tag{annotations.Commitment, annotations.Request, annotations.Concern}
	byClause := map[string][]annotations.Annotation{}
	for i := 0; i < n; i++ {
		c := cs[rng.IntN(len(cs))]
		l := utf8.RuneCountInString(c.Text)
		w := min(l, 20+rng.IntN(181))
		s := rng.IntN(l - w + 1)
		a := annotations.Annotation{ID: annotations.NewID(), Clause: c.ID, Start: s, End: s + w, Exact: string([]rune(c.Text)[s : s+w]), Tag: tags[rng.IntN(3)]}
		byClause[c.ID] = append(byClause[c.ID], a)
	}
	return doc, View{Annotations: func(id string) []annotations.Annotation { return byClause[id] }}
}

// BenchmarkRenderDocument renders every clause of the seed with 10,000
// annotations: what the first render after loading them costs in Go.
func BenchmarkRenderDocument(b *testing.B) {
	doc, v := benchView(b, 10_000)
	b.ResetTimer()
	marks := 0
	for i := 0; i < b.N; i++ {
		var sb strings.Builder
		WriteClauses(&sb, doc.Preamble, v)
		WriteClauses(&sb, doc.Operative, v)
		marks = strings.Count(sb.String(), "<mark")
		b.SetBytes(int64(sb.Len()))
	}
	b.ReportMetric(float64(marks), "marks")
}

// BenchmarkRenderOneClause renders the clause that just got a new
// annotation, among 10,000: the work of one tag.
func BenchmarkRenderOneClause(b *testing.B) {
	doc, v := benchView(b, 10_000)
	c := doc.Clause("op21")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var sb strings.Builder
		WriteClause(&sb, c, v)
	}
}
