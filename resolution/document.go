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
// operative part (with any plain paragraphs), then the paragraphs of each
// annex, each clause followed by its sub-paragraphs, depth first.
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
	for _, a := range d.Annexes {
		walk(a.Paragraphs)
	}
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
// unique stays: "op4-2" → "OP4-2". An annex paragraph is named by its annex
// in roman numbers and its number: "annex1.p3" → "Annex I, 3",
// "annex2.p3.a" → "Annex II, 3(a)", "annex1.p3-2" → "Annex I, 3-2".
func Label(id string) string {
	parts := strings.Split(id, ".")
	var b strings.Builder
	if n, ok := annexNumber(parts[0]); ok && len(parts) > 1 && strings.HasPrefix(parts[1], "p") {
		b.WriteString("Annex " + roman(n) + ", " + parts[1][1:])
		parts = parts[1:]
	} else {
		b.WriteString(strings.ToUpper(parts[0]))
	}
	for _, p := range parts[1:] {
		b.WriteString("(" + p + ")")
	}
	return b.String()
}

// annexNumber reads the N of an annex id "annexN" (1 to 999).
func annexNumber(s string) (int, bool) {
	rest, ok := strings.CutPrefix(s, "annex")
	if !ok || len(rest) == 0 || len(rest) > 3 || !isDigits(rest) || rest[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(rest); i++ {
		n = n*10 + int(rest[i]-'0')
	}
	return n, true
}

// roman writes n (1 to 3999) in capital roman numerals.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
