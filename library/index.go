package library

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// Index is every annotation of every document, ready for the /annotations
// page: in document order (documents in symbol order, then clause order,
// then start, end and id; orphans after the clauses of their document),
// with what the filters compare (quote and note, author, body) folded once
// (Fold), so that a Filter over 30,000 annotations is a scan of
// precomputed strings, fast enough for every keystroke.
//
// An Index is built once from the summaries and the annotations as stored
// and does not change; build a new one when they do. Its Filter keeps the
// last result to narrow it when the next query only adds to the text (as
// typing does): an Index is not safe for concurrent use.
type Index struct {
	docs    []indexDoc
	items   []indexItem
	authors []string // as first written, by author index
	bodies  []string // as first written, by body index
	// blob is the folded text of every item in order, each followed by
	// "\x01", in one block of memory that a search reads straight through.
	// starts[i] is where item i's text begins; starts[len(items)] is
	// len(blob).
	blob   string
	starts []int32

	last struct {
		valid bool
		key   string  // the filters other than text and tags
		text  string  // the folded text of the last query
		base  []int32 // what matched every filter but the tags
	}
}

// indexDoc is a document of the index.
type indexDoc struct {
	summary Summary
	known   bool  // in the library (else: annotations without a document)
	body    int32 // body index, -1 for none
	clauses map[string]int32
}

// indexItem is one annotation with what the filters compare.
type indexItem struct {
	a      annotations.Annotation
	doc    int32
	author int32 // author index, -1 for none
	clause int32 // position of its clause in its document; orphans: MaxInt32
	tag    annotations.Tag
	orphan bool
	text   string // Fold(exact) + "\x00" + Fold(note), until the blob holds it
}

// NewIndex indexes the annotations as of summaries: each annotation goes
// with the document whose Symbol is its Document. Annotations of a symbol
// no summary has (saved before the library, of a text not added to it)
// are kept, under a document of that symbol that is not Known. An
// annotation whose clause the document does not have is an orphan.
func NewIndex(summaries []Summary, as []annotations.Annotation) *Index {
	x := &Index{}
	bySymbol := make(map[string]int32, len(summaries))
	bodyIndex := map[string]int32{}
	body := func(b string) int32 {
		if b == "" {
			return -1
		}
		f := Fold(b)
		if i, ok := bodyIndex[f]; ok {
			return i
		}
		i := int32(len(x.bodies))
		bodyIndex[f] = i
		x.bodies = append(x.bodies, b)
		return i
	}
	addDoc := func(s Summary, known bool) int32 {
		d := indexDoc{summary: s, known: known, body: body(s.Body), clauses: make(map[string]int32, len(s.Clauses))}
		for i, c := range s.Clauses {
			if _, dup := d.clauses[c]; !dup {
				d.clauses[c] = int32(i)
			}
		}
		i := int32(len(x.docs))
		x.docs = append(x.docs, d)
		bySymbol[s.Symbol] = i
		return i
	}
	sorted := slices.Clone(summaries)
	Sort(sorted, BySymbol, false)
	for _, s := range sorted {
		if _, dup := bySymbol[s.Symbol]; !dup {
			addDoc(s, true)
		}
	}
	authorIndex := map[string]int32{}
	x.items = make([]indexItem, len(as))
	for i, a := range as {
		d, ok := bySymbol[a.Document]
		if !ok {
			d = addDoc(Summary{ID: DocumentID(a.Document), Symbol: a.Document, Body: BodyOfSymbol(a.Document)}, false)
		}
		it := indexItem{a: a, doc: d, author: -1, clause: math.MaxInt32, tag: a.Tag}
		if a.Tag != annotations.Commitment && a.Tag != annotations.Request && a.Tag != annotations.Concern {
			it.tag = ""
		}
		if c, ok := x.docs[d].clauses[a.Clause]; ok && a.Clause != "" {
			it.clause = c
		} else {
			it.orphan = true
		}
		if a.Author != "" {
			f := Fold(a.Author)
			ai, ok := authorIndex[f]
			if !ok {
				ai = int32(len(x.authors))
				authorIndex[f] = ai
				x.authors = append(x.authors, a.Author)
			}
			it.author = ai
		}
		it.text = Fold(a.Exact) + "\x00" + Fold(a.Note)
		x.items[i] = it
	}
	// Unknown documents were added after the known ones: put every
	// document in symbol order again and renumber.
	order := make([]int32, len(x.docs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		return CompareSymbols(x.docs[i].summary.Symbol, x.docs[j].summary.Symbol)
	})
	rank := make([]int32, len(x.docs))
	docs := make([]indexDoc, len(x.docs))
	for r, i := range order {
		rank[i] = int32(r)
		docs[r] = x.docs[i]
	}
	x.docs = docs
	for i := range x.items {
		x.items[i].doc = rank[x.items[i].doc]
	}
	slices.SortFunc(x.items, func(p, q indexItem) int {
		if c := cmp.Compare(p.doc, q.doc); c != 0 {
			return c
		}
		if c := cmp.Compare(p.clause, q.clause); c != 0 {
			return c
		}
		if !p.orphan {
			if c := cmp.Compare(p.a.Start, q.a.Start); c != 0 {
				return c
			}
			if c := cmp.Compare(p.a.End, q.a.End); c != 0 {
				return c
			}
		}
		return strings.Compare(p.a.ID, q.a.ID)
	})
	x.buildBlob()
	return x
}

