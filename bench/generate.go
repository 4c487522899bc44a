package bench

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// Resolution returns the seed resolution (resolution.Seed, A/HRC/RES/53/11)
// repeated k times as one long resolution: the header once, then the
// preambular paragraphs of all k copies, then their operative paragraphs
// numbered on from 1 to 37k, then the adoption and the vote once. Footnotes
// are numbered in the order they appear (1 to 5k), markers and footnote
// texts alike. k < 1 counts as 1; Resolution(1) is the seed.
func Resolution(k int) []byte {
	k = max(k, 1)
	s := splitSeed()
	fnPre, fnOps := s.preFootnotes, s.opFootnotes
	var b bytes.Buffer
	b.Grow(len(s.header) + k*(len(s.preamble)+len(s.operative)+64) + len(s.closing))
	b.Write(s.header)
	for i := range k {
		// Footnotes n of the preamble (1..fnPre) become fnPre·i + n.
		b.Write(renumberFootnotes(s.preamble, func(n int) int { return fnPre*i + n }))
	}
	for i := range k {
		// Footnotes of the operative part (fnPre+1..fnPre+fnOps) come after
		// every preambular one.
		ops := renumberFootnotes(s.operative, func(n int) int { return fnPre*k + fnOps*i + (n - fnPre) })
		b.Write(renumberOperative(ops, s.opCount*i))
	}
	b.Write(s.closing)
	return b.Bytes()
}

// ParsedOperative is how many operative paragraphs resolution.Parse finds
// in Resolution(k): 37k.
func ParsedOperative(k int) int {
	return max(k, 1) * splitSeed().opCount
}

// seedParts is the seed cut where Resolution repeats it.
type seedParts struct {
	header    []byte // up to the first preambular paragraph
	preamble  []byte // the preambular paragraphs (and footnotes among them)
	operative []byte // the operative paragraphs (and footnotes among them)
	closing   []byte // the adoption and the vote

	opCount                   int // numbered paragraphs in operative
	preFootnotes, opFootnotes int // footnotes defined in preamble, operative
}

var (
	numberedLine = regexp.MustCompile(`(?m)^(\d+)\.[ \t]`)
	footnoteLine = regexp.MustCompile(`(?m)^[⁰¹²³⁴⁵⁶⁷⁸⁹]+[ \t]`)
)

func splitSeed() seedParts {
	seed := resolution.Seed()
	cut := func(marker string) int {
		i := bytes.Index(seed, []byte(marker))
		if i < 0 {
			panic("bench: the seed resolution changed: " + strconv.Quote(marker) + " not found")
		}
		return i
	}
	start := cut("Reaffirming its commitment")
	ops := cut("\n1. *Reaffirms*") + 1
	end := cut("*34th meeting")
	s := seedParts{header: seed[:start], preamble: seed[start:ops], operative: seed[ops:end], closing: seed[end:]}
	s.opCount = len(numberedLine.FindAll(s.operative, -1))
	s.preFootnotes = len(footnoteLine.FindAll(s.preamble, -1))
	s.opFootnotes = len(footnoteLine.FindAll(s.operative, -1))
	return s
}

// superscripts are the superscript digits 0–9.
var superscripts = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

func superscriptValue(r rune) (int, bool) {
	for i, s := range superscripts {
		if r == s {
			return i, true
		}
	}
	return 0, false
}

// renumberFootnotes replaces every run of superscript digits (a footnote
// marker in the text or the number that starts a footnote) by renumber of
// its value.
func renumberFootnotes(text []byte, renumber func(int) int) []byte {
	var b bytes.Buffer
	b.Grow(len(text) + 16)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if _, ok := superscriptValue(r); !ok {
			b.Write(text[i : i+size])
			i += size
			continue
		}
		n := 0
		for i < len(text) {
			r, size := utf8.DecodeRune(text[i:])
			d, ok := superscriptValue(r)
			if !ok {
				break
			}
			n = n*10 + d
			i += size
		}
		for _, c := range strconv.Itoa(renumber(n)) {
			b.WriteRune(superscripts[c-'0'])
		}
	}
	return b.Bytes()
}

// renumberOperative adds offset to the number of every numbered paragraph.
func renumberOperative(text []byte, offset int) []byte {
	if offset == 0 {
		return text
	}
	return numberedLine.ReplaceAllFunc(text, func(m []byte) []byte {
		dot := bytes.IndexByte(m, '.')
		n, _ := strconv.Atoi(string(m[:dot]))
		return append([]byte(strconv.Itoa(n+offset)), m[dot:]...)
	})
}

