//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/clausemark/clausemark/annotations"
)

const mergeUsage = `Usage: clausemark merge [-doc RESOLUTION.txt] [-o OUT.json] [-any-document] A.json B.json

Merges the annotation file B into A (native Clausemark JSON or W3C Web
Annotation) and writes the result as a native file to OUT.json, or to stdout
without -o. OUT.json may be A.json itself: it is replaced only once the merge
succeeded. What the merge did (added, updated, unchanged, conflicts kept,
orphans) is said on stderr.

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

	doc, err := loadDocument(*docName)
	if err != nil {
		return err
	}
	dataA, err := readAnnotationFile(nameA)
	if err != nil {
		return err
	}
	dataB, err := readAnnotationFile(nameB)
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
