package annotations

import (
	"math/rand/v2"
	"testing"
	"time"
)

// BenchmarkSegments cuts the longest clause of the seed under 1,000
// overlapping annotations: what the browser does on each re-render.
func BenchmarkSegments(b *testing.B) {
	doc := seedDoc(b)
	longest := doc.Clauses[0]
	for _, c := range doc.Clauses {
		if len(c.Text) > len(longest.Text) {
			longest = c
		}
	}
	n := runeLen(longest.Text)
	rng := rand.New(rand.NewPCG(7, 8))
	as := make([]Annotation, 1000)
	for i := range as {
		s := rng.IntN(n)
		as[i] = span(s, s+1+rng.IntN(min(n-s, 120)), Tags[rng.IntN(3)])
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Segments(longest.Text, as); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkExport(b *testing.B, export func(*Set, func() time.Time) ([]byte, error)) {
	s := randomSet(b, seedDoc(b), 10_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		data, err := export(s, fixedNow)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
	}
}

func BenchmarkExportJSON10k(b *testing.B)     { benchmarkExport(b, ExportJSON) }
func BenchmarkExportW3C10k(b *testing.B)      { benchmarkExport(b, ExportW3C) }
func BenchmarkExportMarkdown10k(b *testing.B) { benchmarkExport(b, ExportMarkdown) }
func BenchmarkExportCSV10k(b *testing.B)      { benchmarkExport(b, ExportCSV) }

// benchmarkImport reads a file of 10,000 annotations into an empty set:
// validation, anchoring check, plan and apply.
func benchmarkImport(b *testing.B, export func(*Set, func() time.Time) ([]byte, error)) {
	doc := seedDoc(b)
	data, err := export(randomSet(b, doc, 10_000, 1), fixedNow)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s := NewSet(doc, fixedNow)
		p, err := s.Import(data, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Apply(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportJSON10k(b *testing.B) { benchmarkImport(b, ExportJSON) }
func BenchmarkImportW3C10k(b *testing.B)  { benchmarkImport(b, ExportW3C) }

// BenchmarkMerge10k merges a colleague's 10,000 annotations into a local set
// of 10,000: half the ids shared (a fifth of those edited later, a fifth
// edited earlier), half new. The file is read once; each iteration plans and
// applies on a fresh copy of the local set.
func BenchmarkMerge10k(b *testing.B) {
	doc := seedDoc(b)
	local := randomSet(b, doc, 10_000, 1)
	theirs := randomSet(b, doc, 5_000, 2).All()
	for i, a := range local.All()[:5_000] {
		switch i % 5 {
		case 0:
			a.Note += " (theirs)"
			a.Modified = a.Modified.Add(time.Hour)
		case 1:
			a.Note += " (older)"
			a.Modified = a.Modified.Add(-time.Millisecond)
			if a.Modified.Before(a.Created) {
				a.Created = a.Modified
			}
		}
		theirs = append(theirs, a)
	}
	data, err := encodeNative(doc, theirs, fixedNow())
	if err != nil {
		b.Fatal(err)
	}
	f, err := Read(doc, data, ImportOptions{})
	if err != nil {
		b.Fatal(err)
	}
	localAll := local.All()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s := NewSet(doc, fixedNow)
		for _, a := range localAll {
			s.insert(a)
		}
		b.StartTimer()
		p := s.Plan(f)
		if _, err := p.Apply(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnchorAfterEdit re-anchors 10,000 annotations after a revision of
// the seed: a paragraph inserted before OP21 (OP21–OP37 renumbered) and
// words changed in OP12 and in the old OP22.
func BenchmarkAnchorAfterEdit(b *testing.B) {
	orig := seedDoc(b)
	as := randomSet(b, orig, 10_000, 3).All()
	cs := insertOperative(b, seedClausesCopy(b), 21, newOP21)
	cs = replaceIn(b, cs, "op12", "the Charter and international law,", "the Charter, international law and the Vienna Declaration,")
	cs = replaceIn(b, cs, "op23", "make clear the process", "clarify the procedure") // old OP22
	revised := docWith(b, cs)
	b.ReportAllocs()
	var moved, orphans int
	for b.Loop() {
		moved, orphans = 0, 0
		for _, a := range as {
			if revised.Fits(a) {
				continue
			}
			if _, m := revised.Reanchor(a); m.Orphan() {
				orphans++
			} else {
				moved++
			}
		}
	}
	b.ReportMetric(float64(moved), "moved")
	b.ReportMetric(float64(orphans), "orphans")
}

// BenchmarkLoad10000 fills a set with 10,000 annotations read from a
// store: what the app does at every page load.
func BenchmarkLoad10000(b *testing.B) {
	doc := seedDoc(b)
	all := randomSet(b, doc, 10000, 1).All()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := NewSet(doc, nil)
		if _, err := s.Load(all); err != nil {
			b.Fatal(err)
		}
	}
}
