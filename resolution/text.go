package resolution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// superscriptDigit returns the value of a superscript digit (⁰ ¹ ² ³ ⁴ … ⁹)
// and whether r is one.
func superscriptDigit(r rune) (int, bool) {
	switch r {
	case '⁰':
		return 0, true
	case '¹':
		return 1, true
	case '²':
		return 2, true
	case '³':
		return 3, true
	case '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return int(r-'⁴') + 4, true
	}
	return 0, false
}

// isSuperscriptDigit reports whether r is a superscript digit.
func isSuperscriptDigit(r rune) bool {
	_, ok := superscriptDigit(r)
	return ok
}

// maxMarkerDigits is the most superscript digits read as one footnote
// number; a longer run is read as several markers at the same offset.
const maxMarkerDigits = 4

// plain turns the raw text of a clause (markdown markers, footnote markers,
// line breaks) into its plain text and the footnote markers found in it:
// every '*' is removed, every run of superscript digits becomes FootnoteRefs
// at the code point offset where it stood, every run of white space becomes
// one space, and the result is trimmed.
func plain(raw string) (string, []FootnoteRef) {
	var b strings.Builder
	b.Grow(len(raw))
	var refs []FootnoteRef
	n := 0 // code points written
	pendingSpace := false
	digits := 0
	number := 0
	flush := func() {
		if digits > 0 {
			refs = append(refs, FootnoteRef{Number: number, At: n})
			digits, number = 0, 0
		}
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf && c != '*' && c != ' ' && (c < '\t' || c > '\r') && digits == 0 {
			// Fast path: plain ASCII.
			if pendingSpace {
				b.WriteByte(' ')
				n++
				pendingSpace = false
			}
			b.WriteByte(c)
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		i += size
		if d, ok := superscriptDigit(r); ok {
			if digits == maxMarkerDigits {
				flush()
			}
			number = number*10 + d
			digits++
			continue
		}
		flush()
		switch {
		case r == '*':
			continue
		case unicode.IsSpace(r):
			pendingSpace = n > 0
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			n++
			pendingSpace = false
		}
		b.WriteRune(r)
		n++
	}
	flush()
	return b.String(), refs
}

// collapsed reports whether collapse(s) is s: no asterisk, no white space
// but single spaces between other characters.
func collapsed(s string) bool {
	space := true // at the start, a space is one too many
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '*' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
				return false
			case c == ' ':
				if space {
					return false
				}
				space = true
			default:
				space = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || r == utf8.RuneError && size == 1 {
			return false // collapse writes an invalid byte as U+FFFD
		}
		space = false
	}
	return !space || s == ""
}

// collapse removes '*' markers, collapses white space runs to one space and
// trims. It keeps superscript digits (used for metadata, not clause text).
func collapse(s string) string {
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && c != '*' && c != ' ' && (c < '\t' || c > '\r') {
			if pendingSpace {
				b.WriteByte(' ')
				pendingSpace = false
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '*':
			continue
		case unicode.IsSpace(r):
			pendingSpace = b.Len() > 0
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasText reports whether s holds a letter, a digit or a superscript digit:
// something that must not be lost.
func hasText(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return true
		}
	}
	return false
}

// runeLen is the length of s in code points.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// sanitize makes data valid UTF-8 text: invalid bytes and NUL bytes become
// U+FFFD, line ends become "\n", a leading byte order mark is dropped. It
// reports the first problem as a *ParseError.
func sanitize(data []byte) (string, *ParseError) {
	var perr *ParseError
	line := 1
	var b strings.Builder
	b.Grow(len(data))
	i := 0
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		i = 3
	}
	for i < len(data) {
		c := data[i]
		if c < utf8.RuneSelf {
			switch c {
			case 0:
				if perr == nil {
					perr = &ParseError{Line: line, Msg: "NUL byte"}
				}
				b.WriteRune(utf8.RuneError)
			case '\r':
				b.WriteByte('\n')
				line++
				if i+1 < len(data) && data[i+1] == '\n' {
					i++
				}
			case '\n':
				b.WriteByte('\n')
				line++
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if perr == nil {
				perr = &ParseError{Line: line, Msg: "invalid UTF-8"}
			}
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		b.Write(data[i : i+size])
		i += size
	}
	return b.String(), perr
}

// Preview shortens text to at most n code points, cutting at a word, and
// ends it with "…" when it cut.
func Preview(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
