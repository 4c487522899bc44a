package app

// Actions the components post and the reader handles, on the UI goroutine.
// Their values are in the comments.
const (
	// actionTag tags the current selection (or the focused clause) with
	// the annotations.Tag value.
	actionTag = "/selection/tag"
	// actionNote opens the editor to write a note on the selection.
	actionNote = "/selection/note"
	// actionSelectClause selects a whole clause (the clause id).
	actionSelectClause = "/selection/clause"
	// actionAcceptSuggestion tags a whole clause with its suggested tag
	// (the clause id).
	actionAcceptSuggestion = "/suggestion/accept"
	// actionOpen opens the editor of an annotation (its id).
	actionOpen = "/annotation/open"
	// actionHover shows the tooltip of a highlight (its id; "" hides it).
	actionHover = "/annotation/hover"
	// actionShow scrolls to an annotation and makes it flash (its id).
	actionShow = "/annotation/show"
	// actionSave saves the editor (an editResult).
	actionSave = "/annotation/save"
	// actionDelete deletes an annotation (its id).
	actionDelete = "/annotation/delete"
	// actionUndo restores the last deleted annotation.
	actionUndo = "/annotation/undo"
	// actionExport downloads the annotations in a format (an exportFormat).
	actionExport = "/annotations/export"
	// actionImportPick opens the file picker of the import.
	actionImportPick = "/annotations/import/pick"
	// actionImportFile reads the file chosen in the picker.
	actionImportFile = "/annotations/import/file"
	// actionImportApply applies the previewed import.
	actionImportApply = "/annotations/import/apply"
	// actionRetry writes again what could not be saved.
	actionRetry = "/annotations/retry"
	// actionTogglePanel opens or closes the annotation panel.
	actionTogglePanel = "/panel/toggle"
	// actionFilter changes what the panel lists (a panelFilter).
	actionFilter = "/panel/filter"
	// actionAuthor sets the delegation written on new annotations (a
	// string).
	actionAuthor = "/settings/author"
	// actionHelp opens the list of keyboard shortcuts.
	actionHelp = "/help"
	// actionClose closes the open dialog, editor or toolbar.
	actionClose = "/close"
)
