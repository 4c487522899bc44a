package app

import (
	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Actions. Those on documents are handled by the workspace (global
// handlers, registered once by Setup, see handlers.go); those of the page
// by the reader. Their values are in the comments.
const (
	// actionTag tags a span or a clause (a tagRequest).
	actionTag = "/annotation/create"
	// actionSave saves the editor: a new annotation or an edit (a
	// saveRequest).
	actionSave = "/annotation/save"
	// actionRetag changes the tag of an annotation (a retagRequest).
	actionRetag = "/annotation/retag"
	// actionDelete deletes an annotation (a docItem).
	actionDelete = "/annotation/delete"
	// actionUndo restores the last deleted annotation of a document (its
	// id).
	actionUndo = "/annotation/undo"
	// actionAcceptSuggestion tags a whole clause with its suggested tag
	// (a docItem: the clause id).
	actionAcceptSuggestion = "/suggestion/accept"
	// actionExport downloads a document's annotations (an exportRequest).
	actionExport = "/annotations/export"
	// actionImportPlan reads a file and plans its import (an
	// importRequest).
	actionImportPlan = "/annotations/import/plan"
	// actionImportApply applies a planned import (an applyRequest).
	actionImportApply = "/annotations/import/apply"
	// actionRetry saves again what could not be saved (the document id).
	actionRetry = "/annotations/retry"
	// actionAuthor sets the delegation written on new annotations (a
	// string).
	actionAuthor = "/settings/author"
	// actionOpenDocument opens a file or pasted text as a document (an
	// openRequest).
	actionOpenDocument = "/documents/open"
	// actionBind gives the workspace the context of a global handler.
	actionBind = "/workspace/bind"
	// actionFocus moves the focus to the element a CSS selector matches
	// (a string); components post it once they rendered.
	actionFocus = "/page/focus"
	// actionPlace puts a floating element next to a rectangle (a
	// placeRequest).
	actionPlace = "/page/place"

	// The page's own actions (the reader handles them).

	// actionTagSelection tags the current selection (or the focused
	// clause) with the annotations.Tag value.
	actionTagSelection = "/selection/tag"
	// actionNote opens the editor to write a note on the selection.
	actionNote = "/selection/note"
	// actionSelectClause selects a whole clause (the clause id).
	actionSelectClause = "/selection/clause"
	// actionOpen opens the editor of an annotation (its id).
	actionOpen = "/editor/open"
	// actionEditorSave saves what the editor holds (an editorInput).
	actionEditorSave = "/editor/save"
	// actionEditorDelete deletes the annotation the editor is open on.
	actionEditorDelete = "/editor/delete"
	// actionClickHighlight opens the editor of the highlight clicked (its
	// annotation id), unless the click was selecting text.
	actionClickHighlight = "/annotation/click"
	// actionHover shows the tooltip of a highlight (its id; "" hides it).
	actionHover = "/annotation/hover"
	// actionShow scrolls to an annotation and makes it flash (its id).
	actionShow = "/annotation/show"
	// actionOpenPick opens the file picker of Open document.
	actionOpenPick = "/open/pick"
	// actionOpenFile opens the file chosen in that picker.
	actionOpenFile = "/open/file"
	// actionOpenPaste shows the dialog to paste a text into.
	actionOpenPaste = "/open/paste"
	// actionOpenText opens the pasted text (a string).
	actionOpenText = "/open/text"
	// actionUndoRemove brings back the document the library page removed
	// last.
	actionUndoRemove = "/library/undo-remove"
	// actionOpenClose closes the opener's dialogs.
	actionOpenClose = "/open/close"
	// actionOpenDropped opens a file dropped on the page (a browser.File).
	actionOpenDropped = "/open/dropped"
	// actionOpenAnyway opens the text the last open refused as not a
	// resolution, as plain paragraphs.
	actionOpenAnyway = "/open/anyway"
	// actionImportPick opens the file picker of the import.
	actionImportPick = "/import/pick"
	// actionImportFile reads the file chosen in the picker.
	actionImportFile = "/import/file"
	// actionImportConfirm applies the previewed import (true: plan it
	// again, placing annotations by quote).
	actionImportConfirm = "/import/confirm"
	// actionTogglePanel opens or closes the annotation panel.
	actionTogglePanel = "/panel/toggle"
	// actionFilter changes what the panel lists (a panelFilter).
	actionFilter = "/panel/filter"
	// actionEdit opens the editor of an annotation from the panel (its
	// id): the highlight is shown first.
	actionEdit = "/panel/edit"
	// actionGoToPanel opens the panel and moves the focus to it.
	actionGoToPanel = "/panel/go"
	// actionHelp opens the list of keyboard shortcuts.
	actionHelp = "/help"
	// actionClose closes the open dialog, editor or toolbar.
	actionClose = "/close"
)

// docItem names one thing (an annotation, a clause) of a document.
type docItem struct{ Doc, ID string }

// tagRequest tags [Start, End) of a clause (code points).
type tagRequest struct {
	Doc, Clause string
	Start, End  int
	Tag         annotations.Tag
	// Done, if not nil, is told the new annotation or why there is none.
	Done func(annotations.Annotation, error)
}

// saveRequest saves what the editor holds: a new annotation on
// [Start, End) of Clause when Base is zero, else an edit of Base (the
// annotation as the editor showed it when it opened: only the fields the
// delegate changed are applied, see Session.Update).
type saveRequest struct {
	Doc        string
	Base       annotations.Annotation
	Clause     string
	Start, End int
	Tag        annotations.Tag
	Note       string
	Done       func(annotations.Annotation, error)
}

// retagRequest changes the tag of an annotation.
type retagRequest struct {
	Doc, ID string
	Tag     annotations.Tag
}

// exportRequest downloads a document's annotations in a format.
type exportRequest struct {
	Doc    string
	Format exportFormat
}

// importRequest plans the import of a file into a document. Anyway says
// to place the annotations of a file made on another document by their
// quotes.
type importRequest struct {
	Doc    string
	Name   string
	Data   []byte
	Anyway bool
	// Progress is told, now and then, how far reading the file has got;
	// Done the plan or why there is none (both on the UI goroutine).
	Progress func(annotations.Progress)
	Done     func(*annotations.Plan, error)
}

// applyRequest applies a planned import; Done is told the summary.
type applyRequest struct {
	Doc  string
	Plan *annotations.Plan
	Done func(summary string, err error)
}

// placeRequest puts the floating element with id beside what it is
// about (browser.Placement).
type placeRequest struct {
	ID string
	At browser.Placement
}

// focusSelector moves the focus to the element selector matches, through
// the browser seam (see actionFocus).
func focusSelector(ctx app.Context, selector string) {
	ctx.NewActionWithValue(actionFocus, selector)
}
