package extract

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLText returns the text of a web page in the format of
// resolution.Parse (see the package documentation). The page is parsed as
// a browser does (golang.org/x/net/html) and only read, never rendered:
// its text is taken from the <main> element (or role="main") if it has
// one, else from the body, without scripts, styles, templates, forms'
// controls, navigation, asides, the page's own banner header and footer,
// hidden elements, and in-page links that show no word (a footnote's
// back-link arrow). Block elements (p, div, li, h1–h6, tr, …) make
// blocks, <br> a line break and two of them a new block, table cells of a
// row are joined with a space; <i>/<em> become *…*, <b>/<strong> **…**
// (and the same set by an inline style), <sup> around digits becomes
// superscript digits, an <ol>'s items get their printed numbers ("3.",
// "c."), entities are decoded and white space is collapsed.
//
// The character encoding is read from a byte order mark or a <meta>
// charset: UTF-8, UTF-16 with a byte order mark, and windows-1252 (also
// for ISO-8859-1 and ASCII, as browsers do, and for a page that declares
// none and is not valid UTF-8). Others are refused with ErrUnsupported. A
// page with no text is refused with ErrEmpty.
func HTMLText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", newError(ErrEmpty, "the file is empty (0 bytes): open the file that holds the resolution's text")
	}
	src, err := decodeHTML(data)
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", newError(ErrCorrupt, "this web page cannot be read (%v): save it again from the browser", err)
	}
	root := findMain(doc)
	if root == nil {
		root = findElement(doc, atom.Body)
	}
	if root == nil {
		root = doc
	}
	var w htmlWriter
	w.walk(root)
	w.endBlock()
	if len(w.blocks) == 0 {
		return "", newError(ErrEmpty, "this web page holds no text (only scripts, styles, navigation or pictures): open the page that shows the resolution's text, or save that text as a .txt file")
	}
	return strings.Join(w.blocks, "\n\n") + "\n", nil
}

// findElement returns the first element of type a under n, nil if none.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// findMain returns the page's main content: the first <main> or
// role="main" element that is not hidden, nil if none.
func findMain(n *html.Node) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && (d.DataAtom == atom.Main || strings.EqualFold(getAttr(d, "role"), "main")) && !hidden(d) {
			return d
		}
	}
	return nil
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// skipped are the elements whose content is not the document's text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Nav: true, atom.Aside: true, atom.Dialog: true, atom.Map: true,
	atom.Audio: true, atom.Video: true, atom.Picture: true, atom.Img: true,
	atom.Datalist: true, atom.Frameset: true, atom.Frame: true,
}

// skippedRoles are ARIA landmarks of the page, not of the document.
var skippedRoles = map[string]bool{"banner": true, "navigation": true, "contentinfo": true, "search": true, "complementary": true}

// blockElements make blocks of their own.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Ul: true, atom.Html: true,
}

// sectioning elements make a header or footer inside them the document's
// own (an article's header holds its title), not the page's banner.
var sectioning = map[atom.Atom]bool{atom.Article: true, atom.Main: true, atom.Section: true}

// hidden reports an element that is not shown: the hidden attribute,
// aria-hidden="true", or an inline style display:none / visibility:hidden.
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(getAttr(n, "aria-hidden"), "true") {
		return true
	}
	st := compactStyle(getAttr(n, "style"))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// compactStyle lower-cases an inline style and drops its white space.
