package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
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
	// VersionOf, when set, is the id of the document the text is a new
	// version of, whatever its own symbol (see versions.go).
	VersionOf string
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
	// versionOf is openRequest.VersionOf.
	versionOf string
}

// errNotResolution says a text has no enacting formula: it is not laid
// out as a resolution.
var errNotResolution = errors.New("it does not look like a UN resolution: Clausemark found no enacting formula (such as “The General Assembly,” or “The Security Council,”) to tell the preamble from the operative part. Open the resolution's own file, or open this one anyway as plain numbered paragraphs")

// readFile turns a file into a parsed resolution. It runs off the UI
// goroutine: a PDF waits for pdf.js.
func (ws *workspace) readFile(r openRequest) (opened, error) {
	o := opened{name: r.Name, format: extract.FormatText, versionOf: r.VersionOf}
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
	// go-app runs this handler on a goroutine of its own: reading,
	// parsing and storing happen here, off the UI goroutine.
	o, err := ws.readFile(r)
	var res openResult
	var l loaded
	var replaced bool
	if err == nil {
		l, replaced, err = ws.keep(o)
	}
	res.Err, res.NotResolution = err, errors.Is(err, errNotResolution)
	ctx.Dispatch(func(ctx app.Context) {
		if err == nil {
			res.ID = l.doc.ID
			ws.learn(l)
			if replaced {
				ws.replaced(ctx, l.doc.ID)
			}
			ws.announceLibrary()
		}
		if r.Done != nil {
			r.Done(res)
		}
	})
}

// sourceOf is the library's name of the format a text came from.
func sourceOf(f extract.Format) string {
	switch f {
	case extract.FormatPDF:
		return library.SourcePDF
	case extract.FormatDOCX:
		return library.SourceDOCX
	case extract.FormatHTML:
		return library.SourceHTML
	}
	return library.SourceText
}

// keep puts an opened document in the library, and reports whether it
// replaced the text of a document the library had: a document with the
// same id (or the one o.versionOf names) and the same text is the same
// document; with another text, the new text becomes its current version
// (the earlier ones stay, and its annotations are carried onto the new
// text, see addVersion). It blocks: call it off the UI goroutine.
func (ws *workspace) keep(o opened) (l loaded, replaced bool, err error) {
	st, err := ws.store()
	return ws.keepIn(st, err, o)
}

// keepIn is keep with the store (or the error of opening it).
func (ws *workspace) keepIn(st library.Store, stErr error, o opened) (l loaded, replaced bool, err error) {
	now := time.Now()
	fileName := o.name
	if o.format == extract.FormatText && fileName == "Pasted text" {
		fileName = ""
	}
	d, err := library.NewDocument(o.text, o.doc, sourceOf(o.format), fileName, now)
	if err != nil {
		return l, false, err
	}
	if err := stErr; err != nil {
		// No storage (a private window, a full disk): the document opens
		// all the same, for this visit; a new version of a document has
		// no library to go to.
		if o.versionOf != "" {
			return l, false, err
		}
		ws.b.Log("clausemark: the document is opened but not kept:", err)
		return loaded{doc: d, parsed: o.doc}, false, nil
	}
	if o.versionOf != "" {
		return ws.addVersionOf(st, o.versionOf, d.Versions[0], o)
	}
	old, ok, err := st.Document(d.ID)
	if err != nil {
		return l, false, err
	}
	if !ok {
		// Annotations filed under its symbol (kept from an earlier visit,
		// imported) count from the start.
		as, err := st.List(d.Symbol)
		if err != nil {
			return l, false, err
		}
		sum, err := library.NewSummary(d, o.doc, as)
		if err != nil {
			return l, false, err
		}
		if err := st.PutDocument(d, sum); err != nil {
			return l, false, err
		}
		ws.askToPersist()
		return loaded{doc: d, parsed: o.doc}, false, nil
	}
	// A new text of a document the library has: its new current
	// version, the annotations carried onto it (versions.go).
	return ws.addVersion(st, old, d.Versions[0], o)
}

// forget closes an open document whose text changed: the next page of it
// opens it on its current text.
func (ws *workspace) forget(id string) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if d, ok := ws.docs[id]; ok {
		d.close()
		delete(ws.docs, id)
	}
	ws.forgetKept(id)
}
