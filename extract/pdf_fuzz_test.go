package extract

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
)

// FuzzPDFText lays out documents made from arbitrary bytes: any answer of
// the bridge, however odd, gives text in the contract's format or an
// error, never a panic.
func FuzzPDFText(f *testing.F) {
	f.Add([]byte("Recalling its resolution 1 (2099),\x01\x7f12"))
	f.Add([]byte{0, 0, 0, 0, 255, 255, 255, 255})
	if data, err := os.ReadFile("../testdata/pdfjs/S_2019_90-EN.json"); err == nil {
		var d PDFDocument
		if json.Unmarshal(data, &d) == nil && len(d.Pages) > 0 {
			var seed []byte
			for _, it := range d.Pages[0].Items[:min(80, len(d.Pages[0].Items))] {
				seed = append(seed, byte(it.X), byte(it.Y), byte(it.FontSize), byte(len(it.Str)))
				seed = append(seed, it.Str...)
			}
			f.Add(seed)
		}
	}
	fonts := []string{fontRoman, fontItalic, fontBold, "Barcode 3 of 9 by request", "", "TimesNewRomanPS-BoldItalicMT"}
	strs := []string{" ", "", "1", "12", "*1901576*", "19-01576 (E)", "2/5", "__________", "(a)", "Decides", "-", "S/2019/90", "United Nations", "word-"}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &PDFDocument{}
		var p *PDFPage
		for i := 0; i+4 <= len(data); i += 4 {
			if p == nil || data[i] == 0 {
				d.Pages = append(d.Pages, PDFPage{Width: 612, Height: float64(data[i+1]) * 4})
				p = &d.Pages[len(d.Pages)-1]
			}
			n := int(data[i+3])
			var str string
			if n < len(strs) {
				str = strs[n]
			} else {
				end := min(len(data), i+4+n%16)
				str = string(data[i+4 : end])
			}
			x, y, size := float64(data[i])*2.5, float64(data[i+1])*3.1, float64(data[i+2]%24)
			if data[i+2] == 255 {
				x = math.NaN()
			}
			p.Items = append(p.Items, PDFItem{Str: str, X: x, Y: y, Width: size * 0.5 * float64(len(str)), Height: size, FontSize: size, Font: fonts[int(data[i+2])%len(fonts)], HasEOL: data[i]&1 == 1, Dir: "ltr"})
		}
		d.NumPages = len(d.Pages)
		text, err := PDFText(d)
		if err != nil {
			if !errors.Is(err, ErrNoTextLayer) && !errors.Is(err, ErrTooManyPages) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !strings.HasSuffix(text, "\n") || strings.HasSuffix(text, "\n\n") || strings.HasPrefix(text, "\n") {
			t.Fatalf("the text is not made of paragraphs: %q", text)
		}
		for _, p := range strings.Split(strings.TrimSuffix(text, "\n"), "\n\n") {
			if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "\n") {
				t.Fatalf("bad paragraph %q in %q", p, text)
			}
		}
	})
}
