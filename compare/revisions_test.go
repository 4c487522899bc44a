package compare

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
)

// The test set of revisions: real UN texts (the seed A/HRC/RES/53/11, the
// Security Council draft S/2018/693) edited by hand as negotiators edit them
// between rounds (testdata/revisions/README.md says what each file changes),
// and one real pair, the Sudan sanctions panel renewals S/2018/95 and
// S/2020/110. For each: the matches expected (every clause not listed must be
// unchanged, under the id renumber gives it), and annotations on the old text
// with the fate each must meet and where exactly it must land, written down
// by reading the two texts.

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

var opNumber = regexp.MustCompile(`^(op|pp)(\d+)$`)

// shift renumbers the clauses prefix+N for from ≤ N ≤ to by adding by.
func shift(prefix string, from, to, by int) func(string) string {
	return func(id string) string {
		m := opNumber.FindStringSubmatch(id)
		if m == nil || m[1] != prefix {
			return id
		}
		n, _ := strconv.Atoi(m[2])
		if n < from || n > to {
			return id
		}
		return prefix + strconv.Itoa(n+by)
	}
}

// table renumbers the ids a table names.
func table(t map[string]string) func(string) string {
	return func(id string) string {
		if n, ok := t[id]; ok {
			return n
		}
		return id
	}
}

const (
	C = annotations.Commitment
	R = annotations.Request
	X = annotations.Concern
)

