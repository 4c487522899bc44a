package annotations

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"
)

func TestCSVSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+33 1 23", "'+33 1 23"},
		{"-2", "'-2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=1", "a=1"},
		{"“=quoted”", "“=quoted”"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := csvSafe(tt.in); got != tt.want {
			t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// readCSV checks the byte order mark and the line ends of a CSV export and
// reads its rows.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data[3:], []byte("\xef\xbb\xbf")) {
		t.Errorf("want one UTF-8 byte order mark first, got %q", data[:min(8, len(data))])
	}
	if !utf8.Valid(data) {
		t.Error("the file is not UTF-8")
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("want CRLF line ends")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Errorf("header %q, want %q", rows[0], CSVHeader)
	}
	return rows
}

// The columns of CSVHeader.
const (
	colDocument = iota
	colLabel
	colTag
	colLabels
	colQuote
	colClauseText
	colNote
	colAuthor
	colCreated
	colModified
	colClause
	colStart
	colEnd
	colID
)

func TestCSVExportReadsBackAsRFC4180(t *testing.T) {
	s := fixtureSet(t)
	data, err := ExportCSV(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, data)
	all := s.All()
	if len(rows) != len(all)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(all)+1)
	}
	doc := s.Document()
	for i, a := range all {
		row := rows[i+1]
		label, text := "", ""
		if c, ok := doc.Clause(a.Clause); ok && doc.Fits(a) {
			label, text = c.Label, c.Text
		}
		want := []string{doc.Symbol, label, string(a.Tag), "", a.Exact, text, csvSafe(a.Note), csvSafe(a.Author),
			formatTime(a.Created), formatTime(a.Modified), a.Clause, strconv.Itoa(a.Start), strconv.Itoa(a.End), a.ID}
		want[colLabels] = row[colLabels] // checked below
		if !slices.Equal(row, want) {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, row, want)
		}
	}
	byID := map[string][]string{}
	for _, row := range rows[1:] {
		byID[row[colID]] = row
	}
	op8, op21 := byID[nameID("test\nop8")], byID[nameID("test\nop21")]
	if op8[colNote] != `'=HYPERLINK("http://evil.example","click")` || op21[colAuthor] != "'@mission" {
		t.Errorf("formula cells not escaped: %q, %q", op8[colNote], op21[colAuthor])
	}
	if op8[colAuthor] != "Délégation de l’Uruguay" || !bytes.Contains(data, []byte("D\xc3\xa9l\xc3\xa9gation de l\xe2\x80\x99Uruguay")) {
		t.Errorf("the accents of %q are not UTF-8 in the file", op8[colAuthor])
	}
	if labelled := byID[nameID("test\npp5-labels")]; labelled[colTag] != "" || labelled[colLabels] != "UNGA; follow-up" {
		t.Errorf("untagged annotation with labels: tag %q, labels %q", labelled[colTag], labelled[colLabels])
	}
	if orphan := byID[nameID("test\norphan")]; orphan[colLabel] != "" || orphan[colClauseText] != "" || orphan[colClause] != "op21" || orphan[colStart] != "80" {
		t.Errorf("an orphan: %q", orphan)
	}
}

func TestTheCSVOfSeveralDocumentsSaysTheDocumentOfEachRow(t *testing.T) {
	draft, seed := draftSet(t), fixtureSet(t)
	data, err := WriteCSV([]Selection{draft.Selection(nil), seed.Selection(func(a Annotation) bool { return a.Tag == Concern })})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "several.csv", data)
	rows := readCSV(t, data)
	var got []string
	for _, row := range rows[1:] {
		got = append(got, row[colDocument]+" "+row[colLabel]+" "+row[colTag])
	}
	want := []string{
		"A/C.3/78/L.99 PP1 request", "A/C.3/78/L.99 OP1 concern", "A/C.3/78/L.99 OP2(a) request", "A/C.3/78/L.99 Annex, 1 request",
		"A/C.3/78/L.99  request", // the orphan
		"A/HRC/RES/53/11 OP8 concern", "A/HRC/RES/53/11 OP12 concern", "A/HRC/RES/53/11  concern",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	empty, err := WriteCSV(nil)
	if err != nil || string(empty) != "\ufeffdocument,label,tag,labels,quote,clause_text,note,author,created,modified,clause,start,end,id\r\n" {
		t.Errorf("no selection: %q, %v", empty, err)
	}
}
