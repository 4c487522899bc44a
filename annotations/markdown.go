package annotations

import (
	"fmt"
	"strings"
	"time"
)

// ExportMarkdown writes the drafting brief a delegate pastes into a position
// paper: a title with the symbol and the document title, the counts per tag,
// then the sections Commitments, Requests and Concerns, each entry in
// document order a list item "**OP21** — “quote” — note" ("(whole clause)"
// after the label when it marks a whole clause; the labels, if any, in
// brackets after the quote), then the untagged annotations under "Untagged"
// when there are any, and last the orphans under "Needs review". Text from the user and the resolution is
// escaped so that it cannot break the layout: Markdown's inline characters
// (\ ` * _ [ ] < > | ~ &) get a backslash everywhere, block markers (# > - +
// = and "1." "1)") at the start of a line; a note's line breaks become hard
// line breaks inside its list item (blank lines and indentation dropped).
// now gives the date of the brief (nil: time.Now).
func ExportMarkdown(s *Set, now func() time.Time) ([]byte, error) {
	doc := s.doc
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n", escapeMarkdown(doc.Symbol, ""), escapeMarkdown(doc.Title, ""))
	sections := [...]struct {
		tag     Tag
		title   string
		entries []Annotation
	}{{tag: Commitment, title: "Commitments"}, {tag: Request, title: "Requests"}, {tag: Concern, title: "Concerns"}, {tag: "", title: "Untagged"}}
	for i := range sections {
		for _, a := range s.ByTag(sections[i].tag) {
			if doc.Fits(a) {
				sections[i].entries = append(sections[i].entries, a)
			}
		}
	}
	fmt.Fprintf(&b, "Drafting brief of %s: %s, %s, %s.",
		clock(now).Format("2 January 2006"),
		plural(len(sections[0].entries), "commitment"), plural(len(sections[1].entries), "request"), plural(len(sections[2].entries), "concern"))
	if n := s.Counts().Orphans; n > 0 {
		fmt.Fprintf(&b, " %s to review.", plural(n, "annotation"))
	}
	if n := len(sections[3].entries); n > 0 {
		fmt.Fprintf(&b, " %s without a tag.", plural(n, "annotation"))
	}
	b.WriteString("\n")
	for _, sec := range sections {
		if sec.tag == "" && len(sec.entries) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", sec.title)
		for _, a := range sec.entries {
			writeEntry(&b, doc.Label(a.Clause), a, "")
		}
		if len(sec.entries) == 0 {
			b.WriteString("None.\n")
		}
	}
	if orphans := s.Orphans(); len(orphans) > 0 {
		b.WriteString("\n## Needs review\n\nThese annotations were not found in the current text.\n\n")
		for _, a := range orphans {
			label := doc.Label(a.Clause)
			if label == "" {
				label = "?"
			}
			writeEntry(&b, label, a, string(a.Tag))
		}
	}
	return []byte(b.String()), nil
}

func writeEntry(b *strings.Builder, label string, a Annotation, tag string) {
	fmt.Fprintf(b, "- **%s**", escapeMarkdown(label, ""))
	if a.WholeClause() {
		b.WriteString(" (whole clause)")
	}
	if tag != "" {
		fmt.Fprintf(b, " (%s)", tag)
	}
	fmt.Fprintf(b, " — “%s”", escapeMarkdown(a.Exact, "  "))
	if len(a.Labels) > 0 {
		fmt.Fprintf(b, " \\[%s\\]", escapeMarkdown(strings.Join(a.Labels, ", "), ""))
	}
	if a.Note != "" {
		fmt.Fprintf(b, " — %s", escapeMarkdown(a.Note, "  "))
	}
	b.WriteString("\n")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// escapeMarkdown escapes s for inline Markdown. Its line breaks become hard
// breaks (a backslash before the newline) followed by indent, so that the
// text stays inside its list item.
func escapeMarkdown(s, indent string) string {
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
		}
		escapeLineStart(&b, line, !first)
		first = false
	}
	return b.String()
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
