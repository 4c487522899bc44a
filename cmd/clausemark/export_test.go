//go:build !(js && wasm)

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
)

// fixedNow is the clock of the files in these tests: 2024-03-01 09:30 UTC.
func fixedNow() time.Time { return time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC) }

// fixClock makes export and merge write fixedNow, for the test.
func fixClock(t *testing.T) {
	t.Helper()
	old := now
	now = fixedNow
	t.Cleanup(func() { now = old })
}

// editClock is the clock of annotation edits: a second later on each call.
func editClock() func() time.Time {
	t := time.Date(2024, 2, 3, 11, 15, 30, 250e6, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

func seedDocument(t *testing.T) *annotations.Document {
	t.Helper()
	doc, err := loadDocument("")
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// span returns the code point range of quote in a clause.
func span(t *testing.T, doc *annotations.Document, clause, quote string) (start, end int) {
	t.Helper()
	c, ok := doc.Clause(clause)
	i := strings.Index(c.Text, quote)
	if !ok || i < 0 {
		t.Fatalf("%s does not hold %q", clause, quote)
	}
	start = utf8.RuneCountInString(c.Text[:i])
	return start, start + utf8.RuneCountInString(quote)
}

// create adds an annotation on quote in a clause, or on the whole clause
// when quote is empty.
func create(t *testing.T, s *annotations.Set, clause, quote string, tag annotations.Tag, note, author string) annotations.Annotation {
	t.Helper()
	var a annotations.Annotation
	var err error
	if quote == "" {
		a, err = s.CreateWhole(clause, tag, note, author)
	} else {
		start, end := span(t, s.Document(), clause, quote)
		a, err = s.Create(clause, start, end, tag, note, author)
	}
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// sampleSet is a set on the seed: a request on a span of OP21 (a note and an
// author that are not ASCII), a commitment on the whole of PP1 (a note of two
// lines), a concern on OP8 (a note that a spreadsheet would run as a formula)
// and a commitment on OP23.
func sampleSet(t *testing.T) *annotations.Set {
	t.Helper()
	s := annotations.NewSet(seedDocument(t), editClock())
	create(t, s, "op21", "non-traditional donor countries", annotations.Request, "Quels pays ? 🌍 «non traditionnels» — 非传统", "Délégation du Sénégal")
	create(t, s, "pp1", "", annotations.Commitment, "First line *bold*\nsecond line | pipe", "")
	create(t, s, "op8", "unilateral coercive measures", annotations.Concern, "-5 % of imports, =SUM(A1)", "Ελλάδα")
	create(t, s, "op23", "to continue to support the funds", annotations.Commitment, "", "")
	return s
}

// exportWith writes s with an export function of the annotations package
// and the fixed clock.
func exportWith(t *testing.T, write func(*annotations.Set, func() time.Time) ([]byte, error), s *annotations.Set) []byte {
	t.Helper()
	data, err := write(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// dirEntries lists the names in a directory.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestExportWritesEachFormatAsTheAnnotationsPackageDoes(t *testing.T) {
	fixClock(t)
	s := sampleSet(t)
	native := writeFile(t, "notes.json", exportWith(t, annotations.ExportJSON, s))
	w3c := writeFile(t, "notes.jsonld", exportWith(t, annotations.ExportW3C, s))
	seed := writeFile(t, "seed.txt", resolution.Seed())
	formats := []struct {
		format string
		write  func(*annotations.Set, func() time.Time) ([]byte, error)
	}{
		{"w3c", annotations.ExportW3C},
		{"markdown", annotations.ExportMarkdown},
		{"html", annotations.ExportPrint},
		{"csv", annotations.ExportCSV},
		{"json", annotations.ExportJSON},
	}
	for _, f := range formats {
		want := string(exportWith(t, f.write, s))
		t.Run(f.format+" goes to stdout", func(t *testing.T) {
			out, stderr, err := runCmd(t, "export", "-format", f.format, native)
			if err != nil {
				t.Fatal(err)
			}
			if out != want {
				t.Errorf("got %q, want %q", out, want)
			}
			if stderr != "" {
				t.Errorf("stderr: got %q, want %q", stderr, "")
			}
		})
		t.Run(f.format+" goes to the -o file, flags after the file", func(t *testing.T) {
			dir := t.TempDir()
			o := filepath.Join(dir, "out."+f.format)
			out, stderr, err := runCmd(t, "export", native, "-format", f.format, "-o", o)
			if err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, o); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if out != "" || stderr != "" {
				t.Errorf("stdout, stderr: got %q, %q, want nothing", out, stderr)
			}
			if got := dirEntries(t, dir); !slices.Equal(got, []string{"out." + f.format}) {
				t.Errorf("the directory holds %q, want only the output", got)
			}
		})
		t.Run(f.format+" of the seed given with -doc", func(t *testing.T) {
			out, _, err := runCmd(t, "export", "-doc", seed, "-format", f.format, native)
			if err != nil {
				t.Fatal(err)
			}
			if out != want {
				t.Errorf("got %q, want %q", out, want)
			}
		})
		t.Run(f.format+" of the W3C file", func(t *testing.T) {
			out, _, err := runCmd(t, "export", "-format", f.format, w3c)
			if err != nil {
				t.Fatal(err)
			}
			if out != want {
				t.Errorf("got %q, want %q", out, want)
			}
		})
	}
}

// revisedSeed is the seed with OP23 reworded around an annotation (which
// moves) and the words of OP21 that an annotation marks replaced (it becomes
// an orphan).
func revisedSeed(t *testing.T) []byte {
	t.Helper()
	text := string(resolution.Seed())
	for _, r := range [][2]string{
		{"*Urges* States to continue to support the funds;", "*Urges* all States to continue to support the funds;"},
		{"non-traditional donor countries", "emerging partners"},
	} {
		if strings.Count(text, r[0]) != 1 {
			t.Fatalf("the seed does not hold %q once", r[0])
		}
		text = strings.Replace(text, r[0], r[1], 1)
	}
	return []byte(text)
}

func TestExportOfAFileMadeOnAnotherTextNotesWhatMovedAndStillExports(t *testing.T) {
	fixClock(t)
	s := sampleSet(t)
	native := writeFile(t, "notes.json", exportWith(t, annotations.ExportJSON, s))
	revised := writeFile(t, "revised.txt", revisedSeed(t))

	out, stderr, err := runCmd(t, "export", "-doc", revised, "-format", "json", native)
	if err != nil {
		t.Fatal(err)
	}
	want := "clausemark: " + native + ": made on another text of A/HRC/RES/53/11: 1 re-anchored, 1 orphan (kept, for review)\n"
	if stderr != want {
		t.Errorf("stderr: got %q, want %q", stderr, want)
	}
	var f struct {
		Document    struct{ TextSHA256 string }
		Annotations []struct {
			Clause string
			Start  int
			Exact  string
		}
	}
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatalf("the output is not JSON: %v", err)
	}
	if len(f.Annotations) != 4 {
		t.Fatalf("got %d annotations, want 4 (orphans are kept)", len(f.Annotations))
	}
	doc, err := loadDocument(revised)
	if err != nil {
		t.Fatal(err)
	}
	if f.Document.TextSHA256 != doc.TextSHA256 {
		t.Errorf("textSHA256: got %q, want the revised text's %q", f.Document.TextSHA256, doc.TextSHA256)
	}
	var moved, orphan bool
	for _, a := range f.Annotations {
		switch a.Exact {
		case "to continue to support the funds":
			moved = a.Clause == "op23" && a.Start == 17
		case "non-traditional donor countries":
			orphan = a.Clause == "op21"
		}
	}
	if !moved || !orphan {
		t.Errorf("got %+v, want the OP23 annotation at 17 and the OP21 one kept as it was", f.Annotations)
	}
}

// otherDocumentFile is the native file of the annotations of s as if made on
// another resolution with the same text.
func otherDocumentFile(t *testing.T, s *annotations.Set) []byte {
	t.Helper()
	seed := s.Document()
	other, err := annotations.NewDocument(annotations.Document{Symbol: "A/HRC/RES/54/1", Title: seed.Title, Clauses: seed.Clauses})
	if err != nil {
		t.Fatal(err)
	}
	as := s.All()
	for i := range as {
		as[i].Document = ""
	}
	o := annotations.NewSet(other, editClock())
	if _, err := o.Load(as); err != nil {
		t.Fatal(err)
	}
	return exportWith(t, annotations.ExportJSON, o)
}

func TestExportNamesTheDelegationInTheBrief(t *testing.T) {
	fixClock(t)
	s := sampleSet(t)
	native := writeFile(t, "notes.json", exportWith(t, annotations.ExportJSON, s))
	opts := annotations.BriefOptions{Delegation: "Mission permanente du Chili", Now: fixedNow}
	for format, write := range map[string]func([]annotations.Selection, annotations.BriefOptions) ([]byte, error){
		"markdown": annotations.WriteMarkdown,
		"html":     annotations.WritePrint,
	} {
		t.Run(format, func(t *testing.T) {
			out, stderr, err := runCmd(t, "export", "-format", format, native, "-delegation", opts.Delegation)
			if err != nil {
				t.Fatal(err)
			}
			want, err := write([]annotations.Selection{s.Selection(nil)}, opts)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) || stderr != "" {
				t.Errorf("got %q (stderr %q), want %q", out, stderr, want)
			}
			if !strings.Contains(out, "Mission permanente du Chili") || !strings.Contains(out, "Délégation du Sénégal") {
				t.Errorf("the brief names neither the delegation nor the author of a note:\n%s", out)
			}
		})
	}
}

func TestExportOfAnotherDocumentNeedsAnyDocument(t *testing.T) {
	fixClock(t)
	s := sampleSet(t)
	other := writeFile(t, "other.json", otherDocumentFile(t, s))

	_, _, err := runCmd(t, "export", "-format", "csv", other)
	want := other + `: document.symbol: annotations of another document: the file is for "A/HRC/RES/54/1", not "A/HRC/RES/53/11" (use -any-document to re-anchor its annotations by quote)`
	if err == nil || err.Error() != want {
		t.Errorf("without -any-document: got %v, want %q", err, want)
	}

	out, stderr, err := runCmd(t, "export", "-any-document", "-format", "csv", other)
	if err != nil {
		t.Fatal(err)
	}
	if want := string(exportWith(t, annotations.ExportCSV, s)); out != want {
		t.Errorf("with -any-document: got %q, want %q", out, want)
	}
	if want := "clausemark: " + other + ": made on A/HRC/RES/54/1, not A/HRC/RES/53/11: 0 re-anchored, 0 orphans\n"; stderr != want {
		t.Errorf("stderr: got %q, want %q", stderr, want)
	}
}

func TestExportAndMergeFailClearlyOnBadInput(t *testing.T) {
	fixClock(t)
	s := sampleSet(t)
	good := exportWith(t, annotations.ExportJSON, s)
	var concern annotations.Annotation
	var concernAt int
	for i, a := range s.All() {
		if a.Tag == annotations.Concern {
			concern, concernAt = a, i
		}
	}
	replace := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("the file does not hold %q", old)
		}
		return bytes.ReplaceAll(good, []byte(old), []byte(new))
	}

	in := t.TempDir()
	file := func(name string, data []byte) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := file("ok.json", good)
	missing := filepath.Join(in, "missing.json")
	empty := file("empty.json", nil)
	malformed := file("malformed.json", good[:len(good)/2])
	syntax := file("syntax.json", replace(`"version": 2,`, `"version": 2,,`))
	notOurs := file("not-ours.json", []byte(`{"hello": "world"}`))
	v4 := file("v4.json", replace(`"version": 2`, `"version": 4`))
	v3 := file("v3.json", replace(`"version": 2`, `"version": 3`))
	badTag := file("bad-tag.json", replace(`"tag": "concern"`, `"tag": "worry"`))
	twoBad := file("two-bad.json", replace(`"tag": "commitment"`, `"tag": "pledge"`))
	other := file("other.json", otherDocumentFile(t, s))
	unreadable := file("unreadable.txt", []byte("The General Assembly,\n\nRecalling \xff\xfe its resolutions,\n"))
	plain := []byte("Hello world\n\nSome paragraph.\n")
	noSymbol := file("plain.txt", plain)
	plainDoc, err := resolution.Parse(plain)
	if err != nil {
		t.Fatal(err)
	}
	plainADoc, err := cmapp.AnnotationDocument(plainDoc)
	if err != nil {
		t.Fatal(err)
	}
	missingDoc := filepath.Join(in, "missing.txt")

	cases := []struct {
		name string
		args []string
		// want are the lines of the error message.
		want []string
	}{
		{"export of a missing file", []string{"export", "-format", "csv", missing},
			[]string{"open " + missing + ": no such file or directory"}},
		{"export of an empty file", []string{"export", "-format", "csv", empty},
			[]string{empty + ": not valid JSON: empty file"}},
		{"export of malformed JSON", []string{"export", "-format", "csv", malformed},
			[]string{malformed + ": not valid JSON: the file ends too early"}},
		{"export of a JSON syntax error says where", []string{"export", "-format", "csv", syntax},
			[]string{syntax + ": not valid JSON: invalid character ',' looking for beginning of object key string at byte 55"}},
		{"export of a file of another format", []string{"export", "-format", "csv", notOurs},
			[]string{notOurs + ": not a Clausemark or W3C Web Annotation file"}},
		{"export of a file of version 4", []string{"export", "-format", "csv", v4},
			[]string{v4 + ": version: unsupported version: 4, this version of Clausemark reads 1 to 3"}},
		{"export of a file of version 3 shaped as version 2", []string{"export", "-format", "csv", v3},
			[]string{v3 + ": document: invalid value: a version 3 file gives its documents in documents"}},
		{"export of an invalid annotation names it and its field", []string{"export", "-format", "csv", badTag},
			[]string{badTag + ": annotation " + strconv.Itoa(concernAt) + " (" + concern.ID + "): tag: " + annotations.ErrInvalidTag.Error() + `: "worry"`}},
		{"export of a file for another document", []string{"export", "-format", "csv", other},
			[]string{other + `: document.symbol: annotations of another document: the file is for "A/HRC/RES/54/1", not "A/HRC/RES/53/11" (use -any-document to re-anchor its annotations by quote)`}},
		{"export with an unreadable -doc names its line", []string{"export", "-doc", unreadable, "-format", "csv", ok},
			[]string{unreadable + ":3: invalid UTF-8"}},
		{"export with a missing -doc", []string{"export", "-doc", missingDoc, "-format", "csv", ok},
			[]string{"open " + missingDoc + ": no such file or directory"}},
		{"export with a -doc that is no resolution", []string{"export", "-doc", noSymbol, "-format", "csv", ok},
			[]string{ok + `: document.symbol: annotations of another document: the file is for "A/HRC/RES/53/11", not "` + plainADoc.Symbol + `" (use -any-document to re-anchor its annotations by quote)`}},
		{"merge with a missing B", []string{"merge", ok, missing},
			[]string{"open " + missing + ": no such file or directory"}},
		{"merge with a malformed A", []string{"merge", malformed, ok},
			[]string{malformed + ": not valid JSON: the file ends too early"}},
		{"merge with a B for another document", []string{"merge", ok, other},
			[]string{other + `: document.symbol: annotations of another document: the file is for "A/HRC/RES/54/1", not "A/HRC/RES/53/11" (use -any-document to re-anchor its annotations by quote)`}},
		{"merge with an unreadable -doc", []string{"merge", "-doc", unreadable, ok, ok},
			[]string{unreadable + ":3: invalid UTF-8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			o := filepath.Join(dir, "out")
			stdout, _, err := runCmd(t, append(c.args, "-o", o)...)
			if err == nil {
				t.Fatal("got no error")
			}
			if got, want := err.Error(), strings.Join(c.want, "\n"); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if stdout != "" {
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
			if got := dirEntries(t, dir); len(got) > 0 {
				t.Errorf("the -o directory holds %q, want nothing", got)
			}
		})
	}

	t.Run("export of two invalid annotations names the file on each line", func(t *testing.T) {
		_, _, err := runCmd(t, "export", "-format", "csv", twoBad)
		if err == nil {
			t.Fatal("got no error")
		}
		lines := strings.Split(err.Error(), "\n")
		if len(lines) != 2 {
			t.Fatalf("got %q, want two lines", err.Error())
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, twoBad+": annotation ") || !strings.Contains(l, `tag: `) {
				t.Errorf("got %q, want a line naming the file, the annotation and the tag", l)
			}
		}
	})
}

