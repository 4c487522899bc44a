package resolution

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bodyState is the part of the resolution the parser is in.
type bodyState int

const (
	inPreamble  bodyState = iota
	inOperative           // after the first numbered paragraph
	inClosing             // after the meeting line or the vote record
)

// voteState says whether a vote record is being read.
type voteState int

const (
	voteNone      voteState = iota
	voteBracketed           // "[Adopted …", until "]"
	voteBare                // "Adopted …" without brackets, while lists follow
	voteDone
)

var (
	numberedRe = regexp.MustCompile(`^[ \t]*\**[ \t]*(\d{1,4})\.(?:[ \t]+|$)`)
	subRe      = regexp.MustCompile(`^[ \t]*\**[ \t]*\(([a-z]{1,3}|[ivxlcdm]{1,7})\)(?:[ \t]+|$)`)
	meetingRe  = regexp.MustCompile(`^(\d{1,4}(?:st|nd|rd|th) (?:[\p{L}\-]+ ){0,2}[Mm]eeting)(?:,? (\d{1,2} \p{L}+ \d{4}))?$`)
	dateRe     = regexp.MustCompile(`^\d{1,2} \p{L}+ \d{4}$`)
	voteOpenRe = regexp.MustCompile(`^\[\s*(?:Adopted\b|The voting was|In favour\s*:)`)
	voteBareRe = regexp.MustCompile(`^Adopted (?:by|without|at)\b`)
	voteListRe = regexp.MustCompile(`^(?:In favour|Against|Abstaining|Abstentions?)\s*:`)
	andOrEndRe = regexp.MustCompile(`[;,] (?:and|or)$`)
)

// unitKind is what a unit of the body is.
type unitKind int

const (
	unitText     unitKind = iota // a paragraph or a part of one
	unitNumbered                 // "12. *Considers* …"
	unitSub                      // "(a) …"
)

// unit is a paragraph start found in the body: a block, or a line inside a
// block that starts a numbered paragraph, a sub-paragraph, a footnote.
type unit struct {
	kind  unitKind
	label string   // the printed number or letter
	parts []string // the lines, the number or letter removed
	full  []string // the lines as printed
	line  int
}

func (u *unit) text() string { return strings.Join(u.parts, "\n") }
func (u *unit) fullText() string {
	return strings.Join(u.full, "\n")
}

// draft is a clause being read: its pieces are the chapeau and the
// sub-paragraphs found on lines of their own.
type draft struct {
	kind   Kind
	number string // the printed operative number
	line   int
	pieces []*piece
}

// piece is the text of a clause or of one sub-paragraph.
type piece struct {
	label string // "" for the clause's own text
	parts []string
	line  int
}

func (d *draft) last() *piece { return d.pieces[len(d.pieces)-1] }

// parseBody reads everything after the enacting formula.
func (p *parser) parseBody(blocks []block, en enacting) {
	first := blocks[en.block].lines[en.line:]
	rest := strings.TrimLeft(first[0].text[en.end:], "*")
	lines := append([]line{{text: rest, num: first[0].num}}, first[1:]...)
	if !hasText(rest) {
		lines = lines[1:]
	}
	if len(lines) > 0 {
		p.bodyBlock(lines)
	}
	for _, b := range blocks[en.block+1:] {
		p.bodyBlock(b.lines)
	}
	p.closeVote()
	if p.state == inPreamble && p.ppN == 0 {
		p.note("structure", "No preambular or operative paragraphs were found after the enacting formula.")
	} else if p.state == inPreamble {
		p.note("structure", "No numbered operative paragraphs were found.")
	}
	p.buildClauses()
	if p.afterPlainN > 0 {
		p.note("after", fmt.Sprintf("%d paragraphs after the adoption were kept as plain paragraphs.", p.afterPlainN))
	}
}

