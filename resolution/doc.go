// Package resolution parses the text of a UN resolution into a document
// model: metadata, preambular and operative paragraphs with their
// sub-paragraphs, footnotes, adoption and vote. It is plain Go (standard
// library only, no I/O beyond the embedded seed) so that it runs natively
// and in the browser.
//
// # Input
//
// The input is a resolution as text with light markdown, as made from the
// official PDF: header lines glued together with ** markers, the title
// glued to the enacting formula ("*The Human Rights Council,*"),
// paragraphs separated by blank lines, operative verbs in *italics*,
// footnote markers as superscript digits (¹ ² ³ … ¹⁰) and footnote lines
// ("¹ See A/73/85.") wherever a page ended, paragraphs split by page breaks,
// the meeting and date of adoption, and for the Human Rights Council the
// vote record in [ … ].
//
// A text is recognised as a resolution when one of its first 40 blocks holds
// an enacting formula: "The", capitalised words, a comma, at the start of a
// line or after a marker, naming an organ ("… Assembly,", "… Council,", …).
// Anything else becomes plain paragraphs, one per block, with a note.
//
// # Clause ids
//
// Preambular paragraphs are pp1, pp2, … in order (labels PP1, …);
// operative paragraphs op + the printed number (op12, OP12); sub-paragraphs
// add their printed letter or roman number (op6.a, op6.a.ii, pp3.b; labels
// OP6(a), OP6(a)(ii)); plain paragraphs are p1, p2, … (P1). An id that
// would repeat (a number printed twice) gets "-2", "-3", ….
//
// # Plain text (Clause.Text): the contract for annotation offsets
//
// Clause.Text is the text annotation offsets count in; offsets, At and Lead
// count Unicode code points (not bytes, not UTF-16 units). It is made from
// the clause's source text, that is the paragraph without its printed
// number ("12. ") or sub-paragraph label ("(a) "), and without the text of
// its sub-paragraphs (each sub-paragraph is a Clause of its own; a
// paragraph's Text is its chapeau), as follows:
//
//   - every '*' is removed (markdown markers; the files use no literal
//     asterisk);
//   - every run of superscript digits ⁰¹²³⁴⁵⁶⁷⁸⁹ is removed and recorded as a
//     FootnoteRef: Number is the run read as a decimal number (a run of
//     more than four digits is read as several markers at the same place),
//     At is the number of code points of Text before the place where the
//     run stood, so 0 ≤ At ≤ len(Text); a marker that stood between two
//     spaces, or at an end of the text, gets the offset after the text
//     before it. Clause texts therefore never contain superscript digits;
//   - every run of white space (unicode.IsSpace: spaces, tabs, line and page
//     breaks, no-break spaces) becomes one ASCII space, and the text is
//     trimmed; a paragraph split by a page break is joined with one space;
//   - nothing else changes: quotes, dashes, hyphens and every other
//     character stay as printed.
//
// Lead is the length in code points of the opening phrase at the start of
// Text, 0 if none; Text[:Lead] (in code points) is that phrase:
//
//   - if the source text opens with an *italic* phrase and Text starts with
//     that phrase (made plain as above), the phrase: "Also reaffirms",
//     "Expresses its concern", "Underlines" in "*Underlines*, bearing …";
//   - else, for a preambular paragraph, the longest phrase of the lexicon of
//     UN preambular openings (lexicon.go) that Text starts with, followed by
//     a character that is not a letter, digit or hyphen: "Recalling also",
//     "Taking note with appreciation of", "Deeply concerned",
//     "Recognizing with deep concern", and "Reaffirming" for
//     "Reaffirming, in that regard,"; failing that, the first word if it is
//     capitalised and ends in "ing"; else 0;
//   - else, for an operative paragraph (a text without italics), optional
//     modifiers ("Also", "Further", "Once again", …) then the longest
//     lexicon verb phrase ("Calls upon", "Takes note", "Expresses its
//     concern", …) or else the first word when it ends in "s" and is
//     capitalised or follows a modifier; else 0;
//   - else (sub-paragraphs and plain paragraphs without italics) 0.
//
// Document.TextSHA256 hashes the clause ids and texts, so any change to this
// definition changes every document's hash.
//
// # Robustness
//
// Parse never panics and never drops text: every letter and digit of the
// input ends up in a field of the Document (metadata, Other, clause numbers
// and texts, footnotes, adoption, vote), and the clauses keep the order of
// the input. The only letters not kept are the structural words it
// consumed: "Agenda item(s)", "The voting was as follows:", "In favour:",
// "Against:", "Abstaining:", and the "and" that joins the last two names of
// a vote list. (Symbol is always derived; Body and Number are read where
// the text has them and derived otherwise.) The property test
// (property_test.go) and FuzzParse check this. Invalid UTF-8 and NUL bytes
// become U+FFFD and Parse returns a *ParseError with the document. Time and
// memory are linear in the input.
package resolution
