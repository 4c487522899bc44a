package library_test

import (
	"cmp"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/bench"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

func parse(t testing.TB, text []byte) *resolution.Document {
	t.Helper()
	d, err := resolution.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func corpusText(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestAnnotationDocumentFilesEveryVersionUnderTheKey(t *testing.T) {
	doc := parse(t, corpusText(t, "S_2018_95-EN.extract.txt"))
	adoc, err := library.AnnotationDocument(doc, "S/2018/90")
	if err != nil {
		t.Fatal(err)
	}
	if adoc.Symbol != "S/2018/90" || adoc.Source != "https://undocs.org/S/2018/95" || adoc.TextSHA256 != doc.TextSHA256() {
		t.Errorf("got symbol %q source %q", adoc.Symbol, adoc.Source)
	}
}

// The ground truth below was read in the texts (testdata/corpus,
// resolution/seed), not taken from the parser.
func TestSummaryOfRealDocuments(t *testing.T) {
	tests := []struct {
		name, text                              string
		symbol, title, body, session, date, day string
		kind                                    string
		sponsors                                []string
		clauses                                 int
		firstClause, lastClause                 string
	}{
		{"seed", string(resolution.Seed()), "A/HRC/RES/53/11", "Enhancement of international cooperation in the field of human rights",
			"Human Rights Council", "Fifty-third session", "12 July 2023", "2023-07-12", resolution.KindResolution, nil, 70, "pp1", "op37"},
		{"S/2018/95", string(corpusText(t, "S_2018_95-EN.extract.txt")), "S/2018/95", "", "Security Council", "", "8 February 2018", "2018-02-08",
			resolution.KindDraft, []string{"United States of America"}, 8, "pp1", "op4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, []byte(tt.text))
			added := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
			d, err := library.NewDocument(tt.text, doc, library.SourcePDF, "x.pdf", added)
			if err != nil {
				t.Fatal(err)
			}
			adoc, err := library.AnnotationDocument(doc, d.Symbol)
			if err != nil {
				t.Fatal(err)
			}
			c0 := adoc.Clauses[0]
			sel, _ := adoc.Describe(c0.ID, 0, 5)
			mk := func(id string, tag annotations.Tag, clause string, modified time.Time) annotations.Annotation {
				return annotations.Annotation{ID: "urn:uuid:00000000-0000-4000-8000-00000000000" + id, Document: d.Symbol, Clause: clause, Start: 0, End: 5, Exact: sel.Exact, Suffix: sel.Suffix, Tag: tag, Created: added, Modified: modified}
			}
			last := added.Add(48 * time.Hour)
			// An orphan: its clause is gone and its quote is nowhere.
			orphan := mk("e", annotations.Concern, "op999", added)
			orphan.Exact, orphan.Suffix = "Qzxjv", ""
			as := []annotations.Annotation{
				mk("a", annotations.Commitment, c0.ID, added),
				mk("b", annotations.Request, c0.ID, last),
				mk("c", annotations.Request, c0.ID, added),
				mk("d", "", c0.ID, added), // untagged
				orphan,
				{ID: "urn:uuid:00000000-0000-4000-8000-00000000000f", Document: "A/RES/73/6", Tag: annotations.Concern, Modified: last.Add(time.Hour)}, // another document's
			}
			s, err := library.NewSummary(d, doc, as)
			if err != nil {
				t.Fatal(err)
			}
			if s.ID != library.DocumentID(tt.symbol) || s.Symbol != tt.symbol || s.Title != tt.title || s.Body != tt.body ||
				s.Session != tt.session || s.Date != tt.date || s.Day != tt.day || s.Kind != tt.kind || !slices.Equal(s.Sponsors, tt.sponsors) {
				t.Errorf("got %q %q %q %q %q %q %q %q %q", s.ID, s.Symbol, s.Title, s.Body, s.Session, s.Date, s.Day, s.Kind, s.Sponsors)
			}
			if len(s.Clauses) != tt.clauses || s.Clauses[0] != tt.firstClause || s.Clauses[len(s.Clauses)-1] != tt.lastClause {
				t.Errorf("clauses %d, %q…%q; want %d, %q…%q", len(s.Clauses), s.Clauses[0], s.Clauses[len(s.Clauses)-1], tt.clauses, tt.firstClause, tt.lastClause)
			}
			want := annotations.Counts{Commitment: 1, Request: 2, Concern: 1, Untagged: 1, Orphans: 1}
			if s.Counts != want || !s.LastAnnotated.Equal(last) {
				t.Errorf("counts %+v, last %v; want %+v, %v", s.Counts, s.LastAnnotated, want, last)
			}
			if s.Versions != 1 || s.TextSize != len(tt.text) || !s.Added.Equal(added) || !s.Opened.IsZero() {
				t.Errorf("mirrored: versions %d size %d added %v opened %v", s.Versions, s.TextSize, s.Added, s.Opened)
			}
			// The counts of a Set agree once the annotations are loaded.
			set := annotations.NewSet(adoc, nil)
			if _, err := set.Load(as[:5]); err != nil {
				t.Fatal(err)
			}
			s2 := s
			s2.SetCounts(set)

			if s2.Counts != want || !s2.LastAnnotated.Equal(last) {
				t.Errorf("SetCounts: %+v, %v; want %+v, %v", s2.Counts, s2.LastAnnotated, want, last)
			}
		})
	}
}

func TestDocumentVersions(t *testing.T) {
	seed := resolution.Seed()
	doc := parse(t, seed)
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	d, err := library.NewDocument(string(seed), doc, library.SourceBuiltin, "", t0)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Builtin || d.ID != "A-HRC-RES-53-11" || d.Current().Name != "A/HRC/RES/53/11" || d.Current().Number != 1 {
		t.Errorf("new document: %+v", d.Current())
	}
	if added, err := d.AddVersion(d.Current()); added || err != nil {
		t.Errorf("adding the same text again = %v, %v; want not added", added, err)
	}
	revised := strings.Replace(string(seed), "Reaffirms", "Strongly reaffirms", 1)
	v, err := library.NewVersion(revised, parse(t, []byte(revised)), library.SourceDOCX, "rev1.docx", "  oral   revision 14:30 ", t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if added, err := d.AddVersion(v); !added || err != nil {
		t.Fatalf("AddVersion = %v, %v", added, err)
	}
	if cur := d.Current(); cur.Number != 2 || cur.Name != "oral revision 14:30" || cur.Text != revised || d.Versions[0].Text != string(seed) {
		t.Errorf("current %+v", cur.Name)
	}
	if err := d.Validate(); err != nil {
		t.Error(err)
	}
	if err := d.Rename(strings.Repeat("x", library.MaxNameLength+1)); err == nil {
		t.Error("a name too long is accepted")
	}
	if err := d.Rename("tab\there"); err != nil || d.Name != "tab here" {
		t.Errorf("Rename collapses spaces: %q, %v", d.Name, err)
	}
	bad := d
	bad.Versions = []library.Version{d.Versions[1]}
	if err := bad.Validate(); err == nil {
		t.Error("versions numbered 2 alone are accepted")
	}
}

func TestCompareSymbols(t *testing.T) {
	ordered := []string{
		"A/C.3/78/L.4", "A/C.3/78/L.41", "A/HRC/53/L.12", "A/HRC/53/L.12/Rev.1", "A/HRC/RES/53/2", "A/HRC/RES/53/11",
		"A/RES/73/6", "A/RES/73/8", "E/RES/2023/4", "S/2018/95", "S/2018/221", "S/2018/1021", "S/RES/2719 (2023)", "untitled-0a1b2c3d4e5f",
	}
	shuffled := slices.Clone(ordered)
	slices.Reverse(shuffled)
	slices.SortFunc(shuffled, library.CompareSymbols)
	if !slices.Equal(shuffled, ordered) {
		t.Errorf("sorted:\n%q\nwant\n%q", shuffled, ordered)
	}
	if library.CompareSymbols("s/2018/95", "S/2018/95") == 0 {
		t.Error("symbols that differ in case compare equal")
	}
}

func summaries() []library.Summary {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC) }
	return []library.Summary{
		{ID: "S-2018-221", Symbol: "S/2018/221", Body: "Security Council", Day: "2018-03-15", Counts: annotations.Counts{Request: 5}, LastAnnotated: day(3)},
		{ID: "S-2018-95", Symbol: "S/2018/95", Body: "Security Council", Title: "Sudan", Day: "2018-02-08", Opened: day(9)},
		{ID: "A-HRC-RES-53-11", Symbol: "A/HRC/RES/53/11", Title: "Enhancement of international cooperation", Body: "Human Rights Council", Day: "2023-07-12",
			Counts: annotations.Counts{Commitment: 2, Concern: 1}, LastAnnotated: day(5), Opened: day(6), Name: "Notre résolution"},
		{ID: "A-RES-73-8", Symbol: "A/RES/73/8", Title: "Côte d’Ivoire", Body: "General Assembly", Counts: annotations.Counts{Untagged: 3}, LastAnnotated: day(1)},
	}
}

func ids(ss []library.Summary) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Symbol
	}
	return out
}

