package extract

import (
	"testing"
	"unicode/utf8"
)

// The fuzz tests check that the extractors never panic and return either
// valid, non-empty UTF-8 text or an *Error (and no text). Their seeds are
// the fixtures, the cases below and testdata/fuzz.

func checkOutput(t *testing.T, s string, err error) {
	t.Helper()
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("an error that is not an *Error: %#v", err)
		}
		if s != "" {
			t.Fatalf("text with an error: %q", s)
		}
		return
	}
	if !utf8.ValidString(s) || s == "" {
		t.Fatalf("invalid or empty text: %q", s)
	}
}

func FuzzDOCXText(f *testing.F) {
	for _, name := range []string{"docx/S_2024_400.docx", "docx/S_2024_400-libreoffice.docx", "docx/A-RES-73-6-typed.docx"} {
		f.Add(readFixture(f, name))
	}
	f.Add(makeDOCX(f, np("1", "1", r("x"))+p(`<w:r><w:footnoteReference w:id="1"/></w:r>`), numberingPart(decimalList+`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DOCXText(data)
		checkOutput(t, s, err)
	})
}

func FuzzHTMLText(f *testing.F) {
	f.Add(readFixture(f, "html/A-RES-73-7.html"))
	f.Add(readFixture(f, "html/A-RES-73-8-windows-1252.html"))
	f.Add([]byte(`<ol reversed start=-3><li value=99999999999>x<sup>1<sup>2</sup></sup></ol><br><br><pre>a
b</pre>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := HTMLText(data)
		checkOutput(t, s, err)
	})
}

func FuzzOpen(f *testing.F) {
	f.Add("a.txt", []byte("The General Assembly,\r\n\f1. *Decides*;"))
	f.Add("a.docx", []byte("PK\x03\x04"))
	f.Add("a.html", []byte("\xFF\xFE<\x00p\x00>\x00"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		src, err := Open(name, data)
		if err == nil && (src.Text == "" || !utf8.ValidString(src.Text)) {
			t.Fatalf("invalid text %q", src.Text)
		}
		if err != nil && src.Text != "" {
			t.Fatalf("text with an error")
		}
	})
}
