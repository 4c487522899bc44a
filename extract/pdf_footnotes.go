package extract

import (
	"sort"
	"strconv"
)

// footnote is the text of a footnote as printed at a page's foot: its
// number and its lines, which may run over to the next page's foot.
type footnote struct {
	number string // "1"; "" for text at a page foot that has none
	page   int    // the page where it starts
	lines  [][]run
}

// plainNumberRe is a footnote line that opens with its number printed on
// the baseline ("1 See A/73/85.").
var plainNumberRe = lazyRegexp(`^(\d{1,3})\s+\S`)

// splitFootnotes separates the lines of a page's foot from its text. The
// foot starts under a rule ("__________") printed smaller than the text;
// without a rule, at the first of the lines at the bottom of the page that
// are smaller than the text and open with a raised number.
func splitFootnotes(segs []*segment, bodySize float64) (body, foot []*segment) {
	ruleY := -1.0
	for _, s := range segs {
		if ruleRe().MatchString(s.text) && s.size <= bodySize+0.5 {
			if ruleY < 0 || s.y < ruleY {
				ruleY = s.y
			}
		}
	}
	if ruleY < 0 {
		// From the bottom up, the small lines; they are a foot if the
		// first of them opens with a raised number and text stands above.
		byY := append([]*segment(nil), segs...)
		sort.SliceStable(byY, func(i, j int) bool { return byY[i].y < byY[j].y })
		start := len(byY)
		for start > 0 && byY[start-1].size < 0.92*bodySize {
			start--
		}
		for start < len(byY) && byY[start].lead == "" {
			start++
		}
		if start == 0 || start == len(byY) {
			return segs, nil
		}
		ruleY = byY[start].y - 0.1
	}
	for _, s := range segs {
		switch {
		case ruleRe().MatchString(s.text) && s.y <= ruleY+0.5:
			// the rule itself
		case s.y > ruleY:
			foot = append(foot, s)
		default:
			body = append(body, s)
		}
	}
	sort.SliceStable(foot, func(i, j int) bool { return foot[i].y < foot[j].y-0.5*foot[i].size })
	return body, foot
}

// parseFootnotes reads the lines of a page's foot into footnotes. A line
// that opens with a raised number, or with the number that follows the
// last footnote's, starts a footnote; other lines continue the current one,
// or at the top of a foot, prev: the last footnote of the page before.
func parseFootnotes(page int, foot []*segment, prev *footnote) []*footnote {
	var notes []*footnote
	cur := prev
	last := 0
	if prev != nil {
		last, _ = strconv.Atoi(prev.number)
	}
	for _, s := range foot {
		runs := s.runs
		number := s.lead
		if number != "" {
			runs = runs[1:]
		} else if m := plainNumberRe().FindStringSubmatch(s.text); m != nil {
			if n, _ := strconv.Atoi(m[1]); n == last+1 {
				number = m[1]
				runs = dropLeadingNumber(runs, m[1])
			}
		}
		if number != "" {
			cur = &footnote{number: number, page: page}
			notes = append(notes, cur)
			last, _ = strconv.Atoi(number)
		} else if cur == nil {
			cur = &footnote{page: page}
			notes = append(notes, cur)
		}
		cur.lines = append(cur.lines, runs)
	}
	return notes
}

// dropLeadingNumber removes the printed number from the runs of a footnote
// line.
func dropLeadingNumber(runs []run, number string) []run {
	out := append([]run(nil), runs...)
	for len(out) > 0 && isBlank(out[0].text) {
		out = out[1:]
	}
	if len(out) == 0 {
		return out
	}
	t := out[0].text
	for len(t) > 0 && t[0] == ' ' {
		t = t[1:]
	}
	if len(t) >= len(number) && t[:len(number)] == number {
		out[0].text = t[len(number):]
	}
	return out
}
