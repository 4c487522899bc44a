package resolution

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// preambularOpenings are the opening phrases of preambular paragraphs,
// as the UN writes them (participles and adjectives, with the adverbs and
// complements that belong to the phrase). The text files do not mark them,
// so the Lead of a preambular paragraph is the longest of these phrases the
// text starts with. Adjectives are listed without their preposition
// ("Deeply concerned", not "Deeply concerned about"); "Taking note … of" keeps
// its "of", as the UN lists it.
var preambularOpenings = []string{
	"Acknowledging", "Acknowledging also", "Acknowledging further",
	"Acknowledging with appreciation", "Acknowledging with concern",
	"Acknowledging with satisfaction",
	"Affirming", "Affirming also", "Affirming further",
	"Alarmed", "Alarmed by", "Gravely alarmed", "Deeply alarmed", "Seriously alarmed",
	"Appreciating", "Appreciating also", "Approving",
	"Aware", "Fully aware", "Also aware", "Bearing in mind", "Bearing in mind also",
	"Believing", "Fully believing", "Firmly believing",
	"Cognizant", "Also cognizant", "Fully cognizant",
	"Commending", "Commending also", "Concerned", "Also concerned", "Further concerned",
	"Deeply concerned", "Gravely concerned", "Seriously concerned", "Extremely concerned",
	"Greatly concerned", "Profoundly concerned", "Concerned also",
	"Confident", "Conscious", "Deeply conscious", "Fully conscious",
	"Considering", "Considering also", "Considering further",
	"Contemplating", "Convinced", "Also convinced", "Deeply convinced", "Firmly convinced",
	"Fully convinced", "Declaring", "Deploring", "Also deploring", "Further deploring",
	"Strongly deploring", "Deeply deploring",
	"Desiring", "Desirous", "Determined", "Also determined", "Firmly determined",
	"Disturbed", "Deeply disturbed", "Emphasizing", "Emphasizing also", "Emphasizing further",
	"Encouraged", "Encouraging", "Endorsing", "Expecting",
	"Expressing", "Expressing its appreciation", "Expressing its deep appreciation",
	"Expressing its concern", "Expressing its deep concern", "Expressing its grave concern",
	"Expressing deep concern", "Expressing grave concern", "Expressing concern",
	"Expressing its satisfaction", "Expressing its gratitude", "Expressing its support",
	"Expressing its conviction", "Expressing its determination", "Expressing its hope",
	"Expressing appreciation", "Expressing satisfaction", "Expressing also",
	"Fulfilling", "Further deploring", "Further recalling", "Further recognizing",
	"Guided by", "Guided also by", "Having adopted", "Having considered",
	"Having examined", "Having heard", "Having received", "Having reviewed",
	"Having studied", "Highlighting", "Highlighting also", "Keeping in mind",
	"Looking forward", "Mindful", "Also mindful", "Further mindful", "Noting",
	"Noting also", "Noting further", "Noting with appreciation",
	"Noting with concern", "Noting with deep concern", "Noting with grave concern",
	"Noting with interest", "Noting with regret", "Noting with satisfaction",
	"Noting also with appreciation", "Noting also with concern",
	"Noting also with satisfaction", "Noting further with concern",
	"Observing", "Reaffirming", "Reaffirming also", "Reaffirming further",
	"Reaffirming its commitment", "Realizing", "Recalling", "Recalling also",
	"Recalling further", "Recalling in particular", "Recognizing", "Recognizing also",
	"Recognizing further", "Recognizing with appreciation",
	"Recognizing with concern", "Recognizing with deep concern",
	"Recognizing with satisfaction", "Referring", "Regretting", "Deeply regretting",
	"Reiterating", "Reiterating also", "Reiterating further", "Reiterating its commitment",
	"Reiterating its concern", "Reiterating its deep concern", "Seeking",
	"Stressing", "Stressing also", "Stressing further", "Strongly condemning",
	"Condemning", "Taking into account", "Taking into account also",
	"Taking into consideration", "Taking note of", "Taking note also of",
	"Taking note further of", "Taking note with appreciation of",
	"Taking note with interest of", "Taking note with concern of",
	"Taking note with satisfaction of", "Taking note", "Underlining",
	"Underlining also", "Underlining further", "Underscoring", "Underscoring also",
	"Urging", "Viewing with appreciation", "Welcoming", "Welcoming also",
	"Welcoming further", "Welcoming with appreciation", "Wishing",
}