func TestAFailedExportLeavesTheExistingOutputAsItWas(t *testing.T) {
	dir := t.TempDir()
	o := filepath.Join(dir, "brief.md")
	if err := os.WriteFile(o, []byte("old brief\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	bad := writeFile(t, "bad.json", []byte(`{"format": "clausemark.annotations", "version": 1`))
	if _, _, err := runCmd(t, "export", "-format", "markdown", "-o", o, bad); err == nil {
		t.Fatal("got no error")
	}
	if got := readFile(t, o); got != "old brief\n" {
		t.Errorf("got %q, want %q", got, "old brief\n")
	}
	if got := dirEntries(t, dir); !slices.Equal(got, []string{"brief.md"}) {
		t.Errorf("the directory holds %q, want only brief.md", got)
	}
}

func TestAnExportReplacesTheOutputAndKeepsItsPermissions(t *testing.T) {
	fixClock(t)
	native := writeFile(t, "notes.json", exportWith(t, annotations.ExportJSON, sampleSet(t)))
	o := filepath.Join(t.TempDir(), "notes.csv")
	if err := os.WriteFile(o, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCmd(t, "export", "-format", "csv", "-o", o, native); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(o)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("got mode %v, want %v", got, os.FileMode(0o600))
	}
	if got := readFile(t, o); !strings.HasPrefix(got, "\ufeffdocument,label,tag,") {
		t.Errorf("got %q, want the CSV", got)
	}
}

func TestExportAndMergeRejectBadCommandLines(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want []string // in stderr
	}{
		{"export with an unknown format lists the formats", []string{"export", "-format", "xlsx", "notes.json"},
			[]string{`export: unknown format "xlsx": want w3c, markdown, html, csv or json`, "Usage: clausemark export"}},
		{"export without a format", []string{"export", "notes.json"},
			[]string{"export: -format is required: w3c, markdown, html, csv or json", "Usage: clausemark export"}},
		{"export without a file", []string{"export", "-format", "csv"},
			[]string{"export: want one annotation file, got 0", "Usage: clausemark export"}},
		{"export of two files", []string{"export", "-format", "csv", "a.json", "b.json"},
			[]string{"export: want one annotation file, got 2", "Usage: clausemark export"}},
		{"export of a spreadsheet with a delegation", []string{"export", "-format", "csv", "-delegation", "Chile", "a.json"},
			[]string{"export: -delegation is for the brief (markdown or html), not csv", "Usage: clausemark export"}},
		{"export with an unknown flag", []string{"export", "-format", "csv", "-x", "a.json"},
			[]string{"flag provided but not defined: -x", "Usage: clausemark export"}},
		{"merge of one file", []string{"merge", "a.json", "-o", "out.json"},
			[]string{"merge: want two annotation files, got 1", "Usage: clausemark merge"}},
		{"merge of three files", []string{"merge", "a.json", "b.json", "c.json"},
			[]string{"merge: want two annotation files, got 3", "Usage: clausemark merge"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			stdout, stderr, err := runCmd(t, c.args...)
			if err != errUsage {
				t.Errorf("got %v, want the usage error", err)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr: got %q, want it to hold %q", stderr, w)
				}
			}
			if stdout != "" {
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
			if got := dirEntries(t, dir); len(got) > 0 {
				t.Errorf("the directory holds %q, want nothing", got)
			}
		})
	}
}

// mergeFiles writes two native files of the seed and returns them with the
// native file of their union: A holds a request on OP21 and a commitment on
// PP1; B, made later, the PP1 commitment edited and a new concern on OP8, but
// not the OP21 request.
func mergeFiles(t *testing.T) (a, b string, union []byte) {
	t.Helper()
	s := annotations.NewSet(seedDocument(t), editClock())
	req := create(t, s, "op21", "non-traditional donor countries", annotations.Request, "Quels pays ? 🌍", "Délégation du Sénégal")
	com := create(t, s, "pp1", "", annotations.Commitment, "", "")
	a = writeFile(t, "a.json", exportWith(t, annotations.ExportJSON, s))
	com.Note = "Reaffirmed in 54/1 — ✓"
	if _, err := s.Update(com); err != nil {
		t.Fatal(err)
	}
	create(t, s, "op8", "unilateral coercive measures", annotations.Concern, "", "")
	if _, err := s.Delete(req.ID); err != nil {
		t.Fatal(err)
	}
	b = writeFile(t, "b.json", exportWith(t, annotations.ExportJSON, s))
	if _, ok := s.Undo(); !ok {
		t.Fatal("undo restored nothing")
	}
	return a, b, exportWith(t, annotations.ExportJSON, s)
}

func TestMergeGivesTheUnionWhicheverFileComesFirst(t *testing.T) {
	fixClock(t)
	a, b, union := mergeFiles(t)
	cases := []struct {
		name    string
		base    string
		in      string
		summary string
	}{
		{"B into A takes B's newer edit", a, b, "1 added, 1 updated, 0 unchanged, 0 conflicts kept, 0 orphans"},
		{"A into B keeps B's newer edit", b, a, "1 added, 0 updated, 0 unchanged, 1 conflicts kept, 0 orphans"},
	}
	for _, c := range cases {
		t.Run(c.name+" to the -o file", func(t *testing.T) {
			o := filepath.Join(t.TempDir(), "out.json")
			stdout, stderr, err := runCmd(t, "merge", c.base, c.in, "-o", o)
			if err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, o); got != string(union) {
				t.Errorf("got %q, want %q", got, union)
			}
			if want := "clausemark: merged " + c.in + " into " + c.base + ": " + c.summary + "\n"; stderr != want {
				t.Errorf("stderr: got %q, want %q", stderr, want)
			}
			if stdout != "" {
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
		})
		t.Run(c.name+" to stdout", func(t *testing.T) {
			stdout, _, err := runCmd(t, "merge", c.base, c.in)
			if err != nil {
				t.Fatal(err)
			}
			if stdout != string(union) {
				t.Errorf("got %q, want %q", stdout, union)
			}
		})
	}
}

func TestMergingTheSameFileAgainChangesNothing(t *testing.T) {
	fixClock(t)
	a, b, union := mergeFiles(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	if _, _, err := runCmd(t, "merge", a, b, "-o", first); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		out  string
	}{
		{"into another file", filepath.Join(dir, "second.json")},
		{"in place", first},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, err := runCmd(t, "merge", "-o", c.out, first, b)
			if err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, c.out); got != string(union) {
				t.Errorf("got %q, want %q", got, union)
			}
			want := "clausemark: merged " + b + " into " + first + ": 0 added, 0 updated, 2 unchanged, 0 conflicts kept, 0 orphans\n"
			if stderr != want {
				t.Errorf("stderr: got %q, want %q", stderr, want)
			}
		})
	}
}

