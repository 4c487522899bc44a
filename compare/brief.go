package compare

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// BriefOptions set what a changes brief says besides the changes.
type BriefOptions struct {
	// Date is the date of the brief; the zero time means today.
	Date time.Time
}

// Brief writes the changes brief, in Markdown: what a delegate sends to the
// capital after a round. A title with both symbols, the title of the
// resolution, the counts of clauses and of annotations (review's Summary),
// then, in the order of the new version, every clause that was changed,
// inserted, deleted, moved, split, merged or changed kind: a heading with its
// label ("OP22 (was OP21) — changed, moved"), its old wording with the
// deleted words struck through (~~…~~) and its new wording with the inserted
// words in bold (**…**), each as a quotation, then the delegation's
// annotations on it (tag, fate, quote, and for a changed quote its new
// wording, note, author). Orphans whose clause is not among those are listed
// at the end. r may be nil (no annotations).
//
// Strike-through and bold are what track changes look like in Word, and
// they survive the trip: a Markdown reader (or pandoc to .docx) renders them
// as such, and pasted as plain text "~~old~~" and "**new**" still read as
// deletion and insertion, unlike wdiff's [-…-]{+…+}, which no renderer
// knows. Text from the resolution and the delegate is escaped so that it
// cannot add markup.
func (c *Comparison) Brief(r *Review, opts BriefOptions) []byte {
	var b strings.Builder
	date := opts.Date
	if date.IsZero() {
		date = time.Now()
	}
	oldSym, newSym := symbolOf(c.Old), symbolOf(c.New)
	if oldSym == newSym {
		fmt.Fprintf(&b, "# Changes to %s\n\n", escapeMD(newSym))
	} else {
		fmt.Fprintf(&b, "# Changes: %s → %s\n\n", escapeMD(oldSym), escapeMD(newSym))
	}
	if t := c.New.Title; t != "" {
		fmt.Fprintf(&b, "%s\n\n", escapeMD(t))
	}
	fmt.Fprintf(&b, "Brief of %s. Clauses: %s.", date.Format("2 January 2006"), c.Summary())
	if r != nil && len(r.Items) > 0 {
		fmt.Fprintf(&b, " Annotations: %s.", r.Summary())
	}
	b.WriteString("\n\nDeleted words are ~~struck through~~, inserted words are **in bold**.\n")

	// Each annotation goes with the match of its new clause if it was
	// carried, else with that of its old clause.
	notes := map[*Match][]Carry{}
	var loose []Carry
	if r != nil {
		for _, it := range r.Items {
			m := c.byOld[it.Old.Clause]
			if it.Fate != Orphan {
				m = c.byNew[it.New.Clause]
			}
			if m != nil && listed(m) {
				notes[m] = append(notes[m], it)
			} else if it.Fate == Orphan {
				loose = append(loose, it)
			}
		}
	}
	someListed := false
	for _, m := range c.Matches {
		if !listed(m) {
			continue
		}
		someListed = true
		fmt.Fprintf(&b, "\n## %s — %s\n\n", escapeMD(m.Label()), describe(m))
		writeWording(&b, m)
		if its := notes[m]; len(its) > 0 {
			b.WriteString("Annotations:\n\n")
			for _, it := range its {
				writeCarry(&b, it)
			}
		}
	}
	if !someListed {
		b.WriteString("\nNo clause changed.\n")
	}
	if len(loose) > 0 {
		b.WriteString("\n## Other annotations to review\n\nNot found in the new version.\n\n")
		for _, it := range loose {
			writeCarry(&b, it)
		}
	}
	return []byte(b.String())
}

func symbolOf(d *resolution.Document) string {
	if d.Symbol != "" {
		return d.Symbol
	}
	return "the text"
}

// listed reports whether a match has a section in the brief.
func listed(m *Match) bool {
	return m.Status != ClauseUnchanged || m.Moved || m.KindChanged
}

