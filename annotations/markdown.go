package annotations

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// ExportMarkdown writes the drafting brief of the annotations of s
// (WriteMarkdown of all of them, the header naming their authors); now
// gives the date of the brief (nil: time.Now).
func ExportMarkdown(s *Set, now func() time.Time) ([]byte, error) {
	return WriteMarkdown([]Selection{s.Selection(nil)}, BriefOptions{Now: now})
}

// WriteMarkdown writes the drafting brief of the selections, what a
// delegate drafts from and pastes into a position paper (FORMAT.md,
// "Markdown drafting brief").
//
// A header gives the document's symbol and title, its body, session and
// date, the delegation (opts.Delegation, or the authors of the
// annotations), the date of the brief and the counts. Then come the
// sections Commitments, Requests, Concerns and Untagged, the empty ones
// left out, each with its preambular, operative and annex paragraphs
// apart, in document order. An entry is one clause: its label and its
// full text with the words its annotations mark in bold, then under it,
// one item per annotation, the note, the labels and the author (unless
// the header names it), each annotation named by its quote when the
// clause has several. Last, "Needs review" lists the annotations not
// found in the text. Several selections make one brief with a section per
// document.
//
// Text from the user and the resolution is escaped so that it cannot
// break the layout: Markdown's inline characters (\ ` * _ [ ] < > | ~ &)
// get a backslash everywhere, block markers (# > - + = and "1." "1)") at
// the start of a line; a note's line breaks become hard line breaks inside
// its list item (blank lines and indentation dropped); clause text, quotes,
// labels and names are one line.
func WriteMarkdown(sels []Selection, opts BriefOptions) ([]byte, error) {
	br, err := newBrief(sels, opts)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	level := 1 // of the sections of a document
	if len(br.docs) == 1 {
		fmt.Fprintf(&b, "# %s\n\n", escapeHeading(docTitle(br.docs[0].doc)))
		if line := docLine(br.docs[0].doc); line != "" {
			fmt.Fprintf(&b, "- Document: %s\n", escapeLine(line))
		}
	} else {
		fmt.Fprintf(&b, "# Drafting brief: %s\n\n", plural(len(br.docs), "document"))
		level = 2
	}
	if br.names != "" {
		fmt.Fprintf(&b, "- %s: %s\n", br.byline, escapeLine(br.names))
	}
	fmt.Fprintf(&b, "- Exported: %s\n", briefDate(br.exported))
	fmt.Fprintf(&b, "- Annotations: %s\n", br.counts.text())
	for _, d := range br.docs {
		if level == 2 {
			fmt.Fprintf(&b, "\n## %s\n\n", escapeHeading(docTitle(d.doc)))
			if line := docLine(d.doc); line != "" {
				fmt.Fprintf(&b, "%s.\\\n", escapeMarkdownText(line, "", true))
			}
			fmt.Fprintf(&b, "Annotations: %s.\n", d.counts.text())
		}
		br.writeMarkdownDoc(&b, d, level)
	}
	return []byte(b.String()), nil
}

// writeMarkdownDoc writes the sections of one document, their headings at
// level+1.
func (br *brief) writeMarkdownDoc(b *strings.Builder, d briefDoc, level int) {
	h := strings.Repeat("#", level+1)
	for _, sec := range d.sections {
		fmt.Fprintf(b, "\n%s %s (%d)\n", h, sectionTitle(sec.tag), sec.n)
		for _, p := range sec.parts {
			if p.titled {
				fmt.Fprintf(b, "\n%s# %s\n", h, partTitle(p.part))
			}
			b.WriteString("\n")
			for _, c := range p.clauses {
				br.writeMarkdownClause(b, c)
			}
		}
	}
	if len(d.review) > 0 {
		fmt.Fprintf(b, "\n%s Needs review (%d)\n\nThese annotations were not found in the current text.\n\n", h, len(d.review))
		for _, a := range d.review {
			fmt.Fprintf(b, "- **%s** (%s) — “%s”", escapeLine(reviewName(d.doc, a.Clause)), tagName(a.Tag), escapeLine(a.Exact))
			for _, part := range br.annotationParts(a, false) {
				b.WriteString(" — ")
				b.WriteString(part)
			}
			b.WriteString("\n")
		}
	}
}

// writeMarkdownClause writes one entry: the clause with its marked text,
// then an item per annotation that has something to say.
func (br *brief) writeMarkdownClause(b *strings.Builder, c briefClause) {
	fmt.Fprintf(b, "- **%s**", escapeLine(clauseName(c.clause)))
	several := len(c.notes) > 1
	if !several && c.notes[0].WholeClause() {
		b.WriteString(" (whole clause)")
	}
	fmt.Fprintf(b, " — %s\n", markedMarkdown(c.text, c.marks))
	for _, a := range c.notes {
		parts := br.annotationParts(a, !several)
		if len(parts) == 0 {
			continue // the bold text says it all
		}
		if several {
			name := "Whole clause"
			if !a.WholeClause() {
				name = "“" + escapeLine(shortQuote(a.Exact)) + "”"
			}
			parts = append([]string{name}, parts...)
		}
		fmt.Fprintf(b, "  - %s\n", strings.Join(parts, " — "))
	}
}

