package app

import (
	"unicode/utf8"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// editorState is an annotation being edited, or a new one being written.
type editorState struct {
	// Base is the annotation as the editor showed it when it opened (or
	// last saved it); the zero Annotation for a new one.
	Base       annotations.Annotation
	Clause     string
	Start, End int
	Quote      string
	Label      string
	Tag        annotations.Tag
	Note       string
	Rect       browser.Rect
	Orphan     bool
	Error      string
}

// annotationEditor opens on a highlight (or on the selection, for a new
// note): change the tag, write the note, delete (with undo). It is placed
// beside the text it is about, never over it (browser.Beside).
type annotationEditor struct {
	app.Compo

	Istate editorState

	key  string // which annotation the buffer below belongs to
	tag  annotations.Tag
	note string
	// count is what the note's length says now (noteCount): the editor
	// renders again as the delegate types only when it changes.
	count string
}

func newAnnotationEditor() *annotationEditor { return &annotationEditor{} }

// State sets what the editor edits. A new editor takes its tag and note
// at once, so that its first render shows them.
func (e *annotationEditor) State(s *editorState) *annotationEditor {
	e.Istate = *s
	e.load()
	return e
}

const editorID = "cm-editor"

// noteID is the id of the editor's note field; noteCountID, of what it
// says of the note's length.
const (
	noteID      = "cm-note"
	noteCountID = "cm-note-count"
)

func (e *annotationEditor) OnMount(ctx app.Context)  { e.sync(ctx) }
func (e *annotationEditor) OnUpdate(ctx app.Context) { e.sync(ctx) }

// load fills the editor's buffer when it opens on another annotation.
func (e *annotationEditor) load() {
	s := e.Istate
	key := s.Base.ID + "|" + s.Clause + "|" + itoa(s.Start) + "|" + itoa(s.End)
	if key != e.key || s.Base.ID == "" && e.tag == "" {
		e.key, e.tag, e.note = key, s.Tag, s.Note
		e.count = noteCount(e.note)
	}
}

// sync loads the editor's buffer when it opens on another annotation, and
// places it beside the highlight (or the selection), clear of its clause.
func (e *annotationEditor) sync(ctx app.Context) {
	e.load()
	s := e.Istate
	at := browser.Placement{Rect: s.Rect, Clause: s.Clause, Below: true}
	if s.Base.ID != "" && !s.Orphan {
		at.Annotation = s.Base.ID // measured where it is now
	}
	ctx.Defer(func(ctx app.Context) {
		ctx.NewActionWithValue(actionPlace, placeRequest{ID: editorID, At: at})
	})
}

func (e *annotationEditor) Render() app.UI {
	s := e.Istate
	title := "New annotation"
	if s.Base.ID != "" {
		title = tagNames[s.Tag]
	}
	tooLong := utf8.RuneCountInString(e.note) > annotations.MaxNoteLength
	note := app.Textarea().
		ID(noteID).
		Class("cm-note").
		Rows(4).
		Placeholder("Why it matters, what to propose… (Ctrl+Enter saves)").
		OnInput(e.onInput).
		Text(e.note)
	if e.count != "" {
		note = note.Aria("describedby", noteCountID)
	}
	if tooLong {
		note = note.Aria("invalid", "true")
	}
	return app.Div().
		ID(editorID).
		Class("cm-editor").
		Role("dialog").
		Aria("labelledby", "cm-editor-title").
		OnKeyDown(e.onKey).
		Body(
			app.Div().Class("cm-editor-head").Body(
				app.H2().ID("cm-editor-title").Body(
					app.Text(title),
					app.Span().Class("cm-editor-label").Text(" · "+s.Label),
				),
				app.Button().Type("button").Class("cm-close").Aria("label", "Close").Title("Close (Esc)").
					OnClick(e.close).Text("×"),
			),
			app.If(s.Orphan, func() app.UI {
				return app.P().Class("cm-editor-orphan").Text("This annotation lost its place: the text it marked is no longer in the resolution. Keep it for its note, or delete it.")
			}),
			// Short enough never to scroll: a region that scrolls must be
			// reachable by keyboard.
			app.Blockquote().Class("cm-editor-quote").Text(preview(s.Quote, 160)),
			app.Div().Class("cm-editor-tags").Role("group").Aria("label", "Tag").Body(
				e.tagChoice(annotations.Commitment, "1"),
				e.tagChoice(annotations.Request, "2"),
				e.tagChoice(annotations.Concern, "3"),
			),
			app.Label().For(noteID).Class("cm-editor-note-label").Text("Note"),
			note,
			app.If(e.count != "", func() app.UI {
				class := "cm-note-count"
				if tooLong {
					class += " is-over"
				}
				return app.P().ID(noteCountID).Class(class).Aria("live", "polite").Text(e.count)
			}),
			app.If(s.Error != "", func() app.UI {
				return app.P().Class("cm-editor-error").Role("alert").Text(s.Error)
			}),
			app.Div().Class("cm-editor-actions").Body(
				app.Button().Type("button").Class("cm-button cm-primary").OnClick(e.save).Text("Save"),
				app.If(s.Base.ID != "", func() app.UI {
					return app.Button().Type("button").Class("cm-button cm-danger").
						Title("Delete; you can undo").
						OnClick(e.delete).Text("Delete")
				}),
				app.Button().Type("button").Class("cm-button").OnClick(e.close).Text("Cancel"),
			),
		)
}

// noteCount says how long a note is when it nears the longest a note may
// be (annotations.MaxNoteLength, in characters), and by how much it is too
// long past that; "" for a note well within it. A note pasted too long is
// never cut: the delegate is told and shortens it.
func noteCount(note string) string {
	n := utf8.RuneCountInString(note)
	limit := annotations.MaxNoteLength
	switch {
	case n > limit:
		return "The note is " + thousands(n) + " characters long; a note holds at most " + thousands(limit) +
			". Shorten it by " + thousands(n-limit) + " to save it."
	case n > limit*9/10:
		return thousands(n) + " of " + thousands(limit) + " characters"
	}
	return ""
}

// thousands writes n with a comma between thousands: 10,000.
func thousands(n int) string {
	s := itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// tagChoice is a toggle button for one tag; on an existing annotation it
// applies at once.
func (e *annotationEditor) tagChoice(tag annotations.Tag, key string) app.UI {
	return app.Button().
		Type("button").
		Class("cm-tool").
		DataSet("tag", tag).
		Aria("pressed", e.tag == tag).
		Title(tagNames[tag]).
		OnClick(func(ctx app.Context, ev app.Event) {
			e.tag = tag
			if e.Istate.Base.ID != "" {
				ctx.NewActionWithValue(actionEditorSave, e.result(false))
			}
		}).
		Body(
			app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[tag]),
			app.Span().Class("cm-tool-name").Text(tagNames[tag]),
		)
}

// editorInput is what the editor asks the page to save.
type editorInput struct {
	Tag   annotations.Tag
	Note  string
	Close bool // close the editor once saved
}

func (e *annotationEditor) result(close bool) editorInput {
	return editorInput{Tag: e.tag, Note: e.note, Close: close}
}

func (e *annotationEditor) onInput(ctx app.Context, ev app.Event) {
	e.note = ctx.JSSrc().Get("value").String()
	if c := noteCount(e.note); c != e.count {
		e.count = c
		return
	}
	ctx.PreventUpdate()
}

func (e *annotationEditor) save(ctx app.Context, ev app.Event) {
	if utf8.RuneCountInString(e.note) > annotations.MaxNoteLength {
		// The count under the note says why; the focus goes back there.
		e.count = noteCount(e.note)
		focusSelector(ctx, "#"+noteID)
		return
	}
	ctx.NewActionWithValue(actionEditorSave, e.result(true))
}

func (e *annotationEditor) delete(ctx app.Context, ev app.Event) {
	ctx.NewAction(actionEditorDelete)
}

// close closes the editor; a note typed on an existing annotation is saved
// first (closing never loses text).
func (e *annotationEditor) close(ctx app.Context, ev app.Event) {
	if e.Istate.Base.ID != "" && e.note != e.Istate.Note {
		e.save(ctx, ev)
		return
	}
	ctx.NewAction(actionClose)
}

func (e *annotationEditor) onKey(ctx app.Context, ev app.Event) {
	key := ev.Get("key").String()
	switch {
	case key == "Enter" && (ev.Get("ctrlKey").Bool() || ev.Get("metaKey").Bool()):
		e.save(ctx, ev)
	default:
		ctx.PreventUpdate()
	}
}
