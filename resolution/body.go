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
	inAnnex               // after an annex heading
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
	// bareNumberRe is a paragraph number that lost its full stop in a
	// pasted text ("11     Condemns …"): taken only for the next number,
	// before an opening, after a line that ends a paragraph.
	bareNumberRe = regexp.MustCompile(`^[ \t]*(\d{1,3})[ \t]+\**\p{Lu}`)
	subRe        = regexp.MustCompile(`^[ \t]*\**[ \t]*\(([a-z]{1,3}|[ivxlcdm]{1,7})\)(?:[ \t]+|$)`)
	// bulletRe is a bulleted item: "• reporting on …".
	bulletRe = regexp.MustCompile(`^[ \t]*\**[ \t]*[•●▪◦‣∙][ \t]+`)
	// inlineNumberRe finds a paragraph number glued into the line of the
	// paragraph before by a flattened copy: "…; 10. Confirms …".
	inlineNumberRe = regexp.MustCompile(`[;.:][ \t]+(\d{1,3})\.[ \t]+\**\p{Lu}`)
	meetingRe      = regexp.MustCompile(`^(\d{1,4}(?:st|nd|rd|th) (?:[\p{L}\-]+ ){0,2}[Mm]eeting)(?:,? (\d{1,2} \p{L}+ \d{4}))?$`)
	dateRe         = regexp.MustCompile(`^\d{1,2} \p{L}+ \d{4}$`)
	voteOpenRe     = regexp.MustCompile(`^\[\s*(?:(?:Resolution )?[Aa]dopted\b|The voting was|In favour\s*:)`)
	voteBareRe     = regexp.MustCompile(`^Adopted (?:by|without|at)\b`)
	voteListRe     = regexp.MustCompile(`^(?:In favour|Against|Abstaining|Abstentions?)\s*:`)
	andOrEndRe     = regexp.MustCompile(`[;,] (?:and|or)$`)
	// annexRe is an annex heading: "Annex", "Annex II", "ANNEX 2",
	// "Annex A", "Annexes".
	annexRe = regexp.MustCompile(`^(?i:annex(?:es)?)(?: (?:[IVXLC]{1,6}|\d{1,2}|[A-Z]))?\.?$`)
	// pastedFootnoteRe is a footnote at the foot of a pasted page: its
	// number in plain digits, alone or before its text.
	pastedFootnoteRe = regexp.MustCompile(`^(\d{1,3})(?:[ \t]+(\S.*))?$`)
)

// longLine is the length (in code points) beyond which a line cannot be
// a line of a hard-wrapped page (about 90 characters wide): a pasted text
// with one paragraph per line.
const longLine = 150

// unitKind is what a unit of the body is.
type unitKind int

const (
	unitText     unitKind = iota // a paragraph or a part of one
	unitNumbered                 // "12. *Considers* …"
	unitSub                      // "(a) …"
	unitZone                     // footnotes under a "_____" rule (pasted text)
)

// unit is a paragraph start found in the body: a block, or a line inside a
// block that starts a numbered paragraph, a sub-paragraph, a new paragraph
// by the layout (an opening after a closed line, an indent, a heading).
type unit struct {
	kind  unitKind
	label string   // the printed number or letter
	parts []string // the lines, the number or letter removed
	full  []string // the lines as printed
	line  int
	// split is set for a unit that a layout rule cut off from the lines
	// before it in its block: a paragraph start, never a continuation.
	split bool
	// zone holds the footnotes of a unitZone.
	zone []*zoneFootnote
}

func (u *unit) text() string { return strings.Join(u.parts, "\n") }
func (u *unit) fullText() string {
	return strings.Join(u.full, "\n")
}

// zoneFootnote is a footnote read from a pasted page foot.
type zoneFootnote struct {
	number int // 0: the continuation of the last footnote of the page before
	parts  []string
	line   int
}

// draft is a clause being read: its pieces are the chapeau and the
// sub-paragraphs found on lines of their own.
type draft struct {
	kind   Kind
	number string // the printed operative or annex number, "" if none
	line   int
	pieces []*piece
	annex  int    // 1-based annex the paragraph belongs to, 0 if none
	id     string // the id of the clause made of it (buildClauses)
}

