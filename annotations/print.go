package annotations

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"strings"
	"time"
	"unicode"
)

// ExportPrint writes the print view of the brief of the annotations of s
// (WritePrint of all of them, the header naming their authors); now gives
// the date of the brief (nil: time.Now).
func ExportPrint(s *Set, now func() time.Time) ([]byte, error) {
	return WritePrint([]Selection{s.Selection(nil)}, BriefOptions{Now: now})
}

// WritePrint writes the drafting brief of the selections (WriteMarkdown
// says what it holds) as a complete HTML document to print or to open in a
// browser: UTF-8, self-contained, with its own style sheet for the screen
// and for paper (A4, clauses kept whole on a page, the marked words
// highlighted in print too, the tags told apart without colour by solid,
// dashed and dotted underlines), and no script. Every text from the user or
// the resolution is escaped. The document carries a Content-Security-Policy
// that lets nothing load or run but its style sheet (PrintStyleSource).
func WritePrint(sels []Selection, opts BriefOptions) ([]byte, error) {
	br, err := newBrief(sels, opts)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	title := "Drafting brief: " + plural(len(br.docs), "document")
	if len(br.docs) == 1 {
		title = "Drafting brief: " + oneLine(br.docs[0].doc.Symbol)
	}
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src %s; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Clausemark">
<title>%s</title>
<style>%s</style>
</head>
<body>
<header>
`, PrintStyleSource, esc(title), printCSS)
	level := 2 // of the sections of a document
	if len(br.docs) == 1 {
		d := br.docs[0].doc
		fmt.Fprintf(&b, "<h1><span class=\"symbol\">%s</span>", esc(oneLine(d.Symbol)))
		if t := oneLine(d.Title); t != "" {
			fmt.Fprintf(&b, " <span class=\"title\">%s</span>", esc(t))
		}
		b.WriteString("</h1>\n<dl class=\"meta\">\n")
		if line := docLine(d); line != "" {
			fmt.Fprintf(&b, "<dt>Document</dt><dd>%s</dd>\n", esc(line))
		}
	} else {
		fmt.Fprintf(&b, "<h1>%s</h1>\n<dl class=\"meta\">\n", esc(title))
		level = 3
	}
	if br.names != "" {
		fmt.Fprintf(&b, "<dt>%s</dt><dd>%s</dd>\n", br.byline, esc(br.names))
	}
	fmt.Fprintf(&b, "<dt>Exported</dt><dd>%s</dd>\n", briefDate(br.exported))
	fmt.Fprintf(&b, "<dt>Annotations</dt><dd>%s</dd>\n</dl>\n</header>\n", br.counts.text())
	for _, d := range br.docs {
		if level == 3 {
			b.WriteString("<article class=\"document\">\n")
			fmt.Fprintf(&b, "<h2><span class=\"symbol\">%s</span>", esc(oneLine(d.doc.Symbol)))
			if t := oneLine(d.doc.Title); t != "" {
				fmt.Fprintf(&b, " <span class=\"title\">%s</span>", esc(t))
			}
			b.WriteString("</h2>\n<p class=\"meta\">")
			if line := docLine(d.doc); line != "" {
				fmt.Fprintf(&b, "%s.<br>\n", esc(line))
			}
			fmt.Fprintf(&b, "Annotations: %s.</p>\n", d.counts.text())
		}
		br.writePrintDoc(&b, d, level)
		if level == 3 {
			b.WriteString("</article>\n")
		}
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String()), nil
}

// writePrintDoc writes the sections of one document, their headings at
// level (h2 or h3).
func (br *brief) writePrintDoc(b *strings.Builder, d briefDoc, level int) {
	for _, sec := range d.sections {
		fmt.Fprintf(b, "<section class=\"%s\">\n<h%d>%s <span class=\"count\">(%d)</span></h%d>\n",
			tagName(sec.tag), level, sectionTitle(sec.tag), sec.n, level)
		for _, p := range sec.parts {
			if p.titled {
				fmt.Fprintf(b, "<h%d>%s</h%d>\n", level+1, partTitle(p.part), level+1)
			}
			for _, c := range p.clauses {
				br.writePrintClause(b, c)
			}
		}
		b.WriteString("</section>\n")
	}
	if len(d.review) > 0 {
		fmt.Fprintf(b, "<section class=\"review\">\n<h%d>Needs review <span class=\"count\">(%d)</span></h%d>\n", level, len(d.review), level)
		b.WriteString("<p>These annotations were not found in the current text.</p>\n<ul class=\"review\">\n")
		for _, a := range d.review {
			fmt.Fprintf(b, "<li><span class=\"label\">%s</span> <span class=\"tag\">(%s)</span> — <q>%s</q>",
				esc(reviewName(d.doc, a.Clause)), tagName(a.Tag), esc(oneLine(a.Exact)))
			for _, part := range br.printParts(a) {
				b.WriteString(" — ")
				b.WriteString(part)
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n</section>\n")
	}
}

// writePrintClause writes one entry: the clause with its marked text, then
// an item per annotation that has something to say.
func (br *brief) writePrintClause(b *strings.Builder, c briefClause) {
	b.WriteString("<div class=\"clause\">\n<p><span class=\"label\">")
	b.WriteString(esc(clauseName(c.clause)))
	b.WriteString("</span>")
	several := len(c.notes) > 1
	if !several && c.notes[0].WholeClause() {
		b.WriteString(" <span class=\"whole\">(whole clause)</span>")
	}
	b.WriteString(" — ")
	at := 0
	for _, m := range c.marks {
		b.WriteString(esc(string(c.text[at:m[0]])))
		b.WriteString("<mark>")
		b.WriteString(esc(string(c.text[m[0]:m[1]])))
		b.WriteString("</mark>")
		at = m[1]
	}
	b.WriteString(esc(string(c.text[at:])))
	b.WriteString("</p>\n")
	var items strings.Builder
	for _, a := range c.notes {
		parts := br.printParts(a)
		if len(parts) == 0 {
			continue // the marked text says it all
		}
		if several {
			name := "<span class=\"whole\">Whole clause</span>"
			if !a.WholeClause() {
				name = "<q>" + esc(shortQuote(a.Exact)) + "</q>"
			}
			parts = append([]string{name}, parts...)
		}
		fmt.Fprintf(&items, "<li>%s</li>\n", strings.Join(parts, " — "))
	}
	if items.Len() > 0 {
		b.WriteString("<ul class=\"notes\">\n")
		b.WriteString(items.String())
		b.WriteString("</ul>\n")
	}
	b.WriteString("</div>\n")
}

// printParts are what an entry says of an annotation besides its text,
// in HTML: the note (its line breaks kept), its labels and its author
// (unless the header names it).
func (br *brief) printParts(a Annotation) []string {
	var parts []string
	if note := strings.TrimSpace(a.Note); note != "" {
		note = strings.ReplaceAll(strings.ReplaceAll(note, "\r\n", "\n"), "\r", "\n")
		parts = append(parts, "<span class=\"note\">"+strings.ReplaceAll(esc(note), "\n", "<br>")+"</span>")
	}
	if len(a.Labels) > 0 {
		var b strings.Builder
		b.WriteString("<span class=\"labels\">")
		for i, l := range a.Labels {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "<span class=\"labelled\">%s</span>", esc(oneLine(l)))
		}
		b.WriteString("</span>")
		parts = append(parts, b.String())
	}
	if author := br.entryAuthor(a); author != "" {
		parts = append(parts, "<span class=\"author\">("+esc(author)+")</span>")
	}
	return parts
}

// esc escapes text for HTML: & < > " and ' become character references,
// and control characters other than white space (which HTML drops, or
// reads as errors) become U+FFFD, as CommonMark has them.
func esc(s string) string {
	if strings.IndexFunc(s, isBadControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isBadControl(r) {
				return unicode.ReplacementChar
			}
			return r
		}, s)
	}
	return html.EscapeString(s)
}

// isBadControl reports whether r is a control character that is not white
// space in HTML.
func isBadControl(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f'
}

// printCSS is the style sheet of the print view.
const printCSS = `
@page { size: A4; margin: 2cm 2cm 2.2cm; }
:root { color-scheme: light; }
html { font: 11pt/1.45 "Times New Roman", Times, "Liberation Serif", serif; color: #000; background: #fff; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, dl.meta, .count, .label, .tag, .labels { font-family: Arial, Helvetica, "Liberation Sans", sans-serif; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; line-height: 1.25; }
h1 { font-size: 1.45em; margin: 0 0 .5em; }
h1 .symbol, h2 .symbol { display: block; font-size: .7em; letter-spacing: .02em; }
article.document > h2 { font-size: 1.3em; margin: 2em 0 .3em; }
section > h2, article section > h3 { font-size: 1.15em; border-bottom: 1px solid #000; padding-bottom: .15em; margin: 1.6em 0 .6em; }
section > h3, article section > h4 { font-size: 1em; font-style: italic; font-weight: normal; margin: 1.1em 0 .4em; }
.count { font-weight: normal; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0 0 1.5em; font-size: .9em; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
p.meta { margin: 0 0 1em; font-size: .9em; }
.clause { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1em; }
.clause > p { margin: 0; text-align: justify; hyphens: auto; }
.label { font-weight: bold; margin-right: .3em; }
.whole { font-style: italic; }
mark { color: inherit; padding: 0 .05em; text-decoration-line: underline; text-decoration-thickness: 1.5px; text-underline-offset: .15em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.commitment mark { background: #dcefd5; text-decoration-style: solid; text-decoration-color: #2f6b22; }
.request mark { background: #d9e7f7; text-decoration-style: dashed; text-decoration-color: #1d4f8a; }
.concern mark { background: #fbe4cc; text-decoration-style: dotted; text-decoration-color: #8f4400; }
.untagged mark { background: #ebebeb; text-decoration-style: double; text-decoration-color: #555; }
ul.notes, ul.review { margin: .3em 0 0 1.4em; padding: 0; }
ul.notes li, ul.review li { margin: .2em 0; }
q { font-style: italic; }
.note { white-space: normal; }
.labels { font-size: .85em; }
.labelled { border: 1px solid #777; border-radius: .3em; padding: 0 .3em; }
.author { color: #333; font-style: italic; }
@media print { body { max-width: none; margin: 0; padding: 0; } a { color: inherit; text-decoration: none; } }
`

// PrintStyleSource is the Content-Security-Policy source of the print
// view's style sheet ("'sha256-…'"), the only one its policy allows. A
// page that opens the print view from a blob: URL must allow it in its
// own style-src as well, for a blob: document keeps the policy of the page
// that made it.
var PrintStyleSource = func() string {
	sum := sha256.Sum256([]byte(printCSS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()