// Annotations returns a native annotation file (annotations.ExportJSON,
// exported at a fixed time) holding n pseudo-random annotations of the
// resolution text doc, the same bytes for the same (doc, n, seed):
//
//   - in clauses drawn at random, each clause as likely as any other;
//   - one in ten marks its whole clause, the others a span of 20 to 200
//     code points (clamped to the clause, so a short clause may be marked
//     whole), and one span in five starts inside an earlier annotation of
//     the same clause, so that highlights overlap;
//   - tags drawn at random among the three, one annotation in five with a
//     short note, ids version-4 UUIDs drawn from the same generator;
//   - no two with the same clause, range and tag (an import counts those as
//     duplicates, so all n are added).
//
// It panics if doc is not a resolution that can hold annotations, or cannot
// hold n distinct ones.
func Annotations(doc []byte, n int, seed int64) []byte {
	parsed, err := resolution.Parse(doc)
	if err != nil {
		panic(fmt.Sprintf("bench: the document does not parse: %v", err))
	}
	adoc, err := library.AnnotationDocument(parsed, "")
	if err != nil {
		panic(fmt.Sprintf("bench: the document cannot hold annotations: %v", err))
	}
	set := annotationSet(adoc, n, seed)
	out, err := annotations.ExportJSON(set, func() time.Time { return exportTime })
	if err != nil {
		panic(fmt.Sprintf("bench: export: %v", err))
	}
	return out
}

// annotationSet is the set of n annotations of adoc that Annotations
// writes (see there); it panics where Annotations does.
func annotationSet(adoc *annotations.Document, n int, seed int64) *annotations.Set {
	set := annotations.NewSet(adoc, func() time.Time { return exportTime })
	rng := newRNG(uint64(seed))
	clauses := adoc.Clauses
	type key struct {
		clause     int
		start, end int
		tag        annotations.Tag
	}
	seen := make(map[key]bool, n)
	type span struct{ start, end int }
	placed := make([][]span, len(clauses)) // per clause, for overlaps
	for tries := 0; set.Len() < n; tries++ {
		if tries > 100*n+1000 {
			panic(fmt.Sprintf("bench: cannot place %d distinct annotations in this document", n))
		}
		ci := rng.intn(len(clauses))
		c := clauses[ci]
		length := utf8.RuneCountInString(c.Text)
		if length == 0 {
			continue
		}
		var start, end int
		switch {
		case rng.intn(10) == 0 && length <= annotations.MaxQuoteLength:
			start, end = 0, length
		default:
			w := 20 + rng.intn(181)
			if w >= length {
				start, end = 0, length
				if length > annotations.MaxQuoteLength {
					continue // never: a span is at most 200
				}
				break
			}
			start = rng.intn(length - w + 1)
			if p := placed[ci]; len(p) > 0 && rng.intn(5) == 0 {
				// Start inside an earlier annotation of this clause.
				o := p[rng.intn(len(p))]
				start = min(o.start+rng.intn(o.end-o.start), length-w)
			}
			end = start + w
		}
		tag := annotations.Tags[rng.intn(len(annotations.Tags))]
		note := ""
		if rng.intn(5) == 0 {
			note = notes[rng.intn(len(notes))]
		}
		created := baseTime.Add(time.Duration(rng.intn(400*24*3600)) * time.Second)
		modified := created.Add(time.Duration(rng.intn(30*24*3600)) * time.Second)
		id := rng.uuid()
		k := key{ci, start, end, tag}
		if seen[k] {
			continue
		}
		sel, err := adoc.Describe(c.ID, start, end)
		if err != nil {
			panic(fmt.Sprintf("bench: %s [%d,%d): %v", c.ID, start, end, err))
		}
		if _, err := set.Add(annotations.Annotation{
			ID: id, Clause: c.ID, Start: start, End: end,
			Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix,
			Tag: tag, Note: note, Created: created, Modified: modified,
		}); err != nil {
			panic(fmt.Sprintf("bench: generated annotation refused: %v", err))
		}
		seen[k] = true
		placed[ci] = append(placed[ci], span{start, end})
	}
	return set
}

// The times of generated files: the day resolution 53/11 was adopted.
var (
	baseTime   = time.Date(2023, 7, 12, 9, 0, 0, 0, time.UTC)
	exportTime = time.Date(2023, 7, 12, 18, 0, 0, 0, time.UTC)
)

// notes are the notes some generated annotations carry.
var notes = []string{
	"Check against last year's text.",
	"Our delegation proposes an amendment here.",
	"Compare with OP12 of 50/4.",
	"Ask the co-sponsors: budget implications?",
	"Red line for the capital.",
	"Agreed language (A/RES/70/1).",
	"Soften: « encourages » instead of « urges ».",
	"Dépendra de la position du groupe.",
}

// rng is SplitMix64: small, fast, and fixed here, so that the generated
// files never change with the Go release.
type rng struct{ state uint64 }

func newRNG(seed uint64) *rng { return &rng{state: seed} }

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n), n > 0, without modulo bias.
func (r *rng) intn(n int) int {
	if n <= 0 {
		panic("bench: intn of a non-positive bound")
	}
	bound := uint64(n)
	limit := -bound % bound // 2^64 mod bound
	for {
		v := r.next()
		if v >= limit {
			return int(v % bound)
		}
	}
}

// uuid returns a "urn:uuid:" id with a version-4 UUID.
func (r *rng) uuid() string {
	hi, lo := r.next(), r.next()
	hi = hi&^0xf000 | 0x4000           // version 4
	lo = lo&^(0xc000<<48) | 0x8000<<48 // RFC 4122 variant
	h := fmt.Sprintf("%016x%016x", hi, lo)
	return "urn:uuid:" + strings.Join([]string{h[0:8], h[8:12], h[12:16], h[16:20], h[20:32]}, "-")
}