// piece is the text of a clause or of one sub-paragraph.
type piece struct {
	label string // "" for the clause's own text
	parts []string
	line  int
}

func (d *draft) last() *piece { return d.pieces[len(d.pieces)-1] }

// lastOrNil is last for a draft that may be nil.
func (d *draft) lastOrNil() *piece {
	if d == nil {
		return nil
	}
	return d.last()
}

// pendingHeading is a cross-heading before the draft at index before.
type pendingHeading struct {
	text   string
	line   int
	before int // index in parser.drafts of the draft it precedes
	annex  int
}

// annexDraft is an annex being read.
type annexDraft struct {
	heading, title string
	line           int
	titleOpen      bool // the next unit may be its title
}

// parseBody reads everything after the enacting formula.
func (p *parser) parseBody(blocks []block, en enacting) {
	first := blocks[en.block].lines[en.line:]
	rest := strings.TrimLeft(first[0].text[en.end:], "*")
	if strings.HasPrefix(strings.TrimSpace(rest), ",") && !strings.HasSuffix(en.formula, ",") {
		rest = strings.TrimSpace(rest)[1:]
	}
	lines := append([]line{{text: rest, num: first[0].num}}, first[1:]...)
	if !hasText(rest) {
		lines = lines[1:]
	}
	var units []*unit
	if len(lines) > 0 {
		units = p.segment(lines, units)
	}
	for _, b := range blocks[en.block+1:] {
		units = p.segment(b.lines, units)
	}
	for i, u := range units {
		var next *unit
		if i+1 < len(units) {
			next = units[i+1]
		}
		p.bodyUnit(u, next)
	}
	p.closeVote()
	p.markGluedMarkers()
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

// segment cuts a block into units. Inside a block a line starts a new
// unit when it is a numbered paragraph, a sub-paragraph, an annex heading,
// or when the line before it ends as a paragraph does and it opens a
// paragraph (a participle or a verb in -s), is indented further, follows a
// line too long to be hard-wrapped, or is a heading line between two
// paragraphs. Footnote lines and the footnotes under a "_____" rule are
// taken out; a line that is only a document symbol (a running header) is
// furniture.
func (p *parser) segment(lines []line, units []*unit) []*unit {
	var cur *unit
	first := true
	force := false // the line after a heading or annex line starts a unit
	flush := func() {
		if cur != nil {
			units = append(units, cur)
			cur = nil
		}
	}
	start := func(kind unitKind, label, rest string, l line) {
		flush()
		cur = &unit{kind: kind, label: label, parts: []string{rest}, full: []string{l.text}, line: l.num, split: !first}
		first = false
	}
	lines = p.splitInlineNumbers(lines)
	var prev line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := l.text
		if sym := symbolOnly(t); sym != "" {
			p.doc.Furniture = append(p.doc.Furniture, sym)
			continue
		}
		if isSeparator(t) {
			flush()
			z, n := p.readZone(lines[i+1:])
			z.line = l.num
			units = append(units, z)
			i += n
			first = false
			force = true
			continue
		}
		if isFootnoteLine(t) {
			flush()
			p.footnoteBlock(lines[i:])
			return units
		}
		if m := numberedRe.FindStringSubmatchIndex(t); m != nil && p.plausibleNumber(t[m[2]:m[3]]) {
			label := t[m[2]:m[3]]
			if p.innerNumber(label, prev, cur, units) {
				start(unitSub, label, t[m[1]:], l)
			} else {
				start(unitNumbered, label, t[m[1]:], l)
				p.segLast = label
			}
			force = false
			prev = l
			continue
		}
		if m := bareNumberRe.FindStringSubmatchIndex(t); m != nil && p.segLast != "" &&
			t[m[2]:m[3]] == nextNumber(p.segLast) && (cur == nil || closedLine(prev.text)) &&
			startsWithOpening(strings.TrimLeft(t[m[3]:], " \t*")) {
			start(unitNumbered, t[m[2]:m[3]], strings.TrimLeft(t[m[3]:], " \t"), l)
			p.segLast = t[m[2]:m[3]]
			p.segInner = ""
			force = false
			prev = l
			continue
		}
		if m := subRe.FindStringSubmatchIndex(t); m != nil {
			start(unitSub, t[m[2]:m[3]], t[m[1]:], l)
			force = false
			prev = l
			continue
		}
		if m := bulletRe.FindStringIndex(t); m != nil {
			start(unitSub, bulletLabel, t[m[1]:], l)
			force = false
			prev = l
			continue
		}
		c := collapse(t)
		switch {
		case annexRe.MatchString(c):
			start(unitText, "", t, l)
			force = true
			p.segLast = "" // an annex numbers its paragraphs anew
			p.segInner = ""
			p.segAnnex = true
		case cur == nil || force:
			atStart := cur == nil
			start(unitText, "", t, l)
			force = p.headingLine(atStart || closedLine(prev.text), c, lines[i+1:])
		case closedLine(prev.text) && p.headingLine(true, c, lines[i+1:]):
			start(unitText, "", t, l)
			force = true
		case p.layoutStart(prev, l, lines[i+1:], len(cur.parts) == 1):
			start(unitText, "", t, l)
		default:
			cur.parts = append(cur.parts, t)
			cur.full = append(cur.full, t)
		}
		prev = l
	}
	flush()
	return units
}