func compactStyle(s string) string {
	if s == "" {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// inlineStyle returns the formatting an element adds: i, em, cite, var,
// dfn italic; b, strong bold; font-style/font-weight in a style attribute.
func inlineStyle(n *html.Node) style {
	var st style
	switch n.DataAtom {
	case atom.I, atom.Em, atom.Cite, atom.Var, atom.Dfn:
		st |= italic
	case atom.B, atom.Strong:
		st |= bold
	}
	css := compactStyle(getAttr(n, "style"))
	if strings.Contains(css, "font-style:italic") || strings.Contains(css, "font-style:oblique") {
		st |= italic
	}
	for _, w := range []string{"font-weight:bold", "font-weight:bolder", "font-weight:600", "font-weight:700", "font-weight:800", "font-weight:900"} {
		if strings.Contains(css, w) {
			st |= bold
		}
	}
	return st
}

// list is an <ol> or <ul> being read: its next item number and style.
type list struct {
	ordered bool
	next    int
	step    int // 1, or -1 for a reversed list
	typ     string
}

// htmlWriter writes the blocks of a page.
type htmlWriter struct {
	blocks   []string
	lines    []string // lines of the block being written
	cur      inline   // the line being written
	italics  int
	bolds    int
	pre      int
	sections int // sectioning elements open
	lists    []*list
}

// frame is an element being walked, to undo its effects when it ends.
type frame struct {
	n     *html.Node
	st    style
	block bool
	list  bool
	sect  bool
}

// walk writes the text under root, without recursion (a page may nest
// elements very deeply).
func (w *htmlWriter) walk(root *html.Node) {
	type item struct {
		n    *html.Node
		exit *frame
	}
	stack := []item{}
	for c := root.LastChild; c != nil; c = c.PrevSibling {
		stack = append(stack, item{n: c})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.exit != nil {
			w.leave(it.exit)
			continue
		}
		n := it.n
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			continue
		case html.ElementNode:
		default:
			continue
		}
		f, descend := w.enter(n)
		if !descend {
			continue
		}
		stack = append(stack, item{exit: f})
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, item{n: c})
		}
	}
}

// enter starts an element; it reports whether to walk its children.
func (w *htmlWriter) enter(n *html.Node) (*frame, bool) {
	if skipped[n.DataAtom] || skippedRoles[strings.ToLower(getAttr(n, "role"))] || hidden(n) {
		return nil, false
	}
	if (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) && w.sections == 0 {
		return nil, false // the page's banner or footer
	}
	f := &frame{n: n}
	switch n.DataAtom {
	case atom.Br:
		w.lineBreak()
		return nil, false
	case atom.Sup:
		if t := strings.TrimSpace(textContent(n)); allDigits(t) {
			w.cur.marker(superscriptString(t))
			return nil, false
		}
	case atom.A:
		// A link within the page that shows no word (a footnote's
		// "back to text" arrow) is navigation, not text.
		if strings.HasPrefix(getAttr(n, "href"), "#") && !hasWord(textContent(n)) {
			return nil, false
		}
	case atom.Td, atom.Th:
		w.cur.space()
	case atom.Ol, atom.Ul:
		l := &list{ordered: n.DataAtom == atom.Ol, next: 1, step: 1, typ: getAttr(n, "type")}
		if hasAttr(n, "reversed") {
			l.step = -1
			l.next = countItems(n)
		}
		if v, err := strconv.Atoi(strings.TrimSpace(getAttr(n, "start"))); err == nil {
			l.next = v
		}
		w.lists = append(w.lists, l)
		f.list = true
	case atom.Pre:
		w.pre++
	}
	if sectioning[n.DataAtom] {
		w.sections++
		f.sect = true
	}
	if blockElements[n.DataAtom] {
		w.endBlock()
		f.block = true
	}
	if n.DataAtom == atom.Li {
		w.listItem(n)
	}
	f.st = inlineStyle(n)
	if f.st&italic != 0 {
		w.italics++
	}
	if f.st&bold != 0 {
		w.bolds++
	}
	return f, true
}

// leave ends an element.
func (w *htmlWriter) leave(f *frame) {
	if f.st&italic != 0 {
		w.italics--
	}
	if f.st&bold != 0 {
		w.bolds--
	}
	if f.list {
		w.lists = w.lists[:len(w.lists)-1]
	}
	if f.sect {
		w.sections--
	}
	if f.n.DataAtom == atom.Pre {
		w.pre--
	}
	if f.block {
		w.endBlock()
	}
}

