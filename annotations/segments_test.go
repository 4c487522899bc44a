package annotations

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// span is a test annotation: a range and a tag.
func span(start, end int, tag Tag) Annotation {
	return Annotation{ID: "s" + itoa(start) + "-" + itoa(end), Start: start, End: end, Tag: tag}
}

type wantSegment struct {
	text string
	ann  []int
	tags string
}

func TestSegments(t *testing.T) {
	// “Déjà” has é as one code point; e\u0301 is two; 👍🏽 is two astral code
	// points; 東京 two CJK ones.
	const text = "“Déjà vu” e\u0301 👍🏽 東京."
	tests := []struct {
		name string
		as   []Annotation
		want []wantSegment
	}{
		{
			name: "no annotations give one plain segment",
			want: []wantSegment{{text: text}},
		},
		{
			name: "a span in the middle splits the text in three",
			as:   []Annotation{span(1, 5, Request)},
			want: []wantSegment{{text: "“"}, {text: "Déjà", ann: []int{0}, tags: "request"}, {text: " vu” e\u0301 👍🏽 東京."}},
		},
		{
			name: "overlapping spans share the overlap",
			as:   []Annotation{span(1, 8, Commitment), span(6, 12, Concern)},
			want: []wantSegment{
				{text: "“"},
				{text: "Déjà ", ann: []int{0}, tags: "commitment"},
				{text: "vu", ann: []int{0, 1}, tags: "commitment concern"},
				{text: "” e\u0301", ann: []int{1}, tags: "concern"},
				{text: " 👍🏽 東京."},
			},
		},
		{
			name: "a nested span sits inside its parent",
			as:   []Annotation{span(0, 19, Request), span(13, 15, Concern)},
			want: []wantSegment{
				{text: "“Déjà vu” e\u0301 ", ann: []int{0}, tags: "request"},
				{text: "👍🏽", ann: []int{0, 1}, tags: "request concern"},
				{text: " 東京.", ann: []int{0}, tags: "request"},
			},
		},
		{
			name: "identical ranges are both listed",
			as:   []Annotation{span(16, 18, Request), span(16, 18, Request)},
			want: []wantSegment{{text: "“Déjà vu” e\u0301 👍🏽 "}, {text: "東京", ann: []int{0, 1}, tags: "request"}, {text: "."}},
		},
		{
			name: "a span may split a combining mark from its letter",
			as:   []Annotation{span(10, 11, Commitment)},
			want: []wantSegment{{text: "“Déjà vu” "}, {text: "e", ann: []int{0}, tags: "commitment"}, {text: "\u0301 👍🏽 東京."}},
		},
		{
			name: "spans that touch do not overlap",
			as:   []Annotation{span(0, 1, Request), span(1, 2, Concern)},
			want: []wantSegment{{text: "“", ann: []int{0}, tags: "request"}, {text: "D", ann: []int{1}, tags: "concern"}, {text: "éjà vu” e\u0301 👍🏽 東京."}},
		},
		{
			name: "the whole clause is one segment",
			as:   []Annotation{span(0, 19, Concern)},
			want: []wantSegment{{text: text, ann: []int{0}, tags: "concern"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := Segments(text, tt.as)
			if err != nil {
				t.Fatal(err)
			}
			var got []wantSegment
			for _, s := range segs {
				got = append(got, wantSegment{text: s.Text, ann: s.Annotations, tags: s.Tags.String()})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d segments %+v, want %d %+v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i].text != tt.want[i].text || !slices.Equal(got[i].ann, tt.want[i].ann) || got[i].tags != tt.want[i].tags {
					t.Errorf("segment %d: got %q %v %q, want %q %v %q", i, got[i].text, got[i].ann, got[i].tags, tt.want[i].text, tt.want[i].ann, tt.want[i].tags)
				}
			}
			checkSegments(t, text, tt.as, segs)
		})
	}
}

func TestSegmentsOfEmptyText(t *testing.T) {
	segs, err := Segments("", nil)
	if err != nil || len(segs) != 0 {
		t.Errorf("Segments(\"\") = %v, %v; want no segments", segs, err)
	}
}

func TestSegmentsRejectsBadRanges(t *testing.T) {
	const text = "Décide 👍🏽"
	tests := []struct {
		name  string
		a     Annotation
		field string
		err   error
	}{
		{"a zero-length range", span(3, 3, Request), "end", ErrZeroLength},
		{"a reversed range", span(4, 2, Request), "end", ErrZeroLength},
		{"a negative start", span(-1, 2, Request), "start", ErrOutOfRange},
		{"an end past the text", span(0, 10, Request), "end", ErrOutOfRange},
		{"a start past the text", span(10, 12, Request), "start", ErrOutOfRange},
		{"an unknown tag", span(0, 2, "x"), "tag", ErrInvalidTag},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Segments(text, []Annotation{span(0, 1, Concern), tt.a})
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Index != 1 || fe.Field != tt.field || !errors.Is(err, tt.err) {
				t.Errorf("got %v, want a FieldError for annotation 1, field %q, %v", err, tt.field, tt.err)
			}
		})
	}
}

func TestSegmentsAgreeWithCodePointCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab “”é\u0301👍🏽東")
	for iter := range 500 {
		n := rng.IntN(30)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		text := string(rs)
		var as []Annotation
		if n > 0 {
			for range rng.IntN(12) {
				s := rng.IntN(n)
				e := s + 1 + rng.IntN(n-s)
				as = append(as, span(s, e, Tags[rng.IntN(3)]))
			}
		}
		segs, err := Segments(text, as)
		if err != nil {
			t.Fatalf("iteration %d: %v", iter, err)
		}
		checkSegments(t, text, as, segs)
	}
}

// checkSegments checks segments against a code point by code point
// computation: they spell the text, each code point is covered by exactly the
// annotations listed, and boundaries fall only where the cover changes.
func checkSegments(t *testing.T, text string, as []Annotation, segs []Segment) {
	t.Helper()
	var joined strings.Builder
	rs := []rune(text)
	pos := 0
	for i, s := range segs {
		joined.WriteString(s.Text)
		if s.Start != pos || s.End <= s.Start || string(rs[s.Start:s.End]) != s.Text {
			t.Fatalf("segment %d [%d,%d) %q does not follow at %d", i, s.Start, s.End, s.Text, pos)
		}
		pos = s.End
		for cp := s.Start; cp < s.End; cp++ {
			var want []int
			var tags TagSet
			for j, a := range as {
				if a.Start <= cp && cp < a.End {
					want = append(want, j)
					tags |= a.Tag.bit()
				}
			}
			if !slices.Equal(s.Annotations, want) || s.Tags != tags {
				t.Fatalf("segment %d at code point %d: got %v %v, want %v %v", i, cp, s.Annotations, s.Tags, want, tags)
			}
		}
		if i > 0 && slices.Equal(segs[i-1].Annotations, s.Annotations) {
			t.Fatalf("segments %d and %d have the same cover %v: should be one", i-1, i, s.Annotations)
		}
	}
	if joined.String() != text || pos != len(rs) {
		t.Fatalf("segments spell %q, want %q", joined.String(), text)
	}
}

func TestTagSet(t *testing.T) {
	s := Commitment.bit() | Concern.bit()
	if !s.Has(Commitment) || s.Has(Request) || !s.Has(Concern) || s.Has("x") {
		t.Errorf("Has: wrong membership in %v", s)
	}
	if got := s.Tags(); !slices.Equal(got, []Tag{Commitment, Concern}) {
		t.Errorf("Tags() = %v", got)
	}
	if got, want := s.String(), "commitment concern"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
