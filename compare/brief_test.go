package compare

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// caseFor returns the revision case of the test set with the given new text.
func caseFor(t *testing.T, newPath string) revisionCase {
	t.Helper()
	for _, rc := range revisionCases {
		if rc.new == newPath {
			return rc
		}
	}
	t.Fatalf("no revision case for %s", newPath)
	return revisionCase{}
}

// reviewOf compares a revision case and carries its annotations.
func reviewOf(t *testing.T, rc revisionCase) (*Comparison, *Review) {
	t.Helper()
	old, new := parseFile(t, rc.old), parseFile(t, rc.new)
	c, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	od, nd := annotationDoc(t, old), annotationDoc(t, new)
	var as []annotations.Annotation
	for i, w := range rc.anns {
		as = append(as, annotate(t, od, i, w.clause, w.quote, w.tag, w.note))
	}
	r, err := c.Carry(od, nd, as)
	if err != nil {
		t.Fatal(err)
	}
	return c, r
}

func TestBriefMatchesGoldenFiles(t *testing.T) {
	date := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ golden, newPath string }{
		{"words.md", revision("words.txt")},
		{"split-op3.md", revision("split-op3.txt")},
		{"merge-op22-op23.md", revision("merge-op22-op23.txt")},
		{"pp33-operative.md", revision("pp33-operative.txt")},
		{"rewrite-lookalike.md", revision("rewrite-lookalike.txt")},
		{"subparagraphs-693.md", revision("subparagraphs-693.txt")},
		{"S_2018_95-S_2020_110.md", panel2020},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			c, r := reviewOf(t, caseFor(t, tc.newPath))
			got := c.Brief(r, BriefOptions{Date: date})
			path := filepath.Join(goldenDir, tc.golden)
			if *update {
				if err := os.MkdirAll(goldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("brief differs from %s (go test -update rewrites it):\n%s", path, got)
			}
		})
	}
}

func TestBriefMarksChangesAsTrackChanges(t *testing.T) {
	c, r := reviewOf(t, caseFor(t, revision("words.txt")))
	brief := string(c.Brief(r, BriefOptions{Date: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}))
	for _, want := range []string{
		"# Changes to A/HRC/RES/53/11\n",
		"Brief of 14 March 2025. Clauses: 7 changed; 63 unchanged. Annotations: 6 carried, 0 moved, 8 changed, 0 orphans.",
		"\n## OP21 — changed\n",
		"> ~~Requests~~ the Office of the United Nations",
		"> **Encourages** the Office of the United Nations",
		// A mark never opens between a letter and a comma: it takes the word.
		"in a **timely,** transparent **and non-discriminatory** manner",
		"in a timely ~~and~~ transparent manner",
		"- **Request**, its words changed — “Requests” → “Encourages” (Delegation of Chile)",
		"— “in a timely and transparent manner” → “in a timely, transparent and non-discriminatory manner” — add accountability (Delegation of Chile)",
	} {
		if !strings.Contains(brief, want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	// Unchanged clauses are not in the brief.
	if strings.Contains(brief, "## OP20") || strings.Contains(brief, "## PP1 ") {
		t.Errorf("brief lists unchanged clauses")
	}
}

func TestBriefEscapesUserText(t *testing.T) {
	rc := caseFor(t, revision("words.txt"))
	old, new := parseFile(t, rc.old), parseFile(t, rc.new)
	c, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	od, nd := annotationDoc(t, old), annotationDoc(t, new)
	a := annotate(t, od, 0, "op21", "Requests", annotations.Request, "# not a heading\n- not a list *bold* <script>\n\n1. not a list")
	a.Labels = []string{"[link](x)"}
	r, err := c.Carry(od, nd, []annotations.Annotation{a})
	if err != nil {
		t.Fatal(err)
	}
	brief := string(c.Brief(r, BriefOptions{Date: time.Now()}))
	want := "— \\# not a heading\\\n  \\- not a list \\*bold\\* \\<script\\>\\\n  1\\. not a list (Delegation of Chile)\n"
	if !strings.Contains(brief, want) {
		t.Errorf("note not escaped as expected; brief:\n%s", brief)
	}
	if !strings.Contains(brief, "\\[\\[link\\](x)\\]") {
		t.Errorf("labels not escaped; brief:\n%s", brief)
	}
}

func TestBriefOfIdenticalVersionsSaysNoClauseChanged(t *testing.T) {
	d := parseFile(t, seedFile)
	c, err := Compare(d, parseFile(t, seedFile))
	if err != nil {
		t.Fatal(err)
	}
	brief := string(c.Brief(nil, BriefOptions{Date: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}))
	if !strings.Contains(brief, "Clauses: no clause changed.") || !strings.Contains(brief, "\nNo clause changed.\n") {
		t.Errorf("brief:\n%s", brief)
	}
}
