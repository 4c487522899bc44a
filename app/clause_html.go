package app

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/markup"
	"github.com/clausemark/clausemark/resolution"
)

// The clause HTML is written by package markup; these adapters give it
// what the app's state holds (the annotator ann).

// tagLetters are the letters that end each highlight (a cue that needs no
// colour), for the panel and the help; tagNames are the names of the tags
// as the interface shows them.
var (
	tagLetters = tagMap(markup.TagLetter)
	tagNames   = tagMap(markup.TagName)
)

func tagMap(f func(annotations.Tag) string) map[annotations.Tag]string {
	m := make(map[annotations.Tag]string, len(annotations.Tags))
	for _, t := range annotations.Tags {
		m[t] = f(t)
	}
	return m
}

// section is one of the parts of a resolution that hold clauses.
type section = markup.Section

// The sections.
const (
	preambleSection   = markup.Preamble
	operativeSection  = markup.Operative
	paragraphsSection = markup.Paragraphs // structure not recognised
)

// view is what the clause HTML depends on in the app's state.
func view() markup.View {
	return markup.View{Annotations: ann.set.ByClause, Target: ann.target, Selected: ann.selected}
}

// sectionHTML renders a section with its clauses.
func sectionHTML(s section, clauses []*resolution.Clause) string {
	return markup.SectionHTML(s, clauses, view())
}

// writeClauses writes clause blocks one after the other.
func writeClauses(b *strings.Builder, clauses []*resolution.Clause) {
	markup.WriteClauses(b, clauses, view())
}

// writeClauseBlock writes a clause as HTML (markup.WriteClause); target and
// selected are the ids of the clause the URL points to and of the clause
// selected as a whole.
func writeClauseBlock(b *strings.Builder, c *resolution.Clause, target, selected string) {
	markup.WriteClause(b, c, markup.View{Annotations: ann.set.ByClause, Target: target, Selected: selected})
}

// writeSuggestion writes the button that offers a clause's suggested tag.
func writeSuggestion(b *strings.Builder, c *resolution.Clause, t annotations.Tag) {
	markup.WriteSuggestion(b, c, t)
}

// suggestedTag is the tag the clause's opening phrase suggests, unless the
// whole clause already has that tag.
func suggestedTag(c *resolution.Clause, as []annotations.Annotation) (annotations.Tag, bool) {
	return markup.Suggestion(c, as)
}

// highlightLabel is the accessible name of a highlight.
func highlightLabel(a annotations.Annotation) string { return markup.HighlightLabel(a) }

// preview shortens text to at most n code points, cutting at a word.
func preview(text string, n int) string { return markup.Preview(text, n) }
