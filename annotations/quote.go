package annotations

import "strings"

// indexString is strings.Index; a seam for the quote search.
func indexString(s, sub string) int { return strings.Index(s, sub) }

// commonPrefix is the number of leading code points a and b share.
func commonPrefix(a, b []rune) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// commonSuffix is the number of trailing code points a and b share.
func commonSuffix(a, b []rune) int {
	n := min(len(a), len(b))
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return i - 1
		}
	}
	return n
}
