package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// exportFormat is one of the export formats.
type exportFormat string

// The export formats.
const (
	exportJSON     exportFormat = "json"
	exportW3C      exportFormat = "w3c"
	exportMarkdown exportFormat = "markdown"
	exportCSV      exportFormat = "csv"
	// exportPrint is the print view of the brief (HTML), which opens in a
	// new tab rather than downloading.
	exportPrint exportFormat = "print"
)

// exportFiles are, per format, the writer, the file name suffix and type,
// and the format's name for the delegate.
var exportFiles = map[exportFormat]struct {
	write              func(*annotations.Set, func() time.Time) ([]byte, error)
	suffix, mime, name string
}{
	exportJSON:     {annotations.ExportJSON, ".json", "application/json", "JSON"},
	exportW3C:      {annotations.ExportW3C, ".w3c.jsonld", "application/ld+json", "W3C Web Annotation"},
	exportMarkdown: {annotations.ExportMarkdown, ".md", "text/markdown", "Markdown"},
	exportCSV:      {annotations.ExportCSV, ".csv", "text/csv", "CSV"},
	exportPrint:    {annotations.ExportPrint, ".html", "text/html", "print view"},
}

// exportFileName is e.g. "A-HRC-RES-53-11-annotations-2026-11-27.json".
func exportFileName(symbol string, f exportFormat, now time.Time) string {
	base := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		}
		return '-'
	}, symbol)
	return base + "-annotations-" + now.Format("2006-01-02") + exportFiles[f].suffix
}

func itoa(n int) string { return strconv.Itoa(n) }

// plural is "1 annotation", "2 annotations".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}
