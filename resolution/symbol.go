package resolution

import (
	"strings"
)

// maxSymbolLen bounds the length of a document symbol; real ones are
// under 40 characters ("A/C.3/78/L.41/Rev.1", "E/CN.4/Sub.2/2000/46").
const maxSymbolLen = 60

// ValidSymbol reports whether s is a United Nations document symbol as
// the UN writes them: a series of one to eight capital letters (A, S, E,
// ST, UNEP, CEDAW, …), then one or more components separated by "/", each
// of them
//
//   - a number: "2024", "400", "53";
//   - capital letters, with an optional ".number": "RES", "HRC", "PRST",
//     "C.3", "CN.6", "AC.105", "CONF.157", "L.12";
//   - a special session: "ES-10", "S-27";
//   - a capitalised word and a number: "Rev.1", "Add.2", "Corr.1",
//     "Sub.2", "Amend.1";
//
// with at least one digit in the symbol, and, after a final number, an
// optional year in brackets: "S/RES/2719 (2023)". Examples: "S/2024/400",
// "A/HRC/53/L.12", "A/C.3/78/L.41/Rev.1", "A/HRC/RES/53/11",
// "E/CN.6/2023/L.3", "S/PRST/2017/25", "A/73/L.6/Add.1". Nothing else is a
// symbol: no white space (but the one before the year), no quotes, no
// brackets, no lowercase series, at most 60 characters, so that a symbol
// can be put in a URL or an attribute as it is.
func ValidSymbol(s string) bool {
	if len(s) == 0 || len(s) > maxSymbolLen {
		return false
	}
	body := s
	if i := strings.IndexByte(s, ' '); i >= 0 {
		// Only "… (2023)" may follow a space.
		year := s[i+1:]
		if !isBracketedYear(year) {
			return false
		}
		body = s[:i]
		if !isDigits(body[strings.LastIndexByte(body, '/')+1:]) {
			return false
		}
	}
	parts := strings.Split(body, "/")
	if len(parts) < 2 || !isSeries(parts[0]) {
		return false
	}
	digit := false
	for _, p := range parts[1:] {
		if !isSymbolComponent(p) {
			return false
		}
		if strings.ContainsAny(p, "0123456789") {
			digit = true
		}
	}
	return digit
}

// isSeries reports whether s is the series of a symbol: 1 to 8 capitals.
func isSeries(s string) bool {
	return len(s) >= 1 && len(s) <= 8 && isUpper(s)
}

// isSymbolComponent reports whether s is one component of a symbol (see
// ValidSymbol).
func isSymbolComponent(s string) bool {
	switch {
	case s == "":
		return false
	case isDigits(s):
		return len(s) <= 5
	}
	if i := strings.IndexByte(s, '-'); i >= 0 {
		// "ES-10", "S-27"
		return i <= 3 && isUpper(s[:i]) && isDigits(s[i+1:]) && len(s)-i-1 <= 3
	}
	word, num := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		word, num = s[:i], s[i+1:]
		if !isDigits(num) || len(num) > 4 {
			return false
		}
	}
	if isUpper(word) {
		return len(word) <= 8
	}
	// "Rev.1", "Add.2", "Sub.2": a capital, 1 to 5 lowercase letters and
	// a number.
	if num == "" || len(word) < 2 || len(word) > 6 || word[0] < 'A' || word[0] > 'Z' {
		return false
	}
	for i := 1; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return false
		}
	}
	return true
}

// isBracketedYear reports whether s is "(YYYY)" with a year 1945–2099.
func isBracketedYear(s string) bool {
	return len(s) == 6 && s[0] == '(' && s[5] == ')' && isDigits(s[1:5]) &&
		(s[1:3] == "19" || s[1:3] == "20")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isUpper(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
