//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// exportFormat is one format export writes.
type exportFormat struct {
	name, what string
	write      func(*annotations.Set, annotations.BriefOptions) ([]byte, error)
	// brief: the format names the delegation (-delegation).
	brief bool
}

// exportFormats are the formats of export, in the order the usage lists them.
var exportFormats = []exportFormat{
	{"w3c", "a W3C Web Annotation collection (JSON-LD)", withClock(annotations.ExportW3C), false},
	{"markdown", "the drafting brief (Markdown)", brief(annotations.WriteMarkdown), true},
	{"html", "the drafting brief as a page to print (HTML)", brief(annotations.WritePrint), true},
	{"csv", "a spreadsheet (RFC 4180, UTF-8 with a byte order mark)", withClock(annotations.ExportCSV), false},
	{"json", "the native Clausemark file", withClock(annotations.ExportJSON), false},
}

// withClock adapts an export of a set to exportFormat.write.
func withClock(export func(*annotations.Set, func() time.Time) ([]byte, error)) func(*annotations.Set, annotations.BriefOptions) ([]byte, error) {
	return func(s *annotations.Set, o annotations.BriefOptions) ([]byte, error) { return export(s, o.Now) }
}

// brief adapts a writer of briefs to exportFormat.write: the brief of all
// the annotations of the set.
func brief(write func([]annotations.Selection, annotations.BriefOptions) ([]byte, error)) func(*annotations.Set, annotations.BriefOptions) ([]byte, error) {
	return func(s *annotations.Set, o annotations.BriefOptions) ([]byte, error) {
		return write([]annotations.Selection{s.Selection(nil)}, o)
	}
}

// formatNames lists the names of the export formats: "w3c, markdown, csv or
// json".
func formatNames() string {
	names := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		names[i] = f.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

const exportUsage = `Usage: clausemark export -format FORMAT [-doc RESOLUTION.txt] [-document SYMBOL] [-o FILE] [-delegation NAME] [-any-document] ANNOTATIONS.json

Converts an annotation file (native Clausemark JSON, or W3C Web Annotation)
for drafting pipelines. FORMAT is one of:
%s
A file that carries its document's text (native version 3) is read on that
text; otherwise the annotations are on RESOLUTION.txt, by default the
resolution embedded in the binary (A/HRC/RES/53/11). A file of several
documents is exported whole as json (every document and its text kept);
the other formats take one document, named with -document. Annotations that do not fit its text (the file
was made on another revision) are re-anchored by their quote, or kept as
orphans for review, and a note on stderr says how many. A file of another
document is refused unless -any-document is given. The brief (markdown,
html) names the delegation given with -delegation, or else the authors of
the annotations.

Flags (before or after the file):
`

// export converts an annotation file to one of exportFormats.
func export(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "output `FORMAT`: "+formatNames()+" (required)")
	docName := fs.String("doc", "", "read the resolution from `RESOLUTION.txt` (default: the embedded A/HRC/RES/53/11)")
	out := fs.String("o", "", "write to `FILE`, atomically (default: stdout)")
	anyDoc := fs.Bool("any-document", false, "accept a file made on another document, re-anchoring its annotations by quote")
	delegation := fs.String("delegation", "", "name the delegation `NAME` in the header of the brief (markdown, html; default: the authors of the annotations)")
	symbol := fs.String("document", "", "the `SYMBOL` of the document to export, from a file of several")
	fs.Usage = func() {
		var list strings.Builder
		for _, f := range exportFormats {
			fmt.Fprintf(&list, "  %-9s %s\n", f.name, f.what)
		}
		fmt.Fprintf(stderr, exportUsage, list.String())
		fs.PrintDefaults()
	}
	files, err := parseArgs(fs, args)
	if err != nil {
		return errUsage
	}
	var ef *exportFormat
	for i := range exportFormats {
		if exportFormats[i].name == *format {
			ef = &exportFormats[i]
		}
	}
	switch {
	case *format == "":
		fmt.Fprintf(stderr, "export: -format is required: %s\n\n", formatNames())
		fs.Usage()
		return errUsage
	case ef == nil:
		fmt.Fprintf(stderr, "export: unknown format %q: want %s\n\n", *format, formatNames())
		fs.Usage()
		return errUsage
	case *delegation != "" && !ef.brief:
		fmt.Fprintf(stderr, "export: -delegation is for the brief (markdown or html), not %s\n\n", ef.name)
		fs.Usage()
		return errUsage
	case len(files) != 1:
		fmt.Fprintf(stderr, "export: want one annotation file, got %d\n\n", len(files))
		fs.Usage()
		return errUsage
	}
	name := files[0]

	data, err := readAnnotationFile(name)
	if err != nil {
		return err
	}
	c, err := carriesDocuments(name, data)
	if err != nil {
		return err
	}
	if c != nil {
		return exportDocuments(name, c, ef, *symbol, *docName, *out, *delegation, *anyDoc, stdout, stderr)
	}
	if *symbol != "" {
		fmt.Fprintf(stderr, "export: -document is for files of several documents; %s holds one\n", name)
		return errUsage
	}
	doc, err := loadDocument(*docName)
	if err != nil {
		return err
	}
	s := annotations.NewSet(doc, clock)
	p, err := importFile(s, name, data, annotations.ImportOptions{AllowOtherDocument: *anyDoc})
	if err != nil {
		return err
	}
	result, err := ef.write(s, annotations.BriefOptions{Delegation: *delegation, Now: clock})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := writeOutput(*out, result, stdout); err != nil {
		return err
	}
	if note := anchoringNote(name, doc, p.File); note != "" {
		fmt.Fprintln(stderr, "clausemark:", note)
	}
	return nil
}

// exportDocuments exports a file that carries documents (version 3): every
// document as json, else the one named by symbol (or the only one), each
// read on its own text when the file carries it.
func exportDocuments(name string, c *annotations.Collection, ef *exportFormat, symbol, docName, out, delegation string, anyDoc bool, stdout, stderr io.Writer) error {
	entries := c.Entries
	if symbol != "" {
		e := c.Entry(symbol)
		if e == nil {
			return &fileError{name, fmt.Errorf("the file holds %s, not %s", symbolList(c), symbol)}
		}
		entries = []annotations.Entry{*e}
	}
	if len(entries) != 1 && ef.name != "json" {
		return &fileError{name, fmt.Errorf("the file holds %d documents (%s): name the one to export as %s with -document", len(entries), symbolList(c), ef.name)}
	}
	var written []annotations.Entry
	var sets []*annotations.Set
	var notes []string
	for _, e := range entries {
		if e.Text != nil && docName != "" {
			notes = append(notes, fmt.Sprintf("%s: %s: the file carries its text; -doc is not used", name, e.Symbol))
		}
		d := &docSet{}
		p, err := mergeEntry(name, d, e, docName, anyDoc)
		if err != nil {
			return err
		}
		if note := anchoringNote(name, d.set.Document(), p.File); note != "" {
			notes = append(notes, note)
		}
		written = append(written, d.entry())
		sets = append(sets, d.set)
	}
	var result []byte
	var err error
	if ef.name == "json" {
		result, err = annotations.ExportEntries(written, clock)
	} else {
		result, err = ef.write(sets[0], annotations.BriefOptions{Delegation: delegation, Now: clock})
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := writeOutput(out, result, stdout); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(stderr, "clausemark:", n)
	}
	return nil
}