// listItem writes the number of an item of an ordered list, as a browser
// shows it by default: "3.", "c.", "iii.".
func (w *htmlWriter) listItem(n *html.Node) {
	if len(w.lists) == 0 || !w.lists[len(w.lists)-1].ordered {
		return
	}
	l := w.lists[len(w.lists)-1]
	if v, err := strconv.Atoi(strings.TrimSpace(getAttr(n, "value"))); err == nil {
		l.next = v
	}
	typ := l.typ
	if t := getAttr(n, "type"); t != "" {
		typ = t
	}
	var num string
	switch typ {
	case "a":
		num = letters(l.next, 'a')
	case "A":
		num = letters(l.next, 'A')
	case "i":
		num = strings.ToLower(roman(l.next))
	case "I":
		num = roman(l.next)
	default:
		num = strconv.Itoa(l.next)
	}
	l.next += l.step
	w.cur.text(num+".", 0)
	w.cur.space()
}

// countItems counts the items of a list, for a reversed list's start.
func countItems(n *html.Node) int {
	c := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && ch.DataAtom == atom.Li {
			c++
		}
	}
	return c
}

// textContent returns the text under n, at most 64 bytes of it (enough to
// tell a footnote number).
func textContent(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			if b.Len() > 64 {
				break
			}
		}
	}
	return b.String()
}

// hasWord reports a letter or digit in s.
func hasWord(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

// text writes a text node in the current formatting.
func (w *htmlWriter) text(s string) {
	var st style
	if w.italics > 0 {
		st |= italic
	}
	if w.bolds > 0 {
		st |= bold
	}
	if w.pre == 0 {
		w.cur.text(s, st)
		return
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			w.lineBreak()
		}
		w.cur.text(line, st)
	}
}

// lineBreak ends the current line; a line break on an empty line ends the
// block (two <br> make a new paragraph).
func (w *htmlWriter) lineBreak() {
	if w.cur.empty() {
		w.endBlock()
		return
	}
	w.lines = append(w.lines, w.cur.String())
	w.cur = inline{}
}

// endBlock ends the current block, if it has text.
func (w *htmlWriter) endBlock() {
	if !w.cur.empty() {
		w.lines = append(w.lines, w.cur.String())
	}
	w.cur = inline{}
	if len(w.lines) > 0 {
		w.blocks = append(w.blocks, strings.Join(w.lines, "\n"))
		w.lines = nil
	}
}

// decodeHTML returns the page as UTF-8 text, decoded from its encoding.
func decodeHTML(data []byte) (string, error) {
	if s, ok, err := decodeBOM(data); ok || err != nil {
		return s, err
	}
	cs := metaCharset(data)
	switch cs {
	case "", "utf-8", "utf8", "unicode-1-1-utf-8", "unicode20utf8", "x-unicode20utf8":
		if utf8.Valid(data) {
			return string(data), nil
		}
		if cs == "" {
			// No declaration and not UTF-8: what browsers assume.
			return decodeWindows1252(data), nil
		}
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
		"us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819", "csisolatin1":
		return decodeWindows1252(data), nil
	}
	return "", newError(ErrUnsupported, "this web page is in the %q character encoding, which Clausemark does not read: open the page in a browser and save it again (it saves UTF-8), or copy its text into a .txt file", cs)
}

// metaCharset returns the lower-cased charset a page declares in its first
// 4 KB (<meta charset="…"> or http-equiv content="…; charset=…"), "" if
// none.
func metaCharset(data []byte) string {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	for i := 0; ; {
		j := bytes.Index(head[i:], []byte("<meta"))
		if j < 0 {
			return ""
		}
		i += j + 5
		end := bytes.IndexByte(head[i:], '>')
		if end < 0 {
			return ""
		}
		tag := head[i : i+end]
		k := bytes.Index(tag, []byte("charset"))
		if k < 0 {
			continue
		}
		v := bytes.TrimLeft(tag[k+7:], " \t\r\n")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
		n := 0
		for n < len(v) && (v[n] == '-' || v[n] == '_' || v[n] == '.' || v[n] == ':' || v[n] >= 'a' && v[n] <= 'z' || v[n] >= '0' && v[n] <= '9') {
			n++
		}
		if n > 0 {
			return string(v[:n])
		}
	}
}
