package app

import (
	"fmt"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// The library's store: every document's text, its summary and the
// annotations, in the browser (IndexedDB; browser.Browser.OpenStore). One
// connection serves every open document; the store is opened again after
// it failed (a session's Retry) or was closed under the app.

// store returns the library's store, opening it if it is not open, once
// the default document is kept in it (upkeep).
func (ws *workspace) store() (library.Store, error) {
	ws.upkeep.wait()
	return ws.openStore()
}

// openStore returns the library's store, opening it if it is not open,
// without waiting for the upkeep: for the annotations of a document, and
// for the first page.
func (ws *workspace) openStore() (library.Store, error) {
	ws.stMu.Lock()
	defer ws.stMu.Unlock()
	if ws.st != nil {
		return ws.st, nil
	}
	st, err := ws.b.OpenStore(ws.storeClosed)
	if err != nil {
		return nil, err
	}
	ws.st = st
	return st, nil
}

// storeClosed is told that the store stopped working under the app
// (another tab upgraded or deleted the database): the next use opens it
// again, and the delegate is told at once.
func (ws *workspace) storeClosed(reason string) {
	ws.stMu.Lock()
	ws.st = nil
	notify := ws.notify
	ws.stMu.Unlock()
	if notify != nil {
		notify("The browser's storage was closed (" + reason + "): reload the page to keep saving. Your annotations stay on screen; export them to keep a copy.")
	}
}

// loaded is a document read from the library: its record and its current
// text parsed.
type loaded struct {
	doc    library.Document
	parsed *resolution.Document
}

// readDocument reads a document of the library and parses its current
// text. It blocks: call it off the UI goroutine.
func (ws *workspace) readDocument(id string) (loaded, error) {
	st, err := ws.openStore()
	if err != nil {
		return loaded{}, err
	}
	d, ok, err := st.Document(id)
	if err != nil {
		return loaded{}, err
	}
	if !ok {
		return loaded{}, errNoDocument(id)
	}
	parsed, err := d.Parse()
	if err != nil {
		return loaded{}, fmt.Errorf("the text of %s cannot be read: %w", id, err)
	}
	return loaded{doc: d, parsed: parsed}, nil
}

// learn makes a document read from the library one the app can show.
func (ws *workspace) learn(l loaded) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	doc := l.doc
	ws.sources[doc.ID] = source{parsed: l.parsed, key: doc.Symbol, lib: &doc}
}

// known reports whether the app can show the document with this id now
// (without reading the library).
func (ws *workspace) known(id string) bool {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	_, ok := ws.sources[id]
	return ok
}

// keepDefault keeps the default document in the library — the built-in
// resolution from the first start (library.EnsureBuiltin), a document the
// server serves as any other — and shows its current version there
// (learnDefault). It blocks: call it off the UI goroutine.
func (ws *workspace) keepDefault() {
	st, err := ws.openStore()
	if err != nil {
		return
	}
	if len(ws.defaultText) > 0 {
		ws.mu.Lock()
		parsed := ws.sources[ws.defaultID].parsed
		ws.mu.Unlock()
		if ws.builtin {
			_, _, err = library.EnsureBuiltin(st, ws.defaultText, time.Now())
		} else {
			err = ws.keepServed(st, opened{doc: parsed, text: string(ws.defaultText), format: extract.FormatText})
		}
		if err != nil {
			ws.b.Log("clausemark: keeping the default document in the library:", err)
		}
	}
	ws.learnDefault(st)
}

// askToPersist asks the browser, once, to keep the library when space runs
// low, and tells the delegate why. It blocks: call it off the UI goroutine.
func (ws *workspace) askToPersist() {
	ws.stMu.Lock()
	asked := ws.persistAsked
	ws.persistAsked = true
	notify := ws.notify
	ws.stMu.Unlock()
	if asked {
		return
	}
	granted, err := ws.b.Persist()
	if err != nil {
		ws.b.Log("clausemark: asking to keep the storage:", err)
		return
	}
	if notify == nil {
		return
	}
	if granted {
		notify("Your library lives in this browser: Clausemark asked the browser to keep it even when space runs low, and it agreed.")
	} else {
		notify("Your library lives in this browser, which may clear it when space runs low: export your annotations now and then to keep a copy.")
	}
}

// prepareLibrary keeps the default document in the library (keepDefault)
// and returns where "/" takes the delegate: the last document read, at its
// place, or the library for a new one. It blocks: call it off the UI
// goroutine.
func (ws *workspace) prepareLibrary() (home string) {
	st, err := ws.store()
	if err != nil {
		return "" // no library: "/" shows the default document
	}
	summaries, err := st.Summaries()
	if err != nil {
		ws.b.Log("clausemark: reading the library:", err)
		return ""
	}
	if id, ok := library.LastRead(summaries); ok {
		return docURL(id)
	}
	return libraryPath
}

