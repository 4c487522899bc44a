package extract

import (
	"errors"
	"strings"
	"testing"
)

// Small documents made item by item, one rule of the layout each. Pages
// are 612 × 792 points, text is 10-point Times at x = 123 with a first-line
// indent at 147, lines 12 points apart and paragraphs 18.

const (
	fontRoman  = "TimesNewRomanPSMT"
	fontItalic = "TimesNewRomanPS-ItalicMT"
	fontBold   = "TimesNewRomanPS-BoldMT"
)

// item is a run of text; its width is estimated at half its size per
// character.
func item(x, y float64, text, font string, size float64) PDFItem {
	return PDFItem{Str: text, X: x, Y: y, Width: 0.5 * size * float64(len([]rune(text))), Height: size, FontSize: size, Font: font, Dir: "ltr"}
}

// line is a line of 10-point fontRoman text.
func line(x, y float64, text string) PDFItem { return item(x, y, text, fontRoman, 10) }

// after is an item that follows prev on its line, after a space.
func after(prev PDFItem, text, font string, size float64) PDFItem {
	return item(prev.X+prev.Width+0.25*prev.FontSize, prev.Y, text, font, size)
}

func page(items ...PDFItem) PDFPage { return PDFPage{Width: 612, Height: 792, Items: items} }

func doc(pages ...PDFPage) *PDFDocument { return &PDFDocument{NumPages: len(pages), Pages: pages} }

// filler is a paragraph of body text long enough for the document to have
// a text layer: lines from y on, the first indented.
func filler(y float64, n int) []PDFItem {
	var items []PDFItem
	for i := range n {
		x := 123.0
		if i == 0 {
			x = 147
		}
		items = append(items, line(x, y+12*float64(i), "some words of the filler paragraph that run on"))
	}
	return items
}

func layoutOf(t *testing.T, d *PDFDocument) []string {
	t.Helper()
	text, err := PDFText(d)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n\n")
}

func TestPDFTextRefusesWhatItCannotLayOut(t *testing.T) {
	scan := doc(page(), page())
	pageNumbersOnly := doc(page(line(300, 760, "1/2")), page(line(300, 760, "2/2")))
	long := &PDFDocument{NumPages: 200}
	cases := []struct {
		name  string
		doc   *PDFDocument
		want  error
		words []string
	}{
		{"no document", nil, nil, []string{"no PDF"}},
		{"a scan: no text at all", scan, ErrNoTextLayer, []string{"no text layer", "scan"}},
		{"a scan with page numbers as text", pageNumbersOnly, ErrNoTextLayer, []string{"no text layer"}},
		{"200 pages, none read", long, ErrTooManyPages, []string{"200 pages", "up to 60 pages"}},
		{"61 pages read", doc(make([]PDFPage, 61)...), ErrTooManyPages, []string{"61 pages"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, err := PDFText(c.doc)
			if err == nil {
				t.Fatalf("got %q, want an error", text)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("got %v, want %v", err, c.want)
			}
			for _, w := range c.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the message %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestTooManyPagesErrorNamesTheLimit(t *testing.T) {
	err := error(&TooManyPagesError{Pages: 214, Max: MaxPDFPages})
	if !errors.Is(err, ErrTooManyPages) {
		t.Error("errors.Is(err, ErrTooManyPages) is false")
	}
	if want := "this PDF has 214 pages, too many to open: Clausemark opens PDFs of up to 60 pages"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %q, want it to start with %q", err, want)
	}
}

func TestPDFBridgeErrorsMapToTheSentinels(t *testing.T) {
	cases := []struct {
		code string
		want error
	}{
		{"encrypted", ErrEncrypted},
		{"invalid", ErrCorruptPDF},
		{"unavailable", ErrPDFReaderUnavailable},
		{"failed", ErrPDFUnreadable},
		{"something new", ErrPDFUnreadable},
	}
	for _, c := range cases {
		err := error(NewPDFBridgeError(c.code, "No password given"))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.code, err, c.want)
		}
		if want := c.want.Error() + " (pdf.js: No password given)"; err.Error() != want {
			t.Errorf("%s: got %q, want %q", c.code, err, want)
		}
	}
	if got := NewPDFBridgeError("invalid", "").Error(); got != ErrCorruptPDF.Error() {
		t.Errorf("without detail: got %q", got)
	}
}

func TestPageFurnitureIsDropped(t *testing.T) {
	p1 := page(append([]PDFItem{
		item(123, 58, "United Nations", fontRoman, 14),
		item(503, 58, "S/2099/1", fontRoman, 10),
		item(123, 86, "Security Council", fontBold, 20),
		line(397, 86, "Distr.: General"),
		line(397, 98, "1 January 2099"),
		line(65, 748, "99-01234 (E) 010199"),
		item(65, 762, "*9901234*", "BCDEEE+Barcode 3 of 9 by request", 12),
		item(450, 762, "Please recycle", fontRoman, 7),
	}, filler(200, 40)...)...)
	p2 := page(append([]PDFItem{
		item(60, 49, "A running title of the document", fontBold, 8.5),
		item(60, 59, "S/2099/1", fontBold, 8.5),
		item(524, 754, "99-01234", fontRoman, 7),
		item(60, 755, "2/2", fontBold, 8.5),
	}, filler(82, 40)...)...)
	text, err := PDFText(doc(p1, p2))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"United Nations", "99-01234", "*9901234*", "Please recycle", "running title", "2/2"} {
		if strings.Contains(text, f) {
			t.Errorf("the text holds %q", f)
		}
	}
	paras := strings.Split(text, "\n\n")
	want := []string{"S/2099/1", "**Security Council**", "Distr.: General 1 January 2099"}
	for i, w := range want {
		if paras[i] != w {
			t.Errorf("paragraph %d: got %q, want %q", i+1, paras[i], w)
		}
	}
	if strings.Count(text, "S/2099/1") != 1 {
		t.Error("the running symbol is in the text")
	}
}

