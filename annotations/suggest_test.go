package annotations

import "testing"

func TestSuggest(t *testing.T) {
	cases := []struct {
		text string
		part Part
		want Tag
	}{
		{"Requests the Office of the United Nations High Commissioner to seek", OperativePart, Request},
		{"Also requests the Office of the High Commissioner to make clear", OperativePart, Request},
		{"Calls upon the international community to maximize", OperativePart, Request},
		{"Once again urges States that have and continue to apply", OperativePart, Request},
		{"Expresses its concern at the continued imposition", OperativePart, Concern},
		{"Expresses grave concern at", OperativePart, Concern},
		{"Strongly condemns all acts", OperativePart, Concern},
		{"Decides to continue its consideration of the matter", OperativePart, Commitment},
		{"Reaffirms its commitment to international cooperation", OperativePart, Commitment},
		{"Reaffirming its commitment to promoting international cooperation", Preamble, Commitment},
		{"Deeply concerned about the impact of the coronavirus disease", Preamble, Concern},
		{"Recognizing with deep concern the impact of high debt levels", Preamble, Concern},
		{"Determined to take new steps forward", Preamble, Commitment},
		{"Desiring to promote", Preamble, Request},
		{"Requests the Secretary-General", Unknown, Request},
		{"Deeply concerned", Unknown, Concern},
		// No suggestion: the verb is not in the lexicon, or the phrase is
		// only the start of a longer one.
		{"Reaffirms that it is one of the purposes of the United Nations", OperativePart, ""},
		{"Recalling General Assembly resolution 70/1", Preamble, ""},
		{"Recognizing the importance of the universality", Preamble, ""},
		{"Takes note of the annual update", OperativePart, ""},
		{"Requests", Preamble, ""}, // an operative verb in the preamble
		{"Also", OperativePart, ""},
		{"", OperativePart, ""},
		{"Requestsfoo the", OperativePart, ""},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			got, ok := Suggest(c.text, c.part)
			if got != c.want || ok != (c.want != "") {
				t.Errorf("got %q %v, want %q", got, ok, c.want)
			}
		})
	}
}
