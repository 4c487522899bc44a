package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// Torn words.
//
// pdf.js writes a space into an item's string wherever the next glyph
// starts more than a tenth of the font size after the end of the last one
// (its SPACE_IN_FLOW_MIN_FACTOR, 0.102), and Word's justified and
// letter-spaced lines place glyphs that far apart inside words: "of its
// Presid en t", "humanitari an", "o f". Those spaces are not printed; the
// reader sees "President". In all 23 PDFs of the corpus they sit inside
// one item's string (or are a space item narrower than 0.15 of the font
// size), never between two items: a space item or a wider gap between
// items is always a space between words. A space inside a string is as
// often a real space, and nothing in an item tells where its glyphs are.
// So a space inside an item is a soft space, and the words on both sides
// are mended by what the document and a built-in vocabulary know:
//
//   - a run of pieces joined by soft spaces is cut into words so that as
//     few of them as possible are unknown, where two or three pieces may
//     be joined only into a known word ("humanitari an" → "humanitarian",
//     "Presid en t" → "President", "o f" → "of");
//   - when two cuts are equally good ("in to" and "into", "as set" and
//     "asset"), the pieces are left as printed: a rare torn word is better
//     than a word that was never printed;
//   - a piece is known when the document prints it elsewhere between real
//     spaces, when it is in the built-in vocabulary (pdf_vocabulary.txt,
//     words of real UN texts), or when it is an inflection of one of those
//     ("attack" + "s", "ed", "ing"); a single letter only when it is "a"
//     or "I";
//   - pieces may also be joined into a word the document prints only
//     between soft spaces when one of them is an unknown letter or two
//     ("stabilit y"), and a cut is not made when a join into any word the
//     document prints, or an inflection of it, makes another cut as good
//     (see mendChain);
//   - a join never puts a capital after a small letter ("Follow Up"), a
//     letter against a digit, or goes through punctuation.
//
// Soft spaces English typography does not print are dropped too
// ("children ," → "children,", "(201 5 )" → "(2015)", "women ’s",
// "Secretary -General"), see tightenPunctuation.

// vocabularyFile is the built-in vocabulary: a comment header, then one
// lower-case word a line.
//
//go:embed pdf_vocabulary.txt
var vocabularyFile string

// builtinWords is the built-in vocabulary as a set.
var builtinWords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	for _, line := range strings.Split(vocabularyFile, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			words[line] = true
		}
	}
	return words
})

// vocabulary is what a document knows of words: the built-in vocabulary
// and the words the document prints between real spaces.
type vocabulary struct {
	// doc holds the words the document prints between real spaces; seen
	// every word it prints, some of them torn pieces.
	doc, seen map[string]bool
	// mended, when set, is told of every join (for tests).
	mended func(pieces []string, word string)
}

func newVocabulary() *vocabulary {
	return &vocabulary{doc: map[string]bool{}, seen: map[string]bool{}}
}

// learn adds the words of a paragraph (its characters, soft spaces
// marked) that stand between real spaces (or the paragraph's ends).
func (v *vocabulary) learn(rs []styledRune) {
	for _, p := range splitPieces(rs) {
		clean := !p.softBefore && !p.softAfter
		for _, w := range vocabularyWords(p.core) {
			w = strings.ToLower(w)
			v.seen[w] = true
			if clean {
				v.doc[w] = true
			}
		}
	}
}

// vocabularyWords returns a word and, when it is hyphenated, its parts.
func vocabularyWords(core string) []string {
	if core == "" {
		return nil
	}
	words := []string{core}
	if strings.ContainsAny(core, "-‐‑") {
		parts := strings.FieldsFunc(core, func(r rune) bool { return r == '-' || r == '‐' || r == '‑' })
		words = append(words, parts...)
	}
	return words
}

// known reports whether w, a piece between spaces, is a word: printed by
// the document between real spaces, in the built-in vocabulary, or an
// inflection of one of those. A single letter is a word when it is "a" or
// "I".
func (v *vocabulary) known(w string) bool {
	return v.lookup(w, false)
}

