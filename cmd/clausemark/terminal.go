//go:build !(js && wasm)

package main

import (
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// Text from files (notes, symbols, titles, file names in messages) may hold
// control characters: escape sequences that move the cursor, change colours
// or titles, or, with OSC 52, write to the clipboard. Written to a terminal
// they act; so when stdout or stderr is a terminal (a character device),
// what the command writes there goes through a terminalWriter, which shows
// them instead (\x1b, \u009b). Pipes and files get the bytes unchanged.

// terminalSafe returns f itself, or, when f is a terminal, a writer that
// escapes control characters on their way to it.
func terminalSafe(f *os.File) io.Writer {
	if isTerminal(f) {
		return &terminalWriter{w: f}
	}
	return f
}

// isTerminal reports whether f is a character device: a terminal (or a
// device such as /dev/null, for which escaping is harmless).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// terminalWriter escapes what a terminal would act on: C0 control characters
// but line feed and tab (a carriage return only before a line feed, as in
// CRLF), DEL, the C1 controls (U+0080–U+009F), the Unicode controls of text
// direction, and bytes that are not UTF-8. A character cut between two
// writes is held until the next.
type terminalWriter struct {
	w       io.Writer
	pending []byte
}

// Write writes p, escaped; it reports len(p) when all went through.
func (t *terminalWriter) Write(p []byte) (int, error) {
	data := append(t.pending, p...)
	t.pending = nil
	out := make([]byte, 0, len(data)+len(data)/8)
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r' && i+1 == len(data):
				t.pending = append(t.pending, c) // a CRLF cut in two?
			case c == '\r' && data[i+1] == '\n', c == '\n', c == '\t', c >= 0x20 && c < 0x7f:
				out = append(out, c)
			default:
				out = fmt.Appendf(out, `\x%02x`, c)
			}
			i++
			continue
		}
		if !utf8.FullRune(data[i:]) {
			t.pending = append(t.pending, data[i:]...)
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, c)
		case unsafeRune(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// unsafeRune reports whether a terminal would act on r rather than show it:
// a C1 control or a control of text direction (which can make a line read
// otherwise than it is).
func unsafeRune(r rune) bool {
	return 0x80 <= r && r <= 0x9f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}