// bodyBlock cuts a block into units and reads them.
func (p *parser) bodyBlock(lines []line) {
	var cur *unit
	flush := func() {
		if cur != nil {
			p.bodyUnit(cur)
			cur = nil
		}
	}
	for i, l := range lines {
		t := l.text
		if isFootnoteLine(t) {
			flush()
			p.footnoteBlock(lines[i:])
			return
		}
		if m := numberedRe.FindStringSubmatchIndex(t); m != nil && p.plausibleNumber(t[m[2]:m[3]], cur) {
			flush()
			cur = &unit{kind: unitNumbered, label: t[m[2]:m[3]], parts: []string{t[m[1]:]}, full: []string{t}, line: l.num}
			continue
		}
		if m := subRe.FindStringSubmatchIndex(t); m != nil {
			flush()
			cur = &unit{kind: unitSub, label: t[m[2]:m[3]], parts: []string{t[m[1]:]}, full: []string{t}, line: l.num}
			continue
		}
		if cur != nil && closed(lines[i-1].text) && startsWithPreambularOpening(strings.TrimLeft(t, " \t*")) {
			flush()
		}
		if cur == nil {
			cur = &unit{kind: unitText, parts: []string{t}, full: []string{t}, line: l.num}
			continue
		}
		cur.parts = append(cur.parts, t)
		cur.full = append(cur.full, t)
	}
	flush()
}

// plausibleNumber says whether a paragraph number at the start of a line
// is one: up to three digits always; four (a very long resolution) only
// when it follows the last operative paragraph, so that a line starting
// with a year ("2023.") is not taken for paragraph 2023.
func (p *parser) plausibleNumber(label string, cur *unit) bool {
	if len(label) <= 3 {
		return true
	}
	last := ""
	switch {
	case cur != nil && cur.kind == unitNumbered:
		last = cur.label
	case p.top != nil && p.top.kind == Operative:
		last = p.top.number
	}
	n, err1 := strconv.Atoi(label)
	prev, err2 := strconv.Atoi(last)
	return err1 == nil && err2 == nil && n == prev+1
}

// bodyUnit reads one unit in the current state.
func (p *parser) bodyUnit(u *unit) {
	if p.voteState == voteBracketed || p.voteState == voteBare {
		if p.voteUnit(u) {
			return
		}
	}
	afterMeet := p.afterMeet
	p.afterMeet = false
	if u.kind == unitText {
		c := collapse(u.text())
		if m := meetingRe.FindStringSubmatch(c); m != nil && p.doc.Adoption.Meeting == "" {
			p.doc.Adoption.Meeting = m[1]
			p.doc.Adoption.Date = m[2]
			p.enterClosing()
			p.afterMeet = m[2] == ""
			return
		}
		if afterMeet && dateRe.MatchString(c) && monthRe.MatchString(c) {
			p.doc.Adoption.Date = c
			return
		}
		if p.voteState == voteNone {
			if voteOpenRe.MatchString(c) {
				p.enterClosing()
				p.voteState = voteBracketed
				p.voteLine = u.line
				p.voteUnit(u)
				return
			}
			if p.state != inPreamble && voteBareRe.MatchString(c) {
				p.enterClosing()
				p.voteState = voteBare
				p.voteLine = u.line
				p.vote = append(p.vote, u.text())
				return
			}
		}
	}
	switch u.kind {
	case unitNumbered:
		if p.state == inClosing {
			p.newPlain(u.full, u.line)
			return
		}
		p.state = inOperative
		p.top = &draft{kind: Operative, number: u.label, line: u.line,
			pieces: []*piece{{parts: u.parts, line: u.line}}}
		p.drafts = append(p.drafts, p.top)
	case unitSub:
		if p.top == nil {
			p.newTop(u.full, u.line)
			return
		}
		p.top.pieces = append(p.top.pieces, &piece{label: u.label, parts: u.parts, line: u.line})
	default:
		if p.top != nil && joins(p.top.last().parts, u.text(), p.state != inClosing) {
			last := p.top.last()
			last.parts = append(last.parts, u.parts...)
			return
		}
		if p.state == inOperative {
			p.note("unnumbered", fmt.Sprintf("Line %d: an unnumbered paragraph among the operative paragraphs was kept as a plain paragraph.", u.line))
		}
		p.newTop(u.full, u.line)
	}
}

