package compare

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind says what a token is.
type tokenKind uint8

const (
	// word: letters, digits and marks, with the joiners of joinerRunes
	// kept inside ("Secretary-General", "70/1", "UNISFA’s", "10,900").
	word tokenKind = iota
	// punct: one code point that is neither a word's nor white space.
	punct
	// space: a run of white space other than a line feed.
	space
	// brk: a line feed, which separates the clauses of a split or merge.
	brk
)

// token is a piece of a text: its text, kind and code point offsets.
type token struct {
	text       string
	kind       tokenKind
	start, end int
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isJoiner reports whether r joins the word runes on either side of it into
// one word: hyphens and slashes always ("two-State", "A/HRC/53/L.12"),
// apostrophes ("UNISFA’s"), full stops ("L.12"), and commas between digits
// ("10,900").
func isJoiner(r, before, after rune) bool {
	switch r {
	case '-', '‐', '‑', '/', '\'', '’', '.', '_':
		return true
	case ',':
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return false
}

// tokenize cuts s into words, punctuation, runs of white space and line
// feeds. The tokens cover s exactly: their texts joined give s back.
func tokenize(s string) []token {
	var toks []token
	rs := []rune(s)
	byteAt := make([]int, 0, len(rs)+1)
	for i := range s {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(s))
	add := func(kind tokenKind, i, j int) {
		toks = append(toks, token{text: s[byteAt[i]:byteAt[j]], kind: kind, start: i, end: j})
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\n':
			add(brk, i, i+1)
			i++
		case unicode.IsSpace(r):
			j := i + 1
			for j < len(rs) && rs[j] != '\n' && unicode.IsSpace(rs[j]) {
				j++
			}
			add(space, i, j)
			i = j
		case isWordRune(r):
			j := i + 1
			for j < len(rs) {
				if isWordRune(rs[j]) {
					j++
					continue
				}
				if j+1 < len(rs) && isWordRune(rs[j+1]) && isJoiner(rs[j], rs[j-1], rs[j+1]) {
					j += 2
					continue
				}
				break
			}
			add(word, i, j)
			i = j
		default:
			add(punct, i, i+1)
			i++
		}
	}
	return toks
}

// interner gives each distinct token text an int, the same on both sides of
// a comparison, so that the diff compares ints.
type interner map[string]int

func (in interner) key(s string) int {
	if k, ok := in[s]; ok {
		return k
	}
	k := len(in)
	in[s] = k
	return k
}

// keys returns the interned keys of the tokens.
func (in interner) keys(toks []token) []int {
	ks := make([]int, len(toks))
	for i, t := range toks {
		ks[i] = in.key(t.text)
	}
	return ks
}

// foldedKeys returns keys under which tokens that differ only in case, and
// have the same length, are equal.
func (in interner) foldedKeys(toks []token) []int {
	ks := make([]int, len(toks))
	for i, t := range toks {
		ks[i] = in.key(strconv.Itoa(t.end-t.start) + ":" + strings.ToLower(t.text))
	}
	return ks
}

// wordKeys returns the keys of the words of s, lowercased: what clause
// similarity counts (punctuation, white space and case do not count).
func (in interner) wordKeys(s string) []int {
	var ks []int
	for _, t := range tokenize(s) {
		if t.kind == word {
			ks = append(ks, in.key(strings.ToLower(t.text)))
		}
	}
	return ks
}

// runeLen is the number of code points of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
