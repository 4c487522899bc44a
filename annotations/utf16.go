package annotations

import "unicode/utf8"

// UTF16ToCodePoints converts an offset in UTF-16 code units of text (what the
// DOM counts) to an offset in code points (what annotations count). An offset
// inside a surrogate pair rounds down to the code point it splits; an offset
// past the end gives the length of text in code points, a negative one 0.
func UTF16ToCodePoints(text string, u16 int) int {
	if u16 <= 0 {
		return 0
	}
	units, cps := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf { // ASCII fast path
			i++
			units++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if r >= 0x10000 {
				if units+2 > u16 {
					return cps
				}
				units += 2
			} else {
				units++
			}
		}
		cps++
		if units >= u16 {
			return cps
		}
	}
	return cps
}

// CodePointsToUTF16 converts an offset in code points of text to an offset
// in UTF-16 code units. An offset past the end gives the length of text in
// UTF-16 units, a negative one 0.
func CodePointsToUTF16(text string, cp int) int {
	units := 0
	for i := 0; i < len(text) && cp > 0; cp-- {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			units++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	return units
}
