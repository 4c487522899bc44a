package extract

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// numLevel is a level of a list definition (w:lvl).
type numLevel struct {
	defined bool
	start   int
	format  string // w:numFmt: decimal, lowerLetter, lowerRoman, bullet, …
	text    string // w:lvlText: "%1.", "(%2)"
	restart int    // w:lvlRestart: -1 when absent (restart after any higher level)
	legal   bool   // w:isLgl: every level's number shown in decimal
	pStyle  string // the paragraph style linked to this level
}

// abstractNum is a list definition (w:abstractNum).
type abstractNum struct {
	levels       [9]numLevel
	numStyleLink string // the numbering style whose list this one is
}

// numInstance is a list (w:num): a definition, with levels overridden.
type numInstance struct {
	abstract  string
	startOver [9]int // w:startOverride + 1; 0 when none
	levelOver [9]numLevel
}

// listState is the counters of a list definition: Word shares them among
// every list (w:num) that uses the definition.
type listState struct {
	value [9]int
	used  [9]bool
}

// numbering is the lists of a Word file (numbering.xml) and their counters
// as the document is read in order.
type numbering struct {
	styles    *styleSheet
	abstracts map[string]*abstractNum
	nums      map[string]*numInstance
	states    map[string]*listState
	seen      map[string]bool // lists whose start overrides have been applied
}

// parseNumbering reads numbering.xml (nil: no lists).
func parseNumbering(data []byte, ss *styleSheet) (*numbering, error) {
	n := &numbering{styles: ss, abstracts: map[string]*abstractNum{}, nums: map[string]*numInstance{},
		states: map[string]*listState{}, seen: map[string]bool{}}
	if data == nil {
		return n, nil
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return nil, err
		}
		t, ok := tok.(xml.StartElement)
		if !ok || !isW(t.Name) {
			continue
		}
		switch t.Name.Local {
		case "abstractNum":
			a := &abstractNum{}
			id := attr(t, "abstractNumId")
			if err := children(d, func(t xml.StartElement) error {
				switch t.Name.Local {
				case "lvl":
					return readLevel(d, t, &a.levels)
				case "numStyleLink":
					a.numStyleLink = attr(t, "val")
				}
				return d.Skip()
			}); err != nil {
				return nil, err
			}
			n.abstracts[id] = a
		case "num":
			m := &numInstance{}
			id := attr(t, "numId")
			if err := children(d, func(t xml.StartElement) error {
				switch t.Name.Local {
				case "abstractNumId":
					m.abstract = attr(t, "val")
				case "lvlOverride":
					il, err := strconv.Atoi(attr(t, "ilvl"))
					if err != nil || il < 0 || il > 8 {
						return d.Skip()
					}
					return children(d, func(t xml.StartElement) error {
						switch t.Name.Local {
						case "startOverride":
							if v, err := strconv.Atoi(attr(t, "val")); err == nil && v >= 0 {
								m.startOver[il] = v + 1
							}
						case "lvl":
							return readLevel(d, t, &m.levelOver)
						}
						return d.Skip()
					})
				}
				return d.Skip()
			}); err != nil {
				return nil, err
			}
			n.nums[id] = m
		}
	}
}

// readLevel reads a w:lvl into levels.
func readLevel(d *xml.Decoder, t xml.StartElement, levels *[9]numLevel) error {
	il, err := strconv.Atoi(attr(t, "ilvl"))
	if err != nil || il < 0 || il > 8 {
		return d.Skip()
	}
	l := numLevel{defined: true, start: 0, format: "decimal", restart: -1}
	if err := children(d, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "start":
			if v, err := strconv.Atoi(attr(t, "val")); err == nil && v >= 0 {
				l.start = v
			}
		case "numFmt":
			l.format = attr(t, "val")
		case "lvlText":
			l.text = attr(t, "val")
		case "lvlRestart":
			if v, err := strconv.Atoi(attr(t, "val")); err == nil && v >= 0 {
				l.restart = v
			}
		case "isLgl":
			l.legal = toggle(t) == on
		case "pStyle":
			l.pStyle = attr(t, "val")
		}
		return d.Skip()
	}); err != nil {
		return err
	}
	levels[il] = l
	return nil
}

