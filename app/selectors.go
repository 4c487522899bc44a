package app

import (
	"strconv"
	"strings"
)

// cssString escapes s for a double-quoted CSS string (an attribute
// selector's value): backslash, quote and control characters.
func cssString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte('\\')
			b.WriteString(strconv.FormatInt(int64(r), 16))
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// annotationSelector is the CSS selector of the elements of a highlight.
func annotationSelector(id string) string {
	return `[data-annotation="` + cssString(id) + `"]`
}

// clauseLabelSelector is the CSS selector of a clause's label button.
func clauseLabelSelector(id string) string {
	return `[data-clause="` + cssString(id) + `"] > .cm-margin .cm-label`
}
