package extract

import (
	"errors"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PDFText lays out the text of a PDF, as the browser's bridge read it, as
// resolution text (the format resolution.Parse reads: paragraphs separated
// by blank lines, italics as *…*, bold as **…**, footnote markers as
// superscript digits, each footnote a paragraph of its own after the
// paragraph that holds its marker).
//
// It works from geometry and fonts alone, for any document laid out as the
// UN lays out its documents:
//
//   - page furniture is dropped (see furniture): job numbers, barcodes,
//     page numbers, the running symbol and title, "Please recycle", the
//     label of the emblem;
//   - a page's foot, under a short rule, holds its footnotes: each becomes
//     a paragraph "¹ …" after the paragraph that holds its marker (a
//     footnote that runs over to the next page's foot is joined);
//   - a raised, smaller number in the text is a footnote marker;
//   - a line is a new paragraph after a vertical gap, a change of font
//     size, a first-line indent, a number or letter that opens a paragraph
//     ("12.", "(a)", "(iv)") at a line's start after a full stop, colon or
//     semicolon, or between a line all bold and one that is not;
//   - the first line of a page continues the last paragraph of the page
//     before when it lines up with that paragraph's following lines (not
//     with a first-line indent), opens without a number or letter, and does
//     not start a capitalised sentence after a full stop, colon or
//     semicolon;
//   - text at the same height as other text but far to its right (the
//     "Distr.: General" column of a first page) is a paragraph of its own;
//   - a space that pdf.js wrote inside an item's string is soft: the
//     words it tears in justified and letter-spaced lines ("of its
//     Presid en t") are mended from the words the document prints between
//     real spaces and a built-in vocabulary, and it is dropped where
//     English typography prints none ("children ,"), see pdf_words.go.
//
// It fails with ErrTooManyPages (a *TooManyPagesError) for a document of
// more than MaxPDFPages pages and ErrNoTextLayer for a scan.
func PDFText(d *PDFDocument) (string, error) {
	if d == nil {
		return "", errors.New("no PDF document to lay out")
	}
	if n := max(d.NumPages, len(d.Pages)); n > MaxPDFPages {
		return "", &TooManyPagesError{Pages: n, Max: MaxPDFPages}
	}
	l := newLayout(d)
	if l.letters < 20*max(1, len(d.Pages)) {
		return "", ErrNoTextLayer
	}
	text := l.text()
	if text == "" { // nothing but page furniture
		return "", ErrNoTextLayer
	}
	return text, nil
}

// layout is a document on its way from segments to paragraphs.
type layout struct {
	pages    [][]*segment // the segments of each page, furniture removed
	heights  []float64
	letters  int     // letters of the whole document
	bodySize float64 // the font size of the text
	pitch    float64 // the distance of two lines of text, in font sizes
	margins  []float64
	foot     [][]*footnote // the footnotes that start on each page
}

func newLayout(d *PDFDocument) *layout {
	l := &layout{}
	all := make([][]*segment, len(d.Pages))
	for i, p := range d.Pages {
		all[i] = pageSegments(i, p)
		l.heights = append(l.heights, p.Height)
		for _, s := range all[i] {
			for _, c := range s.text {
				if unicode.IsLetter(c) {
					l.letters++
				}
			}
		}
	}
	if len(all) == 0 {
		return l
	}
	drop := furniture(all, l.heights, documentSymbol(all[0], l.heights[0]))
	chars := map[float64]int{} // characters by font size
	for i, segs := range all {
		kept := segs[:0:0]
		for _, s := range segs {
			if !drop[s] {
				kept = append(kept, s)
				chars[s.size] += utf8.RuneCountInString(s.text)
			}
		}
		all[i] = kept
	}
	l.bodySize = 10
	for size, n := range chars {
		if n > chars[l.bodySize] || (n == chars[l.bodySize] && size > l.bodySize) {
			l.bodySize = size
		}
	}
	var prev *footnote
	l.pages = make([][]*segment, len(all))
	l.foot = make([][]*footnote, len(all))
	for i, segs := range all {
		body, foot := splitFootnotes(segs, l.bodySize)
		l.pages[i] = body
		notes := parseFootnotes(i, foot, prev)
		for _, n := range notes {
			if n != prev {
				l.foot[i] = append(l.foot[i], n)
			}
		}
		if len(notes) > 0 {
			prev = notes[len(notes)-1]
		}
	}
	l.measure()
	return l
}

// measure finds the left margin of the pages (where most lines of text
// start; odd and even pages apart, as they may be mirrored) and the line
// pitch of the text.
func (l *layout) measure() {
	var ratios []float64
	xs := [2][]float64{}
	for pi, segs := range l.pages {
		for i, s := range segs {
			if !l.textSize(s) {
				continue
			}
			xs[pi%2] = append(xs[pi%2], s.x)
			if i > 0 && l.textSize(segs[i-1]) {
				if r := (s.y - segs[i-1].y) / s.size; r > 0.8 && r < 2.2 {
					ratios = append(ratios, r)
				}
			}
		}
	}
	var edge [2]float64
	for k := range edge {
		if len(xs[k]) == 0 {
			xs[k] = xs[1-k]
		}
		edge[k] = leftEdge(xs[k], 0)
	}
	for pi := range l.pages {
		l.margins = append(l.margins, edge[pi%2])
	}
	l.pitch = mode(ratios, 0.05, 1.2)
}

// leftEdge returns the left margin of a page where lines of text start at
// xs: the leftest place where a tenth of them (and two at least) start, as
// a page of indented sub-paragraphs still has its margin left of them; the
// most frequent place when none is that frequent; def when xs is empty.
func leftEdge(xs []float64, def float64) float64 {
	counts := map[float64]int{}
	for _, x := range xs {
		counts[math.Round(x*2)/2]++
	}
	edge, found := 0.0, false
	for x, n := range counts {
		if n >= 2 && 10*n >= len(xs) && (!found || x < edge) {
			edge, found = x, true
		}
	}
	if !found {
		return mode(xs, 0.5, def)
	}
	return edge
}

// textSize reports whether s is printed in the size of the text.
func (l *layout) textSize(s *segment) bool {
	return math.Abs(s.size-l.bodySize) <= 0.08*l.bodySize
}

// relX is a segment's distance from its page's left margin.
func (l *layout) relX(s *segment) float64 { return s.x - l.margins[s.page] }

// block is a paragraph: its lines, and the footnotes placed after it.
type block struct {
	segs  []*segment
	notes []*footnote
}

func (b *block) last() *segment { return b.segs[len(b.segs)-1] }

// labelRe is a number or letter that opens a paragraph: "12.", "(a)",
// "(iv)", "a)".
var labelRe = lazyRegexp(`^(?:\d{1,3}\.|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[a-z]\))(?:\s|$)`)

// endsSentence reports whether text ends with a full stop, colon or
// semicolon (quotes and brackets aside).
func endsSentence(text string) bool {
	t := strings.TrimRight(text, "”’\")] ")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":")
}

