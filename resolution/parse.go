package resolution

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ParseError says that the input was not readable text at a line: invalid
// UTF-8 or a NUL byte. Parse returns it alongside a usable Document in which
// the unreadable bytes are U+FFFD.
type ParseError struct {
	// Line is the 1-based line of the first unreadable byte.
	Line int
	// Msg says what was wrong: "invalid UTF-8" or "NUL byte".
	Msg string
}

// Error returns e.g. "line 12: invalid UTF-8".
func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse reads the text of a resolution into a Document.
//
// Parse never panics and always returns a usable Document that holds every
// letter and digit of the input: a text it does not recognise as a
// resolution becomes plain numbered paragraphs (Kind Paragraph, Recognised
// false) with a note. The error is nil or a *ParseError for input that is
// not readable text (invalid UTF-8, NUL bytes); the Document is then still
// complete, with U+FFFD in place of the unreadable bytes.
func Parse(data []byte) (doc *Document, err error) {
	text, perr := sanitize(data)
	if perr != nil {
		err = perr
	}
	defer func() {
		// A last resort: a bug in the structure rules must not cost the
		// reader the text. Tests and the fuzzer fail on this note.
		if r := recover(); r != nil {
			p := newParser()
			p.note("internal", fmt.Sprintf("internal error while parsing (%v); the text is shown as plain paragraphs.", r))
			p.plainDocument(blocksOf(splitLines(text)), perr)
			doc = p.finish()
		}
	}()
	p := newParser()
	blocks := blocksOf(p.dropFurniture(splitLines(text)))
	en, ok := findEnacting(blocks)
	if !ok {
		p.note("unrecognised", "") // filled in by plainDocument
		p.plainDocument(blocks, perr)
		return p.finish(), err
	}
	p.doc.Recognised = true
	if perr != nil {
		p.readError(perr)
	}
	p.parseHeader(blocks, en)
	p.parseBody(blocks, en)
	return p.finish(), err
}

// line is one line of the input, without its line end.
type line struct {
	text string
	num  int // 1-based
	// pageStart marks the first line after page furniture that was left
	// out: a new page of a pasted PDF text.
	pageStart bool
}

// indent is the width of a line's leading white space (a tab counts 4).
func (l line) indent() int {
	n := 0
	for _, r := range l.text {
		switch r {
		case ' ', '\u00a0':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// block is a run of non-blank lines; blocks are separated by blank lines.
type block struct {
	lines []line
}

// splitLines cuts text into lines, numbered from 1.
func splitLines(text string) []line {
	var lines []line
	for num := 1; ; num++ {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, line{text: text, num: num})
			return lines
		}
		lines = append(lines, line{text: text[:i], num: num})
		text = text[i+1:]
	}
}

// blocksOf groups lines into blocks of non-blank lines.
func blocksOf(lines []line) []block {
	var blocks []block
	var cur []line
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, block{lines: cur})
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, block{lines: cur})
	}
	return blocks
}

// parser holds the state of one Parse.
type parser struct {
	doc *Document

	footnotes map[int]*Footnote
	fnParts   map[int][]string // raw lines of each footnote's text
	ids       map[string]bool
	dupN      map[string]int // suffixes given to a repeated id so far
	notes     []string
	noteCount map[string]int
	plainN    int // plain paragraphs so far (p1, p2, …)
	ppN       int // preambular paragraphs so far

	// body state
	segLast      string // the last paragraph number seen by segment
	segInner     string // the last number of a numbered list inside a paragraph
	segAnnex     bool   // segment has passed an annex heading
	zoneMax      int    // the highest footnote number read under a rule
	zoneFrom     int    // drafts before this index precede the last zone
	lastZoneNote int    // the last footnote read under a rule
	headings     []*pendingHeading
	afterHeading bool // the last unit was a heading
	annexes      []*annexDraft
	current      *annexDraft // the annex being read
	annexParas   int         // top-level paragraphs of the current annex
	annexLast    string      // the last paragraph number of the current annex
	inQuote      bool        // the clause holds a quotation still open
	drafts       []*draft
	state        bodyState
	top          *draft // the clause sub-paragraphs and continuations go to
	afterMeet    bool   // the previous unit was the meeting line
	vote         []string
	voteState    voteState
	voteLine     int
	afterPlainN  int // plain paragraphs after the adoption
}

func newParser() *parser {
	return &parser{
		doc: &Document{
			Sponsors:      []string{},
			Other:         []string{},
			Preamble:      []*Clause{},
			Operative:     []*Clause{},
			CrossHeadings: []*CrossHeading{},
			Annexes:       []*Annex{},
			Footnotes:     []*Footnote{},
			Furniture:     []string{},
			Notes:         []string{},
		},
		footnotes: map[int]*Footnote{},
		fnParts:   map[int][]string{},
		ids:       map[string]bool{},
		dupN:      map[string]int{},
		noteCount: map[string]int{},
	}
}

// notesPerKind caps how many notes of one kind are kept; a garbage input
// must not yield a million notes.
const notesPerKind = 5

