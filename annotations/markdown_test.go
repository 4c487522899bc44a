package annotations

import (
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
			if got := escapeMarkdown(tt.in, "  "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownBriefListsEachTagInDocumentOrder(t *testing.T) {
	data, err := ExportMarkdown(fixtureSet(t), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	for _, want := range []string{
		"# A/HRC/RES/53/11 — Enhancement of international cooperation in the field of human rights\n",
		"2 commitments, 2 requests, 2 concerns. 2 annotations to review. 1 annotation without a tag.",
		"## Untagged\n\n- **PP5** — “the duty to cooperate” \\[UNGA, follow-up\\] — Tagged “UNGA” in Hypothesis\n",
		"- **OP12** — “human rights and fundamental freedoms” \\[Third Committee\\]\n",
		"## Commitments\n\n- **PP2** —",
		"\n- **OP23** — “the funds” — +1",
		"## Requests\n\n- **OP21** — “Requests”\n- **OP21** — “to seek",
		"## Concerns\n\n- **OP8** (whole clause) — “Expresses its concern",
		"## Needs review",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	if strings.Index(md, "**PP2**") > strings.Index(md, "**OP23**") {
		t.Errorf("PP2 should come before OP23")
	}
	// Every line is a heading, a list item, its continuation, or text.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "  \\") && strings.ContainsAny(line[2:3], "#-+=>") {
			t.Errorf("continuation line %q starts with a block marker", line)
		}
	}
}

func TestMarkdownBriefOfAnEmptySet(t *testing.T) {
	data, _ := ExportMarkdown(NewSet(seedDoc(t), fixedNow), fixedNow)
	if strings.Count(string(data), "None.") != 3 || strings.Contains(string(data), "Needs review") {
		t.Errorf("empty brief:\n%s", data)
	}
}