// buildBlob joins the folded texts of the items, in their final order.
func (x *Index) buildBlob() {
	n := 0
	for i := range x.items {
		n += len(x.items[i].text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	x.starts = make([]int32, len(x.items)+1)
	for i := range x.items {
		x.starts[i] = int32(b.Len())
		b.WriteString(x.items[i].text)
		b.WriteByte(1)
		x.items[i].text = "" // the blob holds it
	}
	x.starts[len(x.items)] = int32(b.Len())
	x.blob = b.String()
}

// text returns item i's folded quote and note.
func (x *Index) text(i int32) string { return x.blob[x.starts[i] : x.starts[i+1]-1] }

// Len is the number of annotations indexed.
func (x *Index) Len() int { return len(x.items) }

// Authors returns the authors of the annotations, each once (as first
// written; compared with Fold), in alphabetical order: the choices of the
// author filter.
func (x *Index) Authors() []string { return sortedFolded(x.authors) }

// Bodies returns the bodies of the documents, each once, in alphabetical
// order: the choices of the body filter.
func (x *Index) Bodies() []string { return sortedFolded(x.bodies) }

// Documents returns the documents of the index in its order: those of the
// library, and for annotations of a symbol the library lacks, a Summary
// with only its ID, Symbol and Body (Known reports which).
func (x *Index) Documents() []Summary {
	out := make([]Summary, len(x.docs))
	for i, d := range x.docs {
		out[i] = d.summary
	}
	return out
}

// Known reports whether the document with this id is in the library
// (false for the documents NewIndex made up for annotations of a symbol
// the library lacks, and for ids it does not have).
func (x *Index) Known(id string) bool {
	for _, d := range x.docs {
		if d.summary.ID == id {
			return d.known
		}
	}
	return false
}

func sortedFolded(ss []string) []string {
	out := slices.Clone(ss)
	slices.SortFunc(out, func(a, b string) int {
		if c := strings.Compare(Fold(a), Fold(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return out
}

// Query is what the /annotations page filters by: the panel's filters (tag,
// text in quote and note) plus document, body and author. Every filter
// left empty keeps everything; a filter of several values keeps what has
// any of them.
type Query struct {
	// Tags keeps the annotations with one of these tags; the empty Tag
	// keeps the untagged ones.
	Tags []annotations.Tag
	// Text keeps the annotations whose quote or note contains it, ignoring
	// case, accents and runs of spaces (Fold).
	Text string
	// Documents keeps the annotations of these documents (ids).
	Documents []string
	// Bodies keeps the annotations of documents of these bodies (compared
	// with Fold).
	Bodies []string
	// Authors keeps the annotations of these authors (compared with Fold).
	Authors []string
}

// Result is what a Query keeps, in the index's order.
type Result struct {
	// Counts are the annotations per tag (untagged and orphans too) among
	// those that every filter but the tag keeps: what each tag button
	// would show.
	Counts annotations.Counts
	// Total is how many annotations the query keeps.
	Total int

	x      *Index
	items  []int32 // positions in x.items
	perDoc []int32 // matches per document
}

// Filter returns the annotations q keeps, with the counts per tag.
func (x *Index) Filter(q Query) *Result {
	text := Fold(q.Text)
	key, docOK, authorOK := x.compile(q)

	var tagOK [4]bool // commitment, request, concern, untagged
	if len(q.Tags) == 0 {
		tagOK = [4]bool{true, true, true, true}
	}
	for _, t := range q.Tags {
		tagOK[tagSlot(t)] = true
	}
	r := &Result{x: x, perDoc: make([]int32, len(x.docs))}
	var base []int32
	keep := func(i int32) {
		it := &x.items[i]
		if docOK != nil && !docOK[it.doc] {
			return
		}
		if authorOK != nil && (it.author < 0 || !authorOK[it.author]) {
			return
		}
		base = append(base, i)
		slot := tagSlot(it.tag)
		switch slot {
		case 0:
			r.Counts.Commitment++
		case 1:
			r.Counts.Request++
		case 2:
			r.Counts.Concern++
		default:
			r.Counts.Untagged++
		}
		if it.orphan {
			r.Counts.Orphans++
		}
		if tagOK[slot] {
			r.items = append(r.items, i)
			r.perDoc[it.doc]++
		}
	}
	narrow := x.last.valid && x.last.key == key && strings.Contains(text, x.last.text)
	switch {
	case narrow && len(x.last.base) < len(x.items)/8:
		// Typing on: only what the last text kept can match.
		for _, i := range x.last.base {
			if text == "" || strings.Contains(x.text(i), text) {
				keep(i)
			}
		}
	case text == "":
		for i := range x.items {
			keep(int32(i))
		}
	default:
		// One scan of the blob: strings.Index runs through long stretches
		// without a match at memory speed; each match is the item whose
		// text holds it, then the scan goes on from the next item.
		i := int32(0)
		for pos := 0; pos < len(x.blob); {
			k := strings.Index(x.blob[pos:], text)
			if k < 0 {
				break
			}
			at := int32(pos + k)
			for x.starts[i+1] <= at {
				i++
			}
			keep(i)
			pos = int(x.starts[i+1])
		}
	}
	r.Total = len(r.items)
	x.last.valid, x.last.key, x.last.text, x.last.base = true, key, text, base
	return r
}

// tagSlot is a tag's place in Filter's table: the three tags, then the
// untagged.
func tagSlot(t annotations.Tag) int {
	switch t {
	case annotations.Commitment:
		return 0
	case annotations.Request:
		return 1
	case annotations.Concern:
		return 2
	}
	return 3
}

// compile turns the document, body and author filters into tables by
// document and author index (nil: keep all), and a key that is the same
// for the same filters.
func (x *Index) compile(q Query) (key string, docOK, authorOK []bool) {
	var k strings.Builder
	if len(q.Documents) > 0 || len(q.Bodies) > 0 {
		ids := map[string]bool{}
		for _, id := range q.Documents {
			ids[id] = true
		}
		bodies := map[string]bool{}
		for _, b := range q.Bodies {
			bodies[Fold(b)] = true
		}
		docOK = make([]bool, len(x.docs))
		for i, d := range x.docs {
			ok := len(ids) == 0 || ids[d.summary.ID]
			if len(bodies) > 0 && (d.body < 0 || !bodies[Fold(x.bodies[d.body])]) {
				ok = false
			}
			docOK[i] = ok
			if ok {
				k.WriteString("d")
			} else {
				k.WriteString("-")
			}
		}
	}
	k.WriteString("|")
	if len(q.Authors) > 0 {
		want := map[string]bool{}
		for _, a := range q.Authors {
			want[Fold(a)] = true
		}
		authorOK = make([]bool, len(x.authors))
		for i, a := range x.authors {
			authorOK[i] = want[Fold(a)]
			if authorOK[i] {
				k.WriteString("a")
			} else {
				k.WriteString("-")
			}
		}
	}
	return k.String(), docOK, authorOK
}

// Documents is how many documents the annotations kept are of (without
// copying them, as len of the documents of Annotations(0, Total) would).
func (r *Result) Documents() int {
	n := 0
	for _, c := range r.perDoc {
		if c > 0 {
			n++
		}
	}
	return n
}

// Annotations returns the annotations kept from position from to to (end
// excluded, clamped to Total), in order: the rows of a list that loads as
// it scrolls.
func (r *Result) Annotations(from, to int) []annotations.Annotation {
	from, to = max(from, 0), min(to, len(r.items))
	if from >= to {
		return []annotations.Annotation{}
	}
	out := make([]annotations.Annotation, 0, to-from)
	for _, i := range r.items[from:to] {
		out = append(out, r.x.items[i].a)
	}
	return out
}

// Group is one document's part of a Result.
type Group struct {
	// Document is the document's summary; Known is false for annotations
	// of a symbol the library lacks (Document has only ID, Symbol, Body).
	Document Summary
	Known    bool
	// Total is how many annotations of the document the query keeps (all
	// of them, not only those of this page).
	Total int
	// Clauses are the clauses with annotations on this page, in document
	// order, orphans last.
	Clauses []ClauseGroup
}

// ClauseGroup is the annotations of one clause in a Group.
type ClauseGroup struct {
	// Clause is the clause id; Label what delegates call it ("OP21").
	Clause, Label string
	// Orphans is set for the group of the document's orphans (annotations
	// whose clause the current text lacks), which comes last.
	Orphans     bool
	Annotations []annotations.Annotation
}

// Groups returns the annotations kept from position from to to (as in
// Annotations) grouped by document, then by clause, in document order:
// the /annotations page, a page at a time.
func (r *Result) Groups(from, to int) []Group {
	from, to = max(from, 0), min(to, len(r.items))
	var out []Group
	for k := from; k < to; k++ {
		it := &r.x.items[r.items[k]]
		if len(out) == 0 || out[len(out)-1].Document.Symbol != r.x.docs[it.doc].summary.Symbol {
			d := r.x.docs[it.doc]
			out = append(out, Group{Document: d.summary, Known: d.known, Total: int(r.perDoc[it.doc])})
		}
		g := &out[len(out)-1]
		clause, label := it.a.Clause, resolution.Label(it.a.Clause)
		if it.orphan {
			clause, label = "", ""
		}
		if n := len(g.Clauses); n == 0 || g.Clauses[n-1].Clause != clause || g.Clauses[n-1].Orphans != it.orphan {
			g.Clauses = append(g.Clauses, ClauseGroup{Clause: clause, Label: label, Orphans: it.orphan})
		}
		c := &g.Clauses[len(g.Clauses)-1]
		c.Annotations = append(c.Annotations, it.a)
	}
	if out == nil {
		out = []Group{}
	}
	return out
}
