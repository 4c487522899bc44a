package extract

import (
	"errors"
	"fmt"
)

// The errors of Open and the extractors. Each is a sentinel to test with
// errors.Is; the error returned is usually an *Error that wraps one of them
// with a message that says what was found and what to do, written for a
// delegate (it is shown as it is, after the file name).
var (
	// ErrEmpty reports a file of 0 bytes, or a document with no text in it
	// (a Word file of empty paragraphs, a web page of scripts only).
	ErrEmpty = errors.New("the file is empty: open the file that holds the resolution's text")

	// ErrTooLarge reports a file over MaxFileSize, or a Word file that
	// unpacks to more than MaxUnpackedSize (a damaged file or a zip bomb).
	ErrTooLarge = errors.New("the file is too large for Clausemark")

	// ErrEncryptedDocument reports a password-protected Word file (an
	// encrypted .docx is an OLE compound file that holds the encrypted zip).
	ErrEncryptedDocument = errors.New("this Word file is password-protected: open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password), save it, and open it again")

	// ErrLegacyWord reports an old binary Word file (.doc, Word 97–2003).
	ErrLegacyWord = errors.New("this is an old Word file (.doc, Word 97–2003), which Clausemark does not read: open it in Word or LibreOffice, save it as .docx or PDF, and open that")

	// ErrNotWord reports a zip or Office file that is not a Word document
	// (an Excel workbook, a PowerPoint deck, an OpenDocument file, any
	// other zip archive).
	ErrNotWord = errors.New("this file is not a Word document: open the resolution itself, as .docx, PDF, web page or text")

	// ErrCorrupt reports a file that claims a format but cannot be read as
	// it: a damaged zip, malformed XML in a Word file, a truncated file.
	ErrCorrupt = errors.New("the file is damaged and cannot be read: download or export it again")

	// ErrNotText reports a file read as text that is not text: binary
	// data, NUL bytes, or bytes that are not UTF-8.
	ErrNotText = errors.New("this file is not text: open the resolution as .docx, PDF, web page or UTF-8 text")

	// ErrUnsupported reports a file of a kind Clausemark does not read (an
	// image, an RTF file, a web page in an unknown character encoding).
	ErrUnsupported = errors.New("Clausemark cannot read this kind of file: open the resolution as .docx, PDF, web page or text")

	// ErrNeedsBrowser reports a PDF given to the native Open: the text of a
	// PDF is extracted by pdf.js in the app, then laid out by PDFText.
	ErrNeedsBrowser = errors.New("PDF files are opened in the Clausemark app (in the browser), which reads their text with pdf.js; on the command line, open the .docx, web page or text version, or copy the text from the PDF into a .txt file")
)

// Error is an error of Open or an extractor: one of the sentinel errors
// above (Err, which errors.Is finds) with a message for this file.
type Error struct {
	// Err is the sentinel: ErrEmpty, ErrTooLarge, ErrNotText, ….
	Err error
	// Line is the 1-based line of the problem in a text file, 0 if the
	// problem has no line.
	Line int
	// Msg says what is wrong and what to do, without the line number.
	Msg string
}

// Error returns the message, after "line N: " when the problem has a line.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Unwrap returns the sentinel, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// newError returns an *Error of kind err with a formatted message.
func newError(err error, format string, args ...any) *Error {
	return &Error{Err: err, Msg: fmt.Sprintf(format, args...)}
}

// sizeMB formats a size in bytes as megabytes (2^20 bytes) with one
// decimal: "31.2 MB".
func sizeMB(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
