package annotations

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
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

func TestCSVExportReadsBackAsRFC4180(t *testing.T) {
	s := fixtureSet(t)
	data, err := ExportCSV(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Errorf("want CRLF line ends and no byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Errorf("header %q, want %q", rows[0], CSVHeader)
	}
	all := s.All()
	if len(rows) != len(all)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(all)+1)
	}
	for i, a := range all {
		row := rows[i+1]
		note := a.Note
		if safe := csvSafe(note); safe != note {
			note = safe
		}
		if row[0] != a.ID || row[6] != a.Exact || row[7] != note || row[3] != string(a.Tag) {
			t.Errorf("row %d = %q, want the annotation %s", i+1, row, a.ID)
		}
	}
	byID := map[string][]string{}
	for _, row := range rows[1:] {
		byID[row[0]] = row
	}
	op8, op21 := byID[nameID("test\nop8")], byID[nameID("test\nop21")]
	if op8[7] != `'=HYPERLINK("http://evil.example","click")` || op21[8] != "'@mission" {
		t.Errorf("formula cells not escaped: %q, %q", op8[7], op21[8])
	}
	if labelled := byID[nameID("test\npp5-labels")]; labelled[3] != "" || labelled[11] != "UNGA; follow-up" {
		t.Errorf("untagged annotation with labels: tag %q, labels %q", labelled[3], labelled[11])
	}
}
