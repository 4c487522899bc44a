package annotations

import (
	"regexp"
	"strings"
	"testing"
)

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text with accents and emoji is kept", "Décide 👍🏽 東京 e\u0301", "Décide 👍🏽 東京 e\u0301"},
		{"emphasis markers are escaped", "*bold* _it_ **x**", `\*bold\* \_it\_ \*\*x\*\*`},
		{"links and images cannot form", "![img](x) [a](b)", `!\[img\](x) \[a\](b)`},
		{"HTML cannot form", "<script>alert(1)</script> &amp;", `\<script\>alert(1)\</script\> \&amp;`},
		{"code, tables and strikethrough are escaped", "`x` a|b ~~c~~ \\", "\\`x\\` a\\|b \\~\\~c\\~\\~ \\\\"},
		{"a heading on a later line is escaped", "a\n# b", "a\\\n  \\# b"},
		{"list markers on later lines are escaped", "a\n- b\n+ c\n12. d\n3) e", "a\\\n  \\- b\\\n  \\+ c\\\n  12\\. d\\\n  3\\) e"},
		{"a setext underline cannot form", "Title\n===\n---", "Title\\\n  \\===\\\n  \\---"},
		{"blank lines and indentation are dropped", "a\r\n\r\n    code?\rb", "a\\\n  code?\\\n  b"},
		{"a first line is not at the start of a line", "# a", `# a`},
		{"a blockquote on a later line is escaped", "a\n> b", "a\\\n  \\> b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeMarkdownText(tt.in, "  ", false); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEscapeMarkdownAtTheStartOfALine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# a", `\# a`},
		{"- a", `\- a`},
		{"1. a", `1\. a`},
		{"> a", `\> a`},
		{"```go\nx\n```", "\\`\\`\\`go\\\n    x\\\n    \\`\\`\\`"},
		{"| a | b |\n|---|---|", "\\| a \\| b \\|\\\n    \\|---\\|---\\|"},
		{"    indented code", "indented code"},
	}
	for _, tt := range tests {
		if got := escapeMarkdownText(tt.in, "    ", true); got != tt.want {
			t.Errorf("escapeMarkdownText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The expectations were checked with pandoc -f commonmark: each bold range
// renders as <strong> over the words given.
func TestMarkedMarkdown(t *testing.T) {
	tests := []struct {
		name, text string
		marks      [][2]int
		want       string
	}{
		{"a word", "Urges States to act", [][2]int{{6, 12}}, "Urges **States** to act"},
		{"spaces stay outside", "Urges States to act", [][2]int{{5, 13}}, "Urges **States** to act"},
		{"two ranges", "Requests the Office to seek", [][2]int{{0, 8}, {20, 27}}, "**Requests** the Office **to seek**"},
		{"overlapping ranges make one", "abcdef", [][2]int{{0, 3}, {2, 5}}, "**abcde**f"},
		{"touching ranges make one", "abcd", [][2]int{{0, 2}, {2, 4}}, "**abcd**"},
		{"ranges apart by a space stay apart", "ab cd", [][2]int{{0, 2}, {2, 5}}, "**ab** **cd**"},
		{"part of a word", "the funds;", [][2]int{{4, 8}}, "the **fund**s;"},
		{"quotes between spaces and punctuation", "entitled “Agenda”, in", [][2]int{{9, 17}}, "entitled **“Agenda”**, in"},
		{"punctuation inside a word grows to the word", "x(a)y z", [][2]int{{1, 4}}, "**x(a)y** z"},
		{"a closing quote before a letter grows to the word", "“a”b c", [][2]int{{0, 3}}, "**“a”b** c"},
		{"escaped characters inside", "a *b* c", [][2]int{{2, 5}}, `a **\*b\*** c`},
		{"escaped characters inside a word", "q**r", [][2]int{{1, 3}}, `**q\*\*r**`},
		{"only spaces mark nothing", "a  b", [][2]int{{1, 3}}, "a  b"},
		{"the whole text", "Decides;", [][2]int{{0, 8}}, "**Decides;**"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markedMarkdown([]rune(tt.text), tt.marks); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTheBriefListsEachTagByPartInDocumentOrder(t *testing.T) {
	data, err := ExportMarkdown(fixtureSet(t), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	// What a reader of the seed sees: the header, then the sections in
	// order, preambular paragraphs before operative ones.
	inOrder := []string{
		"# A/HRC/RES/53/11 — Enhancement of international cooperation in the field of human rights\n\n",
		"- Document: Human Rights Council, Fifty-third session, adopted 12 July 2023\n",
		"- Exported: 1 March 2024\n",
		"- Annotations: 2 commitments, 2 requests, 2 concerns, 1 untagged; 2 to review\n",
		"\n## Commitments (2)\n\n### Preambular paragraphs\n\n- **PP2** — Recalling General Assembly resolution 70/1 of 25 September 2015, entitled **“Transforming our world: the 2030 Agenda for Sustainable Development”**, in which",
		"\n### Operative paragraphs\n\n- **OP23** — Urges States to continue to support **the funds**;\n  - \\+1, e\u0301 東京",
		"\n## Requests (2)\n\n### Operative paragraphs\n\n- **OP21** — **Requests** the Office of the United Nations High Commissioner for Human Rights **to seek to enhance dialogue with representatives from non-traditional donor countries** with a view",
		"  - “to seek to enhance dialogue with representatives from…” — # Not a heading\\\n    \\- not a list\\\n    1\\. not a list either\\\n    Last line 👍🏽 — *(@mission)*\n",
		"\n## Concerns (2)\n\n### Operative paragraphs\n\n- **OP8** (whole clause) — Expresses its concern at the continued imposition",
		"- **OP12** — Considers that",
		"violations of **human rights and fundamental freedoms**;\n  - \\[Third Committee\\]\n",
		"\n## Untagged (1)\n\n### Preambular paragraphs\n\n- **PP5** — ",
		"  - Tagged “UNGA” in Hypothesis — \\[UNGA, follow-up\\]\n",
		"\n## Needs review (2)\n",
		"- **?** (request) — “the right to a clean environment” — Imported from another tool — *(Hypothesis user)*\n",
		"- **OP21** (concern) — “to mobilize additional resources” — From draft L.10\n",
	}
	at := 0
	for _, want := range inOrder {
		i := strings.Index(md[at:], want)
		if i < 0 {
			t.Fatalf("after byte %d the brief lacks %q:\n%s", at, want, md)
		}
		at += i + len(want)
	}
	// The entry of OP21 has no item for the annotation of "Requests",
	// which has nothing but its words.
	if strings.Contains(md, "  - “Requests”") {
		t.Error("an annotation without note, labels or other author has an item")
	}
	checkBriefLines(t, md)
}

func TestTheBriefLeavesOutEmptySections(t *testing.T) {
	s := NewSet(seedDoc(t), fixedNow)
	if _, err := s.CreateWhole("op21", Request, "", ""); err != nil {
		t.Fatal(err)
	}
	data, err := ExportMarkdown(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	for _, absent := range []string{"Commitments", "Concerns", "Untagged", "Needs review", "Preambular", "None", "Delegation", "Authors"} {
		if strings.Contains(md, absent) {
			t.Errorf("the brief has %q:\n%s", absent, md)
		}
	}
	if !strings.Contains(md, "- Annotations: 1 request\n\n## Requests (1)\n\n### Operative paragraphs\n\n- **OP21** (whole clause) — Requests the Office") {
		t.Errorf("brief:\n%s", md)
	}

	data, err = ExportMarkdown(NewSet(seedDoc(t), fixedNow), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := "# A/HRC/RES/53/11 — Enhancement of international cooperation in the field of human rights\n\n" +
		"- Document: Human Rights Council, Fifty-third session, adopted 12 July 2023\n" +
		"- Exported: 1 March 2024\n- Annotations: none\n"; string(data) != want {
		t.Errorf("the brief of no annotations:\ngot  %q\nwant %q", data, want)
	}
}

func TestTheBriefGroupsTheAnnotationsOfAClause(t *testing.T) {
	doc := seedDoc(t)
	s := NewSet(doc, fixedNow)
	for _, a := range []Annotation{
		mustAnnotation(t, doc, "a", "op21", "Requests the Office", Request, "First"),
		mustAnnotation(t, doc, "b", "op21", "the Office of the United Nations", Request, ""),
		mustAnnotation(t, doc, "c", "op21", "non-traditional donor countries", Request, "Which ones?"),
		mustAnnotation(t, doc, "d", "op21", "the donor base", Concern, "Too narrow"),
	} {
		if _, err := s.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateWhole("op21", Request, "The whole of it", ""); err != nil {
		t.Fatal(err)
	}
	data, err := ExportMarkdown(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	want := "## Requests (4)\n\n### Operative paragraphs\n\n" +
		"- **OP21** — **Requests the Office of the United Nations** High Commissioner for Human Rights to seek to enhance dialogue with representatives from **non-traditional donor countries** with a view to broadening the donor base and to replenishing the resources available to the funds;\n" +
		"  - “Requests the Office” — First\n" +
		"  - Whole clause — The whole of it\n" +
		"  - “non-traditional donor countries” — Which ones?\n" +
		"\n## Concerns (1)\n\n### Operative paragraphs\n\n" +
		"- **OP21** — Requests the Office of the United Nations High Commissioner for Human Rights to seek to enhance dialogue with representatives from non-traditional donor countries with a view to broadening **the donor base** and to replenishing the resources available to the funds;\n" +
		"  - Too narrow\n"
	if !strings.Contains(md, want) {
		t.Errorf("got:\n%s\nwant in it:\n%s", md, want)
	}
}

func TestTheBriefPutsEachPartApart(t *testing.T) {
	data, err := ExportMarkdown(draftSet(t), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	want := "# A/C.3/78/L.99 — Cooperation on water\n\n" +
		"- Document: Third Committee, dated 2 November 2023\n" +
		"- Delegation: France\n" +
		"- Exported: 1 March 2024\n" +
		"- Annotations: 3 requests, 1 concern; 1 to review\n" +
		"\n## Requests (3)\n" +
		"\n### Preambular paragraphs\n\n- **PP1** — Recalling its **resolution 77/1** on water,\n  - Check the date\n" +
		"\n### Operative paragraphs\n\n- **OP2(a)** — **To report to it** on the meeting;\n" +
		"\n### Annexes\n\n- **Annex, 1** — The meeting shall be **open to all States**.\n  - Also observers?\n" +
		"\n## Concerns (1)\n" +
		"\n### Operative paragraphs\n\n- **OP1** — Decides to convene a meeting on water **in 2025**;\n  - Too late\n" +
		"\n## Needs review (1)\n\nThese annotations were not found in the current text.\n\n" +
		"- **op3** (request) — “Invites”\n"
	if string(data) != want {
		t.Errorf("got:\n%s\nwant:\n%s", data, want)
	}
}

func TestATextOfUnknownStructureHasNoPartHeadings(t *testing.T) {
	cs := seedClausesCopy(t)
	for i := range cs {
		cs[i].Part = Unknown
	}
	doc := docWith(t, cs)
	s := NewSet(doc, fixedNow)
	for _, c := range []string{"pp2", "op21"} {
		if _, err := s.CreateWhole(c, Request, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := ExportMarkdown(s, fixedNow)
	if strings.Contains(string(data), "###") || !strings.Contains(string(data), "## Requests (2)\n\n- **PP2** (whole clause) — ") {
		t.Errorf("brief:\n%s", data)
	}
}

func TestTheBriefOfSeveralDocumentsHasASectionForEach(t *testing.T) {
	sels := []Selection{draftSet(t).Selection(nil), fixtureSet(t).Selection(func(a Annotation) bool { return a.Tag == Request })}
	data, err := WriteMarkdown(sels, BriefOptions{Delegation: "France", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	golden(t, "several.md", data)
	inOrder := []string{
		"# Drafting brief: 2 documents\n\n- Delegation: France\n- Exported: 1 March 2024\n- Annotations: 5 requests, 1 concern; 2 to review\n",
		"\n## A/C.3/78/L.99 — Cooperation on water\n\nThird Committee, dated 2 November 2023.\\\nAnnotations: 3 requests, 1 concern; 1 to review.\n",
		"\n### Requests (3)\n\n#### Preambular paragraphs\n\n- **PP1**",
		"\n#### Annexes\n",
		"\n### Needs review (1)\n",
		"\n## A/HRC/RES/53/11 — Enhancement of international cooperation in the field of human rights\n\n" +
			"Human Rights Council, Fifty-third session, adopted 12 July 2023.\\\nAnnotations: 2 requests; 1 to review.\n",
		"\n### Requests (2)\n\n#### Operative paragraphs\n\n- **OP21** — **Requests**",
		"\n### Needs review (1)\n\nThese annotations were not found in the current text.\n\n- **?** (request)",
	}
	at := 0
	for _, want := range inOrder {
		i := strings.Index(md[at:], want)
		if i < 0 {
			t.Fatalf("after byte %d the brief lacks %q:\n%s", at, want, md)
		}
		at += i + len(want)
	}
	checkBriefLines(t, md)
}

func TestUserTextCannotBreakTheBrief(t *testing.T) {
	hostile := []string{
		"# A heading", "## Requests (1)", "- a list item", "* another", "+ and another", "1. ordered", "3) ordered",
		"> a quote", "| a | b |\n|---|---|\n| c | d |", "```\ncode\n```", "~~~\ncode", "    indented code",
		"<script>alert(1)</script>", "<!-- comment", "[ref]: http://evil.example", "![x](http://evil.example/x.png)",
		"Title\n===", "Title\n---", "***", "a\n\n\n- b", "<http://evil.example>", "\\", "*", "**", "_", "`",
		"x\r\n# y\r- z", "&lt;b&gt;", "\u00a0# nbsp", "\t- tab",
	}
	doc := seedDoc(t)
	for i, text := range hostile {
		s := NewSet(doc, fixedNow)
		a := mustAnnotation(t, doc, "n", "op21", "Requests", Request, text)
		a.Author, a.Labels = oneLine(text), []string{oneLine(text)}
		if a.Author == "" || a.Labels[0] == "" {
			a.Author, a.Labels = "", nil
		}
		if _, err := s.Add(a); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		b := mustAnnotation(t, doc, "m", "op21", "the funds", Request, text)
		if _, err := s.Add(b); err != nil {
			t.Fatal(err)
		}
		c := mustAnnotation(t, doc, "w", "op8", "the continued imposition", Concern, text)
		if _, err := s.Add(c); err != nil {
			t.Fatal(err)
		}
		orphan := c
		orphan.ID, orphan.Clause = nameID("test\norphan"), "op99"
		s.insert(orphan)
		data, err := WriteMarkdown([]Selection{s.Selection(nil)}, BriefOptions{Delegation: text, Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		md := string(data)
		t.Run(strings.ReplaceAll(text, "\n", " "), func(t *testing.T) {
			checkBriefLines(t, md)
			if strings.Count(md, "\n## ") != 3 { // requests, concerns, review
				t.Errorf("%d sections:\n%s", strings.Count(md, "\n## "), md)
			}
		})
	}
}

// briefLine is what a line of the brief may be: a heading we write, an item
// of the header, an entry, an item under it, the continuation of a note,
// the paragraphs we write, or blank.
var briefLine = regexp.MustCompile(`^(` +
	`# \S.*|#{2,4} (Commitments|Requests|Concerns|Untagged|Needs review) \(\d+\)|#{3,4} (Preambular paragraphs|Operative paragraphs|Annexes|Other paragraphs)|## \S.*` +
	`|- (Document|Delegation|Authors|Exported|Annotations): .*` +
	`|- \*\*[^*].*|  - [^ ].*|    [^ ].*` +
	`|These annotations were not found in the current text\.|Annotations: .*|[^-#>|=+*_\x60~<\s0-9].*\.\\` +
	`|)$`)

// checkBriefLines checks that every line of a brief is one we mean to
// write, that no line continues a note with a block marker, that every
// Markdown character of the text is escaped, and that an entry's bold
// markers pair up.
func checkBriefLines(t *testing.T, md string) {
	t.Helper()
	for n, line := range strings.Split(strings.TrimSuffix(md, "\n"), "\n") {
		if !briefLine.MatchString(line) {
			t.Errorf("line %d is none we write: %q", n+1, line)
		}
		if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "  - ") {
			if rest := strings.TrimLeft(line[2:], " -"); rest != "" && strings.ContainsAny(rest[:1], "#>|=+`~<*_") {
				t.Errorf("line %d: an item or a note's line starts with a block marker: %q", n+1, line)
			}
			if rest := strings.TrimPrefix(line, "  - "); rest != line && len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' && regexp.MustCompile(`^\d+[.)]`).MatchString(rest) {
				t.Errorf("line %d: an item starts with an ordered list marker: %q", n+1, line)
			}
		}
		// Outside the bold and italic we write, every special character
		// has its backslash.
		rest := regexp.MustCompile(`\\.`).ReplaceAllString(line, "")
		rest = strings.NewReplacer("*(", "", ")*", "").Replace(strings.ReplaceAll(rest, "**", ""))
		if i := strings.IndexAny(rest, "`*_[]<>|~&"); i >= 0 {
			t.Errorf("line %d: %q unescaped in %q", n+1, rest[i:i+1], line)
		}
		if strings.HasPrefix(line, "- **") {
			unescaped := regexp.MustCompile(`\\.`).ReplaceAllString(line, "")
			if strings.Count(unescaped, "**")%2 != 0 {
				t.Errorf("line %d: unpaired bold markers: %q", n+1, line)
			}
		}
	}
}
