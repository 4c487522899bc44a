package app

import (
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/library"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libraryPage is /library: every document kept in this browser, with what
// the delegate needs to find one (symbol, title, body and session, date,
// sponsors, annotations per tag, when last annotated), sorted and
// filtered; open, rename and remove (with undo until the page is left).
// It reads only the documents' summaries, never their texts.
type libraryPage struct {
	app.Compo

	ws    *workspace
	ready bool        // mounted in the browser
	ctx   app.Context // the page's own context (see run)

	summaries []library.Summary
	loaded    bool
	err       string
	sortKey   library.SortKey
	desc      bool
	body      string
	text      string
	renaming  string // the id of the document being renamed
	removing  *library.Summary
	removed   []library.Removed // what Undo restores, newest last
	usage     string            // storage used, as the browser says
	imp       *libraryImport    // a shared file being imported
	reloading bool              // a reload is on its way
	releases  []func()
	limit     int // how many of the documents shown are listed
}

// libraryPageSize is how many documents the list holds at first, and adds
// on Show more: each is some thirty elements, and mounting 300 of them
// (a session's worth) takes the browser most of a second.
const libraryPageSize = 50

func newLibraryPage(ws *workspace) *libraryPage {
	return &libraryPage{ws: ws, sortKey: library.ByOpened, desc: true, limit: libraryPageSize}
}

func (p *libraryPage) OnPreRender(ctx app.Context) { ctx.Page().SetTitle("Clausemark — Library") }

func (p *libraryPage) OnMount(ctx app.Context) {
	if !isInteractive(p.ws) {
		return
	}
	ctx.Page().SetTitle("Clausemark — Library")
	p.ready, p.ctx = true, ctx
	p.ws.started(ctx)
	p.ws.dropKeptAfterPaint(ctx) // the copy of a document page the app came with
	ctx.Handle(actionUndoRemove, p.onUndoRemove)
	b := p.ws.b
	// Another tab added, removed or annotated a document: list it anew.
	if _, closeCh, err := b.OpenChannel(func(annotations.Change) { ctx.Dispatch(p.reloadSoon) }); err == nil {
		p.releases = append(p.releases, closeCh)
	}
	p.releases = append(p.releases, b.OnFileDrop(maxImportSize,
		func(bool) {},
		func(f browser.File) {
			ctx.Dispatch(func(ctx app.Context) {
				if isAnnotationFile(f) {
					p.planImport(ctx, f)
					return
				}
				ctx.NewActionWithValue(actionOpenDropped, f)
			})
		}))
	p.reload(ctx)
}

func (p *libraryPage) OnDismount() {
	for _, r := range p.releases {
		r()
	}
	p.releases = nil
}

// reloadSoon reads the library again, once for changes that come together.
func (p *libraryPage) reloadSoon(ctx app.Context) {
	if p.reloading {
		return
	}
	p.reloading = true
	ctx.After(300*time.Millisecond, func(ctx app.Context) {
		p.reloading = false
		p.reload(ctx)
	})
}

// reload reads the summaries and the storage used, off the UI goroutine.
func (p *libraryPage) reload(ctx app.Context) {
	ws := p.ws
	ctx = p.ctx // an element that started this may be gone when it ends
	ctx.Async(func() {
		var ss []library.Summary
		st, err := ws.store()
		if err == nil {
			ss, err = st.Summaries()
		}
		usage := ""
		if used, quota, err := ws.b.Estimate(); err == nil && quota > 0 {
			usage = "Storage used: " + byteSize(used) + " of " + byteSize(quota) + " this browser allows."
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.loaded, p.usage = true, usage
			if err != nil {
				p.err = "The library cannot be read in this browser: " + err.Error()
				return
			}
			p.summaries = ss
			// For the benchmarks: the list is on screen once this update
			// is painted.
			ctx.Defer(func(app.Context) { ws.b.MarkAfterPaint(markLibraryListed) })
		})
	})
}

// markLibraryListed is the User Timing mark set once the library's list is
// painted after the summaries are read (make bench).
const markLibraryListed = "cm-library-listed"

// shown are the summaries the page lists: filtered, then sorted.
func (p *libraryPage) shown() []library.Summary {
	ss := library.Filter{Body: p.body, Text: p.text}.Apply(p.summaries)
	library.Sort(ss, p.sortKey, p.desc)
	return ss
}

