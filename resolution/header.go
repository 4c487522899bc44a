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
	enactingRe  = regexp.MustCompile(`(?:^|\*)[ \t]*(The(?: (?:\p{Lu}[\p{L}'’\-]*|and|of|on|for|the|de|des|du)){1,9},)`)
	markerRunRe = regexp.MustCompile(`\*+`)

	numberTitleRe = regexp.MustCompile(`^((?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?)\.\s+(\S.*)$`)
	scNumberRe    = regexp.MustCompile(`^(?:Resolution\s+)(\d{1,5}\s*\(\d{4}\))$`)
	headingRe     = regexp.MustCompile(`^(?:Resolution adopted|Adopted) by the (.+?)(?: at its [^,]+?)?(?:,? on (.+))?$`)
	agendaRe      = regexp.MustCompile(`^Agenda items?\s+(\d+(?:\s?\([a-z]\))?(?:(?:,\s*|\s+and\s+)\d+(?:\s?\([a-z]\))?)*)$`)
	sessionRe     = regexp.MustCompile(`(?i)^[\p{L}\- ]*\bsession$`)
	datesRe       = regexp.MustCompile(`^\d{1,2}(?: \p{L}+)?(?: \d{4})?\s*[–—-]\s*\d{1,2} \p{L}+ \d{4}$|^\d{1,2} \p{L}+ \d{4}$`)
	symbolRe      = regexp.MustCompile(`^[A-Z]{1,2}(?:/[A-Z0-9.\-]+)*/RES/\S+$`)
	monthRe       = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
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

// findEnacting looks for the enacting formula in the first blocks.
func findEnacting(blocks []block) (enacting, bool) {
	for bi, b := range blocks {
		if bi >= headerBlockLimit {
			break
		}
		for li, l := range b.lines {
			if !strings.Contains(l.text, "The ") {
				continue
			}
			m := enactingRe.FindStringSubmatchIndex(l.text)
			if m == nil {
				continue
			}
			// Only markers and white space may follow, or body text after
			// a space ("*The General Assembly,* Recalling …").
			end := m[3]
			rest := l.text[end:]
			trimmed := strings.TrimLeft(rest, "*")
			if trimmed != "" && trimmed[0] != ' ' && trimmed[0] != '\t' {
				continue
			}
			formula := l.text[m[2]:end]
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
	fieldOther
)

// headerParser fills the metadata of a Document from the header pieces.
type headerParser struct {
	d    *Document
	last headerField
	// symbol is an explicit symbol line, if any.
	symbol string
}

// parseHeader reads the header blocks (everything before the enacting
// formula, plus the text before the formula on its line).
func (p *parser) parseHeader(blocks []block, en enacting) {
	h := &headerParser{d: p.doc}
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
		var sb strings.Builder
		for i, l := range lines {
			t := l.text
			if bi == en.block && i == en.line {
				t = t[:en.start]
			}
			if i > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(t)
		}
		text := sb.String()
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
		d.Symbol = d.Number
		for _, b := range bodies {
			if strings.EqualFold(b.name, d.Body) {
				d.Symbol = b.prefix + d.Number
			}
		}
	}
}

// reference takes a bracketed header line, the General Assembly's
// "[without reference to a Main Committee (A/73/L.3)]".
func (h *headerParser) reference(text string) {
	if h.d.Reference == "" && text != "" {
		h.d.Reference = text
		h.last = fieldReference
		return
	}
	h.other(text)
}

// piece classifies one header segment; a segment of several lines that is
// nothing as a whole is tried line by line.
func (h *headerParser) piece(seg string) {
	text := collapse(seg)
	if !hasText(text) {
		return
	}
	if h.classify(text) || h.continueLast(text, false) {
		return
	}
	lines := strings.Split(seg, "\n")
	if len(lines) == 1 {
		h.other(text)
		return
	}
	for _, l := range lines {
		t := collapse(l)
		if !hasText(t) || h.classify(t) || h.continueLast(t, true) {
			continue
		}
		h.other(t)
	}
}

// continueLast adds text that is no field of its own to the field before
// it when that field goes on: the agenda title after the agenda item, the
// title, a heading still without its date. Within a segment (byLine) the
// agenda title also goes on line after line.
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
	if h.symbol == "" && symbolRe.MatchString(text) {
		h.symbol = text
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
