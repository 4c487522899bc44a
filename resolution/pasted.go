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
// superscript digits: a marker by its punctuation first (lastMarker),
// else a number standing alone between words (looseMarker).
func (p *parser) markPastedMarker(n int) {
	num := strconv.Itoa(n)
	for _, find := range []func(string, string) int{lastMarker, looseMarker} {
		for di := len(p.drafts) - 1; di >= p.zoneFrom && di >= 0; di-- {
			dr := p.drafts[di]
			for pi := len(dr.pieces) - 1; pi >= 0; pi-- {
				pc := dr.pieces[pi]
				for li := len(pc.parts) - 1; li >= 0; li-- {
					if at := find(pc.parts[li], num); at >= 0 {
						s := pc.parts[li]
						pc.parts[li] = s[:at] + superscript(num) + s[at+len(num):]
						return
					}
				}
			}
		}
	}
}

// markGluedMarkers writes as superscript the markers of footnotes already
// read that stand further on with the punctuation of a marker
// ("UNISPACE+50,1", "the Court, 1 and calls upon"): a footnote referenced
// a second time, on a page with no footnote of its own.
func (p *parser) markGluedMarkers() {
	if p.zoneMax == 0 {
		return
	}
	for _, dr := range p.drafts {
		for _, pc := range dr.pieces {
			for li := range pc.parts {
				pc.parts[li] = knownMarkers(pc.parts[li], p.footnotes)
			}
		}
	}
}

// knownMarkers writes as superscript every run of digits in s that is the
// number of a known footnote and stands as a marker (markerAt). It reads s
// once.
func knownMarkers(s string, known map[int]*Footnote) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		if j-i <= 3 && (i == 0 || !isASCIIDigit(s[i-1])) {
			n, _ := strconv.Atoi(s[i:j])
			if known[n] != nil && markerAt(s, i, s[i:j]) {
				b.WriteString(s[last:i])
				b.WriteString(superscript(s[i:j]))
				last = j
			}
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// referenceWords are the words a number after them belongs to
// ("paragraph 4", "resolution 1", "Goal 2"): such a number is no marker.
var referenceWords = map[string]bool{
	"paragraph": true, "paragraphs": true, "resolution": true, "resolutions": true,
	"article": true, "articles": true, "chapter": true, "annex": true, "section": true,
	"part": true, "goal": true, "goals": true, "target": true, "item": true,
	"items": true, "page": true, "pages": true, "rule": true, "rules": true,
	"principle": true, "phase": true, "level": true, "decision": true, "table": true,
	"figure": true, "vol": true, "no": true, "protocol": true, "step": true,
	"option": true, "category": true, "tier": true, "and": true, "or": true,
	"to": true, "of": true, "in": true, "the": true, "than": true, "by": true,
	"from": true, "for": true, "on": true, "at": true, "with": true, "under": true,
}

// looseMarker returns the byte offset of the last number num in s that
// stands alone between words as a footnote marker printed as plain digits
// does ("the Paris Agreement 4 requires", "2015–2030 3 and"): after a word
// that is not one a number belongs to (referenceWords) or after a year,
// and before a lowercase word or the end of the line; -1 if none.
func looseMarker(s, num string) int {
	for end := len(s); end > 0; {
		i := strings.LastIndex(s[:end], num)
		if i < 0 {
			return -1
		}
		end = i
		j := i + len(num)
		if i < 2 || s[i-1] != ' ' || (j < len(s) && s[j] != ' ') {
			continue
		}
		if rest := strings.TrimLeft(s[j:], " "); rest != "" {
			r, _ := utf8.DecodeRuneInString(rest)
			if !unicode.IsLower(r) {
				continue
			}
		}
		word := strings.TrimRight(s[:i-1], " ")
		word = word[strings.LastIndexAny(word, " \t")+1:]
		last, _ := utf8.DecodeLastRuneInString(word)
		switch {
		case unicode.IsLetter(last):
			if referenceWords[strings.ToLower(strings.TrimRight(word, "."))] || !startsUpper(word) {
				continue
			}
		case isYear(word):
		default:
			continue
		}
		return i
	}
	return -1
}

// isYear reports whether w ends with a year: "2030", "2015–2030".
func isYear(w string) bool {
	if len(w) < 4 {
		return false
	}
	y := w[len(w)-4:]
	return isDigits(y) && (y[:2] == "19" || y[:2] == "20") && (len(w) == 4 || !isASCIIDigit(w[len(w)-5]))
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
		if markerAt(s, i, num) {
			return i
		}
		end = i
	}
	return -1
}

// markerAt reports whether num at byte offset i of s is a footnote marker
// by its punctuation (see lastMarker).
func markerAt(s string, i int, num string) bool {
	j := i + len(num)
	if i == 0 || (j < len(s) && (isASCIIDigit(s[j]) || s[j] == '/' || s[j] == '-' ||
		(s[j] == '.' && j+1 < len(s) && isASCIIDigit(s[j+1])))) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	if unicode.IsLetter(before) || isClosingMark(before) {
		return !unicode.IsLetter(before) || j == len(s) || isSpaceByte(s[j]) || strings.ContainsRune(",.;:", rune(s[j]))
	}
	if before != ' ' || i < 2 {
		return false
	}
	mark, _ := utf8.DecodeLastRuneInString(s[:i-1])
	if !isClosingMark(mark) {
		return false
	}
	if rest := strings.TrimLeft(s[j:], " \t"); rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsLower(r) || !isSpaceByte(s[j]) {
			return false
		}
	}
	word := strings.TrimRightFunc(s[:i-1], isClosingMark)
	word = word[strings.LastIndexAny(word, " \t")+1:]
	// A list of numbers is no marker: "paragraphs 11, 12", "2140 (2014), 2".
	return strings.Trim(word, "0123456789()") != ""
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