func TestSort(t *testing.T) {
	tests := []struct {
		key  library.SortKey
		desc bool
		want []string
	}{
		{library.BySymbol, false, []string{"A/HRC/RES/53/11", "A/RES/73/8", "S/2018/95", "S/2018/221"}},
		{library.BySymbol, true, []string{"S/2018/221", "S/2018/95", "A/RES/73/8", "A/HRC/RES/53/11"}},
		{library.ByDate, true, []string{"A/HRC/RES/53/11", "S/2018/221", "S/2018/95", "A/RES/73/8"}},
		{library.ByDate, false, []string{"S/2018/95", "S/2018/221", "A/HRC/RES/53/11", "A/RES/73/8"}},
		{library.ByLastAnnotated, true, []string{"A/HRC/RES/53/11", "S/2018/221", "A/RES/73/8", "S/2018/95"}},
		{library.ByAnnotations, true, []string{"S/2018/221", "A/HRC/RES/53/11", "A/RES/73/8", "S/2018/95"}},
		{library.ByAnnotations, false, []string{"S/2018/95", "A/HRC/RES/53/11", "A/RES/73/8", "S/2018/221"}},
		{library.ByOpened, true, []string{"S/2018/95", "A/HRC/RES/53/11", "A/RES/73/8", "S/2018/221"}},
	}
	for _, tt := range tests {
		ss := summaries()
		library.Sort(ss, tt.key, tt.desc)
		if got := ids(ss); !slices.Equal(got, tt.want) {
			t.Errorf("Sort %s desc=%v = %q, want %q", tt.key, tt.desc, got, tt.want)
		}
	}
}

