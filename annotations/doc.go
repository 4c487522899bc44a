// Package annotations is the annotation model of Clausemark: annotations on
// the clauses of a resolution, their validation, anchoring, highlight
// segments, files (native JSON, W3C Web Annotation, Markdown, HTML, CSV) and
// merge.
// It is plain Go: no syscall/js, no go-app, no I/O.
//
// # Text and offsets
//
// An annotation targets one clause of a [Document]. Its Start and End count
// Unicode code points (runes) of the clause's plain text, End excluded: no
// markdown markers, no paragraph number, no footnote markers, whitespace
// collapsed (the text the resolution parser produces). The DOM counts UTF-16
// code units: convert with [UTF16ToCodePoints] and [CodePointsToUTF16].
//
// # Anchoring
//
// Besides its offsets an annotation keeps a quote selector (Exact, and up to
// [ContextLength] code points of Prefix and Suffix), so it can be found again
// when the text changes: [Describe] makes the selectors, [Anchor] and
// [Document.Anchor] find them again, trying the offsets, then the exact quote,
// then a fuzzy match, and otherwise declaring the annotation an orphan. An
// orphan is never dropped: it stays in the [Set], flagged for review, with the
// selectors it had.
//
// # Files
//
// [ExportJSON] writes the native exchange format (FORMAT.md, and the JSON
// Schema in schema/), [ExportW3C] a W3C Web Annotation collection that other
// tools can anchor (selectors over the document text, [Document.Text]),
// [ExportMarkdown] a drafting brief, [ExportPrint] its print view (HTML)
// and [ExportCSV] a spreadsheet; none writes a file that [Read] would
// refuse. The brief, its print view and the CSV also take the annotations a
// view selected in several documents ([Selection], [WriteMarkdown],
// [WritePrint], [WriteCSV]), and [FileName] names their files.
//
// [Set.Import] reads a native or W3C file, validates all of it, re-anchors
// what does not fit and returns a [Plan] (what a merge would add, update,
// keep) that the caller shows before calling [Plan.Apply]. A page reads a large file with a [Reading], in short
// steps, showing its [Progress], then plans it with [Set.Plan].
//
// Annotations imported from other tools may have no tag (the empty [Tag])
// and free tags of their own, kept as Labels.
package annotations
