package extract

import (
	"strings"
	"unicode"
)

// styledRune is one character of a paragraph with its style.
type styledRune struct {
	c      rune
	style  style
	marker bool
	// soft says a space stood inside the string of one pdf.js item, where
	// pdf.js writes one for a gap it sees between two glyphs, inside words
	// too (see pdf_words.go); a space between items is never soft.
	soft bool
}

// renderLines writes the lines of a paragraph as one line of text: lines
// joined by a space (without one after a hyphen that breaks a compound
// word at the line's end: "capacity-" "building"), footnote markers as
// superscript digits right after the text before them, italic runs as
// *…* and bold runs as **…** around whole words, white space collapsed,
// and the words torn by soft spaces mended with what v knows (see
// pdf_words.go).
func renderLines(lines [][]run, v *vocabulary) string {
	return renderParagraph(paragraphRunes(lines), v)
}

// paragraphRunes returns the characters of the lines of a paragraph, lines
// joined, footnote markers as superscript digits, white space collapsed,
// the spaces inside an item's string (and narrow space items) marked soft.
func paragraphRunes(lines [][]run) []styledRune {
	var rs []styledRune
	for i, line := range lines {
		if n := len(rs); i > 0 && n >= 3 && rs[n-1].c == '-' && rs[n-2].soft && unicode.IsLetter(rs[n-3].c) {
			// "gender -" at a line's end, a soft space before the hyphen:
			// the line break is a soft space too, for the compound
			// "gender - based" (see pdf_words.go).
			rs = append(rs, styledRune{c: ' ', soft: true})
		} else if i > 0 && !hyphenBreak(rs, line) {
			rs = append(rs, styledRune{c: ' '})
		}
		for _, r := range line {
			if r.marker {
				// A marker follows the text before it, without a space.
				for len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1].c) {
					rs = rs[:len(rs)-1]
				}
				for _, c := range superscriptString(r.text) {
					rs = append(rs, styledRune{c: c, marker: true})
				}
				continue
			}
			// The spaces between the first and the last character that is
			// not one are inside the item's string.
			first := strings.IndexFunc(r.text, func(c rune) bool { return !unicode.IsSpace(c) })
			last := strings.LastIndexFunc(r.text, func(c rune) bool { return !unicode.IsSpace(c) })
			for k, c := range r.text {
				if unicode.IsSpace(c) {
					rs = append(rs, styledRune{c: ' ', style: r.style, soft: r.soft || first >= 0 && k > first && k < last})
					continue
				}
				rs = append(rs, styledRune{c: c, style: r.style})
			}
		}
	}
	return collapseSpaces(rs)
}

// renderParagraph writes a paragraph's characters in the contract's
// markdown, after dropping the soft spaces that are not printed.
func renderParagraph(rs []styledRune, v *vocabulary) string {
	if v != nil {
		rs = v.mendWords(rs)
	}
	rs = v.tightenPunctuation(rs)
	wholeWords(rs)
	spacesBetween(rs)
	return writeMarkdown(rs)
}

// hyphenBreak reports whether the text so far ends with a letter and a
// hyphen and the next line starts with a letter: a compound broken at the
// line's end, joined without a space.
func hyphenBreak(rs []styledRune, next []run) bool {
	n := len(rs)
	if n < 2 || rs[n-1].c != '-' || !unicode.IsLetter(rs[n-2].c) {
		return false
	}
	for _, r := range next {
		for _, c := range r.text {
			return unicode.IsLetter(c)
		}
	}
	return false
}

// collapseSpaces makes every run of spaces one space, soft when all of
// them are, and trims both ends.
func collapseSpaces(rs []styledRune) []styledRune {
	out := rs[:0]
	for _, r := range rs {
		if r.c == ' ' && len(out) == 0 {
			continue
		}
		if r.c == ' ' && out[len(out)-1].c == ' ' {
			out[len(out)-1].soft = out[len(out)-1].soft && r.soft
			continue
		}
		out = append(out, r)
	}
	for len(out) > 0 && out[len(out)-1].c == ' ' {
		out = out[:len(out)-1]
	}
	return out
}

// wholeWords gives each word one style, the style of most of its letters,
// so that markers never fall inside a word. An apostrophe or a hyphen
// between letters is part of the word ("UNMISS’s", "gender-based").
func wholeWords(rs []styledRune) {
	inWord := func(i int) bool {
		c := rs[i].c
		if rs[i].marker {
			return false
		}
		if isWordRune(c) {
			return true
		}
		if c == '’' || c == '\'' || c == '-' || c == '‐' {
			return i > 0 && i+1 < len(rs) && isWordRune(rs[i-1].c) && isWordRune(rs[i+1].c) && !rs[i-1].marker && !rs[i+1].marker
		}
		return false
	}
	for i := 0; i < len(rs); {
		if !inWord(i) {
			i++
			continue
		}
		j := i
		var count [4]int // by style
		mixed := false
		for j < len(rs) && inWord(j) {
			count[rs[j].style&3]++
			mixed = mixed || rs[j].style != rs[i].style
			j++
		}
		if mixed {
			best := 0
			for st := range count {
				if count[st] > count[best] {
					best = st
				}
			}
			for k := i; k < j; k++ {
				rs[k].style = style(best)
			}
		}
		i = j
	}
}

// spacesBetween gives a space the style of the text on both sides of it
// when it is the same, and no style otherwise, so that a marker opens
// before a word and closes after one, never on a space.
func spacesBetween(rs []styledRune) {
	for i := range rs {
		if rs[i].c != ' ' {
			continue
		}
		var before, after style
		if i > 0 && !rs[i-1].marker {
			before = rs[i-1].style
		}
		if i+1 < len(rs) && !rs[i+1].marker {
			after = rs[i+1].style
		}
		rs[i].style = 0
		if before == after {
			rs[i].style = before
		}
	}
}

// markdown returns the marker of a style.
func markdown(st style) string {
	switch st {
	case italic:
		return "*"
	case bold:
		return "**"
	case italic | bold:
		return "***"
	}
	return ""
}

// writeMarkdown writes the characters with the markers of their styles.
func writeMarkdown(rs []styledRune) string {
	var b strings.Builder
	cur := style(0)
	for _, r := range rs {
		st := r.style
		if r.marker {
			st = 0
		}
		if st != cur {
			b.WriteString(markdown(cur))
			b.WriteString(markdown(st))
			cur = st
		}
		b.WriteRune(r.c)
	}
	b.WriteString(markdown(cur))
	return b.String()
}
