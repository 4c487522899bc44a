package annotations

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"
)

// CSVHeader is the header row of ExportCSV.
var CSVHeader = []string{"id", "clause", "label", "tag", "start", "end", "exact", "note", "author", "created", "modified", "labels"}

// ExportCSV writes one row per annotation, in document order with orphans
// last (their label is empty), after the header row CSVHeader: RFC 4180
// (fields quoted when needed, CRLF line ends), UTF-8 without a byte order
// mark. The tag of an untagged annotation is empty; labels are joined by
// "; ". So that spreadsheets do not run them as formulas, cells that start
// with = + - @, a tab or a carriage return get a leading apostrophe (').
// now is not used (the rows carry their own times); it is there to match the
// other exports.
func ExportCSV(s *Set, now func() time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	doc := s.doc
	for _, a := range s.All() {
		label := ""
		if doc.Fits(a) {
			label = doc.Label(a.Clause)
		}
		row := []string{
			a.ID, a.Clause, label, string(a.Tag),
			strconv.Itoa(a.Start), strconv.Itoa(a.End),
			a.Exact, a.Note, a.Author,
			formatTime(a.Created), formatTime(a.Modified),
			strings.Join(a.Labels, "; "),
		}
		for i, cell := range row {
			row[i] = csvSafe(cell)
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// csvSafe defuses a cell that a spreadsheet would read as a formula.
func csvSafe(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
