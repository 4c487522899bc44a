package markup

import (
	"html"
	"strings"

	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/resolution"
)

// The HTML of a comparison of two versions (package compare), read as
// negotiators read track changes: every clause of both versions once, in
// the order of the new version, each deleted clause in its old place.
//
// Each clause element is a <div class="cm-change …"> with these hooks:
//
//   - AttrChange: "inserted", "deleted", "changed" (its words changed: a
//     clause revised, split or merged, or turned from preambular to
//     operative) or "moved" (its words unchanged, its place among the
//     others changed); no attribute when it is unchanged (it may have been
//     renumbered by what came before it). A clause both moved and changed
//     is "changed" and has AttrMoved too.
//   - AttrLabel: its label, with both numbers where they differ (compare.
//     Match.Label: "OP22 (was OP21)", "OP3, OP4 (was OP3)"), shown in its
//     margin; AttrClause: its ids in the new version ("op3 op4"), AttrOld
//     in the old one.
//
// Inside a changed clause the words inserted are <ins> elements and those
// deleted <del> elements (compare.Match.Diff, a word diff); the break
// between the clauses of a split or merge is an <ins> or <del> of a
// pilcrow (ClassBreak). An inserted clause is all one <ins>. A deleted
// clause stays in place as a struck placeholder: its label, and its old
// text in one <del>.
const (
	// AttrChange says what became of a clause between the versions.
	AttrChange = "data-change"
	// AttrMoved is on a changed clause that also moved.
	AttrMoved = "data-moved"
	// AttrOld is on a clause element of a comparison: its ids in the old
	// version.
	AttrOld = "data-old"
	// ClassChange is the class of a clause element of a comparison.
	ClassChange = "cm-change"
	// ClassBreak is on the <ins> or <del> of the break between clauses
	// split or merged.
	ClassBreak = "cm-change-break"
)

// The values of AttrChange.
const (
	ChangeInserted = "inserted"
	ChangeDeleted  = "deleted"
	ChangeChanged  = "changed"
	ChangeMoved    = "moved"
)

// ChangeOf returns the AttrChange value of a match ("" when unchanged).
func ChangeOf(m *compare.Match) string {
	switch m.Status {
	case compare.ClauseInserted:
		return ChangeInserted
	case compare.ClauseDeleted:
		return ChangeDeleted
	case compare.ClauseChanged, compare.ClauseSplit, compare.ClauseMerged:
		return ChangeChanged
	}
	if m.Moved || m.KindChanged {
		return ChangeMoved
	}
	return ""
}

// ChangesHTML writes every match of a comparison as a clause element (see
// the hooks above), in the order of c.Matches.
func ChangesHTML(c *compare.Comparison) string {
	var b strings.Builder
	for _, m := range c.Matches {
		WriteChange(&b, m)
	}
	return b.String()
}

// WriteChange writes one match as a clause element. All text is escaped.
func WriteChange(b *strings.Builder, m *compare.Match) {
	change := ChangeOf(m)
	first := firstClause(m)
	b.WriteString(`<div class="` + ClassChange)
	if first != nil {
		b.WriteString(" cm-")
		b.WriteString(html.EscapeString(string(first.Kind)))
	}
	b.WriteString(`"`)
	if len(m.New) > 0 {
		b.WriteString(` id="`)
		b.WriteString(html.EscapeString(m.New[0].ID))
		b.WriteString(`"`)
	}
	if change != "" {
		b.WriteString(` ` + AttrChange + `="` + change + `"`)
	}
	if change == ChangeChanged && m.Moved {
		b.WriteString(` ` + AttrMoved + `="true"`)
	}
	writeIDs(b, AttrClause, m.New)
	writeIDs(b, AttrOld, m.Old)
	label := html.EscapeString(m.Label())
	b.WriteString(` ` + AttrLabel + `="`)
	b.WriteString(label)
	b.WriteString(`"><div class="` + ClassMargin + `"><span class="cm-change-label">`)
	b.WriteString(label)
	b.WriteString(`</span>`)
	if what := changeWords(m); what != "" {
		b.WriteString(`<span class="cm-change-what">`)
		b.WriteString(what)
		b.WriteString(`</span>`)
	}
	b.WriteString(`</div><p class="` + ClassPara + `">`)
	switch m.Status {
	case compare.ClauseUnchanged:
		b.WriteString(html.EscapeString(m.NewText()))
	case compare.ClauseInserted:
		b.WriteString(`<ins>`)
		b.WriteString(html.EscapeString(m.NewText()))
		b.WriteString(`</ins>`)
	case compare.ClauseDeleted:
		b.WriteString(`<del>`)
		b.WriteString(html.EscapeString(m.OldText()))
		b.WriteString(`</del>`)
	default:
		writeOps(b, m.Diff)
	}
	b.WriteString(`</p></div>`)
}

// writeOps writes a word diff: equal text as it is, <del> and <ins>
// around the rest, a pilcrow for a clause break inserted or deleted.
func writeOps(b *strings.Builder, ops []compare.Op) {
	for _, op := range ops {
		text := html.EscapeString(op.Text)
		switch {
		case op.Break() && op.Kind == compare.Equal:
			b.WriteString(`<br>`)
		case op.Break() && op.Kind == compare.Insert:
			b.WriteString(`<ins class="` + ClassBreak + `" title="Paragraph break inserted">¶</ins><br>`)
		case op.Break():
			b.WriteString(`<del class="` + ClassBreak + `" title="Paragraph break deleted">¶</del>`)
		case op.Kind == compare.Insert:
			b.WriteString(`<ins>` + text + `</ins>`)
		case op.Kind == compare.Delete:
			b.WriteString(`<del>` + text + `</del>`)
		default:
			b.WriteString(text)
		}
	}
}

// changeWords says in words what happened to a clause, for its margin.
func changeWords(m *compare.Match) string {
	switch m.Status {
	case compare.ClauseInserted:
		return "inserted"
	case compare.ClauseDeleted:
		return "deleted"
	case compare.ClauseSplit:
		return "split"
	case compare.ClauseMerged:
		return "merged"
	}
	var parts []string
	if m.Status == compare.ClauseChanged {
		parts = append(parts, "changed")
	}
	if m.Moved {
		parts = append(parts, "moved")
	}
	if m.KindChanged {
		parts = append(parts, "changed kind")
	}
	return strings.Join(parts, ", ")
}

func firstClause(m *compare.Match) *resolution.Clause {
	if len(m.New) > 0 {
		return m.New[0]
	}
	if len(m.Old) > 0 {
		return m.Old[0]
	}
	return nil
}

func writeIDs(b *strings.Builder, attr string, cs []*resolution.Clause) {
	if len(cs) == 0 {
		return
	}
	b.WriteString(` ` + attr + `="`)
	for i, c := range cs {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(html.EscapeString(c.ID))
	}
	b.WriteString(`"`)
}
