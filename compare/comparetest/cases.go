// Package comparetest is the test set of revisions of package compare:
// real UN texts (the seed A/HRC/RES/53/11, the Security Council draft
// S/2018/693) edited by hand as negotiators edit them between rounds
// (compare/testdata/revisions/README.md says what each file changes), and
// one real pair, the Sudan sanctions panel renewals S/2018/95 and
// S/2020/110. For each: the clause matches expected (every clause not
// listed must be unchanged, under the id Renumber gives it), and
// annotations on the old text with the fate each must meet and where
// exactly it must land, written down by reading the two texts.
//
// It is shared by the tests of package compare, which carry the
// annotations with compare.Comparison.Carry, and those of the app, which
// carry them as a delegate does, by opening the new text as a new version
// of the document (library.Revise, the store, the annotation session). It
// imports neither, so that compare's own tests can use it: statuses and
// fates are their string values.
package comparetest

import (
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/clausemark/clausemark/annotations"
)

// The texts the revisions are made from, relative to the module's root:
// the seed the resolution package embeds, and corpus texts of testdata/.
const (
	Seed      = "resolution/seed/A-HRC-RES-53-11.txt"
	Sudan2018 = "testdata/corpus/S_2018_693-EN.extract.txt"
	Panel2018 = "testdata/corpus/S_2018_95-EN.extract.txt"
	Panel2020 = "testdata/corpus/S_2020_110-EN.extract.txt"
)

// Revision returns the path, relative to the module's root, of a revised
// text of compare/testdata/revisions.
func Revision(name string) string { return filepath.Join("compare", "testdata", "revisions", name) }

// Clause is an expected match: clause ids on each side ("+" between
// several, "" for none), its compare.Status, and its Moved and KindChanged
// flags.
type Clause struct {
	Old, New string
	Status   string
	Moved    bool
	Kind     bool
}

// Annotation is an annotation on the old version and what must become of
// it.
type Annotation struct {
	// Clause is the clause it marks, Quote the words (its first
	// occurrence in the clause; "" for the whole clause).
	Clause, Quote string
	Tag           annotations.Tag
	Note          string
	// Fate is the compare.Fate it must meet.
	Fate string
	// To is the new clause it must land in ("" for an orphan); ToQuote the
	// words it must mark there ("" for the quote unchanged, or the whole
	// new clause for a whole-clause annotation).
	To, ToQuote string
}

// Case is one revision: the old and new texts (paths relative to the
// module's root), the matches expected, how the clauses not listed are
// renumbered (old id → new id; nil keeps ids), and the annotations.
type Case struct {
	Name        string
	Old, New    string
	Matches     []Clause
	Renumber    func(id string) string
	Annotations []Annotation
}

var opNumber = regexp.MustCompile(`^(op|pp)(\d+)$`)

