package resolution

import (
	"regexp"
	"strings"
)

// headerBlockLimit is how many blocks from the top of the text are searched
// for the enacting formula; a resolution's identification is a few lines.
const headerBlockLimit = 40

var (
	// enactingRe finds the enacting formula ("The Human Rights Council,")
	// at the start of a line or right after a markdown marker.
	// The comma may stand after the closing marker: "*The Security
	// Council*,".
	enactingRe = regexp.MustCompile(`(?:^|\*)[ \t]*(The(?: (?:\p{Lu}[\p{L}'’\-]*|and|of|on|for|the|de|des|du)){1,9})\**,`)
	// bareEnactingRe is an enacting formula printed without its comma: a
	// line that holds only "The General Assembly" (markers aside).
	bareEnactingRe = regexp.MustCompile(`^[ \t]*\**[ \t]*(The(?: (?:\p{Lu}[\p{L}'’\-]*|and|of|on|for|the|de|des|du)){1,9})[ \t]*\**[ \t]*$`)
	markerRunRe    = regexp.MustCompile(`\*+`)

	numberTitleRe = regexp.MustCompile(`^((?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?)\.\s+(\S.*)$`)
	scNumberRe    = regexp.MustCompile(`^(?:Resolution\s+)(\d{1,5}\s*\(\d{4}\))$`)
	headingRe     = regexp.MustCompile(`^(?:Resolution adopted|Adopted) by the (.+?)(?: at its [^,]+?)?(?:,? on (.+))?$`)
	agendaRe      = regexp.MustCompile(`^Agenda items?\s+(\d+(?:\s?\([a-z]\))?(?:(?:,\s*|\s+and\s+)\d+(?:\s?\([a-z]\))?)*)$`)
	sessionRe     = regexp.MustCompile(`(?i)^[\p{L}\- ]*\bsession$`)
	datesRe       = regexp.MustCompile(`^\d{1,2}(?: \p{L}+)?(?: \d{4})?\s*[–—-]\s*\d{1,2} \p{L}+ \d{4}$|^\d{1,2} \p{L}+ \d{4}$`)
	singleDateRe  = regexp.MustCompile(`^\d{1,2} \p{L}+ \d{4}$`)
	monthRe       = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	// distrRe is the distribution line, with the date when a text joins
	// the two: "Distr.: General 15 March 2018".
	distrRe    = regexp.MustCompile(`^Distr\.?\s*:\s*(\p{L}+(?: \p{L}+){0,3}?)(?:\s+(\d{1,2} \p{L}+ \d{4}))?$`)
	originalRe = regexp.MustCompile(`^Original\s*:\s*(\p{L}[\p{L} ,/]{0,60})$`)
	// sponsorRe is a sponsor line: the sponsors, a colon, "draft
	// resolution" ("revised draft resolution").
	sponsorRe = regexp.MustCompile(`(?i)^(.*\S)\s*:\s*((?:revised\s+)?draft\s+resolution)$`)
	// draftLineRe is a line that says the text is a draft without naming
	// sponsors: "Draft resolution", "Revised draft resolution submitted by
	// the President of the General Assembly".
	draftLineRe = regexp.MustCompile(`(?i)^(?:revised\s+)?draft\s+resolution\b`)
	// columnGapRe separates the columns of a header line copied from a
	// laid-out PDF ("United Nations          S/2018/221").
	columnGapRe = regexp.MustCompile(`[ \t]{3,}`)
)

// bodies are the adopting organs the parser knows, with the prefix of the
// symbols of their resolutions.
var bodies = []struct{ name, prefix string }{
	{"Human Rights Council", "A/HRC/RES/"},
	{"General Assembly", "A/RES/"},
	{"Security Council", "S/RES/"},
	{"Economic and Social Council", "E/RES/"},
}

// enacting is where the enacting formula was found.
type enacting struct {
	block, line int    // indexes into blocks and the block's lines
	start, end  int    // byte offsets of the formula in the line
	formula     string // "The Human Rights Council,"
}

// findEnacting looks for the enacting formula in the first blocks: "The …
// Assembly," with its comma anywhere a line starts, or without it on a line
// of its own.
func findEnacting(blocks []block) (enacting, bool) {
	for bi, b := range blocks {
		if bi >= headerBlockLimit {
			break
		}
		for li, l := range b.lines {
			if !strings.Contains(l.text, "The ") {
				continue
			}
			if m := bareEnactingRe.FindStringSubmatchIndex(l.text); m != nil {
				formula := l.text[m[2]:m[3]]
				if isOrganName(formula) {
					return enacting{block: bi, line: li, start: m[2], end: m[3], formula: formula}, true
				}
				continue
			}
			m := enactingRe.FindStringSubmatchIndex(l.text)
			if m == nil {
				continue
			}
			// Only markers and white space may follow, or body text after
			// a space ("*The General Assembly,* Recalling …").
			end := m[1]
			rest := l.text[end:]
			trimmed := strings.TrimLeft(rest, "*")
			if trimmed != "" && trimmed[0] != ' ' && trimmed[0] != '\t' {
				continue
			}
			formula := l.text[m[2]:m[3]] + ","
			if !isOrganName(formula) {
				continue
			}
			return enacting{block: bi, line: li, start: m[2], end: end, formula: formula}, true
		}
	}
	return enacting{}, false
}

