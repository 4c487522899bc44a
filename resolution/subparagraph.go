package resolution

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// inlineLabel is a sub-paragraph letter found inside a paragraph's text:
// text[open] is its "(", text[end:] the text after ") ".
type inlineLabel struct {
	label     string
	open, end int
}

// inlineLabels finds the candidates for sub-paragraph letters inside a
// paragraph's text ("… shall: (a) …; (b) …"): "(" at the start or after
// white space, one to seven lowercase letters, ")" and white space.
func inlineLabels(text string) []inlineLabel {
	var found []inlineLabel
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '(')
		if j < 0 {
			return found
		}
		open := i + j
		i = open + 1
		if open > 0 && !isSpaceByte(text[open-1]) {
			continue
		}
		k := i
		for k < len(text) && k-i < 8 && text[k] >= 'a' && text[k] <= 'z' {
			k++
		}
		if k == i || k+1 >= len(text) || text[k] != ')' || !isSpaceByte(text[k+1]) {
			continue
		}
		label := text[i:k]
		if len(label) > 3 && !isRoman(label) {
			continue
		}
		found = append(found, inlineLabel{label: label, open: open, end: k + 2})
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// romans are the second-level labels in order.
var romans = func() []string {
	units := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	tens := []string{"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"}
	var r []string
	for n := 1; n < 100; n++ {
		r = append(r, tens[n/10]+units[n%10])
	}
	return r
}()

// nextRoman returns the roman label after s, or "" when s is none.
func nextRoman(s string) string {
	for i, r := range romans {
		if r == s && i+1 < len(romans) {
			return romans[i+1]
		}
	}
	return ""
}

// nextLetter returns the letter label after s: "a" → "b", "z" → "aa",
// "aa" → "bb" (the UN doubles letters after z).
func nextLetter(s string) string {
	if s == "" {
		return "a"
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return ""
		}
	}
	if s[0] < 'a' || s[0] > 'z' {
		return ""
	}
	if s[0] == 'z' {
		return strings.Repeat("a", len(s)+1)
	}
	return strings.Repeat(string(s[0]+1), len(s))
}

// subNode is a sub-paragraph being read.
type subNode struct {
	label    string // the label in the id: printed, or a bullet's position
	number   string // the label as printed ("" for a bullet)
	parts    []string
	line     int
	children []*subNode
}

// subTree places sub-paragraph labels in two levels: letters (a), (b), …
// and, inside a letter, romans (i), (ii), ….
type subTree struct {
	chapeau  *subNode
	children []*subNode
	current  *subNode // where text goes
}

// expected reports whether label continues the sequence strictly: the next
// letter, the first roman inside the current letter, or the next roman.
func (t *subTree) expected(label string) bool {
	if len(t.children) == 0 {
		return label == "a" || label == "i"
	}
	cur := t.children[len(t.children)-1]
	if n := len(cur.children); n > 0 && label == nextRoman(cur.children[n-1].label) {
		return true
	}
	if len(cur.children) == 0 && label == "i" {
		return true
	}
	return label == nextLetter(cur.label)
}

// place adds a sub-paragraph with label where it belongs and makes it the
// current node.
func (t *subTree) place(label string, line int) *subNode {
	n := &subNode{label: label, number: label, line: line}
	t.current = n
	if label == bulletLabel {
		// A bullet is numbered by its position: among the clause's
		// items, or inside the last item when it ends with a colon.
		parent := &t.children
		if k := len(t.children); k > 0 && t.children[k-1].number != "" && endsWithColon(t.children[k-1].parts) {
			parent = &t.children[k-1].children
		}
		n.label, n.number = strconv.Itoa(len(*parent)+1), ""
		*parent = append(*parent, n)
		return n
	}
	if len(t.children) == 0 {
		t.children = append(t.children, n)
		return n
	}
	cur := t.children[len(t.children)-1]
	nc := len(cur.children)
	switch {
	case nc > 0 && label == nextRoman(cur.children[nc-1].label):
		cur.children = append(cur.children, n)
	case nc == 0 && label == "i" && (nextLetter(cur.label) != "i" || endsWithColon(cur.parts)):
		cur.children = append(cur.children, n)
	case label == nextLetter(cur.label):
		t.children = append(t.children, n)
	case nc > 0 && isRoman(label):
		cur.children = append(cur.children, n)
	default:
		t.children = append(t.children, n)
	}
	return n
}

