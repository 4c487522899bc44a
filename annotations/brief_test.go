package annotations

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// draftDoc is a short draft with every part: a preambular paragraph, two
// operative paragraphs (one with lettered points) and an annex.
func draftDoc(t testing.TB) *Document {
	t.Helper()
	d, err := NewDocument(Document{
		Symbol: "A/C.3/78/L.99", Title: "Cooperation on water", Body: "Third Committee", Date: "2 November 2023",
		Clauses: []Clause{
			{ID: "pp1", Label: "PP1", Text: "Recalling its resolution 77/1 on water,", Part: Preamble},
			{ID: "op1", Label: "OP1", Text: "Decides to convene a meeting on water in 2025;", Part: OperativePart},
			{ID: "op2", Label: "OP2", Text: "Requests the Secretary-General:", Part: OperativePart},
			{ID: "op2.a", Label: "OP2(a)", Text: "To report to it on the meeting;", Part: OperativePart},
			{ID: "annex1.p1", Label: "Annex, 1", Text: "The meeting shall be open to all States.", Part: AnnexPart},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// draftSet is draftDoc with annotations by one delegation, France: a
// request in each part, a concern, and one orphan.
func draftSet(t testing.TB) *Set {
	t.Helper()
	doc := draftDoc(t)
	s := NewSet(doc, fixedNow)
	add := func(name, clause, quote string, tag Tag, note string) {
		t.Helper()
		a := mustAnnotation(t, doc, name, clause, quote, tag, note)
		a.Author = "France"
		if _, err := s.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	add("annex", "annex1.p1", "open to all States", Request, "Also observers?")
	add("op2a", "op2.a", "To report to it", Request, "")
	add("pp1", "pp1", "resolution 77/1", Request, "Check the date")
	add("op1", "op1", "in 2025", Concern, "Too late")
	s.insert(Annotation{ID: nameID("test\ndraft-orphan"), Document: doc.Symbol, Clause: "op3", Start: 0, End: 7, Exact: "Invites",
		Tag: Request, Author: "France", Created: fixedNow(), Modified: fixedNow()})
	return s
}

func TestSelectionKeepsWhatItIsAskedToInDocumentOrder(t *testing.T) {
	s := fixtureSet(t)
	all := s.Selection(nil)
	if all.Document != s.Document() || diffAnnotations(all.Annotations, s.All()) != "" {
		t.Errorf("Selection(nil) is not every annotation in document order")
	}
	requests := s.Selection(func(a Annotation) bool { return a.Tag == Request })
	if diffAnnotations(requests.Annotations, s.ByTag(Request)) != "" {
		t.Errorf("the requests: %s", diffAnnotations(requests.Annotations, s.ByTag(Request)))
	}
}

func TestExportsPutASelectionInDocumentOrderWithOrphansLast(t *testing.T) {
	s := fixtureSet(t)
	want := s.All()
	shuffled := slices.Clone(want)
	slices.Reverse(shuffled)
	got, err := ordered([]Selection{{Document: s.Document(), Annotations: shuffled}})
	if err != nil {
		t.Fatal(err)
	}
	if d := diffAnnotations(got[0], want); d != "" {
		t.Error(d)
	}
	// And the exports write the same bytes.
	for name, write := range map[string]func([]Selection) ([]byte, error){
		"Markdown": func(sels []Selection) ([]byte, error) { return WriteMarkdown(sels, BriefOptions{Now: fixedNow}) },
		"print":    func(sels []Selection) ([]byte, error) { return WritePrint(sels, BriefOptions{Now: fixedNow}) },
		"CSV":      WriteCSV,
	} {
		a, err1 := write([]Selection{{Document: s.Document(), Annotations: shuffled}})
		b, err2 := write([]Selection{s.Selection(nil)})
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Errorf("%s: the order of the selection changes the file (%v, %v)", name, err1, err2)
		}
	}
}

func TestExportsRefuseASelectionTheyCannotWrite(t *testing.T) {
	s := fixtureSet(t)
	other := draftSet(t).All()[0]
	bad := s.All()[0]
	bad.Tag = "urgent"
	for name, sel := range map[string]Selection{
		"no document":                       {Annotations: s.All()},
		"a document not from NewDocument":   {Document: &Document{Symbol: "X"}},
		"an annotation of another document": {Document: s.Document(), Annotations: []Annotation{other}},
		"an invalid annotation":             {Document: s.Document(), Annotations: []Annotation{bad}},
	} {
		for format, write := range map[string]func([]Selection) ([]byte, error){
			"Markdown": func(sels []Selection) ([]byte, error) { return WriteMarkdown(sels, BriefOptions{}) },
			"print":    func(sels []Selection) ([]byte, error) { return WritePrint(sels, BriefOptions{}) },
			"CSV":      WriteCSV,
		} {
			if _, err := write([]Selection{s.Selection(nil), sel}); !errors.Is(err, ErrSelection) || !strings.Contains(err.Error(), "selection 1") {
				t.Errorf("%s, %s: got %v, want an ErrSelection naming selection 1", name, format, err)
			}
		}
	}
}

func TestFileNameSaysWhatWasSelected(t *testing.T) {
	day := time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)
	seed, draft := fixtureSet(t).Selection(nil), draftSet(t).Selection(nil)
	sc, err := NewDocument(Document{Symbol: "S/RES/2712 (2023)", Clauses: seedClausesCopy(t)[:3]})
	if err != nil {
		t.Fatal(err)
	}
	third := Selection{Document: sc}
	tests := []struct {
		name      string
		sels      []Selection
		what, ext string
		want      string
	}{
		{"one document, everything", []Selection{seed}, "", ".md", "A-HRC-RES-53-11-annotations-2026-11-30.md"},
		{"one document, its requests", []Selection{seed}, "Requests", "csv", "A-HRC-RES-53-11-requests-2026-11-30.csv"},
		{"a symbol with spaces and brackets", []Selection{third}, "", ".html", "S-RES-2712-2023-annotations-2026-11-30.html"},
		{"three documents", []Selection{seed, draft, third}, "requests", ".csv", "3-documents-requests-2026-11-30.csv"},
		{"the same document twice is one", []Selection{seed, seed}, "", ".csv", "A-HRC-RES-53-11-annotations-2026-11-30.csv"},
		{"what keeps letters of any script", []Selection{seed, draft}, "Étape 2 / « UNGA »", ".md", "2-documents-étape-2-unga-2026-11-30.md"},
		{"what cannot make a path", []Selection{seed}, "../../etc/passwd", ".md", "A-HRC-RES-53-11-etc-passwd-2026-11-30.md"},
		{"a long what is cut", []Selection{seed}, strings.Repeat("concern ", 10), ".md", "A-HRC-RES-53-11-concern-concern-concern-concern-concern-2026-11-30.md"},
		{"nothing selected", nil, "", ".csv", "0-documents-annotations-2026-11-30.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FileName(tt.sels, tt.what, day, tt.ext); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTheBriefNamesTheDelegation(t *testing.T) {
	tests := []struct {
		name       string
		set        func(testing.TB) *Set
		delegation string
		header     string
		entries    []string // authors named in entries
	}{
		{"one author is the delegation, named once", draftSet, "", "- Delegation: France\n", nil},
		{"several authors are listed, and named in their entries", fixtureSet, "",
			"- Authors: Délégation de l’Uruguay, @mission, Hypothesis user\n",
			[]string{"*(Délégation de l’Uruguay)*", "*(@mission)*", "*(Hypothesis user)*"}},
		{"the delegation of the options", draftSet, "République française", "- Delegation: République française\n", []string{"*(France)*"}},
		{"the delegation of the options is its authors' name", draftSet, "France", "- Delegation: France\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := WriteMarkdown([]Selection{tt.set(t).Selection(nil)}, BriefOptions{Delegation: tt.delegation, Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			md := string(data)
			if !strings.Contains(md, tt.header) {
				t.Errorf("the header lacks %q:\n%s", tt.header, md)
			}
			named := strings.Count(md, "*(")
			for _, e := range tt.entries {
				if !strings.Contains(md, e) {
					t.Errorf("no entry names %q", e)
				}
			}
			if len(tt.entries) == 0 && named != 0 {
				t.Errorf("entries name their author, which the header names:\n%s", md)
			}
		})
	}
}
