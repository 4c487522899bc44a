package compare

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/compare/comparetest"
)

// The test set of revisions is package comparetest's (shared with the
// app's tests): real UN texts edited by hand as negotiators edit them
// between rounds, and one real pair, with the matches expected and
// annotations on the old text with the fate each must meet and where
// exactly it must land, written down by reading the two texts.

// clauseWant is an expected match: clause ids on each side ("+" between
// several, "" for none).
type clauseWant struct {
	old, new string
	status   Status
	moved    bool
	kind     bool
}

// annWant is an annotation on the old version and what must become of it.
type annWant struct {
	clause, quote string // quote "" marks the whole clause
	tag           annotations.Tag
	note          string
	fate          Fate
	to            string // the new clause it must land in; "" for an orphan
	toQuote       string // the words it must mark there; "" for the quote unchanged (the whole new clause for a whole-clause annotation)
}

type revisionCase struct {
	name     string
	old, new string
	matches  []clauseWant
	renumber func(id string) string // old id → new id of the clauses not in matches; nil keeps ids
	anns     []annWant
}

const (
	C = annotations.Commitment
	R = annotations.Request
	X = annotations.Concern
)

// fromHere makes a path relative to the module's root relative to this
// package.
func fromHere(path string) string {
	rel, err := filepath.Rel("compare", path)
	if err != nil {
		panic(err) // cannot happen: both are relative
	}
	return rel
}

var opNumber = regexp.MustCompile(`^(op|pp)(\d+)$`)

// revisionCases are comparetest.Cases, paths made relative to this
// package.
var revisionCases = func() []revisionCase {
	var out []revisionCase
	for _, c := range comparetest.Cases {
		rc := revisionCase{name: c.Name, old: fromHere(c.Old), new: fromHere(c.New), renumber: c.Renumber}
		for _, m := range c.Matches {
			rc.matches = append(rc.matches, clauseWant{m.Old, m.New, Status(m.Status), m.Moved, m.Kind})
		}
		for _, a := range c.Annotations {
			rc.anns = append(rc.anns, annWant{a.Clause, a.Quote, a.Tag, a.Note, Fate(a.Fate), a.To, a.ToQuote})
		}
		out = append(out, rc)
	}
	return out
}()

// tally counts outcomes over the test set.
type tally struct {
	total, correct, misplaced, lost   int
	carried, moved, changed, orphaned int
	exact                             int
}

func TestRevisions(t *testing.T) {
	var all tally
	for _, rc := range revisionCases {
		t.Run(rc.name, func(t *testing.T) {
			old, new := parseFile(t, rc.old), parseFile(t, rc.new)
			c, err := Compare(old, new)
			if err != nil {
				t.Fatal(err)
			}
			checkMatches(t, c, rc)

			od, nd := annotationDoc(t, old), annotationDoc(t, new)
			var as []annotations.Annotation
			for i, w := range rc.anns {
				as = append(as, annotate(t, od, i, w.clause, w.quote, w.tag, w.note))
			}
			r, err := c.Carry(od, nd, as)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Items) != len(as) {
				t.Fatalf("%d items, want %d", len(r.Items), len(as))
			}
			byID := map[string]Carry{}
			for _, it := range r.Items {
				byID[it.Old.ID] = it
			}
			for i, w := range rc.anns {
				it := byID[as[i].ID]
				all.total++
				switch it.Fate {
				case Carried:
					all.carried++
				case Moved:
					all.moved++
				case Changed:
					all.changed++
				case Orphan:
					all.orphaned++
				}
				if it.Exact {
					all.exact++
				}
				want := w.toQuote
				if want == "" && w.fate != Orphan {
					want = w.quote
					if w.quote == "" {
						cl, _ := nd.Clause(w.to)
						want = cl.Text
					}
				}
				what := fmt.Sprintf("%s %q", w.clause, abbrev(w.quote))
				placed := it.Fate != Orphan
				right := placed && it.New.Clause == w.to && it.New.Exact == want
				switch {
				case placed && (w.fate == Orphan || !right):
					all.misplaced++
					t.Errorf("MISPLACED %s: %s in %s %q, want %s in %s %q", what, it.Fate, it.New.Clause, it.New.Exact, w.fate, w.to, want)
				case it.Fate != w.fate:
					all.lost++
					t.Logf("not as expected %s: %s (%s), want %s in %s", what, it.Fate, it.Reason, w.fate, w.to)
				default:
					all.correct++
				}
				if placed {
					if !nd.Fits(it.New) {
						t.Errorf("%s: the carried annotation does not fit the new text", what)
					}
					if it.NewLabel != nd.Label(it.New.Clause) || it.OldLabel != resolutionLabel(od, w.clause) {
						t.Errorf("%s: labels %q → %q", what, it.OldLabel, it.NewLabel)
					}
					if it.Fate == Changed && (it.OldQuote == it.NewQuote || len(it.Diff) == 0) {
						t.Errorf("%s: changed without old and new wording: %q → %q", what, it.OldQuote, it.NewQuote)
					}
					if it.Fate != Changed && it.New.Exact != it.Old.Exact {
						t.Errorf("%s: %s but its words changed: %q → %q", what, it.Fate, it.Old.Exact, it.New.Exact)
					}
				} else if !it.New.Equal(it.Old) || it.Reason == "" {
					t.Errorf("%s: an orphan must be kept as it was, with a reason (%q)", what, it.Reason)
				}
				if it.New.Note != w.note || it.New.Tag != w.tag || it.New.ID != as[i].ID {
					t.Errorf("%s: tag, note or id lost", what)
				}
			}
		})
	}
	t.Logf("test set: %d annotations: %d carried (%d at the same offsets), %d moved, %d changed, %d orphans; %d as expected, %d not (lost), %d misplaced",
		all.total, all.carried, all.exact, all.moved, all.changed, all.orphaned, all.correct, all.lost, all.misplaced)
	if all.misplaced != 0 {
		t.Errorf("%d annotations misplaced, want 0", all.misplaced)
	}
	if float64(all.correct) < 0.95*float64(all.total) {
		t.Errorf("%d of %d annotations carried or flagged as expected, want at least 95%%", all.correct, all.total)
	}
}

