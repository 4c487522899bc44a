package app

import (
	"errors"
	"fmt"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// Importing a shared file into the library: a native file may carry
// documents with their texts and annotations (version 3). Documents the
// library lacks are added with their annotations; annotations of documents
// it has are merged into them; documents it lacks whose text the file does
// not carry cannot be added. Nothing is written until the delegate
// confirms, and then everything is written in one transaction.

// libraryImport is a file's import planned for the library.
type libraryImport struct {
	Name     string
	Adds     []importedDoc // documents the library gains
	Updates  []importedDoc // documents the library has, with what changes
	Missing  []string      // symbols the file names without their text
	Error    string
	batch    library.Batch
	prepared bool
}

// importedDoc is one document of an import and what happens to it.
type importedDoc struct {
	ID, Symbol, Title string
	Summary           string // the plan's summary ("3 added, 1 updated")
}

// planLibraryImport reads a native file and plans what it brings to the
// library. It blocks: call it off the UI goroutine.
func (ws *workspace) planLibraryImport(name string, data []byte) (*libraryImport, error) {
	c, err := annotations.ReadCollection(data)
	if err != nil {
		return nil, err
	}
	st, err := ws.store()
	if err != nil {
		return nil, err
	}
	summaries, err := st.Summaries()
	if err != nil {
		return nil, err
	}
	in := library.PlanImport(c, summaries)
	now := time.Now()
	imp := &libraryImport{Name: name}
	for _, e := range in.New {
		parsed, err := resolution.Parse([]byte(e.Text.Text))
		if err != nil {
			return nil, fmt.Errorf("the text of %s in the file cannot be read: %w", e.Symbol, err)
		}
		p, err := library.Prepare(e, parsed, now)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Symbol, err)
		}
		summary := p.Plan.Summary()
		add, err := p.Addition()
		if err != nil {
			return nil, err
		}
		imp.batch.Add = append(imp.batch.Add, add)
		imp.Adds = append(imp.Adds, importedDoc{ID: add.Document.ID, Symbol: e.Symbol, Title: parsed.Title, Summary: summary})
	}
	for _, ex := range in.Existing {
		d, ok, err := st.Document(ex.ID)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		parsed, err := d.Parse()
		if err != nil {
			return nil, err
		}
		adoc, err := library.AnnotationDocument(parsed, d.Symbol)
		if err != nil {
			return nil, err
		}
		stored, err := st.List(d.Symbol)
		if err != nil {
			return nil, err
		}
		set := annotations.NewSet(adoc, nil)
		if _, err := set.Load(stored); err != nil {
			return nil, err
		}
		f, err := ex.Entry.Anchor(adoc, annotations.ImportOptions{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.Symbol, err)
		}
		p := set.Plan(f)
		summary := p.Summary()
		changed, err := p.Apply()
		if err != nil {
			return nil, err
		}
		if len(changed) == 0 {
			continue
		}
		imp.batch.Annotations = append(imp.batch.Annotations, changed...)
		sum, err := library.NewSummary(d, parsed, set.All())
		if err != nil {
			return nil, err
		}
		sum.SetCounts(set)
		imp.batch.Summaries = append(imp.batch.Summaries, sum)
		imp.Updates = append(imp.Updates, importedDoc{ID: d.ID, Symbol: d.Symbol, Title: parsed.Title, Summary: summary})
	}
	for _, e := range in.Missing {
		imp.Missing = append(imp.Missing, e.Symbol)
	}
	imp.prepared = true
	return imp, nil
}

// applyLibraryImport writes a planned import, all of it or nothing. It
// blocks: call it off the UI goroutine.
func (ws *workspace) applyLibraryImport(imp *libraryImport) error {
	if imp == nil || !imp.prepared {
		return errors.New("nothing to import")
	}
	st, err := ws.store()
	if err != nil {
		return err
	}
	if err := st.Write(imp.batch); err != nil {
		if errors.Is(err, library.ErrExists) {
			return errors.New("a document of the file was added meanwhile (in another tab): import the file again")
		}
		return err
	}
	if len(imp.Adds) > 0 {
		ws.askToPersist()
	}
	return nil
}