// bulletLabel is the label of a bulleted item until it gets its position.
const bulletLabel = "•"

// splitInlineNumbers cuts the lines of the operative part where the next
// paragraph number stands inside a line after the end of a paragraph
// ("… Russian Federation; 10. Confirms its determination …"), as a
// flattened copy leaves it: the number must be the next one and an
// opening must follow. The paragraph numbers are followed from the last
// one segment saw; an annex heading stops the cutting.
func (p *parser) splitInlineNumbers(lines []line) []line {
	if p.segAnnex {
		return lines
	}
	last := p.segLast
	annex := false
	out := make([]line, 0, len(lines))
	for _, l := range lines {
		annex = annex || annexHeading(l.text)
		t := l.text
		for !annex {
			if m := numberedRe.FindStringSubmatch(t); m != nil {
				last = m[1] // the line's own number comes first
			}
			if last == "" {
				break
			}
			at := inlineNumberAt(t, nextNumber(last))
			if at < 0 {
				break
			}
			out = append(out, line{text: t[:at], num: l.num, pageStart: l.pageStart})
			t = t[at:]
			l.pageStart = false
		}
		l.text = t
		out = append(out, l)
	}
	return out
}

// annexHeading reports whether a line is an annex heading ("ANNEX",
// "Annex II"): annexRe on the collapsed line, after a cheap look at its
// first letters.
func annexHeading(t string) bool {
	t = strings.TrimLeftFunc(t, func(r rune) bool { return r == '*' || unicode.IsSpace(r) })
	if len(t) < len("annex") || !strings.EqualFold(t[:len("annex")], "annex") {
		return false
	}
	return annexRe.MatchString(collapse(t))
}

// inlineNumberAt returns the byte offset in t of the paragraph number want
// standing after the end of a paragraph and before an opening, or -1.
func inlineNumberAt(t, want string) int {
	if !strings.Contains(t, want+".") {
		return -1 // what the expression looks for is not there: skip it
	}
	for off := 0; off < len(t); {
		m := inlineNumberRe.FindStringSubmatchIndex(t[off:])
		if m == nil {
			return -1
		}
		at := off + m[2]
		if t[at:off+m[3]] == want && startsWithOpening(strings.TrimLeft(t[off+m[3]+1:], " \t*")) {
			return at
		}
		off += m[3]
	}
	return -1
}

// innerNumber reports whether a numbered line is an item of a numbered
// list inside the paragraph before it ("… the following:" then "1.",
// "2.", "3." before paragraph 8): a 1 that does not continue the
// paragraph numbers after a line ending with a colon, and the numbers that
// follow it while they do not continue the paragraph numbers.
func (p *parser) innerNumber(label string, prev line, cur *unit, units []*unit) bool {
	if p.segLast == "" || label == nextNumber(p.segLast) {
		p.segInner = ""
		return false
	}
	if p.segInner != "" && label == nextNumber(p.segInner) {
		p.segInner = label
		return true
	}
	before := prev.text
	if cur == nil && len(units) > 0 {
		u := units[len(units)-1]
		before = u.parts[len(u.parts)-1]
	}
	if label == "1" && endsWithColon([]string{before}) {
		p.segInner = label
		return true
	}
	p.segInner = ""
	return false
}

