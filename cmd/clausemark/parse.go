//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/resolution"
)

// parse prints a resolution file (text, Word or web page) parsed, as JSON.
func parse(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: clausemark parse FILE\n\nPrints the parsed resolution (metadata, clauses with ids, labels, text, sub-paragraphs, footnotes, vote) as JSON.\nFILE is text (.txt), a Word document (.docx) or a web page (.html); PDFs are opened in the app.")
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	name := fs.Arg(0)
	data, err := readDocument(name)
	if err != nil {
		return err
	}
	src, err := extract.Open(filepath.Base(name), data)
	if err != nil {
		return extractError(name, err)
	}
	doc, err := resolution.Parse([]byte(src.Text))
	if err != nil {
		return resolutionError(name, err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// readDocument reads a document file: a file over extract.MaxFileSize is
// refused with its size, and at most a byte more than the limit is read
// from anything else (a pipe), which Open then refuses as too large.
func readDocument(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		if err := extract.CheckSize(fi.Size()); err != nil {
			return nil, extractError(name, err)
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, extract.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}

// extractError names the file (and the line, for text that is not text)
// of a file that cannot be opened.
func extractError(name string, err error) error {
	var e *extract.Error
	if errors.As(err, &e) && e.Line > 0 {
		return fmt.Errorf("%s:%d: %s", name, e.Line, e.Msg)
	}
	return fmt.Errorf("%s: %w", name, err)
}
