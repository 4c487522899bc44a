package resolution

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"strings"
)

//go:embed seed/A-HRC-RES-53-11.txt
var seed []byte

// Seed returns the text of the seed resolution, A/HRC/RES/53/11, embedded in
// the binary. The caller may modify the returned slice.
func Seed() []byte { return append([]byte(nil), seed...) }

// Clauses returns all clauses in document order: the preamble, then the
// operative part (with any plain paragraphs), each clause followed by its
// sub-paragraphs, depth first.
func (d *Document) Clauses() []*Clause {
	var all []*Clause
	var walk func(cs []*Clause)
	walk = func(cs []*Clause) {
		for _, c := range cs {
			all = append(all, c)
			walk(c.Children)
		}
	}
	walk(d.Preamble)
	walk(d.Operative)
	return all
}

// Clause returns the clause with the given id, or nil.
func (d *Document) Clause(id string) *Clause {
	for _, c := range d.Clauses() {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// TextSHA256 returns the hex SHA-256 of the document's clause texts: for
// each clause of Clauses, in that order, its ID, a tab, its Text and a
// newline ("pp1\tReaffirming …\n"). Annotations record it to notice that
// the text they were made on has changed.
func (d *Document) TextSHA256() string {
	h := sha256.New()
	for _, c := range d.Clauses() {
		h.Write([]byte(c.ID))
		h.Write([]byte{'\t'})
		h.Write([]byte(c.Text))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Label returns what delegates call the clause with the given id: "pp7" →
// "PP7", "op6.a.ii" → "OP6(a)(ii)", "p3" → "P3". A suffix that makes an id
// unique stays: "op4-2" → "OP4-2".
func Label(id string) string {
	parts := strings.Split(id, ".")
	var b strings.Builder
	b.WriteString(strings.ToUpper(parts[0]))
	for _, p := range parts[1:] {
		b.WriteString("(" + p + ")")
	}
	return b.String()
}
