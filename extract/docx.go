package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// The limits of reading a Word file, against damaged files and zip bombs.
const (
	// MaxUnpackedSize is the most bytes DOCXText unpacks from a Word
	// file, all the parts it reads together (the document, footnotes,
	// endnotes, numbering, styles, relationships). A resolution's parts
	// unpack to well under 5 MB.
	MaxUnpackedSize = 64 << 20
	// MaxZipEntries is the most files the zip archive of a Word file may
	// hold; Word writes a few dozen, plus one per image.
	MaxZipEntries = 10000
)

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// oleMagic opens an OLE compound file: an old .doc, .xls or .ppt, or an
// encrypted Office file.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// DOCXText returns the text of a Word document (.docx) in the format of
// resolution.Parse (see the package documentation): one block per
// paragraph, empty paragraphs dropped; italic and bold runs, directly or
// through paragraph and character styles, as *…* and **…** around whole
// words; automatic numbering (w:numPr, word/numbering.xml) written as the
// number Word prints ("3.", "(b)", "(ii)"), typed numbers as typed;
// footnote and endnote references as superscript digits numbered in order
// of reference, each note's text as a block "¹ …" right after the
// paragraph that refers to it; tabs and line breaks as spaces, soft
// hyphens dropped, fields as their displayed result, deleted tracked
// changes left out and inserted ones kept. Headers and footers (page
// furniture) are not read.
//
// The errors are *Error values for errors.Is: ErrEncryptedDocument (a
// password-protected file), ErrLegacyWord (.doc), ErrNotWord (a zip or
// Office file that is not a Word document), ErrCorrupt (a damaged zip,
// malformed XML), ErrTooLarge (more than MaxZipEntries files or
// MaxUnpackedSize bytes unpacked), ErrEmpty (no text).
func DOCXText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", newError(ErrEmpty, "the file is empty (0 bytes): open the file that holds the resolution's text")
	}
	if bytes.HasPrefix(data, oleMagic) {
		return "", oleError(data)
	}
	if !isZip(data) {
		return "", newError(ErrCorrupt, "this file is not a Word document that Clausemark can read (a .docx file is a zip archive, and this is not one): open it in Word, save it as .docx or PDF, and open that")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", newError(ErrCorrupt, "this Word file is damaged (its zip archive cannot be read: %v): download or export it again", err)
	}
	if len(zr.File) > MaxZipEntries {
		return "", newError(ErrTooLarge, "this Word file holds %d files, more than the %d Clausemark reads: it is damaged or not a document; save it again as .docx or PDF", len(zr.File), MaxZipEntries)
	}
	pkg := newPackage(zr)
	main, err := pkg.mainDocument()
	if err != nil {
		return "", err
	}
	x := &docx{pkg: pkg, notes: map[string][]*para{}, numbers: map[string]int{}}
	rels, err := pkg.relationships(main)
	if err != nil {
		return "", err
	}
	dir := path.Dir(main)
	part := func(typ, fallback string) string {
		if t, ok := rels[typ]; ok {
			return t
		}
		return path.Join(dir, fallback)
	}
	stylesXML, err := pkg.readOptional(part("styles", "styles.xml"))
	if err != nil {
		return "", err
	}
	if x.styles, err = parseStyles(stylesXML); err != nil {
		return "", pkg.xmlError(part("styles", "styles.xml"), err)
	}
	numberingXML, err := pkg.readOptional(part("numbering", "numbering.xml"))
	if err != nil {
		return "", err
	}
	if x.numbering, err = parseNumbering(numberingXML, x.styles); err != nil {
		return "", pkg.xmlError(part("numbering", "numbering.xml"), err)
	}
	for _, kind := range []string{"footnotes", "endnotes"} {
		name := part(kind, kind+".xml")
		b, err := pkg.readOptional(name)
		if err != nil {
			return "", err
		}
		if err := x.readNotes(b); err != nil {
			return "", pkg.xmlError(name, err)
		}
	}
	doc, err := pkg.read(main)
	if err != nil {
		return "", err
	}
	if err := walk(doc, x.paragraph, nil); err != nil {
		return "", pkg.xmlError(main, err)
	}
	if len(x.blocks) == 0 {
		return "", newError(ErrEmpty, "this Word document holds no text: open the file that holds the resolution's text")
	}
	return strings.Join(x.blocks, "\n\n") + "\n", nil
}

// isZip reports the signature of a zip archive: a local file header, or the
// end of central directory of an empty archive.
func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// oleError says what an OLE compound file is, from the names of its streams
// (stored in UTF-16): an encrypted Office file, an old Word file, or some
// other old Office file.
func oleError(data []byte) error {
	has := func(name string) bool {
		u := make([]byte, 0, 2*len(name))
		for i := 0; i < len(name); i++ {
			u = append(u, name[i], 0)
		}
		return bytes.Contains(data, u)
	}
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		return &Error{Err: ErrEncryptedDocument, Msg: ErrEncryptedDocument.Error()}
	case has("WordDocument"):
		return &Error{Err: ErrLegacyWord, Msg: ErrLegacyWord.Error()}
	case has("Workbook") || has("Book"):
		return newError(ErrNotWord, "this is an Excel workbook (.xls), not a Word document: open the resolution itself, as .docx, PDF, web page or text")
	case has("PowerPoint Document"):
		return newError(ErrNotWord, "this is a PowerPoint file (.ppt), not a Word document: open the resolution itself, as .docx, PDF, web page or text")
	}
	return newError(ErrNotWord, "this is an old Microsoft Office file, not a Word .docx document: open it in its program, save it as .docx or PDF, and open that")
}

