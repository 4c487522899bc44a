package resolution

import (
	"strings"
	"testing"
)

func TestValidSymbolFollowsTheUNSymbolGrammar(t *testing.T) {
	tests := []struct {
		symbol string
		want   bool
	}{
		{"S/2024/400", true},
		{"A/HRC/53/L.12", true},
		{"A/C.3/78/L.41/Rev.1", true},
		{"A/HRC/RES/53/11", true},
		{"A/RES/73/6", true},
		{"S/RES/2719 (2023)", true},
		{"E/RES/2023/4", true},
		{"E/CN.6/2023/L.3", true},
		{"A/73/L.6/Add.1", true},
		{"S/PRST/2017/25", true},
		{"A/RES/ES-11/1", true},
		{"E/CN.4/Sub.2/2000/46", true},
		{"A/AC.105/1137", true},
		{"FCCC/CP/2015/10/Add.1", true},
		{"A/73/85/Corr.1", true},
		{"", false},
		{"A", false},
		{"A/B", false},         // no number
		{"a/res/73/6", false},  // lowercase series
		{"A/RES/73/6.", false}, // punctuation after it
		{"A/RES/73/6 ", false}, // white space after it
		{"A/RES/73/6 (XXIII)", false},
		{"S/RES/2719(2023)", false},
		{"S/RES/2719 (23)", false},
		{"A//73", false},
		{"A/RES/73/", false},
		{"2020/21", false},         // no series
		{"AU/Dec.351(XVI)", false}, // brackets
		{"A/RES/\"><meta http-equiv='refresh' content='0;url=https://evil.example'>", false},
		{"A/RES/73/6<script>", false},
		{"A/RES/" + strings.Repeat("1/", 40) + "1", false}, // too long
	}
	for _, tt := range tests {
		t.Run(tt.symbol, func(t *testing.T) {
			if got := ValidSymbol(tt.symbol); got != tt.want {
				t.Errorf("ValidSymbol(%q) = %v, want %v", tt.symbol, got, tt.want)
			}
		})
	}
}

func TestASymbolLineThatIsNoSymbolNeverBecomesTheSymbol(t *testing.T) {
	for _, line := range []string{
		`A/RES/"><meta http-equiv='refresh' content='0;url=https://evil.example'>`,
		`A/RES/73/6<img src=x onerror=alert(1)>`,
		"A/RES/73/6\u202e",
	} {
		data := []byte(line + "\n\nGeneral Assembly\n\n*The General Assembly*,\n\n*Recalling* its resolution 72/4,\n\n1. *Decides* to act.\n")
		d, _ := Parse(data)
		if d.Symbol != "" {
			t.Errorf("%q: got symbol %q, want none", line, d.Symbol)
		}
		if !d.Recognised || len(d.Preamble) != 1 || len(d.Operative) != 1 {
			t.Errorf("%q: got %q, want pp1 op1", line, outline(d))
		}
		checkDocument(t, data, d)
	}
}

func TestADerivedSymbolIsValidOrEmpty(t *testing.T) {
	// The number of a Conference of the Parties' decision is no UN
	// symbol; the Symbol stays empty rather than "7/1".
	d, _ := Parse([]byte("**7/1. Test**\n\n*The Conference of the Parties,*\n\nRecalling,\n\n1. *Decides*."))
	if d.Symbol != "" {
		t.Errorf("got %q, want none", d.Symbol)
	}
	d, _ = Parse([]byte("**ES-11/1. Aggression**\n\nGeneral Assembly\n\n*The General Assembly,*\n\nRecalling,\n\n1. *Decides*."))
	if d.Symbol != "A/RES/ES-11/1" {
		t.Errorf("got %q, want A/RES/ES-11/1", d.Symbol)
	}
}
