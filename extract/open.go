package extract

import (
	"bytes"
	"path"
	"strings"
)

// MaxFileSize is the largest file Open reads: 20 MB (20 × 2^20 bytes). A
// resolution's PDF or Word file is well under 2 MB; a file over the limit
// is a report, a compilation or a scan, and is refused with ErrTooLarge.
const MaxFileSize = 20 << 20

// Format is the kind of a file, as Open detected it.
type Format string

// The formats Open reads.
const (
	// FormatText is plain or pasted text (.txt, .md, anything else that
	// is UTF-8 text).
	FormatText Format = "text"
	// FormatDOCX is a Word document (.docx), or an Office file that claims
	// to be one (an old .doc, an encrypted file: Open says which).
	FormatDOCX Format = "docx"
	// FormatHTML is a web page (.html, .htm).
	FormatHTML Format = "html"
	// FormatPDF is a PDF, whose text the app extracts with pdf.js.
	FormatPDF Format = "pdf"
	// FormatUnknown is a file of a kind Clausemark does not read (an
	// image, an RTF file).
	FormatUnknown Format = ""
)

// Source is an opened file: its name, format and text.
type Source struct {
	// Name is the file name as given to Open.
	Name string
	// Format is the detected format.
	Format Format
	// Text is the document's text in the format of resolution.Parse (the
	// package documentation states it); "" for a PDF or on error.
	Text string
}

// Open reads a file (its name and content) into a Source whose Text is
// ready for resolution.Parse. The format is detected from the content
// first (Detect), the name's extension second. Files over MaxFileSize are
// refused with ErrTooLarge, empty files with ErrEmpty.
//
// A PDF gets its Format and ErrNeedsBrowser: its text is extracted in the
// browser by pdf.js and laid out by PDFText (pdf.go). Every other error is
// an *Error that wraps a sentinel of errors.go, with a message that says
// what the file is and what to do; the Source then holds the Name and the
// Format detected (FormatUnknown for a kind Clausemark does not read), and
// no Text.
func Open(name string, data []byte) (Source, error) {
	src := Source{Name: name}
	if len(data) == 0 {
		return src, newError(ErrEmpty, "the file is empty (0 bytes): open the file that holds the resolution's text")
	}
	if err := CheckSize(int64(len(data))); err != nil {
		return src, err
	}
	format, err := Detect(name, data)
	src.Format = format
	if err != nil {
		return src, err
	}
	var text string
	switch format {
	case FormatPDF:
		return src, &Error{Err: ErrNeedsBrowser, Msg: ErrNeedsBrowser.Error()}
	case FormatDOCX:
		text, err = DOCXText(data)
	case FormatHTML:
		text, err = HTMLText(data)
	default:
		text, err = PlainText(data)
	}
	if err != nil {
		return src, err
	}
	src.Text = text
	return src, nil
}

// CheckSize returns an ErrTooLarge error that names the size and the limit
// for a file of more than MaxFileSize bytes, nil otherwise. A caller that
// knows a file's size before reading it (the browser's File.size, a stat)
// checks it first, and reads no more than MaxFileSize+1 bytes.
func CheckSize(size int64) error {
	if size > MaxFileSize {
		return newError(ErrTooLarge, "the file is %s; Clausemark opens files up to %d MB: open the resolution on its own, not a report or a compilation that holds it", sizeMB(size), MaxFileSize>>20)
	}
	return nil
}

// Detect returns the format of a file from its content first: "%PDF-" in
// its first kilobyte, a zip or OLE compound file (Word, or an Office file
// DOCXText names), an HTML start ("<!DOCTYPE html", "<html", "<p", … after
// white space, a byte order mark or an XML declaration); then from the
// name's extension (.html/.htm/.xhtml are web pages; text is the default).
// A file of a known kind Clausemark does not read (an image, RTF), or one
// whose extension promises a format its content does not have (a .pdf or
// .docx that is not one), gets an error.
func Detect(name string, data []byte) (Format, error) {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/")))
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return FormatPDF, nil
	case isZip(data) || bytes.HasPrefix(data, oleMagic):
		return FormatDOCX, nil
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return FormatUnknown, newError(ErrUnsupported, "this is a Rich Text (RTF) file, which Clausemark does not read: open it in Word or LibreOffice, save it as .docx or PDF, and open that")
	case isImage(data):
		return FormatUnknown, newError(ErrUnsupported, "this is a picture (a scan or a photo), which holds no text Clausemark can read: open the resolution as PDF, .docx, web page or text")
	case looksLikeHTML(data):
		return FormatHTML, nil
	}
	switch ext {
	case ".pdf":
		return FormatPDF, newError(ErrCorrupt, "this .pdf file is not a PDF (it does not start as one): it is damaged or was saved wrongly; download it again")
	case ".docx", ".docm", ".dotx":
		return FormatDOCX, newError(ErrCorrupt, "this .docx file is not a Word document (a .docx file is a zip archive, and this is not one): it is damaged or was saved wrongly; open it in Word and save it as .docx or PDF")
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML, nil
	}
	return FormatText, nil
}

// isImage reports the signatures of PNG, JPEG, GIF, TIFF, WebP and BMP.
func isImage(data []byte) bool {
	for _, sig := range []string{"\x89PNG\r\n\x1a\n", "\xff\xd8\xff", "GIF87a", "GIF89a", "II*\x00", "MM\x00*", "BM"} {
		if bytes.HasPrefix(data, []byte(sig)) {
			return sig != "BM" || len(data) > 14 && data[14] >= 12 && data[14] <= 124 && data[15] == 0
		}
	}
	return len(data) >= 12 && bytes.Equal(data[:4], []byte("RIFF")) && bytes.Equal(data[8:12], []byte("WEBP"))
}

// htmlStarts are the tags that start an HTML document (after the WHATWG
// MIME sniffing standard), followed by a space or ">".
var htmlStarts = []string{"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1", "<div",
	"<font", "<table", "<a", "<style", "<title", "<b", "<br", "<p"}

// looksLikeHTML reports content that starts as an HTML document does.
func looksLikeHTML(data []byte) bool {
	head := data[:min(len(data), 1024)]
	if s, ok, err := decodeBOM(head[:len(head)&^1]); ok && err == nil {
		head = []byte(s)
	} else if ok {
		return false
	}
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\f"))
	if bytes.HasPrefix(head, []byte("<?xml")) {
		// XHTML: an XML declaration, then the document.
		return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
	}
	if bytes.HasPrefix(head, []byte("<!--")) {
		// A comment, then the document (Word's and many sites' pages).
		return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
	}
	for _, s := range htmlStarts {
		if bytes.HasPrefix(head, []byte(s)) && len(head) > len(s) {
			switch head[len(s)] {
			case ' ', '>', '\t', '\n', '\r', '\f', '/':
				return true
			}
		}
	}
	return false
}