// layoutStart reports whether line l starts a new paragraph after prev in
// the same block (next is the line after l, if any; prevFirst says that
// prev is the first line of its unit). prev must end as a paragraph does.
// Where the text keeps the page's indentation (prev or l is indented), the
// layout decides: l is a first line when it stands further right than the
// line before or after it, when prev is too long to be a line of a
// hard-wrapped page, or when prev was a one-line paragraph and l opens
// another at the same indent. After a line too long to be hard-wrapped an
// opening starts a paragraph even when that line lost its end. Where it does not, l starts a
// paragraph when it opens one (a participle, a verb in -s), follows a line
// too long to be hard-wrapped, or (in the operative part, where
// paragraphs end with a semicolon and only the last with a full stop)
// starts with a capital after a full stop.
func (p *parser) layoutStart(prev, l line, next []line, prevFirst bool) bool {
	t := strings.TrimLeft(l.text, " \t*")
	opening := startsWithOpening(t)
	if !closedLine(prev.text) {
		// A paragraph per line: a line too long to be hard-wrapped that
		// lost its end is still a paragraph of its own.
		return opening && runeLen(strings.TrimSpace(prev.text)) >= longLine
	}
	capital := startsUpper(t) || strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"")
	long := runeLen(strings.TrimSpace(prev.text)) >= longLine
	if prev.indent() > 0 || l.indent() > 0 {
		indented := l.indent() >= prev.indent()+3 ||
			(len(next) > 0 && l.indent() >= next[0].indent()+3 && !closedLine(l.text))
		// Two one-line paragraphs in a row show no indent between them.
		single := prevFirst && opening && l.indent() >= prev.indent()
		return (opening || capital) && (indented || long || single)
	}
	if opening {
		return true
	}
	if !capital {
		return false
	}
	return long || (p.segLast != "" && !p.segAnnex && endsWithFullStop(prev.text))
}

// endsWithFullStop reports whether s ends with a full stop (after closing
// quotes, markers and footnote markers).
func endsWithFullStop(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '*' || isSuperscriptDigit(r) || r == '”' || r == '"' || r == '’'
	})
	return strings.HasSuffix(s, ".")
}

// headingLine reports whether a line (its text c) inside a block is a
// heading: the line before it ends a paragraph (prevClosed), it is short
// and does not end as a paragraph does, and the next line starts a
// paragraph or is a heading itself ("AMISOM" over "Priorities and tasks").
func (p *parser) headingLine(prevClosed bool, c string, next []line) bool {
	return p.headingLineDepth(prevClosed, c, next, 2)
}

func (p *parser) headingLineDepth(prevClosed bool, c string, next []line, depth int) bool {
	if !prevClosed || !headingShape(c) || len(next) == 0 {
		return false
	}
	n := next[0].text
	if numberedRe.MatchString(n) || subRe.MatchString(n) || bareNumberRe.MatchString(n) {
		return true
	}
	nt := strings.TrimLeft(n, " \t*")
	if startsWithOpening(nt) || (startsUpper(nt) && next[0].indent() > 0 && len(next) > 1 &&
		next[0].indent() >= next[1].indent()+3) {
		return true
	}
	return depth > 1 && p.headingLineDepth(true, collapse(n), next[1:], depth-1)
}

// headingShape reports whether text may be a heading: a capital or a
// digit first, at most 12 words and 100 code points, not ending as a
// paragraph does nor with a word that needs a continuation ("the", "of",
// "and"), and not the start of a paragraph's sentence (an opening and its
// complement: "Recalling the 10 December …", "Expressing concern about
// …", "Decides to remain …"; but "Priorities and tasks" is a heading).
func headingShape(c string) bool {
	if len(c) > 400 || runeLen(c) > 100 || !hasText(c) || closed(c) {
		return false // a rune is at most 4 bytes: over 400 bytes, over 100 runes
	}
	words := strings.Fields(c)
	if len(words) > 12 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if last := strings.ToLower(words[len(words)-1]); continuationWords[last] || last == "and" || last == "or" {
		return false
	}
	if len(words) < 3 || !startsWithOpening(c) {
		return true
	}
	second := words[1]
	return !isLowerWord(second) || second == "and" || second == "or"
}

