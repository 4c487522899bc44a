//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/resolution"
)

func TestParseReadsWordDocumentsAndWebPages(t *testing.T) {
	cases := []struct {
		file       string
		symbol     string
		pp, op, fn int
	}{
		{"docx/A-HRC-RES-53-11.docx", "A/HRC/RES/53/11", 33, 37, 5},
		{"docx/A-RES-73-6-typed.docx", "A/RES/73/6", 25, 14, 6},
		{"html/A-RES-73-7.html", "A/RES/73/7", 13, 28, 9},
		{"html/A-RES-73-8-windows-1252.html", "A/RES/73/8", 8, 5, 1},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			out, _, err := runCmd(t, "parse", filepath.Join("..", "..", "testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			var doc resolution.Document
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("the output is not JSON: %v", err)
			}
			if doc.Symbol != c.symbol || len(doc.Preamble) != c.pp || len(doc.Operative) != c.op || len(doc.Footnotes) != c.fn {
				t.Errorf("got %s with %d PP, %d OP, %d footnotes; want %s with %d, %d, %d",
					doc.Symbol, len(doc.Preamble), len(doc.Operative), len(doc.Footnotes), c.symbol, c.pp, c.op, c.fn)
			}
		})
	}
}

func TestParseRefusesWhatItCannotOpenWithAClearMessage(t *testing.T) {
	big := make([]byte, 21<<20)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"S_2024_400-EN.pdf", []byte("%PDF-1.7\n"), "PDF files are opened in the Clausemark app"},
		{"empty.txt", nil, "empty"},
		{"report.txt", big, "the file is 21.0 MB; Clausemark opens files up to 20 MB"},
		{"budget.docx", []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), "not a Word document"},
		{"old.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00"...), "save it as .docx or PDF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, c.name, c.data)
			out, _, err := runCmd(t, "parse", p)
			if err == nil || out != "" {
				t.Fatalf("got output %q and error %v, want an error only", out, err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, p+": ") || !strings.Contains(msg, c.want) {
				t.Errorf("got %q, want the file name, then %q", msg, c.want)
			}
		})
	}
}
