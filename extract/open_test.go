package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestOpenDetectsTheFormatByContentFirst(t *testing.T) {
	docx := readFixture(t, "docx/S_2024_400.docx")
	page := readFixture(t, "html/A-RES-73-7.html")
	cases := []struct {
		name   string
		data   []byte
		format Format
	}{
		{"resolution.txt", []byte("The General Assembly,\n"), FormatText},
		{"draft.docx", docx, FormatDOCX},
		{"draft (1)", docx, FormatDOCX},                  // no extension
		{"draft.txt", docx, FormatDOCX},                  // a wrong extension
		{"page.htm", page, FormatHTML},                   //
		{"page.txt", page, FormatHTML},                   // content first
		{"page.html", []byte("Plain words"), FormatHTML}, // extension second
		{"page", []byte("\xEF\xBB\xBF  <!DOCTYPE html><p>x"), FormatHTML},
		{"page.xhtml", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>`), FormatHTML},
		{"saved.htm", []byte("<!-- saved from url=(0014)about:internet --><html><p>x</p></html>"), FormatHTML},
		{"notes.md", []byte("<not a tag> but text"), FormatText},
		{"S_2018_221-EN.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), FormatPDF},
		{"junk-before.pdf", append(bytes.Repeat([]byte{' '}, 100), "%PDF-1.4"...), FormatPDF},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Detect(c.name, c.data)
			if err != nil || got != c.format {
				t.Errorf("got %q, %v; want %q", got, err, c.format)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	src, err := Open("S_2024_400.docx", readFixture(t, "docx/S_2024_400.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if src.Name != "S_2024_400.docx" || src.Format != FormatDOCX || !strings.Contains(src.Text, "16. *Requests* the Secretary-General to:") {
		t.Errorf("got %q %q and text %.80q…", src.Name, src.Format, src.Text)
	}
	src, err = Open("pasted", []byte("The General Assembly,\r\n\r\n1. *Decides*;"))
	if err != nil || src.Format != FormatText || src.Text != "The General Assembly,\n\n1. *Decides*;" {
		t.Errorf("got %+v, %v", src, err)
	}
}

func TestOpenRefusesWithAClearMessage(t *testing.T) {
	big := make([]byte, MaxFileSize+MaxFileSize/2)
	copy(big, "%PDF-1.7")
	cases := []struct {
		name   string
		data   []byte
		want   error
		format Format
		msg    string
	}{
		{"empty.docx", nil, ErrEmpty, "", "empty"},
		{"report.pdf", big, ErrTooLarge, "", "the file is 30.0 MB; Clausemark opens files up to 20 MB"},
		{"S_2018_221-EN.pdf", []byte("%PDF-1.7\n"), ErrNeedsBrowser, FormatPDF, "opened in the Clausemark app"},
		{"broken.pdf", []byte("<garbage>"), ErrCorrupt, FormatPDF, "not a PDF"},
		{"broken.docx", []byte("not a zip"), ErrCorrupt, FormatDOCX, "not a Word document"},
		{"old.doc", append(append([]byte{}, oleMagic...), utf16le("WordDocument")...), ErrLegacyWord, FormatDOCX, ".docx or PDF"},
		{"locked.docx", append(append([]byte{}, oleMagic...), utf16le("EncryptedPackage")...), ErrEncryptedDocument, FormatDOCX, "password-protected"},
		{"budget.xlsx", makeZip(t, [2]string{"xl/workbook.xml", "<workbook/>"}), ErrNotWord, FormatDOCX, "Excel"},
		{"letter.rtf", []byte(`{\rtf1\ansi Hello}`), ErrUnsupported, "", "RTF"},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrUnsupported, "", "picture"},
		{"scan.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), ErrUnsupported, "", "picture"},
		{"program", []byte("\x7fELF\x02\x01\x01\x00"), ErrNotText, FormatText, "binary"},
		{"latin1.txt", []byte("States\x92 rights"), ErrNotText, FormatText, "UTF-8"},
		{"scripts.html", []byte("<html><script>x()</script></html>"), ErrEmpty, FormatHTML, "no text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := Open(c.name, c.data)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("got %q, want it to say %q", err, c.msg)
			}
			if src.Name != c.name || src.Format != c.format || src.Text != "" {
				t.Errorf("got %q %q %q, want the name, format %q and no text", src.Name, src.Format, src.Text, c.format)
			}
		})
	}
}

func TestCheckSizeNamesTheSizeAndTheLimit(t *testing.T) {
	if err := CheckSize(MaxFileSize); err != nil {
		t.Errorf("at the limit: got %v", err)
	}
	err := CheckSize(32715571)
	if !errors.Is(err, ErrTooLarge) || err.Error() != "the file is 31.2 MB; Clausemark opens files up to 20 MB: open the resolution on its own, not a report or a compilation that holds it" {
		t.Errorf("got %v", err)
	}
}
