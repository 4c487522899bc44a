// Package resolution parses the text of a UN resolution or draft resolution
// (General Assembly and its Main Committees, Human Rights Council, Economic
// and Social Council, Security Council) into a document model: metadata,
// sponsors, preambular and operative paragraphs with their sub-paragraphs,
// cross-headings, annexes, footnotes, adoption and vote. It is plain Go
// (standard library only, no I/O beyond the embedded seed) so that it runs
// natively and in the browser.
//
// # Input
//
// Every source (PDF, Word, HTML, plain or pasted text) reaches Parse as one
// text format (the helpers' contract, section 1):
//
//   - UTF-8 text with "\n" line ends (CR LF and CR are read as "\n"; a
//     byte order mark is dropped). Paragraphs (blocks) are separated by a
//     blank line; the lines of a block are joined with one space.
//   - Italic runs as *…*, bold runs as **…**. A block entirely in bold, or
//     entirely in italics, short and without final punctuation outside the
//     preamble, is a cross-heading ("**Arms embargo**", "*Reporting*").
//   - Footnote markers are superscript digits (¹ ² … ¹⁰) where the marker
//     stands; a footnote is a block that starts with its superscript number
//     ("¹ See A/73/85."), anywhere (footnotes are attached by number).
//   - Printed numbering stays in the text: "12. *Requests* …", "(a) …",
//     "(ii) …", "• …" at the start of their blocks.
//   - The header (symbol, distribution and date, original language, sponsor
//     line, body, session, agenda item and title, "Resolution adopted by …",
//     the reference line "[without reference to a Main Committee (…)]", the
//     number and title "53/11. Enhancement of …") comes first, one block per
//     printed line group, or glued together with ** markers as in the seed.
//   - The enacting formula ("The Security Council,", also without its comma
//     on a line of its own: "The General Assembly") starts the body; a text
//     whose first 40 blocks hold none becomes plain paragraphs with a note.
//   - After the operative part: the meeting and date of adoption, the vote
//     record in [ … ], then the annexes, each under its heading ("Annex",
//     "Annex II") and an optional title.
//
// Pasted text is read with the same rules plus these, all general (they
// look at the shape of the text, never at a particular document):
//
//   - Page furniture is left out and kept in Document.Furniture: a line made
//     only of job numbers ("18-04038 (E)", "GE.23-12345"), date stamps
//     ("160318"), barcodes ("*1804038*"), page numbers ("2/5", "- 2 -"),
//     document symbols ("A/80/L.6 25-16107 2/2"), "Please recycle"; in the
//     body, a line that holds only a document symbol (the running header);
//     in the header, the symbol printed again.
//   - Without blank lines, a line starts a new paragraph when it holds a
//     paragraph number, a sub-paragraph letter or a bullet, an annex
//     heading, or when the line before it ends as a paragraph does (, ; . :
//     also before a footnote number in plain digits) and it opens a
//     paragraph: a participle or adjective phrase (preambular: "Acting
//     under", "Gravely distressed by", "Further welcoming", "Conscious of")
//     or a verb in -s (operative: "Decides", "Requests UNSOM"), known by its
//     shape (opening.go; the lexicon only confirms). Where the text keeps
//     the page's indents, the layout decides instead: a line further right
//     than the line before or after it starts a paragraph. A line too long
//     to be one of a hard-wrapped page (150 code points) ends a paragraph.
//     In the operative part a capital after a full stop starts one, and a
//     paragraph number glued into the line of the paragraph before ("…;
//     10. Confirms …") starts one.
//   - A short line without final punctuation between the end of a paragraph
//     and the start of another is a cross-heading ("Designation Criteria"),
//     also two stacked ("AMISOM" over "Priorities and tasks").
//   - A rule of underscores opens the footnotes of a page foot ("1 The
//     initial Aide Memoire …", or the number on a line of its own); the
//     marker of each, a plain number in the text before ("conflict, 1",
//     "UNISPACE+50,1", "Agreement 4 requires"), is found by its punctuation
//     (pasted.go) and read as a superscript marker.
//   - An operative paragraph without its number (a single "Decides," or a
//     number the copy lost) is found by its opening verb.
//
// Parse takes as Document.Symbol only a string that ValidSymbol accepts
// (symbol.go: "S/2024/400", "A/C.3/78/L.41/Rev.1", "S/RES/2719 (2023)"), so
// that no other text of a header can become the symbol.
//
// # Clause ids
//
// Preambular paragraphs are pp1, pp2, … in order (labels PP1, …);
// operative paragraphs op + the printed number (op12, OP12); sub-paragraphs
// add their printed letter or roman number (op6.a, op6.a.ii, pp3.b; labels
// OP6(a), OP6(a)(ii)), or their printed number ("1." inside OP7: op7.1), or
// for a bullet its position among the items (op33.1 … op33.8, Number "");
// plain paragraphs are p1, p2, … (P1). An id that would repeat (a number
// printed twice) gets "-2", "-3", ….
//
// An operative paragraph printed without a number is op1 when the
// resolution has no numbered operative paragraph (a single "Decides," with
// its (a)–(c) is op1, op1.a, …; several are op1, op2, … in order); among
// numbered ones it gets the number its place leaves free (between op6 and
// op8 it is op7; before op2, op1; after the last, the next), else it is a
// plain paragraph with a note. Its Number is "" (nothing is printed).
//
// The N-th annex (1-based, in document order) is annexN (Annex.ID); its
// top-level paragraphs are annexN.p + the printed number (annex1.p3), or +
// the position among the annex's top-level paragraphs when unnumbered
// (annex1.p2, Number ""); their sub-paragraphs annex1.p3.a. Every annex
// numbers anew, so ids never collide with the operative part's or another
// annex's; a number printed twice in one annex gets "-2". Labels name the
// annex in roman numerals: "Annex I, 3", "Annex II, 3(a)" (see Label).
// Annex paragraphs are clauses (Kind AnnexParagraph): Document.Clauses lists
// them after the operative part, annotations target them like any clause;
// they are not operative paragraphs (Document.Operative holds none).
//
// Cross-headings are not clauses (AKN4UN crossHeading): Document.
// CrossHeadings records each heading's text, the id of the clause it
// precedes (Before; "" when none follows) and its annex ("" in the
// resolution proper). Two stacked headings name the same clause. In an
// annex, a numbered line that is no paragraph ("1. Principles" between
// paragraphs 2 and 3) is a heading.
//
// # Header fields
//
// Kind is "resolution" (a /RES/ symbol, "Resolution adopted by …", a
// resolution number) or "draft resolution" (a sponsor line, an "L."
// symbol, a Security Council "S/2024/400"), "" when the text does not say.
// Distribution and Date are the "Distr.: General" line and the date under
// it; Original the original language; Sponsors the names of the sponsor
// line ("France and United Kingdom of Great Britain and Northern Ireland:
// draft resolution" gives two; the known State names decide which " and "
// joins the last two), also when the line wraps over several lines.

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
// input ends up in a field of the Document (metadata, sponsors, Other,
// clause numbers and texts, cross-headings, annex headings and titles,
// footnotes, adoption, vote, Furniture), and the clauses keep the order of
// the input. The only letters not kept are the structural words it
// consumed: "Agenda item(s)", "Distr.", "Original", "draft resolution" of a
// sponsor line and the "and" before its last name, "The voting was as
// follows:", "In favour:", "Against:", "Abstaining:", the "and" that joins
// the last two names of a vote list, and the plain digits of a pasted
// footnote's number and markers (read as numbers). (Symbol, Body and Number
// are read where the text has them and derived otherwise.) The property test
// (property_test.go) and FuzzParse check this. Invalid UTF-8 and NUL bytes
// become U+FFFD and Parse returns a *ParseError with the document. Time and
// memory are linear in the input.
package resolution