func (p *libraryPage) Render() app.UI {
	shown := p.shown()
	listed := shown[:min(len(shown), p.limit)]
	root := app.Div().Class("cm-app cm-page")
	if p.ready {
		root = root.Attr("data-ready", "true")
	}
	return root.Body(
		app.A().Class("cm-skip").Href("#cm-library-list").Text("Skip to the documents"),
		newPageBar(p.ws).Current(libraryPath),
		app.Main().Class("cm-main cm-wide").ID("cm-library").Role("region").Aria("label", "Library").Body(
			app.H1().Class("cm-page-title").Text("Library"),
			app.P().Class("cm-hint").Text("Every document opened in this browser, kept here with its annotations — also offline. Open a PDF, Word file, web page or pasted text to add one."),
			app.Div().Class("cm-library-tools").Body(
				app.Label().For("cm-library-filter").Class("cm-visually-hidden").Text("Find a document"),
				app.Input().Type("search").ID("cm-library-filter").Class("cm-search").
					Placeholder("Find by symbol or title").Value(p.text).
					OnInput(func(ctx app.Context, e app.Event) {
						p.text, p.limit = ctx.JSSrc().Get("value").String(), libraryPageSize
					}),
				app.Label().For("cm-library-body").Class("cm-visually-hidden").Text("Body"),
				app.Select().ID("cm-library-body").Class("cm-select").
					OnChange(func(ctx app.Context, e app.Event) {
						p.body, p.limit = ctx.JSSrc().Get("value").String(), libraryPageSize
					}).
					Body(
						app.Option().Value("").Text("Every body"),
						app.Range(library.Bodies(p.summaries)).Slice(func(i int) app.UI {
							b := library.Bodies(p.summaries)[i]
							return app.Option().Value(b).Selected(b == p.body).Text(b)
						}),
					),
				app.Label().For("cm-library-sort").Class("cm-visually-hidden").Text("Sort"),
				app.Select().ID("cm-library-sort").Class("cm-select").
					OnChange(p.onSort).
					Body(
						p.sortOption(library.ByOpened, true, "Last read first"),
						p.sortOption(library.ByLastAnnotated, true, "Last annotated first"),
						p.sortOption(library.BySymbol, false, "By symbol"),
						p.sortOption(library.ByDate, true, "Newest first"),
						p.sortOption(library.ByAnnotations, true, "Most annotated first"),
					),
			),
			app.Div().Class("cm-library-import").Body(
				app.Button().Type("button").Class("cm-button").
					Title("Import a Clausemark file a colleague shared: the documents it carries join your library with their annotations").
					OnClick(func(ctx app.Context, e app.Event) {
						if err := p.ws.b.Click(libraryImportID); err != nil {
							p.ws.b.Log("clausemark: opening the file picker:", err)
						}
					}).
					Text("Import a shared file"),
				app.Input().Type("file").ID(libraryImportID).Class("cm-file").
					Accept(".json,.jsonld,application/json").Aria("label", "Import a shared file").TabIndex(-1).
					OnChange(func(ctx app.Context, e app.Event) {
						b := p.ws.b
						ctx = p.ctx // an element that started this may be gone when it ends
						ctx.Async(func() {
							f, err := b.InputFile(libraryImportID, maxImportSize)
							if err != nil {
								f.Err = err
							}
							ctx.Dispatch(func(ctx app.Context) { p.planImport(ctx, f) })
						})
					}),
			),
			app.If(p.err != "", func() app.UI {
				return app.P().Class("cm-banner").Role("alert").Text(p.err)
			}),
			app.If(!p.loaded && p.err == "", func() app.UI {
				return app.P().Class("cm-open-busy").Role("status").Text("Reading your library…")
			}),
			app.P().Class("cm-panel-count").Aria("live", "polite").Text(p.countText(len(shown))),
			app.Ul().ID("cm-library-list").Class("cm-library-list").Body(
				app.Range(listed).Slice(func(i int) app.UI {
					return p.entry(listed[i])
				}),
			),
			app.If(len(shown) > len(listed), func() app.UI {
				return app.Button().Type("button").Class("cm-button cm-more").
					OnClick(func(ctx app.Context, e app.Event) { p.limit += libraryPageSize }).
					Text("Show " + itoa(min(libraryPageSize, len(shown)-len(listed))) + " more of " + itoa(len(shown)-len(listed)))
			}),
			app.If(p.usage != "", func() app.UI {
				return app.P().Class("cm-hint cm-storage").Text(p.usage)
			}),
		),
		// Before the elements that come and go: go-app matches children
		// by place, and these must stay the same ones.
		newToast(),
		newOpener(p.ws),
		app.If(p.removing != nil, func() app.UI { return p.removeDialog(*p.removing) }),
		app.If(p.imp != nil, func() app.UI { return p.importDialog(p.imp) }),
	)
}

