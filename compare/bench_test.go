package compare

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// The tenfold seed, as bench/generate.go makes it: the header of the seed
// once, its preamble ten times, its operative part ten times numbered on
// (1 to 370), the adoption and vote once. Footnotes are left out (they do
// not count in clause texts). Its revision edits every copy as a round of
// negotiation would, so that the matcher meets ten copies of every text.
const copies = 10

var numbered = regexp.MustCompile(`(?m)^\d+\. (?:\*)`)

func seedParts(t testing.TB) (header, preamble, operative, closing string) {
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	s := regexp.MustCompile(`(?m)^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ .*\n\n`).ReplaceAllString(string(data), "")
	s = regexp.MustCompile(`[⁰¹²³⁴⁵⁶⁷⁸⁹]+`).ReplaceAllString(s, "")
	start := strings.Index(s, "Reaffirming its commitment")
	ops := strings.Index(s, "\n1. *Reaffirms*") + 1
	end := strings.Index(s, "*34th meeting")
	return s[:start], s[start:ops], s[ops:end], s[end:]
}

// tenfold returns the tenfold seed and, with revise, its revision: in copy
// k, OP21's "Requests" becomes "Encourages" (k even), a paragraph is
// inserted after OP7 (k a multiple of 3), PP5 is deleted (k = 1, 5, 9), and
// in copy 4 OP12 moves after OP15. It returns the number of operative
// paragraphs of each copy.
func tenfold(t testing.TB, revise bool) ([]byte, []int) {
	header, pre, ops, closing := seedParts(t)
	var b strings.Builder
	b.WriteString(header)
	for k := range copies {
		p := pre
		if revise && k%4 == 1 {
			i := strings.Index(p, "Recalling General Assembly resolution 41/128")
			j := strings.Index(p[i:], "\n\n") + i + 2
			p = p[:i] + p[j:]
		}
		b.WriteString(p)
	}
	perCopy := make([]int, copies)
	for k := range copies {
		o := ops
		if revise {
			if k%2 == 0 {
				o = strings.Replace(o, "21. *Requests* the Office", "21. *Encourages* the Office", 1)
			}
			if k%3 == 0 {
				o = strings.Replace(o, "\n8. *Expresses its concern*", fmt.Sprintf("\n8. *Calls upon* all States, in round %d, to refrain from unilateral measures not in accordance with international law;\n\n8. *Expresses its concern*", k+1), 1)
			}
			if k == 4 {
				i := strings.Index(o, "\n12. *Considers*") + 1
				j := strings.Index(o, "\n13. *Reaffirms*") + 1
				op12 := o[i:j]
				o = o[:i] + o[j:]
				at := strings.Index(o, "\n16. *Reaffirms*") + 1
				o = o[:at] + op12 + o[at:]
			}
		}
		perCopy[k] = len(numbered.FindAllString(o, -1))
		b.WriteString(o)
	}
	b.WriteString(closing)
	// Number the operative paragraphs on, 1 to the last.
	n := 0
	out := numbered.ReplaceAllStringFunc(b.String(), func(string) string {
		n++
		return strconv.Itoa(n) + ". *"
	})
	return []byte(out), perCopy
}

func parseBytes(t testing.TB, data []byte) *resolution.Document {
	d, err := resolution.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// thousand returns 1,000 annotations spread over the clauses of d: every
// fifth a whole clause, the others a span of four words.
func thousand(t testing.TB, d *annotations.Document) []annotations.Annotation {
	var as []annotations.Annotation
	n := len(d.Clauses)
	for i := 0; len(as) < 1000; i++ {
		c := d.Clauses[(i*7)%n]
		quote := ""
		if i%5 != 0 {
			ws := strings.Fields(c.Text)
			from := (i / 5) % max(1, len(ws)-4)
			quote = strings.Join(ws[from:min(len(ws), from+4)], " ")
		}
		as = append(as, annotate(t, d, i, c.ID, quote, annotations.Request, ""))
	}
	return as
}

func TestTenfoldSeedRevisionCarriesEveryAnnotationInItsOwnCopy(t *testing.T) {
	oldText, oldPer := tenfold(t, false)
	newText, newPer := tenfold(t, true)
	old, new := parseBytes(t, oldText), parseBytes(t, newText)
	if got := len(old.Operative); got != 370 {
		t.Fatalf("tenfold seed has %d operative paragraphs, want 370", got)
	}
	od, nd := annotationDoc(t, old), annotationDoc(t, new)
	as := thousand(t, od)
	start := time.Now()
	c, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Carry(od, nd, as)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	t.Logf("tenfold seed (%d → %d clauses), %d annotations: %s; %s in %v", len(old.Clauses()), len(new.Clauses()), len(as), c.Summary(), r.Summary(), elapsed)

	// Which copy an operative paragraph is in, from its number.
	copyOf := func(per []int, id string) int {
		m := opNumber.FindStringSubmatch(id)
		if m == nil || m[1] != "op" {
			return -1
		}
		n, _ := strconv.Atoi(m[2])
		for k, p := range per {
			if n <= p {
				return k
			}
			n -= p
		}
		return -1
	}
	k := c.Counts()
	if k.Changed != 5 || k.Inserted != 4 || k.Deleted != 3 || k.Moved != 1 {
		t.Errorf("counts %+v, want 5 changed, 4 inserted, 3 deleted, 1 moved", k)
	}
	for _, it := range r.Items {
		if it.Fate == Orphan {
			// Only the deleted PP5 of copies 2, 6 and 10 may orphan.
			if pp5 := old.Clause("pp5").Text; !strings.Contains(pp5, it.Old.Exact) {
				t.Errorf("%s %q: orphan (%s)", it.Old.Clause, it.Old.Exact, it.Reason)
			}
			continue
		}
		if a, b := copyOf(oldPer, it.Old.Clause), copyOf(newPer, it.New.Clause); a != b {
			t.Errorf("%s %q landed in copy %d (%s), want copy %d", it.Old.Clause, it.Old.Exact, b+1, it.New.Clause, a+1)
		}
		if it.Fate != Changed && it.New.Exact != it.Old.Exact {
			t.Errorf("%s: words changed but %s", it.Old.Clause, it.Fate)
		}
	}
}

// BenchmarkOpenTenfoldRevision measures what opening a revised version
// costs: comparing the tenfold seed with its revision and carrying 1,000
// annotations over.
func BenchmarkOpenTenfoldRevision(b *testing.B) {
	oldText, _ := tenfold(b, false)
	newText, _ := tenfold(b, true)
	old, new := parseBytes(b, oldText), parseBytes(b, newText)
	od := annotationDoc(b, old)
	as := thousand(b, od)
	b.ResetTimer()
	for range b.N {
		nd := annotationDoc(b, new) // a fresh document: its trigram index is built on first use, as when a version is opened
		c, err := Compare(old, new)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Carry(od, nd, as); err != nil {
			b.Fatal(err)
		}
	}
}