// knownJoined reports whether w, pieces joined, is a word that the pieces
// may be mended into: a word as known says, or a word the document prints
// anywhere (perhaps between soft spaces) when one of the pieces is an
// unknown letter or two ("stabilit y", "sit es"); two longer pieces may be
// words of their own that the vocabulary lacks ("road map", "ANSAR
// ALLAH"), even when the document prints them joined elsewhere.
func (v *vocabulary) knownJoined(w string, ps []piece) bool {
	if v.lookup(w, false) {
		return true
	}
	if !v.seen[strings.ToLower(w)] {
		return false
	}
	for _, p := range ps {
		if len([]rune(p.core)) <= 2 && !v.known(p.core) {
			return true
		}
	}
	return false
}

// printed reports whether w, pieces joined, is a word the document prints
// anywhere, or an inflection of one, or a word as known says.
func (v *vocabulary) printed(w string, _ []piece) bool {
	return v.lookup(w, true)
}

// lookup looks w up in the built-in vocabulary and the words the document
// prints between real spaces, or every word it prints when seen is set.
func (v *vocabulary) lookup(w string, seen bool) bool {
	if n := len([]rune(w)); n <= 1 {
		return w == "a" || w == "A" || w == "I" || (n == 1 && v.doc[w] && !unicode.IsLetter([]rune(w)[0]))
	}
	has := func(w string) bool { return v.doc[w] || builtinWords()[w] || seen && v.seen[w] }
	lw := strings.ToLower(w)
	if has(lw) {
		return true
	}
	// An inflection of a known word: "attacks", "documented",
	// "monitoring".
	for _, suffix := range inflections {
		stem, ok := strings.CutSuffix(lw, suffix)
		if ok && len(stem) >= 3 && has(stem) {
			return true
		}
	}
	return false
}

// inflections are the endings that make a word of a known word.
var inflections = []string{"s", "es", "d", "ed", "ing"}

// piece is a run of characters between spaces: its leading punctuation,
// its core (from the first letter or digit to the last) and its trailing
// punctuation, and whether the spaces around it are soft.
type piece struct {
	start, end            int // its characters, rs[start:end]
	core                  string
	lead, trail           bool // punctuation before or after the core
	softBefore, softAfter bool
}

// splitPieces cuts a paragraph's characters at its spaces.
func splitPieces(rs []styledRune) []piece {
	var out []piece
	for i := 0; i < len(rs); {
		if rs[i].c == ' ' {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j].c != ' ' {
			j++
		}
		p := piece{start: i, end: j}
		p.softBefore = i > 0 && rs[i-1].soft
		p.softAfter = j < len(rs) && rs[j].soft
		a, b := i, j
		for a < b && (rs[a].marker || !isWordRune(rs[a].c)) {
			a++
		}
		for b > a && (rs[b-1].marker || !isWordRune(rs[b-1].c)) {
			b--
		}
		p.lead, p.trail = a > i, b < j
		var s strings.Builder
		for k := a; k < b; k++ {
			s.WriteRune(rs[k].c)
		}
		p.core = s.String()
		out = append(out, p)
		i = j
	}
	return out
}

// maxTornPieces is the most pieces one word is mended from.
const maxTornPieces = 3

// mendWords removes the soft spaces that tear words, as the comment at the
// top of this file says.
func (v *vocabulary) mendWords(rs []styledRune) []styledRune {
	pieces := splitPieces(rs)
	drop := map[int]bool{} // indexes of spaces to remove
	for i := 0; i < len(pieces); {
		j := i + 1
		for j < len(pieces) && pieces[j-1].softAfter {
			j++
		}
		if j-i > 1 {
			for _, k := range v.mendChain(pieces[i:j]) {
				drop[k] = true
			}
		}
		i = j
	}
	if len(drop) == 0 {
		return rs
	}
	out := rs[:0]
	for k, r := range rs {
		if !drop[k] {
			out = append(out, r)
		}
	}
	return out
}