func TestFilterAndBodies(t *testing.T) {
	tests := []struct {
		f    library.Filter
		want []string
	}{
		{library.Filter{}, []string{"S/2018/221", "S/2018/95", "A/HRC/RES/53/11", "A/RES/73/8"}},
		{library.Filter{Body: "security COUNCIL"}, []string{"S/2018/221", "S/2018/95"}},
		{library.Filter{Text: "cote d'ivoire"}, []string{"A/RES/73/8"}},
		{library.Filter{Text: "RESOLUTION"}, []string{"A/HRC/RES/53/11"}}, // its name
		{library.Filter{Text: "2018/9"}, []string{"S/2018/95"}},
		{library.Filter{Body: "Security Council", Text: "sudan"}, []string{"S/2018/95"}},
		{library.Filter{Body: "General Assembly", Text: "sudan"}, []string{}},
	}
	for _, tt := range tests {
		if got := ids(tt.f.Apply(summaries())); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: got %q, want %q", tt.f, got, tt.want)
		}
	}
	if got := library.Bodies(summaries()); !slices.Equal(got, []string{"General Assembly", "Human Rights Council", "Security Council"}) {
		t.Errorf("Bodies = %q", got)
	}
	if id, ok := library.LastRead(summaries()); !ok || id != "S-2018-95" {
		t.Errorf("LastRead = %q, %v; want S-2018-95", id, ok)
	}
	if _, ok := library.LastRead(nil); ok {
		t.Error("LastRead of an empty library found one")
	}
}