// startsCapital reports whether text starts with a capital letter (after
// quotes or brackets).
func startsCapital(text string) bool {
	for _, c := range text {
		if unicode.IsLetter(c) {
			return unicode.IsUpper(c)
		}
		if unicode.IsDigit(c) {
			return false
		}
	}
	return false
}

// blocks groups the lines of all pages into paragraphs.
func (l *layout) blocks() []*block {
	var out []*block
	var cur *block
	for _, segs := range l.pages {
		for _, s := range segs {
			if cur != nil && l.continues(cur, s) {
				cur.segs = append(cur.segs, s)
				continue
			}
			cur = &block{segs: []*segment{s}}
			out = append(out, cur)
		}
	}
	return out
}

// continues reports whether segment s continues paragraph b.
func (l *layout) continues(b *block, s *segment) bool {
	prev := b.last()
	if s.page != prev.page {
		return l.continuesOnNextPage(b, s)
	}
	size := math.Max(prev.size, s.size)
	dy := s.y - prev.y
	switch {
	case dy < 0.3*size: // same height or above: another column
		return false
	case dy > 1.3*l.pitch*size: // a gap
		return false
	case math.Abs(s.size-prev.size) > 0.15*size:
		return false
	case prev.allStyled(bold) != s.allStyled(bold):
		return false
	case labelRe().MatchString(s.text) && endsSentence(prev.text):
		return false
	}
	// A first-line indent, among lines of text that start near the margin
	// (not a right-aligned or centred line).
	if l.nearMargin(prev) && l.nearMargin(s) && l.relX(s) > 0.8*size && l.relX(s) > l.relX(prev)+0.8*size {
		return false
	}
	return true
}

// nearMargin reports whether s starts within six font sizes of its page's
// left margin, where paragraphs and their indents start.
func (l *layout) nearMargin(s *segment) bool {
	r := l.relX(s)
	return r > -6*s.size && r < 6*s.size
}

