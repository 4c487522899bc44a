package markup

import (
	"hash/fnv"
	"strconv"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// Digest names the highlights a render of parts with the view v shows: a
// short string that changes whenever what the markup writes for the
// annotations changes — an annotation added or removed, its clause, range,
// tag, quote, its accessible description, whether it has a note — and stays
// the same otherwise, whatever order v gives each clause's annotations in.
// Two renders of the same parts whose views have the same digest write the
// same clause HTML, but for the classes the page toggles (View.Target and
// View.Selected), which it leaves out. A page that keeps a copy of a
// render says with it which highlights it shows: the app compares that
// with the digest of its own annotations before it takes the copy as its
// own.
//
// Whatever the markup writes from an annotation must be part of the digest
// (see markFields); the test of this file checks each field.
func Digest(parts []Part, v View) string {
	var sum, mix uint64
	n := 0
	var each func(c *resolution.Clause)
	each = func(c *resolution.Clause) {
		for _, a := range v.annotationsOf(c.ID) {
			h := markHash(c.ID, a)
			sum += h
			mix ^= h*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019
			n++
		}
		for _, child := range c.Children {
			each(child)
		}
	}
	for _, p := range parts {
		for _, c := range p.Clauses {
			each(c)
		}
	}
	return strconv.Itoa(n) + "-" + strconv.FormatUint(sum, 36) + "-" + strconv.FormatUint(mix, 36)
}

// markHash hashes what the markup writes from one annotation of a clause.
func markHash(clause string, a annotations.Annotation) uint64 {
	h := fnv.New64a()
	for _, f := range markFields(clause, a) {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// markFields are the fields of an annotation the clause markup writes or
// depends on: its clause (where it is drawn), its range, its Mark (id,
// tag, note or not, accessible description) and its quote.
func markFields(clause string, a annotations.Annotation) []string {
	m := MarkOf(a)
	note := "0"
	if m.Note {
		note = "1"
	}
	return []string{clause, m.ID, strconv.Itoa(a.Start), strconv.Itoa(a.End), string(m.Tag), note, m.Description, a.Exact}
}
