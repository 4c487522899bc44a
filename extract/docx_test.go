package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// makeZip returns a zip archive of the files, in the order given.
func makeZip(t testing.TB, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makeDOCX returns a Word file whose body is body; extra parts (styles,
// numbering, footnotes) are found at their default names.
func makeDOCX(t testing.TB, body string, extra ...[2]string) []byte {
	t.Helper()
	files := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`},
	}
	return makeZip(t, append(files, extra...)...)
}

func numberingPart(body string) [2]string {
	return [2]string{"word/numbering.xml", `<w:numbering ` + wNS + `>` + body + `</w:numbering>`}
}

func stylesPart(body string) [2]string {
	return [2]string{"word/styles.xml", `<w:styles ` + wNS + `>` + body + `</w:styles>`}
}

func docxText(t *testing.T, body string, extra ...[2]string) string {
	t.Helper()
	s, err := DOCXText(makeDOCX(t, body, extra...))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func p(runs string) string { return `<w:p>` + runs + `</w:p>` }
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func rp(props, text string) string {
	return `<w:r><w:rPr>` + props + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}
func np(numID, ilvl, runs string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + runs + `</w:p>`
}

func TestDOCXTextRuns(t *testing.T) {
	cases := []struct {
		name, body string
		extra      [][2]string
		want       string
	}{
		{"paragraphs, empty ones dropped", p(r("One.")) + p("") + p(r("  ")) + p(r("Two.")), nil, "One.\n\nTwo.\n"},
		{"adjacent italic runs make one phrase", p(rp(`<w:i/>`, "Calls") + rp(`<w:i/>`, " ") + rp(`<w:i/>`, "upon") + r(" all States;")), nil, "*Calls upon* all States;\n"},
		{"a plain space between italic runs joins them", p(rp(`<w:i/>`, "Recalling") + r(" ") + rp(`<w:i/>`, "also") + r(" its resolution,")), nil, "*Recalling also* its resolution,\n"},
		{"no marker around white space", p(r("The") + rp(`<w:b/>`, " ") + r("text")), nil, "The text\n"},
		{"spaces outside the markers", p(r("in") + rp(`<w:i/>`, " italics ") + r("here")), nil, "in *italics* here\n"},
		{"part of a word italic makes the whole word italic", p(rp(`<w:i/>`, "Decide") + r("s to act;")), nil, "*Decides* to act;\n"},
		{"bold and italic", p(rp(`<w:b/><w:i/>`, "Annex")), nil, "***Annex***\n"},
		{"w:i w:val=0 is not italic", p(rp(`<w:i w:val="0"/>`, "plain")), nil, "plain\n"},
		{"italic through a character style", p(`<w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t>Urges</w:t></w:r>` + r(" States;")),
			[][2]string{stylesPart(`<w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>`)}, "*Urges* States;\n"},
		{"bold through a paragraph style and its parent", `<w:p><w:pPr><w:pStyle w:val="H2"/></w:pPr>` + r("Arms embargo") + `</w:p>`,
			[][2]string{stylesPart(`<w:style w:type="paragraph" w:styleId="H1"><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/></w:style>`)}, "**Arms embargo**\n"},
		{"a direct w:i w:val=false overrides the style", `<w:p><w:pPr><w:pStyle w:val="It"/></w:pPr>` + rp(`<w:i w:val="false"/>`, "Roman") + `</w:p>`,
			[][2]string{stylesPart(`<w:style w:type="paragraph" w:styleId="It"><w:rPr><w:i/></w:rPr></w:style>`)}, "Roman\n"},
		{"tabs and breaks are spaces", p(r("1.") + `<w:r><w:tab/></w:r>` + r("Decides") + `<w:r><w:br/></w:r>` + r("to act")), nil, "1. Decides to act\n"},
		{"soft hyphen dropped, no-break hyphen kept", p(r("co") + `<w:r><w:softHyphen/></w:r>` + r("operation, non") + `<w:r><w:noBreakHyphen/></w:r>` + r("State")), nil, "cooperation, non\u2011State\n"},
		{"a field's result, not its instructions", p(r("See ") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://undocs.org/A/73/85" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("A/73/85") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + r(".")), nil, "See A/73/85.\n"},
		{"a simple field and a hyperlink", p(`<w:fldSimple w:instr="PAGE">` + r("2") + `</w:fldSimple> ` + `<w:hyperlink w:anchor="x">` + r(" link") + `</w:hyperlink>`), nil, "2 link\n"},
		{"tracked changes: insertions kept, deletions dropped", p(r("timely") + `<w:del w:id="1"><w:r><w:delText> and fair</w:delText></w:r></w:del><w:ins w:id="2">` + r(" and transparent") + `</w:ins>` + r(" manner")), nil, "timely and transparent manner\n"},
		{"hidden text dropped", p(r("Seen") + rp(`<w:vanish/>`, " hidden")), nil, "Seen\n"},
		{"superscript digits typed as a footnote marker", p(r("resolution 72/4;") + rp(`<w:vertAlign w:val="superscript"/>`, "12")), nil, "resolution 72/4;¹²\n"},
		{"superscript letters stay letters", p(r("1") + rp(`<w:vertAlign w:val="superscript"/>`, "st") + r(" meeting")), nil, "1st meeting\n"},
		{"text box paragraphs once, not their fallback", p(r("Main") + `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:drawing><w:txbxContent>` + p(r("Boxed")) + `</w:txbxContent></w:drawing></w:r></mc:Choice><mc:Fallback><w:r><w:pict><w:txbxContent>` + p(r("Boxed")) + `</w:txbxContent></w:pict></w:r></mc:Fallback></mc:AlternateContent>`), nil, "Boxed\n\nMain\n"},
		{"table cells are paragraphs", `<w:tbl><w:tr><w:tc>` + p(r("A/RES/73/8")) + `</w:tc><w:tc>` + p(r("General Assembly")) + `</w:tc></w:tr></w:tbl>`, nil, "A/RES/73/8\n\nGeneral Assembly\n"},
		{"NBSP and other spaces are spaces", p(r("12.\u00a0Requests\u202fthe\u2003Council")), nil, "12. Requests the Council\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := docxText(t, c.body, c.extra...); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDOCXTextFootnotes(t *testing.T) {
	notes := [2]string{"word/footnotes.xml", `<w:footnotes ` + wNS + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="7"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>` + r(" See ") + rp(`<w:i/>`, "Official Records") + r(".") + `</w:p><w:p>` + r("Second paragraph.") + `</w:p></w:footnote>` +
		`<w:footnote w:id="3"><w:p>` + r("A/73/85.") + `</w:p></w:footnote>` +
		`</w:footnotes>`}
	endnotes := [2]string{"word/endnotes.xml", `<w:endnotes ` + wNS + `><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>` + r(" An endnote.") + `</w:p></w:endnote></w:endnotes>`}
	body := p(r("Recalling,")+`<w:r><w:footnoteReference w:id="3"/></w:r>`+r(" and")+`<w:r><w:footnoteReference w:id="7"/></w:r>`) +
		p(r("Noting")+`<w:r><w:endnoteReference w:id="1"/></w:r>`+r(",")) + p(r("No notes."))
	got := docxText(t, body, notes, endnotes)
	want := "Recalling,¹ and²\n\n¹ A/73/85.\n\n² See *Official Records*.\nSecond paragraph.\n\nNoting³,\n\n³ An endnote.\n\nNo notes.\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Lists of numbering.xml: the definitions tests use.
const (
	decimalList = `<w:abstractNum w:abstractNumId="10">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>` +
		`</w:abstractNum>`
)

func TestDOCXTextAutomaticNumbering(t *testing.T) {
	cases := []struct {
		name, numbering, body, styles, want string
	}{
		{"levels and restarts", decimalList + `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>`,
			np("1", "0", r("A;")) + np("1", "1", r("a;")) + np("1", "1", r("b;")) + np("1", "2", r("i;")) + np("1", "2", r("ii;")) + np("1", "1", r("c;")) + np("1", "0", r("B;")) + np("1", "1", r("a again;")), "",
			"1. A;\n\n(a) a;\n\n(b) b;\n\n(i) i;\n\n(ii) ii;\n\n(c) c;\n\n2. B;\n\n(a) a again;\n"},
		{"w:start", `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="12"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>`,
			np("5", "0", r("x")) + np("5", "0", r("y")), "", "12. x\n\n13. y\n"},
		{"lists of one definition share its count; a start override restarts it", decimalList +
			`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>` +
			`<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
			np("1", "0", r("a")) + np("1", "0", r("b")) + p(r("Heading")) + np("2", "0", r("c")) + np("3", "0", r("restarted")) + np("3", "0", r("d")), "",
			"1. a\n\n2. b\n\nHeading\n\n3. c\n\n1. restarted\n\n2. d\n"},
		{"the empty numbered paragraph still counts", decimalList + `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>`,
			np("1", "0", r("a")) + np("1", "0", "") + np("1", "0", r("c")), "", "1. a\n\n3. c\n"},
		{"w:lvlRestart 0: never restarts", `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`,
			np("1", "0", r("a")) + np("1", "1", r("x")) + np("1", "0", r("b")) + np("1", "1", r("y")), "", "1. a\n\n1.1 x\n\n2. b\n\n2.2 y\n"},
		{"numbering from the paragraph style, its level linked by w:pStyle", `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="SingleTxt"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:pStyle w:val="Sub"/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>`,
			`<w:p><w:pPr><w:pStyle w:val="SingleTxt"/></w:pPr>` + r("Decides") + `</w:p><w:p><w:pPr><w:pStyle w:val="Sub"/></w:pPr>` + r("first") + `</w:p><w:p><w:pPr><w:pStyle w:val="SingleTxt"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>` + r("Unnumbered") + `</w:p>`,
			`<w:style w:type="paragraph" w:styleId="SingleTxt"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Sub"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>`,
			"1. Decides\n\n(a) first\n\nUnnumbered\n"},
		{"a numbering style link", `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="UNList"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>`,
			np("2", "0", r("Annex")) + np("2", "0", r("Annex")), `<w:style w:type="numbering" w:styleId="UNList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`,
			"I. Annex\n\nII. Annex\n"},
		{"bullets print no number; letters past z; legal numbering", `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="27"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>`,
			np("1", "0", r("bullet")) + np("2", "0", r("aa")) + np("3", "0", r("III")) + np("3", "1", r("legal")), "",
			"bullet\n\n(aa) aa\n\nIII III\n\n3.1 legal\n"},
		{"an unknown list prints no number", "", np("9", "0", r("text")), "", "text\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			extra := [][2]string{numberingPart(c.numbering)}
			if c.styles != "" {
				extra = append(extra, stylesPart(c.styles))
			}
			if got := docxText(t, c.body, extra...); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		n      int
		format string
		want   string
	}{
		{4, "lowerRoman", "iv"}, {1999, "upperRoman", "MCMXCIX"}, {0, "lowerRoman", "0"}, {26, "lowerLetter", "z"},
		{53, "upperLetter", "AAA"}, {7, "decimalZero", "07"}, {11, "ordinal", "11th"}, {22, "ordinal", "22nd"},
		{5, "chineseCounting", "5"}, {3, "none", ""},
	}
	for _, c := range cases {
		if got := formatNumber(c.n, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s): got %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

func TestDOCXTextRefusesBadFiles(t *testing.T) {
	ole := func(names ...string) []byte {
		b := append([]byte{}, oleMagic...)
		b = append(b, make([]byte, 504)...)
		for _, n := range names {
			for i := 0; i < len(n); i++ {
				b = append(b, n[i], 0)
			}
			b = append(b, make([]byte, 64)...)
		}
		return b
	}
	good := makeDOCX(t, p(r("Text.")))
	many := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := range MaxZipEntries + 1 {
			zw.Create(fmt.Sprintf("word/media/image%d.png", i))
		}
		zw.Close()
		return buf.Bytes()
	}
	cases := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrEmpty, "empty"},
		{"no text", makeDOCX(t, p("")+p(r(" "))), ErrEmpty, "no text"},
		{"encrypted", ole("EncryptionInfo", "EncryptedPackage"), ErrEncryptedDocument, "password-protected"},
		{"old .doc", ole("WordDocument", "1Table"), ErrLegacyWord, ".docx or PDF"},
		{"old .xls", ole("Workbook"), ErrNotWord, "Excel"},
		{"an Excel workbook", makeZip(t, [2]string{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`}, [2]string{"xl/workbook.xml", "<workbook/>"}), ErrNotWord, "Excel"},
		{"an OpenDocument text", makeZip(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", "<x/>"}), ErrNotWord, ".odt"},
		{"a zip of other files", makeZip(t, [2]string{"notes.txt", "hello"}), ErrNotWord, "not a Word document"},
		{"not a zip", []byte("plain text"), ErrCorrupt, "zip"},
		{"a truncated zip", good[:len(good)/2], ErrCorrupt, "damaged"},
		{"malformed XML", makeDOCX(t, `<w:p><w:r><w:t>open`), ErrCorrupt, "word/document.xml is not well-formed XML"},
		{"an undefined entity", makeDOCX(t, p(r("&bomb;"))), ErrCorrupt, "not well-formed"},
		{"malformed numbering", makeDOCX(t, p(r("x")), numberingPart(`<w:num w:numId="1">`)), ErrCorrupt, "numbering.xml"},
		{"a zip bomb", readFixture(t, "docx/zip-bomb.docx"), ErrTooLarge, "zip bomb"},
		{"too many files", many(), ErrTooLarge, "files"},
		{"a missing document part", makeZip(t, [2]string{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`}), ErrNotWord, "word/document.xml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := DOCXText(c.data)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %q, %v; want %v", s, err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("got %q, want an *Error that says %q", err, c.msg)
			}
		})
	}
}