// mendChain returns the indexes of the spaces to remove between pieces
// that soft spaces join. A word is mended when the cut into words with the
// fewest unknown words is the only one, both with the joins knownJoined
// allows and with the joins into any word the document prints: the first
// decide, the second may only forbid ("Yemen i s" makes "Yemen is", but
// also "Yemenis", the plural of "Yemeni", which the document prints: the
// pieces stay as printed).
func (v *vocabulary) mendChain(ps []piece) []int {
	sure := v.sureJoins(ps, v.knownJoined)
	if len(sure) == 0 {
		return nil
	}
	also := v.sureJoins(ps, v.printed)
	var drop []int
	for s := 0; s < len(ps)-1; {
		if !sure[s] || !also[s] {
			s++
			continue
		}
		e := s
		for e < len(ps)-1 && sure[e] && also[e] {
			e++
		}
		// The spaces after pieces s..e-1 join pieces s..e into a word.
		parts := make([]string, 0, e-s+1)
		for k := s; k <= e; k++ {
			parts = append(parts, ps[k].core)
			if k < e {
				drop = append(drop, ps[k].end)
			}
		}
		if v.mended != nil {
			v.mended(parts, strings.Join(parts, ""))
		}
		s = e
	}
	return drop
}

// sureJoins cuts pieces into words, where joined pieces must make a word
// known to joinedKnown, so that as few words as possible are unknown. It
// returns the spaces (by the index of the piece before them) that every
// best cut removes, in the words whose every best cut is the same.
func (v *vocabulary) sureJoins(ps []piece, joinedKnown func(string, []piece) bool) map[int]bool {
	n := len(ps)
	const bad = 1 << 30
	// costs[i][k] is the cost of pieces i..i+k-1 as one word: 0 when it is
	// known, 1 for one unknown piece, bad for a join that makes no known
	// word.
	costs := make([][maxTornPieces + 1]int, n)
	for i := range costs {
		for k := 1; k <= maxTornPieces; k++ {
			costs[i][k] = bad
			switch {
			case i+k > n:
			case k == 1 && v.known(ps[i].core):
				costs[i][k] = 0
			case k == 1:
				costs[i][k] = 1
			default:
				if w, ok := joinable(ps[i : i+k]); ok && joinedKnown(w, ps[i:i+k]) {
					costs[i][k] = 0
				}
			}
		}
	}
	// fwd[i] is the least cost of pieces 0..i-1, bwd[i] of pieces i..n-1.
	fwd := make([]int, n+1)
	bwd := make([]int, n+1)
	for i := 1; i <= n; i++ {
		fwd[i] = bad
		for k := 1; k <= maxTornPieces && k <= i; k++ {
			if c := costs[i-k][k]; c < bad && fwd[i-k]+c < fwd[i] {
				fwd[i] = fwd[i-k] + c
			}
		}
	}
	for i := n - 1; i >= 0; i-- {
		bwd[i] = bad
		for k := 1; k <= maxTornPieces && i+k <= n; k++ {
			if c := costs[i][k]; c < bad && c+bwd[i+k] < bwd[i] {
				bwd[i] = c + bwd[i+k]
			}
		}
	}
	best := fwd[n]
	// The space after piece s is joined in some best cut, kept in some.
	joined := make([]bool, n-1)
	kept := make([]bool, n-1)
	for s := 0; s < n-1; s++ {
		kept[s] = fwd[s+1]+bwd[s+1] == best
	}
	for i := 0; i < n; i++ {
		for k := 2; k <= maxTornPieces && i+k <= n; k++ {
			if c := costs[i][k]; c < bad && fwd[i]+c+bwd[i+k] == best {
				for s := i; s < i+k-1; s++ {
					joined[s] = true
				}
			}
		}
	}
	// A word is sure when no best cut keeps a space that another joins.
	sure := map[int]bool{}
	for s := 0; s < n-1; {
		if !joined[s] {
			s++
			continue
		}
		e := s
		ok := true
		for e < n-1 && joined[e] {
			ok = ok && !kept[e]
			e++
		}
		for k := s; ok && k < e; k++ {
			sure[k] = true
		}
		s = e
	}
	return sure
}

