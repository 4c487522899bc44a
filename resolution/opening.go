package resolution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The openings of paragraphs by their shape. The lexicon (lexicon.go) lists
// the usual phrases, but resolutions use many more ("Acting under Chapter
// VII", "Gravely distressed by", "Further welcoming", "Paying tribute"):
// the shape of the first words is what the parser goes by, the lexicon only
// confirms.
//
//   - A preambular opening is a participle or an adjective phrase: optional
//     adverbs ("Deeply", "Further", "Also"), then a word in -ing
//     ("Determining", "Acting", "Calling upon", "Having considered"), a
//     word in -ed ("Convinced", "Guided by", "Gravely distressed") or an
//     adjective of the preamble ("Aware", "Mindful", "Cognizant").
//   - An operative opening is a verb in the third person: optional
//     adverbs, then a word in -s ("Decides", "Calls upon", "Further
//     expresses", "Strongly condemns").
//
// A word in -ed or -s must be followed by a lowercase word, a comma, a colon
// or the end, so that "United Nations" or "States Members" is not taken for
// an opening; a word in -ing may be followed by a name ("Recalling Security
// Council resolution …"), except the nouns in -ing that begin names
// ("Training Centre"), and so may the usual operative verbs ("Requests
// UNSOM to …", operativeVerbs).

// preambularAdjectives are the adjectives (not participles) that open
// preambular paragraphs.
var preambularAdjectives = map[string]bool{
	"Aware": true, "Mindful": true, "Cognizant": true, "Conscious": true,
	"Confident": true, "Desirous": true, "Anxious": true, "Eager": true,
	"Keen": true, "Certain": true, "Sure": true, "Hopeful": true,
	"Appreciative": true, "Grateful": true, "Resolute": true, "Fearful": true,
	"Respectful": true, "Supportive": true, "Watchful": true,
}

// ingNouns are words in -ing that begin names rather than paragraphs.
var ingNouns = map[string]bool{
	"Meeting": true, "Building": true, "Training": true, "Funding": true,
	"Housing": true, "Spring": true, "King": true, "Wing": true, "Ring": true,
	"Beijing": true, "Nanjing": true, "Sterling": true, "Hearing": true,
	"Briefing": true, "Reading": true, "Morning": true, "Evening": true,
	"Ceiling": true, "Thing": true, "Nothing": true, "Something": true,
	"Anything": true, "Everything": true, "During": true, "Notwithstanding": true,
	"Concerning": true, "Regarding": true, "According": true, "Pending": true,
	"Following": true, "Including": true, "Excluding": true, "Bring": true,
	"String": true, "Sibling": true, "Viking": true, "Darjeeling": true,
}

// pluralNouns are words in -s that begin sentences or names, not operative
// paragraphs.
var pluralNouns = map[string]bool{
	"States": true, "Nations": true, "Parties": true, "Members": true,
	"Arms": true, "Forces": true, "Rights": true, "Affairs": true,
	"Sanctions": true, "Means": true, "Series": true, "News": true,
	"Headquarters": true, "This": true, "Thus": true, "Has": true, "Was": true,
	"Is": true, "As": true, "Its": true, "His": true, "Us": true, "Yes": true,
	"Perhaps": true, "Always": true, "Sometimes": true, "Regardless": true,
	"Unless": true, "Towards": true, "Afterwards": true, "Besides": true,
	"Governments": true, "Organizations": true, "Organisations": true,
	"Countries": true, "Peoples": true, "Persons": true, "Women": false,
}

// openingAdverbs are the adverbs that may come before the head word of an
// opening besides the words in -ly.
var openingAdverbs = map[string]bool{
	"Also": true, "Further": true, "Again": true, "Once": true, "Hereby": true,
	"Moreover": true, "Furthermore": true, "Finally": true, "Still": true,
	"Most": true, "Very": true, "Equally": true,
}

// openingWords returns up to n leading words of text: runs of letters,
// hyphens and apostrophes, separated by single spaces, and what follows the
// last one (the rest of the text).
func openingWords(text string, n int) (words []string, rest string) {
	rest = text
	for len(words) < n {
		w := firstWord(rest)
		if w == "" {
			return words, rest
		}
		words = append(words, w)
		rest = rest[len(w):]
		if !strings.HasPrefix(rest, " ") {
			return words, rest
		}
		if len(words) < n {
			rest = rest[1:]
		}
	}
	return words, rest
}

// isTitleWord reports whether w is capitalised and otherwise lowercase:
// "Determining", not "UNSOM" or "iPhone".
func isTitleWord(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[size:] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isLowerWord reports whether w starts with a lowercase letter.
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// openingShape says how a paragraph's plain text opens: as a preambular
// paragraph (a participle or adjective phrase), as an operative paragraph
// (a verb in -s), or neither. The lexicon phrases count as well.
func openingShape(text string) (preambular, operative bool) {
	text = strings.TrimLeft(text, " \t*")
	if longestPhrase(text, preambularByLength) != "" {
		return true, false
	}
	words, _ := openingWords(text, 4)
	if len(words) == 0 || !isTitleWord(words[0]) {
		return false, false
	}
	// Adverbs first: "Deeply", "Further", "Also", "Once again".
	i := 0
	for i < len(words)-1 && i < 2 && isAdverb(words[i], i == 0) && isLowerWord(words[i+1]) {
		i++
		if words[i-1] == "Once" && words[i] == "again" && i < len(words)-1 {
			i++
		}
	}
	head := words[i]
	if i > 0 {
		head = upperFirst(head)
	}
	if strings.ContainsAny(head, "'’") {
		return false, false // a possessive: "Somalia’s federal system"
	}
	follow := ""
	var after string
	if i+1 < len(words) {
		follow = words[i+1]
	} else {
		_, after = openingWords(text, i+1)
	}
	// followOK: what may follow a word in -ed or -s.
	followOK := (follow != "" && isLowerWord(follow)) || (follow == "" && opensClause(after))
	switch {
	case preambularAdjectives[head]:
		return followOK, false
	case len(head) >= 5 && strings.HasSuffix(head, "ing"):
		return !ingNouns[head], false
	case len(head) >= 4 && strings.HasSuffix(head, "ed"):
		return followOK, false
	case operativeVerbs[strings.ToLower(head)]:
		// A known verb may be followed by a name: "Requests UNSOM to …".
		return false, true
	case len(head) >= 4 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") &&
		!strings.HasSuffix(head, "ous") && !strings.HasSuffix(head, "us") && !strings.HasSuffix(head, "is") &&
		!pluralNouns[head]:
		return false, followOK
	}
	if longestPhrase(upperFirst(strings.Join(words[i:], " ")), operativeByLength) != "" {
		return false, true
	}
	return false, false
}

// opensClause reports whether what follows an opening's head word lets it
// be one: the end of the text, a comma or a colon (after closing markers).
func opensClause(after string) bool {
	after = strings.TrimLeft(after, "*")
	if strings.TrimSpace(after) == "" {
		return true
	}
	switch after[0] {
	case ',', ':', ';':
		return true
	}
	return false
}

// isAdverb reports whether w may stand before an opening's head word:
// "Also", "Further", "Once", a word in -ly ("Deeply", "Gravely").
func isAdverb(w string, first bool) bool {
	if !first {
		w = upperFirst(w)
	}
	return openingAdverbs[w] || (len(w) > 4 && strings.HasSuffix(w, "ly"))
}

// startsWithOpening reports whether text opens like a preambular or an
// operative paragraph.
func startsWithOpening(text string) bool {
	pre, op := openingShape(text)
	return pre || op
}
