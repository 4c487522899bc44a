package library

//go:generate go run gen_fold.go

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold returns s as searches compare it: lowercase, Latin letters without
// their accents ("Décide" → "decide", "Côte d'Ivoire" → "cote d'ivoire"),
// ligatures and letters like ß spelled out ("Straße" → "strasse"),
// combining marks dropped, and every run of white space one space, with
// none at either end. Other scripts are only lowercased. Two strings that
// a reader takes for the same word fold to the same string; Fold(q) in
// Fold(text) is the library's "contains, ignoring case and accents".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next character
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				space = b.Len() > 0
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Mn, r):
			continue // a combining mark: the accent of the letter before
		}
		f := foldRune(r)
		if f == "" {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(f)
	}
	return b.String()
}

// foldRune folds one rune that is not ASCII.
func foldRune(r rune) string {
	switch {
	case 0xC0 <= r && r < 0x250:
		if f := foldLatin[r-0xC0]; f != "" {
			return f
		}
	case 0x1E00 <= r && r < 0x1F00:
		if f := foldLatinExtended[r-0x1E00]; f != "" {
			return f
		}
	case r == '\u2019' || r == '\u2018' || r == '\u02BC':
		return "'" // typographic apostrophes: "d’Ivoire" is "d'Ivoire"
	case r == '\u00A0':
		return " "
	}
	return string(unicode.ToLower(r))
}
