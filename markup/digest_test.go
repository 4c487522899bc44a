package markup

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// render is the HTML of every part of doc with the annotations as (by
// clause).
func render(parts []Part, v View) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(SectionHTML(p, v))
	}
	return b.String()
}

// viewOf is the view of a list of annotations.
func viewOf(as []annotations.Annotation) View {
	by := map[string][]annotations.Annotation{}
	for _, a := range as {
		by[a.Clause] = append(by[a.Clause], a)
	}
	return View{Annotations: func(id string) []annotations.Annotation { return by[id] }}
}

// someAnnotations makes n annotations over the clauses of doc, spans and
// whole clauses, overlapping, with and without notes.
func someAnnotations(t *testing.T, doc *resolution.Document, n int, seed uint64) []annotations.Annotation {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	clauses := doc.Clauses()
	tags := []annotations.Tag{annotations.Commitment, annotations.Request, annotations.Concern}
	var out []annotations.Annotation
	for i := range n {
		c := clauses[rng.IntN(len(clauses))]
		r := []rune(c.Text)
		start, end := 0, len(r)
		if rng.IntN(4) > 0 && len(r) > 2 {
			start = rng.IntN(len(r) - 1)
			end = start + 1 + rng.IntN(len(r)-start-1)
		}
		a := annotations.Annotation{
			ID:     "urn:uuid:" + strings.Repeat("0", 8) + "-" + string(rune('a'+i%26)) + strings.Repeat("1", i/26+1),
			Clause: c.ID, Start: start, End: end, Exact: string(r[start:end]), Tag: tags[rng.IntN(3)],
			Created: time.Unix(int64(i), 0), Modified: time.Unix(int64(i), 0),
		}
		if rng.IntN(3) == 0 {
			a.Note = "a note"
		}
		out = append(out, a)
	}
	return out
}

func TestDigestOfNoAnnotationsIsTheSameForEveryEmptyView(t *testing.T) {
	parts := Parts(seedDoc(t))
	if a, b := Digest(parts, View{}), Digest(parts, viewOf(nil)); a != b || a == "" {
		t.Errorf("no annotations: %q and %q", a, b)
	}
	if Digest(parts, View{Target: "op1", Selected: "op2"}) != Digest(parts, View{}) {
		t.Error("the target and the selected clause change the digest: the page toggles them")
	}
}

func TestDigestIgnoresTheOrderOfEachClausesAnnotations(t *testing.T) {
	doc := seedDoc(t)
	parts := Parts(doc)
	as := someAnnotations(t, doc, 200, 1)
	want := Digest(parts, viewOf(as))
	rng := rand.New(rand.NewPCG(7, 7))
	for range 5 {
		rng.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
		if got := Digest(parts, viewOf(as)); got != want {
			t.Fatalf("shuffled: %q, want %q", got, want)
		}
	}
}

// A change of an annotation changes the digest exactly when it changes the
// HTML: the digest names what a render shows.
func TestDigestChangesExactlyWhenTheHTMLDoes(t *testing.T) {
	doc := seedDoc(t)
	parts := Parts(doc)
	base := someAnnotations(t, doc, 60, 2)
	baseHTML, baseDigest := render(parts, viewOf(base)), Digest(parts, viewOf(base))
	other := doc.Clause("op21")
	changes := []struct {
		name string
		edit func(a *annotations.Annotation) // nil: the annotation is removed
	}{
		{"removed", nil},
		{"another tag", func(a *annotations.Annotation) {
			a.Tag = map[annotations.Tag]annotations.Tag{annotations.Commitment: annotations.Request, annotations.Request: annotations.Concern, annotations.Concern: annotations.Commitment}[a.Tag]
		}},
		{"a note added or removed", func(a *annotations.Annotation) {
			if a.Note == "" {
				a.Note = "new"
			} else {
				a.Note = ""
			}
		}},
		{"shorter", func(a *annotations.Annotation) {
			if a.End-a.Start > 1 {
				a.End--
				a.Exact = string([]rune(a.Exact)[:a.End-a.Start])
			} else {
				a.End++
				a.Exact = string([]rune(doc.Clause(a.Clause).Text)[a.Start:a.End])
			}
		}},
		{"another id", func(a *annotations.Annotation) { a.ID += "x" }},
		{"moved to another clause", func(a *annotations.Annotation) {
			r := []rune(other.Text)
			a.Clause, a.Start, a.End, a.Exact = other.ID, 3, 40, string(r[3:40])
		}},
	}
	same := []struct {
		name string
		edit func(a *annotations.Annotation)
	}{
		{"another note text", func(a *annotations.Annotation) {
			if a.Note != "" {
				a.Note += " and more"
			}
		}},
		{"modified later, by another author, with labels", func(a *annotations.Annotation) {
			a.Modified = a.Modified.Add(time.Hour)
			a.Author = "Chile"
			a.Labels = []string{"follow-up"}
		}},
	}
	for i := range base {
		for _, c := range changes {
			as := append([]annotations.Annotation{}, base...)
			if c.edit == nil {
				as = append(as[:i], as[i+1:]...)
			} else {
				c.edit(&as[i])
			}
			h, d := render(parts, viewOf(as)), Digest(parts, viewOf(as))
			if h == baseHTML {
				t.Fatalf("annotation %d %s: the test's change leaves the HTML as it was", i, c.name)
			}
			if d == baseDigest {
				t.Errorf("annotation %d %s: the HTML changed and the digest did not", i, c.name)
			}
		}
		for _, c := range same {
			as := append([]annotations.Annotation{}, base...)
			c.edit(&as[i])
			if h, d := render(parts, viewOf(as)), Digest(parts, viewOf(as)); (h == baseHTML) != (d == baseDigest) {
				t.Errorf("annotation %d %s: HTML the same %v, digest the same %v", i, c.name, h == baseHTML, d == baseDigest)
			}
		}
	}
	// A whole-clause annotation of the suggested tag hides the suggestion:
	// another change of the HTML, with the digest.
	c := doc.Clause("op21")
	whole := annotations.Annotation{ID: "urn:uuid:whole", Clause: c.ID, Start: 0, End: utf8.RuneCountInString(c.Text), Exact: c.Text, Tag: annotations.Request}
	if Digest(parts, viewOf(append(base, whole))) == baseDigest {
		t.Error("a whole-clause annotation left the digest as it was")
	}
}
