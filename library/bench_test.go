package library_test

import (
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
)

// keystrokes is a search typed letter by letter over 30,000 annotations,
// with the tag filter on for the second half: what the /annotations page
// filters at each key press.
var keystrokes = []library.Query{
	{Text: "c"}, {Text: "co"}, {Text: "cou"}, {Text: "coun"}, {Text: "counc"}, {Text: "counci"}, {Text: "council"},
	{Text: "council", Tags: []annotations.Tag{annotations.Request}},
	{Text: "counci", Tags: []annotations.Tag{annotations.Request}},
	{Text: "r", Tags: []annotations.Tag{annotations.Request}, Bodies: []string{"Security Council"}},
	{Text: "ré", Tags: []annotations.Tag{annotations.Request}, Bodies: []string{"Security Council"}},
	{Text: "rév", Tags: []annotations.Tag{annotations.Request}, Bodies: []string{"Security Council"}},
}

// BenchmarkFilter30000 is one key press: one Filter over the 30,000
// annotations of 300 documents (each op is one query of keystrokes, in
// turn, so narrowing and widening both count).
func BenchmarkFilter30000(b *testing.B) {
	ss, as := spread(scaleLibrary(b))
	x := library.NewIndex(ss, as)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r := x.Filter(keystrokes[i%len(keystrokes)])
		_ = r.Groups(0, 50)
	}
}

// BenchmarkFilter30000Cold is a key press that cannot narrow the last
// result: every annotation is scanned.
func BenchmarkFilter30000Cold(b *testing.B) {
	ss, as := spread(scaleLibrary(b))
	x := library.NewIndex(ss, as)
	qs := []library.Query{{Text: "the united"}, {Text: "résolution"}}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		x.Filter(qs[i%2])
	}
}

// BenchmarkNewIndex30000 builds the index of 30,000 annotations: what
// opening /annotations costs after reading them.
func BenchmarkNewIndex30000(b *testing.B) {
	ss, as := spread(scaleLibrary(b))
	b.ReportAllocs()
	for b.Loop() {
		library.NewIndex(ss, as)
	}
}

// BenchmarkSortFilterLibrary300 sorts and filters the 300 summaries of
// the library page.
func BenchmarkSortFilterLibrary300(b *testing.B) {
	ss, _ := spread(scaleLibrary(b))
	for b.Loop() {
		library.Sort(ss, library.ByLastAnnotated, true)
		library.Filter{Body: "Security Council", Text: "2018"}.Apply(ss)
	}
}
