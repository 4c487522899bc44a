package app

import (
	"strings"

	"github.com/clausemark/clausemark/library"
)

// Routes: "/" shows the default document; "/d/{id}" shows the document
// with that id.
const (
	homePath        = "/"
	docPathBase     = "/d/"
	libraryPath     = "/library"
	annotationsPath = "/annotations"
)

// DocumentID is the id of a document in URLs and in the app: its symbol
// with every run of characters other than letters, digits, '.' and '-'
// made one '-' ("A/HRC/RES/53/11" → "A-HRC-RES-53-11", "S/RES/2719 (2023)"
// → "S-RES-2719-2023"); a document with no symbol is "untitled-" and the
// first 12 hex digits of its text hash (see AnnotationDocument).
func DocumentID(symbol string) string { return library.DocumentID(symbol) }

// docURL is the path of the page that shows the document with this id.
func docURL(id string) string { return docPathBase + id }

// docIDOf returns the document id a path names: the part after "/d/", or
// "" for "/" (the default document).
func docIDOf(path string) (id string, ok bool) {
	if path == homePath || path == "" {
		return "", true
	}
	id, ok = strings.CutPrefix(path, docPathBase)
	if !ok || id == "" || strings.Contains(id, "/") {
		return "", false
	}
	return id, true
}
