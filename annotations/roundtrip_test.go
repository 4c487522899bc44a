package annotations

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// noteAlphabet mixes what notes hold: letters, accents, combining marks,
// curly quotes, emoji with modifiers, CJK, Markdown and CSV specials, line
// breaks and tabs.
var noteAlphabet = []rune("abcdeéàüñ ,.;:!?\u0301“”«»—–-=+@#*_[]()<>|~`\\\"'\n\t👍🏽😀東京中文é")

// randomSet returns a set of n random annotations on doc (deterministic for a
// seed).
func randomSet(tb testing.TB, doc *Document, n int, seed uint64) *Set {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s := NewSet(doc, fixedNow)
	base := time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC)
	for s.Len() < n {
		c := doc.Clauses[rng.IntN(len(doc.Clauses))]
		length := runeLen(c.Text)
		start := rng.IntN(length)
		end := start + 1 + rng.IntN(min(length-start, 200))
		if rng.IntN(10) == 0 {
			start, end = 0, length
		}
		sel, err := doc.Describe(c.ID, start, end)
		if err != nil {
			tb.Fatal(err)
		}
		var note strings.Builder
		for range rng.IntN(60) {
			note.WriteRune(noteAlphabet[rng.IntN(len(noteAlphabet))])
		}
		author := ""
		if rng.IntN(3) == 0 {
			author = []string{"France", "Délégation du Sénégal", "中国", "Türkiye 🇹🇷", "=cmd|' /C calc'!A0"}[rng.IntN(5)]
		}
		created := base.Add(time.Duration(rng.Int64N(int64(400 * 24 * time.Hour))))
		modified := created.Add(time.Duration(rng.Int64N(int64(30 * 24 * time.Hour))))
		a := Annotation{
			ID: NewID(), Clause: c.ID, Start: start, End: end,
			Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix,
			Tag: Tags[rng.IntN(3)], Note: note.String(), Author: author,
			Created: created, Modified: modified,
		}
		if _, err := s.Add(a); err != nil {
			tb.Fatalf("random annotation: %v", err)
		}
	}
	return s
}

func TestExportThenImportGivesBackTheSameSet(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 annotations")
	}
	doc := seedDoc(t)
	s := randomSet(t, doc, 10_000, 42)
	for _, format := range []struct {
		name   string
		export func(*Set, func() time.Time) ([]byte, error)
	}{{"native", ExportJSON}, {"W3C", ExportW3C}} {
		t.Run(format.name, func(t *testing.T) {
			data, err := format.export(s, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			back := NewSet(doc, fixedNow)
			p, err := back.Import(data, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Added) != s.Len() || len(p.Duplicates)+len(p.Conflicts)+len(p.Updated)+len(p.File.Reanchored) != 0 {
				t.Fatalf("plan: %s, %d re-anchored", p.Summary(), len(p.File.Reanchored))
			}
			if _, err := p.Apply(); err != nil {
				t.Fatal(err)
			}
			if d := diffAnnotations(back.All(), s.All()); d != "" {
				t.Fatal(d)
			}
			if back.Counts() != s.Counts() {
				t.Errorf("counts %+v, want %+v", back.Counts(), s.Counts())
			}
		})
	}
}
