package extract

import (
	"errors"
	"strings"
	"testing"
)

func TestHTMLText(t *testing.T) {
	cases := []struct {
		name, page, want string
	}{
		{"blocks, inline formatting, entities", `<p><i>Recalling</i> its resolution&nbsp;72/4 &ldquo;on&rdquo; <b>bold</b> and <strong>strong</strong>,</p><div>Second</div>`,
			"*Recalling* its resolution 72/4 “on” **bold** and **strong**,\n\nSecond\n"},
		{"scripts, styles and the head dropped", `<html><head><title>T</title><style>p{}</style><script>var a = "1. Decides";</script></head><body><script>document.write("x")</script><noscript>Enable JS</noscript><template><p>t</p></template><p>Text</p></body></html>`,
			"Text\n"},
		{"the page's banner, navigation and footer dropped, the article's header kept", `<header><nav>Home</nav>United Nations</header><aside>Related</aside><article><header>A/RES/73/7</header><p>Body</p></article><footer>Copyright</footer>`,
			"A/RES/73/7\n\nBody\n"},
		{"only <main> when there is one", `<p>Site</p><div role="main"><p>Document</p></div><p>Footer</p>`, "Document\n"},
		{"hidden elements dropped", `<p>Shown</p><p hidden>h</p><p aria-hidden="true">a</p><p style="DISPLAY : none">d</p><p style="visibility:hidden">v</p>`, "Shown\n"},
		{"br breaks lines, two make a block", `<p>34th meeting<br>12 July 2023</p><font>First<br><br>Second<br/><br/>Third</font>`, "34th meeting\n12 July 2023\n\nFirst\n\nSecond\n\nThird\n"},
		{"sup digits are superscript digits", `<p>Treaty<sup>12</sup> and 1<sup>st</sup>, note<sup><a href="#fn3">3</a></sup></p>`, "Treaty¹² and 1st, note³\n"},
		{"back-link arrows dropped, links kept", `<p><sup>1</sup> A/73/85. <a href="#ref1">↩</a> <a href="https://undocs.org/A/73/85">A/73/85</a></p>`, "¹ A/73/85. A/73/85\n"},
		{"ordered lists are numbered as the browser shows them", `<ol><li>one<li>two</ol><ol start="5" type="a"><li>e<li value="9">i</ol><ol type="I" reversed><li>c<li>b</ol><ul><li>bullet</ul>`,
			"1. one\n\n2. two\n\ne. e\n\ni. i\n\nII. c\n\nI. b\n\nbullet\n"},
		{"table rows are blocks, cells joined by a space", `<table><tr><td>1.</td><td><i>Decides</i> to act;</td></tr><tr><td>2.</td><td>More</td></tr></table>`, "1. *Decides* to act;\n\n2. More\n"},
		{"italic and bold by inline style", `<p><span style="font-style: italic">Urges</span> <span style="font-weight:700">all</span></p>`, "*Urges* **all**\n"},
		{"pre keeps its lines", "<pre>line one\nline two</pre>", "line one\nline two\n"},
		{"deep nesting", strings.Repeat("<div>", 400) + "deep" + strings.Repeat("</div>", 400), "deep\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := HTMLText([]byte(c.page))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestHTMLTextEncodings(t *testing.T) {
	cases := []struct {
		name string
		page []byte
		want string
	}{
		{"windows-1252 declared", []byte("<meta charset=\"windows-1252\"><p>\x93Helms-Burton Act\x94 \x96 caf\xe9</p>"), "“Helms-Burton Act” – café\n"},
		{"ISO-8859-1 read as windows-1252", []byte("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\"><P>States\x92 rights</P>"), "States’ rights\n"},
		{"undeclared and not UTF-8", []byte("<p>\x93quoted\x94</p>"), "“quoted”\n"},
		{"UTF-8 declared", []byte("<meta charset=utf-8><p>Côte d’Ivoire</p>"), "Côte d’Ivoire\n"},
		{"UTF-16 with a byte order mark", append([]byte{0xFF, 0xFE}, utf16le("<p>Viet Nam</p>")...), "Viet Nam\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := HTMLText(c.page)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestHTMLTextRefuses(t *testing.T) {
	cases := []struct {
		name string
		page string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"only scripts and styles", `<html><head><script>var x = 1;</script></head><body><script>render()</script><style>p{}</style><nav>Home</nav></body></html>`, ErrEmpty},
		{"an unknown encoding", `<meta charset="shift_jis"><p>x</p>`, ErrUnsupported},
		{"nesting deeper than a parser keeps", strings.Repeat("<div>", 20000) + "deep", ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := HTMLText([]byte(c.page))
			if !errors.Is(err, c.want) {
				t.Errorf("got %q, %v; want %v", s, err, c.want)
			}
		})
	}
}
