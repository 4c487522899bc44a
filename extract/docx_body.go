package extract

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// opt is a run property that may be set on, set off, or left to the styles.
type opt int8

const (
	unset opt = iota
	on
	off
)

// toggle reads the w:val of an on/off property: absent means on.
func toggle(t xml.StartElement) opt {
	switch strings.ToLower(attr(t, "val")) {
	case "0", "false", "off", "none":
		return off
	}
	return on
}

// runProps are the formatting properties of a run that matter here.
type runProps struct {
	style       string // character style id
	italic      opt
	bold        opt
	superscript opt
	hidden      opt
}

// over returns p with the properties that q sets.
func (p runProps) over(q runProps) runProps {
	if q.italic != unset {
		p.italic = q.italic
	}
	if q.bold != unset {
		p.bold = q.bold
	}
	if q.superscript != unset {
		p.superscript = q.superscript
	}
	if q.hidden != unset {
		p.hidden = q.hidden
	}
	return p
}

// numRef is a paragraph's numbering: w:numPr's list and level.
type numRef struct {
	numID    string
	ilvl     int
	hasNum   bool
	hasLevel bool
}

// segKind is the kind of a piece of a paragraph.
type segKind uint8

const (
	segText     segKind = iota
	segSpace            // a tab, a line break
	segNoteRef          // a footnote or endnote reference: id is "f<id>" or "e<id>"
	segNoteMark         // the note's own number, inside its text
)

// seg is a piece of a paragraph with the properties of its run.
type seg struct {
	kind  segKind
	text  string
	id    string
	props runProps
}

// para is a paragraph as read: its style, numbering and pieces.
type para struct {
	style string
	num   numRef
	segs  []seg
	run   runProps // the properties of the run being read
}

// walker reads paragraphs from a WordprocessingML part.
type walker struct {
	d      *xml.Decoder
	open   []*para // paragraphs being read (a text box nests paragraphs)
	fields []bool  // fields open, true while in their instructions
}

// walk reads the paragraphs of a part in document order and calls emit on
// each when it ends (a paragraph of a text box before the one that holds
// it). note, if not nil, is called at the start (with the note's id and
// type) and the end (id "") of each w:footnote and w:endnote.
func walk(data []byte, emit func(*para), note func(id, typ string)) error {
	w := &walker{d: xml.NewDecoder(bytes.NewReader(data))}
	w.d.Strict = true
	d := w.d
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if len(w.open) > 0 {
				return io.ErrUnexpectedEOF
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				// The same content as mc:Choice, for older readers.
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			if !isW(t.Name) {
				continue
			}
			if err := w.start(t, note); err != nil {
				return err
			}
		case xml.EndElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "p":
				if n := len(w.open); n > 0 {
					p := w.open[n-1]
					w.open = w.open[:n-1]
					emit(p)
				}
			case "r":
				if p := w.top(); p != nil {
					p.run = runProps{}
				}
			case "footnote", "endnote":
				if note != nil {
					note("", "")
				}
			}
		}
	}
}

// top returns the paragraph being read, nil outside paragraphs.
func (w *walker) top() *para {
	if n := len(w.open); n > 0 {
		return w.open[n-1]
	}
	return nil
}

// inInstructions reports text inside a field's instructions (not shown).
func (w *walker) inInstructions() bool {
	for _, instr := range w.fields {
		if instr {
			return true
		}
	}
	return false
}

// add appends a piece to the paragraph being read, with its run's
// properties.
func (w *walker) add(s seg) {
	p := w.top()
	if p == nil || (w.inInstructions() && s.kind != segNoteRef) {
		return
	}
	s.props = p.run
	p.segs = append(p.segs, s)
}

// start handles the start of a w: element.
func (w *walker) start(t xml.StartElement, note func(id, typ string)) error {
	d := w.d
	switch t.Name.Local {
	case "p":
		w.open = append(w.open, &para{})
	case "pPr":
		p := w.top()
		if p == nil {
			return d.Skip()
		}
		return readPPr(d, &p.style, &p.num)
	case "r":
		if p := w.top(); p != nil {
			p.run = runProps{}
		}
	case "rPr":
		p := w.top()
		if p == nil {
			return d.Skip()
		}
		return readRPr(d, &p.run)
	case "t":
		var b strings.Builder
		if err := readCharData(d, &b); err != nil {
			return err
		}
		w.add(seg{kind: segText, text: b.String()})
	case "tab", "ptab", "br", "cr":
		w.add(seg{kind: segSpace})
	case "noBreakHyphen":
		w.add(seg{kind: segText, text: "\u2011"}) // as printed: a hyphen that does not break
	case "footnoteReference", "endnoteReference":
		switch strings.ToLower(attr(t, "customMarkFollows")) {
		case "1", "true", "on":
			// The mark is the text that follows, typed by the author.
			return nil
		}
		w.add(seg{kind: segNoteRef, id: t.Name.Local[:1] + attr(t, "id")})
	case "footnoteRef", "endnoteRef":
		w.add(seg{kind: segNoteMark})
	case "fldChar":
		switch attr(t, "fldCharType") {
		case "begin":
			w.fields = append(w.fields, true)
		case "separate":
			if n := len(w.fields); n > 0 {
				w.fields[n-1] = false
			}
		case "end":
			if n := len(w.fields); n > 0 {
				w.fields = w.fields[:n-1]
			}
		}
	case "footnote", "endnote":
		typ := attr(t, "type")
		if typ != "" && typ != "normal" {
			return d.Skip() // separators and continuation notices
		}
		if note != nil {
			note(t.Name.Local[:1]+attr(t, "id"), typ)
		}
	case "del", "moveFrom", "delText", "instrText", "sectPr", "tblPr", "trPr", "tcPr",
		"footnotePr", "endnotePr", "rPrChange", "pPrChange", "sym", "object":
		// Deleted text, field instructions, properties: nothing shown.
		// (An embedded OLE object shows a picture, not text.)
		return d.Skip()
	}
	return nil
}