// exportWithText is a document of the library as a native file that
// carries its text and its annotations, for a colleague who does not have
// it (version 3), and the file's name. It blocks.
func (ws *workspace) exportWithText(id string) (name string, data []byte, err error) {
	st, err := ws.store()
	if err != nil {
		return "", nil, err
	}
	d, ok, err := st.Document(id)
	if err != nil {
		return "", nil, err
	}
	if !ok {
		return "", nil, errNoDocument(id)
	}
	as, err := st.List(d.Symbol)
	if err != nil {
		return "", nil, err
	}
	parsed, err := d.Parse()
	if err != nil {
		return "", nil, err
	}
	cur := d.Current()
	e := annotations.Entry{
		Symbol: d.Symbol, Title: parsed.Title, TextSHA256: cur.TextSHA256,
		Text:        &annotations.Text{Text: cur.Text, SourceFormat: cur.Source, FileName: cur.FileName},
		Annotations: as,
	}
	data, err = annotations.ExportEntries([]annotations.Entry{e}, nil)
	return exportFileName(d.Symbol, exportJSON, time.Now()), data, err
}

// exportSelection makes a file of annotations of several documents — a
// brief ("markdown"), a CSV, or a native file with the documents' texts
// ("json") — named after what was selected (what). It reads each
// document's text from the library, and blocks.
func (ws *workspace) exportSelection(as []annotations.Annotation, what, format string, now time.Time) (name, mime string, data []byte, err error) {
	st, err := ws.store()
	if err != nil {
		return "", "", nil, err
	}
	var order []string
	byDoc := map[string][]annotations.Annotation{}
	for _, a := range as {
		if _, ok := byDoc[a.Document]; !ok {
			order = append(order, a.Document)
		}
		byDoc[a.Document] = append(byDoc[a.Document], a)
	}
	var sels []annotations.Selection
	var entries []annotations.Entry
	for _, symbol := range order {
		list := byDoc[symbol]
		d, ok, err := st.Document(DocumentID(symbol))
		if err != nil {
			return "", "", nil, err
		}
		if !ok {
			// Annotations of a text the library lacks: kept in the native
			// file, left out of the brief and CSV, which quote the text.
			entries = append(entries, annotations.Entry{Symbol: symbol, Annotations: list})
			continue
		}
		parsed, err := d.Parse()
		if err != nil {
			return "", "", nil, err
		}
		adoc, err := library.AnnotationDocument(parsed, d.Symbol)
		if err != nil {
			return "", "", nil, err
		}
		sels = append(sels, annotations.Selection{Document: adoc, Annotations: list})
		cur := d.Current()
		entries = append(entries, annotations.Entry{
			Symbol: d.Symbol, Title: parsed.Title, TextSHA256: cur.TextSHA256,
			Text:        &annotations.Text{Text: cur.Text, SourceFormat: cur.Source, FileName: cur.FileName},
			Annotations: list,
		})
	}
	clock := func() time.Time { return now }
	switch format {
	case "markdown":
		data, err = annotations.WriteMarkdown(sels, annotations.BriefOptions{Delegation: ws.author, Now: clock})
		return annotations.FileName(sels, what, now, ".md"), "text/markdown", data, err
	case "csv":
		data, err = annotations.WriteCSV(sels)
		return annotations.FileName(sels, what, now, ".csv"), "text/csv", data, err
	}
	data, err = annotations.ExportEntries(entries, clock)
	return annotations.FileName(sels, what, now, ".json"), "application/json", data, err
}

// libraryChange is the document named in a change other tabs are told of
// when the library itself changed (a document added, removed, renamed):
// no document has it as its symbol.
const libraryChange = "clausemark:library"

// announceLibrary tells the other tabs that the library changed, so that
// their library pages list it anew.
func (ws *workspace) announceLibrary() {
	ws.stMu.Lock()
	post := ws.libPost
	if post == nil {
		var err error
		if post, _, err = ws.b.OpenChannel(func(annotations.Change) {}); err != nil {
			ws.stMu.Unlock()
			ws.b.Log("clausemark: telling the other tabs:", err)
			return
		}
		ws.libPost = post
	}
	ws.stMu.Unlock()
	if err := post(annotations.Change{Document: libraryChange}); err != nil {
		ws.b.Log("clausemark: telling the other tabs:", err)
	}
}