var (
	scaleOnce sync.Once
	scaleLib  []library.Addition
	scaleErr  error
)

// scaleLibrary is the library of 300 documents with 100 annotations each,
// made once for the tests and benchmarks of this package.
func scaleLibrary(tb testing.TB) []library.Addition {
	tb.Helper()
	scaleOnce.Do(func() {
		var texts []bench.BaseText
		if texts, scaleErr = bench.CorpusTexts(".."); scaleErr == nil {
			scaleLib, scaleErr = bench.Library(texts, 300, 100, 1)
		}
	})
	if scaleErr != nil {
		tb.Fatal(scaleErr)
	}
	return scaleLib
}

// spread gives the annotations of a generated library authors and a few
// notes with accents, as delegations write them.
func spread(lib []library.Addition) ([]library.Summary, []annotations.Annotation) {
	authors := []string{"", "Délégation du Sénégal", "Mexico", "mexico", "Côte d’Ivoire"}
	var ss []library.Summary
	var as []annotations.Annotation
	for i, a := range lib {
		ss = append(ss, a.Summary)
		for j, x := range a.Annotations {
			x.Author = authors[(i+j)%len(authors)]
			if (i+j)%7 == 0 {
				x.Note += " Révisé à Genève"
			}
			as = append(as, x)
		}
	}
	return ss, as
}

