package extract

import (
	"errors"
	"fmt"
)

// PDFDocument is what the browser's PDF bridge (web/pdf-text.js, over
// Mozilla's pdf.js) reads from a PDF: the text of every page, as pdf.js
// places it, with positions and fonts. PDFText lays it out as resolution
// text. The JSON field names are the bridge's.
type PDFDocument struct {
	// NumPages is the number of pages of the PDF. Pages is empty when it is
	// above the limit the bridge was given (nothing was read).
	NumPages int `json:"numPages"`
	// Pages are the pages read, in order.
	Pages []PDFPage `json:"pages"`
}

// PDFPage is one page: its size and its text items, in the order of the
// PDF's content stream (usually reading order).
type PDFPage struct {
	// Width and Height are the size of the page as displayed, in points
	// (1/72 inch).
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// Items are the page's runs of text.
	Items []PDFItem `json:"items"`
}

// PDFItem is a run of text in one font, as pdf.js reports it
// (getTextContent), with the real name of its font.
type PDFItem struct {
	// Str is the text. pdf.js gives spaces between words as items of their
	// own or inside Str, and an empty Str with HasEOL at some line ends.
	Str string `json:"str"`
	// X and Y are the start of the item's baseline, in points from the top
	// left corner of the page as displayed; Y grows downwards.
	X float64 `json:"x"`
	Y float64 `json:"y"`
	// Width is the advance of the whole item and Height the height of its
	// font, in points.
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// FontSize is the size of the item's font, in points.
	FontSize float64 `json:"fontSize"`
	// Font is the PostScript name of the font, such as
	// "TimesNewRomanPS-ItalicMT", perhaps with a subset prefix
	// ("ABCDEF+"); "" when pdf.js could not tell it.
	Font string `json:"font"`
	// HasEOL says a line ends after the item.
	HasEOL bool `json:"hasEOL"`
	// Dir is the direction of the text: "ltr", "rtl" or "ttb".
	Dir string `json:"dir"`
}

// MaxPDFPages is the largest PDF PDFText lays out, in pages. A resolution
// or a draft has 1 to 20 pages (the longest of the corpus, with its annex,
// has 15); 60 leaves room for long texts with annexes while a 200-page
// report, which would take seconds to read in the browser and is not a
// resolution, is refused with a clear message. The bridge is given the same
// limit, so that it reads no page of a longer PDF.
const MaxPDFPages = 60

// The sentinel errors of opening a PDF. Their messages are written for a
// delegate; errors.Is tells them apart.
var (
	// ErrNoTextLayer means the PDF's pages hold pictures of text, not text:
	// it is a scan, and there is nothing to annotate.
	ErrNoTextLayer = errors.New("this PDF has no text layer: it is a scan (pictures of the pages), so there is no text to annotate; open the original PDF from the UN's document system, or its Word version")

	// ErrEncrypted means the PDF is protected by a password.
	ErrEncrypted = errors.New("this PDF is protected by a password: open it in a PDF reader, save a copy without the password, and open that copy")

	// ErrCorruptPDF means the file is not a PDF, or a PDF damaged beyond
	// repair (a download cut short, for example).
	ErrCorruptPDF = errors.New("this file is not a readable PDF: it is damaged or incomplete (perhaps its download was cut short); download it again")

	// ErrTooManyPages means the PDF has more than MaxPDFPages pages. The
	// error is a *TooManyPagesError, which says how many.
	ErrTooManyPages = fmt.Errorf("this PDF is too long to open: Clausemark opens PDFs of up to %d pages", MaxPDFPages)

	// ErrPDFReaderUnavailable means the browser could not load the PDF
	// reader (pdf.js): the app was never opened online since it was
	// installed or updated.
	ErrPDFReaderUnavailable = errors.New("the PDF reader could not be loaded: reload Clausemark while connected to the network once, then it opens PDFs offline too")

	// ErrPDFUnreadable means pdf.js failed on the PDF for another reason.
	ErrPDFUnreadable = errors.New("this PDF could not be read: save it again from a PDF reader, or open its Word version")
)

// TooManyPagesError is the error of a PDF longer than MaxPDFPages.
// errors.Is(err, ErrTooManyPages) reports it.
type TooManyPagesError struct {
	Pages int // the PDF's number of pages
	Max   int // the limit, MaxPDFPages
}

// Error names both numbers.
func (e *TooManyPagesError) Error() string {
	return fmt.Sprintf("this PDF has %d pages, too many to open: Clausemark opens PDFs of up to %d pages, as a resolution or a draft is; open the resolution alone, not the report or the compilation that holds it", e.Pages, e.Max)
}

// Is reports whether target is ErrTooManyPages.
func (e *TooManyPagesError) Is(target error) bool { return target == ErrTooManyPages }

// PDFBridgeError is an error of the browser's PDF bridge (the rejection of
// web/pdf-text.js's extract). It keeps the bridge's code and pdf.js's
// message and wraps the sentinel the code stands for.
type PDFBridgeError struct {
	// Code is the bridge's code: "encrypted", "invalid", "unavailable" or
	// "failed".
	Code string
	// Detail is pdf.js's message, for developers.
	Detail string
	// Err is the sentinel: ErrEncrypted, ErrCorruptPDF,
	// ErrPDFReaderUnavailable or ErrPDFUnreadable.
	Err error
}

// NewPDFBridgeError maps a code and message of the bridge to a
// *PDFBridgeError. An unknown code maps to ErrPDFUnreadable.
func NewPDFBridgeError(code, detail string) *PDFBridgeError {
	err := ErrPDFUnreadable
	switch code {
	case "encrypted":
		err = ErrEncrypted
	case "invalid":
		err = ErrCorruptPDF
	case "unavailable":
		err = ErrPDFReaderUnavailable
	}
	return &PDFBridgeError{Code: code, Detail: detail, Err: err}
}

// Error returns the sentinel's sentence for the user, then pdf.js's message
// in parentheses.
func (e *PDFBridgeError) Error() string {
	if e.Detail == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + " (pdf.js: " + e.Detail + ")"
}

// Unwrap returns the sentinel.
func (e *PDFBridgeError) Unwrap() error { return e.Err }
