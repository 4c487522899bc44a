package resolution

// Kind says what part of a resolution a clause belongs to.
type Kind string

// The kinds of clause.
const (
	// Preambular is an unnumbered paragraph of the preamble (PP1, PP2, …).
	Preambular Kind = "preambular"
	// Operative is a numbered paragraph of the operative part (OP1, OP2, …).
	Operative Kind = "operative"
	// Subparagraph is a lettered (a), (b) or roman (i), (ii) point inside a
	// paragraph (OP6(a), OP6(a)(ii)).
	Subparagraph Kind = "subparagraph"
	// Paragraph is a plain numbered paragraph of a text whose structure was
	// not recognised (P1, P2, …), or an unnumbered paragraph among the
	// operative paragraphs or after the adoption that is none of them.
	Paragraph Kind = "paragraph"
	// AnnexParagraph is a top-level paragraph of an annex ("Annex I, 3").
	AnnexParagraph Kind = "annex"
)

// The kinds of document (Document.Kind).
const (
	// KindResolution is an adopted resolution ("A/HRC/RES/53/11",
	// "Resolution adopted by …").
	KindResolution = "resolution"
	// KindDraft is a draft resolution: an "L." document, a sponsor line
	// "…: draft resolution", a Security Council draft ("S/2024/400").
	KindDraft = "draft resolution"
)

// Document is a parsed resolution.
type Document struct {
	// Symbol is the document symbol, e.g. "A/HRC/RES/53/11".
	Symbol string `json:"symbol"`
	// Number is the resolution number as printed, e.g. "53/11".
	Number string `json:"number,omitempty"`
	// Title is the title without the number, e.g. "Enhancement of …".
	Title string `json:"title"`
	// Kind is KindResolution or KindDraft, "" when the text does not say
	// (a pasted text that starts at the enacting formula).
	Kind string `json:"kind,omitempty"`
	// Distribution is the distribution as printed after "Distr.:", e.g.
	// "General" or "Limited".
	Distribution string `json:"distribution,omitempty"`
	// Date is the date of the document as printed under the distribution,
	// e.g. "15 March 2018".
	Date string `json:"date,omitempty"`
	// Original is the original language, e.g. "English".
	Original string `json:"original,omitempty"`
	// Sponsors are the States (or other sponsors) of a draft as its sponsor
	// line names them ("France and United Kingdom of Great Britain and
	// Northern Ireland: draft resolution" gives two), in order; empty for
	// adopted texts.
	Sponsors []string `json:"sponsors"`

	// Body is the adopting organ, e.g. "Human Rights Council".
	Body string `json:"body,omitempty"`
	// Session is e.g. "Fifty-third session".
	Session string `json:"session,omitempty"`
	// Dates of the session, e.g. "19 June–14 July 2023".
	Dates string `json:"dates,omitempty"`
	// AgendaItem is the agenda item number, e.g. "3".
	AgendaItem string `json:"agendaItem,omitempty"`
	// AgendaTitle is the title of the agenda item.
	AgendaTitle string `json:"agendaTitle,omitempty"`
	// Heading is the line "Resolution adopted by the … on …".
	Heading string `json:"heading,omitempty"`
	// Reference is the General Assembly line "without reference to a Main
	// Committee (A/73/L.3)", without brackets and markers.
	Reference string `json:"reference,omitempty"`
	// EnactingFormula is e.g. "The Human Rights Council,".
	EnactingFormula string `json:"enactingFormula,omitempty"`
	// Other holds header text that fits none of the fields above (a symbol
	// or distribution line, a second title, …), in order, whitespace
	// collapsed and markers removed, so that no text is lost.
	Other []string `json:"other"`

	// Preamble holds the preambular paragraphs in order.
	Preamble []*Clause `json:"preamble"`
	// Operative holds the operative paragraphs in order (or, when the
	// structure was not recognised, plain paragraphs).
	Operative []*Clause `json:"operative"`
	// CrossHeadings are the headings between clauses (AKN4UN
	// crossHeading: "Arms embargo", "Reporting"), in document order. They
	// are not clauses.
	CrossHeadings []*CrossHeading `json:"crossHeadings"`
	// Annexes are the annexes after the resolution, in order; their
	// paragraphs are clauses (see Clauses) but not operative paragraphs.
	Annexes []*Annex `json:"annexes"`
	// Footnotes in order of their numbers.
	Footnotes []*Footnote `json:"footnotes"`

	// Adoption is the meeting and date of adoption.
	Adoption Adoption `json:"adoption"`
	// Vote is the vote record, nil when the text states none.
	Vote *Vote `json:"vote,omitempty"`

	// Furniture is the page furniture that was left out, one line each, in
	// order: job numbers ("18-04038 (E)"), barcodes ("*1804038*"), page
	// numbers, running header symbols, "Please recycle". Nothing of it is
	// in a clause.
	Furniture []string `json:"furniture"`

	// Recognised is false when the text was not recognised as a resolution
	// and became plain numbered paragraphs.
	Recognised bool `json:"recognised"`
	// Notes are messages for the reader about the parse (structure not
	// recognised, vote lists that do not add up, …).
	Notes []string `json:"notes"`
}

