package annotations

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Selection is the annotations of one document that an export writes: all
// the annotations of a Set (Set.Selection), or those a view chose, of any
// number of documents (the brief, the print view and the CSV take several).
type Selection struct {
	// Document is the document the annotations are on.
	Document *Document
	// Annotations are the annotations, in any order: the exports put them
	// in document order, orphans (those that do not fit the document's
	// text) last.
	Annotations []Annotation
}

// Selection returns the annotations of s for which keep reports true, all
// of them when keep is nil, in document order with orphans last.
func (s *Set) Selection(keep func(Annotation) bool) Selection {
	var as []Annotation
	s.each(func(a Annotation) {
		if keep == nil || keep(a) {
			as = append(as, a)
		}
	})
	return Selection{Document: s.doc, Annotations: as}
}

// BriefOptions are the options of the drafting brief and its print view.
type BriefOptions struct {
	// Delegation is the name the header gives as the delegation; when it
	// is "", the header names the authors of the annotations.
	Delegation string
	// Now gives the date of the brief; nil is time.Now.
	Now func() time.Time
}

// ErrSelection is wrapped by the errors the exports of selections return
// for a selection they cannot write.
var ErrSelection = errors.New("invalid selection")

// ordered checks the selections and returns, for each, its annotations in
// document order (by clause, start, end, id) with the orphans last (by id).
func ordered(sels []Selection) ([][]Annotation, error) {
	out := make([][]Annotation, len(sels))
	for i, sel := range sels {
		doc := sel.Document
		if doc == nil || doc.index == nil {
			return nil, fmt.Errorf("%w: selection %d has no document (make one with NewDocument)", ErrSelection, i)
		}
		type item struct {
			a      Annotation
			clause int // index of the clause, -1 for an orphan
		}
		items := make([]item, len(sel.Annotations))
		for j, a := range sel.Annotations {
			if a.Document != "" && a.Document != doc.Symbol {
				return nil, fmt.Errorf("%w: selection %d (%s): annotation %d (%s) is on %q", ErrSelection, i, doc.Symbol, j, a.ID, a.Document)
			}
			if err := validate(a); err != nil {
				err.Index, err.ID = j, a.ID
				return nil, fmt.Errorf("%w: selection %d (%s): %w", ErrSelection, i, doc.Symbol, err)
			}
			items[j] = item{a, -1}
			if doc.Fits(a) {
				items[j].clause = doc.Index(a.Clause)
			}
		}
		slices.SortStableFunc(items, func(x, y item) int {
			switch {
			case (x.clause < 0) != (y.clause < 0):
				return cmp.Compare(y.clause, x.clause) // the orphan (-1) last
			case x.clause < 0:
				return cmp.Compare(x.a.ID, y.a.ID)
			}
			if c := cmp.Compare(x.clause, y.clause); c != 0 {
				return c
			}
			return compareInClause(x.a, y.a)
		})
		out[i] = make([]Annotation, len(items))
		for j, it := range items {
			out[i][j] = it.a
		}
	}
	return out, nil
}

// The brief, as the Markdown brief and the print view both write it.

// brief is the content of a drafting brief.
type brief struct {
	docs []briefDoc
	// names is who the header names: the delegation of the options, or
	// the authors of the annotations; byline says which ("Delegation",
	// "Authors").
	names, byline string
	// single is the one author every entry would repeat: entries by it
	// do not name it.
	single   string
	exported time.Time
	counts   briefCounts
}

// briefCounts count what a brief lists: per section (commitments,
// requests, concerns, untagged) and the annotations to review.
type briefCounts struct {
	tags   [len(briefTags)]int
	review int
}

func (c *briefCounts) add(o briefCounts) {
	for i := range c.tags {
		c.tags[i] += o.tags[i]
	}
	c.review += o.review
}

// briefTags are the tags of the sections, in order: the empty tag is the
// untagged annotations.
var briefTags = [...]Tag{Commitment, Request, Concern, ""}

// briefDoc is one document of a brief.
type briefDoc struct {
	doc      *Document
	sections []briefSection // the sections that are not empty
	review   []Annotation   // the orphans
	counts   briefCounts
}

// briefSection is the annotations of one tag.
type briefSection struct {
	tag   Tag
	n     int
	parts []briefPart // in document order
}

// briefPart is the annotations of one section in one part of the document.
type briefPart struct {
	part Part
	// titled: the part has a heading (it is known, or the section also
	// has annotations in known parts).
	titled  bool
	clauses []briefClause
}

// briefClause is the annotations of one section on one clause.
type briefClause struct {
	clause Clause
	// text is the clause's text with line breaks and tabs as spaces (the
	// same code points).
	text []rune
	// marks are the ranges the span annotations mark, merged, in order.
	marks [][2]int
	notes []Annotation
}

// newBrief gathers what a brief of the selections says.
func newBrief(sels []Selection, opts BriefOptions) (*brief, error) {
	lists, err := ordered(sels)
	if err != nil {
		return nil, err
	}
	b := &brief{exported: clock(opts.Now)}
	var authors []string
	seen := map[string]bool{}
	for i, sel := range sels {
		d := briefDoc{doc: sel.Document}
		sections := make([]briefSection, len(briefTags))
		for j, t := range briefTags {
			sections[j].tag = t
		}
		for _, a := range lists[i] {
			if a.Author != "" && !seen[a.Author] {
				seen[a.Author] = true
				authors = append(authors, a.Author)
			}
			if !d.doc.Fits(a) {
				d.review = append(d.review, a)
				continue
			}
			j := slices.Index(briefTags[:], a.Tag)
			sections[j].add(d.doc, a)
			d.counts.tags[j]++
		}
		d.counts.review = len(d.review)
		for _, sec := range sections {
			if sec.n > 0 {
				sec.titleParts()
				d.sections = append(d.sections, sec)
			}
		}
		b.counts.add(d.counts)
		b.docs = append(b.docs, d)
	}
	switch {
	case opts.Delegation != "":
		b.names, b.byline = oneLine(opts.Delegation), "Delegation"
		b.single = opts.Delegation
	case len(authors) == 1:
		b.names, b.byline, b.single = authors[0], "Delegation", authors[0]
	case len(authors) > 1:
		b.names, b.byline = strings.Join(authors, ", "), "Authors"
	}
	return b, nil
}

// add puts a in its part and clause (a comes in document order).
func (sec *briefSection) add(doc *Document, a Annotation) {
	sec.n++
	c, _ := doc.Clause(a.Clause)
	if len(sec.parts) == 0 || sec.parts[len(sec.parts)-1].part != c.Part {
		sec.parts = append(sec.parts, briefPart{part: c.Part})
	}
	p := &sec.parts[len(sec.parts)-1]
	if len(p.clauses) == 0 || p.clauses[len(p.clauses)-1].clause.ID != c.ID {
		text := []rune(c.Text)
		for i, r := range text {
			if r == '\n' || r == '\r' || r == '\t' {
				text[i] = ' '
			}
		}
		p.clauses = append(p.clauses, briefClause{clause: c, text: text})
	}
	bc := &p.clauses[len(p.clauses)-1]
	bc.notes = append(bc.notes, a)
	if a.WholeClause() {
		return // marking the whole text says nothing: the entry says so
	}
	if n := len(bc.marks); n > 0 && a.Start <= bc.marks[n-1][1] {
		bc.marks[n-1][1] = max(bc.marks[n-1][1], a.End)
		return
	}
	bc.marks = append(bc.marks, [2]int{a.Start, a.End})
}

// titleParts decides which parts get a heading: all of them, unless none
// is a known part.
func (sec *briefSection) titleParts() {
	known := slices.ContainsFunc(sec.parts, func(p briefPart) bool { return p.part != Unknown })
	for i := range sec.parts {
		sec.parts[i].titled = known
	}
}

// sectionTitle is the heading of a tag's section.
func sectionTitle(t Tag) string {
	switch t {
	case Commitment:
		return "Commitments"
	case Request:
		return "Requests"
	case Concern:
		return "Concerns"
	}
	return "Untagged"
}

// partTitle is the heading of a part.
func partTitle(p Part) string {
	switch p {
	case Preamble:
		return "Preambular paragraphs"
	case OperativePart:
		return "Operative paragraphs"
	case AnnexPart:
		return "Annexes"
	}
	return "Other paragraphs"
}

// tagName names a tag in an entry ("request"), "untagged" for none.
func tagName(t Tag) string {
	if t == "" {
		return "untagged"
	}
	return string(t)
}

