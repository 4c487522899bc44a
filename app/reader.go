package app

import (
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reader is the page: the app bar, the document, the annotation panel and
// the overlays (tag toolbar, editor, tooltip, dialogs). It owns the state
// of the interface; the annotations are the annotator's.
type reader struct {
	app.Compo

	target string // fragment of the URL: a clause id or footnote id
	ready  bool   // mounted in the browser: the annotator works

	sel       *selection   // what the toolbar would tag
	kb        *kbSelection // the span being selected with shift+arrows
	editor    *editorState // the open editor
	hover     string       // the highlight under the pointer or focus
	panelOpen bool
	listLive  bool // the panel lists the annotations (after the first paint)
	helpOpen  bool
	imp       *importState // the import being previewed
	toast     *toastState
	dragOver  bool
	filter    panelFilter

	releases []func()
}

// selection is what the toolbar would tag: a span of a clause or a whole
// clause, in code points of its plain text.
type selection struct {
	Clause     string
	Start, End int
	Whole      bool
	Crossed    bool // the page selection went on into other clauses
	Rect       rect
}

// kbSelection is a span selected with the keyboard: anchor and focus in
// code points of a clause's text.
type kbSelection struct {
	Clause        string
	Anchor, Focus int
}

// toastState is a short message at the bottom of the screen, with an
// optional undo.
type toastState struct {
	Message string
	Undo    bool
	id      int
}

func newReader() *reader { return &reader{panelOpen: true} }

func (r *reader) OnMount(ctx app.Context) {
	r.ready = app.IsClient
	if !app.IsClient {
		return
	}
	ann.start(ctx)
	// The panel lists the annotations once the document and its
	// highlights are on screen: reading comes first.
	afterPaint(func() { ctx.Dispatch(func(app.Context) { r.listLive = true }) })
	for action, h := range map[string]app.ActionHandler{
		actionTag:              r.onTag,
		actionNote:             r.onNote,
		actionSelectClause:     r.onSelectClause,
		actionAcceptSuggestion: r.onAcceptSuggestion,
		actionOpen:             r.onOpen,
		actionHover:            r.onHover,
		actionShow:             r.onShow,
		actionSave:             r.onSave,
		actionDelete:           r.onDelete,
		actionUndo:             r.onUndo,
		actionExport:           r.onExport,
		actionImportPick:       r.onImportPick,
		actionImportFile:       r.onImportFile,
		actionImportApply:      r.onImportApply,
		actionRetry:            r.onRetry,
		actionTogglePanel:      r.onTogglePanel,
		actionHelp:             r.onHelp,
		actionClose:            r.onClose,
		actionFilter:           r.onFilter,
		actionAuthor:           r.onAuthor,
	} {
		ctx.Handle(action, h)
	}
	r.releases = append(r.releases,
		onKeyDown(func(k keyEvent) bool { return r.onKey(ctx, k) }),
		onSelectionEnd(func() { ctx.Dispatch(r.readSelection) }),
		onFileDrop(
			func(over bool) { ctx.Dispatch(func(app.Context) { r.dragOver = over }) },
			func(f droppedFile) {
				ctx.Dispatch(func(ctx app.Context) { r.previewImport(ctx, f.Name, f.Data, f.Err) })
			},
		),
	)
	if w, _ := app.Window().Size(); w < 900 {
		r.panelOpen = false
	}
	var author string
	if err := ctx.LocalStorage().Get(authorKey, &author); err == nil {
		ann.author = author
	}
}

func (r *reader) OnDismount() {
	for _, release := range r.releases {
		release()
	}
	r.releases = nil
}

func (r *reader) OnNav(ctx app.Context) {
	r.target = ctx.Page().URL().Fragment
	ann.setTarget(targetClause(r.target))
}

func (r *reader) Render() app.UI {
	d := Document()
	root := app.Div().Class("cm-app")
	if r.ready {
		root = root.Attr("data-ready", "true")
	}
	if r.panelOpen {
		root = root.Class("has-panel")
	}
	return root.Body(
		app.A().Class("cm-skip").Href("#doc-title").Text("Skip to the resolution"),
		newAppBar().
			Symbol(d.Symbol).
			State(ann.state, ann.problem, ann.writes).
			Counts(ann.set.Counts()).
			PanelOpen(r.panelOpen).
			Ready(r.ready),
		app.If(ann.state == notSaved || ann.state == memoryOnly, func() app.UI {
			return newStorageBanner().Problem(ann.problem).Memory(ann.state == memoryOnly)
		}),
		app.Div().Class("cm-layout").Body(
			app.Main().Class("cm-main").Body(
				newDocumentView().Document(d),
			),
			app.If(r.panelOpen, func() app.UI {
				return newAnnotationPanel().
					Version(ann.version).
					Live(r.listLive).
					Filter(r.filter).
					Author(ann.author)
			}),
		),
		app.If(r.sel != nil && r.editor == nil, func() app.UI {
			return newTagToolbar().Selection(r.sel, r.selectionLabel())
		}),
		app.If(r.editor != nil, func() app.UI {
			return newAnnotationEditor().State(r.editor)
		}),
		app.If(r.hover != "" && r.editor == nil, func() app.UI {
			a, ok := ann.set.Get(r.hover)
			if !ok {
				return nil
			}
			return newHighlightTooltip().Annotation(a, ann.adoc.Label(a.Clause))
		}),
		app.If(r.imp != nil, func() app.UI {
			return newImportDialog().State(r.imp)
		}),
		app.If(r.helpOpen, func() app.UI {
			return newHelpDialog()
		}),
		app.If(r.toast != nil, func() app.UI {
			return app.Div().Class("cm-toast").Role("status").Body(
				app.Span().Text(r.toast.Message),
				app.If(r.toast.Undo, func() app.UI {
					return app.Button().Type("button").Class("cm-toast-undo").
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionUndo) }).
						Text("Undo")
				}),
			)
		}),
		app.If(r.dragOver, func() app.UI {
			return app.Div().Class("cm-drop").Aria("hidden", "true").Body(
				app.P().Text("Drop an annotation file (JSON or W3C) to import it"),
			)
		}),
		app.Input().
			Type("file").
			ID(importInputID).
			Class("cm-file").
			Accept(".json,.jsonld,application/json,application/ld+json").
			Aria("hidden", "true").
			TabIndex(-1).
			OnChange(func(ctx app.Context, e app.Event) { ctx.NewAction(actionImportFile) }),
	)
}