func isRoman(s string) bool {
	return strings.Trim(s, "ivxlcdm") == ""
}

func endsWithColon(parts []string) bool {
	s := strings.TrimRightFunc(strings.Join(parts, " "), func(r rune) bool {
		return unicode.IsSpace(r) || r == '*' || isSuperscriptDigit(r)
	})
	return strings.HasSuffix(s, ":")
}

// precededBy returns what ends the text before a sub-paragraph letter:
// ':' after a chapeau, ';' (also "; and", "; or") or ',' between items, or 0.
func precededBy(before string) byte {
	s := strings.TrimRightFunc(before, func(r rune) bool {
		return unicode.IsSpace(r) || r == '*' || isSuperscriptDigit(r)
	})
	if strings.HasSuffix(s, " and") || strings.HasSuffix(s, " or") {
		s = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, " and"), " or"), " ")
		if strings.HasSuffix(s, ";") || strings.HasSuffix(s, ",") {
			return ';'
		}
		return 0
	}
	if s == "" {
		return 0
	}
	switch c := s[len(s)-1]; c {
	case ':', ';', ',':
		return c
	}
	return 0
}

// feed reads a piece into the tree: a labelled piece is placed first, then
// (if inline) letters found inline in its text split it further. The first inline
// letter of a clause must follow a colon; later ones a colon, semicolon or
// comma, and all must continue the sequence.
func (t *subTree) feed(pc *piece, inline bool) {
	target := t.chapeau
	if pc.label != "" {
		target = t.place(pc.label, pc.line)
	}
	text := strings.Join(pc.parts, "\n")
	if !inline {
		target.parts = append(target.parts, text)
		return
	}
	// The letters that split the text: the first after a colon, each
	// continuing the sequence after a colon, semicolon or comma.
	var cuts []inlineLabel
	probe := &subTree{children: t.children}
	start := 0
	for _, m := range inlineLabels(text) {
		before := precededBy(text[start:m.open])
		if before == 0 || (len(probe.children) == 0 && before != ':') || !probe.expected(m.label) {
			continue
		}
		cuts = append(cuts, m)
		probe.placeProbe(m.label)
		start = m.end
	}
	if len(cuts) > 0 && continuesAfterList(text[cuts[len(cuts)-1].end:]) {
		// "…: (a) …; and (b) …; and requests …": the paragraph's own
		// sentence goes on after the list, which is running text.
		cuts = nil
	}
	start = 0
	for _, m := range cuts {
		target.parts = append(target.parts, text[start:m.open])
		target = t.place(m.label, pc.line)
		start = m.end
	}
	target.parts = append(target.parts, text[start:])
}

// placeProbe records a label in a probe tree, only to follow the sequence.
func (t *subTree) placeProbe(label string) {
	n := &subNode{label: label, number: label}
	if len(t.children) == 0 {
		t.children = []*subNode{n}
		return
	}
	children := append([]*subNode(nil), t.children...)
	cur := *children[len(children)-1]
	cur.children = append([]*subNode(nil), cur.children...)
	children[len(children)-1] = &cur
	probe := &subTree{children: children}
	probe.place(label, 0)
	t.children = probe.children
}

// continuesAfterList reports whether the text after the last letter of an
// inline list goes back to the paragraph's sentence: "; and requests",
// ", and decides" — an operative verb after the item.
func continuesAfterList(tail string) bool {
	for _, sep := range []string{"; and ", ", and ", "; "} {
		for i := strings.Index(tail, sep); i >= 0; {
			w := firstWord(strings.TrimLeft(tail[i+len(sep):], "*"))
			if operativeVerbs[w] {
				return true
			}
			j := strings.Index(tail[i+len(sep):], sep)
			if j < 0 {
				break
			}
			i += len(sep) + j
		}
	}
	return false
}

