package app

import (
	"errors"
	"html"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/markup"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// openPrintView opens the print view of the brief (data, from
// annotations.ExportPrint) in a new tab. When the browser blocks the tab,
// the same page is downloaded instead, and the delegate is told.
func (ws *workspace) openPrintView(ctx app.Context, d *openDoc, data []byte) {
	err := ws.b.OpenTab("text/html", data)
	if errors.Is(err, browser.ErrTabBlocked) {
		name := exportFileName(d.adoc.Symbol, exportPrint, time.Now())
		if err = ws.b.Download(name, "text/html", data); err == nil {
			showNotice(ctx, "The browser blocked the new tab: the print view was downloaded as "+name+".", "")
			return
		}
	}
	if err != nil {
		showNotice(ctx, "The print view could not be opened: "+err.Error(), "")
		return
	}
	showNotice(ctx, "The print view of the brief opened in a new tab.", "")
}

// printNotesClass is the class of the notes the page shows when it is
// printed (see printNotes).
const printNotesClass = "cm-print-notes"

// printNotes puts the notes of the document's annotations into the page
// while it is printed: after the paragraph of each clause, the notes of
// its annotations (the print style sheet shows them; notes are never part
// of the clause HTML), and at the end of the document those of
// annotations that lost their place. It runs inside the browser's
// beforeprint event; clearPrintNotes, on afterprint, takes them out.
func (r *reader) printNotes() {
	d := r.doc
	if d == nil {
		return
	}
	set := d.set()
	for _, c := range d.adoc.Clauses {
		var b strings.Builder
		for _, a := range set.ByClause(c.ID) {
			if a.Note != "" {
				writePrintNote(&b, a, "")
			}
		}
		if b.Len() == 0 {
			continue
		}
		html := `<aside class="` + printNotesClass + `" aria-label="Notes on ` + escapeHTML(c.Label) + `"><ul>` + b.String() + `</ul></aside>`
		r.logErr("printing the notes of "+c.Label,
			r.ws.b.InsertAfter(markup.ClauseSelector(c.ID)+" > ."+markup.ClassPara, html))
	}
	var orphans []annotations.Annotation
	for _, a := range set.Orphans() {
		if a.Note != "" {
			orphans = append(orphans, a)
		}
	}
	if len(orphans) > 0 {
		var b strings.Builder
		b.WriteString(`<aside class="` + printNotesClass + ` cm-print-orphans"><h2>Notes that lost their place</h2><ul>`)
		for _, a := range orphans {
			writePrintNote(&b, a, d.adoc.Label(a.Clause))
		}
		b.WriteString(`</ul></aside>`)
		r.logErr("printing the notes that lost their place", r.ws.b.InsertAfter(".cm-doc > :last-child", b.String()))
	}
}

// writePrintNote writes one note as a list item: the tag (name and
// letter), the start of the quote, the label of the clause when it is
// given, and the note, all escaped.
func writePrintNote(b *strings.Builder, a annotations.Annotation, label string) {
	b.WriteString(`<li data-tag="`)
	b.WriteString(escapeHTML(string(a.Tag)))
	b.WriteString(`"><span class="cm-tag-chip" data-tag="`)
	b.WriteString(escapeHTML(string(a.Tag)))
	b.WriteString(`"><span class="cm-tag-letter" aria-hidden="true">`)
	b.WriteString(escapeHTML(tagLetters[a.Tag]))
	b.WriteString(`</span>`)
	b.WriteString(escapeHTML(tagNames[a.Tag]))
	b.WriteString(`</span> `)
	if label != "" {
		b.WriteString(`<strong>`)
		b.WriteString(escapeHTML(label))
		b.WriteString(`</strong> `)
	}
	b.WriteString(`<q>`)
	b.WriteString(escapeHTML(preview(a.Exact, 120)))
	b.WriteString(`</q> <span class="cm-print-note-text">`)
	b.WriteString(escapeHTML(a.Note))
	b.WriteString(`</span></li>`)
}

// clearPrintNotes takes the notes printNotes put in out of the page.
func (r *reader) clearPrintNotes() {
	r.logErr("removing the printed notes", r.ws.b.RemoveAll("."+printNotesClass))
}

func escapeHTML(s string) string { return html.EscapeString(s) }
