package resolution

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	voteLabelRe   = regexp.MustCompile(`(?:^|\s)(In favour|Against|Abstaining|Abstentions?)\s*:`)
	voteCountsRe  = regexp.MustCompile(`(?i)\bvote of (\d{1,6}) to (\d{1,6})`)
	voteAbstainRe = regexp.MustCompile(`(?i)\b(\d{1,6}|no|none|one) abstentions?\b`)
	votingWasRe   = regexp.MustCompile(`\s*The voting was as follows\s*:?\s*$`)
	withoutVoteRe = regexp.MustCompile(`(?i)without a vote|by consensus`)
)

// The three lists of a recorded vote, in the order the UN prints them.
const (
	listInFavour = iota
	listAgainst
	listAbstaining
)

var listNames = [...]string{"In favour", "Against", "Abstaining"}

// parseVote reads a vote record: the text from "[Adopted …" to the closing
// "]", brackets included or not. The statement is the text before the
// first list label, without a closing "The voting was as follows:"; the
// lists are split into State names.
func parseVote(raw string) *Vote {
	s := collapse(raw)
	s = strings.TrimSpace(strings.TrimPrefix(s, "["))
	s = strings.TrimSpace(strings.TrimSuffix(s, "]"))

	// The first occurrence of each label starts its list; a repeated
	// label is text.
	type label struct{ list, start, end int }
	var labels []label
	seen := [3]bool{}
	for _, m := range voteLabelRe.FindAllStringSubmatchIndex(s, -1) {
		list := listAbstaining
		switch s[m[2]:m[3]] {
		case "In favour":
			list = listInFavour
		case "Against":
			list = listAgainst
		}
		if seen[list] {
			continue
		}
		seen[list] = true
		labels = append(labels, label{list, m[2], m[1]})
	}
	sort.Slice(labels, func(i, j int) bool { return labels[i].start < labels[j].start })

	v := &Vote{InFavour: []string{}, Against: []string{}, Abstaining: []string{}, Warnings: []string{}}
	preface := s
	if len(labels) > 0 {
		preface = s[:labels[0].start]
	}
	preface = strings.TrimSpace(votingWasRe.ReplaceAllString(preface, ""))
	v.Statement = preface

	counted := false
	if m := voteCountsRe.FindStringSubmatch(preface); m != nil {
		v.Stated.InFavour, _ = strconv.Atoi(m[1])
		v.Stated.Against, _ = strconv.Atoi(m[2])
		counted = true
		v.Recorded = true
	}
	if m := voteAbstainRe.FindStringSubmatch(preface); m != nil {
		switch strings.ToLower(m[1]) {
		case "no", "none":
			v.Stated.Abstaining = 0
		case "one":
			v.Stated.Abstaining = 1
		default:
			v.Stated.Abstaining, _ = strconv.Atoi(m[1])
		}
	}
	if strings.Contains(strings.ToLower(preface), "recorded vote") || len(labels) > 0 {
		v.Recorded = true
	}
	if !counted && withoutVoteRe.MatchString(preface) && len(labels) == 0 {
		v.Recorded = false
	}

	stated := [3]int{v.Stated.InFavour, v.Stated.Against, v.Stated.Abstaining}
	lists := [3]*[]string{&v.InFavour, &v.Against, &v.Abstaining}
	for i, l := range labels {
		end := len(s)
		if i+1 < len(labels) {
			end = labels[i+1].start
		}
		*lists[l.list] = splitStates(s[l.end:end], stated[l.list])
	}

	if len(labels) > 0 {
		if !counted {
			v.Warnings = append(v.Warnings, fmt.Sprintf(
				"The vote statement gives no counts; the lists name %d in favour, %d against and %d abstaining.",
				len(v.InFavour), len(v.Against), len(v.Abstaining)))
		} else {
			for i, l := range lists {
				if len(*l) != stated[i] {
					v.Warnings = append(v.Warnings, fmt.Sprintf(
						"%s: the list names %d States but the statement says %d.",
						listNames[i], len(*l), stated[i]))
				}
			}
		}
	}
	return v
}

// maxAndSplits bounds how many " and " of a list's last element are tried
// as the place where the last two names are joined.
const maxAndSplits = 8

// splitStates splits a vote list ("Algeria, Argentina, … Uzbekistan and
// Viet Nam") into State names. Names are separated by commas, the last two
// by " and "; where a name itself holds " and " the known State names
// decide which " and " joins the last two. stated (the count the statement
// gives) only breaks a tie for a single unknown "X and Y".
func splitStates(list string, stated int) []string {
	list = strings.TrimSpace(list)
	list = strings.TrimRight(list, " .;]")
	names := []string{}
	for _, e := range strings.Split(list, ",") {
		e = strings.TrimSpace(e)
		if hasText(e) {
			names = append(names, e)
		}
	}
	if len(names) == 0 {
		return names
	}
	last := names[len(names)-1]
	names = names[:len(names)-1]

	var splits []int
	for i := strings.LastIndex(last, " and "); i > 0 && len(splits) < maxAndSplits; i = strings.LastIndex(last[:i], " and ") {
		splits = append(splits, i)
	}
	known := func(s string) int {
		if isMemberState(s) {
			return 1
		}
		return 0
	}
	// Keeping the last element whole is one option; splitting it at one
	// " and " is the others. The best scores most known names; ties go to
	// a split (the UN joins the last two names with "and") except for a
	// single unknown name that the stated count says is one name.
	best, bestScore := -1, 2*known(last)
	if len(names) == 0 && bestScore == 0 && stated != 2 {
		bestScore = 0 // a lone "X and Y" stays whole unless two are stated
	} else if bestScore == 0 {
		bestScore = -1
	}
	for _, i := range splits { // from the last " and " backwards
		if sc := known(last[:i]) + known(last[i+5:]); sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if best < 0 {
		return append(names, last)
	}
	left, right := strings.TrimSpace(last[:best]), strings.TrimSpace(last[best+5:])
	if hasText(left) {
		names = append(names, left)
	}
	if hasText(right) {
		names = append(names, right)
	}
	return names
}