// readCharData reads the character data of the element just started, to
// its end.
func readCharData(d *xml.Decoder, b *strings.Builder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// children calls fn on each child element of the element just started, to
// its end; fn must read its element to the end (d.Skip).
func children(d *xml.Decoder, fn func(t xml.StartElement) error) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// readPPr reads the paragraph style and numbering of a w:pPr.
func readPPr(d *xml.Decoder, style *string, num *numRef) error {
	return children(d, func(t xml.StartElement) error {
		if !isW(t.Name) {
			return d.Skip()
		}
		switch t.Name.Local {
		case "pStyle":
			*style = attr(t, "val")
		case "numPr":
			return children(d, func(t xml.StartElement) error {
				switch t.Name.Local {
				case "numId":
					num.numID, num.hasNum = attr(t, "val"), true
				case "ilvl":
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
						num.ilvl, num.hasLevel = n, true
					}
				}
				return d.Skip()
			})
		}
		return d.Skip()
	})
}

// readRPr reads the run properties of a w:rPr.
func readRPr(d *xml.Decoder, p *runProps) error {
	return children(d, func(t xml.StartElement) error {
		if !isW(t.Name) {
			return d.Skip()
		}
		switch t.Name.Local {
		case "rStyle":
			p.style = attr(t, "val")
		case "i":
			p.italic = toggle(t)
		case "b":
			p.bold = toggle(t)
		case "vanish":
			p.hidden = toggle(t)
		case "vertAlign":
			if attr(t, "val") == "superscript" {
				p.superscript = on
			} else {
				p.superscript = off
			}
		}
		return d.Skip()
	})
}

// docx is the state of one DOCXText: the package, its styles, numbering
// and notes, and the blocks written so far.
type docx struct {
	pkg       *docxPackage
	styles    *styleSheet
	numbering *numbering
	notes     map[string][]*para // note id ("f2", "e1") → its paragraphs
	numbers   map[string]int     // note id → its number, in order of reference
	next      int                // the last note number given
	blocks    []string
}

// readNotes reads the notes of footnotes.xml or endnotes.xml.
func (x *docx) readNotes(data []byte) error {
	if data == nil {
		return nil
	}
	id := ""
	return walk(data, func(p *para) {
		if id != "" {
			x.notes[id] = append(x.notes[id], p)
		}
	}, func(noteID, _ string) {
		id = noteID
	})
}

// paragraph writes a paragraph of the main document, then the notes it
// refers to.
func (x *docx) paragraph(p *para) {
	label := x.numbering.label(x.styles.numbering(p.style, p.num), p.style)
	var refs []string
	text := x.render(p, 0, &refs)
	if text != "" {
		if label != "" {
			text = label + " " + text
		}
		x.blocks = append(x.blocks, text)
	}
	for _, id := range refs {
		n := x.numbers[id]
		var lines []string
		for _, np := range x.notes[id] {
			if s := x.render(np, n, nil); s != "" {
				lines = append(lines, s)
			}
		}
		delete(x.notes, id) // each note's text is written once
		if len(lines) == 0 {
			continue
		}
		body := strings.Join(lines, "\n")
		mark := superscript(n)
		if rest, ok := strings.CutPrefix(body, mark); ok {
			body = strings.TrimLeft(rest, " ")
		}
		x.blocks = append(x.blocks, mark+" "+body)
	}
}

// render writes the text of a paragraph: note is the number of the note
// whose text this is (0 in the main document); the ids of the notes it
// refers to are added to refs.
func (x *docx) render(p *para, note int, refs *[]string) string {
	var b inline
	for _, s := range p.segs {
		props := x.styles.run(p.style, s.props)
		if props.hidden == on {
			continue
		}
		var st style
		if props.italic == on {
			st |= italic
		}
		if props.bold == on {
			st |= bold
		}
		switch s.kind {
		case segText:
			if props.superscript == on && allDigits(strings.TrimSpace(s.text)) {
				b.marker(superscriptString(strings.TrimSpace(s.text)))
			} else {
				b.text(s.text, st)
			}
		case segSpace:
			b.space()
		case segNoteRef:
			n, ok := x.numbers[s.id]
			if !ok {
				x.next++
				n = x.next
				x.numbers[s.id] = n
			}
			b.marker(superscript(n))
			if refs != nil {
				*refs = append(*refs, s.id)
			}
		case segNoteMark:
			if note > 0 {
				b.marker(superscript(note))
			}
		}
	}
	return b.String()
}