// organWords are the last words of the names of the organs that adopt
// resolutions ("The General Assembly,", "The Conference of the Parties,").
var organWords = []string{
	"Assembly", "Council", "Conference", "Commission", "Committee", "Board",
	"Parties", "Organization", "Court", "Forum", "Meeting", "Session", "Congress",
}

// isOrganName reports whether an enacting formula names an organ, so that
// "The Go Authors," in some other text is not taken for one.
func isOrganName(formula string) bool {
	name := strings.TrimSuffix(formula, ",")
	if strings.HasSuffix(name, " Nations") {
		return false // "The United Nations", a header, not an organ
	}
	for _, w := range organWords {
		if strings.HasSuffix(name, " "+w) {
			return true
		}
	}
	return false
}

// headerField names where a header piece went.
type headerField int

const (
	fieldNone headerField = iota
	fieldBody
	fieldSession
	fieldDates
	fieldAgenda
	fieldAgendaTitle
	fieldHeading
	fieldReference
	fieldTitle
	fieldSymbol
	fieldDistribution
	fieldDate
	fieldOriginal
	fieldSponsors
	fieldOther
)

// headerParser fills the metadata of a Document from the header pieces.
type headerParser struct {
	p    *parser
	d    *Document
	last headerField
	// symbol is an explicit symbol line, if any.
	symbol string
	// draft is set by a sponsor line or a "Draft resolution" line.
	draft bool
}

// parseHeader reads the header blocks (everything before the enacting
// formula, plus the text before the formula on its line).
func (p *parser) parseHeader(blocks []block, en enacting) {
	h := &headerParser{p: p, d: p.doc}
	for bi := 0; bi <= en.block; bi++ {
		b := blocks[bi]
		lines := b.lines
		if bi == en.block {
			lines = lines[:en.line+1]
		}
		if bi < en.block && isFootnoteLine(lines[0].text) {
			p.footnoteBlock(lines)
			continue
		}
		var parts []string
		for i, l := range lines {
			t := l.text
			if bi == en.block && i == en.line {
				t = t[:en.start]
			}
			if sym := symbolOnly(t); sym != "" && sym == h.symbol {
				// The symbol again: a running header.
				p.doc.Furniture = append(p.doc.Furniture, sym)
				continue
			}
			parts = append(parts, splitColumns(t)...)
		}
		text := strings.Join(parts, "\n")
		if c := strings.TrimSpace(collapse(text)); strings.HasPrefix(c, "[") && strings.HasSuffix(c, "]") {
			h.reference(strings.TrimSpace(c[1 : len(c)-1]))
			continue
		}
		for _, seg := range markerRunRe.Split(text, -1) {
			h.piece(seg)
		}
	}
	d := p.doc
	d.EnactingFormula = collapse(en.formula)
	if d.Body == "" {
		if m := headingRe.FindStringSubmatch(d.Heading); m != nil {
			d.Body = m[1]
		} else {
			d.Body = strings.TrimSuffix(strings.TrimPrefix(d.EnactingFormula, "The "), ",")
		}
	}
	switch {
	case h.symbol != "":
		d.Symbol = h.symbol
	case d.Number != "":
		for _, b := range bodies {
			if strings.EqualFold(b.name, d.Body) {
				d.Symbol = b.prefix + d.Number
			}
		}
		if !ValidSymbol(d.Symbol) {
			d.Symbol = ""
		}
	}
	d.Kind = documentKind(d, h.draft)
}

// documentKind says whether the document is a resolution or a draft: a
// sponsor or "Draft resolution" line, an "L." symbol or a Security Council
// symbol that is not a resolution's make a draft; a resolution symbol, the
// heading "Resolution adopted by …" or a resolution number make a
// resolution; else "".
func documentKind(d *Document, draft bool) string {
	switch {
	case draft, strings.Contains(d.Symbol, "/L."):
		return KindDraft
	case strings.Contains(d.Symbol, "/RES/"), d.Heading != "", d.Number != "":
		return KindResolution
	case strings.HasPrefix(d.Symbol, "S/") && strings.Count(d.Symbol, "/") == 2:
		return KindDraft // "S/2024/400": a Security Council draft
	}
	return ""
}

// splitColumns cuts a header line copied from a laid-out PDF into its
// columns ("United Nations          S/2018/221") when a column after the
// first is a header field of its own (a symbol, "Distr.: …", a date,
// "Original: …"), and before "Distr.:" anywhere ("Security Council
// Distr.: General"); other lines stay whole.
func splitColumns(t string) []string {
	if i := strings.Index(t, " Distr."); i > 0 && hasText(t[:i]) {
		// "Security Council Distr.: General" on one line.
		return append(splitColumns(t[:i]), splitColumns(t[i+1:])...)
	}
	cols := columnGapRe.Split(strings.TrimSpace(t), -1)
	if len(cols) < 2 {
		return []string{t}
	}
	for _, c := range cols[1:] {
		c = strings.TrimSpace(strings.Trim(c, "*"))
		if ValidSymbol(c) || distrRe.MatchString(c) || originalRe.MatchString(c) ||
			(singleDateRe.MatchString(c) && monthRe.MatchString(c)) {
			return cols
		}
	}
	return []string{t}
}

// referenceRe is what a reference line says: "without reference to a
// Main Committee (…)", "on the report of the Third Committee (…)", "on a
// proposal considered in plenary meeting (E/2018/L.22)".
var referenceRe = regexp.MustCompile(`(?i)^\**(?:without reference|on the report|on a proposal|on the recommendation|on the proposal)\b`)

// reference takes a bracketed header line, the General Assembly's
// "[without reference to a Main Committee (A/73/L.3)]"; other bracketed
// text ("[image: ]" from a copied Word file) is other header text.
func (h *headerParser) reference(text string) {
	if h.d.Reference == "" && referenceRe.MatchString(text) {
		h.d.Reference = text
		h.last = fieldReference
		return
	}
	h.other(text)
}

// piece classifies one header segment; a segment of several lines that is
// nothing as a whole is tried line by line, where the lines of a sponsor
// list ("Algeria, Angola, …,\n… and Zambia: draft resolution") are taken
// together.
func (h *headerParser) piece(seg string) {
	text := collapse(seg)
	if !hasText(text) {
		return
	}
	lines := strings.Split(seg, "\n")
	from, to := sponsorLines(lines)
	if from <= 0 && (h.classify(text) || h.continueLast(text, false)) {
		// A whole segment is one field (a sponsor line only when it
		// starts the segment).
		return
	}
	if len(lines) == 1 {
		h.other(text)
		return
	}
	for i := 0; i < len(lines); i++ {
		if i == from {
			h.sponsors(collapse(strings.Join(lines[from:to+1], "\n")))
			i = to
			continue
		}
		t := collapse(lines[i])
		if !hasText(t) || h.classify(t) || h.continueLast(t, true) {
			continue
		}
		h.other(t)
	}
}

// sponsorLines finds the lines of a sponsor list among the lines of a
// header segment: the line that ends with ": draft resolution" and the
// lines before it that read as lists of names (capitalised words, "and",
// "of", "the"). It returns -1, -1 when there is none.
func sponsorLines(lines []string) (from, to int) {
	for j, l := range lines {
		if !sponsorRe.MatchString(collapse(l)) && !(j > 0 && draftLineRe.MatchString(collapse(l)) &&
			strings.HasSuffix(strings.TrimSpace(collapse(lines[j-1])), ":")) {
			continue
		}
		i := j
		for i > 0 && namesLike(collapse(lines[i-1])) {
			i--
		}
		return i, j
	}
	return -1, -1
}