// note adds a message for the reader; kind groups repeated messages.
func (p *parser) note(kind, msg string) {
	p.noteCount[kind]++
	if p.noteCount[kind] <= notesPerKind && msg != "" {
		p.notes = append(p.notes, msg)
	}
}

func (p *parser) readError(perr *ParseError) {
	p.note("read", fmt.Sprintf("The text is not valid UTF-8 text (first at line %d: %s); the unreadable bytes are shown as �.", perr.Line, perr.Msg))
}

// plainDocument makes every block a plain paragraph: the fallback for text
// that is not a resolution.
func (p *parser) plainDocument(blocks []block, perr *ParseError) {
	d := p.doc
	d.Recognised = false
	if perr != nil {
		p.readError(perr)
	}
	for _, b := range blocks {
		parts := make([]string, len(b.lines))
		for i, l := range b.lines {
			parts[i] = l.text
		}
		p.drafts = append(p.drafts, &draft{kind: Paragraph, line: b.lines[0].num,
			pieces: []*piece{{parts: parts, line: b.lines[0].num}}})
	}
	p.buildClauses()
	msg := fmt.Sprintf("The text was not recognised as a resolution (no enacting formula such as “The General Assembly,” in its first %d blocks); it is shown as %d plain paragraphs.", headerBlockLimit, len(d.Operative))
	if p.noteCount["unrecognised"] > 0 {
		p.notes = append([]string{msg}, p.notes...)
	}
}

// newID returns id, or id with "-2", "-3", … if it is taken.
func (p *parser) newID(id string) string {
	if !p.ids[id] {
		p.ids[id] = true
		return id
	}
	for n := p.dupN[id] + 2; ; n++ {
		c := id + "-" + strconv.Itoa(n)
		if !p.ids[c] {
			p.ids[c] = true
			p.dupN[id] = n - 1
			return c
		}
	}
}

// finish completes the Document: footnote references, notes.
func (p *parser) finish() *Document {
	d := p.doc
	for _, c := range d.Clauses() {
		for _, r := range c.Footnotes {
			f := p.footnotes[r.Number]
			if f == nil {
				f = &Footnote{Number: r.Number, Clauses: []string{}}
				p.footnotes[r.Number] = f
				if d.Recognised {
					p.note("footnote", fmt.Sprintf("Footnote %d is referenced in %s but its text was not found.", r.Number, c.Label))
				}
			}
			if n := len(f.Clauses); n == 0 || f.Clauses[n-1] != c.ID {
				f.Clauses = append(f.Clauses, c.ID)
			}
		}
	}
	d.Footnotes = d.Footnotes[:0]
	for n, f := range p.footnotes {
		f.Text = collapse(strings.Join(p.fnParts[n], "\n"))
		d.Footnotes = append(d.Footnotes, f)
		if len(f.Clauses) == 0 {
			p.note("footnote", fmt.Sprintf("Footnote %d is not referenced in any clause.", f.Number))
		}
	}
	sort.Slice(d.Footnotes, func(i, j int) bool { return d.Footnotes[i].Number < d.Footnotes[j].Number })
	if d.Vote != nil {
		d.Notes = append(d.Notes, d.Vote.Warnings...)
	}
	kinds := make([]string, 0, len(p.noteCount))
	for kind := range p.noteCount {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		if n := p.noteCount[kind]; n > notesPerKind {
			p.notes = append(p.notes, fmt.Sprintf("… and %d more notes like the above (%s).", n-notesPerKind, kind))
		}
	}
	d.Notes = append(d.Notes, p.notes...)
	return d
}

// footnoteBlock reads footnote lines ("¹ See A/73/85."): a line that starts
// with superscript digits starts a footnote, other lines go on with it.
func (p *parser) footnoteBlock(lines []line) {
	cur := -1
	for _, l := range lines {
		if n, rest, ok := footnoteLine(l.text); ok {
			if p.footnotes[n] != nil {
				p.note("footnote-dup", fmt.Sprintf("Footnote %d appears twice (line %d); its texts are joined.", n, l.num))
			} else {
				p.footnotes[n] = &Footnote{Number: n, Clauses: []string{}}
			}
			p.fnParts[n] = append(p.fnParts[n], rest)
			cur = n
			continue
		}
		if cur >= 0 {
			p.fnParts[cur] = append(p.fnParts[cur], l.text)
		}
	}
}

// footnoteLine reads a footnote line: superscript digits, white space, text.
func footnoteLine(s string) (number int, rest string, ok bool) {
	s = strings.TrimLeft(s, " \t")
	digits := 0
	for i, r := range s {
		d, isSup := superscriptDigit(r)
		if isSup {
			if digits == maxMarkerDigits {
				return 0, "", false
			}
			number = number*10 + d
			digits++
			continue
		}
		if digits == 0 || (r != ' ' && r != '\t') || !hasText(s[i:]) {
			return 0, "", false
		}
		return number, s[i:], true
	}
	return 0, "", false
}

// isFootnoteLine reports whether s is a footnote line.
func isFootnoteLine(s string) bool {
	_, _, ok := footnoteLine(s)
	return ok
}
