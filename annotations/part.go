package annotations

import "fmt"

// Part says which part of a resolution a clause is in: the brief puts
// preambular and operative paragraphs apart, and suggestions need it
// (operative paragraphs open with verbs, "Requests", preambular ones with
// participles, "Recalling"). A sub-paragraph is in the part of its
// paragraph.
type Part int

// The parts of a resolution.
const (
	// Unknown is a clause of a text whose structure was not recognised (or
	// not said): Suggest tries both lexicons. It is the zero Part.
	Unknown Part = iota
	// Preamble holds the preambular paragraphs (PP1, PP2, …).
	Preamble
	// OperativePart holds the numbered operative paragraphs (OP1, OP2, …).
	OperativePart
	// AnnexPart holds the paragraphs of the annexes ("Annex I, 3"). Suggest
	// suggests nothing for them.
	AnnexPart
)

// valid reports whether p is one of the parts.
func (p Part) valid() bool { return Unknown <= p && p <= AnnexPart }

// partNames are the names of the parts in files (Part.MarshalText).
var partNames = [...]string{Unknown: "", Preamble: "preamble", OperativePart: "operative", AnnexPart: "annex"}

// String returns the part's name: "preamble", "operative", "annex", or ""
// for Unknown.
func (p Part) String() string {
	if !p.valid() {
		return fmt.Sprintf("Part(%d)", int(p))
	}
	return partNames[p]
}

// MarshalText writes the part's name (String).
func (p Part) MarshalText() ([]byte, error) {
	if !p.valid() {
		return nil, fmt.Errorf("annotations: unknown part %d", int(p))
	}
	return []byte(partNames[p]), nil
}

// UnmarshalText reads a part's name: "preamble", "operative", "annex", or
// "" for Unknown.
func (p *Part) UnmarshalText(text []byte) error {
	for i, name := range partNames {
		if string(text) == name {
			*p = Part(i)
			return nil
		}
	}
	return fmt.Errorf("annotations: unknown part %q: want preamble, operative, annex or none", text)
}