func (p *libraryPage) sortOption(key library.SortKey, desc bool, label string) app.UI {
	v := string(key)
	if desc {
		v += "-desc"
	}
	return app.Option().Value(v).Selected(p.sortKey == key && p.desc == desc).Text(label)
}

func (p *libraryPage) onSort(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	key, desc := strings.CutSuffix(v, "-desc")
	p.sortKey, p.desc = library.SortKey(key), desc
}

func (p *libraryPage) countText(shown int) string {
	if !p.loaded {
		return ""
	}
	s := plural(shown, "document")
	if shown != len(p.summaries) {
		s += " of " + itoa(len(p.summaries))
	}
	return s
}

// entry is one document of the list.
func (p *libraryPage) entry(s library.Summary) app.UI {
	title := s.DisplayTitle()
	meta := strings.Join(nonEmpty(s.Body, s.Session, s.Date), " · ")
	return app.Li().Class("cm-library-item").DataSet("document", s.ID).Body(
		app.Div().Class("cm-library-main").Body(
			app.A().Class("cm-library-link").Href(docURL(s.ID)).Body(
				app.Span().Class("cm-library-symbol").Text(symbolOf(s)),
				app.Span().Class("cm-library-title").Text(title),
			),
			app.If(meta != "", func() app.UI { return app.P().Class("cm-library-meta").Text(meta) }),
			app.If(len(s.Sponsors) > 0, func() app.UI {
				return app.P().Class("cm-library-sponsors").Text("Sponsors: " + strings.Join(s.Sponsors, ", "))
			}),
			app.P().Class("cm-library-counts").Body(
				app.Range(annotations.Tags[:]).Slice(func(i int) app.UI {
					t := annotations.Tags[i]
					n := s.Counts.Of(t)
					return app.Span().Class("cm-tag-chip").DataSet("tag", t).DataSet("count", n).Body(
						app.Span().Class("cm-tag-letter").Aria("hidden", "true").Text(tagLetters[t]),
						app.Text(itoa(n)+" "+strings.ToLower(tagNames[t])+pluralS(n)),
					)
				}),
				app.If(!s.LastAnnotated.IsZero(), func() app.UI {
					return app.Span().Class("cm-library-when").Text("last annotated " + when(s.LastAnnotated))
				}),
				app.If(s.Versions > 1, func() app.UI {
					return app.Span().Class("cm-library-when").Text(itoa(s.Versions) + " versions")
				}),
			),
		),
		app.Div().Class("cm-library-actions").Body(
			app.If(p.renaming == s.ID, func() app.UI { return p.renameForm(s) }).Else(func() app.UI {
				return app.Button().Type("button").Class("cm-button").
					Aria("label", "Rename "+symbolOf(s)).
					OnClick(func(ctx app.Context, e app.Event) {
						p.renaming = s.ID
						ctx.Defer(func(ctx app.Context) { focusSelector(ctx, "#cm-rename") })
					}).
					Text("Rename")
			}),
			app.Button().Type("button").Class("cm-button").
				Aria("label", "Export "+symbolOf(s)+" with its text and annotations").
				Title("A Clausemark file with the document's text and annotations, for a colleague").
				OnClick(func(ctx app.Context, e app.Event) { p.exportDocument(ctx, s.ID) }).
				Text("Export"),
			app.Button().Type("button").Class("cm-button cm-danger").
				Aria("label", "Remove "+symbolOf(s)).
				OnClick(func(ctx app.Context, e app.Event) {
					sum := s
					p.removing = &sum
					ctx.Defer(func(ctx app.Context) { focusSelector(ctx, "#cm-remove-dialog .cm-primary") })
				}).
				Text("Remove"),
		),
	)
}

// symbolOf is what the library shows as a document's symbol: an untitled
// text has none.
func symbolOf(s library.Summary) string {
	if strings.HasPrefix(s.Symbol, UntitledSymbolPrefix) {
		return "No symbol"
	}
	return s.Symbol
}
