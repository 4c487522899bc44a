package app

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/markup"
	"github.com/clausemark/clausemark/resolution"
)

// The clause HTML is written by package markup (one painter for the page
// render and the in-place highlighter); these are the names the app's
// components use.

// tagLetters are the letters that end each highlight (a cue that needs no
// colour), for the panel and the help; tagNames are the names of the tags
// as the interface shows them.
var (
	tagLetters = tagMap(markup.TagLetter)
	tagNames   = tagMap(markup.TagName)
)

// tagNoun names an annotation by its tag in a sentence: "request", or
// "annotation" for an untagged one.
func tagNoun(t annotations.Tag) string {
	if t == "" {
		return "annotation"
	}
	return strings.ToLower(tagNames[t])
}

func tagMap(f func(annotations.Tag) string) map[annotations.Tag]string {
	m := make(map[annotations.Tag]string, len(annotations.Tags)+1)
	for _, t := range annotations.Tags {
		m[t] = f(t)
	}
	m[""] = f("") // untagged
	return m
}

// suggestedTag is the tag the clause's opening phrase suggests, unless the
// whole clause already has that tag.
func suggestedTag(c *resolution.Clause, as []annotations.Annotation) (annotations.Tag, bool) {
	return markup.Suggestion(c, as)
}

// preview shortens text to at most n code points, cutting at a word.
func preview(text string, n int) string { return resolution.Preview(text, n) }