// Shift renumbers the clauses prefix+N for from ≤ N ≤ to by adding by.
func Shift(prefix string, from, to, by int) func(string) string {
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

// Table renumbers the ids a table names.
func Table(t map[string]string) func(string) string {
	return func(id string) string {
		if n, ok := t[id]; ok {
			return n
		}
		return id
	}
}

// The tags, short.
const (
	C = annotations.Commitment
	R = annotations.Request
	X = annotations.Concern
)

// Cases are the revisions of the test set.
var Cases = []Case{
	{
		Name: "a paragraph inserted at OP8", Old: Seed, New: Revision("insert-op8.txt"),
		Matches:  []Clause{{New: "op8", Status: "inserted"}},
		Renumber: Shift("op", 8, 37, +1),
		Annotations: []Annotation{
			{Clause: "op7", Quote: "reject all doctrines of exclusion", Tag: C, Fate: "carried", To: "op7"},
			{Clause: "op7", Tag: R, Note: "our red line", Fate: "carried", To: "op7"},
			{Clause: "op8", Tag: X, Note: "unilateral coercive measures: oppose", Fate: "moved", To: "op9"},
			{Clause: "op8", Quote: "unilateral coercive measures", Tag: X, Fate: "moved", To: "op9"},
			{Clause: "op10", Quote: "maximize the benefits of globalization", Tag: R, Fate: "moved", To: "op11"},
			{Clause: "op20", Quote: "Board of Trustees of the United Nations Voluntary Fund for Technical Cooperation in the Field of Human Rights", Tag: C, Fate: "moved", To: "op21"},
			{Clause: "op21", Quote: "non-traditional donor countries", Tag: R, Fate: "moved", To: "op22"},
			{Clause: "op37", Quote: "fifty-sixth session", Tag: C, Fate: "moved", To: "op38"},
			{Clause: "pp11", Quote: "coronavirus disease (COVID-19) pandemic", Tag: X, Fate: "carried", To: "pp11"},
			{Clause: "op1", Tag: C, Fate: "carried", To: "op1"},
		},
	},
	{
		Name: "PP5 deleted", Old: Seed, New: Revision("delete-pp5.txt"),
		Matches:  []Clause{{Old: "pp5", Status: "deleted"}},
		Renumber: Shift("pp", 6, 33, -1),
		Annotations: []Annotation{
			{Clause: "pp5", Tag: C, Note: "keep the right to development", Fate: "orphan"},
			{Clause: "pp5", Quote: "the duty to cooperate with each other", Tag: C, Fate: "orphan"},
			{Clause: "pp5", Quote: "Declaration on the Right to Development", Tag: C, Fate: "orphan"},
			// The words are in five other paragraphs, which already had
			// them: never attached to one of those.
			{Clause: "pp5", Quote: "General Assembly resolution", Tag: C, Fate: "orphan"},
			{Clause: "pp6", Quote: "High Commissioner for the promotion and protection of all human rights", Tag: R, Fate: "moved", To: "pp5"},
			{Clause: "pp4", Tag: C, Fate: "carried", To: "pp4"},
			{Clause: "pp33", Tag: R, Fate: "moved", To: "pp32"},
			{Clause: "op5", Quote: "a new international economic order", Tag: C, Fate: "carried", To: "op5"},
			{Clause: "pp12", Quote: "timely and universal access", Tag: R, Fate: "moved", To: "pp11"},
		},
	},
	{
		Name: "OP12 moved after OP15", Old: Seed, New: Revision("move-op12.txt"),
		Matches:  []Clause{{Old: "op12", New: "op15", Status: "unchanged", Moved: true}},
		Renumber: Shift("op", 13, 15, -1),
		Annotations: []Annotation{
			{Clause: "op12", Tag: C, Fate: "moved", To: "op15"},
			{Clause: "op12", Quote: "preventing violations of human rights", Tag: X, Fate: "moved", To: "op15"},
			{Clause: "op13", Quote: "inalienable right to choose freely", Tag: C, Fate: "moved", To: "op12"},
			{Clause: "op15", Quote: "capacity-building", Tag: R, Fate: "moved", To: "op14"},
			{Clause: "op11", Tag: C, Fate: "carried", To: "op11"},
			{Clause: "op16", Quote: "non-selectivity, objectivity and transparency", Tag: C, Fate: "carried", To: "op16"},
		},
	},
	{
		Name: "OP3 split in two", Old: Seed, New: Revision("split-op3.txt"),
		Matches:  []Clause{{Old: "op3", New: "op3+op4", Status: "split"}},
		Renumber: Shift("op", 4, 37, +1),
		Annotations: []Annotation{
			// The whole of OP3 goes to the part that keeps most of it, and
			// says its words changed.
			{Clause: "op3", Tag: C, Fate: "changed", To: "op3"},
			{Clause: "op3", Quote: "observance of human rights and fundamental freedoms for all", Tag: C, Fate: "carried", To: "op3"},
			{Clause: "op3", Quote: "the elimination of all forms of racial discrimination", Tag: X, Fate: "moved", To: "op4"},
			{Clause: "op3", Quote: "religious intolerance", Tag: X, Fate: "moved", To: "op4"},
			// Across the cut: the words kept in the new OP4 (the larger
			// part of what is kept).
			{Clause: "op3", Quote: "fundamental freedoms for all, including with respect to the elimination of all forms", Tag: C, Fate: "changed", To: "op4", ToQuote: "with respect to the elimination of all forms"},
			{Clause: "op4", Tag: C, Fate: "moved", To: "op5"},
			{Clause: "op2", Quote: "collective responsibility", Tag: C, Fate: "carried", To: "op2"},
		},
	},
	{
		Name: "words changed inside clauses", Old: Seed, New: Revision("words.txt"),
		Matches: []Clause{
			{Old: "pp12", New: "pp12", Status: "changed"},
			{Old: "pp31", New: "pp31", Status: "changed"},
			{Old: "op21", New: "op21", Status: "changed"},
			{Old: "op22", New: "op22", Status: "changed"},
			{Old: "op23", New: "op23", Status: "changed"},
			{Old: "op31", New: "op31", Status: "changed"},
			{Old: "op37", New: "op37", Status: "changed"},
		},
		Annotations: []Annotation{
			{Clause: "op21", Quote: "Requests the Office of the United Nations High Commissioner for Human Rights", Tag: R, Note: "we asked for a request", Fate: "changed", To: "op21", ToQuote: "Encourages the Office of the United Nations High Commissioner for Human Rights"},
			{Clause: "op21", Quote: "Requests", Tag: R, Fate: "changed", To: "op21", ToQuote: "Encourages"},
			{Clause: "op21", Quote: "non-traditional donor countries", Tag: R, Fate: "carried", To: "op21"},
			{Clause: "op22", Quote: "in a timely and transparent manner", Tag: R, Note: "add accountability", Fate: "changed", To: "op22", ToQuote: "in a timely, transparent and non-discriminatory manner"},
			{Clause: "op22", Quote: "timely", Tag: R, Fate: "carried", To: "op22"},
			{Clause: "op22", Quote: "transparent manner", Tag: R, Fate: "changed", To: "op22", ToQuote: "transparent and non-discriminatory manner"},
			{Clause: "op23", Tag: R, Fate: "changed", To: "op23"},
			{Clause: "op23", Quote: "continue to support the funds", Tag: R, Fate: "carried", To: "op23"},
			{Clause: "op31", Quote: "to provide all resources necessary", Tag: X, Note: "budget implications", Fate: "changed", To: "op31", ToQuote: "to provide, within existing resources, the support necessary"},
			{Clause: "op31", Quote: "the above-mentioned regional seminars", Tag: R, Fate: "carried", To: "op31"},
			{Clause: "pp31", Quote: "international cooperation", Tag: C, Fate: "carried", To: "pp31"},
			{Clause: "op37", Quote: "at its fifty-sixth session", Tag: C, Fate: "changed", To: "op37", ToQuote: "at its fifty-ninth session"},
			{Clause: "pp12", Quote: "timely and universal access for all countries", Tag: R, Fate: "changed", To: "pp12", ToQuote: "timely and universal access without discrimination for all countries"},
			{Clause: "op36", Tag: C, Fate: "carried", To: "op36"},
		},
	},
	{
		Name: "a preambular paragraph turned operative", Old: Seed, New: Revision("pp33-operative.txt"),
		Matches:  []Clause{{Old: "pp33", New: "op1", Status: "changed", Kind: true}},
		Renumber: Shift("op", 1, 37, +1),
		Annotations: []Annotation{
			{Clause: "pp33", Tag: C, Note: "should be operative", Fate: "changed", To: "op1"},
			{Clause: "pp33", Quote: "genuine cooperation and constructive dialogue among Member States", Tag: C, Fate: "moved", To: "op1"},
			{Clause: "pp33", Quote: "Stressing the need", Tag: C, Fate: "changed", To: "op1", ToQuote: "Stresses the need"},
			{Clause: "op1", Tag: C, Fate: "moved", To: "op2"},
			{Clause: "op37", Quote: "annual programme of work", Tag: C, Fate: "moved", To: "op38"},
			{Clause: "pp32", Tag: C, Fate: "carried", To: "pp32"},
		},
	},
	{
		Name: "OP22 and OP23 merged", Old: Seed, New: Revision("merge-op22-op23.txt"),
		Matches:  []Clause{{Old: "op22+op23", New: "op22", Status: "merged"}},
		Renumber: Shift("op", 24, 37, -1),
		Annotations: []Annotation{
			// The whole of OP23 lands on its words in the merged OP22; its
			// capital was lowered.
			{Clause: "op23", Tag: R, Note: "support the funds", Fate: "changed", To: "op22", ToQuote: "urges States to continue to support the funds;"},
			{Clause: "op23", Quote: "support the funds", Tag: R, Fate: "moved", To: "op22"},
			{Clause: "op22", Tag: R, Fate: "changed", To: "op22", ToQuote: "Also requests the Office of the High Commissioner to make clear the process by which States request assistance from the funds, and to process such requests in a timely and transparent manner that adequately responds to the requesting States"},
			{Clause: "op22", Quote: "in a timely and transparent manner", Tag: R, Fate: "carried", To: "op22"},
			{Clause: "op24", Quote: "constructive and cooperative dialogue", Tag: C, Fate: "moved", To: "op23"},
			{Clause: "op37", Tag: C, Fate: "moved", To: "op36"},
		},
	},
	{
		Name: "clauses rewritten around a phrase, another replaced by a lookalike", Old: Seed, New: Revision("rewrite-lookalike.txt"),
		Matches: []Clause{
			{Old: "op26", Status: "deleted"}, {New: "op26", Status: "inserted"},
			{Old: "op28", Status: "deleted"}, {New: "op28", Status: "inserted"},
			{Old: "op35", Status: "deleted"}, {New: "op35", Status: "inserted"},
		},
		Annotations: []Annotation{
			// Above the fuzzy threshold (one word changed, its context
			// kept): carried into the rewritten clause, flagged.
			{Clause: "op26", Quote: "consecutive and compounded global crises", Tag: X, Note: "crises", Fate: "changed", To: "op26", ToQuote: "consecutive and compounding global crises"},
			{Clause: "op26", Tag: X, Fate: "orphan"},
			// The phrase survives word for word in the rewritten OP28, but
			// its context on both sides changed: below package
			// annotations' evidence threshold (context, nearness,
			// uniqueness), so it becomes an orphan where carrying it was
			// right. Written down as the truth, counted as lost.
			{Clause: "op28", Quote: "the right of everyone to enjoy the benefits of scientific progress and its applications", Tag: C, Fate: "carried", To: "op28"},
			// Below it (a lookalike: two of its words changed): orphan.
			{Clause: "op35", Quote: "the importance of the principles of non-selectivity, impartiality and objectivity", Tag: C, Note: "the principles", Fate: "orphan"},
			{Clause: "op35", Tag: C, Fate: "orphan"},
			// Words found in other paragraphs that already had them.
			{Clause: "op35", Quote: "in the field of human rights", Tag: C, Fate: "orphan"},
			{Clause: "op35", Quote: "Human Rights Council", Tag: C, Fate: "orphan"},
			{Clause: "op34", Tag: C, Fate: "carried", To: "op34"},
			{Clause: "op36", Quote: "genuine dialogue", Tag: C, Fate: "carried", To: "op36"},
		},
	},
	{
		Name: "sub-paragraphs added, merged and moved (S/2018/693)", Old: Sudan2018, New: Revision("subparagraphs-693.txt"),
		Matches: []Clause{
			{New: "op7.iv", Status: "inserted"},
			{Old: "op11.ii+op11.iii", New: "op11.ii", Status: "merged"},
			{Old: "op56.vii", New: "op56.ii", Status: "unchanged", Moved: true},
		},
		Renumber: Table(map[string]string{
			"op7.iv": "op7.v", "op7.v": "op7.vi", "op7.vi": "op7.vii",
			"op56.ii": "op56.iii", "op56.iii": "op56.iv", "op56.iv": "op56.v", "op56.v": "op56.vi", "op56.vi": "op56.vii",
		}),
		Annotations: []Annotation{
			{Clause: "op7.iv", Tag: R, Fate: "moved", To: "op7.v"},
			{Clause: "op7.vi", Quote: "absorb former UNAMID tasks", Tag: R, Fate: "moved", To: "op7.vii"},
			{Clause: "op7.iii", Quote: "unfettered freedom of movement", Tag: C, Fate: "carried", To: "op7.iii"},
			{Clause: "op7", Tag: R, Fate: "carried", To: "op7"},
			{Clause: "op11.iii", Tag: C, Note: "local conflict", Fate: "changed", To: "op11.ii", ToQuote: "support for the mediation of inter-communal or other local conflict that could undermine the security situation, including through measures to address its root causes, in conjunction with the Government of Sudan, the United Nations Country Team and civil society;"},
			{Clause: "op11.iii", Quote: "root causes", Tag: C, Fate: "moved", To: "op11.ii"},
			{Clause: "op11.ii", Quote: "non-signatory armed movements", Tag: C, Fate: "carried", To: "op11.ii"},
			{Clause: "op56.vii", Tag: X, Fate: "moved", To: "op56.ii"},
			{Clause: "op56.ii", Quote: "benchmarks and indicators for eventual exit", Tag: R, Fate: "moved", To: "op56.iii"},
			{Clause: "op56.x", Quote: "on the implementation of this resolution", Tag: R, Fate: "carried", To: "op56.x"},
		},
	},
	{
		Name: "the real renewal S/2018/95 → S/2020/110", Old: Panel2018, New: Panel2020,
		Matches: []Clause{
			{Old: "pp1", New: "pp1", Status: "changed"},
			{Old: "pp3", New: "pp3", Status: "changed"},
			{Old: "op2", New: "op2", Status: "changed"},
			{Old: "op3", New: "op3", Status: "changed"},
			{New: "op4", Status: "inserted"},
			{Old: "op4", New: "op5", Status: "unchanged"},
		},
		Annotations: []Annotation{
			{Clause: "pp1", Quote: "1591 (2005)", Tag: C, Fate: "carried", To: "pp1"},
			{Clause: "pp3", Quote: "S/2017/1125", Tag: C, Fate: "changed", To: "pp3", ToQuote: "S/2020/36"},
			{Clause: "pp2", Tag: X, Fate: "carried", To: "pp2"},
			{Clause: "pp4", Tag: C, Fate: "carried", To: "pp4"},
			{Clause: "op1", Tag: C, Fate: "carried", To: "op1"},
			{Clause: "op2", Quote: "until 12 March 2019", Tag: C, Fate: "changed", To: "op2", ToQuote: "until 12 March 2021"},
			{Clause: "op2", Quote: "interim report on its activities", Tag: R, Fate: "carried", To: "op2"},
			{Clause: "op2", Quote: "a final report", Tag: R, Fate: "carried", To: "op2"},
			{Clause: "op3", Quote: "previous Committee Chair’s report", Tag: R, Fate: "changed", To: "op3", ToQuote: "Committee Chair’s report"},
			{Clause: "op4", Tag: C, Fate: "moved", To: "op5"},
		},
	},
}
