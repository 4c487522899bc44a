//go:build js && wasm

package wasm

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeRecordsFast decodes the JSON text of an array of records as
// JSON.stringify writes them, several times faster than encoding/json in
// WebAssembly. Strings without escapes are substrings of text, not copies.
//
// It handles only what encoding/json would decode in the same way: an array
// of objects whose keys are exactly the record's JSON names, with string or
// integer values. On anything else (null, a float, an unknown or
// differently cased key, invalid JSON or UTF-8) it returns ok false, and
// the caller decodes text with encoding/json, which has the final word.
func decodeRecordsFast(text string) (rs []record, ok bool) {
	if !utf8.ValidString(text) {
		return nil, false
	}
	d := scanner{s: text}
	if !d.consume('[') {
		return nil, false
	}
	rs = make([]record, 0, strings.Count(text, `{"`))
	if d.consume(']') {
		return rs, d.end()
	}
	for {
		var r record
		if !d.object(&r) {
			return nil, false
		}
		rs = append(rs, r)
		if d.consume(',') {
			continue
		}
		if d.consume(']') {
			return rs, d.end()
		}
		return nil, false
	}
}

// scanner reads JSON text.
type scanner struct {
	s string
	i int
}

func (d *scanner) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// consume skips spaces, then c if it comes next.
func (d *scanner) consume(c byte) bool {
	d.space()
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// end reports whether only spaces are left.
func (d *scanner) end() bool {
	d.space()
	return d.i == len(d.s)
}

// object reads one record.
func (d *scanner) object(r *record) bool {
	if !d.consume('{') {
		return false
	}
	if d.consume('}') {
		return true
	}
	for {
		d.space()
		key, ok := d.str()
		if !ok || !d.consume(':') {
			return false
		}
		d.space()
		switch key {
		case "id":
			r.ID, ok = d.str()
		case "document":
			r.Document, ok = d.str()
		case "clause":
			r.Clause, ok = d.str()
		case "start":
			r.Start, ok = d.int()
		case "end":
			r.End, ok = d.int()
		case "exact":
			r.Exact, ok = d.str()
		case "prefix":
			r.Prefix, ok = d.str()
		case "suffix":
			r.Suffix, ok = d.str()
		case "tag":
			r.Tag, ok = d.str()
		case "note":
			r.Note, ok = d.str()
		case "author":
			r.Author, ok = d.str()
		case "labels":
			r.Labels, ok = d.strings()
		case "created":
			r.Created, ok = d.str()
		case "modified":
			r.Modified, ok = d.str()
		default:
			return false
		}
		if !ok {
			return false
		}
		if d.consume(',') {
			continue
		}
		return d.consume('}')
	}
}

// str reads a JSON string.
func (d *scanner) str() (string, bool) {
	if d.i >= len(d.s) || d.s[d.i] != '"' {
		return "", false
	}
	d.i++
	start := d.i
	for d.i < len(d.s) {
		switch c := d.s[d.i]; {
		case c == '"':
			d.i++
			return d.s[start : d.i-1], true
		case c == '\\':
			return d.escaped(start)
		case c < 0x20:
			return "", false
		default:
			d.i++
		}
	}
	return "", false
}

// escaped finishes reading a string that has escapes, from its start.
func (d *scanner) escaped(start int) (string, bool) {
	var b strings.Builder
	b.WriteString(d.s[start:d.i])
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return b.String(), true
		case c < 0x20:
			return "", false
		case c != '\\':
			b.WriteByte(c)
			d.i++
			continue
		}
		d.i++ // the backslash
		if d.i >= len(d.s) {
			return "", false
		}
		e := d.s[d.i]
		d.i++
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// A pair makes one rune; a lone half becomes U+FFFD, as in
				// encoding/json.
				r2 := rune(-1)
				if d.i+1 < len(d.s) && d.s[d.i] == '\\' && d.s[d.i+1] == 'u' {
					save := d.i
					d.i += 2
					if r2, ok = d.hex4(); !ok {
						return "", false
					}
					if utf16.DecodeRune(r, r2) == utf8.RuneError {
						d.i = save // not a pair: read the second escape again
						r2 = -1
					}
				}
				if r2 < 0 {
					r = utf8.RuneError
				} else {
					r = utf16.DecodeRune(r, r2)
				}
			}
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return "", false
}

// hex4 reads the four hexadecimal digits of a \u escape.
func (d *scanner) hex4() (rune, bool) {
	if d.i+4 > len(d.s) {
		return 0, false
	}
	n, err := strconv.ParseUint(d.s[d.i:d.i+4], 16, 32)
	if err != nil {
		return 0, false
	}
	d.i += 4
	return rune(n), true
}

// int reads a JSON number that is an integer in int range.
func (d *scanner) int() (int, bool) {
	start := d.i
	if d.i < len(d.s) && d.s[d.i] == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
		d.i++
	}
	if d.i == digits || (d.s[digits] == '0' && d.i-digits > 1) {
		return 0, false // no digits, or a leading zero
	}
	if d.i < len(d.s) {
		switch d.s[d.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	n, err := strconv.Atoi(d.s[start:d.i])
	return n, err == nil
}

// strings reads an array of strings.
func (d *scanner) strings() ([]string, bool) {
	if !d.consume('[') {
		return nil, false
	}
	out := []string{} // as encoding/json decodes [] (not nil)
	if d.consume(']') {
		return out, true
	}
	for {
		d.space()
		v, ok := d.str()
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if d.consume(',') {
			continue
		}
		return out, d.consume(']')
	}
}