// definition returns the list definition of a list and its id, following
// a numbering style link (w:numStyleLink) to the definition that holds the
// levels.
func (n *numbering) definition(numID string) (string, *abstractNum) {
	for i := 0; i < maxStyleChain; i++ {
		m := n.nums[numID]
		if m == nil {
			return "", nil
		}
		a := n.abstracts[m.abstract]
		if a == nil {
			return "", nil
		}
		if a.numStyleLink == "" {
			return m.abstract, a
		}
		// The numbering style's own w:numPr names the list to use.
		s := n.styles.styles[a.numStyleLink]
		if s == nil || !s.num.hasNum || s.num.numID == numID {
			return m.abstract, a
		}
		numID = s.num.numID
	}
	return "", nil
}

// label counts a paragraph of list ref (and paragraph style pStyle) and
// returns the number Word prints before it: "3.", "(b)", "(ii)"; "" for a
// paragraph outside lists, a bulleted one, or one whose level prints no
// number.
//
// Counting follows Word: the lists (w:num) of one definition share its
// counters, and a list's w:startOverride restarts a level the first time
// the list is used; a level starts at w:start, goes up by one with each
// paragraph, and restarts after a paragraph of a higher level (or only
// after the level named by w:lvlRestart; never if it is 0). A level not
// yet used prints its start value in another level's text ("%1.%2").
func (n *numbering) label(ref numRef, pStyle string) string {
	if !ref.hasNum || ref.numID == "0" {
		return ""
	}
	m := n.nums[ref.numID]
	id, a := n.definition(ref.numID)
	if m == nil || a == nil {
		return ""
	}
	ilvl := ref.ilvl
	if !ref.hasLevel {
		ilvl = 0
		for i, l := range a.levels {
			if l.defined && l.pStyle != "" && l.pStyle == pStyle {
				ilvl = i
				break
			}
		}
	}
	level := func(i int) numLevel {
		if m.levelOver[i].defined {
			return m.levelOver[i]
		}
		return a.levels[i]
	}
	start := func(i int) int {
		if m.startOver[i] > 0 {
			return m.startOver[i] - 1
		}
		return level(i).start
	}
	st := n.states[id]
	if st == nil {
		st = &listState{}
		n.states[id] = st
	}
	if !n.seen[ref.numID] {
		n.seen[ref.numID] = true
		for i := range m.startOver {
			if m.startOver[i] > 0 {
				st.used[i] = false
			}
		}
	}
	if st.used[ilvl] {
		st.value[ilvl]++
	} else {
		st.value[ilvl] = start(ilvl)
		st.used[ilvl] = true
	}
	for i := ilvl + 1; i < 9; i++ {
		if r := level(i).restart; r < 0 || (r > 0 && ilvl < r) {
			st.used[i] = false
		}
	}
	lv := level(ilvl)
	if !lv.defined || lv.format == "bullet" {
		return ""
	}
	var b strings.Builder
	text := lv.text
	for k := 0; k < len(text); k++ {
		c := text[k]
		if c != '%' || k+1 >= len(text) || text[k+1] < '1' || text[k+1] > '9' {
			b.WriteByte(c)
			continue
		}
		i := int(text[k+1] - '1')
		k++
		v := start(i)
		if st.used[i] {
			v = st.value[i]
		}
		format := level(i).format
		if lv.legal && i < ilvl {
			format = "decimal"
		}
		b.WriteString(formatNumber(v, format))
	}
	return strings.TrimSpace(b.String())
}

// formatNumber writes n in a w:numFmt. Formats Clausemark does not know
// (other scripts' numerals) are written in decimal.
func formatNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "lowerLetter":
		return letters(n, 'a')
	case "upperLetter":
		return letters(n, 'A')
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(n) + ")"
	case "ordinal":
		return strconv.Itoa(n) + ordinalSuffix(n)
	}
	return strconv.Itoa(n)
}

// letters writes n as Word does: a … z, then aa … zz, aaa ….
func letters(n int, a byte) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	count := (n-1)/26 + 1
	if count > 10 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune(a+byte((n-1)%26))), count)
}

// roman writes 1 … 3999 in Roman numerals, other numbers in decimal.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
