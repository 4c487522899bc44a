package extract

import (
	"errors"
	"testing"
)

func TestPlainText(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"a byte order mark dropped, CRLF and CR made LF", []byte("\xEF\xBB\xBFThe General Assembly,\r\n\r\nRecalling\rits resolutions,"), "The General Assembly,\n\nRecalling\nits resolutions,"},
		{"a form feed is a blank line", []byte("end of page,\fnext page"), "end of page,\n\nnext page"},
		{"no-break spaces are spaces, markdown kept", []byte("12.\u00a0*Requests*\u202fthe"), "12. *Requests* the"},
		{"a vertical tab is a line end", []byte("line\vbreak"), "line\nbreak"},
		{"UTF-16 little-endian", append([]byte{0xFF, 0xFE}, utf16le("Côte d’Ivoire\r\n")...), "Côte d’Ivoire\n"},
		{"UTF-16 big-endian with a surrogate pair", []byte{0xFE, 0xFF, 0x00, 'A', 0xD8, 0x3D, 0xDE, 0x00}, "A😀"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := PlainText(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestPlainTextRefuses(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want error
		line int
	}{
		{"empty", nil, ErrEmpty, 0},
		{"only white space", []byte(" \n\t\r\n"), ErrEmpty, 0},
		{"invalid UTF-8 on line 3", []byte("The General Assembly,\n\nRecalling \xff\xfe its resolutions,\n"), ErrNotText, 3},
		{"a NUL byte on line 2", []byte("Title\nbinary\x00data\n"), ErrNotText, 2},
		{"binary data", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, ErrNotText, 1},
		{"odd UTF-16", []byte{0xFF, 0xFE, 'a'}, ErrNotText, 0},
		{"an unpaired surrogate", []byte{0xFF, 0xFE, 'a', 0, '\n', 0, 0x3D, 0xD8}, ErrNotText, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := PlainText(c.in)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %q, %v; want %v", s, err, c.want)
			}
			var e *Error
			if errors.As(err, &e); e == nil || e.Line != c.line {
				t.Errorf("got %#v, want an *Error on line %d", err, c.line)
			}
		})
	}
}
