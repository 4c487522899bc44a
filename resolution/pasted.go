package resolution

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Footnotes of a pasted PDF text: the page foot holds a rule
// ("__________________") and the footnotes, each starting with its number
// in plain digits; the marker in the text is a plain number too
// ("activities, 1 at a time", "conflict,1"). zoneUnit reads the footnotes
// and turns each marker back into superscript digits, so that the clause's
// Text and FootnoteRefs come out as for a text with superscript markers.

// zoneUnit records the footnotes of a page foot and finds their markers in
// the paragraphs read since the previous page foot.
func (p *parser) zoneUnit(u *unit) {
	for _, f := range u.zone {
		n := f.number
		if n == 0 {
			n = p.lastZoneNote
			if n == 0 {
				continue
			}
		} else {
			if p.footnotes[n] != nil {
				p.note("footnote-dup", "Footnote "+strconv.Itoa(n)+" appears twice (line "+strconv.Itoa(f.line)+"); its texts are joined.")
			} else {
				p.footnotes[n] = &Footnote{Number: n, Clauses: []string{}}
			}
			p.markPastedMarker(n)
			p.lastZoneNote = n
		}
		p.fnParts[n] = append(p.fnParts[n], f.parts...)
	}
	p.zoneFrom = len(p.drafts)
	if p.zoneFrom > 0 {
		p.zoneFrom-- // the last paragraph may go on after the page foot
	}
}

// markPastedMarker finds the marker of footnote n, the last one in the
// paragraphs read since the previous page foot, and writes it as
// superscript digits.
func (p *parser) markPastedMarker(n int) {
	num := strconv.Itoa(n)
	for di := len(p.drafts) - 1; di >= p.zoneFrom && di >= 0; di-- {
		dr := p.drafts[di]
		for pi := len(dr.pieces) - 1; pi >= 0; pi-- {
			pc := dr.pieces[pi]
			for li := len(pc.parts) - 1; li >= 0; li-- {
				if at := lastMarker(pc.parts[li], num); at >= 0 {
					s := pc.parts[li]
					pc.parts[li] = s[:at] + superscript(num) + s[at+len(num):]
					return
				}
			}
		}
	}
}

// lastMarker returns the byte offset of the last footnote marker num in s,
// or -1. A marker is the number standing alone (no digit, "/", "." or "-"
// around it) right after a letter or a closing punctuation mark
// ("activities,1", "Declaration1"), or after a closing punctuation mark and
// one space when a lowercase word or the end of the line follows
// ("activities, 1 at a time", "conflict, 1") and the word before the mark
// is not a number ("paragraphs 11, 12" is a list).
func lastMarker(s, num string) int {
	for end := len(s); end > 0; {
		i := strings.LastIndex(s[:end], num)
		if i < 0 {
			return -1
		}
		end = i
		j := i + len(num)
		if j < len(s) && (isASCIIDigit(s[j]) || s[j] == '/' || s[j] == '-' ||
			(s[j] == '.' && j+1 < len(s) && isASCIIDigit(s[j+1]))) {
			continue
		}
		if i == 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(before) || isClosingMark(before) {
			if unicode.IsLetter(before) && j < len(s) && !isSpaceByte(s[j]) && !strings.ContainsRune(",.;:", rune(s[j])) {
				continue
			}
			return i
		}
		if before != ' ' || i < 2 {
			continue
		}
		mark, _ := utf8.DecodeLastRuneInString(s[:i-1])
		if !isClosingMark(mark) {
			continue
		}
		rest := strings.TrimLeft(s[j:], " \t")
		if rest != "" {
			r, _ := utf8.DecodeRuneInString(rest)
			if !unicode.IsLower(r) || j == len(s) || !isSpaceByte(s[j]) {
				continue
			}
		}
		word := s[:i-1]
		word = word[strings.LastIndexAny(word, " \t")+1:]
		if strings.ContainsAny(word, "0123456789") {
			continue
		}
		return i
	}
	return -1
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// isClosingMark reports whether r ends a phrase before a footnote marker.
func isClosingMark(r rune) bool {
	return strings.ContainsRune(",.;:)”’\"", r)
}

// superscript writes ASCII digits as superscript digits.
func superscript(num string) string {
	var b strings.Builder
	for i := 0; i < len(num); i++ {
		b.WriteRune([]rune("⁰¹²³⁴⁵⁶⁷⁸⁹")[num[i]-'0'])
	}
	return b.String()
}
