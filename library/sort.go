package library

import (
	"cmp"
	"slices"
	"strings"
)

// CompareSymbols orders document symbols as a reader expects: the runs of
// digits by their value, the rest by Fold, so "S/2018/95" comes before
// "S/2018/221", "A/HRC/RES/53/2" before "A/HRC/RES/53/11", and
// "A/C.3/78/L.4" before "A/C.3/78/L.41". Symbols equal that way are
// ordered by their bytes.
func CompareSymbols(a, b string) int {
	if c := compareNatural(Fold(a), Fold(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// compareNatural compares a and b run by run: digits by value (leading
// zeros ignored, then fewer zeros first), other bytes as they are.
func compareNatural(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na := strings.TrimLeft(a[si:i], "0")
			nb := strings.TrimLeft(b[sj:j], "0")
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			if c := cmp.Compare(i-si, j-sj); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(a[i], b[j]); c != 0 {
			return c
		}
		i++
		j++
	}
	return cmp.Compare(len(a)-i, len(b)-j)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// SortKey is what the library is sorted by.
type SortKey string

// The orders of the library.
const (
	// BySymbol: natural symbol order (CompareSymbols).
	BySymbol SortKey = "symbol"
	// ByDate: the date of the text (Summary.Day), those without one last.
	ByDate SortKey = "date"
	// ByLastAnnotated: when an annotation was last changed, those never
	// annotated last.
	ByLastAnnotated SortKey = "annotated"
	// ByAnnotations: the number of annotations.
	ByAnnotations SortKey = "annotations"
	// ByOpened: when the document was last opened, those never opened last.
	ByOpened SortKey = "opened"
)

// SortKeys are the orders the library offers, in the order it lists them.
var SortKeys = []SortKey{BySymbol, ByDate, ByLastAnnotated, ByAnnotations, ByOpened}

// Sort sorts summaries by key, in place: ascending, or descending when
// desc is set (newest, most annotated first). Summaries without a value
// for the key (no date, never annotated, never opened) come last either
// way. Ties are in symbol order, then by id, so the order is the same
// every time. An unknown key sorts by symbol.
func Sort(ss []Summary, key SortKey, desc bool) {
	dir := 1
	if desc {
		dir = -1
	}
	// Symbols fold once per summary, not once per comparison.
	folded := make(map[string]string, len(ss))
	for i := range ss {
		folded[ss[i].ID] = Fold(ss[i].Symbol)
	}
	bySymbol := func(a, b *Summary) int {
		if c := compareNatural(folded[a.ID], folded[b.ID]); c != 0 {
			return c
		}
		if c := strings.Compare(a.Symbol, b.Symbol); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	}
	// missingLast compares two values of which either may be missing.
	missingLast := func(am, bm bool, c int) int {
		switch {
		case am && bm:
			return 0
		case am:
			return 1
		case bm:
			return -1
		}
		return dir * c
	}
	var f func(a, b *Summary) int
	switch key {
	case ByDate:
		f = func(a, b *Summary) int { return missingLast(a.Day == "", b.Day == "", strings.Compare(a.Day, b.Day)) }
	case ByLastAnnotated:
		f = func(a, b *Summary) int {
			return missingLast(a.LastAnnotated.IsZero(), b.LastAnnotated.IsZero(), a.LastAnnotated.Compare(b.LastAnnotated))
		}
	case ByOpened:
		f = func(a, b *Summary) int {
			return missingLast(a.Opened.IsZero(), b.Opened.IsZero(), a.Opened.Compare(b.Opened))
		}
	case ByAnnotations:
		f = func(a, b *Summary) int { return dir * cmp.Compare(a.Counts.Total(), b.Counts.Total()) }
	default:
		f = func(a, b *Summary) int { return dir * bySymbol(a, b) }
	}
	slices.SortStableFunc(ss, func(a, b Summary) int {
		if c := f(&a, &b); c != 0 {
			return c
		}
		return bySymbol(&a, &b)
	})
}

// Filter is what the library page shows: documents of a body, and whose
// symbol, title or name contains a text.
type Filter struct {
	// Body keeps the documents of this body (Summary.Body, compared with
	// Fold); "" keeps all.
	Body string
	// Text keeps the documents whose symbol, title or name contains it,
	// ignoring case, accents and runs of spaces (Fold); "" keeps all.
	Text string
}

// Apply returns the summaries that pass the filter, in their order, in a
// new slice.
func (f Filter) Apply(ss []Summary) []Summary {
	body, text := Fold(f.Body), Fold(f.Text)
	out := make([]Summary, 0, len(ss))
	for _, s := range ss {
		if body != "" && Fold(s.Body) != body {
			continue
		}
		if text != "" && !strings.Contains(Fold(s.Symbol), text) &&
			!strings.Contains(Fold(s.Title), text) && !strings.Contains(Fold(s.Name), text) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// Bodies returns the bodies of the summaries, each once, in alphabetical
// order (Fold), without "": the choices of the library's body filter.
func Bodies(ss []Summary) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if s.Body == "" || seen[Fold(s.Body)] {
			continue
		}
		seen[Fold(s.Body)] = true
		out = append(out, s.Body)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(Fold(a), Fold(b)) })
	return out
}

// LastRead returns the id of the document opened last, where "/" takes a
// returning delegate; ok is false when none was ever opened.
func LastRead(ss []Summary) (id string, ok bool) {
	var best *Summary
	for i := range ss {
		s := &ss[i]
		if s.Opened.IsZero() {
			continue
		}
		if best == nil || s.Opened.After(best.Opened) || s.Opened.Equal(best.Opened) && s.ID < best.ID {
			best = s
		}
	}
	if best == nil {
		return "", false
	}
	return best.ID, true
}
