//go:build js && wasm

package wasm

import (
	"encoding/json"
	"fmt"

	"github.com/clausemark/clausemark/extract"
	"github.com/hack-pad/safejs"
)

// ExtractPDF reads the text of a PDF, with positions and fonts, through the
// page's PDF bridge (window.clausemarkPDF.extract of web/pdf-text.js, over
// pdf.js). extract.PDFText lays the result out as resolution text.
//
// The bridge reads no page of a PDF longer than extract.MaxPDFPages, which
// ExtractPDF then refuses with an *extract.TooManyPagesError. Its failures
// are an *extract.PDFBridgeError wrapping extract.ErrEncrypted,
// extract.ErrCorruptPDF, extract.ErrPDFReaderUnavailable (also when the
// bridge is missing from the page) or extract.ErrPDFUnreadable, for
// errors.Is.
//
// It blocks the calling goroutine until pdf.js is done, never the page:
// call it from a goroutine (ctx.Async), not from a JavaScript callback.
func ExtractPDF(data []byte) (*extract.PDFDocument, error) {
	const op = "read PDF"
	bridge, err := safejs.Global().Get("clausemarkPDF")
	if err != nil {
		return nil, callError(op, err, false)
	}
	if bridge.Type() != safejs.TypeObject {
		return nil, &extract.PDFBridgeError{Code: "unavailable", Detail: "window.clausemarkPDF is missing: web/pdf-text.js is not loaded", Err: extract.ErrPDFReaderUnavailable}
	}
	u8, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return nil, callError(op, err, false)
	}
	bytes, err := u8.New(len(data))
	if err != nil {
		return nil, callError(op, err, false)
	}
	if _, err := safejs.CopyBytesToJS(bytes, data); err != nil {
		return nil, callError(op, err, false)
	}
	options, err := jsonParse(op, fmt.Sprintf(`{"maxPages": %d}`, extract.MaxPDFPages))
	if err != nil {
		return nil, err
	}
	promise, err := bridge.Call("extract", bytes, options)
	if err != nil {
		return nil, bridgeError(op, err)
	}
	value, reason, rejected, err := awaitSettled(op, promise)
	if err != nil {
		return nil, err
	}
	if rejected {
		return nil, rejection(reason)
	}
	text, err := jsonStringify(op, value)
	if err != nil {
		return nil, err
	}
	var d extract.PDFDocument
	if err := json.Unmarshal([]byte(text), &d); err != nil {
		return nil, fmt.Errorf("%s: the PDF bridge's answer is not a document: %w", op, err)
	}
	if d.NumPages > extract.MaxPDFPages {
		return nil, &extract.TooManyPagesError{Pages: d.NumPages, Max: extract.MaxPDFPages}
	}
	if len(d.Pages) != d.NumPages {
		return nil, fmt.Errorf("%s: the PDF bridge read %d pages of %d", op, len(d.Pages), d.NumPages)
	}
	return &d, nil
}

// rejection maps the bridge's rejection reason (an Error with a code) to
// an *extract.PDFBridgeError.
func rejection(reason safejs.Value) error {
	code, message := "failed", ""
	switch reason.Type() {
	case safejs.TypeObject, safejs.TypeFunction:
		if c := stringProp(reason, "code"); c != "" {
			code = c
		}
		message = stringProp(reason, "message")
	case safejs.TypeString:
		message, _ = reason.String()
	}
	return extract.NewPDFBridgeError(code, message)
}

// bridgeError maps an exception thrown by the call to the bridge itself
// (not a rejection): extract is missing or not a function.
func bridgeError(op string, err error) error {
	detail := callError(op, err, false).Error()
	return &extract.PDFBridgeError{Code: "unavailable", Detail: detail, Err: extract.ErrPDFReaderUnavailable}
}
