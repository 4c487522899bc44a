package annotations

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// printElements are the elements the print view is made of, and
// printAttributes the attributes they may have.
var (
	printElements = map[string]bool{
		"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
		"header": true, "h1": true, "h2": true, "h3": true, "h4": true, "dl": true, "dt": true, "dd": true,
		"article": true, "section": true, "div": true, "p": true, "span": true, "mark": true,
		"ul": true, "li": true, "q": true, "br": true,
	}
	printAttributes = map[string]bool{"lang": true, "charset": true, "http-equiv": true, "content": true, "name": true, "class": true}
)

// parsePrint parses a print view as a browser does and checks that it is
// made only of printElements with printAttributes, one style sheet that its
// policy allows and nothing that loads or runs.
func parsePrint(t *testing.T, data []byte) *html.Node {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")) {
		t.Errorf("the print view does not start as an HTML document in UTF-8: %q", data[:min(80, len(data))])
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var styles []string
	var policy string
	for n := range root.Descendants() {
		if n.Type == html.CommentNode {
			t.Errorf("a comment: %q", n.Data)
		}
		if n.Type != html.ElementNode {
			continue
		}
		if !printElements[n.Data] {
			t.Errorf("an element <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if !printAttributes[a.Key] || a.Namespace != "" {
				t.Errorf("<%s> has an attribute %s=%q", n.Data, a.Key, a.Val)
			}
		}
		switch n.Data {
		case "style":
			styles = append(styles, textOf(n))
		case "meta":
			if attr(n, "http-equiv") == "Content-Security-Policy" {
				policy = attr(n, "content")
			}
		}
	}
	if len(styles) != 1 {
		t.Fatalf("%d style sheets, want 1", len(styles))
	}
	sum := sha256.Sum256([]byte(styles[0]))
	if source := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; source != PrintStyleSource {
		t.Errorf("the style sheet's hash is %s, PrintStyleSource %s", source, PrintStyleSource)
	}
	if want := "default-src 'none'; style-src " + PrintStyleSource + ";"; !strings.HasPrefix(policy, want) {
		t.Errorf("policy %q, want it to start with %q", policy, want)
	}
	return root
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text content of a node.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// elements returns the elements named tag with the class class ("" for
// any) under n, in document order.
func elements(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == tag && (class == "" || strings.Contains(" "+attr(d, "class")+" ", " "+class+" ")) {
			out = append(out, d)
		}
	}
	return out
}