// describe says what happened to the clause: "changed, moved".
func describe(m *Match) string {
	var parts []string
	if m.Status != ClauseUnchanged {
		parts = append(parts, string(m.Status))
	}
	if m.Moved {
		parts = append(parts, "moved")
	}
	if m.KindChanged {
		parts = append(parts, kindName(m.Old[0].Kind)+" → "+kindName(m.New[0].Kind))
	}
	return strings.Join(parts, ", ")
}

func kindName(k resolution.Kind) string {
	switch k {
	case resolution.Preambular:
		return "preambular"
	case resolution.Operative:
		return "operative"
	case resolution.Subparagraph:
		return "sub-paragraph"
	case resolution.AnnexParagraph:
		return "annex paragraph"
	}
	return "paragraph"
}

// writeWording writes the old and new wording of a match as quotations,
// each clause of a split or merge under its label.
func writeWording(b *strings.Builder, m *Match) {
	if m.Status == ClauseUnchanged {
		b.WriteString("Wording unchanged:\n\n")
		writeQuote(b, escapeMD(m.New[0].Text))
		return
	}
	sides := []struct {
		name    string
		clauses []*resolution.Clause
		old     bool
	}{{"Was", m.Old, true}, {"Now", m.New, false}}
	for _, s := range sides {
		for i, cl := range s.clauses {
			if len(s.clauses) > 1 {
				fmt.Fprintf(b, "%s (%s):\n\n", s.name, escapeMD(cl.Label))
			} else {
				fmt.Fprintf(b, "%s:\n\n", s.name)
			}
			writeQuote(b, marked(m.Diff, i, s.old))
		}
	}
}

func writeQuote(b *strings.Builder, text string) {
	if text == "" {
		text = "(empty)"
	}
	fmt.Fprintf(b, "> %s\n\n", text)
}

// marked renders clause ci of one side of a diff: on the old side the
// deleted words struck through, on the new side the inserted words in bold.
func marked(ops []Op, ci int, old bool) string {
	var frags []fragment
	for _, op := range ops {
		if op.Break() {
			continue
		}
		span, skip := op.New, Delete
		if old {
			span, skip = op.Old, Insert
		}
		if op.Kind == skip || span.Clause != ci {
			continue
		}
		frags = append(frags, fragment{text: op.Text, marked: op.Kind != Equal})
	}
	mark := "**"
	if old {
		mark = "~~"
	}
	return renderMarked(flanking(frags), mark)
}

// fragment is a piece of a line of the brief, marked (deleted or inserted)
// or not.
type fragment struct {
	text   string
	marked bool
}

// flanking makes every marked fragment renderable: Markdown does not open a
// mark between a letter and a punctuation mark ("timely**,**"), nor close
// one between a punctuation mark and a letter, so such a fragment takes in
// the word next to it ("**timely,**"). White space at the ends of a marked
// fragment is moved out of it (marks must touch the words).
func flanking(in []fragment) []fragment {
	// Split the white space off the ends of marked fragments.
	var fs []fragment
	for _, f := range in {
		if !f.marked {
			fs = append(fs, f)
			continue
		}
		core := strings.Trim(f.text, " ")
		lead := f.text[:len(f.text)-len(strings.TrimLeft(f.text, " "))]
		if core == "" {
			fs = append(fs, fragment{text: f.text})
			continue
		}
		trail := f.text[len(lead)+len(core):]
		fs = append(fs, fragment{text: lead}, fragment{text: core, marked: true}, fragment{text: trail})
	}
	fs = slices.DeleteFunc(fs, func(f fragment) bool { return f.text == "" })
	for i := range fs {
		f := &fs[i]
		if !f.marked || f.text == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(f.text)
		if i > 0 && isPunct(first) {
			prev := &fs[i-1]
			if last, _ := utf8.DecodeLastRuneInString(prev.text); prev.text != "" && !prev.marked && !unicode.IsSpace(last) && !isPunct(last) {
				k := strings.LastIndexByte(prev.text, ' ') + 1
				f.text = prev.text[k:] + f.text
				prev.text = prev.text[:k]
			}
		}
		last, _ := utf8.DecodeLastRuneInString(f.text)
		if i+1 < len(fs) && isPunct(last) {
			next := &fs[i+1]
			if first, _ := utf8.DecodeRuneInString(next.text); next.text != "" && !next.marked && !unicode.IsSpace(first) && !isPunct(first) {
				k := strings.IndexByte(next.text, ' ')
				if k < 0 {
					k = len(next.text)
				}
				f.text += next.text[:k]
				next.text = next.text[k:]
			}
		}
	}
	return fs
}