// continuationWords are the words a heading does not end with: a line that
// ends with one goes on.
var continuationWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true,
	"for": true, "on": true, "by": true, "with": true, "at": true, "from": true,
	"as": true, "that": true, "its": true, "their": true, "upon": true, "all": true,
}

// readZone reads the footnotes under a "_____" rule of a pasted page:
// lines that start with a footnote number ("1 See A/73/85.", or "1" on a
// line of its own), the lines that go on with them, and, before the first
// number, the end of a footnote begun on the page before. The zone ends
// with its block, at a new page, or at a line that starts a paragraph
// after a finished footnote. It returns the zone and how many lines it
// took.
func (p *parser) readZone(lines []line) (*unit, int) {
	z := &unit{kind: unitZone}
	var cur *zoneFootnote
	n := 0
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if n > 0 && l.pageStart {
			break
		}
		if m := pastedFootnoteRe.FindStringSubmatch(t); m != nil {
			if num, err := strconv.Atoi(m[1]); err == nil && num >= 1 && num <= p.zoneMax+3 &&
				(cur == nil || cur.number == 0 || num > cur.number) {
				cur = &zoneFootnote{number: num, line: l.num}
				if m[2] != "" {
					cur.parts = append(cur.parts, m[2])
				}
				z.zone = append(z.zone, cur)
				p.zoneMax = max(p.zoneMax, num)
				n++
				continue
			}
		}
		if cur == nil && p.zoneMax > 0 && !startsParagraphLine(l.text) {
			// The end of the last footnote of the page before.
			cur = &zoneFootnote{line: l.num}
			z.zone = append(z.zone, cur)
		}
		if cur == nil || (len(cur.parts) > 0 && closed(cur.parts[len(cur.parts)-1]) && startsParagraphLine(l.text)) {
			break
		}
		cur.parts = append(cur.parts, t)
		n++
	}
	return z, n
}

// startsParagraphLine reports whether a line starts a paragraph: a number,
// a sub-paragraph letter or an opening.
func startsParagraphLine(t string) bool {
	return numberedRe.MatchString(t) || subRe.MatchString(t) || startsWithOpening(strings.TrimLeft(t, " \t*"))
}

// plausibleNumber says whether a paragraph number at the start of a line
// is one: up to three digits always; four (a very long resolution) only
// when it follows the last operative paragraph, so that a line starting
// with a year ("2023.") is not taken for paragraph 2023.
func (p *parser) plausibleNumber(label string) bool {
	if len(label) <= 3 {
		return true
	}
	n, err1 := strconv.Atoi(label)
	prev, err2 := strconv.Atoi(p.segLast)
	return err1 == nil && err2 == nil && n == prev+1
}