// docxPackage reads the parts of a Word file's zip archive within the
// unpacking budget.
type docxPackage struct {
	files map[string]*zip.File // by lower-case part name without a leading "/"
	left  int64                // bytes that may still be unpacked
}

func newPackage(zr *zip.Reader) *docxPackage {
	p := &docxPackage{files: make(map[string]*zip.File, len(zr.File)), left: MaxUnpackedSize}
	for _, f := range zr.File {
		p.files[partKey(f.Name)] = f
	}
	return p
}

// partKey is the key of a part name: part names are case-insensitive.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+name), "/"))
}

// read returns the bytes of a part, or ErrCorrupt if it is missing.
func (p *docxPackage) read(name string) ([]byte, error) {
	b, err := p.readOptional(name)
	if err == nil && b == nil {
		err = newError(ErrCorrupt, "this Word file is damaged (its part %s is missing): open it in Word and save it again, or download it again", name)
	}
	return b, err
}

// readOptional returns the bytes of a part, nil if there is no such part.
func (p *docxPackage) readOptional(name string) ([]byte, error) {
	f, ok := p.files[partKey(name)]
	if !ok {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, newError(ErrCorrupt, "this Word file is damaged (%s cannot be unpacked: %v): download or export it again", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, p.left+1))
	if int64(len(b)) > p.left {
		return nil, newError(ErrTooLarge, "this Word file unpacks to more than %s, far more than any resolution: it is damaged or built to harm (a zip bomb), and Clausemark does not open it", sizeMB(MaxUnpackedSize))
	}
	if err != nil {
		return nil, newError(ErrCorrupt, "this Word file is damaged (%s cannot be unpacked: %v): download or export it again", name, err)
	}
	p.left -= int64(len(b))
	if b == nil {
		b = []byte{}
	}
	return b, nil
}

// xmlError reports a part that is not well-formed XML.
func (p *docxPackage) xmlError(name string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return newError(ErrCorrupt, "this Word file is damaged (%s is not well-formed XML: %v): open it in Word and save it again, or download it again", name, err)
}

// relTypes are the relationship types DOCXText follows, by the last
// segment of their URI.
var relTypes = map[string]bool{"officeDocument": true, "styles": true, "numbering": true, "footnotes": true, "endnotes": true}

// relationships reads the relationships of a part (source "" for the
// package) and returns the target part of each type DOCXText follows.
func (p *docxPackage) relationships(source string) (map[string]string, error) {
	dir, base := path.Split(source)
	name := path.Join(dir, "_rels", base+".rels")
	if source == "" {
		name = "_rels/.rels"
	}
	b, err := p.readOptional(name)
	if err != nil || b == nil {
		return map[string]string{}, err
	}
	rels := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return rels, nil
		}
		if err != nil {
			return nil, p.xmlError(name, err)
		}
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Local != "Relationship" || attr(t, "TargetMode") == "External" {
			continue
		}
		typ := attr(t, "Type")
		typ = typ[strings.LastIndexByte(typ, '/')+1:]
		if !relTypes[typ] {
			continue
		}
		target := attr(t, "Target")
		if strings.HasPrefix(target, "/") {
			target = path.Clean(target)[1:]
		} else {
			target = path.Join(dir, target)
		}
		if _, dup := rels[typ]; !dup {
			rels[typ] = target
		}
	}
}

// mainDocument returns the name of the main document part, or says what
// the archive is when it is not a Word document.
func (p *docxPackage) mainDocument() (string, error) {
	rels, err := p.relationships("")
	if err != nil {
		return "", err
	}
	main, ok := rels["officeDocument"]
	if !ok {
		main = "word/document.xml"
	}
	key := partKey(main)
	switch {
	case strings.HasPrefix(key, "xl/") || p.files["xl/workbook.xml"] != nil && p.files[key] == nil:
		return "", newError(ErrNotWord, "this is an Excel workbook (.xlsx), not a Word document: open the resolution itself, as .docx, PDF, web page or text")
	case strings.HasPrefix(key, "ppt/") || p.files["ppt/presentation.xml"] != nil && p.files[key] == nil:
		return "", newError(ErrNotWord, "this is a PowerPoint presentation (.pptx), not a Word document: open the resolution itself, as .docx, PDF, web page or text")
	case p.files[key] != nil:
		return main, nil
	}
	if f := p.files["mimetype"]; f != nil {
		b, err := p.readOptional("mimetype")
		if err == nil && bytes.HasPrefix(b, []byte("application/vnd.oasis.opendocument.text")) {
			return "", newError(ErrNotWord, "this is an OpenDocument text (.odt), not a Word document: open it in LibreOffice or Word, save it as .docx or PDF, and open that")
		}
		if err == nil && bytes.HasPrefix(b, []byte("application/vnd.oasis.opendocument")) {
			return "", newError(ErrNotWord, "this is an OpenDocument file, not a Word document: open the resolution itself, as .docx, PDF, web page or text")
		}
	}
	if len(p.files) == 0 {
		return "", newError(ErrNotWord, "this is an empty zip archive, not a Word document: open the resolution itself, as .docx, PDF, web page or text")
	}
	return "", newError(ErrNotWord, "this is a zip archive but not a Word document (it has no word/document.xml): unzip it and open the resolution in it, or open the resolution as .docx, PDF, web page or text")
}

// attr returns the value of the attribute of t with that local name (Word
// puts them in the w: namespace, relationships in none).
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// isW reports an element of WordprocessingML.
func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }
