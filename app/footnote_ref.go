package app

import (
	"strconv"

	"github.com/clausemark/clausemark/resolution"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// nonText marks elements inside a clause's text that are not part of its
// plain text (footnote markers, tag letters): selection offsets skip them.
const nonText = "data-nontext"

// footnoteRefID is the element id of a footnote marker in a clause, the
// target of the footnote's back link.
func footnoteRefID(clauseID string, n, occurrence int) string {
	id := "fnref-" + clauseID + "-" + strconv.Itoa(n)
	if occurrence > 1 {
		id += "-" + strconv.Itoa(occurrence)
	}
	return id
}

// footnoteRefIDs returns, for each footnote marker of the clause, its
// element id, in the order of c.Footnotes.
func footnoteRefIDs(c *resolution.Clause) []string {
	ids := make([]string, len(c.Footnotes))
	seen := map[int]int{}
	for i, f := range c.Footnotes {
		seen[f.Number]++
		ids[i] = footnoteRefID(c.ID, f.Number, seen[f.Number])
	}
	return ids
}

// footnoteMarker renders a footnote reference: a superscript link to the
// footnote, outside the plain text.
func footnoteMarker(id string, n int) app.UI {
	num := strconv.Itoa(n)
	return app.Sup().Class("cm-fnref").Attr(nonText, "").Body(
		app.A().ID(id).Href("#fn"+num).
			Aria("label", "Footnote "+num).
			Text(num),
	)
}

// clausePieces renders a clause's plain text: the opening phrase in italics
// and the footnote markers where they stood.
func clausePieces(c *resolution.Clause) []app.UI {
	text := []rune(c.Text)
	ids := footnoteRefIDs(c)
	var out []app.UI
	pos := 0
	emit := func(end int) {
		for pos < end {
			stop := end
			if pos < c.Lead && c.Lead < stop {
				stop = c.Lead
			}
			s := string(text[pos:stop])
			if pos < c.Lead {
				out = append(out, app.Em().Class("cm-lead").Text(s))
			} else {
				out = append(out, app.Text(s))
			}
			pos = stop
		}
	}
	for i, f := range c.Footnotes {
		at := min(max(f.At, pos), len(text))
		emit(at)
		out = append(out, footnoteMarker(ids[i], f.Number))
	}
	emit(len(text))
	return out
}
