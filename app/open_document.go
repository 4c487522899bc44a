package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Opening a document: a file (PDF, Word, web page, text) or pasted text
// becomes resolution text (package extract; PDFs through the page's
// pdf.js), is parsed, and joins the workspace's documents at its own URL,
// /d/{id}. Nothing is uploaded: everything happens in the browser.

// openRequest opens a file, or pasted text (Pasted set, Data the text).
type openRequest struct {
	Name   string
	Data   []byte
	Pasted bool
	// Anyway opens a text that does not look like a resolution, as plain
	// paragraphs.
	Anyway bool
	// Done is told the outcome, on the UI goroutine.
	Done func(openResult)
}

// openResult is what opening gave: the id of the document, or why not.
type openResult struct {
	ID string
	// NotResolution says the text was read but does not look like a UN
	// resolution: it can be opened anyway as plain paragraphs.
	NotResolution bool
	Err           error
}

// opened is a file read and parsed, ready to join the workspace.
type opened struct {
	doc    *resolution.Document
	text   string
	format extract.Format
	name   string
}

// errNotResolution says a text has no enacting formula: it is not laid
// out as a resolution.
var errNotResolution = errors.New("it does not look like a UN resolution: Clausemark found no enacting formula (such as “The General Assembly,” or “The Security Council,”) to tell the preamble from the operative part. Open the resolution's own file, or open this one anyway as plain numbered paragraphs")

// readDocument turns a file into a parsed resolution. It runs off the UI
// goroutine: a PDF waits for pdf.js.
func (ws *workspace) readDocument(r openRequest) (opened, error) {
	o := opened{name: r.Name, format: extract.FormatText}
	if len(bytes.TrimSpace(r.Data)) == 0 {
		return o, extract.ErrEmpty
	}
	var err error
	switch {
	case r.Pasted:
		o.text, err = extract.PlainText(r.Data)
	default:
		o.format, err = extract.Detect(r.Name, r.Data)
		if err != nil {
			return o, err
		}
		if o.format == extract.FormatPDF {
			var pdf *extract.PDFDocument
			if pdf, err = ws.b.ExtractPDF(r.Data); err == nil {
				o.text, err = extract.PDFText(pdf)
			}
		} else {
			var src extract.Source
			if src, err = extract.Open(r.Name, r.Data); err == nil {
				o.text, o.format = src.Text, src.Format
			}
		}
	}
	if err != nil {
		return o, err
	}
	if strings.TrimSpace(o.text) == "" {
		return o, extract.ErrEmpty
	}
	o.doc, err = resolution.Parse([]byte(o.text))
	if err != nil {
		return o, err
	}
	if !o.doc.Recognised && !r.Anyway {
		return o, errNotResolution
	}
	if len(o.doc.Clauses()) == 0 {
		return o, fmt.Errorf("no paragraph of text was found in it: %w", extract.ErrEmpty)
	}
	return o, nil
}

func (ws *workspace) onOpenDocument(ctx app.Context, a app.Action) {
	r, _ := a.Value.(openRequest)
	// go-app runs this handler on a goroutine of its own: reading and
	// parsing happen here, off the UI goroutine.
	o, err := ws.readDocument(r)
	ctx.Dispatch(func(ctx app.Context) {
		res := openResult{Err: err, NotResolution: errors.Is(err, errNotResolution)}
		if err == nil {
			res.ID, res.Err = ws.add(o)
		}
		if r.Done != nil {
			r.Done(res)
		}
	})
}

// add makes an opened document one of the workspace's and returns its
// id. A document with the same id and the same text is the same
// document; with another text, the new text replaces the old one (its
// annotations are placed again on it when it opens).
func (ws *workspace) add(o opened) (string, error) {
	adoc, err := AnnotationDocument(o.doc)
	if err != nil {
		return "", err
	}
	id := DocumentID(adoc.Symbol)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if old, ok := ws.sources[id]; ok && old.TextSHA256() == o.doc.TextSHA256() {
		return id, nil
	}
	ws.sources[id] = o.doc
	if d, ok := ws.docs[id]; ok {
		d.close()
		delete(ws.docs, id)
	}
	return id, nil
}