var revisionCases = []revisionCase{
	{
		name: "a paragraph inserted at OP8", old: seedFile, new: revision("insert-op8.txt"),
		matches:  []clauseWant{{new: "op8", status: ClauseInserted}},
		renumber: shift("op", 8, 37, +1),
		anns: []annWant{
			{clause: "op7", quote: "reject all doctrines of exclusion", tag: C, fate: Carried, to: "op7"},
			{clause: "op7", tag: R, note: "our red line", fate: Carried, to: "op7"},
			{clause: "op8", tag: X, note: "unilateral coercive measures: oppose", fate: Moved, to: "op9"},
			{clause: "op8", quote: "unilateral coercive measures", tag: X, fate: Moved, to: "op9"},
			{clause: "op10", quote: "maximize the benefits of globalization", tag: R, fate: Moved, to: "op11"},
			{clause: "op20", quote: "Board of Trustees of the United Nations Voluntary Fund for Technical Cooperation in the Field of Human Rights", tag: C, fate: Moved, to: "op21"},
			{clause: "op21", quote: "non-traditional donor countries", tag: R, fate: Moved, to: "op22"},
			{clause: "op37", quote: "fifty-sixth session", tag: C, fate: Moved, to: "op38"},
			{clause: "pp11", quote: "coronavirus disease (COVID-19) pandemic", tag: X, fate: Carried, to: "pp11"},
			{clause: "op1", tag: C, fate: Carried, to: "op1"},
		},
	},
	{
		name: "PP5 deleted", old: seedFile, new: revision("delete-pp5.txt"),
		matches:  []clauseWant{{old: "pp5", status: ClauseDeleted}},
		renumber: shift("pp", 6, 33, -1),
		anns: []annWant{
			{clause: "pp5", tag: C, note: "keep the right to development", fate: Orphan},
			{clause: "pp5", quote: "the duty to cooperate with each other", tag: C, fate: Orphan},
			{clause: "pp5", quote: "Declaration on the Right to Development", tag: C, fate: Orphan},
			// The words are in five other paragraphs, which already had
			// them: never attached to one of those.
			{clause: "pp5", quote: "General Assembly resolution", tag: C, fate: Orphan},
			{clause: "pp6", quote: "High Commissioner for the promotion and protection of all human rights", tag: R, fate: Moved, to: "pp5"},
			{clause: "pp4", tag: C, fate: Carried, to: "pp4"},
			{clause: "pp33", tag: R, fate: Moved, to: "pp32"},
			{clause: "op5", quote: "a new international economic order", tag: C, fate: Carried, to: "op5"},
			{clause: "pp12", quote: "timely and universal access", tag: R, fate: Moved, to: "pp11"},
		},
	},
	{
		name: "OP12 moved after OP15", old: seedFile, new: revision("move-op12.txt"),
		matches:  []clauseWant{{old: "op12", new: "op15", status: ClauseUnchanged, moved: true}},
		renumber: shift("op", 13, 15, -1),
		anns: []annWant{
			{clause: "op12", tag: C, fate: Moved, to: "op15"},
			{clause: "op12", quote: "preventing violations of human rights", tag: X, fate: Moved, to: "op15"},
			{clause: "op13", quote: "inalienable right to choose freely", tag: C, fate: Moved, to: "op12"},
			{clause: "op15", quote: "capacity-building", tag: R, fate: Moved, to: "op14"},
			{clause: "op11", tag: C, fate: Carried, to: "op11"},
			{clause: "op16", quote: "non-selectivity, objectivity and transparency", tag: C, fate: Carried, to: "op16"},
		},
	},
	{
		name: "OP3 split in two", old: seedFile, new: revision("split-op3.txt"),
		matches:  []clauseWant{{old: "op3", new: "op3+op4", status: ClauseSplit}},
		renumber: shift("op", 4, 37, +1),
		anns: []annWant{
			// The whole of OP3 goes to the part that keeps most of it, and
			// says its words changed.
			{clause: "op3", tag: C, fate: Changed, to: "op3"},
			{clause: "op3", quote: "observance of human rights and fundamental freedoms for all", tag: C, fate: Carried, to: "op3"},
			{clause: "op3", quote: "the elimination of all forms of racial discrimination", tag: X, fate: Moved, to: "op4"},
			{clause: "op3", quote: "religious intolerance", tag: X, fate: Moved, to: "op4"},
			// Across the cut: the words kept in the new OP4 (the larger
			// part of what is kept).
			{clause: "op3", quote: "fundamental freedoms for all, including with respect to the elimination of all forms", tag: C, fate: Changed, to: "op4", toQuote: "with respect to the elimination of all forms"},
			{clause: "op4", tag: C, fate: Moved, to: "op5"},
			{clause: "op2", quote: "collective responsibility", tag: C, fate: Carried, to: "op2"},
		},
	},
	{
		name: "words changed inside clauses", old: seedFile, new: revision("words.txt"),
		matches: []clauseWant{
			{old: "pp12", new: "pp12", status: ClauseChanged},
			{old: "pp31", new: "pp31", status: ClauseChanged},
			{old: "op21", new: "op21", status: ClauseChanged},
			{old: "op22", new: "op22", status: ClauseChanged},
			{old: "op23", new: "op23", status: ClauseChanged},
			{old: "op31", new: "op31", status: ClauseChanged},
			{old: "op37", new: "op37", status: ClauseChanged},
		},
		anns: []annWant{
			{clause: "op21", quote: "Requests the Office of the United Nations High Commissioner for Human Rights", tag: R, note: "we asked for a request", fate: Changed, to: "op21", toQuote: "Encourages the Office of the United Nations High Commissioner for Human Rights"},
			{clause: "op21", quote: "Requests", tag: R, fate: Changed, to: "op21", toQuote: "Encourages"},
			{clause: "op21", quote: "non-traditional donor countries", tag: R, fate: Carried, to: "op21"},
			{clause: "op22", quote: "in a timely and transparent manner", tag: R, note: "add accountability", fate: Changed, to: "op22", toQuote: "in a timely, transparent and non-discriminatory manner"},
			{clause: "op22", quote: "timely", tag: R, fate: Carried, to: "op22"},
			{clause: "op22", quote: "transparent manner", tag: R, fate: Changed, to: "op22", toQuote: "transparent and non-discriminatory manner"},
			{clause: "op23", tag: R, fate: Changed, to: "op23"},
			{clause: "op23", quote: "continue to support the funds", tag: R, fate: Carried, to: "op23"},
			{clause: "op31", quote: "to provide all resources necessary", tag: X, note: "budget implications", fate: Changed, to: "op31", toQuote: "to provide, within existing resources, the support necessary"},
			{clause: "op31", quote: "the above-mentioned regional seminars", tag: R, fate: Carried, to: "op31"},
			{clause: "pp31", quote: "international cooperation", tag: C, fate: Carried, to: "pp31"},
			{clause: "op37", quote: "at its fifty-sixth session", tag: C, fate: Changed, to: "op37", toQuote: "at its fifty-ninth session"},
			{clause: "pp12", quote: "timely and universal access for all countries", tag: R, fate: Changed, to: "pp12", toQuote: "timely and universal access without discrimination for all countries"},
			{clause: "op36", tag: C, fate: Carried, to: "op36"},
		},
	},
	{
		name: "a preambular paragraph turned operative", old: seedFile, new: revision("pp33-operative.txt"),
		matches:  []clauseWant{{old: "pp33", new: "op1", status: ClauseChanged, kind: true}},
		renumber: shift("op", 1, 37, +1),
		anns: []annWant{
			{clause: "pp33", tag: C, note: "should be operative", fate: Changed, to: "op1"},
			{clause: "pp33", quote: "genuine cooperation and constructive dialogue among Member States", tag: C, fate: Moved, to: "op1"},
			{clause: "pp33", quote: "Stressing the need", tag: C, fate: Changed, to: "op1", toQuote: "Stresses the need"},
			{clause: "op1", tag: C, fate: Moved, to: "op2"},
			{clause: "op37", quote: "annual programme of work", tag: C, fate: Moved, to: "op38"},
			{clause: "pp32", tag: C, fate: Carried, to: "pp32"},
		},
	},
	{
		name: "OP22 and OP23 merged", old: seedFile, new: revision("merge-op22-op23.txt"),
		matches:  []clauseWant{{old: "op22+op23", new: "op22", status: ClauseMerged}},
		renumber: shift("op", 24, 37, -1),
		anns: []annWant{
			// The whole of OP23 lands on its words in the merged OP22; its
			// capital was lowered.
			{clause: "op23", tag: R, note: "support the funds", fate: Changed, to: "op22", toQuote: "urges States to continue to support the funds;"},
			{clause: "op23", quote: "support the funds", tag: R, fate: Moved, to: "op22"},
			{clause: "op22", tag: R, fate: Changed, to: "op22", toQuote: "Also requests the Office of the High Commissioner to make clear the process by which States request assistance from the funds, and to process such requests in a timely and transparent manner that adequately responds to the requesting States"},
			{clause: "op22", quote: "in a timely and transparent manner", tag: R, fate: Carried, to: "op22"},
			{clause: "op24", quote: "constructive and cooperative dialogue", tag: C, fate: Moved, to: "op23"},
			{clause: "op37", tag: C, fate: Moved, to: "op36"},
		},
	},
	{
		name: "clauses rewritten around a phrase, another replaced by a lookalike", old: seedFile, new: revision("rewrite-lookalike.txt"),
		matches: []clauseWant{
			{old: "op26", status: ClauseDeleted}, {new: "op26", status: ClauseInserted},
			{old: "op28", status: ClauseDeleted}, {new: "op28", status: ClauseInserted},
			{old: "op35", status: ClauseDeleted}, {new: "op35", status: ClauseInserted},
		},
		anns: []annWant{
			// Above the fuzzy threshold (one word changed, its context
			// kept): carried into the rewritten clause, flagged.
			{clause: "op26", quote: "consecutive and compounded global crises", tag: X, note: "crises", fate: Changed, to: "op26", toQuote: "consecutive and compounding global crises"},
			{clause: "op26", tag: X, fate: Orphan},
			// The phrase survives word for word in the rewritten OP28, but
			// its context on both sides changed: below package
			// annotations' evidence threshold (context, nearness,
			// uniqueness), so it becomes an orphan where carrying it was
			// right. Written down as the truth, counted as lost.
			{clause: "op28", quote: "the right of everyone to enjoy the benefits of scientific progress and its applications", tag: C, fate: Carried, to: "op28"},
			// Below it (a lookalike: two of its words changed): orphan.
			{clause: "op35", quote: "the importance of the principles of non-selectivity, impartiality and objectivity", tag: C, note: "the principles", fate: Orphan},
			{clause: "op35", tag: C, fate: Orphan},
			// Words found in other paragraphs that already had them.
			{clause: "op35", quote: "in the field of human rights", tag: C, fate: Orphan},
			{clause: "op35", quote: "Human Rights Council", tag: C, fate: Orphan},
			{clause: "op34", tag: C, fate: Carried, to: "op34"},
			{clause: "op36", quote: "genuine dialogue", tag: C, fate: Carried, to: "op36"},
		},
	},
	{
		name: "sub-paragraphs added, merged and moved (S/2018/693)", old: sudan2018, new: revision("subparagraphs-693.txt"),
		matches: []clauseWant{
			{new: "op7.iv", status: ClauseInserted},
			{old: "op11.ii+op11.iii", new: "op11.ii", status: ClauseMerged},
			{old: "op56.vii", new: "op56.ii", status: ClauseUnchanged, moved: true},
		},
		renumber: table(map[string]string{
			"op7.iv": "op7.v", "op7.v": "op7.vi", "op7.vi": "op7.vii",
			"op56.ii": "op56.iii", "op56.iii": "op56.iv", "op56.iv": "op56.v", "op56.v": "op56.vi", "op56.vi": "op56.vii",
		}),
		anns: []annWant{
			{clause: "op7.iv", tag: R, fate: Moved, to: "op7.v"},
			{clause: "op7.vi", quote: "absorb former UNAMID tasks", tag: R, fate: Moved, to: "op7.vii"},
			{clause: "op7.iii", quote: "unfettered freedom of movement", tag: C, fate: Carried, to: "op7.iii"},
			{clause: "op7", tag: R, fate: Carried, to: "op7"},
			{clause: "op11.iii", tag: C, note: "local conflict", fate: Changed, to: "op11.ii", toQuote: "support for the mediation of inter-communal or other local conflict that could undermine the security situation, including through measures to address its root causes, in conjunction with the Government of Sudan, the United Nations Country Team and civil society;"},
			{clause: "op11.iii", quote: "root causes", tag: C, fate: Moved, to: "op11.ii"},
			{clause: "op11.ii", quote: "non-signatory armed movements", tag: C, fate: Carried, to: "op11.ii"},
			{clause: "op56.vii", tag: X, fate: Moved, to: "op56.ii"},
			{clause: "op56.ii", quote: "benchmarks and indicators for eventual exit", tag: R, fate: Moved, to: "op56.iii"},
			{clause: "op56.x", quote: "on the implementation of this resolution", tag: R, fate: Carried, to: "op56.x"},
		},
	},
	{
		name: "the real renewal S/2018/95 → S/2020/110", old: panel2018, new: panel2020,
		matches: []clauseWant{
			{old: "pp1", new: "pp1", status: ClauseChanged},
			{old: "pp3", new: "pp3", status: ClauseChanged},
			{old: "op2", new: "op2", status: ClauseChanged},
			{old: "op3", new: "op3", status: ClauseChanged},
			{new: "op4", status: ClauseInserted},
			{old: "op4", new: "op5", status: ClauseUnchanged},
		},
		anns: []annWant{
			{clause: "pp1", quote: "1591 (2005)", tag: C, fate: Carried, to: "pp1"},
			{clause: "pp3", quote: "S/2017/1125", tag: C, fate: Changed, to: "pp3", toQuote: "S/2020/36"},
			{clause: "pp2", tag: X, fate: Carried, to: "pp2"},
			{clause: "pp4", tag: C, fate: Carried, to: "pp4"},
			{clause: "op1", tag: C, fate: Carried, to: "op1"},
			{clause: "op2", quote: "until 12 March 2019", tag: C, fate: Changed, to: "op2", toQuote: "until 12 March 2021"},
			{clause: "op2", quote: "interim report on its activities", tag: R, fate: Carried, to: "op2"},
			{clause: "op2", quote: "a fin al report", tag: R, fate: Changed, to: "op2", toQuote: "a final report"},
			{clause: "op3", quote: "previous Committee Chair’s report", tag: R, fate: Changed, to: "op3", toQuote: "Committee Chair’s report"},
			{clause: "op4", tag: C, fate: Moved, to: "op5"},
		},
	},
}

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