func TestGeneratedLibraryIsTheScaleAndTheSameEveryTime(t *testing.T) {
	lib := scaleLibrary(t)
	if len(lib) != 300 {
		t.Fatalf("%d documents, want 300", len(lib))
	}
	seen := map[string]bool{}
	total := 0
	for i, a := range lib {
		if seen[a.Document.ID] {
			t.Errorf("document %s twice", a.Document.ID)
		}
		seen[a.Document.ID] = true
		if len(a.Annotations) != 100 || a.Summary.Counts.Total() != 100 || a.Summary.Counts.Orphans != 0 {
			t.Errorf("%s: %d annotations, counts %+v", a.Document.ID, len(a.Annotations), a.Summary.Counts)
		}
		if err := a.Document.Validate(); err != nil {
			t.Error(err)
		}
		if i%10 != 0 {
			total += len(a.Annotations)
			continue
		}
		if parsed := parse(t, []byte(a.Document.Current().Text)); parsed.Symbol != a.Document.Symbol {
			t.Errorf("%s: its text parses as %s", a.Document.Symbol, parsed.Symbol)
		}
		total += len(a.Annotations)
	}
	if total != 30000 {
		t.Errorf("%d annotations, want 30,000", total)
	}
	texts, err := bench.CorpusTexts("..")
	if err != nil {
		t.Fatal(err)
	}
	again, err := bench.Library(texts, 20, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range again {
		if !reflect.DeepEqual(again[i], lib[i]) {
			t.Fatalf("document %d differs between two runs", i)
		}
	}
}

// naive is the filter of Query written plainly, to check the Index.
func naive(ss []library.Summary, as []annotations.Annotation, q library.Query) (keep []string, counts annotations.Counts) {
	bodyOf := map[string]string{}
	idOf := map[string]string{}
	clauses := map[string]map[string]bool{}
	for _, a := range as {
		bodyOf[a.Document] = library.BodyOfSymbol(a.Document) // a document the library lacks
	}
	for _, s := range ss {
		bodyOf[s.Symbol], idOf[s.Symbol] = s.Body, s.ID
		clauses[s.Symbol] = map[string]bool{}
		for _, c := range s.Clauses {
			clauses[s.Symbol][c] = true
		}
	}
	in := func(list []string, v string, fold bool) bool {
		if len(list) == 0 {
			return true
		}
		for _, x := range list {
			if x == v || fold && library.Fold(x) == library.Fold(v) && v != "" {
				return true
			}
		}
		return false
	}
	text := library.Fold(q.Text)
	for _, a := range as {
		id := idOf[a.Document]
		if id == "" {
			id = library.DocumentID(a.Document)
		}
		if !in(q.Documents, id, false) || !in(q.Bodies, bodyOf[a.Document], true) || !in(q.Authors, a.Author, true) {
			continue
		}
		if text != "" && !strings.Contains(library.Fold(a.Exact), text) && !strings.Contains(library.Fold(a.Note), text) {
			continue
		}
		switch a.Tag {
		case annotations.Commitment:
			counts.Commitment++
		case annotations.Request:
			counts.Request++
		case annotations.Concern:
			counts.Concern++
		default:
			counts.Untagged++
		}
		if !clauses[a.Document][a.Clause] {
			counts.Orphans++
		}
		tags := make([]string, len(q.Tags))
		for i, t := range q.Tags {
			tags[i] = string(t)
		}
		tag := string(a.Tag)
		if len(q.Tags) > 0 && !slices.Contains(tags, tag) {
			continue
		}
		keep = append(keep, a.ID)
	}
	return keep, counts
}

func TestIndexFilterAgreesWithAPlainFilter(t *testing.T) {
	lib := scaleLibrary(t)[:40]
	ss, as := spread(lib)
	// Annotations of a document the library lacks, and an orphan.
	stray := as[0]
	stray.ID, stray.Document = "urn:uuid:00000000-0000-4000-8000-0000000000ff", "A/RES/99/1"
	orphan := as[1]
	orphan.ID, orphan.Clause = "urn:uuid:00000000-0000-4000-8000-0000000000fe", "op999"
	as = append(as, stray, orphan)
	x := library.NewIndex(ss, as)
	if x.Len() != len(as) {
		t.Fatalf("Len = %d, want %d", x.Len(), len(as))
	}
	queries := []library.Query{
		{},
		{Tags: []annotations.Tag{annotations.Request}},
		{Tags: []annotations.Tag{annotations.Concern, annotations.Commitment}, Text: "the"},
		{Text: "REVISE A GENEVE"},
		{Authors: []string{"MEXICO"}},
		{Authors: []string{"cote d'ivoire"}, Text: "united"},
		{Bodies: []string{"security council"}},
		{Bodies: []string{"General Assembly"}, Tags: []annotations.Tag{annotations.Request}},
		{Documents: []string{ss[3].ID, ss[7].ID}, Text: "council"},
		{Documents: []string{"A-RES-99-1"}},
		{Text: "zzz-nothing"},
	}
	// Typing a word one letter at a time narrows the last result.
	for _, word := range []string{"secur", "révisé"} {
		for i := 1; i <= len([]rune(word)); i++ {
			queries = append(queries, library.Query{Text: string([]rune(word)[:i]), Tags: []annotations.Tag{annotations.Concern}})
		}
		for i := len([]rune(word)); i >= 1; i-- {
			queries = append(queries, library.Query{Text: string([]rune(word)[:i])})
		}
	}
	// The same text under other filters, and again: a past result is
	// taken up only for the same filters.
	queries = append(queries,
		library.Query{Text: "the"},
		library.Query{Documents: []string{ss[3].ID}, Text: "the"},
		library.Query{Authors: []string{"Mexico"}, Text: "the"},
		library.Query{Text: "the", Tags: []annotations.Tag{annotations.Request}},
		library.Query{Documents: []string{ss[3].ID}, Text: "the"},
	)
	for _, q := range queries {
		r := x.Filter(q)
		want, counts := naive(ss, as, q)
		got := r.Annotations(0, r.Total)
		gotIDs := make([]string, len(got))
		for i, a := range got {
			gotIDs[i] = a.ID
		}
		slices.Sort(gotIDs)
		slices.Sort(want)
		if !slices.Equal(gotIDs, want) {
			t.Errorf("%+v: %d kept, want %d", q, len(gotIDs), len(want))
		}
		if r.Counts != counts {
			t.Errorf("%+v: counts %+v, want %+v", q, r.Counts, counts)
		}
		docs := map[string]bool{}
		for _, a := range got {
			docs[a.Document] = true
		}
		if r.Documents() != len(docs) {
			t.Errorf("%+v: Documents = %d, want %d", q, r.Documents(), len(docs))
		}
	}
	if got := x.Authors(); !slices.Equal(got, []string{"Côte d’Ivoire", "Délégation du Sénégal", "Mexico"}) {
		t.Errorf("Authors = %q", got)
	}
	if !x.Known(ss[0].ID) || x.Known("A-RES-99-1") {
		t.Error("Known is wrong")
	}
}

func TestIndexGroupsByDocumentThenClauseInDocumentOrder(t *testing.T) {
	lib := scaleLibrary(t)[:6]
	ss, as := spread(lib)
	orphan := as[0]
	orphan.ID, orphan.Clause = "urn:uuid:00000000-0000-4000-8000-0000000000fe", "op999"
	stray := as[1]
	stray.ID, stray.Document = "urn:uuid:00000000-0000-4000-8000-0000000000ff", "A/RES/99/1"
	as = append(as, orphan, stray)
	slices.Reverse(as) // the order of the store does not matter
	x := library.NewIndex(ss, as)
	r := x.Filter(library.Query{})
	groups := r.Groups(0, r.Total)
	var symbols []string
	n := 0
	for _, g := range groups {
		symbols = append(symbols, g.Document.Symbol)
		pos := map[string]int{}
		for i, c := range g.Document.Clauses {
			pos[c] = i
		}
		last := -1
		count := 0
		for i, c := range g.Clauses {
			if c.Orphans {
				if i != len(g.Clauses)-1 {
					t.Errorf("%s: orphans are not last", g.Document.Symbol)
				}
				count += len(c.Annotations)
				continue
			}
			if pos[c.Clause] <= last {
				t.Errorf("%s: clause %s out of document order", g.Document.Symbol, c.Clause)
			}
			last = pos[c.Clause]
			if c.Label != resolution.Label(c.Clause) {
				t.Errorf("label %q of %s", c.Label, c.Clause)
			}
			for j := 1; j < len(c.Annotations); j++ {
				if c.Annotations[j].Start < c.Annotations[j-1].Start {
					t.Errorf("%s %s: annotations out of order", g.Document.Symbol, c.Clause)
				}
			}
			count += len(c.Annotations)
		}
		if count != g.Total {
			t.Errorf("%s: %d annotations in its groups, Total %d", g.Document.Symbol, count, g.Total)
		}
		if g.Known != (g.Document.Symbol != "A/RES/99/1") {
			t.Errorf("%s: Known = %v", g.Document.Symbol, g.Known)
		}
		n += count
	}
	if n != len(as) {
		t.Errorf("%d annotations in the groups, want %d", n, len(as))
	}
	if !slices.IsSortedFunc(symbols, library.CompareSymbols) {
		t.Errorf("documents not in symbol order: %q", symbols)
	}
	// A page of the list groups what it holds.
	page := r.Groups(95, 105)
	c := 0
	for _, g := range page {
		for _, cg := range g.Clauses {
			c += len(cg.Annotations)
		}
	}
	if c != 10 || len(page) != 2 {
		t.Errorf("the page 95–105 holds %d annotations in %d documents, want 10 in 2", c, len(page))
	}
}

func TestPlanImportAndPrepare(t *testing.T) {
	st := library.NewMemoryStore()
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	if _, _, err := library.EnsureBuiltin(st, resolution.Seed(), t0); err != nil {
		t.Fatal(err)
	}
	summaries, err := st.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	// A colleague's file: the seed (which we have), S/2018/95 with its
	// text (which we lack) and S/2018/221 without its text.
	lib := scaleLibrary(t)
	var s95, s221 library.Addition
	for _, a := range lib {
		switch a.Document.Symbol {
		case "S/2018/95":
			s95 = a
		case "S/2018/221":
			s221 = a
		}
	}
	entry := func(a library.Addition, withText bool) annotations.Entry {
		e := annotations.Entry{Symbol: a.Document.Symbol, Title: a.Summary.Title, TextSHA256: a.Document.Current().TextSHA256, Annotations: a.Annotations}
		if withText {
			e.Text = &annotations.Text{Text: a.Document.Current().Text, SourceFormat: "pdf", FileName: "S_2018_95-EN.pdf"}
		}
		return e
	}
	seedEntry := entry(lib[0], false)
	data, err := annotations.ExportEntries([]annotations.Entry{seedEntry, entry(s95, true), entry(s221, false)}, func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	c, err := annotations.ReadCollection(data)
	if err != nil {
		t.Fatal(err)
	}
	in := library.PlanImport(c, summaries)
	if len(in.Existing) != 1 || in.Existing[0].ID != "A-HRC-RES-53-11" || len(in.New) != 1 || in.New[0].Symbol != "S/2018/95" ||
		len(in.Missing) != 1 || in.Missing[0].Symbol != "S/2018/221" {
		t.Fatalf("PlanImport = %+v", in)
	}
	p, err := library.Prepare(in.New[0], parse(t, []byte(in.New[0].Text.Text)), t0)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Plan.Summary(); !strings.Contains(got, "100 added") {
		t.Errorf("the preview says %q, want 100 added", got)
	}
	add, err := p.Addition()
	if err != nil {
		t.Fatal(err)
	}
	if add.Document.ID != "S-2018-95" || add.Document.Current().FileName != "S_2018_95-EN.pdf" || add.Document.Current().Source != library.SourcePDF || add.Summary.Counts.Total() != 100 {
		t.Errorf("addition: %s %+v %+v", add.Document.ID, add.Document.Current().FileName, add.Summary.Counts)
	}
	if err := st.Write(library.Batch{Add: []library.Addition{add}}); err != nil {
		t.Fatal(err)
	}
	got, err := st.List("S/2018/95")
	if err != nil || len(got) != 100 {
		t.Errorf("after the import, S/2018/95 has %d annotations (%v), want 100", len(got), err)
	}
}

func TestATextWithNeitherSymbolNorTitleIsKnownByItsOpeningWords(t *testing.T) {
	long := "The co-facilitators will circulate a revised text on Friday, after the informal consultations of the week, with the proposals of every group. 🤝"
	for _, tc := range []struct{ text, want string }{
		{"Meeting notes\n\nWe discussed the draft at length.\n", "Meeting notes"},
		{long + "\n\nNext.\n", "The co-facilitators will circulate a revised text on Friday, after the informal…"},
		// A resolution without a title keeps its symbol as its name.
		{string(corpusText(t, "S_2018_95-EN.extract.txt")), ""},
	} {
		doc := parse(t, []byte(tc.text))
		d, err := library.NewDocument(tc.text, doc, library.SourceText, "", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		s, err := library.NewSummary(d, doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		if s.Title != tc.want {
			t.Errorf("title %q, want %q", s.Title, tc.want)
		}
		if want := cmp.Or(tc.want, d.Symbol); s.DisplayTitle() != want {
			t.Errorf("shown as %q, want %q", s.DisplayTitle(), want)
		}
	}
}