// operativeVerbs are the verbs of operative paragraphs in lower case, as
// they stand inside a paragraph ("…; and requests …").
var operativeVerbs = map[string]bool{
	"acknowledges": true, "affirms": true, "authorizes": true, "authorises": true,
	"calls": true, "commends": true, "condemns": true, "decides": true,
	"demands": true, "emphasizes": true, "emphasises": true, "encourages": true,
	"expresses": true, "invites": true, "notes": true, "reaffirms": true,
	"recalls": true, "recognizes": true, "recognises": true, "reiterates": true,
	"requests": true, "stresses": true, "supports": true, "takes": true,
	"underlines": true, "underscores": true, "urges": true, "welcomes": true,
	"appeals": true, "approves": true, "endorses": true, "deplores": true,
}

// buildClauses turns the drafts into the Document's clauses, the annexes
// and the cross-headings.
func (p *parser) buildClauses() {
	d := p.doc
	opIDs := p.unnumberedOperativeIDs()
	annexes := make([]*Annex, len(p.annexes))
	for i, a := range p.annexes {
		annexes[i] = &Annex{ID: "annex" + strconv.Itoa(i+1), Heading: a.heading, Title: a.title,
			Paragraphs: []*Clause{}, Line: a.line}
	}
	for di, dr := range p.drafts {
		switch dr.kind {
		case Preambular:
			n := len(d.Preamble) + 1
			dr.id = "pp" + strconv.Itoa(n) // unique by construction
			d.Preamble = append(d.Preamble, p.clause(dr, dr.id, strconv.Itoa(n)))
			continue
		case AnnexParagraph:
			a := annexes[dr.annex-1]
			pos := strconv.Itoa(len(a.Paragraphs) + 1)
			num := dr.number
			if num == "" {
				num = pos
			}
			dr.id = p.newID(a.ID + ".p" + num)
			a.Paragraphs = append(a.Paragraphs, p.clause(dr, dr.id, dr.number))
			continue
		case Operative:
			if dr.number == "" {
				id, ok := opIDs[di]
				if !ok {
					p.note("unnumbered", fmt.Sprintf("Line %d: an unnumbered paragraph among the operative paragraphs was kept as a plain paragraph.", dr.line))
					dr.kind = Paragraph
					break
				}
				dr.id = p.newID(id)
				d.Operative = append(d.Operative, p.clause(dr, dr.id, ""))
				continue
			}
			dr.id = p.newID("op" + dr.number)
			if prev := lastOperativeNumber(d.Operative); prev != "" {
				if want := nextNumber(prev); want != dr.number {
					p.note("numbering", "Operative paragraph "+dr.number+" follows "+prev+" (line "+strconv.Itoa(dr.line)+").")
				}
			}
			d.Operative = append(d.Operative, p.clause(dr, dr.id, dr.number))
			continue
		}
		p.plainN++
		dr.id = "p" + strconv.Itoa(p.plainN) // unique by construction
		d.Operative = append(d.Operative, p.clause(dr, dr.id, strconv.Itoa(p.plainN)))
	}
	d.Annexes = annexes
	for _, h := range p.headings {
		ch := &CrossHeading{Text: h.text, Line: h.line}
		if h.annex > 0 {
			ch.Annex = annexes[h.annex-1].ID
		}
		if h.before < len(p.drafts) {
			ch.Before = p.drafts[h.before].id
		}
		d.CrossHeadings = append(d.CrossHeadings, ch)
	}
}

// lastOperativeNumber returns the number of the last operative paragraph,
// printed or given ("op7" for a paragraph that lost its number), "" if
// there is none: the number a new one should follow.
func lastOperativeNumber(cs []*Clause) string {
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].Kind != Operative {
			continue
		}
		if cs[i].Number != "" {
			return cs[i].Number
		}
		if n := strings.TrimPrefix(cs[i].ID, "op"); isDigits(n) {
			return n
		}
		return ""
	}
	return ""
}

