// Package markup writes the HTML of a resolution's clauses — the clause
// element with its margin, its paragraph and its highlights — and names
// every hook of that HTML once, for the two painters that share it: the
// HTML writer here, which the server and the app use to render clauses
// whole, and the in-place highlighter of package wasm, which wraps,
// unwraps and restyles one highlight in the page and leaves the DOM a
// fresh render of the new state gives (exactly, but for how the marks of
// some overlaps nest: see wasm/highlight.go).
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
// # Highlights
//
// Each annotation is one or more <mark> elements; where annotations overlap
// their marks nest, laid out as a stack from the start of the text to its
// end ([WriteClauseText] says how): an element ends where its annotation
// ends, where an element around it ends (it goes on in a new one after),
// or at a footnote marker. The first element of an annotation carries
// AttrStart, tabindex and aria-description ([Mark.Attrs]); after its last
// element, as its next sibling, comes an empty <span class="cm-tagmark">
// where the style sheet writes the tag letter ([Mark.TagMarkAttrs]).
// Attributes are written in the order those functions give, and package
// wasm sets them in that order, so that a highlight painted in place is the
// same HTML as one rendered here. Notes are never part of the HTML; a
// highlight with a note has AttrNote.
//
// # Changes between versions
//
// [ChangesHTML] writes a comparison of two versions (package compare) as
// track changes: a clause element per match with AttrChange, double
// labels for renumbered clauses, <ins> and <del> for the words inserted
// and deleted, deleted clauses as struck placeholders (changes.go).
package markup
