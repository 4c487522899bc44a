package annotations

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Document is what annotations need to know of a resolution. Build it with
// NewDocument and do not change it afterwards: it keeps an index of its
// clauses.
type Document struct {
	// Symbol is the document symbol, e.g. "A/HRC/RES/53/11".
	Symbol string
	// Title is the title without the number.
	Title string
	// TextSHA256 identifies the text the offsets count in (64 lowercase hex
	// digits). Files carry it; a file whose hash differs is re-anchored.
	TextSHA256 string
	// Source is the IRI of the document in W3C files, e.g.
	// "https://undocs.org/A/HRC/RES/53/11".
	Source string
	// Body is the adopting organ, e.g. "Human Rights Council"; "" if not
	// known. The brief names it.
	Body string
	// Session is the session as printed, e.g. "Fifty-third session"; ""
	// if not known.
	Session string
	// Date is the date of the document as printed under its distribution,
	// e.g. "15 March 2018"; "" if not known.
	Date string
	// Adopted is the date of adoption as printed, e.g. "12 July 2023"; ""
	// for a draft or when not known.
	Adopted string
	// Clauses are the clauses in document order.
	Clauses []Clause

	index   map[string]int
	clauses []*clauseText
	// starts[i] and starts16[i] are where clause i begins in the
	// document text (Text), in code points and in UTF-16 units;
	// starts[len(clauses)] is the length of the text plus one separator.
	starts, starts16 []int
	grams            gramIndex // built on first use (gramsOnce): only anchoring needs it
	once             *sync.Once
}

// Clause is one clause of a document: what an annotation targets.
type Clause struct {
	// ID is the stable clause id, e.g. "op21", "op6.a".
	ID string
	// Label is what delegates say, e.g. "OP21", "OP6(a)".
	Label string
	// Text is the plain text the offsets count in.
	Text string
	// Part is the part of the resolution the clause is in (Unknown if not
	// known): the brief lists preambular, operative and annex paragraphs
	// apart. It is not part of the text: TextSHA256 does not count it.
	Part Part
}

// clauseText is a clause with its code point index.
type clauseText struct {
	id, label, text string
	runes           []rune
	// offs[i] is the byte offset of code point i; offs[len(runes)] = len(text).
	offs []int
}

func newClauseText(id, label, text string) *clauseText {
	c := &clauseText{id: id, label: label, text: text}
	n := utf8.RuneCountInString(text)
	c.runes = make([]rune, 0, n)
	c.offs = make([]int, 0, n+1)
	for i, r := range text {
		c.runes = append(c.runes, r)
		c.offs = append(c.offs, i)
	}
	c.offs = append(c.offs, len(text))
	return c
}

// slice is the text from code point start to end.
func (c *clauseText) slice(start, end int) string { return c.text[c.offs[start]:c.offs[end]] }

// runeAt converts a byte offset of the text (at a code point boundary) to a
// code point offset.
func (c *clauseText) runeAt(byteOff int) int {
	lo, hi := 0, len(c.offs)-1
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.offs[m] < byteOff {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// ErrDocument is wrapped by the errors of NewDocument.
var ErrDocument = errors.New("invalid document")

// NewDocument checks d and returns a copy with its clause index built. An
// empty Source becomes "https://undocs.org/" + Symbol; an empty TextSHA256
// becomes ClausesSHA256 of the clauses.
func NewDocument(d Document) (*Document, error) {
	if d.Symbol == "" {
		return nil, fmt.Errorf("%w: no symbol", ErrDocument)
	}
	for _, f := range []string{d.Symbol, d.Title, d.Body, d.Session, d.Date, d.Adopted} {
		if !utf8.ValidString(f) {
			return nil, fmt.Errorf("%w: symbol, title, body, session or date is not valid UTF-8", ErrDocument)
		}
	}
	nd := d
	nd.Clauses = append([]Clause(nil), d.Clauses...)
	nd.index = make(map[string]int, len(nd.Clauses))
	nd.clauses = make([]*clauseText, len(nd.Clauses))
	for i, c := range nd.Clauses {
		switch {
		case !validClauseID(c.ID) || c.ID == "":
			return nil, fmt.Errorf("%w: clause %d: invalid id %q", ErrDocument, i, c.ID)
		case !utf8.ValidString(c.Text) || !utf8.ValidString(c.Label):
			return nil, fmt.Errorf("%w: clause %s: text is not valid UTF-8", ErrDocument, c.ID)
		case !c.Part.valid():
			return nil, fmt.Errorf("%w: clause %s: unknown part %d", ErrDocument, c.ID, c.Part)
		}
		if _, dup := nd.index[c.ID]; dup {
			return nil, fmt.Errorf("%w: duplicate clause id %q", ErrDocument, c.ID)
		}
		nd.index[c.ID] = i
		nd.clauses[i] = newClauseText(c.ID, c.Label, c.Text)
	}
	nd.starts = make([]int, len(nd.clauses)+1)
	nd.starts16 = make([]int, len(nd.clauses)+1)
	for i, c := range nd.clauses {
		nd.starts[i+1] = nd.starts[i] + len(c.runes) + 1
		nd.starts16[i+1] = nd.starts16[i] + utf16Len(c.runes) + 1
	}
	nd.once = new(sync.Once)
	if nd.Source == "" {
		nd.Source = "https://undocs.org/" + nd.Symbol
	}
	if nd.TextSHA256 == "" {
		nd.TextSHA256 = ClausesSHA256(nd.Clauses)
	}
	return &nd, nil
}

// ClausesSHA256 is a hash of clause ids and texts (each "id\ttext\n"), the
// TextSHA256 of a Document built without one.
func ClausesSHA256(cs []Clause) string {
	h := sha256.New()
	for _, c := range cs {
		h.Write([]byte(c.ID))
		h.Write([]byte{'\t'})
		h.Write([]byte(c.Text))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Clause returns the clause with the given id.
func (d *Document) Clause(id string) (Clause, bool) {
	i, ok := d.index[id]
	if !ok {
		return Clause{}, false
	}
	return d.Clauses[i], true
}

// Index returns the position of a clause in document order, or -1.
func (d *Document) Index(id string) int {
	if i, ok := d.index[id]; ok {
		return i
	}
	return -1
}

// Label returns the label of a clause (OP21), or "" if there is none.
func (d *Document) Label(id string) string {
	if i, ok := d.index[id]; ok {
		return d.Clauses[i].Label
	}
	return ""
}

// ClauseLen returns the length of a clause's text in code points, or -1.
func (d *Document) ClauseLen(id string) int {
	if i, ok := d.index[id]; ok {
		return len(d.clauses[i].runes)
	}
	return -1
}

// Fits reports whether a is anchored as it is: its clause exists, its offsets
// lie inside the clause's text and the text there equals Exact. An
// annotation that does not fit is an orphan until it is re-anchored.
func (d *Document) Fits(a Annotation) bool {
	i, ok := d.index[a.Clause]
	if !ok {
		return false
	}
	c := d.clauses[i]
	return 0 <= a.Start && a.Start < a.End && a.End <= len(c.runes) && c.slice(a.Start, a.End) == a.Exact
}

// Whole returns the range of a whole clause, [0, length).
func (d *Document) Whole(id string) (start, end int, ok bool) {
	n := d.ClauseLen(id)
	return 0, n, n > 0
}

// validClauseID reports whether id is a plausible clause id: at most
// MaxClauseIDLength ASCII letters, digits, '.', '_' or '-'. The empty id is
// valid (an annotation without a known clause).
func validClauseID(id string) bool {
	if len(id) > MaxClauseIDLength {
		return false
	}
	return strings.IndexFunc(id, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '_' || r == '-')
	}) < 0
}

// gramIndex returns the trigram index of the clauses, built the first time
// it is needed: opening a long resolution does not pay for it, anchoring
// (an import, a revised text) does, once.
func (d *Document) gramIndex() gramIndex {
	if d.once == nil { // not made by NewDocument
		return buildGrams(d.clauses)
	}
	d.once.Do(func() { d.grams = buildGrams(d.clauses) })
	return d.grams
}

// The document text. Text positions in W3C files made for other tools count
// in it (FORMAT.md, "Document text"): the plain text of every clause, in
// document order, each followed by a line feed except the last. It is the
// textContent of an element holding one block element per clause with a
// line break between them, e.g. "<p>PP1 text</p>\n<p>PP2 text</p>", which is
// how a page that shows the clauses one to a paragraph renders it.

// ClauseSeparator is what separates two clauses in the document text.
const ClauseSeparator = "\n"

// Text returns the document text: the clause texts joined by
// ClauseSeparator.
func (d *Document) Text() string {
	var b strings.Builder
	for i, c := range d.clauses {
		if i > 0 {
			b.WriteString(ClauseSeparator)
		}
		b.WriteString(c.text)
	}
	return b.String()
}

// TextLen is the length of the document text in code points.
func (d *Document) TextLen() int {
	if len(d.clauses) == 0 {
		return 0
	}
	return d.starts[len(d.clauses)] - 1
}

// TextOffset converts code point off of a clause to a code point offset in
// the document text.
func (d *Document) TextOffset(clause string, off int) (int, bool) {
	i, ok := d.index[clause]
	if !ok || off < 0 || off > len(d.clauses[i].runes) {
		return 0, false
	}
	return d.starts[i] + off, true
}

// Locate converts the span [start, end) of the document text, in code
// points, to a clause and offsets in it. It reports false for a span that is
// empty, out of range, or not inside one clause.
func (d *Document) Locate(start, end int) (clause string, s, e int, ok bool) {
	return d.locate(d.starts, start, end, false)
}

// LocateUTF16 is Locate for offsets that count UTF-16 code units, as
// JavaScript tools count; the offsets it returns count code points.
func (d *Document) LocateUTF16(start, end int) (clause string, s, e int, ok bool) {
	return d.locate(d.starts16, start, end, true)
}

func (d *Document) locate(starts []int, start, end int, utf16 bool) (string, int, int, bool) {
	if start < 0 || end <= start || len(d.clauses) == 0 {
		return "", 0, 0, false
	}
	// The clause i with starts[i] <= start < starts[i+1].
	i, found := slices.BinarySearch(starts, start)
	if !found {
		i--
	}
	if i < 0 || i >= len(d.clauses) {
		return "", 0, 0, false
	}
	c := d.clauses[i]
	s, e := start-starts[i], end-starts[i]
	if utf16 {
		n16 := starts[i+1] - starts[i] - 1
		if e > n16 {
			return "", 0, 0, false
		}
		s16 := s
		s, e = UTF16ToCodePoints(c.text, s), UTF16ToCodePoints(c.text, e)
		if CodePointsToUTF16(c.text, s) != s16 || s >= e {
			return "", 0, 0, false // inside a surrogate pair
		}
	}
	if e > len(c.runes) {
		return "", 0, 0, false
	}
	return c.id, s, e, true
}

// textContext returns up to ContextLength code points of the document text
// before and after [s, e) of clause i: the W3C quote selector's prefix and
// suffix over the document text, which run into the neighbouring clauses.
func (d *Document) textContext(i, s, e int) (prefix, suffix string) {
	var before []string
	need := ContextLength
	for j, off := i, s; need > 0 && j >= 0; j-- {
		c := d.clauses[j]
		if j < i {
			before = append(before, ClauseSeparator)
			need -= runeLen(ClauseSeparator)
			if need <= 0 {
				break
			}
			off = len(c.runes)
		}
		from := max(0, off-need)
		before = append(before, c.slice(from, off))
		need -= off - from
	}
	slices.Reverse(before)
	var after []string
	need = ContextLength
	for j, off := i, e; need > 0 && j < len(d.clauses); j++ {
		c := d.clauses[j]
		if j > i {
			after = append(after, ClauseSeparator)
			need -= runeLen(ClauseSeparator)
			if need <= 0 {
				break
			}
			off = 0
		}
		to := min(len(c.runes), off+need)
		after = append(after, c.slice(off, to))
		need -= to - off
	}
	return strings.Join(before, ""), strings.Join(after, "")
}

// utf16Len is the length of rs in UTF-16 code units.
func utf16Len(rs []rune) int {
	n := len(rs)
	for _, r := range rs {
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
