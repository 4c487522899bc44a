package server

import (
	"bytes"
	"html"
	"strconv"
)

// EscapeAttributes writes the attributes of an HTML page made by go-app
// again with HTML's escaping. go-app writes each value with strconv.Quote: a
// '"' in it becomes `\"`, which HTML reads as the end of the value, so a
// document whose symbol or title holds `"><meta …>` would add elements to
// the page. Each quoted value is read back as Go wrote it and written as
// HTML wants it (& < > " ' as character references). A value that is not a
// Go string literal (raw HTML that the app already escaped) is decoded as
// HTML and written again the same way. Text between tags is left alone:
// go-app escapes it. Comments, doctype and closing tags are copied.
func EscapeAttributes(page []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(page) + len(page)/16)
	for i := 0; i < len(page); {
		lt := bytes.IndexByte(page[i:], '<')
		if lt < 0 {
			out.Write(page[i:])
			break
		}
		out.Write(page[i : i+lt])
		i += lt
		if i+1 >= len(page) || !isNameStart(page[i+1]) {
			// A closing tag, a comment, a doctype: up to its end.
			end := bytes.IndexByte(page[i:], '>')
			if end < 0 {
				out.Write(page[i:])
				break
			}
			out.Write(page[i : i+end+1])
			i += end + 1
			continue
		}
		i = copyTag(&out, page, i)
	}
	return out.Bytes()
}

func isNameStart(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// copyTag writes the start tag at page[i] with its attribute values escaped
// and returns the index after it.
func copyTag(out *bytes.Buffer, page []byte, i int) int {
	// The tag name.
	j := i + 1
	for j < len(page) && !isSpace(page[j]) && page[j] != '>' && page[j] != '/' {
		j++
	}
	out.Write(page[i:j])
	for j < len(page) {
		c := page[j]
		switch {
		case c == '>':
			out.WriteByte('>')
			return j + 1
		case isSpace(c) || c == '/':
			out.WriteByte(c)
			j++
			continue
		}
		// An attribute name.
		k := j
		for k < len(page) && !isSpace(page[k]) && page[k] != '=' && page[k] != '>' && page[k] != '/' {
			k++
		}
		out.Write(page[j:k])
		j = k
		if j >= len(page) || page[j] != '=' {
			continue
		}
		j++ // '='
		value, n := attributeValue(page[j:])
		out.WriteString(`="`)
		out.WriteString(html.EscapeString(value))
		out.WriteByte('"')
		j += n
	}
	return j
}

// goQuotedEnd returns the length of the Go double-quoted literal b starts
// with (up to its closing quote, escapes skipped), or len(b) when it does
// not end.
func goQuotedEnd(b []byte) int {
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		case '\n':
			return i
		}
	}
	return len(b)
}

// attributeValue reads the value at the start of b: a Go string literal (as
// go-app writes values), or an HTML value in double or single quotes, or
// unquoted. It returns the value, decoded, and the bytes it took.
func attributeValue(b []byte) (string, int) {
	if len(b) == 0 {
		return "", 0
	}
	switch b[0] {
	case '"':
		// Only the literal is converted to a string: converting the rest
		// of the page for each attribute made a large page quadratic.
		if lit, err := strconv.QuotedPrefix(string(b[:goQuotedEnd(b)])); err == nil {
			if v, err := strconv.Unquote(lit); err == nil {
				return html.UnescapeString(v), len(lit)
			}
		}
		fallthrough
	case '\'':
		end := bytes.IndexByte(b[1:], b[0])
		if end < 0 {
			return html.UnescapeString(string(b[1:])), len(b)
		}
		return html.UnescapeString(string(b[1 : 1+end])), end + 2
	}
	end := 0
	for end < len(b) && !isSpace(b[end]) && b[end] != '>' {
		end++
	}
	return html.UnescapeString(string(b[:end])), end
}