// unnumberedOperativeIDs gives ids to the operative paragraphs printed
// without a number (by index in drafts). With no numbered operative
// paragraph at all they are op1, op2, … in order (a single "Decides," is
// op1). Otherwise a paragraph that fills a gap in the numbering (between
// 6 and 8, before 2, or right after the last) gets the missing number, as
// its text lost it; the others get none (they become plain paragraphs).
func (p *parser) unnumberedOperativeIDs() map[int]string {
	ids := map[int]string{}
	type op struct {
		index int
		n     int // the printed number, 0 if none
	}
	var ops []op
	numbered := false
	for i, dr := range p.drafts {
		if dr.kind != Operative {
			continue
		}
		n := 0
		if dr.number != "" {
			n, _ = strconv.Atoi(dr.number)
			numbered = true
		}
		ops = append(ops, op{i, n})
	}
	if !numbered {
		for k, o := range ops {
			ids[o.index] = "op" + strconv.Itoa(k+1)
		}
		return ids
	}
	for k, o := range ops {
		if o.n != 0 {
			continue
		}
		prev, next := 0, 0
		if k > 0 {
			prev = ops[k-1].n
		}
		if k+1 < len(ops) {
			next = ops[k+1].n
		}
		switch {
		case k > 0 && prev == 0, k+1 < len(ops) && next == 0:
			// Two unnumbered paragraphs in a row: no number to give.
		case k == 0 && next == 2, prev > 0 && next == prev+2, prev > 0 && k+1 == len(ops):
			ids[o.index] = "op" + strconv.Itoa(prev+1)
		}
	}
	return ids
}

func nextNumber(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return ""
	}
	return strconv.Itoa(n + 1)
}

// clause makes the Clause of a draft, its sub-paragraphs included.
func (p *parser) clause(dr *draft, id, number string) *Clause {
	t := &subTree{chapeau: &subNode{line: dr.line}}
	t.current = t.chapeau
	for _, pc := range dr.pieces {
		t.feed(pc, dr.kind != Paragraph)
	}
	c := newClause(id, dr.kind, number, strings.Join(t.chapeau.parts, "\n"), dr.line)
	for _, n := range t.children {
		c.Children = append(c.Children, p.subClause(c, n))
	}
	return c
}

// subClause makes the Clause of a sub-paragraph and its children.
func (p *parser) subClause(parent *Clause, n *subNode) *Clause {
	id := p.newID(parent.ID + "." + n.label)
	c := newClause(id, Subparagraph, n.number, strings.Join(n.parts, "\n"), n.line)
	for _, k := range n.children {
		c.Children = append(c.Children, p.subClause(c, k))
	}
	return c
}

// newClause makes a clause from its raw text.
func newClause(id string, kind Kind, number, raw string, line int) *Clause {
	text, refs := plain(raw)
	if refs == nil {
		refs = []FootnoteRef{}
	}
	return &Clause{
		ID:        id,
		Label:     Label(id),
		Kind:      kind,
		Number:    number,
		Text:      text,
		Lead:      lead(kind, raw, text),
		Footnotes: refs,
		Children:  []*Clause{},
		Line:      line,
	}
}

// lead is the code point length of a clause's opening phrase: the
// *italic* phrase the raw text opens with, else for preambular paragraphs
// the longest lexicon phrase (or a first word in -ing), for operative
// paragraphs the verb phrase (lexicon or first word in -s), else 0.
func lead(kind Kind, raw, text string) int {
	if n := italicLead(raw, text); n > 0 {
		return n
	}
	switch kind {
	case Preambular:
		return preambularLead(text)
	case Operative:
		return operativeLead(text)
	}
	return 0
}

// italicLead is the length of the *italic* phrase raw opens with, if the
// plain text starts with it.
func italicLead(raw, text string) int {
	s := strings.TrimLeftFunc(raw, unicode.IsSpace)
	if !strings.HasPrefix(s, "*") {
		return 0
	}
	s = strings.TrimLeft(s, "*")
	i := strings.IndexByte(s, '*')
	if i < 0 {
		return 0
	}
	phrase, _ := plain(s[:i])
	if phrase == "" || !strings.HasPrefix(text, phrase) {
		return 0
	}
	return runeLen(phrase)
}
