package app

import (
	"html"
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
)

// The list of /annotations as HTML: annotationsPage.list puts it in one
// element (see there why).

// annotationsHTML is the groups of /annotations as HTML, in one element:
// a section per document (its link and count), a heading per clause, then
// a list of links, one per annotation, to its highlight in its document.
// Every text and attribute from a document or a delegate is escaped: it is
// shown as text, never read as markup.
func annotationsHTML(groups []library.Group) string {
	var b strings.Builder
	b.WriteString(`<div class="cm-all-groups">`)
	for _, g := range groups {
		writeAnnotationGroup(&b, g)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// writeAttr writes ` name="value"`, escaped, the value trimmed; nothing for
// an empty value (as go-app does).
func writeAttr(b *strings.Builder, name, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	b.WriteString(" ")
	b.WriteString(name)
	b.WriteString(`="`)
	b.WriteString(html.EscapeString(value))
	b.WriteString(`"`)
}

// writeText writes text escaped.
func writeText(b *strings.Builder, text string) { b.WriteString(html.EscapeString(text)) }

// writeAnnotationGroup writes one document's annotations.
func writeAnnotationGroup(b *strings.Builder, g library.Group) {
	b.WriteString(`<section class="cm-all-doc"`)
	writeAttr(b, "data-document", g.Document.ID)
	writeAttr(b, "aria-label", symbolOf(g.Document))
	b.WriteString(`><h2 class="cm-all-doc-title">`)
	if g.Known {
		b.WriteString(`<a`)
		writeAttr(b, "href", docURL(g.Document.ID))
		b.WriteString(`>`)
		writeText(b, symbolOf(g.Document)+" — "+g.Document.DisplayTitle())
		b.WriteString(`</a>`)
	} else {
		writeText(b, g.Document.Symbol+" (its text is not in this browser)")
	}
	b.WriteString(`<span class="cm-count-small">`)
	writeText(b, " "+plural(g.Total, "annotation"))
	b.WriteString(`</span></h2>`)
	for _, c := range g.Clauses {
		label := c.Label
		if c.Orphans {
			label = "Needs review"
		}
		b.WriteString(`<div class="cm-all-clause"><h3 class="cm-all-label">`)
		writeText(b, label)
		b.WriteString(`</h3><ol class="cm-list">`)
		for _, a := range c.Annotations {
			writeAnnotationItem(b, g, a)
		}
		b.WriteString(`</ol></div>`)
	}
	b.WriteString(`</section>`)
}

// writeAnnotationItem writes one annotation: a link to its highlight in its
// document (the fragment names the annotation: the reader shows it), its
// tag (the letter hidden from screen readers: the name says it), quote,
// note, labels and author.
func writeAnnotationItem(b *strings.Builder, g library.Group, a annotations.Annotation) {
	tag := tagNames[a.Tag]
	if tag == "" {
		tag = "Untagged"
	}
	b.WriteString(`<li class="cm-item"`)
	writeAttr(b, "data-tag", string(a.Tag))
	writeAttr(b, "data-item", a.ID)
	b.WriteString(`><a class="cm-item-show"`)
	writeAttr(b, "href", docURL(g.Document.ID)+"#"+a.ID)
	b.WriteString(`><span class="cm-tag-chip"`)
	writeAttr(b, "data-tag", string(a.Tag))
	b.WriteString(`>`)
	if a.Tag != "" {
		b.WriteString(`<span class="cm-tag-letter" aria-hidden="true">`)
		writeText(b, tagLetters[a.Tag])
		b.WriteString(`</span>`)
	}
	writeText(b, tag)
	b.WriteString(`</span><span class="cm-item-quote">`)
	writeText(b, "“"+preview(a.Exact, 200)+"”")
	b.WriteString(`</span>`)
	if a.Note != "" {
		b.WriteString(`<span class="cm-item-note">`)
		writeText(b, preview(a.Note, 240))
		b.WriteString(`</span>`)
	}
	if len(a.Labels) > 0 {
		b.WriteString(`<span class="cm-item-labels">`)
		writeText(b, strings.Join(a.Labels, ", "))
		b.WriteString(`</span>`)
	}
	if a.Author != "" {
		b.WriteString(`<span class="cm-item-author">`)
		writeText(b, "— "+a.Author)
		b.WriteString(`</span>`)
	}
	b.WriteString(`</a></li>`)
}