// continuesOnNextPage reports whether s, the first line of a page,
// continues paragraph b, the last of the page before.
func (l *layout) continuesOnNextPage(b *block, s *segment) bool {
	prev := b.last()
	if s.page != prev.page+1 || !l.textSize(prev) || !l.textSize(s) {
		return false
	}
	if b.segs[0].allStyled(bold) || s.allStyled(bold) || labelRe().MatchString(s.text) {
		return false
	}
	if endsSentence(prev.text) && startsCapital(s.text) {
		return false
	}
	tol := 0.5 * s.size
	if len(b.segs) > 1 && b.segs[len(b.segs)-2].page == prev.page {
		// The lines after a paragraph's first line line up.
		return math.Abs(l.relX(s)-l.relX(prev)) <= tol
	}
	// One line on the page before: the next may sit at the margin, or
	// under it (a hanging indent).
	return math.Abs(l.relX(s)) <= tol || math.Abs(l.relX(s)-l.relX(prev)) <= tol
}

// place puts each footnote after the paragraph that holds its marker on
// the page where the footnote is printed; failing that, after the last
// paragraph of that page.
func (l *layout) place(blocks []*block) {
	for page, notes := range l.foot {
		for _, n := range notes {
			target := markerBlock(blocks, page, n.number)
			if target < 0 {
				// The last paragraph with text on the page, or before it.
				for i, b := range blocks {
					if b.segs[0].page <= page {
						target = i
					}
				}
			}
			if target >= 0 {
				blocks[target].notes = append(blocks[target].notes, n)
			}
		}
	}
}

// markerBlock returns the index of the first paragraph that holds the
// footnote marker number on the page, or -1.
func markerBlock(blocks []*block, page int, number string) int {
	for i, b := range blocks {
		for _, s := range b.segs {
			if s.page == page && hasMarker(s, number) {
				return i
			}
		}
	}
	return -1
}

// hasMarker reports whether s holds the footnote marker number.
func hasMarker(s *segment, number string) bool {
	if number == "" {
		return false
	}
	for _, r := range s.runs {
		if r.marker && r.text == number {
			return true
		}
	}
	return false
}

// text writes the document.
func (l *layout) text() string { return l.textWith(newVocabulary()) }

// textWith writes the document, mending its torn words with v, which
// learns the words of the document first.
func (l *layout) textWith(v *vocabulary) string {
	blocks := l.blocks()
	l.baselineMarkers(blocks)
	l.place(blocks)
	// The characters of every paragraph first: the words the document
	// prints between real spaces mend the words torn in others.
	type para struct {
		rs     []styledRune
		note   bool
		number string // a footnote's
	}
	var all []para
	for _, b := range blocks {
		lines := make([][]run, len(b.segs))
		for i, s := range b.segs {
			lines[i] = s.runs
		}
		all = append(all, para{rs: paragraphRunes(lines)})
		for _, n := range b.notes {
			all = append(all, para{rs: paragraphRunes(n.lines), note: true, number: n.number})
		}
	}
	for _, p := range all {
		v.learn(p.rs)
	}
	var paras []string
	for _, p := range all {
		t := renderParagraph(p.rs, v)
		if p.number != "" {
			t = superscriptString(p.number) + " " + t
		} else if t == "" && !p.note {
			continue
		}
		paras = append(paras, t)
	}
	if len(paras) == 0 {
		return ""
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// baselineMarkerRe is a number glued to the punctuation that ends a
// paragraph: "UNISPACE+50,1".
var baselineMarkerRe = lazyRegexp(`[,;:.](\d{1,3})\s*$`)

// baselineMarkers reads a number glued to the punctuation at the end of a
// paragraph as a footnote marker printed on the baseline, as in
// "UNISPACE+50,1", when the document has a footnote of that number: a
// paragraph ends with its punctuation, never with a number glued to it.
func (l *layout) baselineMarkers(blocks []*block) {
	numbers := map[string]bool{}
	for _, notes := range l.foot {
		for _, n := range notes {
			numbers[n.number] = true
		}
	}
	for _, b := range blocks {
		s := b.last()
		i := len(s.runs) - 1
		for i >= 0 && isBlank(s.runs[i].text) {
			i--
		}
		if i < 0 || s.runs[i].marker {
			continue
		}
		t := s.runs[i].text
		if isFootnoteNumber(t) && i > 0 && numbers[strings.TrimSpace(t)] && baselineMarkerRe().MatchString(s.runs[i-1].text+"0") {
			// The number is an item of its own, glued to the punctuation.
			s.runs[i] = run{text: strings.TrimSpace(t), marker: true}
			continue
		}
		m := baselineMarkerRe().FindStringSubmatchIndex(t)
		if m == nil || !numbers[t[m[2]:m[3]]] {
			continue
		}
		runs := append([]run(nil), s.runs[:i]...)
		runs = append(runs, run{text: t[:m[2]], style: s.runs[i].style}, run{text: t[m[2]:m[3]], marker: true})
		s.runs = runs
	}
}
