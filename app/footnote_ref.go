package app

import (
	"github.com/clausemark/clausemark/markup"
	"github.com/clausemark/clausemark/resolution"
)

// footnoteRefIDs returns, for each footnote marker of the clause, its
// element id, in the order of c.Footnotes (markup.FootnoteRefIDs).
func footnoteRefIDs(c *resolution.Clause) []string { return markup.FootnoteRefIDs(c) }