// Clause is one paragraph or sub-paragraph of a resolution: the unit an
// annotation targets.
type Clause struct {
	// ID is the stable clause id: "pp7", "op21", "op6.a", "op6.a.ii", "p3",
	// "annex1.p3", "annex1.p3.a".
	ID string `json:"id"`
	// Label is what delegates say: "PP7", "OP21", "OP6(a)", "OP6(a)(ii)",
	// "Annex I, 3(a)" (see Label).
	Label string `json:"label"`
	Kind  Kind   `json:"kind"`
	// Number is the number or letter as printed: "21", "a", "ii"; for
	// preambular paragraphs the position in the preamble; "" for an
	// operative or annex paragraph printed without a number (a single
	// "Decides,", an unnumbered annex paragraph, or a paragraph whose
	// number the text lost).
	Number string `json:"number"`
	// Text is the clause's plain text, the text annotation offsets count in:
	// no markdown markers, no paragraph number or letter, no footnote
	// markers, whitespace runs (line and page breaks) collapsed to one space.
	Text string `json:"text"`
	// Lead is the length in code points of the opening phrase at the start
	// of Text ("Recalling also", "Requests"), shown in italics; 0 if none.
	Lead int `json:"lead"`
	// Footnotes are the footnote markers that stood in the text.
	Footnotes []FootnoteRef `json:"footnoteRefs"`
	// Children are the sub-paragraphs.
	Children []*Clause `json:"children"`
	// Line is the 1-based line of the source where the clause starts.
	Line int `json:"line"`
}

// CrossHeading is a heading between clauses ("Arms embargo"), AKN4UN's
// crossHeading. It belongs to no clause.
type CrossHeading struct {
	// Text is the heading, markers removed, white space collapsed.
	Text string `json:"text"`
	// Before is the id of the clause the heading precedes, "" when no
	// clause follows it.
	Before string `json:"before"`
	// Annex is the id of the annex the heading is in ("annex1"), "" in the
	// resolution proper.
	Annex string `json:"annex,omitempty"`
	// Line is the 1-based line of the source where the heading stands.
	Line int `json:"line"`
}

// Annex is an annex of the resolution ("Annex", "Annex II", an adopted
// declaration), with its own paragraphs.
type Annex struct {
	// ID is "annex1", "annex2", … in document order.
	ID string `json:"id"`
	// Heading is the heading as printed: "Annex", "Annex II".
	Heading string `json:"heading"`
	// Title is the title under the heading, "" if none.
	Title string `json:"title"`
	// Paragraphs are the annex's top-level paragraphs (Kind
	// AnnexParagraph), their sub-paragraphs as Children.
	Paragraphs []*Clause `json:"paragraphs"`
	// Line is the 1-based line of the heading.
	Line int `json:"line"`
}

// FootnoteRef is a footnote marker inside a clause's text.
type FootnoteRef struct {
	// Number is the footnote number.
	Number int `json:"number"`
	// At is the code point offset in the clause's Text where the marker
	// stood (the marker follows the character before At).
	At int `json:"at"`
}

// Footnote is a numbered footnote.
type Footnote struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
	// Clauses are the ids of the clauses that reference it, in order.
	Clauses []string `json:"clauses"`
}

// Adoption is the meeting and date at which the resolution was adopted.
type Adoption struct {
	// Meeting is e.g. "34th meeting" or "28th plenary meeting".
	Meeting string `json:"meeting,omitempty"`
	// Date is e.g. "12 July 2023".
	Date string `json:"date,omitempty"`
}

// Vote is the record of how the resolution was adopted.
type Vote struct {
	// Recorded is true for a recorded vote, false for "adopted without a
	// vote" (or by consensus).
	Recorded bool `json:"recorded"`
	// Statement is the sentence that states the result, e.g. "Adopted by a
	// recorded vote of 33 to 13, with 1 abstention."
	Statement string `json:"statement"`
	// Stated are the counts the statement gives.
	Stated Counts `json:"stated"`
	// InFavour, Against and Abstaining are the country lists.
	InFavour   []string `json:"inFavour"`
	Against    []string `json:"against"`
	Abstaining []string `json:"abstaining"`
	// Warnings say where the lists do not add up to the stated counts.
	Warnings []string `json:"warnings"`
}

// Counts are numbers of votes.
type Counts struct {
	InFavour   int `json:"inFavour"`
	Against    int `json:"against"`
	Abstaining int `json:"abstaining"`
}

// The parser (parse.go) provides:
//
//	func Parse(data []byte) (*Document, error)
//
// Parse never panics and always returns a usable Document: text it does not
// recognise becomes plain numbered paragraphs (Kind Paragraph) and a note.
// The error, a *ParseError with the 1-based line, is for input that is not
// readable text (invalid UTF-8, NUL bytes); the Document then still holds
// every readable character.
//
// Helpers on Document: Clauses() (all clauses in document order, children
// after their parent), Clause(id), TextSHA256(), and Seed() returns the
// embedded seed resolution A/HRC/RES/53/11 (seed/A-HRC-RES-53-11.txt).
