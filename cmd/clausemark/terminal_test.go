//go:build !(js && wasm)

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
)

func TestATerminalWriterShowsControlCharacters(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"plain text, line breaks and tabs", []string{"Quels pays ? 🌍\n\tOP21\r\n"}, "Quels pays ? 🌍\n\tOP21\r\n"},
		{"an escape sequence", []string{"a\x1b[2Jb"}, `a\x1b[2Jb`},
		{"OSC 52 to the clipboard", []string{"\x1b]52;c;ZXZpbA==\x07"}, `\x1b]52;c;ZXZpbA==\x07`},
		{"a carriage return that overwrites the line", []string{"safe\rrm -rf"}, `safe\x0drm -rf`},
		{"DEL and C1 controls", []string{"x\x7fy\u009b2Jz"}, `x\x7fy\u009b2Jz`},
		{"text direction overrides", []string{"abc\u202edcb"}, `abc\u202edcb`},
		{"a byte that is not UTF-8", []string{"a\x9b[2Jb"}, `a\x9b[2Jb`},
		{"a character cut between writes", []string{"é\xc2", "\x9b!", "\xf0\x9f", "\x8c\x8d"}, `é\u009b!🌍`},
		{"a CRLF cut between writes", []string{"line\r", "\nnext"}, "line\r\nnext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := &terminalWriter{w: &buf}
			for _, s := range tt.writes {
				if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", s, n, err)
				}
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// hostileFile is an annotation file whose note, author and symbol-like text
// hold escape sequences.
func hostileFile(t *testing.T) string {
	t.Helper()
	s := annotations.NewSet(seedDocument(t), editClock())
	create(t, s, "op21", "non-traditional donor countries", annotations.Request, "see \x1b]52;c;ZXZpbA==\x07 and \x1b[2J\u009b31m", "")
	return writeFile(t, "hostile.json", exportWith(t, annotations.ExportJSON, s))
}

func TestWhatTheCommandWritesToATerminalIsEscaped(t *testing.T) {
	fixClock(t)
	master, tty := openPTY(t)
	name := hostileFile(t)
	if err := run([]string{"export", "-format", "markdown", name}, terminalSafe(tty), terminalSafe(tty)); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	got := readAll(t, master)
	if strings.ContainsAny(got, "\x1b\x07") || strings.Contains(got, "\u009b") {
		t.Errorf("control characters reached the terminal: %q", got)
	}
	if !strings.Contains(got, `see \x1b\]52;c;ZXZpbA==\x07 and \x1b\[2J\u009b31m`) {
		t.Errorf("the note is not shown escaped: %q", got)
	}
}

func TestWhatTheCommandWritesToAPipeIsUnchanged(t *testing.T) {
	fixClock(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if terminalSafe(w) != io.Writer(w) {
		t.Fatal("a pipe is taken for a terminal")
	}
	done := make(chan string)
	go func() { b, _ := io.ReadAll(r); done <- string(b) }()
	err = run([]string{"export", "-format", "markdown", hostileFile(t)}, terminalSafe(w), io.Discard)
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := <-done; !strings.Contains(got, "see \x1b\\]52;c;ZXZpbA==\x07 and \x1b\\[2J\u009b31m") {
		t.Errorf("the bytes of the note were changed on a pipe: %q", got)
	}
}

func TestServeRefusesADocumentLargerThanItServes(t *testing.T) {
	seed := resolution.Seed()
	big := bytes.Repeat(seed, server.MaxDocumentSize/len(seed)+1)
	name := writeFile(t, "huge.txt", big)
	_, _, err := runCmd(t, "serve", "-addr", "127.0.0.1:0", "-web", t.TempDir(), "-doc", name)
	if !errors.Is(err, server.ErrDocumentTooLarge) || !strings.Contains(err.Error(), name) ||
		!strings.Contains(err.Error(), fmt.Sprintf("at most %d MB", server.MaxDocumentSize>>20)) {
		t.Errorf("got %v, want a message naming the file and the limit", err)
	}
}

func readAll(t *testing.T, f *os.File) string {
	t.Helper()
	var buf bytes.Buffer
	b := make([]byte, 4096)
	for {
		n, err := f.Read(b)
		buf.Write(b[:n])
		if err != nil {
			break // EIO once the terminal side is closed
		}
	}
	return strings.ReplaceAll(buf.String(), "\r\n", "\n")
}
