package extract

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// PlainText returns plain or pasted text in the format of
// resolution.Parse: a byte order mark dropped (UTF-16 with a byte order
// mark is decoded), line ends CRLF and CR made LF, a form feed (a page
// break) made a blank line, a vertical tab (a line break pasted from Word)
// made a line end, and no-break spaces (U+00A0, U+2007, U+202F) made
// spaces, which the parser reads them as anyway. Everything else is kept
// as it is, markdown markers included.
//
// Text that is not UTF-8 (or UTF-16 with a byte order mark), or that holds
// NUL bytes or other control characters of binary data, is refused with
// ErrNotText and the line of the first problem; text of only white space
// with ErrEmpty.
func PlainText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", newError(ErrEmpty, "the file is empty (0 bytes): open the file that holds the resolution's text")
	}
	s, ok, err := decodeBOM(data)
	if err != nil {
		return "", err
	}
	if !ok {
		s = string(data)
	}
	var b strings.Builder
	b.Grow(len(s))
	line := 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "", &Error{Err: ErrNotText, Line: line, Msg: "this is not UTF-8 text (invalid UTF-8): save the file as UTF-8 (Unicode) text and open it again, or open the resolution as .docx, PDF or web page"}
		}
		i += size
		switch r {
		case '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
			line++
		case '\n', '\v':
			b.WriteByte('\n')
			line++
		case '\f':
			b.WriteString("\n\n")
		case '\t':
			b.WriteByte('\t')
		case '\u00a0', '\u2007', '\u202f':
			b.WriteByte(' ')
		default:
			if r < 0x20 {
				return "", &Error{Err: ErrNotText, Line: line, Msg: "this file is not text (it holds binary data, such as NUL bytes): open the resolution as .docx, PDF, web page or UTF-8 text"}
			}
			b.WriteRune(r)
		}
	}
	out := b.String()
	if strings.TrimSpace(out) == "" {
		return "", newError(ErrEmpty, "the file holds no text, only white space: open the file that holds the resolution's text")
	}
	return out, nil
}

// decodeBOM decodes text that opens with a byte order mark: UTF-8 (the
// mark is dropped), UTF-16 little- or big-endian. ok is false when there
// is no byte order mark.
func decodeBOM(data []byte) (s string, ok bool, err error) {
	switch {
	case len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		return string(data[3:]), true, nil
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		s, err := decodeUTF16(data[2:], data[0] == 0xFE)
		return s, true, err
	}
	return "", false, nil
}

// decodeUTF16 decodes UTF-16 text; an odd length or an unpaired surrogate
// is ErrNotText.
func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", newError(ErrNotText, "this UTF-16 text is cut short (an odd number of bytes): save the file again as UTF-8 text")
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	var sb strings.Builder
	sb.Grow(len(u))
	line := 1
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		switch {
		case utf16.IsSurrogate(r):
			if i+1 < len(u) {
				if d := utf16.DecodeRune(r, rune(u[i+1])); d != utf8.RuneError {
					sb.WriteRune(d)
					i++
					continue
				}
			}
			return "", &Error{Err: ErrNotText, Line: line, Msg: "this UTF-16 text is damaged (an unpaired surrogate): save the file again as UTF-8 text"}
		case r == '\n':
			line++
		}
		sb.WriteRune(r)
	}
	return sb.String(), nil
}

// windows1252 maps the bytes 0x80–0x9F of windows-1252 to Unicode (the
// other bytes are their own code points, as in ISO-8859-1); undefined
// bytes map to themselves, as browsers do.
var windows1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

// decodeWindows1252 decodes windows-1252 text.
func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(windows1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
