package library

import (
	"fmt"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// Incoming is what a native file (annotations.ReadCollection) brings to
// the library, before anything is written: which of its documents the
// library has, which it can add, which it cannot.
type Incoming struct {
	// New are the documents of the file the library lacks and whose text
	// the file carries: the app parses each text and calls Prepare.
	New []annotations.Entry
	// Existing are the documents of the file the library has: their
	// annotations are imported into them as into an open document
	// (Entry.Anchor in the document's current text, then Set.Plan).
	Existing []Existing
	// Missing are the documents the library lacks whose text the file does
	// not carry: they cannot be added, and their annotations are not
	// imported.
	Missing []annotations.Entry
}

// Existing is a document of a file that the library has.
type Existing struct {
	// ID is the library document's id.
	ID    string
	Entry annotations.Entry
}

// PlanImport sorts the documents of a file by what the library (its
// summaries) has: a document is the library's when its symbol is the
// Symbol of a library document (the one its annotations are filed under),
// or has that document's id. It is pure: the app shows its answer ("this
// file adds A/HRC/53/L.12 and S/2024/400") and goes on with Prepare.
func PlanImport(c *annotations.Collection, summaries []Summary) Incoming {
	bySymbol := map[string]string{}
	byID := map[string]bool{}
	for _, s := range summaries {
		bySymbol[s.Symbol] = s.ID
		byID[s.ID] = true
	}
	var in Incoming
	for _, e := range c.Entries {
		id, ok := bySymbol[e.Symbol]
		if !ok && byID[DocumentID(e.Symbol)] {
			id, ok = DocumentID(e.Symbol), true
		}
		switch {
		case ok:
			in.Existing = append(in.Existing, Existing{ID: id, Entry: e})
		case e.Text != nil:
			in.New = append(in.New, e)
		default:
			in.Missing = append(in.Missing, e)
		}
	}
	return in
}

// Prepared is a document new to the library from a file, its text parsed
// and its annotations anchored in it: Plan is what the import preview
// shows (added, orphaned), Addition what the library writes.
type Prepared struct {
	Document Document
	Plan     *annotations.Plan

	parsed *resolution.Document
	set    *annotations.Set
}

// Prepare makes a new library document of an entry that carries its text,
// parsed as parsed (resolution.Parse of e.Text.Text), added at now: the
// document is filed under the entry's symbol (its annotations are), its
// first version is the text with its source format and file name, and its
// annotations are anchored in it and planned, to be previewed.
func Prepare(e annotations.Entry, parsed *resolution.Document, now time.Time) (*Prepared, error) {
	if e.Text == nil {
		return nil, fmt.Errorf("%w: the file does not carry the text of %s", ErrInvalid, e.Symbol)
	}
	source := e.Text.SourceFormat
	if source == "" {
		source = SourceText
	}
	v, err := NewVersion(e.Text.Text, parsed, source, e.Text.FileName, "", now)
	if err != nil {
		return nil, err
	}
	d := Document{ID: DocumentID(e.Symbol), Symbol: e.Symbol, Added: now.UTC(), Builtin: source == SourceBuiltin, Versions: []Version{v}}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	adoc, err := AnnotationDocument(parsed, d.Symbol)
	if err != nil {
		return nil, err
	}
	f, err := e.Anchor(adoc, annotations.ImportOptions{Now: func() time.Time { return now }})
	if err != nil {
		return nil, err
	}
	set := annotations.NewSet(adoc, func() time.Time { return now })
	return &Prepared{Document: d, Plan: set.Plan(f), parsed: parsed, set: set}, nil
}

// Addition applies the plan and returns the document with its summary and
// annotations, for Store.Write (Batch.Add). It can be called once.
func (p *Prepared) Addition() (Addition, error) {
	if _, err := p.Plan.Apply(); err != nil {
		return Addition{}, err
	}
	as := p.set.All()
	s, err := NewSummary(p.Document, p.parsed, as)
	if err != nil {
		return Addition{}, err
	}
	s.SetCounts(p.set)
	return Addition{Document: p.Document, Summary: s, Annotations: as}, nil
}
