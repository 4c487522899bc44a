package bench

import (
	"encoding/json"
	"fmt"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
)

// The library scenario of the browser benchmark fills a fresh profile's
// IndexedDB with a generated library (Library) through the app's own
// store: the harness sends the library as JSON (EncodeLibrary) to a page
// of its server whose small Go program (bench/cmd/filllibrary) reads it
// (DecodeLibrary) and writes it with wasm.Store.Write, the call the app's
// import makes, in one transaction.

// LibraryFillPath is where the benchmark's server serves the page that
// fills the library; LibraryDataPath, the library it writes.
const (
	LibraryFillPath = "/bench/fill.html"
	LibraryDataPath = "/bench/library.json"
)

// LibraryFillResult is what the filling page reports, as the JSON of
// window.__cmFill: the documents and annotations written and how long the
// write took, or why it failed.
type LibraryFillResult struct {
	Documents   int     `json:"documents"`
	Annotations int     `json:"annotations"`
	DecodeMS    float64 `json:"decodeMs"`
	WriteMS     float64 `json:"writeMs"`
	Error       string  `json:"error,omitempty"`
}

// libraryEntry is one document of the JSON of a library: the annotations
// do not say their document in JSON (annotations.Annotation.Document is
// not a JSON field), the document's symbol does.
type libraryEntry struct {
	Document    library.Document         `json:"document"`
	Summary     library.Summary          `json:"summary"`
	Annotations []annotations.Annotation `json:"annotations"`
}

// EncodeLibrary writes a library (Library's answer) as JSON for
// DecodeLibrary. Each document's annotations must be filed under its
// symbol, as the library keeps them.
func EncodeLibrary(lib []library.Addition) ([]byte, error) {
	out := make([]libraryEntry, len(lib))
	for i, a := range lib {
		for _, x := range a.Annotations {
			if x.Document != a.Document.Symbol {
				return nil, fmt.Errorf("bench: annotation %s of %s is filed under %q", x.ID, a.Document.Symbol, x.Document)
			}
		}
		out[i] = libraryEntry{Document: a.Document, Summary: a.Summary, Annotations: a.Annotations}
	}
	return json.Marshal(out)
}

// DecodeLibrary reads what EncodeLibrary wrote: each annotation goes to
// its document's symbol.
func DecodeLibrary(data []byte) ([]library.Addition, error) {
	var in []libraryEntry
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, fmt.Errorf("bench: the library's JSON: %v", err)
	}
	out := make([]library.Addition, len(in))
	for i, e := range in {
		for j := range e.Annotations {
			e.Annotations[j].Document = e.Document.Symbol
		}
		out[i] = library.Addition{Document: e.Document, Summary: e.Summary, Annotations: e.Annotations}
	}
	return out, nil
}