// authorKey is where the delegation's name is kept (local storage).
const authorKey = "clausemark.author"

// importInputID is the id of the hidden file input of the import.
const importInputID = "cm-import-file"

// setSel sets what the toolbar would tag; a whole clause shows it is
// selected.
func (r *reader) setSel(s *selection) {
	r.sel = s
	if s != nil && s.Whole {
		ann.setSelected(s.Clause)
	} else {
		ann.setSelected("")
	}
}

// selectionLabel says what the toolbar would tag: "OP21 · 57 characters".
func (r *reader) selectionLabel() string {
	s := r.sel
	label := ann.adoc.Label(s.Clause)
	if s.Whole || (s.Start == 0 && s.End == ann.adoc.ClauseLen(s.Clause)) {
		return label + " · whole clause"
	}
	n := s.End - s.Start
	word := "characters"
	if n == 1 {
		word = "character"
	}
	out := label + " · " + itoa(n) + " " + word
	if s.Crossed {
		out += " (kept within " + label + ")"
	}
	return out
}

// showToast shows a message for a few seconds.
func (r *reader) showToast(ctx app.Context, msg string, undo bool) {
	id := 1
	if r.toast != nil {
		id = r.toast.id + 1
	}
	r.toast = &toastState{Message: msg, Undo: undo, id: id}
	ctx.After(8*time.Second, func(ctx app.Context) {
		if r.toast != nil && r.toast.id == id {
			r.toast = nil
		}
	})
}

// targetClause returns the clause id a URL fragment points to: the clause
// itself ("op21") or the clause of a footnote marker ("fnref-pp8-1").
func targetClause(fragment string) string {
	if rest, ok := strings.CutPrefix(fragment, "fnref-"); ok {
		if i := strings.LastIndex(rest, "-"); i > 0 {
			rest = rest[:i]
			if j := strings.LastIndex(rest, "-"); j > 0 && isDigits(rest[j+1:]) {
				rest = rest[:j]
			}
			return rest
		}
	}
	return fragment
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// tagOf maps the keys 1, 2, 3 to the tags.
func tagOf(key string) (annotations.Tag, bool) {
	switch key {
	case "1":
		return annotations.Commitment, true
	case "2":
		return annotations.Request, true
	case "3":
		return annotations.Concern, true
	}
	return "", false
}