// bodyUnit reads one unit in the current state; next is the unit after
// it, if any (a heading is recognised by what follows it).
func (p *parser) bodyUnit(u *unit, next *unit) {
	if p.voteState == voteBracketed || p.voteState == voteBare {
		if p.voteUnit(u) {
			return
		}
	}
	if u.kind == unitZone {
		p.zoneUnit(u)
		return
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
		if p.voteState == voteNone && p.state != inAnnex {
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
		if annexRe.MatchString(c) {
			p.startAnnex(c, u.line)
			return
		}
		if p.annexTitle(u, c) {
			return
		}
		if p.isHeading(u, c, next) {
			p.headings = append(p.headings, &pendingHeading{text: c, line: u.line, before: len(p.drafts), annex: len(p.annexes)})
			p.top = nil
			p.afterHeading = true
			return
		}
	}
	if p.current != nil {
		p.current.titleOpen = false
	}
	afterHeading := p.afterHeading
	p.afterHeading = false
	switch u.kind {
	case unitNumbered:
		switch p.state {
		case inAnnex:
			if c := collapse(u.fullText()); u.label != nextNumber(p.annexLast) && next != nil &&
				headingShape(collapse(u.text())) && startsParagraph(next) {
				// "1. Principles" between paragraphs 2 and 3: a numbered
				// heading of the annex.
				p.headings = append(p.headings, &pendingHeading{text: c, line: u.line, before: len(p.drafts), annex: len(p.annexes)})
				p.top = nil
				p.afterHeading = true
				return
			}
			p.annexLast = u.label
			p.newAnnexParagraph(u.label, u.parts, u.line)
			return
		case inClosing:
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
		if p.top != nil && !u.split && !afterHeading && joins(p.top.last().parts, u.text(), p.state != inClosing) {
			last := p.top.last()
			last.parts = append(last.parts, u.parts...)
			return
		}
		if p.quoteGoesOn(u) {
			last := p.top.last()
			last.parts = append(last.parts, u.parts...)
			return
		}
		if last := p.top.lastOrNil(); last != nil && last.label != "" && !afterHeading &&
			endsWithColon(last.parts) && !startsWithOpening(collapse(u.text())) {
			// A second paragraph of a sub-paragraph's chapeau ("(d) …:"
			// then "To carry out … the following tasks:").
			last.parts = append(last.parts, u.parts...)
			return
		}
		if p.state == inPreamble || p.state == inOperative {
			plainText, _ := plain(u.text())
			if pre, op := openingShape(plainText); op && !pre {
				// An operative paragraph without its number: a single
				// "Decides," or a number the text lost.
				p.state = inOperative
				p.top = &draft{kind: Operative, line: u.line, pieces: []*piece{{parts: u.parts, line: u.line}}}
				p.drafts = append(p.drafts, p.top)
				return
			}
		}
		p.newTop(u.full, u.line)
	}
}

// quoteGoesOn reports whether a text unit is a paragraph of a quotation
// inside the clause before it: it opens with “ after a clause ending with
// a colon ("Decides to submit the following draft resolution …:" then
// "“The General Assembly, …"), or after another paragraph of the same
// quotation that did not close it. The UN opens every quoted paragraph with
// “ and closes only the last with ”.
func (p *parser) quoteGoesOn(u *unit) bool {
	c := collapse(u.text())
	if p.top == nil || !strings.HasPrefix(c, "“") {
		p.inQuote = false
		return false
	}
	last := p.top.last()
	if !p.inQuote && !endsWithColon(last.parts) {
		return false
	}
	end := strings.TrimRightFunc(c, func(r rune) bool {
		return unicode.IsSpace(r) || isSuperscriptDigit(r) || strings.ContainsRune(".,;:", r)
	})
	p.inQuote = !strings.HasSuffix(end, "”")
	return true
}

// isHeading reports whether a text unit is a cross-heading: a block set
// entirely in bold; a short block entirely in italics without final
// punctuation outside the preamble; or a short line without final
// punctuation between a paragraph that ends as one does and the start of
// a new paragraph.
func (p *parser) isHeading(u *unit, c string, next *unit) bool {
	if !hasText(c) || len(u.parts) > 3 {
		return false
	}
	raw := strings.TrimSpace(u.text())
	if wholly(raw, "**") {
		return runeLen(c) <= 200
	}
	if !headingShape(c) {
		return false
	}
	if wholly(raw, "*") && p.state != inPreamble {
		return true
	}
	if len(u.parts) > 1 && !u.split {
		return false
	}
	if p.top != nil && !p.afterHeading && !closed(strings.Join(p.top.last().parts, "\n")) {
		return false
	}
	return next != nil && startsParagraph(next)
}

// wholly reports whether raw is one run set in the marker ("**" bold, "*"
// italics) from end to end.
func wholly(raw, marker string) bool {
	if len(raw) <= 2*len(marker) || !strings.HasPrefix(raw, marker) || !strings.HasSuffix(raw, marker) {
		return false
	}
	inner := raw[len(marker) : len(raw)-len(marker)]
	if marker == "*" && (strings.HasPrefix(raw, "**") || strings.HasSuffix(raw, "**")) {
		return false
	}
	return !strings.Contains(inner, "*")
}

// startsParagraph reports whether a unit starts a paragraph: a numbered
// paragraph, a sub-paragraph, a text that opens with italics, an opening,
// a bold heading, or a capital at a paragraph start by the layout.
func startsParagraph(u *unit) bool {
	if u.kind == unitNumbered || u.kind == unitSub {
		return true
	}
	if u.kind != unitText {
		return false
	}
	raw := strings.TrimSpace(u.text())
	c := collapse(raw)
	if annexRe.MatchString(c) {
		return false
	}
	if strings.HasPrefix(raw, "*") || startsWithOpening(c) {
		return true
	}
	return startsUpper(c)
}

// startAnnex begins an annex at its heading ("Annex II").
func (p *parser) startAnnex(heading string, line int) {
	p.closeVote()
	p.state = inAnnex
	p.top = nil
	p.afterHeading = false
	p.current = &annexDraft{heading: heading, line: line, titleOpen: true}
	p.annexes = append(p.annexes, p.current)
	p.annexParas = 0
	p.annexLast = "0"
}

// annexTitle takes the unit right after an annex heading as the annex's
// title when it reads as one: not numbered, set in bold, or not ending as
// a sentence does (a comma only when in capitals), at most 60 words.
func (p *parser) annexTitle(u *unit, c string) bool {
	a := p.current
	if a == nil || !a.titleOpen {
		return false
	}
	a.titleOpen = false
	raw := strings.TrimSpace(u.text())
	if !hasText(c) || len(strings.Fields(c)) > 60 {
		return false
	}
	end := strings.TrimRightFunc(c, func(r rune) bool { return unicode.IsSpace(r) || isSuperscriptDigit(r) })
	last, _ := utf8.DecodeLastRuneInString(end)
	switch {
	case wholly(raw, "**"):
	case last == ',':
		if strings.ToUpper(c) != c {
			return false
		}
	case strings.ContainsRune(".;:!?", last):
		return false
	}
	a.title = c
	return true
}

// newAnnexParagraph starts a paragraph of the current annex; number is ""
// when it is not numbered.
func (p *parser) newAnnexParagraph(number string, parts []string, line int) {
	p.annexParas++
	p.top = &draft{kind: AnnexParagraph, number: number, line: line, annex: len(p.annexes),
		pieces: []*piece{{parts: parts, line: line}}}
	p.drafts = append(p.drafts, p.top)
}

// newTop starts a clause of the kind the state calls for.
func (p *parser) newTop(parts []string, line int) {
	switch p.state {
	case inPreamble:
		p.top = &draft{kind: Preambular, line: line, pieces: []*piece{{parts: parts, line: line}}}
		p.drafts = append(p.drafts, p.top)
		p.ppN++
		return
	case inAnnex:
		p.newAnnexParagraph("", parts, line)
		return
	case inOperative:
		p.note("unnumbered", fmt.Sprintf("Line %d: an unnumbered paragraph among the operative paragraphs was kept as a plain paragraph.", line))
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
	if p.state != inClosing && p.state != inAnnex {
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
		rest := full[i+1:]
		if !strings.ContainsFunc(rest, unicode.IsLetter) && !strings.ContainsFunc(rest, isASCIIDigitRune) {
			// "[Resolution adopted without a vote.]¹": the marker stays
			// with the record.
			p.vote = append(p.vote, full)
			rest = ""
		} else {
			p.vote = append(p.vote, full[:i+1])
		}
		p.closeVote()
		if hasText(rest) {
			p.bodyUnit(&unit{kind: unitText, parts: []string{rest}, full: []string{rest}, line: u.line}, nil)
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

func isASCIIDigitRune(r rune) bool { return r >= '0' && r <= '9' }

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

// trailingMarkerRe is a footnote marker in plain digits at the end of a
// pasted line, after the punctuation that ends the paragraph: ", 1".
var trailingMarkerRe = regexp.MustCompile(`[,;.:”’"][ \t]?\d{1,2}[ \t]*$`)

// closedLine reports whether a line ends as a paragraph does (closed),
// also before a footnote marker in plain digits (a pasted text).
func closedLine(s string) bool {
	return closed(s) || trailingMarkerRe.MatchString(s)
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
	return open && !closed(last) && !startsWithOpening(t)
}
