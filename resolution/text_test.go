package resolution

import (
	"fmt"
	"testing"
)

func TestPlainTextFollowsTheContract(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want string
		refs []FootnoteRef
	}{
		{"markers are removed", "*Calls upon* States **now**", "Calls upon States now", nil},
		{"white space runs become one space", "a \t b\n\n\nc\u00a0 d ", "a b c d", nil},
		{"the text is trimmed", "\n  text  \n", "text", nil},
		{"a marker after punctuation", "human rights,¹", "human rights,", []FootnoteRef{{1, 13}}},
		{"a marker mid-sentence", "Action,² and their role", "Action, and their role", []FootnoteRef{{2, 7}}},
		{"a multi-digit marker", "Goals¹⁰ for all", "Goals for all", []FootnoteRef{{10, 5}}},
		{"a marker between spaces", "word ³ next", "word next", []FootnoteRef{{3, 4}}},
		{"a marker at the start", "⁴ text", "text", []FootnoteRef{{4, 0}}},
		{"two markers", "a¹ b² c", "a b c", []FootnoteRef{{1, 1}, {2, 3}}},
		{"offsets count code points", "Côte d’Ivoire⁵ x", "Côte d’Ivoire x", []FootnoteRef{{5, 13}}},
		{"a very long run is several markers", "x¹²³⁴⁵⁶", "x", []FootnoteRef{{1234, 1}, {56, 1}}},
		{"nothing else changes", "“Space2030” – (COVID-19)…", "“Space2030” – (COVID-19)…", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, refs := plain(tt.raw)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if fmt.Sprint(refs) != fmt.Sprint(tt.refs) {
				t.Errorf("refs: got %v, want %v", refs, tt.refs)
			}
		})
	}
}

func TestLeadIsTheOpeningPhrase(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		raw  string
		want string
	}{
		{"an italic operative verb", Operative, "*Also reaffirms* that", "Also reaffirms"},
		{"italics before a comma", Operative, "*Underlines*, bearing in mind", "Underlines"},
		{"italics of only the verb", Operative, "*Continues* to welcome", "Continues"},
		{"an operative without italics", Operative, "Expresses its concern at", "Expresses its concern"},
		{"an operative with modifiers", Operative, "Once again urges States", "Once again urges"},
		{"an operative lexicon phrase after a modifier", Operative, "Also calls upon States", "Also calls upon"},
		{"a plain operative verb", Operative, "Requests the Secretary-General", "Requests"},
		{"no verb", Operative, "the rest", ""},
		{"recalling also", Preambular, "Recalling also General Assembly resolution", "Recalling also"},
		{"recalling further", Preambular, "Recalling further the Paris Agreement", "Recalling further"},
		{"taking note with appreciation of", Preambular, "Taking note with appreciation of the final document", "Taking note with appreciation of"},
		{"noting with satisfaction", Preambular, "Noting with satisfaction the activities", "Noting with satisfaction"},
		{"deeply concerned", Preambular, "Deeply concerned about the impact", "Deeply concerned"},
		{"recognizing with deep concern", Preambular, "Recognizing with deep concern the impact", "Recognizing with deep concern"},
		{"reaffirming, in that regard,", Preambular, "Reaffirming, in that regard, General Assembly", "Reaffirming"},
		{"a word boundary is needed", Preambular, "Recallings are", ""},
		{"an unknown -ing participle", Preambular, "Contemplating the stars", "Contemplating"},
		{"an unknown -ing word", Preambular, "Fostering dialogue", "Fostering"},
		{"no participle", Preambular, "The Council,", ""},
		{"an italic preambular opening", Preambular, "*Guided by* the Charter", "Guided by"},
		{"a sub-paragraph without italics", Subparagraph, "To ensure", ""},
		{"a plain paragraph", Paragraph, "Requests", ""},
		{"an unclosed italic", Operative, "*Decides to act", "Decides"},
		{"an empty italic", Operative, "** Decides", "Decides"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _ := plain(tt.raw)
			n := lead(tt.kind, tt.raw, text)
			if got := string([]rune(text)[:n]); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSanitizeReportsTheFirstUnreadableLine(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"valid text", "a\nb", "a\nb", ""},
		{"a byte order mark is dropped", "\ufeffa", "a", ""},
		{"CR and CRLF become LF", "a\rb\r\nc", "a\nb\nc", ""},
		{"invalid bytes become U+FFFD", "a\n\xffb", "a\n\uFFFDb", "line 2: invalid UTF-8"},
		{"NUL becomes U+FFFD", "\x00", "\uFFFD", "line 1: NUL byte"},
		{"a truncated sequence", "é\xc3", "é\uFFFD", "line 1: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, perr := sanitize([]byte(tt.in))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			gotErr := ""
			if perr != nil {
				gotErr = perr.Error()
			}
			if gotErr != tt.err {
				t.Errorf("error: got %q, want %q", gotErr, tt.err)
			}
		})
	}
}

func TestPreviewCutsAtAWordAndSaysItCut(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"Requests the Secretary-General, to report", 20, "Requests the…"},
		{"東京東京東京東京", 3, "東京東…"},
	} {
		if got := Preview(tc.in, tc.n); got != tc.want {
			t.Errorf("Preview(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
