package app

// Over 400 lines: the reader's state and its render; its keys, actions,
// focus and versions are in reader_*.go.

import (
	"strings"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/extract"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reader is the page of one document: the app bar, the document, the
// annotation panel and the overlays (tag toolbar, editor, tooltip,
// dialogs, notices). It owns the state of the page — the selection, what
// is open — and posts the changes of the document as actions to the
// workspace, whose state (docView) the bar, the banner and the panel
// observe.
type reader struct {
	app.Compo

	ws      *workspace
	doc     *openDoc
	err     error  // the document cannot be shown
	loading string // the id of the document being read from the library

	target string // fragment of the URL: a clause id or footnote id
	ready  bool   // mounted in the browser: annotating works

	sel       *selection   // what the toolbar would tag
	kb        *kbSelection // the span being selected with shift+arrows
	editor    *editorState // the open editor
	hover     string       // the highlight under the pointer or focus
	panelOpen bool
	listLive  bool // the panel lists the annotations (after the first paint)
	helpOpen  bool
	imp       *importState // the import being previewed
	dragOver  bool
	filter    panelFilter
	// The review of carried annotations is open; reattach is the
	// annotation being re-attached (reader_versions.go).
	reviewOpen bool
	reattach   string
	// focusBack gives the focus back to where it was when an overlay
	// opened, by overlay (reader_focus.go).
	focusBack map[string]func() bool
	// lastTag is the annotation the last tag made, until the selection or
	// the focus moves on: n writes its note.
	lastTag annotations.Annotation

	releases []func()
}

// selection is what the toolbar would tag: a span of a clause or a whole
// clause, in code points of its plain text.
type selection struct {
	Clause     string
	Start, End int
	Whole      bool
	Crossed    bool // the page selection went on into other clauses
	Rect       browser.Rect
}

// kbSelection is a span selected with the keyboard: anchor and focus in
// code points of a clause's text.
type kbSelection struct {
	Clause        string
	Anchor, Focus int
}

func newReader(ws *workspace) *reader { return &reader{ws: ws, panelOpen: true} }

// load opens the document the URL names. One of the library that the app
// has not read yet is read in the background (the page says it is
// opening it meanwhile); on the server, which cannot know the browser's
// library, the page says the same.
func (r *reader) load(ctx app.Context, u string) {
	id, ok := docIDOf(u)
	if !ok {
		r.set(ctx, nil)
		r.err = errNoDocument(strings.TrimPrefix(u, docPathBase))
		r.dropKept(ctx)
		return
	}
	if id == "" {
		id = r.ws.defaultID
	}
	if r.doc != nil && r.doc.id == id && r.ws.doc(id) == r.doc || r.loading == id {
		return // (a document whose text was replaced is opened again)
	}
	d, err := r.ws.open(id)
	if err == nil {
		r.set(ctx, d)
		return
	}
	r.set(ctx, nil)
	if _, missing := err.(errNoDocument); !missing {
		r.err = err
		r.dropKept(ctx)
		return
	}
	r.loading = id
	if !r.ready {
		return
	}
	ws := r.ws
	ctx.Async(func() {
		l, err := ws.readDocument(id)
		ctx.Dispatch(func(ctx app.Context) {
			if r.loading != id {
				return // the page went elsewhere meanwhile
			}
			r.loading = ""
			if err != nil {
				r.err = err
				r.dropKept(ctx)
				if _, missing := err.(errNoDocument); missing {
					ws.forgetKept(id) // removed from the library
				}
				return
			}
			ws.learn(l)
			r.load(ctx, ctx.Page().URL().Path)
		})
	})
}

// dropKept removes the copy of the page the page came with once the
// page's own state (an error) is painted.
func (r *reader) dropKept(ctx app.Context) {
	if r.ready {
		r.ws.dropKeptAfterPaint(ctx)
	}
}

// set makes d the page's document (nil: none): the previous one leaves the
// page, what was open on it closes, and d starts.
func (r *reader) set(ctx app.Context, d *openDoc) {
	prev := r.doc
	r.doc, r.err, r.loading = d, nil, ""
	if d == prev {
		return
	}
	if prev != nil {
		prev.paint.live = false // its clauses are no longer on the page
	}
	r.sel, r.kb, r.editor, r.hover, r.imp = nil, nil, nil, "", nil
	// A version just added opens with the review of its annotations.
	r.reviewOpen, r.reattach = d != nil && r.ws.takeReviewNext(d.id), ""
	r.filter = panelFilter{}
	r.listLive = false
	r.title(ctx)
	if d == nil || !r.ready {
		return
	}
	d.start()
	// The panel lists the annotations once the document and its
	// highlights are on screen: reading comes first.
	r.ws.b.AfterPaint(func() { ctx.Dispatch(func(app.Context) { r.listLive = true }) })
}

func (r *reader) OnPreRender(ctx app.Context) {
	r.load(ctx, ctx.Page().URL().Path)
}

// title names the document in the page title.
func (r *reader) title(ctx app.Context) {
	if r.doc != nil {
		ctx.Page().SetTitle(PageTitle(r.doc.doc))
	}
}

func (r *reader) OnMount(ctx app.Context) {
	// On the server (browser.None) the page is only rendered.
	r.ready = browser.Interactive(r.ws.b)
	if !r.ready {
		return
	}
	r.ws.started(ctx)
	if r.goHome(ctx) {
		return
	}
	r.load(ctx, ctx.Page().URL().Path)
	for action, h := range map[string]app.ActionHandler{
		actionTagSelection:   r.onTagSelection,
		actionNote:           r.onNote,
		actionSelectClause:   r.onSelectClause,
		actionOpen:           r.onOpen,
		actionClickHighlight: r.onClickHighlight,
		actionEditorSave:     r.onEditorSave,
		actionEditorDelete:   r.onEditorDelete,
		actionHover:          r.onHover,
		actionShow:           r.onShow,
		actionImportPick:     r.onImportPick,
		actionImportFile:     r.onImportFile,
		actionImportConfirm:  r.onImportConfirm,
		actionTogglePanel:    r.onTogglePanel,
		actionHelp:           r.onHelp,
		actionClose:          r.onClose,
		actionFilter:         r.onFilter,
		actionEdit:           r.onEdit,
		actionGoToPanel:      r.onGoToPanel,
	} {
		ctx.Handle(action, h)
	}
	for action, h := range r.versionHandlers() {
		ctx.Handle(action, h)
	}
	b := r.ws.b
	r.releases = append(r.releases,
		b.OnKeyDown(func(k browser.KeyEvent) bool {
			if r.doc == nil {
				return false
			}
			return r.onKey(ctx, k)
		}),
		b.OnSelectionEnd(func() {
			ctx.Dispatch(func(ctx app.Context) {
				if r.doc != nil {
					r.readSelection(ctx)
				}
			})
		}),
		b.OnLeave(func() bool { return r.leaving(ctx) }),
		b.OnPrint(r.printNotes, r.clearPrintNotes),
		b.OnFileDrop(max(maxImportSize, extract.MaxFileSize),
			func(over bool) { ctx.Dispatch(func(app.Context) { r.dragOver = over }) },
			func(f browser.File) {
				ctx.Dispatch(func(ctx app.Context) { r.dropped(ctx, f) })
			},
		),
	)
	if b.WindowWidth() < drawerBelow {
		r.panelOpen = false
	}
}

// goHome takes a delegate who opens "/" where they were — the last
// document they read — or, the first time, to the library. It reports
// whether it navigated.
func (r *reader) goHome(ctx app.Context) bool {
	home := r.ws.home
	if ctx.Page().URL().Path != homePath || home == "" {
		return false
	}
	r.ws.home = "" // only the first page of a visit
	ctx.Navigate(home)
	return true
}

// leaving runs as the page is about to be left: changes not saved yet
// are kept for the next visit, and the browser asks the delegate to
// confirm when writes are on their way or the editor holds a note not
// saved.
func (r *reader) leaving(ctx app.Context) bool {
	if r.doc == nil {
		return false
	}
	unsaved := r.doc.keepPending(ctx)
	if e := r.editor; e != nil {
		if note, ok := r.ws.b.InputValue("cm-note"); ok && note != e.Note && note != "" {
			unsaved = true
		}
	}
	return unsaved
}

func (r *reader) OnDismount() {
	for _, release := range r.releases {
		release()
	}
	r.releases = nil
}

func (r *reader) OnNav(ctx app.Context) {
	// go-app keeps this component when the page goes to another document
	// (/d/{id}): the new document replaces the old one here.
	if r.ready {
		r.load(ctx, ctx.Page().URL().Path)
	}
	r.target = ctx.Page().URL().Fragment
	if r.doc == nil {
		return
	}
	if id, ok := strings.CutPrefix(r.target, annotationFragment); ok {
		// A link to an annotation (All annotations): show it once its
		// highlight is painted.
		if a, found := r.doc.set().Get(annotationFragment + id); found {
			r.doc.paint.setTarget(a.Clause)
		}
		d := r.doc
		d.whenLoaded(func() {
			r.ws.b.AfterPaint(func() {
				ctx.Dispatch(func(ctx app.Context) {
					if r.doc == d {
						r.onShow(ctx, app.Action{Value: annotationFragment + id})
					}
				})
			})
		})
		return
	}
	r.doc.paint.setTarget(targetClause(r.target))
}

// annotationFragment starts the fragment of a link to an annotation: its
// id.
const annotationFragment = "urn:uuid:"

func (r *reader) Render() app.UI {
	if r.doc == nil {
		return newMissingDocument().Problem(r.err).Loading(r.loading)
	}
	d := r.doc
	root := app.Div().Class("cm-app")
	if r.ready {
		root = root.Attr("data-ready", "true")
	}
	if r.panelOpen || r.reviewOpen {
		root = root.Class("has-panel")
	}
	return root.Body(
		app.A().Class("cm-skip").Href("#doc-title").Text("Skip to the resolution"),
		app.If(r.ready, func() app.UI {
			return app.Button().Type("button").Class("cm-skip").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionGoToPanel) }).
				Text("Skip to the annotations")
		}),
		newAppBar().Doc(d.id, d.doc.Symbol).PanelOpen(r.panelOpen && !r.reviewOpen).Ready(r.ready),
		newVersionBar(r.ws).Doc(d.id, d.doc.Symbol).Ready(r.ready).ReviewOpen(r.reviewOpen),
		newStorageBanner().Doc(d.id),
		// Before every element that comes and goes: go-app matches
		// children by place, and these must stay the same ones.
		newOpener(r.ws),
		newToast(),
		app.Div().Class("cm-layout").Body(
			app.Main().Class("cm-main").Body(
				newDocumentView().Document(d.doc, d.paint),
			),
			app.If(r.reviewOpen, func() app.UI {
				return newReviewPanel().Doc(d.id).Reattach(r.reattach, r.reattachChoice())
			}),
			app.If(r.panelOpen && !r.reviewOpen, func() app.UI {
				return newAnnotationPanel().
					Doc(d.id).
					Live(r.listLive).
					Filter(r.filter).
					Author(r.ws.author)
			}),
		),
		app.If(r.sel != nil && r.editor == nil && r.reattach == "", func() app.UI {
			return newTagToolbar().Selection(r.sel, r.selectionLabel())
		}),
		app.If(r.editor != nil, func() app.UI {
			return newAnnotationEditor().State(r.editor)
		}),
		app.If(r.hover != "" && r.editor == nil, func() app.UI {
			a, ok := d.set().Get(r.hover)
			if !ok {
				return nil
			}
			return newHighlightTooltip().Annotation(a, d.adoc.Label(a.Clause))
		}),
		app.If(r.imp != nil, func() app.UI {
			return newImportDialog().State(r.imp)
		}),
		app.If(r.helpOpen, func() app.UI {
			return newHelpDialog()
		}),
		app.If(r.dragOver, func() app.UI {
			return app.Div().Class("cm-drop").Aria("hidden", "true").Body(
				app.P().Text("Drop a document (PDF, Word, web page or text) to open it, or an annotation file (JSON or W3C) to import it"),
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

// importInputID is the id of the hidden file input of the import.
const importInputID = "cm-import-file"

// maxImportSize is the largest file the import reads.
const maxImportSize = annotations.MaxFileSize

// setSel sets what the toolbar would tag; a whole clause shows it is
// selected.
func (r *reader) setSel(s *selection) {
	r.sel = s
	if s != nil {
		r.lastTag = annotations.Annotation{}
	}
	if s != nil && s.Whole {
		r.doc.paint.setSelected(s.Clause)
	} else {
		r.doc.paint.setSelected("")
	}
}

// selectionLabel says what the toolbar would tag: "OP21 · 57 characters".
func (r *reader) selectionLabel() string {
	s := r.sel
	label := r.doc.adoc.Label(s.Clause)
	if s.Whole || (s.Start == 0 && s.End == r.doc.adoc.ClauseLen(s.Clause)) {
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
