package markup

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// seedDoc is the seed resolution, parsed.
func seedDoc(t testing.TB) *resolution.Document {
	t.Helper()
	doc, err := resolution.Parse(resolution.Seed())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// span makes an annotation on [start, end) of a clause text.
func span(id string, text string, start, end int, tag annotations.Tag) annotations.Annotation {
	r := []rune(text)
	return annotations.Annotation{ID: id, Clause: "op1", Start: start, End: end, Exact: string(r[start:end]), Tag: tag}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// textOf is the text of HTML without its markup and footnote markers.
func textOf(h string) string {
	h = regexp.MustCompile(`<sup class="cm-fnref"[^>]*>.*?</sup>`).ReplaceAllString(h, "")
	return html.UnescapeString(tagRE.ReplaceAllString(h, ""))
}

// markText is the text inside the marks of one annotation.
func markText(h, id string) string {
	var b strings.Builder
	depth := 0 // depth inside marks of id
	stack := []bool{}
	for i := 0; i < len(h); {
		switch {
		case strings.HasPrefix(h[i:], "<mark"):
			end := strings.IndexByte(h[i:], '>') + i
			own := strings.Contains(h[i:end], `data-annotation="`+id+`"`)
			stack = append(stack, own)
			if own {
				depth++
			}
			i = end + 1
		case strings.HasPrefix(h[i:], "</mark>"):
			if stack[len(stack)-1] {
				depth--
			}
			stack = stack[:len(stack)-1]
			i += len("</mark>")
		case h[i] == '<':
			end := strings.IndexByte(h[i:], '>') + i
			if strings.HasPrefix(h[i:], "<sup") {
				end = strings.Index(h[i:], "</sup>") + i + len("</sup>") - 1
			}
			i = end + 1
		default:
			j := strings.IndexByte(h[i:], '<')
			if j < 0 {
				j = len(h) - i
			}
			if depth > 0 {
				b.WriteString(h[i : i+j])
			}
			i += j
		}
	}
	return html.UnescapeString(b.String())
}

// node is an element or a text of the HTML the writer makes, parsed.
type node struct {
	name     string            // element name; "" for text
	attrs    map[string]string // attributes (a bare one has "")
	order    []string          // attribute names in order
	text     string            // the text, unescaped
	children []*node
	parent   *node
}

// parseHTML parses the HTML of WriteClauseText: elements with quoted or
// bare attributes, text, no comments, no void elements.
func parseHTML(t testing.TB, h string) *node {
	t.Helper()
	root := &node{name: "#root"}
	cur := root
	for i := 0; i < len(h); {
		switch {
		case strings.HasPrefix(h[i:], "</"):
			end := strings.IndexByte(h[i:], '>') + i
			name := h[i+2 : end]
			if cur.name != name {
				t.Fatalf("</%s> closes <%s> at %d", name, cur.name, i)
			}
			cur = cur.parent
			i = end + 1
		case h[i] == '<':
			end := strings.IndexByte(h[i:], '>') + i
			n := parseTag(t, h[i+1:end])
			n.parent = cur
			cur.children = append(cur.children, n)
			cur = n
			i = end + 1
		default:
			j := strings.IndexByte(h[i:], '<')
			if j < 0 {
				j = len(h) - i
			}
			cur.children = append(cur.children, &node{text: html.UnescapeString(h[i : i+j]), parent: cur})
			i += j
		}
	}
	if cur != root {
		t.Fatalf("<%s> is not closed", cur.name)
	}
	return root
}

// parseTag parses the inside of an opening tag: name and attributes.
func parseTag(t testing.TB, s string) *node {
	name, rest, _ := strings.Cut(s, " ")
	n := &node{name: name, attrs: map[string]string{}}
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		k := strings.IndexAny(rest, "= ")
		if k < 0 || rest[k] == ' ' {
			if k < 0 {
				k = len(rest)
			}
			n.attrs[rest[:k]] = ""
			n.order = append(n.order, rest[:k])
			rest = rest[k:]
			continue
		}
		if !strings.HasPrefix(rest[k+1:], `"`) {
			t.Fatalf("unquoted attribute in <%s>", s)
		}
		end := strings.IndexByte(rest[k+2:], '"') + k + 2
		n.attrs[rest[:k]] = html.UnescapeString(rest[k+2 : end])
		n.order = append(n.order, rest[:k])
		rest = rest[end+1:]
	}
	return n
}

// isMark reports whether n is an element of a highlight.
func (n *node) isMark() bool { return n.name == "mark" }

// isTagMark reports whether n is the tag letter of a highlight.
func (n *node) isTagMark() bool { _, ok := n.attrs[AttrTagMark]; return n.name == "span" && ok }

// nonText reports whether n is outside the plain text.
func (n *node) nonText() bool { _, ok := n.attrs[AttrNonText]; return n.name != "" && ok }

// String is a short form of the element for messages.
func (n *node) String() string {
	if n.name == "" {
		return fmt.Sprintf("%q", n.text)
	}
	var b strings.Builder
	b.WriteString("<" + n.name)
	for _, k := range n.order {
		fmt.Fprintf(&b, " %s=%q", k, n.attrs[k])
	}
	return b.String() + ">"
}