// countsText says what a brief holds: "2 commitments, 1 request, 1
// untagged; 2 to review", leaving out what there is none of; "none" when
// it holds nothing.
func (c briefCounts) text() string {
	words := [len(briefTags)]string{"commitment", "request", "concern", ""}
	var parts []string
	for i, n := range c.tags {
		switch {
		case n == 0:
		case words[i] == "":
			parts = append(parts, fmt.Sprintf("%d untagged", n))
		default:
			parts = append(parts, plural(n, words[i]))
		}
	}
	s := strings.Join(parts, ", ")
	if c.review > 0 {
		if s != "" {
			s += "; "
		}
		s += fmt.Sprintf("%d to review", c.review)
	}
	if s == "" {
		return "none"
	}
	return s
}

// docLine says where a document comes from: "Human Rights Council,
// Fifty-third session, adopted 12 July 2023"; "" when it is not known.
func docLine(d *Document) string {
	var parts []string
	for _, s := range []string{d.Body, d.Session} {
		if s = oneLine(s); s != "" {
			parts = append(parts, s)
		}
	}
	switch {
	case oneLine(d.Adopted) != "":
		parts = append(parts, "adopted "+oneLine(d.Adopted))
	case oneLine(d.Date) != "":
		parts = append(parts, "dated "+oneLine(d.Date))
	}
	return strings.Join(parts, ", ")
}

// docTitle is "A/HRC/RES/53/11 — Enhancement of …", or the symbol alone.
func docTitle(d *Document) string {
	if t := oneLine(d.Title); t != "" {
		return oneLine(d.Symbol) + " — " + t
	}
	return oneLine(d.Symbol)
}

// briefDate is how a brief writes a date.
func briefDate(t time.Time) string { return t.Format("2 January 2006") }

// clauseName is how an entry names a clause: its label, else its id.
func clauseName(c Clause) string {
	if l := oneLine(c.Label); l != "" {
		return l
	}
	return c.ID
}

// reviewName is how an entry to review names its clause: the clause's
// name, or "?" when the clause is not in the document.
func reviewName(doc *Document, id string) string {
	if c, ok := doc.Clause(id); ok {
		return clauseName(c)
	}
	if id != "" {
		return id
	}
	return "?"
}

// shortQuote is the quote that tells an annotation from the others of its
// clause: at most about 60 code points, cut at a space, "…" after.
func shortQuote(s string) string {
	s = oneLine(s)
	const most = 60
	rs := []rune(s)
	if len(rs) <= most {
		return s
	}
	cut := most
	for i := most; i > most/2; i-- {
		if rs[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
}

// oneLine is s with runs of white space (line breaks too) as one space,
// trimmed.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// entryAuthor is the author an entry names: "" when the header names it
// already.
func (b *brief) entryAuthor(a Annotation) string {
	if a.Author == b.single {
		return ""
	}
	return oneLine(a.Author)
}

// FileName suggests the name of the file of an export of the selections:
// the symbol of their document, or the number of documents, then what was
// selected ("requests"; "" is "annotations"), the day and the extension
// ext (".csv" or "csv"). A symbol keeps its ASCII letters and digits, and
// what was selected its letters and digits, lower case; any other run of
// characters becomes one '-'. For example
// "A-HRC-RES-53-11-annotations-2024-03-01.md" or
// "3-documents-requests-2026-11-30.csv".
func FileName(sels []Selection, what string, day time.Time, ext string) string {
	var symbols []string
	for _, s := range sels {
		if s.Document != nil && !slices.Contains(symbols, s.Document.Symbol) {
			symbols = append(symbols, s.Document.Symbol)
		}
	}
	var base string
	switch len(symbols) {
	case 1:
		base = slug(symbols[0], false)
	default:
		base = fmt.Sprintf("%d-documents", len(symbols))
	}
	if base == "" {
		base = "document"
	}
	w := slug(what, true)
	if w == "" {
		w = "annotations"
	}
	if rs := []rune(w); len(rs) > 40 {
		w = strings.TrimRight(string(rs[:40]), "-")
	}
	ext = strings.TrimPrefix(ext, ".")
	if ext != "" {
		ext = "." + slug(ext, true)
	}
	return base + "-" + w + "-" + day.Format("2006-01-02") + ext
}

// slug keeps the ASCII letters and digits of s (with unicode, every
// letter and digit, lower case) and makes each other run one '-', trimmed.
func slug(s string, unicodeLower bool) string {
	return Dashed(s, func(r rune) (rune, bool) {
		if unicodeLower {
			return unicode.ToLower(r), unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		return r, 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	})
}

// Dashed keeps the runes of s that keep keeps (as it maps them) and makes
// each run of the others one '-', none at either end: file names, and the
// library's document ids.
func Dashed(s string, keep func(rune) (rune, bool)) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		r, ok := keep(r)
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
