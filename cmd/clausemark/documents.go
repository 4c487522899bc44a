//go:build !(js && wasm)

package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// Files of several documents, or that carry a document's text (native
// version 3): export and merge take each document from the file when it
// carries it, and keep every document and its text.

// carriesDocuments reads data as a native file of version 3 if it is one
// (nil otherwise: a W3C file, or a native file of version 1 or 2, which
// export and merge read as before). A damaged file is an error naming it.
func carriesDocuments(name string, data []byte) (*annotations.Collection, error) {
	if f, err := annotations.Detect(data); err != nil || f != annotations.Native {
		return nil, nil // the usual path says what is wrong with it
	}
	c, err := annotations.ReadCollection(data)
	if err != nil {
		return nil, &fileError{name, err}
	}
	if c.Version < 3 {
		return nil, nil
	}
	return c, nil
}

// docSet is one document of a file with its annotations merged into a set.
type docSet struct {
	set   *annotations.Set
	text  *annotations.Text
	title string // what the file says, kept when the text gives none
}

// entryDocument is the document an entry's annotations are anchored in:
// its text parsed when the file carries it, else the document -doc names
// (or the embedded seed), which must be the entry's unless anyDoc.
func entryDocument(name string, e annotations.Entry, docName string, anyDoc bool) (*annotations.Document, error) {
	if e.Text != nil {
		parsed, err := resolution.Parse([]byte(e.Text.Text))
		if err != nil {
			return nil, resolutionError(fmt.Sprintf("%s: the text of %s", name, e.Symbol), err)
		}
		return library.AnnotationDocument(parsed, e.Symbol)
	}
	doc, err := loadDocument(docName)
	if err != nil {
		return nil, err
	}
	if doc.Symbol != e.Symbol && !anyDoc {
		what := "the embedded " + doc.Symbol
		if docName != "" {
			what = docName + " (" + doc.Symbol + ")"
		}
		return nil, &fileError{name, fmt.Errorf("%w: %s: the file does not carry its text, and %s is another document: give its text with -doc, or -any-document to re-anchor by quote", annotations.ErrOtherDocument, e.Symbol, what)}
	}
	return doc, nil
}

// mergeEntry merges an entry's annotations into d (made on first use, in
// the document entryDocument gives) and returns the plan.
func mergeEntry(name string, d *docSet, e annotations.Entry, docName string, anyDoc bool) (*annotations.Plan, error) {
	if d.set == nil {
		doc, err := entryDocument(name, e, docName, anyDoc)
		if err != nil {
			return nil, err
		}
		d.set = annotations.NewSet(doc, clock)
		d.text, d.title = e.Text, e.Title
	}
	f, err := e.Anchor(d.set.Document(), annotations.ImportOptions{AllowOtherDocument: anyDoc, Now: clock})
	if err != nil {
		if errors.Is(err, annotations.ErrOtherDocument) {
			err = fmt.Errorf("%w (use -any-document to re-anchor its annotations by quote)", err)
		}
		return nil, &fileError{name, err}
	}
	p := d.set.Plan(f)
	if _, err := p.Apply(); err != nil {
		return nil, &fileError{name, err}
	}
	return p, nil
}

// entry is d as a document of the file written.
func (d *docSet) entry() annotations.Entry {
	e := annotations.EntryOf(d.set, d.text)
	if e.Title == "" {
		e.Title = d.title
	}
	return e
}

// symbolList names the documents of a collection: "A, B and C".
func symbolList(c *annotations.Collection) string {
	s := c.Symbols()
	switch len(s) {
	case 0:
		return "none"
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