// operativeModifiers are the adverbs that may precede an operative verb.
var operativeModifiers = []string{
	"Also", "Further", "Strongly", "Once again", "Once more", "Again", "Firmly",
	"Hereby", "Moreover", "Furthermore", "Finally",
}

// operativeOpenings are the operative verb phrases whose usual italics go
// beyond the verb. They are used only when a text has no *italics*.
var operativeOpenings = []string{
	"Takes note", "Calls upon", "Calls on", "Calls for", "Expresses its concern",
	"Expresses its deep concern", "Expresses its grave concern",
	"Expresses deep concern", "Expresses grave concern", "Expresses concern",
	"Expresses its appreciation", "Expresses its deep appreciation",
	"Expresses its gratitude", "Expresses its conviction", "Expresses its support",
	"Expresses its full support", "Expresses its hope", "Expresses its satisfaction",
	"Expresses alarm", "Expresses its alarm", "Reiterates its call upon",
	"Reiterates its call", "Reiterates its concern", "Reiterates its deep concern",
	"Looks forward",
}

// byLengthDesc returns phrases sorted longest first, so that the first
// phrase a text starts with is the longest.
func byLengthDesc(phrases []string) []string {
	s := append([]string(nil), phrases...)
	sort.SliceStable(s, func(i, j int) bool { return len(s[i]) > len(s[j]) })
	return s
}

var (
	preambularByLength = byLengthDesc(preambularOpenings)
	operativeByLength  = byLengthDesc(operativeOpenings)
	modifiersByLength  = byLengthDesc(operativeModifiers)
)

// startsWithPhrase reports whether text starts with phrase followed by
// a word boundary (end of text or a character that is not a letter or digit).
func startsWithPhrase(text, phrase string) bool {
	if !strings.HasPrefix(text, phrase) {
		return false
	}
	rest := text[len(phrase):]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
}

// longestPhrase returns the longest phrase of sorted (longest first) that
// text starts with, or "".
func longestPhrase(text string, sorted []string) string {
	for _, p := range sorted {
		if startsWithPhrase(text, p) {
			return p
		}
	}
	return ""
}

// firstWord returns the leading run of letters, hyphens and apostrophes.
func firstWord(text string) string {
	for i, r := range text {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return text[:i]
		}
	}
	return text
}

// preambularLead is the code point length of the opening phrase of a
// preambular paragraph's plain text: the longest lexicon phrase, else the
// first word when it is capitalised and ends in "ing", else 0.
func preambularLead(text string) int {
	if p := longestPhrase(text, preambularByLength); p != "" {
		return runeLen(p)
	}
	w := firstWord(text)
	if len(w) > 3 && strings.HasSuffix(w, "ing") && startsUpper(w) {
		return runeLen(w)
	}
	return 0
}

// operativeLead is the code point length of the verb phrase of an operative
// paragraph without italics: optional modifiers ("Also", "Once again"), then
// the longest lexicon phrase or else the first word when it is capitalised
// (after a modifier, lowercase) and ends in "s".
func operativeLead(text string) int {
	rest := text
	for {
		m := longestPhrase(rest, modifiersByLength)
		if m == "" || len(rest) == len(m) || rest[len(m)] != ' ' {
			break
		}
		rest = rest[len(m)+1:]
	}
	prefix := len(text) - len(rest)
	if p := longestPhrase(upperFirst(rest), operativeByLength); p != "" {
		return runeLen(text[:prefix+len(p)])
	}
	w := firstWord(rest)
	if len(w) > 2 && strings.HasSuffix(w, "s") && (prefix > 0 || startsUpper(w)) {
		return runeLen(text[:prefix+len(w)])
	}
	return 0
}

// startsUpper reports whether s starts with an uppercase letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// upperFirst returns s with its first letter in upper case (same length for
// ASCII, which is all the lexicon holds).
func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
