package extract

import (
	"strconv"
	"strings"
	"unicode"
)

// style is the formatting of a piece of text: italic, bold, both or none.
type style uint8

const (
	italic style = 1 << iota
	bold
)

// glyph is one code point of a block being built, with its formatting.
// A neutral glyph (white space, a footnote marker) takes the formatting of
// its neighbours when both have the same, and none otherwise, so that
// markers go around whole phrases and never around white space alone.
type glyph struct {
	r       rune
	style   style
	neutral bool
}

// inline builds the text of one block (a paragraph) from pieces of text
// with their formatting, and writes it in the contract's light markdown:
// *italic*, **bold**, white space collapsed, markers around whole words.
type inline struct {
	g []glyph
}

// text adds s in style st. White space in s is neutral.
func (b *inline) text(s string, st style) {
	for _, r := range s {
		if isSpace(r) {
			b.space()
			continue
		}
		if invisible(r) {
			continue
		}
		b.g = append(b.g, glyph{r: r, style: st})
	}
}

// space adds one space (runs of white space collapse to one).
func (b *inline) space() {
	if n := len(b.g); n > 0 && b.g[n-1].r == ' ' {
		return
	}
	b.g = append(b.g, glyph{r: ' ', neutral: true})
}

// marker adds text that takes no formatting of its own: a footnote marker.
func (b *inline) marker(s string) {
	for _, r := range s {
		b.g = append(b.g, glyph{r: r, neutral: true})
	}
}

// empty reports whether the block has no text but white space.
func (b *inline) empty() bool {
	for _, g := range b.g {
		if g.r != ' ' {
			return false
		}
	}
	return true
}

// isSpace reports white space: unicode.IsSpace (tabs, line breaks, the
// no-break space U+00A0) and the other Unicode spaces (U+2000–U+200A, the
// narrow no-break space U+202F, U+205F, U+3000), which the parser reads as
// spaces. Zero-width spaces are not white space: they are dropped.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
}

// invisible reports a character that prints nothing and is dropped: the
// soft hyphen, zero-width spaces and joiners, byte order marks, and
// control characters.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsControl(r)
}

// isWordRune reports a letter, digit or combining mark: the glyphs of a
// word, which formatting markers never split.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// String returns the block: trimmed, white space collapsed, with markers.
func (b *inline) String() string {
	g := b.g
	for len(g) > 0 && g[0].r == ' ' {
		g = g[1:]
	}
	for len(g) > 0 && g[len(g)-1].r == ' ' {
		g = g[:len(g)-1]
	}
	if len(g) == 0 {
		return ""
	}
	// A word is formatted as a whole: the union of its glyphs' styles.
	for i := 0; i < len(g); {
		if g[i].neutral || !isWordRune(g[i].r) {
			i++
			continue
		}
		j := i
		var st style
		for j < len(g) && !g[j].neutral && isWordRune(g[j].r) {
			st |= g[j].style
			j++
		}
		for k := i; k < j; k++ {
			g[k].style = st
		}
		i = j
	}
	// Neutral glyphs take the style shared by their neighbours.
	for i := 0; i < len(g); {
		if !g[i].neutral {
			i++
			continue
		}
		j := i
		for j < len(g) && g[j].neutral {
			j++
		}
		var st style
		if i > 0 && j < len(g) && g[i-1].style == g[j].style {
			st = g[i-1].style
		}
		for k := i; k < j; k++ {
			g[k].style = st
		}
		i = j
	}
	var s strings.Builder
	var cur style
	for _, x := range g {
		if x.style != cur {
			closeStyle(&s, cur)
			openStyle(&s, x.style)
			cur = x.style
		}
		s.WriteRune(x.r)
	}
	closeStyle(&s, cur)
	return s.String()
}

func openStyle(s *strings.Builder, st style) {
	if st&bold != 0 {
		s.WriteString("**")
	}
	if st&italic != 0 {
		s.WriteString("*")
	}
}

func closeStyle(s *strings.Builder, st style) {
	if st&italic != 0 {
		s.WriteString("*")
	}
	if st&bold != 0 {
		s.WriteString("**")
	}
}

// superscriptDigits maps '0'…'9' to '⁰'…'⁹'.
var superscriptDigits = [10]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'}

// superscript writes the decimal number n in superscript digits: 12 → "¹²".
func superscript(n int) string {
	return superscriptString(strconv.Itoa(n))
}

// superscriptString writes the ASCII digits of s as superscript digits and
// leaves other characters as they are.
func superscriptString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(superscriptDigits[r-'0'])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
