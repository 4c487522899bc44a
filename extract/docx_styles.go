package extract

import (
	"bytes"
	"encoding/xml"
	"io"
)

// maxStyleChain bounds the chains of styles followed (basedOn, style
// links), so that a cycle in a damaged file ends.
const maxStyleChain = 32

// styleDef is a style of styles.xml: its type, parent, run properties and
// numbering.
type styleDef struct {
	typ     string // "paragraph", "character", "numbering", "table"
	basedOn string
	run     runProps
	num     numRef
}

// styleSheet is the styles of a Word file.
type styleSheet struct {
	defaults     runProps // w:docDefaults
	styles       map[string]*styleDef
	defaultPara  string // the paragraph style of paragraphs that name none
	defaultChars string // the character style of runs that name none
}

// parseStyles reads styles.xml (nil: no styles).
func parseStyles(data []byte) (*styleSheet, error) {
	ss := &styleSheet{styles: map[string]*styleDef{}}
	if data == nil {
		return ss, nil
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ss, nil
		}
		if err != nil {
			return nil, err
		}
		t, ok := tok.(xml.StartElement)
		if !ok || !isW(t.Name) {
			continue
		}
		switch t.Name.Local {
		case "rPrDefault":
			if err := children(d, func(t xml.StartElement) error {
				if t.Name.Local == "rPr" {
					return readRPr(d, &ss.defaults)
				}
				return d.Skip()
			}); err != nil {
				return nil, err
			}
		case "style":
			s := &styleDef{typ: attr(t, "type")}
			id := attr(t, "styleId")
			switch attr(t, "default") {
			case "1", "true", "on":
				switch s.typ {
				case "paragraph":
					ss.defaultPara = id
				case "character":
					ss.defaultChars = id
				}
			}
			var pStyle string
			if err := children(d, func(t xml.StartElement) error {
				if !isW(t.Name) {
					return d.Skip()
				}
				switch t.Name.Local {
				case "basedOn":
					s.basedOn = attr(t, "val")
				case "rPr":
					return readRPr(d, &s.run)
				case "pPr":
					return readPPr(d, &pStyle, &s.num)
				}
				return d.Skip()
			}); err != nil {
				return nil, err
			}
			if _, dup := ss.styles[id]; !dup {
				ss.styles[id] = s
			}
		}
	}
}

// chain returns the styles from id up its basedOn chain, the root last.
func (ss *styleSheet) chain(id string) []*styleDef {
	var c []*styleDef
	for i := 0; i < maxStyleChain && id != ""; i++ {
		s, ok := ss.styles[id]
		if !ok {
			break
		}
		c = append(c, s)
		id = s.basedOn
	}
	return c
}

// run returns the effective properties of a run of direct properties r in
// a paragraph of style pStyle: the document defaults, overridden by the
// paragraph style (from its root down), the character style, then r.
func (ss *styleSheet) run(pStyle string, r runProps) runProps {
	p := ss.defaults
	if pStyle == "" {
		pStyle = ss.defaultPara
	}
	c := ss.chain(pStyle)
	for i := len(c) - 1; i >= 0; i-- {
		p = p.over(c[i].run)
	}
	cs := r.style
	if cs == "" {
		cs = ss.defaultChars
	}
	c = ss.chain(cs)
	for i := len(c) - 1; i >= 0; i-- {
		p = p.over(c[i].run)
	}
	return p.over(r)
}

// numbering returns the numbering of a paragraph of style pStyle with
// direct numbering direct: the direct w:numPr's list, else the nearest in
// the style's chain. A level not given is marked so (hasLevel false), for
// the list's level linked to the style.
func (ss *styleSheet) numbering(pStyle string, direct numRef) numRef {
	if pStyle == "" {
		pStyle = ss.defaultPara
	}
	n := direct
	for _, s := range ss.chain(pStyle) {
		if !n.hasNum && s.num.hasNum {
			n.numID, n.hasNum = s.num.numID, true
		}
		if !n.hasLevel && s.num.hasLevel {
			n.ilvl, n.hasLevel = s.num.ilvl, true
		}
	}
	return n
}
