//go:build js && wasm

package wasm

import (
	"errors"
	"reflect"
	"strings"
	"syscall/js"
	"testing"

	"github.com/clausemark/clausemark/extract"
)

// withBridge installs bridge as window.clausemarkPDF for the test. The
// tests that use it are not parallel: the bridge is global.
func withBridge(t *testing.T, bridge js.Value) {
	t.Helper()
	old := js.Global().Get("clausemarkPDF")
	js.Global().Set("clausemarkPDF", bridge)
	t.Cleanup(func() { js.Global().Set("clausemarkPDF", old) })
}

// fakeBridge is a bridge whose extract runs the JavaScript function body
// extract(data, options), and records its arguments in bridge.calls.
func fakeBridge(t *testing.T, extract string) js.Value {
	t.Helper()
	return jsFunc(t, `(() => {
		const bridge = {calls: []};
		bridge.extract = (data, options) => {
			bridge.calls.push({bytes: Array.from(data), maxPages: options.maxPages});
			return (`+extract+`)(data, options);
		};
		return bridge;
	})()`)
}

func TestExtractPDFReturnsTheBridgesDocument(t *testing.T) {
	bridge := fakeBridge(t, `async () => ({numPages: 1, pages: [{width: 612, height: 792, items: [
		{str: "Recalling", x: 147.14, y: 265.97, width: 40.78, height: 9.96, fontSize: 9.96, font: "TimesNewRomanPS-ItalicMT", hasEOL: false, dir: "ltr"},
		{str: "", x: 123.38, y: 277.97, width: 0, height: 0, fontSize: 9.96, font: "TimesNewRomanPSMT", hasEOL: true, dir: "ltr"}]}]})`)
	withBridge(t, bridge)
	d, err := ExtractPDF([]byte("%PDF-1.7\x00\xff"))
	if err != nil {
		t.Fatal(err)
	}
	want := &extract.PDFDocument{NumPages: 1, Pages: []extract.PDFPage{{Width: 612, Height: 792, Items: []extract.PDFItem{
		{Str: "Recalling", X: 147.14, Y: 265.97, Width: 40.78, Height: 9.96, FontSize: 9.96, Font: "TimesNewRomanPS-ItalicMT", Dir: "ltr"},
		{X: 123.38, Y: 277.97, FontSize: 9.96, Font: "TimesNewRomanPSMT", HasEOL: true, Dir: "ltr"},
	}}}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got %+v\nwant %+v", d, want)
	}
	calls := bridge.Get("calls")
	if calls.Length() != 1 {
		t.Fatalf("extract was called %d times", calls.Length())
	}
	call := calls.Index(0)
	if got := call.Get("maxPages").Int(); got != extract.MaxPDFPages {
		t.Errorf("maxPages: got %d, want %d", got, extract.MaxPDFPages)
	}
	bytes := call.Get("bytes")
	var got []byte
	for i := range bytes.Length() {
		got = append(got, byte(bytes.Index(i).Int()))
	}
	if string(got) != "%PDF-1.7\x00\xff" {
		t.Errorf("the bridge got %q", got)
	}
}

func TestExtractPDFMapsTheBridgesFailures(t *testing.T) {
	cases := []struct {
		name    string
		bridge  func(t *testing.T) js.Value // nil: no bridge on the page
		want    error
		message string
	}{
		{"no bridge on the page", nil, extract.ErrPDFReaderUnavailable, "web/pdf-text.js is not loaded"},
		{"a bridge without extract", func(t *testing.T) js.Value { return jsFunc(t, `({})`) }, extract.ErrPDFReaderUnavailable, "PDF reader could not be loaded"},
		{"a password", func(t *testing.T) js.Value {
			return fakeBridge(t, `async () => { const e = new Error("No password given"); e.code = "encrypted"; throw e; }`)
		}, extract.ErrEncrypted, "(pdf.js: No password given)"},
		{"a damaged file", func(t *testing.T) js.Value {
			return fakeBridge(t, `() => Promise.reject(Object.assign(new Error("Invalid PDF structure."), {code: "invalid"}))`)
		}, extract.ErrCorruptPDF, "not a readable PDF"},
		{"pdf.js not loaded", func(t *testing.T) js.Value {
			return fakeBridge(t, `() => Promise.reject(Object.assign(new Error("Failed to fetch dynamically imported module"), {code: "unavailable"}))`)
		}, extract.ErrPDFReaderUnavailable, "Failed to fetch"},
		{"a rejection without a code", func(t *testing.T) js.Value {
			return fakeBridge(t, `() => Promise.reject("out of memory")`)
		}, extract.ErrPDFUnreadable, "out of memory"},
		{"a synchronous throw", func(t *testing.T) js.Value {
			return fakeBridge(t, `() => { throw new TypeError("boom"); }`)
		}, extract.ErrPDFReaderUnavailable, "boom"},
		{"too many pages", func(t *testing.T) js.Value {
			return fakeBridge(t, `async () => ({numPages: 214, pages: []})`)
		}, extract.ErrTooManyPages, "214 pages"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bridge := js.Undefined()
			if c.bridge != nil {
				bridge = c.bridge(t)
			}
			withBridge(t, bridge)
			d, err := ExtractPDF([]byte("%PDF"))
			if !errors.Is(err, c.want) || d != nil {
				t.Fatalf("got %v, %v; want %v", d, err, c.want)
			}
			if !strings.Contains(err.Error(), c.message) {
				t.Errorf("the message %q does not say %q", err, c.message)
			}
		})
	}
}

func TestExtractPDFRefusesAnAnswerThatIsNotADocument(t *testing.T) {
	for _, answer := range []string{`undefined`, `"a string"`, `({numPages: 2, pages: [{width: 1, height: 1, items: []}]})`, `({numPages: "two"})`} {
		withBridge(t, fakeBridge(t, `async () => `+answer))
		d, err := ExtractPDF([]byte("%PDF"))
		if err == nil || d != nil {
			t.Errorf("%s: got %v, %v; want an error", answer, d, err)
		}
	}
}