// namesLike reports whether a line reads as part of a list of State names:
// every word capitalised or one of the small words of names, and not a
// header field.
func namesLike(t string) bool {
	if !hasText(t) || isHeaderField(t) {
		return false
	}
	for _, w := range strings.Fields(t) {
		w = strings.Trim(w, "(),;:")
		if w == "" || strings.HasPrefix(w, "d’") || strings.HasPrefix(w, "d'") {
			continue
		}
		switch w {
		case "and", "of", "the", "de", "del", "da", "du", "des":
			continue
		}
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// isHeaderField reports whether a header line is one of the fields read by
// its shape (symbol, distribution, date, original language, session,
// agenda item, heading, body, the UN's name).
func isHeaderField(t string) bool {
	if t == "United Nations" || ValidSymbol(t) || distrRe.MatchString(t) || originalRe.MatchString(t) ||
		datesRe.MatchString(t) || agendaRe.MatchString(t) || headingRe.MatchString(t) ||
		(len(t) <= 80 && sessionRe.MatchString(t)) || numberTitleRe.MatchString(t) {
		return true
	}
	for _, b := range bodies {
		if t == b.name {
			return true
		}
	}
	return false
}

// sponsors reads a sponsor line: "France and United Kingdom of Great
// Britain and Northern Ireland: draft resolution".
func (h *headerParser) sponsors(text string) {
	h.draft = true
	h.last = fieldSponsors
	m := sponsorRe.FindStringSubmatch(text)
	if m == nil {
		return // "Draft resolution" alone
	}
	names := splitStates(strings.TrimSuffix(strings.TrimSpace(m[1]), ":"), 0)
	h.d.Sponsors = append(h.d.Sponsors, names...)
}

// continueLast adds text that is no field of its own to the field before
// it when that field goes on: the agenda title after the agenda item, the
// title (also after a sponsor line), a heading still without its date.
// Within a segment (byLine) the agenda title also goes on line after line.
func (h *headerParser) continueLast(t string, byLine bool) bool {
	d := h.d
	switch h.last {
	case fieldAgenda:
		if d.AgendaTitle == "" {
			d.AgendaTitle = t
			h.last = fieldAgendaTitle
			return true
		}
	case fieldAgendaTitle:
		if byLine {
			d.AgendaTitle += " " + t
			return true
		}
	case fieldSponsors:
		if d.Title == "" {
			d.Title = t
			h.last = fieldTitle
			return true
		}
	case fieldTitle:
		if d.Title == "" {
			d.Title = t
		} else {
			d.Title += " " + t
		}
		return true
	case fieldHeading:
		if !strings.Contains(d.Heading, " on ") {
			d.Heading += " " + t
			return true
		}
	}
	return false
}

// classify puts text into the field it is, if any, and reports whether it
// did.
func (h *headerParser) classify(text string) bool {
	d := h.d
	set := func(f headerField, dst *string, v string) bool {
		*dst = v
		h.last = f
		return true
	}
	if h.symbol == "" && ValidSymbol(text) {
		h.symbol = text
		h.last = fieldSymbol
		return true
	}
	if d.Distribution == "" {
		if m := distrRe.FindStringSubmatch(text); m != nil {
			if m[2] != "" && d.Date == "" && monthRe.MatchString(m[2]) {
				d.Date = m[2]
			} else if m[2] != "" {
				return false
			}
			return set(fieldDistribution, &d.Distribution, strings.TrimSpace(m[1]))
		}
	}
	if d.Original == "" {
		if m := originalRe.FindStringSubmatch(text); m != nil {
			return set(fieldOriginal, &d.Original, strings.TrimSpace(m[1]))
		}
	}
	if d.Date == "" && d.Session == "" && d.Heading == "" && (h.last == fieldDistribution || h.last == fieldSymbol) &&
		singleDateRe.MatchString(text) && monthRe.MatchString(text) {
		return set(fieldDate, &d.Date, text)
	}
	if d.Number == "" {
		if m := numberTitleRe.FindStringSubmatch(text); m != nil {
			d.Number = m[1]
			return set(fieldTitle, &d.Title, m[2])
		}
		if m := scNumberRe.FindStringSubmatch(text); m != nil {
			// "Resolution 2712 (2023)": the line stays as printed.
			d.Number = m[1]
			h.other(text)
			return true
		}
	}
	if d.Heading == "" && headingRe.MatchString(text) {
		return set(fieldHeading, &d.Heading, text)
	}
	if d.AgendaItem == "" {
		if m := agendaRe.FindStringSubmatch(text); m != nil {
			return set(fieldAgenda, &d.AgendaItem, m[1])
		}
	}
	if d.Session == "" && len(text) <= 80 && sessionRe.MatchString(text) {
		return set(fieldSession, &d.Session, text)
	}
	if d.Dates == "" && d.Session != "" && d.Heading == "" && datesRe.MatchString(text) && monthRe.MatchString(text) {
		return set(fieldDates, &d.Dates, text)
	}
	if d.Body == "" {
		for _, b := range bodies {
			if text == b.name {
				return set(fieldBody, &d.Body, text)
			}
		}
	}
	if sponsorRe.MatchString(text) {
		h.sponsors(text)
		return true
	}
	if draftLineRe.MatchString(text) {
		h.draft = true
		if strings.EqualFold(strings.TrimSpace(text), "draft resolution") ||
			strings.EqualFold(strings.TrimSpace(text), "revised draft resolution") {
			h.last = fieldSponsors
			return true
		}
		h.other(text)
		return true
	}
	return false
}

// other keeps header text that is no field.
func (h *headerParser) other(text string) {
	h.d.Other = append(h.d.Other, text)
	h.last = fieldOther
}
