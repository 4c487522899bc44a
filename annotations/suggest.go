package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexicon maps opening phrases to the tag they suggest. No official UN
// taxonomy exists; this is the sensible default of DOMAIN.md. Phrases are
// lower case; longer phrases are tried first.
var lexicon = map[Part]map[string]Tag{
	OperativePart: {
		"decides": Commitment, "resolves": Commitment, "commits": Commitment,
		"pledges": Commitment, "undertakes": Commitment, "declares": Commitment,
		"adopts": Commitment, "approves": Commitment, "endorses": Commitment,
		"reaffirms its commitment": Commitment,

		"requests": Request, "calls upon": Request, "calls for": Request,
		"urges": Request, "encourages": Request, "invites": Request,
		"recommends": Request, "appeals": Request, "demands": Request,

		"expresses concern": Concern, "expresses its concern": Concern,
		"expresses deep concern": Concern, "expresses its deep concern": Concern,
		"expresses grave concern": Concern, "expresses its grave concern": Concern,
		"expresses alarm": Concern, "expresses its alarm": Concern,
		"condemns": Concern, "deplores": Concern, "regrets": Concern,
	},
	Preamble: {
		"reaffirming its commitment": Commitment, "determined": Commitment,
		"committed": Commitment,

		"calling upon": Request, "desiring": Request,

		"deeply concerned": Concern, "gravely concerned": Concern,
		"recognizing with deep concern": Concern, "alarmed": Concern,
		"noting with concern": Concern, "deploring": Concern,
	},
}

// modifiers are words before the verb that do not change its meaning:
// "Also requests", "Strongly condemns", "Once again urges".
var modifiers = []string{"also", "further", "strongly", "once again", "again"}

// Suggest returns the tag the opening phrase of a clause suggests, if its
// phrase is in the lexicon: "Requests" and "Also requests" suggest a
// request, "Deeply concerned" a concern. The longest phrase wins
// ("Reaffirms its commitment" is a commitment; "Reaffirms" alone suggests
// nothing). A suggestion is shown to the user, never applied without them.
func Suggest(text string, part Part) (Tag, bool) {
	words := openingWords(text, 8)
	for len(words) > 0 {
		stripped := false
		for _, m := range modifiers {
			mw := strings.Fields(m)
			if hasPrefixWords(words, mw) && len(words) > len(mw) {
				words = words[len(mw):]
				stripped = true
				break
			}
		}
		if !stripped {
			break
		}
	}
	parts := []Part{part}
	if part == Unknown {
		parts = []Part{OperativePart, Preamble}
	}
	for n := min(len(words), 5); n > 0; n-- {
		phrase := strings.Join(words[:n], " ")
		for _, p := range parts {
			if t, ok := lexicon[p][phrase]; ok {
				return t, true
			}
		}
	}
	return "", false
}

// openingWords returns the first words of text, lower case, without
// punctuation, at most max. It reads only as far as it needs: clauses can
// be very long.
func openingWords(text string, max int) []string {
	var words []string
	for len(words) < max {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			break
		}
		end := strings.IndexFunc(text, unicode.IsSpace)
		if end < 0 {
			end = len(text)
		}
		f := text[:end]
		text = text[end:]
		w := strings.TrimRightFunc(f, func(r rune) bool { return unicode.IsPunct(r) })
		if w == "" {
			break
		}
		words = append(words, strings.ToLower(w))
		if r, _ := utf8.DecodeLastRuneInString(f); unicode.IsPunct(r) {
			break // "Reaffirming, in that regard," ends the phrase
		}
	}
	return words
}

func hasPrefixWords(words, prefix []string) bool {
	if len(words) < len(prefix) {
		return false
	}
	for i, p := range prefix {
		if words[i] != p {
			return false
		}
	}
	return true
}
