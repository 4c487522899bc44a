package app

import (
	"strings"
	"testing"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"golang.org/x/net/html"
)

// The list of /annotations is one piece of HTML made by hand: every text
// of a document or a delegate must come out as text, the links must lead
// to each highlight, and the tag letter must stay hidden from screen
// readers.
func TestAllAnnotationsListIsEscapedTextWithLinksToEachHighlight(t *testing.T) {
	hostile := `<img src=x onerror="alert(1)"> & "quotes" 'too'`
	ss := []library.Summary{{ID: "S-2024-400", Symbol: "S/2024/400", Title: "Title " + hostile, Clauses: []string{"op1"}}}
	as := []annotations.Annotation{
		{ID: "a1", Document: "S/2024/400", Clause: "op1", Exact: "quote " + hostile, Tag: annotations.Request, Note: "note " + hostile, Labels: []string{"l<1>", "l2"}, Author: "Ann <b>"},
		{ID: "a2", Document: "S/2024/400", Clause: "op1", Exact: "plain", Labels: []string{"only a label"}},
		{ID: "a3", Document: "A/1", Clause: "op9", Exact: "unknown document", Tag: annotations.Concern},
	}
	r := library.NewIndex(ss, as).Filter(library.Query{})
	doc, err := html.Parse(strings.NewReader(annotationsHTML(r.Groups(0, 100))))
	if err != nil {
		t.Fatal(err)
	}
	var (
		items, letters []*html.Node
		links          = map[string]string{} // href → text
		elements       []string
	)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			elements = append(elements, n.Data)
			switch {
			case n.Data == "li" && hasClass(n, "cm-item"):
				items = append(items, n)
			case n.Data == "a":
				links[attr(n, "href")] = textOf(n)
			case hasClass(n, "cm-tag-letter"):
				letters = append(letters, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, e := range elements {
		if e == "img" || e == "b" {
			t.Errorf("a text became a <%s> element", e)
		}
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	byID := map[string]*html.Node{}
	for _, it := range items {
		byID[attr(it, "data-item")] = it
	}
	if got := attr(byID["a1"], "data-tag"); got != "request" {
		t.Errorf("the request's item has data-tag %q", got)
	}
	if _, ok := attrOK(byID["a2"], "data-tag"); ok || byID["a2"] == nil {
		t.Error("the untagged item is missing or has a data-tag")
	}
	want := map[string]string{
		"/d/S-2024-400":    "S/2024/400 — Title " + hostile,
		"/d/S-2024-400#a1": "RRequest“quote " + hostile + "”note " + hostile + "l<1>, l2— Ann <b>",
		"/d/S-2024-400#a2": "Untagged“plain”only a label",
		"/d/A-1#a3":        "!Concern“unknown document”",
	}
	for href, text := range want {
		if got, ok := links[href]; !ok || got != text {
			t.Errorf("link %s: %q, want %q", href, got, text)
		}
	}
	if len(links) != len(want) {
		t.Errorf("links %q, want those of %q", links, want)
	}
	if len(letters) != 2 {
		t.Errorf("%d tag letters, want 2", len(letters))
	}
	for _, l := range letters {
		if attr(l, "aria-hidden") != "true" {
			t.Errorf("the tag letter %q is not hidden from screen readers", textOf(l))
		}
	}
	if !strings.Contains(textOf(doc), "A/1 (its text is not in this browser)") {
		t.Error("the document the library lacks is not named as such")
	}
}

func attrOK(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, name string) string { v, _ := attrOK(n, name); return v }

func hasClass(n *html.Node, class string) bool {
	return strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