// newTop starts a clause of the kind the state calls for.
func (p *parser) newTop(parts []string, line int) {
	if p.state == inPreamble {
		p.top = &draft{kind: Preambular, line: line, pieces: []*piece{{parts: parts, line: line}}}
		p.drafts = append(p.drafts, p.top)
		p.ppN++
		return
	}
	p.newPlain(parts, line)
}

// newPlain starts a plain paragraph (Kind Paragraph).
func (p *parser) newPlain(parts []string, line int) {
	p.top = &draft{kind: Paragraph, line: line, pieces: []*piece{{parts: parts, line: line}}}
	p.drafts = append(p.drafts, p.top)
	if p.state == inClosing {
		p.afterPlainN++
	}
}

// enterClosing moves to the part after the operative paragraphs: text
// there no longer continues the last clause.
func (p *parser) enterClosing() {
	if p.state != inClosing {
		p.state = inClosing
		p.top = nil
	}
}

// voteUnit adds a unit to the vote record being read and reports whether
// it took it.
func (p *parser) voteUnit(u *unit) bool {
	full := u.fullText()
	switch p.voteState {
	case voteBracketed:
		i := strings.IndexByte(full, ']')
		if i < 0 {
			p.vote = append(p.vote, full)
			return true
		}
		p.vote = append(p.vote, full[:i+1])
		p.closeVote()
		if rest := full[i+1:]; hasText(rest) {
			p.bodyUnit(&unit{kind: unitText, parts: []string{rest}, full: []string{rest}, line: u.line})
		}
		return true
	case voteBare:
		c := strings.TrimSpace(collapse(full))
		prev := strings.TrimSpace(collapse(p.vote[len(p.vote)-1]))
		if voteListRe.MatchString(c) || strings.HasSuffix(prev, ":") {
			p.vote = append(p.vote, full)
			return true
		}
		p.closeVote()
	}
	return false
}

// closeVote parses the vote record read so far.
func (p *parser) closeVote() {
	if p.voteState != voteBracketed && p.voteState != voteBare {
		return
	}
	if p.voteState == voteBracketed && !strings.Contains(p.vote[len(p.vote)-1], "]") {
		p.note("vote", fmt.Sprintf("The vote record at line %d has no closing bracket.", p.voteLine))
	}
	p.voteState = voteDone
	p.doc.Vote = parseVote(strings.Join(p.vote, "\n"))
}

// closed reports whether a paragraph's text ends as a paragraph does: with
// , ; . : ! ? (after closing quotes, markers and footnote markers), or with
// "; and" / "; or".
func closed(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '*' || isSuperscriptDigit(r) ||
			r == '”' || r == '"' || r == '’' || r == '\'' || r == '»'
	})
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case ',', ';', '.', ':', '!', '?':
		return true
	}
	tail := s
	if len(tail) > 8 {
		tail = tail[len(tail)-8:]
	}
	return andOrEndRe.MatchString(tail)
}

// joins reports whether text continues the paragraph whose lines are prev
// across a page break: it starts in lower case or with a digit (a numbered
// paragraph is not a text unit), or (if open counts) prev does not end as a
// paragraph does and text does not start like a new preambular paragraph.
// After the adoption (annexes, headings) an open paragraph does not count.
func joins(prev []string, text string, open bool) bool {
	t := strings.TrimLeft(text, " \t*")
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLower(r) || unicode.IsDigit(r) {
		return true
	}
	last := ""
	for i := len(prev) - 1; i >= 0; i-- {
		if strings.TrimSpace(prev[i]) != "" {
			last = prev[i]
			break
		}
	}
	return open && !closed(last) && !startsWithPreambularOpening(t)
}