func TestFlagsMayStandBeforeOrAfterTheFiles(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		files []string
		o     string
	}{
		{"flags first", []string{"-o", "out", "a", "b"}, []string{"a", "b"}, "out"},
		{"flags last", []string{"a", "b", "-o", "out"}, []string{"a", "b"}, "out"},
		{"flags between", []string{"a", "-o", "out", "b"}, []string{"a", "b"}, "out"},
		{"-- ends the flags", []string{"a", "--", "-o", "out"}, []string{"a", "-o", "out"}, ""},
		{"no arguments", nil, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			o := fs.String("o", "", "")
			files, err := parseArgs(fs, c.args)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(files, c.files) || *o != c.o {
				t.Errorf("got files %q and -o %q, want %q and %q", files, *o, c.files, c.o)
			}
		})
	}
}

func TestExportWritesThroughALinkAndLeavesTheLinkInPlace(t *testing.T) {
	fixClock(t)
	s := sampleSet(t)
	native := writeFile(t, "notes.json", exportWith(t, annotations.ExportJSON, s))
	dir := t.TempDir()
	target := filepath.Join(dir, "target.csv")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(target, link); err != nil {
		t.Fatalf("making a symbolic link: %v", err)
	}
	if _, _, err := runCmd(t, "export", "-format", "csv", "-o", link, native); err != nil {
		t.Fatal(err)
	}
	if got, want := readFile(t, target), string(exportWith(t, annotations.ExportCSV, s)); got != want {
		t.Errorf("target: got %q, want %q", got, want)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", fi, err)
	}
	if got := dirEntries(t, dir); !slices.Equal(got, []string{"link.csv", "target.csv"}) {
		t.Errorf("the directory holds %q, want link.csv and target.csv", got)
	}
}

func TestExportToADirectoryFails(t *testing.T) {
	fixClock(t)
	native := writeFile(t, "notes.json", exportWith(t, annotations.ExportJSON, sampleSet(t)))
	dir := t.TempDir()
	_, _, err := runCmd(t, "export", "-format", "csv", "-o", dir, native)
	if want := dir + ": is a directory"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if got := dirEntries(t, dir); len(got) > 0 {
		t.Errorf("the directory holds %q, want nothing", got)
	}
}
