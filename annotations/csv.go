package annotations

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"
)

// CSVHeader is the header row of the CSV exports: the document symbol
// first, the columns a person reads, then the raw position of the
// annotation (clause id, start, end) and its id.
var CSVHeader = []string{"document", "label", "tag", "labels", "quote", "clause_text", "note", "author", "created", "modified", "clause", "start", "end", "id"}

// ExportCSV writes the annotations of s as CSV (WriteCSV). now is not used
// (the rows carry their own times); it is there to match the other
// exports.
func ExportCSV(s *Set, now func() time.Time) ([]byte, error) {
	return WriteCSV([]Selection{s.Selection(nil)})
}

// WriteCSV writes a spreadsheet of the selections (FORMAT.md, "CSV"): a
// byte order mark, so that spreadsheet programs read the file as UTF-8,
// the header row CSVHeader, then one row per annotation, each selection in
// document order with its orphans last (their label and clause text are
// empty). RFC 4180: fields quoted when needed, CRLF line ends. The tag of
// an untagged annotation is empty; labels are joined by "; ". So that
// spreadsheets do not run them as formulas, cells that start with = + - @,
// a tab or a carriage return get a leading apostrophe (').
func WriteCSV(sels []Selection) ([]byte, error) {
	lists, err := ordered(sels)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString(byteOrderMark)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	for i, sel := range sels {
		doc := sel.Document
		for _, a := range lists[i] {
			label, text := "", ""
			if doc.Fits(a) {
				c, _ := doc.Clause(a.Clause)
				label, text = c.Label, c.Text
			}
			row := []string{
				doc.Symbol, label, string(a.Tag), strings.Join(a.Labels, "; "),
				a.Exact, text, a.Note, a.Author,
				formatTime(a.Created), formatTime(a.Modified),
				a.Clause, strconv.Itoa(a.Start), strconv.Itoa(a.End), a.ID,
			}
			for i, cell := range row {
				row[i] = csvSafe(cell)
			}
			if err := w.Write(row); err != nil {
				return nil, err
			}
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
