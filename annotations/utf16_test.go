package annotations

import (
	"testing"
	"unicode/utf16"
)

func TestUTF16Conversions(t *testing.T) {
	// 👍🏽 is two astral code points (four UTF-16 units); é is e + U+0301.
	const text = "a👍🏽 e\u0301“東”😀"
	tests := []struct {
		name     string
		u16, cp  int
		roundsTo int // UTF16ToCodePoints(u16), when it differs from cp
	}{
		{"the start", 0, 0, -1},
		{"after ASCII", 1, 1, -1},
		{"after an emoji", 3, 2, -1},
		{"after its skin tone modifier", 5, 3, -1},
		{"after the combining accent", 8, 6, -1},
		{"after a curly quote and a CJK character", 10, 8, -1},
		{"the end", 13, 10, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := UTF16ToCodePoints(text, tt.u16); got != tt.cp {
				t.Errorf("UTF16ToCodePoints(%d) = %d, want %d", tt.u16, got, tt.cp)
			}
			if got := CodePointsToUTF16(text, tt.cp); got != tt.u16 {
				t.Errorf("CodePointsToUTF16(%d) = %d, want %d", tt.cp, got, tt.u16)
			}
		})
	}
	t.Run("an offset inside a surrogate pair rounds down", func(t *testing.T) {
		if got := UTF16ToCodePoints(text, 2); got != 1 {
			t.Errorf("UTF16ToCodePoints(2) = %d, want 1", got)
		}
	})
	t.Run("out of range offsets are clamped", func(t *testing.T) {
		if got := UTF16ToCodePoints(text, 99); got != 10 {
			t.Errorf("UTF16ToCodePoints(99) = %d, want 10", got)
		}
		if got := UTF16ToCodePoints(text, -1); got != 0 {
			t.Errorf("UTF16ToCodePoints(-1) = %d, want 0", got)
		}
		if got := CodePointsToUTF16(text, 99); got != 13 {
			t.Errorf("CodePointsToUTF16(99) = %d, want 13", got)
		}
	})
	t.Run("agrees with unicode/utf16 at every code point", func(t *testing.T) {
		rs := []rune(text)
		for cp := 0; cp <= len(rs); cp++ {
			u := len(utf16.Encode(rs[:cp]))
			if got := CodePointsToUTF16(text, cp); got != u {
				t.Errorf("CodePointsToUTF16(%d) = %d, want %d", cp, got, u)
			}
			if got := UTF16ToCodePoints(text, u); got != cp {
				t.Errorf("UTF16ToCodePoints(%d) = %d, want %d", u, got, cp)
			}
		}
	})
}