func resolutionLabel(d *annotations.Document, id string) string { return d.Label(id) }

func abbrev(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// checkMatches checks the comparison against the expected matches.
func checkMatches(t *testing.T, c *Comparison, rc revisionCase) {
	t.Helper()
	ids := func(m *Match, old bool) string {
		cs := m.New
		if old {
			cs = m.Old
		}
		var s []string
		for _, cl := range cs {
			s = append(s, cl.ID)
		}
		return strings.Join(s, "+")
	}
	listed := map[*Match]bool{}
	for _, w := range rc.matches {
		var m *Match
		if w.old != "" {
			m = c.Match(strings.Split(w.old, "+")[0])
		} else {
			m = c.MatchNew(strings.Split(w.new, "+")[0])
		}
		if m == nil {
			t.Errorf("no match for %+v", w)
			continue
		}
		listed[m] = true
		if got := (clauseWant{ids(m, true), ids(m, false), m.Status, m.Moved, m.KindChanged}); got != w {
			t.Errorf("match %s: got %+v, want %+v", m.Label(), got, w)
		}
	}
	seenOld, seenNew := map[string]int{}, map[string]int{}
	for _, m := range c.Matches {
		for _, cl := range m.Old {
			seenOld[cl.ID]++
		}
		for _, cl := range m.New {
			seenNew[cl.ID]++
		}
		if listed[m] {
			continue
		}
		if len(m.Old) != 1 || len(m.New) != 1 {
			t.Errorf("unexpected match %s: %s", m.Label(), m.Status)
			continue
		}
		want := m.Old[0].ID
		if rc.renumber != nil {
			want = rc.renumber(want)
		}
		if m.Status != ClauseUnchanged || m.Moved || m.KindChanged || m.New[0].ID != want {
			t.Errorf("%s: %s moved=%v kind=%v, want unchanged in %s", m.Label(), m.Status, m.Moved, m.KindChanged, want)
		}
	}
	for _, cl := range c.Old.Clauses() {
		if seenOld[cl.ID] != 1 {
			t.Errorf("old %s is in %d matches, want 1", cl.ID, seenOld[cl.ID])
		}
	}
	for _, cl := range c.New.Clauses() {
		if seenNew[cl.ID] != 1 {
			t.Errorf("new %s is in %d matches, want 1", cl.ID, seenNew[cl.ID])
		}
	}
	if n := len(c.Old.Clauses()) + len(c.New.Clauses()); n == 0 || slices.ContainsFunc(c.Matches, func(m *Match) bool { return len(m.Old)+len(m.New) == 0 }) {
		t.Errorf("empty matches")
	}
}