// joinable returns the word that pieces make when joined, and whether they
// may be: no punctuation between them, letters against letters or digits
// against digits, and no capital after a small letter.
func joinable(ps []piece) (string, bool) {
	var b strings.Builder
	for k, p := range ps {
		if p.core == "" {
			return "", false
		}
		if k > 0 {
			prev := []rune(ps[k-1].core)
			last := prev[len(prev)-1]
			first := []rune(p.core)[0]
			if ps[k-1].trail || p.lead {
				return "", false
			}
			if unicode.IsDigit(last) != unicode.IsDigit(first) {
				return "", false
			}
			if unicode.IsUpper(first) && !unicode.IsUpper(last) {
				return "", false
			}
		}
		b.WriteString(p.core)
	}
	return b.String(), true
}

// tightenPunctuation drops the soft spaces that English typography does
// not print: before , ; : . ) ] ” and after ( [ “ ‘ (not before an
// ellipsis "..."); before an apostrophe after a letter ("women ’s",
// "Da ’esh"); before a hyphen between a word and the word it is glued to
// ("Secretary -General"); around a hyphen between two words when the
// compound is a word v knows ("gender - based" when the document prints
// "gender-based"; "violence - as" stays, as does the space after the
// hyphen of "troop- and police-contributing"). v may be nil: no word is
// known.
func (v *vocabulary) tightenPunctuation(rs []styledRune) []styledRune {
	out := rs[:0]
	hyphen := -1 // the index in out of a hyphen whose space before was dropped
	for i, r := range rs {
		if r.soft && len(out) > 0 && i+1 < len(rs) {
			if hyphen == len(out)-1 && isWordRune(rs[i+1].c) {
				continue // the second space of "gender - based"
			}
			if v.dropSoftSpace(out, rs[i+1:]) {
				if isHyphen(rs[i+1].c) {
					hyphen = len(out)
				}
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// dropSoftSpace reports whether a soft space between the characters before
// it and those after it is not printed.
func (v *vocabulary) dropSoftSpace(before, after []styledRune) bool {
	prev, next := before[len(before)-1].c, after[0].c
	at := func(k int) styledRune {
		if k < len(after) {
			return after[k]
		}
		return styledRune{c: ' '}
	}
	switch {
	case strings.ContainsRune(",;:)]”", next):
		return true
	case next == '.':
		return at(1).c != '.'
	case strings.ContainsRune("([“‘", prev):
		return true
	case next == '’':
		return isWordRune(prev)
	case isHyphen(next) && (isWordRune(prev) || prev == ')'):
		if isWordRune(at(1).c) {
			return true // "Secretary -General"
		}
		if at(1).soft && isWordRune(at(2).c) && v != nil {
			// "gender - based": a compound the document or the
			// vocabulary knows.
			return v.lookup(wordBefore(before)+"-"+wordAfter(after[2:]), true)
		}
	}
	return false
}

// wordBefore returns the word at the end of rs: its letters, digits and
// hyphens.
func wordBefore(rs []styledRune) string {
	i := len(rs)
	for i > 0 && (isWordRune(rs[i-1].c) || isHyphen(rs[i-1].c)) && !rs[i-1].marker {
		i--
	}
	return runesString(rs[i:])
}

// wordAfter returns the word at the start of rs: its letters, digits and
// hyphens.
func wordAfter(rs []styledRune) string {
	i := 0
	for i < len(rs) && (isWordRune(rs[i].c) || isHyphen(rs[i].c)) && !rs[i].marker {
		i++
	}
	return runesString(rs[:i])
}

func runesString(rs []styledRune) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteRune(r.c)
	}
	return b.String()
}

// isHyphen reports a hyphen: the hyphen-minus, U+2010 or the no-break
// hyphen U+2011.
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }
