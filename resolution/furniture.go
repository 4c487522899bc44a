package resolution

import (
	"regexp"
	"strings"
	"unicode"
)

// Page furniture: what a PDF prints on every page around the text (job
// numbers, barcodes, page numbers, the running symbol, "Please recycle").
// A pasted text may still hold it; the rules below are general (they look at
// the shape of a line, never at a particular document) and a line is only
// furniture when it holds nothing else.

var (
	// jobNumberRe is a UN job number: "18-04038", "GE.23-12345", with an
	// optional language letter "(E)" glued on.
	jobNumberRe = regexp.MustCompile(`^(?:GE\.)?\d{2}-\d{5}(?:\([A-Z]\))?$`)
	// barcodeRe is the barcode's text: "*1804038*".
	barcodeRe   = regexp.MustCompile(`^\*\d{6,10}\*$`)
	langRe      = regexp.MustCompile(`^\([A-Z]\)$`)
	stampRe     = regexp.MustCompile(`^\d{6}$`)
	pageRe      = regexp.MustCompile(`^(\d{1,3})/(\d{1,3})$`)
	dashPageRe  = regexp.MustCompile(`^-\s?\d{1,3}\s?-$`)
	recycleRe   = regexp.MustCompile(`(?i)^please\s+recycle\b`)
	separatorRe = regexp.MustCompile(`^[ \t]*_{5,}[ \t]*$`)
)

// isFurniture reports whether a line is page furniture by its shape alone:
// a job number, a barcode, a page number ("2/5", "- 2 -"), "Please
// recycle", or a line made only of such tokens, date stamps ("160318"),
// a language letter "(E)" and document symbols ("A/80/L.6 25-16107 2/2").
// A line holding only a symbol is not furniture by itself (it may be the
// document's symbol); see parser.symbolFurniture.
func isFurniture(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if barcodeRe.MatchString(t) || dashPageRe.MatchString(t) {
		return true
	}
	if recycleRe.MatchString(t) {
		rest := t[len("please recycle"):]
		return !strings.ContainsFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	}
	strong := false
	for tok := range strings.FieldsSeq(t) {
		switch {
		case jobNumberRe.MatchString(tok), barcodeRe.MatchString(tok):
			strong = true
		case isPageNumber(tok):
			strong = true
		case langRe.MatchString(tok), stampRe.MatchString(tok), ValidSymbol(tok):
		default:
			return false
		}
	}
	return strong
}

// isPageNumber reports whether tok is "page/pages" with 1 ≤ page ≤ pages.
func isPageNumber(tok string) bool {
	m := pageRe.FindStringSubmatch(tok)
	if m == nil {
		return false
	}
	page, pages := atoiSmall(m[1]), atoiSmall(m[2])
	return page >= 1 && page <= pages
}

// atoiSmall reads a short run of ASCII digits.
func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// symbolOnly returns the symbol a line consists of ("S/2018/221", with
// markers or white space around it), or "".
func symbolOnly(text string) string {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "*"))
	if ValidSymbol(t) {
		return t
	}
	return ""
}

// isSeparator reports whether a line is the rule that opens the footnotes
// at the foot of a page ("__________________").
func isSeparator(text string) bool { return separatorRe.MatchString(text) }

// dropFurniture removes the lines that are page furniture by their shape
// and records them; the line after removed furniture is marked as the first
// of a page.
func (p *parser) dropFurniture(lines []line) []line {
	kept := lines[:0:0]
	pageBreak := false
	for _, l := range lines {
		if isFurniture(l.text) {
			p.doc.Furniture = append(p.doc.Furniture, collapse(l.text))
			pageBreak = true
			continue
		}
		if pageBreak && strings.TrimSpace(l.text) != "" {
			l.pageStart = true
			pageBreak = false
		}
		kept = append(kept, l)
	}
	return kept
}