// renderMarked writes the fragments, escaped, the marked ones (merged where
// they touch) between marks.
func renderMarked(fs []fragment, mark string) string {
	var b strings.Builder
	for i := 0; i < len(fs); i++ {
		if !fs[i].marked {
			b.WriteString(escapeMD(fs[i].text))
			continue
		}
		var run strings.Builder
		for ; i < len(fs) && (fs[i].marked || fs[i].text == ""); i++ {
			run.WriteString(fs[i].text)
		}
		i--
		b.WriteString(mark + escapeMD(run.String()) + mark)
	}
	return b.String()
}

// isPunct reports whether Markdown counts r as punctuation.
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// writeCarry writes one annotation of the brief as a list item.
func writeCarry(b *strings.Builder, it Carry) {
	fmt.Fprintf(b, "- **%s**, ", escapeMD(tagName(it.Old.Tag)))
	switch it.Fate {
	case Orphan:
		fmt.Fprintf(b, "orphan (%s; it was on %s)", escapeMD(it.Reason), escapeMD(orUnknown(it.OldLabel)))
	case Moved:
		fmt.Fprintf(b, "moved from %s to %s", escapeMD(orUnknown(it.OldLabel)), escapeMD(it.NewLabel))
	case Changed:
		b.WriteString("its words changed")
		if it.OldLabel != it.NewLabel {
			fmt.Fprintf(b, " (from %s to %s)", escapeMD(orUnknown(it.OldLabel)), escapeMD(it.NewLabel))
		}
	default:
		b.WriteString("carried")
	}
	if it.Old.WholeClause() {
		b.WriteString(" — whole clause")
	} else {
		fmt.Fprintf(b, " — “%s”", escapeMD(it.OldQuote))
		if it.Fate == Changed {
			fmt.Fprintf(b, " → “%s”", escapeMD(it.NewQuote))
		}
	}
	if len(it.Old.Labels) > 0 {
		fmt.Fprintf(b, " \\[%s\\]", escapeMD(strings.Join(it.Old.Labels, ", ")))
	}
	if it.Old.Note != "" {
		fmt.Fprintf(b, " — %s", escapeNote(it.Old.Note))
	}
	if it.Old.Author != "" {
		fmt.Fprintf(b, " (%s)", escapeMD(it.Old.Author))
	}
	b.WriteString("\n")
}

func orUnknown(label string) string {
	if strings.TrimSpace(label) == "" {
		return "an unknown clause"
	}
	return label
}

// escapeMD escapes text for inline Markdown: every character that could
// start markup gets a backslash, line breaks become spaces, and a line that
// would start as a heading, list item or rule is escaped.
func escapeMD(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ").Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	out := b.String()
	// A list or heading marker at the start ("- ", "+ ", "= ", "1. ").
	if out != "" && strings.ContainsRune("-+=", rune(out[0])) {
		out = "\\" + out
	}
	digits := 0
	for digits < len(out) && digits < 9 && '0' <= out[digits] && out[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(out) && (out[digits] == '.' || out[digits] == ')') {
		out = out[:digits] + "\\" + out[digits:]
	}
	return out
}

// escapeNote escapes a note; its line breaks become hard breaks inside the
// list item.
func escapeNote(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, escapeMD(l))
		}
	}
	return strings.Join(lines, "\\\n  ")
}

// tagName is the tag as the brief names it.
func tagName(t annotations.Tag) string {
	if t == "" {
		return "Untagged"
	}
	r, size := utf8.DecodeRuneInString(string(t))
	return string(unicode.ToUpper(r)) + string(t[size:])
}
