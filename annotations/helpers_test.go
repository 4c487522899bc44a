package annotations

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// seedFile is testdata/seed-clauses.json: the clauses of A/HRC/RES/53/11 as
// the parser produces them.
type seedFile struct {
	Symbol  string   `json:"symbol"`
	Title   string   `json:"title"`
	Body    string   `json:"body"`
	Session string   `json:"session"`
	Adopted string   `json:"adopted"`
	Clauses []Clause `json:"clauses"`
}

var (
	seedOnce    sync.Once
	seedClauses []Clause
	seedMeta    seedFile
	seedErr     error
)

// seedDoc returns the seed document, loaded once from testdata.
func seedDoc(tb testing.TB) *Document {
	tb.Helper()
	return docWith(tb, seedClausesCopy(tb))
}

// seedClausesCopy returns a copy of the seed's clauses, to edit.
func seedClausesCopy(tb testing.TB) []Clause {
	tb.Helper()
	seedOnce.Do(func() {
		data, err := os.ReadFile(filepath.Join("testdata", "seed-clauses.json"))
		if err != nil {
			seedErr = err
			return
		}
		if seedErr = json.Unmarshal(data, &seedMeta); seedErr != nil {
			return
		}
		seedClauses = seedMeta.Clauses
	})
	if seedErr != nil {
		tb.Fatalf("load seed: %v", seedErr)
	}
	return slices.Clone(seedClauses)
}

// docWith returns the seed document with other clauses (a revision).
func docWith(tb testing.TB, cs []Clause) *Document {
	tb.Helper()
	d, err := NewDocument(Document{Symbol: seedMeta.Symbol, Title: seedMeta.Title,
		Body: seedMeta.Body, Session: seedMeta.Session, Adopted: seedMeta.Adopted, Clauses: cs})
	if err != nil {
		tb.Fatalf("NewDocument: %v", err)
	}
	return d
}

// fixedNow is a clock that always says 2024-03-01 09:30 UTC.
func fixedNow() time.Time { return time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC) }

// tickingClock returns a clock that advances one second per call.
func tickingClock() func() time.Time {
	t := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// spanOf returns the code point range of the first occurrence of quote in a
// clause of doc.
func spanOf(tb testing.TB, doc *Document, clause, quote string) (int, int) {
	tb.Helper()
	c, ok := doc.Clause(clause)
	if !ok {
		tb.Fatalf("no clause %s", clause)
	}
	i := strings.Index(c.Text, quote)
	if i < 0 {
		tb.Fatalf("%q not in %s", quote, clause)
	}
	start := runeLen(c.Text[:i])
	return start, start + runeLen(quote)
}

// mustAnnotation describes quote in a clause as an annotation with fixed
// times and an id derived from name.
func mustAnnotation(tb testing.TB, doc *Document, name, clause, quote string, tag Tag, note string) Annotation {
	tb.Helper()
	start, end := spanOf(tb, doc, clause, quote)
	sel, err := doc.Describe(clause, start, end)
	if err != nil {
		tb.Fatal(err)
	}
	t := time.Date(2024, 2, 20, 14, 5, 0, 0, time.UTC)
	return Annotation{
		ID: nameID("test\n" + name), Document: doc.Symbol, Clause: clause, Start: start, End: end,
		Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix, Tag: tag, Note: note,
		Created: t, Modified: t,
	}
}

// replaceIn returns cs with old replaced by new in one clause.
func replaceIn(tb testing.TB, cs []Clause, clause, old, new string) []Clause {
	tb.Helper()
	cs = slices.Clone(cs)
	for i := range cs {
		if cs[i].ID == clause {
			if !strings.Contains(cs[i].Text, old) {
				tb.Fatalf("%q not in %s", old, clause)
			}
			cs[i].Text = strings.Replace(cs[i].Text, old, new, 1)
			return cs
		}
	}
	tb.Fatalf("no clause %s", clause)
	return nil
}

// insertOperative inserts a new operative paragraph before op<n> and
// renumbers the ones after it, as a revised draft would.
func insertOperative(tb testing.TB, cs []Clause, n int, text string) []Clause {
	tb.Helper()
	var out []Clause
	for _, c := range cs {
		num, isOp := opNumber(c.ID)
		if isOp && num == n {
			out = append(out, Clause{ID: opID(n), Label: opLabel(n), Text: text})
		}
		if isOp && num >= n {
			c.ID, c.Label = opID(num+1), opLabel(num+1)
		}
		out = append(out, c)
	}
	return out
}

// deleteOperative deletes op<n> and renumbers the ones after it.
func deleteOperative(tb testing.TB, cs []Clause, n int) []Clause {
	tb.Helper()
	var out []Clause
	for _, c := range cs {
		num, isOp := opNumber(c.ID)
		if isOp && num == n {
			continue
		}
		if isOp && num > n {
			c.ID, c.Label = opID(num-1), opLabel(num-1)
		}
		out = append(out, c)
	}
	return out
}

func opNumber(id string) (int, bool) {
	if !strings.HasPrefix(id, "op") {
		return 0, false
	}
	n := 0
	for _, c := range id[2:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func opID(n int) string    { return "op" + itoa(n) }
func opLabel(n int) string { return "OP" + itoa(n) }
func itoa(n int) string    { return strconv.Itoa(n) }

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

// diffAnnotations reports the first difference between two annotation lists.
func diffAnnotations(got, want []Annotation) string {
	if len(got) != len(want) {
		return "got " + itoa(len(got)) + " annotations, want " + itoa(len(want))
	}
	for i := range got {
		if !got[i].Equal(want[i]) {
			g, _ := json.Marshal(got[i])
			w, _ := json.Marshal(want[i])
			return "annotation " + itoa(i) + ":\n got  " + string(g) + "\n want " + string(w)
		}
	}
	return ""
}
