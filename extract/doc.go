// Package extract opens the files delegates have — Word documents, web
// pages, plain or pasted text, PDFs — and turns each into the one text
// format that resolution.Parse reads. It is plain Go (the standard library
// and golang.org/x/net/html), with no I/O: it is given a file's name and
// bytes, so it runs natively (the command line) and in the browser (the
// app).
//
// # Output: the resolution text format
//
// Every extractor emits UTF-8 text with "\n" line ends in which:
//
//   - blocks (paragraphs) are separated by one blank line; lines inside a
//     block are joined by the parser with one space;
//   - italic runs are *…* and bold runs **…**, the markers around whole
//     words and phrases, never around white space alone;
//   - footnote markers are superscript digits (¹ ² ³ … ¹⁰) where the
//     marker stands, and each footnote's text is a block of its own that
//     starts with its number ("¹ See A/73/85."), right after the block
//     that holds its marker;
//   - printed numbering is kept as text at the start of its block ("12.",
//     "(a)", "(ii)"): a Word automatic number is written as the number
//     Word prints;
//   - page furniture (running headers and footers, job numbers, page
//     numbers) never appears;
//   - no-break spaces are plain spaces, soft hyphens and zero-width
//     characters are dropped.
//
// # Formats
//
// Word: DOCXText (docx.go) reads a .docx with archive/zip and
// encoding/xml. Web pages: HTMLText (html.go) reads the text of the page,
// never rendering any of it. Text: PlainText (text.go) normalises line
// ends, byte order marks and UTF-16. PDF: see pdf.go; a PDF's text is
// extracted in the browser by pdf.js, and Open, which cannot do that,
// returns ErrNeedsBrowser for it.
//
// Open (open.go) detects the format of a file from its content first and
// its name second, refuses files over MaxFileSize, and calls the right
// extractor.
//
// # Errors
//
// Nothing here panics on any input. Every error is an *Error that wraps one
// of the sentinel errors of errors.go (ErrEmpty, ErrTooLarge,
// ErrEncryptedDocument, ErrLegacyWord, ErrNotWord, ErrCorrupt, ErrNotText,
// ErrUnsupported, ErrNeedsBrowser) for errors.Is, with a message written
// for a delegate: what the file is, and what to do.
//
// # Limits
//
// MaxFileSize (20 MB) for any file; for a Word file, MaxZipEntries files
// in its zip and MaxUnpackedSize bytes unpacked from it (zip bombs are
// refused), and its XML must be well-formed.
package extract