func TestFootnotesFollowTheParagraphOfTheirMarker(t *testing.T) {
	l1 := line(147, 100, "Recalling its resolution 1 (2099),")
	marker := item(l1.X+l1.Width, 96.5, "1", fontRoman, 6.5)
	l2 := line(147, 118, "Recalling also its resolution 2 (2099), and the")
	// The second paragraph runs over to page 2, its footnote's text too.
	p1 := page(append(append([]PDFItem{l1, marker, l2,
		item(l2.X+l2.Width, 114.5, "2", fontRoman, 6.5),
		line(123, 130, "report of the Secretary-General,")},
		filler(148, 38)...),
		line(147, 610, "Noting the report,"),
		item(100, 690, "__________________", fontBold, 8),
		item(117, 701, "1", fontRoman, 5.5),
		item(120, 704, "See A/99/1.", fontRoman, 8.5),
		item(117, 715, "2", fontRoman, 5.5),
		item(120, 718, "United Nations,", fontRoman, 8.5),
		after(item(120, 718, "United Nations,", fontRoman, 8.5), "Treaty Series", fontItalic, 8.5),
	)...)
	p2 := page(append([]PDFItem{
		line(123, 82, "which it welcomes,"),
		item(100, 700, "__________________", fontBold, 8),
		item(123, 712, "vol. 1, No. 1.", fontRoman, 8.5),
	}, filler(100, 40)...)...)
	paras := layoutOf(t, doc(p1, p2))
	var got []string
	for _, p := range paras {
		if strings.HasPrefix(p, "Recalling") || strings.HasPrefix(p, "¹") || strings.HasPrefix(p, "²") || strings.HasPrefix(p, "Noting") {
			got = append(got, p)
		}
	}
	want := []string{
		"Recalling its resolution 1 (2099),¹",
		"¹ See A/99/1.",
		"Recalling also its resolution 2 (2099), and the² report of the Secretary-General,",
		"² United Nations, *Treaty Series* vol. 1, No. 1.",
		"Noting the report, which it welcomes,",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParagraphsBreakAtGapsIndentsLabelsAndHeadings(t *testing.T) {
	// Lines 12 points apart throughout: no gap tells these paragraphs
	// apart, only indents, numbers and fonts.
	items := filler(82, 30) // long enough for a text layer
	y := 82 + 12*30 + 18.0
	next := func() float64 { y += 12; return y - 12 }
	items = append(items,
		line(147, next(), "First paragraph, indented, runs on to"),
		line(123, next(), "the margin;"),
		line(147, next(), "Second paragraph after an indent, on one line;"),
		item(123, next(), "A bold heading", fontBold, 10),
		line(123, next(), "text under the heading, not indented,"),
		line(123, next(), "on two lines:"),
		line(147, next(), "(a) a sub-paragraph after a colon;"),
		line(147, next(), "(b) another, which runs on under"),
		line(147, next(), "its own first line;"),
		line(147, next(), "12. A numbered paragraph at the same place,"),
		line(123, next(), "which runs on;"),
		line(147, next(), "Then (c) in running text stays in its"),
		line(123, next(), "(d) paragraph when the line before runs on."),
	)
	paras := layoutOf(t, doc(page(items...)))
	want := []string{
		"First paragraph, indented, runs on to the margin;",
		"Second paragraph after an indent, on one line;",
		"**A bold heading**",
		"text under the heading, not indented, on two lines:",
		"(a) a sub-paragraph after a colon;",
		"(b) another, which runs on under its own first line;",
		"12. A numbered paragraph at the same place, which runs on;",
		"Then (c) in running text stays in its (d) paragraph when the line before runs on.",
	}
	got := paras[len(paras)-len(want):]
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAParagraphSplitByAPageBreakIsJoined(t *testing.T) {
	page1 := func(last ...PDFItem) PDFPage {
		return page(append(filler(82, 50), last...)...)
	}
	cases := []struct {
		name  string
		last  []PDFItem // the last lines of page 1
		first PDFItem   // the first line of page 2
		want  string    // the paragraph(s) they make
	}{
		{"continued at the margin", []PDFItem{line(147, 700, "Recalling its resolutions, in"), line(123, 712, "particular")},
			line(123, 82, "resolution 1 (2099),"), "Recalling its resolutions, in particular resolution 1 (2099),"},
		{"continued after a comma, with a capital", []PDFItem{line(147, 700, "Recalling its resolutions on the"), line(123, 712, "matter,")},
			line(123, 82, "United Nations resolutions,"), "Recalling its resolutions on the matter, United Nations resolutions,"},
		{"a one-line first line continued at the margin", []PDFItem{line(147, 712, "Recalling its resolutions on")},
			line(123, 82, "the matter,"), "Recalling its resolutions on the matter,"},
		{"a sub-paragraph continued under its first line", []PDFItem{line(147, 700, "(a) To protect civilians under"), line(147, 712, "threat of")},
			line(147, 82, "physical violence;"), "(a) To protect civilians under threat of physical violence;"},
		{"a new paragraph, indented", []PDFItem{line(147, 700, "Recalling its resolutions on the"), line(123, 712, "matter,")},
			line(147, 82, "Noting the report,"), "Recalling its resolutions on the matter,\n\nNoting the report,"},
		{"a new numbered paragraph", []PDFItem{line(147, 700, "(a) To protect civilians under"), line(147, 712, "threat;")},
			line(147, 82, "(b) To support the peace process;"), "(a) To protect civilians under threat;\n\n(b) To support the peace process;"},
		{"a new sentence after a full stop", []PDFItem{line(147, 700, "1. Decides to remain seized of"), line(123, 712, "the matter.")},
			line(123, 82, "Annex text at the margin."), "1. Decides to remain seized of the matter.\n\nAnnex text at the margin."},
		{"a heading", []PDFItem{line(147, 700, "Recalling its resolutions on the"), line(123, 712, "matter,")},
			item(123, 82, "Political situation", fontBold, 10), "Recalling its resolutions on the matter,\n\n**Political situation**"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := doc(page1(c.last...), page(append([]PDFItem{c.first}, filler(100, 50)...)...))
			text, err := PDFText(d)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(text, "\n\n"+c.want+"\n\n") {
				t.Errorf("the text does not hold %q:\n%s", c.want, text)
			}
		})
	}
}

func TestItalicsAndBoldBecomeMarkersAroundWholeWords(t *testing.T) {
	mk := func(parts ...PDFItem) string {
		t.Helper()
		items := append(filler(82, 30), parts...)
		paras := layoutOf(t, doc(page(items...)))
		return paras[len(paras)-1]
	}
	y := 500.0
	a := item(147, y, "Recalling also", fontItalic, 10)
	b := after(a, "its resolution,", fontRoman, 10)
	if got, want := mk(a, b), "*Recalling also* its resolution,"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// pdf.js's own space items, in the italic font, between two fontRoman
	// words and between two italic ones.
	c := item(147, y, "Decides", fontItalic, 10)
	sp := PDFItem{Str: " ", X: c.X + c.Width, Y: y, Width: 2.5, FontSize: 10, Font: fontItalic}
	d := item(sp.X+sp.Width, y, "further", fontItalic, 10)
	sp2 := PDFItem{Str: " ", X: d.X + d.Width, Y: y, Width: 2.5, FontSize: 10, Font: fontItalic}
	e := item(sp2.X+sp2.Width, y, "that it will,", fontRoman, 10)
	if got, want := mk(c, sp, d, sp2, e), "*Decides further* that it will,"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Italic for part of a word: the word takes the style of most of it.
	f := item(147, y, "UNMISS", fontItalic, 10)
	g := item(f.X+f.Width, y, "’s mandate,", fontRoman, 10)
	if got, want := mk(f, g), "*UNMISS’s* mandate,"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// An italic phrase across a line break stays one phrase.
	h := item(147, y, "Expresses its", fontItalic, 10)
	i := item(123, y+12, "concern", fontItalic, 10)
	j := after(i, "at the situation,", fontRoman, 10)
	if got, want := mk(h, i, j), "*Expresses its concern* at the situation,"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	k := item(123, y, "Bold and", fontBold, 10)
	m := after(k, "bold italic", "TimesNewRomanPS-BoldItalicMT", 10)
	if got, want := mk(k, m), "**Bold and** ***bold italic***"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestACompoundBrokenAtALineEndIsJoined(t *testing.T) {
	items := append(filler(82, 30),
		line(147, 500, "capacity-"),
		line(123, 512, "building and gender -"),
		line(123, 524, "based violence - as printed,"),
	)
	paras := layoutOf(t, doc(page(items...)))
	// "gender -" then "based": the spaces around the hyphen are soft (one
	// inside an item's string, one a line break after it) and
	// "gender-based" is a word of the vocabulary: the compound is torn
	// (pdf_words.go). "violence - as" is no compound: kept as printed.
	if got, want := paras[len(paras)-1], "capacity-building and gender-based violence - as printed,"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTheSecondColumnOfALineIsAParagraphOfItsOwn(t *testing.T) {
	sc := item(123, 86, "Security Council", fontBold, 20)
	sp := PDFItem{Str: " ", X: sc.X + sc.Width, Y: 86, Width: 100, FontSize: 20, Font: fontBold}
	items := append([]PDFItem{sc, sp, line(397, 86.3, "Distr.: General"), line(397, 98, "1 January 2099")}, filler(200, 30)...)
	paras := layoutOf(t, doc(page(items...)))
	if paras[0] != "**Security Council**" || paras[1] != "Distr.: General 1 January 2099" {
		t.Errorf("got %q", paras[:2])
	}
}

func TestFontStyles(t *testing.T) {
	cases := []struct {
		font    string
		style   style
		barcode bool
	}{
		{"TimesNewRomanPSMT", 0, false},
		{"TimesNewRomanPS-ItalicMT", italic, false},
		{"TimesNewRomanPS-BoldMT", bold, false},
		{"ABCDEF+TimesNewRomanPS-BoldItalicMT", bold | italic, false},
		{"Times New Roman,Italic", italic, false},
		{"Times New Roman,Bold", bold, false},
		{"Arial-BoldObliqueMT", bold | italic, false},
		{"BCDEEE+Barcode 3 of 9 by request,BoldItalic", bold | italic, true},
		{"", 0, false},
	}
	for _, c := range cases {
		st, bc := fontStyle(c.font)
		if st != c.style || bc != c.barcode {
			t.Errorf("%q: got style %d barcode %v, want %d %v", c.font, st, bc, c.style, c.barcode)
		}
	}
}

func TestSpacesInsideAnItemsStringTearWordsButSpacesBetweenItemsDoNot(t *testing.T) {
	y := 500.0
	// pdf.js's "of its Presid en t": one item, its spaces soft.
	a := item(147, y, "of its Presid en t", fontRoman, 10)
	sp := PDFItem{Str: " ", X: a.X + a.Width, Y: y, Width: 2.5, FontSize: 10, Font: fontRoman}
	// "o", a space item, "f": three items, a printed space.
	b := item(sp.X+sp.Width, y, "o", fontRoman, 10)
	sp2 := PDFItem{Str: " ", X: b.X + b.Width, Y: y, Width: 2.5, FontSize: 10, Font: fontRoman}
	c := item(sp2.X+sp2.Width, y, "f", fontRoman, 10)
	// "two", a space item narrower than any space between words, "-State".
	d := after(c, "two", fontRoman, 10)
	sp3 := PDFItem{Str: " ", X: d.X + d.Width, Y: y, Width: 1.1, FontSize: 10, Font: fontRoman}
	e := item(sp3.X+sp3.Width, y, "-State solution ,", fontRoman, 10)
	paras := layoutOf(t, doc(page(append(filler(82, 30), a, sp, b, sp2, c, d, sp3, e)...)))
	if got, want := paras[len(paras)-1], "of its President o f two-State solution,"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
