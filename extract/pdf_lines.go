package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// run is a piece of a line in one style. A footnote marker (a raised,
// smaller number) is a run of its own with marker set.
type run struct {
	text   string
	style  style
	marker bool
	// soft says the run is a space item narrower than any space between
	// words (less than 0.15 of the font size: they are a quarter at
	// least): a space that is not printed (see pdf_words.go).
	soft bool
}

// segment is a piece of one printed line: the items pdf.js gives for it,
// in order, up to a wide horizontal gap (a second column, such as the
// "Distr.: General" column of a first page, is a segment of its own).
type segment struct {
	page int     // 0-based page index
	x    float64 // left end of the first item that is not a space
	xEnd float64 // right end of the last item
	y    float64 // baseline of the items of the dominant size
	size float64 // the dominant font size (the most characters)
	runs []run
	// barcode says a barcode font printed some of it.
	barcode bool
	// lead is the number of a footnote line that opens with a raised
	// number ("¹ See A/73/85."), "" otherwise.
	lead string
	// text is the plain text of the segment, whitespace collapsed, markers
	// as plain digits: what patterns are matched against.
	text string
}

// fontStyle tells the style of a font from its PostScript name
// ("TimesNewRomanPS-BoldItalicMT", "Times New Roman,Italic") and whether
// it is a barcode font ("Barcode 3 of 9 by request").
func fontStyle(name string) (s style, barcode bool) {
	if i := strings.IndexByte(name, '+'); i == 6 {
		name = name[i+1:] // subset prefix "ABCDEF+"
	}
	n := strings.ToLower(name)
	if strings.Contains(n, "barcode") || strings.Contains(n, "3of9") || strings.Contains(n, "code39") || strings.Contains(n, "code128") {
		barcode = true
	}
	if strings.Contains(n, "italic") || strings.Contains(n, "oblique") || strings.HasSuffix(n, "-it") {
		s |= italic
	}
	if strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy") || strings.Contains(n, "semibold") || strings.Contains(n, "demi") {
		s |= bold
	}
	return s, barcode
}

// isBlank reports whether s holds nothing but white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// pageSegments cuts a page's items into segments, in the order pdf.js
// gives them (the order of the content stream, which is reading order in
// the documents of the UN).
func pageSegments(page int, p PDFPage) []*segment {
	var segs []*segment
	var cur []PDFItem
	flush := func() {
		if s := makeSegment(page, cur); s != nil {
			segs = append(segs, s)
		}
		cur = nil
	}
	for _, it := range p.Items {
		if it.Str == "" || it.Dir == "ttb" || !finite(it.X, it.Y, it.Width, it.FontSize) {
			continue
		}
		if len(cur) > 0 && !sameLine(cur, it) {
			flush()
		}
		if len(cur) == 0 && isBlank(it.Str) {
			continue // a space does not start a line
		}
		cur = append(cur, it)
	}
	flush()
	return segs
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// sameLine reports whether item it continues the line of items cur: its
// baseline is near the line's (a raised footnote marker is), and it
// follows the last item without a wide gap.
func sameLine(cur []PDFItem, it PDFItem) bool {
	if isBlank(it.Str) {
		// A space continues the line unless it is far off its baseline.
		last := cur[len(cur)-1]
		return math.Abs(it.Y-last.Y) <= 0.5*math.Max(it.FontSize, last.FontSize)
	}
	// The last item that is not a space, and the first one: the line's
	// baseline is one of theirs (a raised marker returns to it).
	var last, first *PDFItem
	for i := len(cur) - 1; i >= 0; i-- {
		if !isBlank(cur[i].Str) {
			last = &cur[i]
			break
		}
	}
	first = &cur[0]
	if last == nil {
		return false
	}
	size := math.Max(it.FontSize, last.FontSize)
	near := math.Abs(it.Y-last.Y) <= 0.5*size || math.Abs(it.Y-first.Y) <= 0.5*math.Max(it.FontSize, first.FontSize)
	if !near {
		return false
	}
	end := last.X + last.Width
	gap := it.X - end
	return gap >= -0.5*size && gap <= 2.5*size
}

// makeSegment builds the segment of a line's items.
func makeSegment(page int, items []PDFItem) *segment {
	// Trailing spaces carry nothing.
	for len(items) > 0 && isBlank(items[len(items)-1].Str) {
		items = items[:len(items)-1]
	}
	if len(items) == 0 {
		return nil
	}
	// The dominant size: the one that prints the most characters.
	chars := map[float64]int{}
	for _, it := range items {
		if !isBlank(it.Str) {
			chars[math.Round(it.FontSize*10)/10] += len([]rune(strings.TrimSpace(it.Str)))
		}
	}
	size, most := 0.0, -1
	for s, n := range chars {
		if n > most || (n == most && s > size) {
			size, most = s, n
		}
	}
	s := &segment{page: page, size: size, x: items[0].X, y: items[0].Y}
	for _, it := range items {
		if math.Abs(math.Round(it.FontSize*10)/10-size) < 0.05 && !isBlank(it.Str) {
			s.y = it.Y
			break
		}
	}
	var prevEnd float64
	var prev string
	for i, it := range items {
		st, barcode := fontStyle(it.Font)
		if barcode {
			s.barcode = true
		}
		text := it.Str
		raised := it.FontSize < 0.85*size && it.Y < s.y-0.2*size
		r := run{text: text, style: st, soft: isBlank(text) && it.Width < 0.15*it.FontSize}
		if raised && isFootnoteNumber(text) {
			r = run{text: strings.TrimSpace(text), marker: true}
			if i == 0 {
				s.lead = r.text
			}
		}
		// pdf.js gives most spaces as items; a gap it did not fill is a
		// space too.
		if i > 0 && !isBlank(text) && !strings.HasSuffix(prev, " ") && !strings.HasPrefix(text, " ") && it.X-prevEnd > 0.15*math.Min(size, it.FontSize) && !r.marker {
			s.runs = append(s.runs, run{text: " "})
		}
		s.runs = append(s.runs, r)
		prevEnd, prev = it.X+it.Width, text
	}
	s.xEnd = prevEnd
	var b strings.Builder
	for _, r := range s.runs {
		b.WriteString(r.text)
	}
	s.text = strings.Join(strings.Fields(b.String()), " ")
	return s
}

// isFootnoteNumber reports whether s (trimmed) is a footnote number: one to
// three digits.
func isFootnoteNumber(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 3 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// allStyled reports whether every letter of the segment is printed in
// style st.
func (s *segment) allStyled(st style) bool {
	letters := 0
	for _, r := range s.runs {
		if r.marker {
			continue
		}
		for _, c := range r.text {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				letters++
				if r.style&st == 0 {
					return false
				}
			}
		}
	}
	return letters > 0
}

// mode returns the most frequent of values rounded to step, the largest on
// a tie, or def when there are none.
func mode(values []float64, step, def float64) float64 {
	if len(values) == 0 {
		return def
	}
	counts := map[float64]int{}
	for _, v := range values {
		counts[math.Round(v/step)*step]++
	}
	keys := make([]float64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Float64s(keys)
	best, n := def, 0
	for _, k := range keys {
		if counts[k] >= n {
			best, n = k, counts[k]
		}
	}
	return best
}
