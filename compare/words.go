package compare

import "strings"

// OpKind says what an Op does.
type OpKind string

// The kinds of Op.
const (
	// Equal text is in both versions.
	Equal OpKind = "equal"
	// Delete text is only in the old version.
	Delete OpKind = "delete"
	// Insert text is only in the new version.
	Insert OpKind = "insert"
)

// Span is where an op's text lies in one version: the clause (0 for the
// first text given to WordDiff, 1 for the text after its first line feed, …;
// in a Match, the index in Match.Old or Match.New) and the code point offsets
// [Start, End) in that clause's text. An op absent from a version (a Delete
// in the new one, an Insert in the old) has the empty span where it would
// be.
type Span struct {
	Clause int `json:"clause"`
	Start  int `json:"start"`
	End    int `json:"end"`
}

// Op is one step of a word diff: Equal, Delete or Insert text, with where it
// lies in the old and the new version. The Equal and Delete texts in order
// make the old text, the Equal and Insert texts the new one, exactly.
//
// A line feed is the break between two clauses of a split or merge: an op
// whose Text is "\n" (alone: no op holds a line feed and other text) is a
// Delete where two old clauses were merged, an Insert where one was split,
// Equal where two clauses stayed apart. Its span on a side where it exists
// is the empty span at the end of the clause it follows.
type Op struct {
	Kind OpKind `json:"kind"`
	Text string `json:"text"`
	Old  Span   `json:"old"`
	New  Span   `json:"new"`
}

// Break reports whether the op is the break between two clauses.
func (o Op) Break() bool { return o.Text == "\n" }

// WordDiff returns the word diff of two texts, to be read as track changes:
// a patience diff on tokens (words, punctuation, white space; see the
// package documentation), then cleaned up for reading: an equal stretch
// between two changes that is no longer than the change on either side of it
// (a stray "the" or "," between rewritten phrases) becomes part of the
// change, and in each change the deleted text comes before the inserted
// text. Texts with line feeds are read as consecutive clauses (see Span).
func WordDiff(old, new string) []Op {
	return opsOf(readable(tokenDiff(old, new, false)))
}

// RawWordDiff returns the patience diff on tokens of two texts without
// WordDiff's cleanup: the most text kept Equal, which is what offsets are
// best mapped through.
func RawWordDiff(old, new string) []Op {
	return opsOf(tokenDiff(old, new, false))
}

// chunk is a stretch of a token diff: equal tokens (old and new hold the
// same texts), or a change (old deleted, new inserted).
type chunk struct {
	equal    bool
	old, new []token
}

// tokenDiff returns the chunks of the patience diff on tokens of old and new
// (anchored on the words that occur once in each, Myers' shortest edit
// script between anchors), alternating equal stretches and changes. With fold, tokens that differ
// only in case (of the same length) are equal: "Urges" and "urges" where two
// clauses were merged.
func tokenDiff(old, new string, fold bool) []chunk {
	a, b := tokenize(old), tokenize(new)
	in := make(interner)
	var ka, kb []int
	if fold {
		ka, kb = in.foldedKeys(a), in.foldedKeys(b)
	} else {
		ka, kb = in.keys(a), in.keys(b)
	}
	words := map[int]bool{}
	for i, t := range a {
		if t.kind == word {
			words[ka[i]] = true
		}
	}
	pairs := patience(ka, kb, func(k int) bool { return words[k] })
	var out []chunk
	add := func(eq bool, ot, nt []token) {
		if len(ot) == 0 && len(nt) == 0 {
			return
		}
		if n := len(out); n > 0 && out[n-1].equal == eq {
			out[n-1].old = append(out[n-1].old, ot...)
			out[n-1].new = append(out[n-1].new, nt...)
			return
		}
		out = append(out, chunk{equal: eq, old: ot, new: nt})
	}
	i, j := 0, 0
	for _, p := range pairs {
		add(false, a[i:p.i], b[j:p.j])
		add(true, a[p.i:p.i+1], b[p.j:p.j+1])
		i, j = p.i+1, p.j+1
	}
	add(false, a[i:], b[j:])
	return out
}

// readable cleans a diff up for reading (the semantic cleanup of Neil
// Fraser's diff-match-patch, on tokens): an equal stretch between two changes
// whose length in code points is at most the larger side of the change
// before it and at most the larger side of the change after it is made part
// of the change, again until nothing changes. A stretch that holds a clause
// break stays.
func readable(cs []chunk) []chunk {
	cs = append([]chunk(nil), cs...)
	for changed := true; changed; {
		changed = false
		for i := 1; i+1 < len(cs); i++ {
			c := cs[i]
			if !c.equal || cs[i-1].equal || cs[i+1].equal || hasBreak(c.old) {
				continue
			}
			n := tokensLen(c.old)
			if n > max(tokensLen(cs[i-1].old), tokensLen(cs[i-1].new)) || n > max(tokensLen(cs[i+1].old), tokensLen(cs[i+1].new)) {
				continue
			}
			merged := chunk{
				old: concat(cs[i-1].old, c.old, cs[i+1].old),
				new: concat(cs[i-1].new, c.new, cs[i+1].new),
			}
			cs = append(append(cs[:i-1:i-1], merged), cs[i+2:]...)
			changed = true
			i--
		}
	}
	return cs
}

func concat(ts ...[]token) []token {
	var out []token
	for _, t := range ts {
		out = append(out, t...)
	}
	return out
}

func tokensLen(ts []token) int {
	n := 0
	for _, t := range ts {
		n += t.end - t.start
	}
	return n
}

func hasBreak(ts []token) bool {
	for _, t := range ts {
		if t.kind == brk {
			return true
		}
	}
	return false
}

// opsOf turns chunks into ops with their spans: a change gives its Delete
// then its Insert, and every clause break is an op of its own.
func opsOf(cs []chunk) []Op {
	var ops []Op
	var oldAt, newAt Span // clause and offset reached on each side
	emit := func(kind OpKind, ts []token) {
		var b strings.Builder
		flush := func() {
			if b.Len() == 0 {
				return
			}
			text := b.String()
			b.Reset()
			n := runeLen(text)
			op := Op{Kind: kind, Text: text, Old: Span{oldAt.Clause, oldAt.End, oldAt.End}, New: Span{newAt.Clause, newAt.End, newAt.End}}
			if kind != Insert {
				op.Old.End += n
				oldAt.End += n
			}
			if kind != Delete {
				op.New.End += n
				newAt.End += n
			}
			ops = append(ops, op)
		}
		for _, t := range ts {
			if t.kind != brk {
				b.WriteString(t.text)
				continue
			}
			flush()
			op := Op{Kind: kind, Text: t.text, Old: Span{oldAt.Clause, oldAt.End, oldAt.End}, New: Span{newAt.Clause, newAt.End, newAt.End}}
			ops = append(ops, op)
			if kind != Insert {
				oldAt = Span{Clause: oldAt.Clause + 1}
			}
			if kind != Delete {
				newAt = Span{Clause: newAt.Clause + 1}
			}
		}
		flush()
	}
	for _, c := range cs {
		if c.equal {
			emit(Equal, c.old)
			continue
		}
		emit(Delete, c.old)
		emit(Insert, c.new)
	}
	return ops
}