// annotationParts are what an entry says of an annotation besides its
// text: the note, the labels in brackets, the author in italics. first
// says that the note starts a list item.
func (br *brief) annotationParts(a Annotation, first bool) []string {
	var parts []string
	if note := strings.TrimSpace(a.Note); note != "" {
		parts = append(parts, escapeMarkdownText(note, "    ", first))
	}
	if len(a.Labels) > 0 {
		parts = append(parts, "\\["+escapeLine(strings.Join(a.Labels, ", "))+"\\]")
	}
	if author := br.entryAuthor(a); author != "" {
		parts = append(parts, "*("+escapeLine(author)+")*")
	}
	return parts
}

// markedMarkdown is a clause's text (one line) with the ranges marks in
// bold. A bold range starts and ends on a non-space; where CommonMark
// would not take its "**" as emphasis (punctuation inside a word, as in
// `a“b`), the range grows to the word's edge.
func markedMarkdown(text []rune, marks [][2]int) string {
	var ranges [][2]int
	for _, m := range marks {
		s, e := m[0], m[1]
		for s < e && unicode.IsSpace(text[s]) {
			s++
		}
		for e > s && unicode.IsSpace(text[e-1]) {
			e--
		}
		if s == e {
			continue
		}
		// "**" opens before text[s] if text[s] is no punctuation or
		// what comes before it is space or punctuation (left-flanking).
		if isMarkdownPunct(text[s]) && s > 0 && !unicode.IsSpace(text[s-1]) && !isMarkdownPunct(text[s-1]) {
			for s > 0 && !unicode.IsSpace(text[s-1]) {
				s--
			}
		}
		// And closes after text[e-1] likewise (right-flanking).
		if isMarkdownPunct(text[e-1]) && e < len(text) && !unicode.IsSpace(text[e]) && !isMarkdownPunct(text[e]) {
			for e < len(text) && !unicode.IsSpace(text[e]) {
				e++
			}
		}
		if n := len(ranges); n > 0 && s <= ranges[n-1][1] {
			ranges[n-1][1] = max(ranges[n-1][1], e)
			continue
		}
		ranges = append(ranges, [2]int{s, e})
	}
	var b strings.Builder
	at := 0
	for _, r := range ranges {
		escapeInline(&b, string(text[at:r[0]]))
		b.WriteString("**")
		escapeInline(&b, string(text[r[0]:r[1]]))
		b.WriteString("**")
		at = r[1]
	}
	escapeInline(&b, string(text[at:]))
	return b.String()
}

// isMarkdownPunct reports whether CommonMark takes r for punctuation when it
// decides whether "**" opens or closes emphasis (Unicode P and S).
func isMarkdownPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// escapeMarkdownText escapes s for inline Markdown. Its line breaks become
// hard breaks (a backslash before the newline) followed by indent, so that
// the text stays inside its list item. atStart says that s starts a line (a
// list item), so that its first line is escaped as the others are.
func escapeMarkdownText(s, indent string, atStart bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	first := true
	for _, line := range strings.Split(s, "\n") {
		if !first {
			line = strings.TrimLeft(line, " \t")
			if line == "" {
				continue
			}
			b.WriteString("\\\n")
			b.WriteString(indent)
		} else if atStart {
			line = strings.TrimLeft(line, " \t")
		}
		escapeLineStart(&b, line, !first || atStart)
		first = false
	}
	return b.String()
}

// escapeLine escapes text that is one line (its line breaks become
// spaces) in the middle of a line.
func escapeLine(s string) string {
	var b strings.Builder
	escapeInline(&b, oneLine(s))
	return b.String()
}

// escapeHeading escapes the text of a heading: one line, and '#' escaped
// too, so that none closes the heading.
func escapeHeading(s string) string {
	return strings.ReplaceAll(escapeLine(s), "#", "\\#")
}

func escapeLineStart(b *strings.Builder, line string, atStart bool) {
	if atStart && line != "" {
		switch line[0] {
		case '#', '-', '+', '=': // '>' is escaped everywhere
			b.WriteByte('\\')
		}
		// An ordered list marker: digits then '.' or ')'.
		i := 0
		for i < len(line) && i < 9 && '0' <= line[i] && line[i] <= '9' {
			i++
		}
		if i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') {
			escapeInline(b, line[:i])
			b.WriteByte('\\')
			line = line[i:]
		}
	}
	escapeInline(b, line)
}

func escapeInline(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\t':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
}
