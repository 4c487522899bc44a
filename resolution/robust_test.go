package resolution

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestTextThatIsNotAResolutionBecomesPlainParagraphs(t *testing.T) {
	readme := "# Clausemark\n\nAn *offline* annotator for UN resolutions.\n\n## Build\n\n```\ngo build ./...\n```\n\n- item one\n- item two\n\nThe Go Authors,\n\nSee LICENSE.\n"
	tests := []struct {
		name       string
		input      string
		paragraphs int
	}{
		{"plain prose", "It was a dark and stormy night.\nThe rain fell in torrents.\n\nExcept at occasional intervals.", 2},
		{"a markdown README", readme, 7},
		{"empty", "", 0},
		{"white space only", " \n\t\n\r\n   \n", 0},
		{"a draft without enacting formula", "1. *Decides* to act;\n\n2. *Requests* a report.", 2},
		{"another body's letter", "Dear Sir,\n\nI have the honour to transmit herewith the report.\n\nAccept, Sir, the assurances of my highest consideration.", 3},
		{"binary bytes", "\x01\x02\x03\x7f\x1b[0m\x05\n\x06\x07", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.input))
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if d.Recognised {
				t.Error("got recognised, want not recognised")
			}
			if got := len(d.Operative); got != tt.paragraphs {
				t.Errorf("paragraphs: got %d (%q), want %d", got, outline(d), tt.paragraphs)
			}
			for i, c := range d.Operative {
				if want := "p" + itoa(i+1); c.ID != want || c.Kind != Paragraph || c.Label != "P"+itoa(i+1) {
					t.Errorf("paragraph %d: got %s %s %s, want %s paragraph", i, c.ID, c.Label, c.Kind, want)
				}
			}
			if len(d.Preamble) != 0 || d.Vote != nil {
				t.Errorf("got preamble %d and vote %v, want none", len(d.Preamble), d.Vote)
			}
			if len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "not recognised") {
				t.Errorf("notes: got %q, want a note that the structure was not recognised", d.Notes)
			}
			checkDocument(t, []byte(tt.input), d)
		})
	}
}

func TestUnreadableBytesGiveAParseErrorWithTheLine(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"invalid UTF-8 in plain text", []byte("one\ntwo\nthr\xffee\n"), "line 3: invalid UTF-8"},
		{"a NUL byte", []byte("one\x00two"), "line 1: NUL byte"},
		{"CRLF line ends count as one", []byte("a\r\nb\r\nc\xc3\x28"), "line 3: invalid UTF-8"},
		{"invalid UTF-8 in a resolution", bytes.Replace(Seed(), []byte("Viet Nam"), []byte("Viet\xfe Nam"), 1), "line 179: invalid UTF-8"},
		{"Latin-1 text", []byte("R\xe9solution adopt\xe9e"), "line 1: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.input)
			var perr *ParseError
			if !errors.As(err, &perr) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			found := false
			for _, c := range d.Clauses() {
				found = found || strings.ContainsRune(c.Text, '\uFFFD')
			}
			if d.Vote != nil {
				for _, n := range d.Vote.InFavour {
					found = found || strings.ContainsRune(n, '\uFFFD')
				}
			}
			if !found {
				t.Errorf("got no U+FFFD in the document, want one in place of the unreadable byte")
			}
			checkDocument(t, tt.input, d)
		})
	}
	d, _ := Parse(bytes.Replace(Seed(), []byte("Viet Nam"), []byte("Viet\xfe Nam"), 1))
	if !d.Recognised || len(d.Operative) != 37 {
		t.Errorf("got recognised %v with %d operative paragraphs, want the still usable seed", d.Recognised, len(d.Operative))
	}
}

// big builds an input of about size bytes from pieces repeated.
func big(size int, pieces ...string) []byte {
	var b bytes.Buffer
	b.Grow(size + 1024)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(pieces[i%len(pieces)])
	}
	return b.Bytes()
}

// numbered builds an input of about size bytes from format, given 1, 2,
// 3, … in turn.
func numbered(size int, format string) []byte {
	var b bytes.Buffer
	b.Grow(size + 1024)
	for i := 1; b.Len() < size; i++ {
		fmt.Fprintf(&b, format, i)
	}
	return b.Bytes()
}

func TestA20MBInputParsesInSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB inputs in -short mode")
	}
	// A plain `go test` parses a 20 MB resolution and 5 MB of each
	// pathological shape (linear too: they only cost test time). Under the
	// race detector, ten times slower, everything is 2 MB so that
	// `go test -race ./...` stays quick.
	size, other := 20<<20, 5<<20
	if raceEnabled {
		size, other = 2<<20, 2<<20
	}
	seed := string(Seed())
	body := seed[strings.Index(seed, "Reaffirming its commitment"):strings.Index(seed, "*34th meeting")]
	tests := []struct {
		name  string
		input []byte
	}{
		{"a resolution with a 20 MB body", append(append([]byte(seed[:strings.Index(seed, "Reaffirming its commitment")]),
			big(size, body)...), seed[strings.Index(seed, "*34th meeting"):]...)},
		{"one long line", big(other, "word (a) ¹ *x* and, ")},
		{"many short blocks", big(other, "Recalling,\n\n", "(a) x;\n\n", "1. *Decides*\n\n", "¹ note\n\n", "lower\n\n")},
		{"binary bytes", big(other, "\x00\xff\xfe\n\x01\r")},
		{"a long vote record", append([]byte("*The General Assembly,*\n\n1. *Decides*.\n\n[Adopted by a recorded vote of 1 to 1.\n\nIn favour:\n\n"),
			big(other, "Chile and Peru and ", "France, ")...)},
		{"a pasted text without blank lines", append([]byte("The Security Council,\n"),
			big(other, "Recalling its resolution 1 (2000),\n", "Determining that the situation,\n", "Arms embargo\n",
				"1. Decides;\n", "• item,\n", "A/80/L.6 25-16107 2/2\n", "        Taking note of it,\n", "(a) To act;\n", "Annex\n")...)},
		{"paragraph numbers inside one line", append([]byte("The General Assembly,\n"), numbered(other, "%d. Decides to act; ")...)},
		{"a footnote under a rule on every page", append([]byte("The General Assembly,\n"),
			numbered(other, "Recalling its resolution,%[1]d\n__________________\n%[1]d See A/73/85.\n")...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			d, _ := Parse(tt.input)
			t.Logf("parsed %d MB in %v: %d clauses", len(tt.input)>>20, time.Since(start), len(d.Clauses()))
			checkDocument(t, tt.input, d)
		})
	}
}
