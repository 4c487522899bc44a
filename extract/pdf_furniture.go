package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Page furniture: what the UN prints on its pages around the text, which is
// not part of it.
var (
	// A job number: "18-04038", "19-07731 (E)", "18-04038 (E) 160318".
	jobNumberRe = lazyRegexp(`^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$`)
	// A barcode printed as text: "*1804038*".
	barcodeRe = lazyRegexp(`^\*\d{6,}\*$`)
	// A page number: "2/13", "- 2 -", "Page 2", "Page 2 of 5".
	pageNumberRe = lazyRegexp(`^(?:\d{1,3}\s*/\s*\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—]|(?i:page)\s+\d{1,3}(?:\s+(?i:of)\s+\d{1,3})?)$`)
	// "Please recycle", with or without its symbol.
	recycleRe = lazyRegexp(`(?i)^\W*please\s+recycle\W*$`)
	// A UN document symbol: "S/2018/221", "A/RES/73/8", "A/HRC/RES/53/11",
	// "A/C.3/78/L.41", "S/RES/2719 (2023)".
	symbolRe = lazyRegexp(`^[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?$`)
	// A rule of underscores, dashes or box lines, as above footnotes.
	ruleRe = lazyRegexp(`^[_\-–—‐─━]{5,}$`)
)

// marginShare is the share of the page height at its top and at its bottom
// where running headers and footers are looked for.
const marginShare = 0.16

// furniture marks the segments of the page furniture of a document:
//
//   - anything printed in a barcode font, or a "*1234567*" barcode;
//   - in the top or bottom margin of a page: job numbers, page numbers,
//     "Please recycle", the document's symbol on any page but the first,
//     and text repeated at the same place on most pages; and everything
//     printed beyond them towards the page's edge (the running title under
//     the symbol, the barcode under the job number);
//   - on the first page, the label of the UN emblem ("United Nations")
//     beside the symbol.
//
// symbol is the document's symbol as printed on its first page, "" if none.
func furniture(pages [][]*segment, heights []float64, symbol string) map[*segment]bool {
	drop := map[*segment]bool{}
	repeated := repeatedMarginText(pages, heights)
	for pi, segs := range pages {
		h := heights[pi]
		top, bottom := -1.0, h+1 // the bands: y <= top, y >= bottom
		for _, s := range segs {
			inTop, inBottom := s.y <= marginShare*h, s.y >= (1-marginShare)*h
			if s.barcode || barcodeRe().MatchString(s.text) {
				drop[s] = true
			}
			if (!inTop && !inBottom) || ruleRe().MatchString(s.text) {
				continue // a rule at a page's foot opens its footnotes
			}
			furn := jobNumberRe().MatchString(s.text) || pageNumberRe().MatchString(s.text) ||
				recycleRe().MatchString(s.text) || barcodeRe().MatchString(s.text) || s.barcode ||
				(symbol != "" && s.text == symbol) || repeated[marginKey(s)]
			if pi == 0 && s.text == symbol {
				furn = false // the symbol of the masthead: header material
			}
			if pi == 0 && inTop && s.text == "United Nations" {
				drop[s] = true
			}
			if !furn {
				continue
			}
			drop[s] = true
			if inTop && s.y+0.5*s.size > top {
				top = s.y + 0.5*s.size
			}
			if inBottom && s.y-0.5*s.size < bottom {
				bottom = s.y - 0.5*s.size
			}
		}
		for _, s := range segs {
			if s.y <= top || s.y >= bottom {
				drop[s] = true
			}
		}
	}
	return drop
}

// marginKey is what two running headers or footers of different pages
// have in common: the text with its digits blurred, and the side of the
// page.
func marginKey(s *segment) string {
	t := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, s.text)
	return t
}

// repeatedMarginText returns the keys of texts printed in the top or bottom
// margin of at least half of the pages (of a document of three pages or
// more): running headers and footers of any publisher.
func repeatedMarginText(pages [][]*segment, heights []float64) map[string]bool {
	keys := map[string]bool{}
	if len(pages) < 3 {
		return keys
	}
	count := map[string]int{}
	for pi, segs := range pages {
		seen := map[string]bool{}
		h := heights[pi]
		for _, s := range segs {
			if (s.y > marginShare*h && s.y < (1-marginShare)*h) || ruleRe().MatchString(s.text) {
				continue
			}
			k := marginKey(s)
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for k, n := range count {
		if 2*n >= len(pages) && n >= 2 {
			keys[k] = true
		}
	}
	return keys
}

// documentSymbol returns the symbol printed at the top of the first page
// ("S/2018/221"), or "".
func documentSymbol(first []*segment, height float64) string {
	for _, s := range first {
		if s.y <= marginShare*height && symbolRe().MatchString(s.text) {
			return s.text
		}
	}
	return ""
}

// lazyRegexp compiles pattern the first time it is used: the app starts
// without compiling what only reading a PDF needs.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
