// Package markup writes the HTML of a resolution's clauses — the clause
// element with its margin, its paragraph and its highlights — and names
// every hook of that HTML once, for the two painters that share it: the
// HTML writer here, which the server and the app use to render clauses
// whole, and the in-place highlighter of package wasm, which wraps,
// unwraps and restyles one highlight in the page and must leave exactly
// the DOM a fresh render of the same state gives.
//
// It is pure Go: no syscall/js, no go-app, no package state. What a render
// depends on (the annotations of each clause, the clause the URL points
// to, the clause selected) comes in a [View].
//
// # The text of a clause
//
// [WriteClauseText] writes the plain text of a clause (resolution.Clause.Text)
// in a <span class="cm-text">, and nothing else counts as text: the
// elements marked data-nontext (footnote markers, the tag letters after
// highlights) are outside it, so offsets measured in the DOM skip them.
// The opening phrase is in <em class="cm-lead">, always directly around
// text; footnote markers stand where they were, outside every highlight.
//
// # Highlights: the canonical nesting
//
// Each annotation is one or more <mark> elements. Where annotations
// overlap their marks nest, in one order fixed by the annotations alone
// ([CompareNesting]: earlier start outside, then longer outside, then the
// smaller id outside): over each stretch of text, the marks of the
// annotations that cover it nest in that order. An element of an
// annotation therefore ends only where the annotation ends, where an
// annotation outside it ends (it goes on in a new element after), or at a
// footnote marker. Because the order does not depend on the other
// annotations, adding or removing one changes the DOM only within its own
// range: the in-place painter relies on that.
//
// The first element of an annotation carries data-start, tabindex, role and
// aria-label ([Mark.Attrs]); after its last element, as its next sibling,
// comes an empty <span class="cm-tagmark"> where the style sheet writes the
// tag letter ([Mark.TagMarkAttrs]). Notes are never part of the HTML; a
// highlight with a note has data-note.
package markup
