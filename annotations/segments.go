package annotations

import (
	"fmt"
	"slices"
	"strings"
)

// Segment is a stretch of a clause's text covered by the same annotations.
// The segments of a clause follow each other without gap or overlap and
// together spell its whole text, so rendering is a map over them.
type Segment struct {
	// Start and End are code point offsets in the clause's text, End
	// excluded.
	Start, End int
	// Text is the text of the segment.
	Text string
	// Annotations are the positions, in the slice given to Segments, of the
	// annotations that cover the segment, ascending. Empty for plain text.
	Annotations []int
	// Tags are the tags of those annotations.
	Tags TagSet
}

// TagSet is a set of tags.
type TagSet uint8

// Has reports whether t is in the set.
func (s TagSet) Has(t Tag) bool { return t.bit() != 0 && s&t.bit() != 0 }

// Tags returns the tags of the set in the order of Tags.
func (s TagSet) Tags() []Tag {
	var ts []Tag
	for _, t := range Tags {
		if s.Has(t) {
			ts = append(ts, t)
		}
	}
	return ts
}

// String returns the tags separated by spaces ("commitment concern"), ready
// for a class attribute.
func (s TagSet) String() string {
	var b strings.Builder
	for _, t := range Tags {
		if s.Has(t) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(string(t))
		}
	}
	return b.String()
}

// Segments cuts a clause's text at every start and end of its annotations
// and returns the segments in order, each with the annotations that cover
// it. Annotations may overlap, nest or share a range; a range that is empty,
// negative or past the end of text is an error (a *FieldError naming the
// annotation). Annotations are not checked against Exact: pass the ones that
// fit the clause (Set.ByClause).
//
// It runs in O(n log n + output) for n annotations: one sort of the
// boundaries and one sweep; the segments share one backing array for their
// annotation lists.
func Segments(text string, as []Annotation) ([]Segment, error) {
	n := runeLen(text)
	type event struct {
		at    int
		index int  // annotation
		open  bool // start (true) or end
	}
	events := make([]event, 0, 2*len(as))
	for i, a := range as {
		switch {
		case a.Start < 0 || a.Start > n:
			return nil, &FieldError{Index: i, ID: a.ID, Field: "start", Err: fmt.Errorf("%w: %d, clause has %d code points", ErrOutOfRange, a.Start, n)}
		case a.End > n:
			return nil, &FieldError{Index: i, ID: a.ID, Field: "end", Err: fmt.Errorf("%w: %d, clause has %d code points", ErrOutOfRange, a.End, n)}
		case a.End <= a.Start:
			return nil, &FieldError{Index: i, ID: a.ID, Field: "end", Err: ErrZeroLength}
		case !a.Tag.Valid() && a.Tag != "": // untagged (labels only) is painted too
			return nil, &FieldError{Index: i, ID: a.ID, Field: "tag", Err: ErrInvalidTag}
		}
		events = append(events, event{a.Start, i, true}, event{a.End, i, false})
	}
	// Ends before starts at the same offset: an annotation ending at 5 does
	// not cover the segment starting at 5.
	slices.SortFunc(events, func(x, y event) int {
		if x.at != y.at {
			return x.at - y.at
		}
		if x.open != y.open {
			if !x.open {
				return -1
			}
			return 1
		}
		return x.index - y.index
	})

	// Boundaries: 0, n and every event offset; their byte offsets in one pass.
	bounds := make([]int, 0, len(events)+2)
	bounds = append(bounds, 0)
	for _, e := range events {
		if e.at != bounds[len(bounds)-1] {
			bounds = append(bounds, e.at)
		}
	}
	if n > bounds[len(bounds)-1] {
		bounds = append(bounds, n)
	}
	byteOffs := make([]int, len(bounds))
	{
		bi, cp := 0, 0
		for i := range text {
			for bi < len(bounds) && bounds[bi] == cp {
				byteOffs[bi] = i
				bi++
			}
			cp++
		}
		for ; bi < len(bounds); bi++ {
			byteOffs[bi] = len(text)
		}
	}

	// The lists of all segments in one allocation: an annotation appears in
	// as many segments as there are boundaries in its range.
	total := 0
	for _, a := range as {
		i, _ := slices.BinarySearch(bounds, a.Start)
		j, _ := slices.BinarySearch(bounds, a.End)
		total += j - i
	}
	segs := make([]Segment, 0, len(bounds))
	var (
		active  []int                   // covering annotations, ascending
		counts  [4]int                  // active annotations per tag, then untagged
		backing = make([]int, 0, total) // shared storage of the segments' lists
		ei      int
	)
	tagIndex := func(t Tag) int {
		switch t {
		case Commitment:
			return 0
		case Request:
			return 1
		case Concern:
			return 2
		}
		return 3 // untagged: no tag in the segment's set
	}
	for bi := 0; bi+1 < len(bounds); bi++ {
		at := bounds[bi]
		for ; ei < len(events) && events[ei].at == at; ei++ {
			e := events[ei]
			pos, found := slices.BinarySearch(active, e.index)
			if e.open {
				if !found {
					active = slices.Insert(active, pos, e.index)
				}
				counts[tagIndex(as[e.index].Tag)]++
			} else {
				if found {
					active = slices.Delete(active, pos, pos+1)
				}
				counts[tagIndex(as[e.index].Tag)]--
			}
		}
		seg := Segment{
			Start: at,
			End:   bounds[bi+1],
			Text:  text[byteOffs[bi]:byteOffs[bi+1]],
		}
		if len(active) > 0 {
			start := len(backing)
			backing = append(backing, active...)
			seg.Annotations = backing[start:len(backing):len(backing)]
			for i, c := range counts[:len(Tags)] {
				if c > 0 {
					seg.Tags |= Tags[i].bit()
				}
			}
		}
		segs = append(segs, seg)
	}
	return segs, nil
}
