package app

import (
	"github.com/clausemark/clausemark/extract"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The actions of versions, the review and the compare view (see
// versions.go). The workspace handles the first ones (versionHandlers),
// the opener actionOpenVersion, the reader the others.
const (
	// actionVersionsLoad reads a document's versions from the library
	// and publishes them (its id).
	actionVersionsLoad = "/versions/load"
	// actionVersionRename renames a version (a versionRename).
	actionVersionRename = "/versions/rename"
	// actionReviewDecide records what the delegate decided of annotations
	// under review (a reviewDecision).
	actionReviewDecide = "/review/decide"
	// actionReviewReattach moves an annotation under review to the words
	// selected (a reattachRequest).
	actionReviewReattach = "/review/reattach"
	// actionReviewKeepAsNote keeps an annotation under review as a note
	// on the document (a docItem).
	actionReviewKeepAsNote = "/review/note"
	// actionBriefExport downloads the changes brief of a version against
	// the current one (a briefRequest).
	actionBriefExport = "/versions/brief"
	// actionOpenVersion opens a file as a new version of a document (a
	// versionFile).
	actionOpenVersion = "/open/version"

	// The reader's.

	// actionReviewOpen opens (true) or closes (false) the review.
	actionReviewOpen = "/review/open"
	// actionReattachStart starts re-attaching an annotation under review
	// (its id): the delegate selects the new words next.
	actionReattachStart = "/review/reattach/start"
	// actionReattachConfirm moves it to the words selected.
	actionReattachConfirm = "/review/reattach/confirm"
	// actionReattachCancel stops re-attaching.
	actionReattachCancel = "/review/reattach/cancel"
	// actionDocReplaced says a document has a new current version (its
	// id): a page showing it shows the new text.
	actionDocReplaced = "/document/replaced"
)

// onVersion opens a file as a new version of a document: its text becomes
// the document's current version whatever its own symbol (a draft and
// the adopted text, linked by hand).
func (o *opener) onVersion(ctx app.Context, a app.Action) {
	v, ok := a.Value.(versionFile)
	if !ok {
		return
	}
	f := v.File
	if f.Err == nil {
		f.Err = extract.CheckSize(int64(len(f.Data)))
	}
	if f.Err != nil {
		o.opening = &openState{Name: f.Name, Error: f.Err.Error()}
		return
	}
	o.open(ctx, openRequest{Name: f.Name, Data: f.Data, VersionOf: v.Doc})
}
