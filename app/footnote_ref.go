package app

import (
	"strconv"

	"github.com/clausemark/clausemark/resolution"
)

// nonText marks elements inside a clause's text that are not part of its
// plain text (footnote markers): selection offsets skip them.
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