func TestThePrintViewSaysWhatTheBriefSays(t *testing.T) {
	s := fixtureSet(t)
	data, err := ExportPrint(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	root := parsePrint(t, data)
	if got := textOf(elements(root, "title", "")[0]); got != "Drafting brief: A/HRC/RES/53/11" {
		t.Errorf("title %q", got)
	}
	var headings []string
	for _, h := range append(elements(root, "h2", ""), elements(root, "h3", "")...) {
		headings = append(headings, textOf(h))
	}
	want := "Commitments (2) Requests (2) Concerns (2) Untagged (1) Needs review (2) " +
		"Preambular paragraphs Operative paragraphs Operative paragraphs Operative paragraphs Preambular paragraphs"
	if got := strings.Join(headings, " "); got != want {
		t.Errorf("headings:\n got %q\nwant %q", got, want)
	}
	if got := textOf(elements(root, "dl", "meta")[0]); got != "\nDocumentHuman Rights Council, Fifty-third session, adopted 12 July 2023\n"+
		"AuthorsDélégation de l’Uruguay, @mission, Hypothesis user\nExported1 March 2024\n"+
		"Annotations2 commitments, 2 requests, 2 concerns, 1 untagged; 2 to review\n" {
		t.Errorf("header %q", got)
	}
	// Each entry is its clause's label and full text; the marked words
	// are the quotes of its span annotations.
	doc := s.Document()
	var entries []string
	for _, div := range elements(root, "div", "clause") {
		p := elements(div, "p", "")[0]
		label := textOf(elements(p, "span", "label")[0])
		text := textOf(p)
		var c Clause
		for _, cc := range doc.Clauses {
			if cc.Label == label {
				c = cc
			}
		}
		if text != label+" — "+c.Text && text != label+" (whole clause) — "+c.Text {
			t.Errorf("entry %q, want the label and the text of the clause", text)
		}
		var marks []string
		for _, m := range elements(p, "mark", "") {
			marks = append(marks, textOf(m))
		}
		entries = append(entries, label+": "+strings.Join(marks, " | "))
	}
	wantEntries := []string{
		"PP2: “Transforming our world: the 2030 Agenda for Sustainable Development”", "OP23: the funds",
		"OP21: Requests | to seek to enhance dialogue with representatives from non-traditional donor countries",
		"OP8: ", "OP12: human rights and fundamental freedoms", "PP5: the duty to cooperate",
	}
	if strings.Join(entries, "\n") != strings.Join(wantEntries, "\n") {
		t.Errorf("entries:\n got %q\nwant %q", entries, wantEntries)
	}
	// A note keeps its line breaks; its text is the note's.
	var notes []string
	for _, n := range elements(root, "span", "note") {
		notes = append(notes, textOf(n))
	}
	if got := strings.Join(notes, "\n"); !strings.Contains(got, "# Not a heading- not a list1. not a list either   Last line 👍🏽") ||
		!strings.Contains(got, "Ancre **Agenda 2030** — voir [lien](http://example.org) & <b>gras</b>") {
		t.Errorf("notes %q", notes)
	}
	if n := len(elements(root, "br", "")); n != 4 {
		t.Errorf("%d line breaks, want the 4 of the note of OP21", n)
	}
	if got := len(elements(root, "li", "")); got != 8 {
		t.Errorf("%d items: want the 6 annotations that have a note or labels and the 2 to review", got)
	}
}

func TestUserTextCannotInjectHTML(t *testing.T) {
	hostile := []string{
		"<script>alert(1)</script>", "</style><script>alert(1)</script>", `"><img src=x onerror=alert(1)>`,
		"'><svg onload=alert(1)>", "<!-- x", "</title><script>alert(1)</script>", "<![CDATA[x]]>", "&lt;b&gt; &amp;",
		"<iframe src=javascript:alert(1)>", "</mark></p></div><script>x</script>", "<base href=//evil.example>",
	}
	for _, text := range hostile {
		t.Run(text, func(t *testing.T) {
			one := oneLine(text)
			doc, err := NewDocument(Document{Symbol: one, Title: text, Body: text, Session: text, Date: text,
				Clauses: []Clause{{ID: "op1", Label: one, Text: "Requests " + text + " to act;", Part: OperativePart}}})
			if err != nil {
				t.Fatal(err)
			}
			s := NewSet(doc, fixedNow)
			start := runeLen("Requests ")
			a, err := s.Create("op1", start, start+runeLen(text), Request, text+"\n"+text, one)
			if err != nil {
				t.Fatal(err)
			}
			a.Labels = []string{one}
			if _, err := s.Update(a); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateWhole("op1", Request, text, one); err != nil {
				t.Fatal(err)
			}
			orphan := a
			orphan.ID, orphan.Clause = nameID("test\norphan"), "op2"
			s.insert(orphan)
			for _, opts := range []BriefOptions{{Now: fixedNow}, {Delegation: "Mission " + text, Now: fixedNow}} {
				data, err := WritePrint([]Selection{s.Selection(nil)}, opts)
				if err != nil {
					t.Fatal(err)
				}
				root := parsePrint(t, data)
				texts := func(tag, class string) []string {
					var out []string
					for _, n := range elements(root, tag, class) {
						out = append(out, textOf(n))
					}
					return out
				}
				// What each element says is the text, to the letter.
				checks := []struct {
					tag, class string
					want       []string
				}{
					{"title", "", []string{"Drafting brief: " + one}},
					{"h1", "", []string{one + " " + one}},
					{"dd", "", []string{one + ", " + one + ", dated " + one, texts("dd", "")[1], "1 March 2024", "2 requests; 1 to review"}},
					{"span", "label", []string{one, "op2"}}, // the entry, the orphan (its clause is gone)
					{"mark", "", []string{text}},
					{"q", "", []string{shortQuote(text), one}}, // the span annotation, the orphan
					{"span", "note", []string{text, text + text, text + text}},
					{"span", "labelled", []string{one, one}},
				}
				if opts.Delegation != "" {
					checks = append(checks, struct {
						tag, class string
						want       []string
					}{"span", "author", []string{"(" + one + ")", "(" + one + ")", "(" + one + ")"}})
					if got := texts("dd", "")[1]; got != "Mission "+one {
						t.Errorf("delegation %q", got)
					}
				}
				for _, c := range checks {
					if got := texts(c.tag, c.class); strings.Join(got, "\x00") != strings.Join(c.want, "\x00") {
						t.Errorf("<%s class=%q>: got %q, want %q", c.tag, c.class, got, c.want)
					}
				}
				if strings.Contains(string(data), "<script") || strings.Contains(string(data), "<img") {
					t.Errorf("an element from the text came through:\n%s", data)
				}
			}
		})
	}
}

func TestThePrintViewOfSeveralDocumentsHasAnArticleForEach(t *testing.T) {
	sels := []Selection{draftSet(t).Selection(nil), fixtureSet(t).Selection(func(a Annotation) bool { return a.Tag == Request })}
	data, err := WritePrint(sels, BriefOptions{Delegation: "France", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	root := parsePrint(t, data)
	if got := textOf(elements(root, "h1", "")[0]); got != "Drafting brief: 2 documents" {
		t.Errorf("heading %q", got)
	}
	var got []string
	for _, art := range elements(root, "article", "document") {
		var hs []string
		for _, h := range elements(art, "h2", "") {
			hs = append(hs, textOf(h))
		}
		for _, h := range elements(art, "h3", "") {
			hs = append(hs, textOf(h))
		}
		for _, h := range elements(art, "h4", "") {
			hs = append(hs, textOf(h))
		}
		got = append(got, strings.Join(hs, "; "))
	}
	want := []string{
		"A/C.3/78/L.99 Cooperation on water; Requests (3); Concerns (1); Needs review (1); Preambular paragraphs; Operative paragraphs; Annexes; Operative paragraphs",
		"A/HRC/RES/53/11 Enhancement of international cooperation in the field of human rights; Requests (2); Needs review (1); Operative paragraphs",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n got %q\nwant %q", got, want)
	}
	if p := textOf(elements(root, "p", "meta")[0]); p != "Third Committee, dated 2 November 2023.\nAnnotations: 3 requests, 1 concern; 1 to review." {
		t.Errorf("the line of the draft %q", p)
	}
}
