package library

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Décide", "decide"},
		{"  CÔTE   d’Ivoire\n", "cote d'ivoire"},
		{"Straße", "strasse"},
		{"Œuvre", "oeuvre"},
		{"Türkiye", "turkiye"},
		{"Việt Nam", "viet nam"},
		{"Łódź", "lodz"},
		{"e\u0301tat", "etat"}, // a combining acute accent
		{"ΣΥΜΒΟΎΛΙΟ", "συμβούλιο"},
		{"Совет Безопасности", "совет безопасности"},
		{"A/HRC/RES/53/11", "a/hrc/res/53/11"},
		{"non\u00a0breaking", "non breaking"},
		{"🐘 first", "🐘 first"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldTablesAgreeWithUnicode checks the generated tables against the
// canonical decompositions of golang.org/x/text: a letter that decomposes
// into an ASCII letter and combining marks folds to that letter.
func TestFoldTablesAgreeWithUnicode(t *testing.T) {
	check := func(lo, hi rune) {
		for r := lo; r < hi; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			var base strings.Builder
			for _, c := range norm.NFD.String(string(unicode.ToLower(r))) {
				if !unicode.Is(unicode.Mn, c) {
					base.WriteRune(c)
				}
			}
			b := base.String()
			if len(b) != 1 || b[0] >= 0x80 || b == string(r) {
				continue // spelled out by hand, or not a Latin letter with marks
			}
			if got := Fold(string(r)); got != b {
				t.Errorf("Fold(%q U+%04X) = %q, want %q", string(r), r, got, b)
			}
		}
	}
	check(0xC0, 0x250)
	check(0x1E00, 0x1F00)
}

func TestFoldIsIdempotent(t *testing.T) {
	for _, s := range []string{"Décide  d’Ivoire", "Straße ÆØÅ", "ǅ ǈ ǋ", "İstanbul"} {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
	}
}
