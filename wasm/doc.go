// Package wasm holds Clausemark's browser-only adapters: the IndexedDB
// annotation store ([Store], which implements annotations.Store), cross-tab
// change notices over a BroadcastChannel ([Channel]), file downloads
// ([Download]), file reading ([ReadFile]), the text of PDFs through the
// page's pdf.js bridge ([ExtractPDF], laid out by extract.PDFText), and the
// page: the in-place highlighter ([Highlight], [Unhighlight], [Restyle],
// [SetSuggestion]), which leaves the DOM package markup writes for the new
// state, the selection ([ReadSelection], [SelectText]), keys, dropped
// files, focus and placement. [Browser] is all of it as the app's one
// browser seam (browser.Browser).
//
// Every file but this one is built only for js/wasm (//go:build js && wasm);
// natively the package is empty, so native builds and vet of ./... stay
// green. The native test wasm_tags_test.go checks that rule.
//
// # IndexedDB through go-indexeddb and safejs
//
// The Store does its everyday work through github.com/hack-pad/go-indexeddb
// (package idb): its connection is opened by idb.Factory.Open, and Get, Put,
// PutMany, PutIf and Delete run in idb transactions, awaited with
// Transaction.Await. Plain IndexedDB calls through safejs cover what idb
// cannot do without panicking or losing behaviour: the availability check,
// the upgrade and its migration (open.go, schema.go), the blocked event of
// open and delete requests (DeleteDatabase), List's getAll, and the
// connection's versionchange and close events ([Store.OnClose]). Each place
// says which idb limit it works around.
//
// # Calling convention
//
// Functions that wait for the browser (Open, the Store methods, ReadFile,
// DeleteDatabase) block the calling goroutine until the browser answers. Call
// them from a goroutine (in go-app, ctx.Async), never directly from a JS
// callback such as an event handler: the browser can only answer once that
// callback has returned, so calling them there deadlocks.
//
// # Errors
//
// No function panics at the JavaScript boundary: every call goes through
// safejs, or through go-indexeddb only where it cannot panic, and browser
// exceptions come back as errors. (syscall/js is imported only for what
// go-indexeddb takes and gives: string keys made with js.ValueOf, and the
// js.Error inside safejs errors.) The DOM functions make their calls
// through a jsCalls, which keeps the first error of a series, and return
// it; an element they need that is not on the page is an error wrapping
// [ErrNotOnPage], one the page may lack is reported as ok = false.
//
// Errors the browser reports as a DOMException are a [*DOMError], which
// keeps the exception's name and message and wraps a sentinel
// ([ErrQuotaExceeded], [ErrBlocked], [ErrUnavailable], [ErrVersion],
// [ErrClosed], [ErrConstraint], [ErrInvalid], [ErrUpgrade],
// [ErrChannelClosed], [ErrFileUnreadable], [ErrNotOnPage]) for errors.Is,
// whether it came through safejs or go-indexeddb (an idb.DOMException). A
// write refused by [Store.PutIf] wraps [ErrConflict]; a file over the size
// limit is a [*FileTooLargeError] ([ErrFileTooLarge]). [ExtractPDF] fails
// with the errors of package extract (an *extract.PDFBridgeError wrapping
// extract.ErrEncrypted, extract.ErrCorruptPDF, …, or an
// *extract.TooManyPagesError). Messages start with
// words for the user and end, in parentheses, with the details for a
// developer.
package wasm
