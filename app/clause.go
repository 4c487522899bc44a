package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// suggestedTag is the tag the clause's opening phrase suggests, unless the
// whole clause already has that tag.
func suggestedTag(c *resolution.Clause, as []annotations.Annotation) (annotations.Tag, bool) {
	part := annotations.Unknown
	switch c.Kind {
	case resolution.Preambular:
		part = annotations.Preamble
	case resolution.Operative:
		part = annotations.OperativePart
	case resolution.Subparagraph:
		return "", false
	}
	t, ok := annotations.Suggest(c.Text, part)
	if !ok {
		return "", false
	}
	for _, a := range as {
		if a.Tag == t && a.Start == 0 && a.End == len([]rune(c.Text)) {
			return "", false
		}
	}
	return t, true
}

// numbered reports whether the clause shows a printed number or letter.
func numbered(c *resolution.Clause) bool {
	return c.Kind != resolution.Preambular && c.Number != ""
}

// printedNumber is the number as the document prints it: "21.", "(a)".
func printedNumber(c *resolution.Clause) string {
	if c.Kind == resolution.Subparagraph {
		return "(" + c.Number + ")"
	}
	return c.Number + "."
}
