//go:build !(js && wasm)

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/clausemark/clausemark/annotations"
)

const mergeUsage = `Usage: clausemark merge [-doc RESOLUTION.txt] [-o OUT.json] [-any-document] A.json B.json

Merges the annotation file B into A (native Clausemark JSON or W3C Web
Annotation) and writes the result as a native file to OUT.json, or to stdout
without -o. OUT.json may be A.json itself: it is replaced only once the merge
succeeded. What the merge did (added, updated, unchanged, conflicts kept,
orphans) is said on stderr.

Files that carry documents (native version 3: several documents, their
texts) merge document by document: every document of A and of B is kept
with its text, each read on its own text when a file carries it (else on
RESOLUTION.txt or the embedded resolution), and OUT.json is version 3.

Annotations merge by id: an edit in B newer than A's replaces it; an older
one is a conflict, and A's stays; two different edits of the same time are
both kept (B's under a new id). An annotation that is in A only stays: files
do not carry deletions. Merging the same B again changes nothing.

The annotations are on RESOLUTION.txt, by default the resolution embedded in
the binary (A/HRC/RES/53/11); those that do not fit its text are re-anchored
by their quote or kept as orphans for review. A file of another document is
refused unless -any-document is given.

Flags (before or after the files):
`

// merge merges one annotation file into another.
func merge(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	docName := fs.String("doc", "", "read the resolution from `RESOLUTION.txt` (default: the embedded A/HRC/RES/53/11)")
	out := fs.String("o", "", "write the merged file to `OUT.json`, atomically (default: stdout)")
	anyDoc := fs.Bool("any-document", false, "accept files made on another document, re-anchoring their annotations by quote")
	fs.Usage = func() {
		fmt.Fprint(stderr, mergeUsage)
		fs.PrintDefaults()
	}
	files, err := parseArgs(fs, args)
	if err != nil {
		return errUsage
	}
	if len(files) != 2 {
		fmt.Fprintf(stderr, "merge: want two annotation files, got %d\n\n", len(files))
		fs.Usage()
		return errUsage
	}
	nameA, nameB := files[0], files[1]

	dataA, err := readAnnotationFile(nameA)
	if err != nil {
		return err
	}
	dataB, err := readAnnotationFile(nameB)
	if err != nil {
		return err
	}
	ca, err := carriesDocuments(nameA, dataA)
	if err != nil {
		return err
	}
	cb, err := carriesDocuments(nameB, dataB)
	if err != nil {
		return err
	}
	if ca != nil || cb != nil {
		return mergeDocuments(nameA, dataA, ca, nameB, dataB, cb, *docName, *out, *anyDoc, stdout, stderr)
	}
	doc, err := loadDocument(*docName)
	if err != nil {
		return err
	}
	opts := annotations.ImportOptions{AllowOtherDocument: *anyDoc}
	s := annotations.NewSet(doc, clock)
	pa, err := importFile(s, nameA, dataA, opts)
	if err != nil {
		return err
	}
	pb, err := importFile(s, nameB, dataB, opts)
	if err != nil {
		return err
	}
	result, err := annotations.ExportJSON(s, clock)
	if err != nil {
		return err
	}
	if err := writeOutput(*out, result, stdout); err != nil {
		return err
	}
	for _, n := range []struct {
		name string
		p    *annotations.Plan
	}{{nameA, pa}, {nameB, pb}} {
		if note := anchoringNote(n.name, doc, n.p.File); note != "" {
			fmt.Fprintln(stderr, "clausemark:", note)
		}
	}
	fmt.Fprintf(stderr, "clausemark: merged %s into %s: %s\n", nameB, nameA, pb.Summary())
	return nil
}

// mergeDocuments merges B into A document by document when either file
// carries documents (version 3): every document of both is kept, with its
// text, in A's order then B's.
func mergeDocuments(nameA string, dataA []byte, ca *annotations.Collection, nameB string, dataB []byte, cb *annotations.Collection, docName, out string, anyDoc bool, stdout, stderr io.Writer) error {
	whole := func(name string, data []byte, c *annotations.Collection) (*annotations.Collection, error) {
		if c != nil {
			return c, nil
		}
		c, err := annotations.ReadCollection(data)
		if errors.Is(err, annotations.ErrNotNative) {
			err = fmt.Errorf("%w: merge it into the file of its document first", err)
		}
		if err != nil {
			return nil, &fileError{name, err}
		}
		return c, nil
	}
	ca, err := whole(nameA, dataA, ca)
	if err != nil {
		return err
	}
	cb, err = whole(nameB, dataB, cb)
	if err != nil {
		return err
	}
	var order []string
	docs := map[string]*docSet{}
	for _, c := range []*annotations.Collection{ca, cb} {
		for _, e := range c.Entries {
			if docs[e.Symbol] == nil {
				docs[e.Symbol] = &docSet{}
				order = append(order, e.Symbol)
			}
		}
	}
	var notes, summaries []string
	for _, sym := range order {
		d := docs[sym]
		// The text kept is A's, else B's; both files' annotations are
		// anchored in it.
		src, srcName := ca.Entry(sym), nameA
		if eb := cb.Entry(sym); src == nil || src.Text == nil && eb != nil && eb.Text != nil {
			src, srcName = eb, nameB
		}
		doc, err := entryDocument(srcName, *src, docName, anyDoc)
		if err != nil {
			return err
		}
		d.set, d.text, d.title = annotations.NewSet(doc, clock), src.Text, src.Title
		for _, f := range []struct {
			name string
			c    *annotations.Collection
		}{{nameA, ca}, {nameB, cb}} {
			e := f.c.Entry(sym)
			if e == nil {
				continue
			}
			p, err := mergeEntry(f.name, d, *e, docName, anyDoc)
			if err != nil {
				return err
			}
			if note := anchoringNote(f.name, d.set.Document(), p.File); note != "" {
				notes = append(notes, note)
			}
			if f.c == cb {
				summaries = append(summaries, sym+": "+p.Summary())
			}
		}
	}
	entries := make([]annotations.Entry, len(order))
	for i, sym := range order {
		entries[i] = docs[sym].entry()
	}
	result, err := annotations.ExportEntries(entries, clock)
	if err != nil {
		return err
	}
	if err := writeOutput(out, result, stdout); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(stderr, "clausemark:", n)
	}
	fmt.Fprintf(stderr, "clausemark: merged %s into %s (%d documents): %s\n", nameB, nameA, len(order), strings.Join(summaries, "; "))
	return nil
}
