package extract

import "strings"

// PDFText lays out the text of a PDF as resolution text.
func PDFText(d *PDFDocument) (string, error) {
	if d.NumPages > MaxPDFPages {
		return "", &TooManyPagesError{Pages: d.NumPages, Max: MaxPDFPages}
	}
	var b strings.Builder
	n := 0
	for _, p := range d.Pages {
		for _, it := range p.Items {
			b.WriteString(it.Str)
			n += len(strings.TrimSpace(it.Str))
		}
	}
	if n == 0 {
		return "", ErrNoTextLayer
	}
	return b.String(), nil
}
