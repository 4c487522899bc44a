package annotations

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// W3C Web Annotation (https://www.w3.org/TR/annotation-model/).
//
// ExportW3C writes an AnnotationCollection whose first (and only)
// AnnotationPage holds the annotations. The collection, the page and every
// annotation carry the @context, so that each is a valid document on its own
// (the W3C test suite checks each so). Each annotation: id (its urn:uuid),
// motivation ("commenting" with a note, "tagging" with a tag or labels,
// "highlighting" else), created and modified (UTC, Z), creator {type
// Organization, name} when an author is set, generator (Clausemark), the
// bodies (a TextualBody with purpose "tagging" whose value is the tag, in
// English; one per label; a TextualBody with purpose "commenting" holding the
// note), and one target whose source is Document.Source and whose selectors
// are, in this order:
//
//   - a FragmentSelector (value: the clause id; conformsTo RFC 3236, the
//     HTML fragment) refinedBy a TextQuoteSelector and a
//     TextPositionSelector counting code points of the clause: the precise
//     selector, the one Clausemark reads back;
//   - a TextQuoteSelector whose prefix and suffix are taken from the
//     document text (Document.Text), which run into the neighbouring
//     clauses;
//   - a TextPositionSelector counting code points of the document text.
//
// The last two are what other tools anchor with (Hypothesis-style
// consumers look for a top-level TextQuoteSelector; Recogito's
// text-annotator wants both). An orphan has no position selector: a bare
// TextQuoteSelector (after its FragmentSelector if it has a clause).
const (
	w3cContext      = "http://www.w3.org/ns/anno.jsonld"
	w3cFragmentSpec = "http://tools.ietf.org/rfc/rfc3236"
)

// generator is the generator of the files and annotations ExportW3C writes.
var generator = w3cAgent{Type: "Software", Name: "Clausemark"}

type w3cCollection struct {
	Context   string   `json:"@context"`
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Label     string   `json:"label"`
	Generator w3cAgent `json:"generator"`
	Generated string   `json:"generated"`
	Total     int      `json:"total"`
	First     w3cPage  `json:"first"`
	Last      string   `json:"last"`
}

type w3cPage struct {
	Context    string          `json:"@context"`
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	PartOf     string          `json:"partOf"`
	StartIndex int             `json:"startIndex"`
	Items      []w3cAnnotation `json:"items"`
}

type w3cAnnotation struct {
	Context    string    `json:"@context"`
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Created    string    `json:"created"`
	Modified   string    `json:"modified"`
	Creator    *w3cAgent `json:"creator,omitempty"`
	Generator  *w3cAgent `json:"generator"`
	Body       []w3cBody `json:"body,omitempty"`
	Target     w3cTarget `json:"target"`
}

// w3cAgent is the creator or the generator of an annotation.
type w3cAgent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

type w3cBody struct {
	Type     string `json:"type"`
	Purpose  string `json:"purpose"`
	Value    string `json:"value"`
	Format   string `json:"format"`
	Language string `json:"language,omitempty"`
}

type w3cTarget struct {
	Source   string `json:"source"`
	Selector []any  `json:"selector"`
}

type w3cFragment struct {
	Type       string `json:"type"`
	ConformsTo string `json:"conformsTo"`
	Value      string `json:"value"`
	RefinedBy  []any  `json:"refinedBy"`
}

type w3cQuote struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

type w3cPosition struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// ExportW3C writes the set as a W3C Web Annotation collection (JSON-LD),
// every annotation in document order, orphans last. now gives the
// "generated" time (nil: time.Now). A set that would make a file Read
// refuses (more than MaxAnnotations, or more than MaxFileSize bytes) is an
// error wrapping ErrTooMany or ErrTooLarge: what is written can be read.
func ExportW3C(s *Set, now func() time.Time) ([]byte, error) {
	doc := s.doc
	exported := formatTime(clock(now))
	as := s.All()
	if err := checkExportCount(len(as)); err != nil {
		return nil, err
	}
	id := nameID("collection\n" + doc.Symbol + "\n" + exported)
	page := nameID("page\n" + id)
	c := w3cCollection{
		Context:   w3cContext,
		ID:        id,
		Type:      "AnnotationCollection",
		Label:     "Clausemark annotations on " + doc.Symbol + ": " + doc.Title,
		Generator: generator,
		Generated: exported,
		Total:     len(as),
		First: w3cPage{
			Context: w3cContext, ID: page, Type: "AnnotationPage", PartOf: id,
			Items: make([]w3cAnnotation, len(as)),
		},
		Last: page,
	}
	gen := generator
	for i, a := range as {
		c.First.Items[i] = w3cItemOf(doc, a, &gen)
	}
	return marshalChecked(c)
}

// w3cItemOf is the W3C form of one annotation.
func w3cItemOf(doc *Document, a Annotation, gen *w3cAgent) w3cAnnotation {
	item := w3cAnnotation{
		Context:    w3cContext,
		ID:         a.ID,
		Type:       "Annotation",
		Motivation: "highlighting",
		Created:    formatTime(a.Created),
		Modified:   formatTime(a.Modified),
		Generator:  gen,
		Target:     w3cTarget{Source: doc.Source},
	}
	if a.Tag != "" {
		item.Body = append(item.Body, w3cBody{Type: "TextualBody", Purpose: "tagging", Value: string(a.Tag), Format: "text/plain", Language: "en"})
	}
	for _, l := range a.Labels {
		item.Body = append(item.Body, w3cBody{Type: "TextualBody", Purpose: "tagging", Value: l, Format: "text/plain"})
	}
	if len(item.Body) > 0 {
		item.Motivation = "tagging"
	}
	if a.Note != "" {
		item.Motivation = "commenting"
		item.Body = append(item.Body, w3cBody{Type: "TextualBody", Purpose: "commenting", Value: a.Note, Format: "text/plain"})
	}
	if a.Author != "" {
		item.Creator = &w3cAgent{Type: "Organization", Name: a.Author}
	}
	quote := w3cQuote{Type: "TextQuoteSelector", Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix}
	if a.Clause == "" {
		item.Target.Selector = []any{quote}
		return item
	}
	item.Target.Selector = []any{w3cFragment{
		Type: "FragmentSelector", ConformsTo: w3cFragmentSpec, Value: a.Clause,
		RefinedBy: []any{quote, w3cPosition{Type: "TextPositionSelector", Start: a.Start, End: a.End}},
	}}
	if !doc.Fits(a) {
		item.Target.Selector = append(item.Target.Selector, w3cQuote{Type: "TextQuoteSelector", Exact: a.Exact})
		return item
	}
	ci := doc.index[a.Clause]
	prefix, suffix := doc.textContext(ci, a.Start, a.End)
	start := doc.starts[ci] + a.Start
	item.Target.Selector = append(item.Target.Selector,
		w3cQuote{Type: "TextQuoteSelector", Exact: a.Exact, Prefix: prefix, Suffix: suffix},
		w3cPosition{Type: "TextPositionSelector", Start: start, End: start + a.Len()})
	return item
}

// Reading: JSON-LD allows one value or an array almost everywhere, so the
// reader is lenient on shapes, strict on values, and takes what other tools
// write. It accepts an AnnotationCollection (items inline, or a single first
// page with items), an array of annotations, or one annotation, and streams
// the items. From each annotation it takes:
//
//   - the id: a urn:uuid is kept; any other id becomes a name-based urn:uuid,
//     the same on every import;
//   - the tagging bodies: the first whose value is a tag (ParseTag: any case,
//     or a synonym) is the tag; the other values are kept as labels (cut to
//     MaxLabelLength, at most MaxLabels, control characters made spaces).
//     An annotation without a known tag is untagged;
//   - the commenting bodies (or bodies without a purpose that are not a tag)
//     and bodyValue: the note, several joined by blank lines;
//   - creator: a string, or an object's name or nickname;
//   - created and modified (RFC 3339, any offset, stored in UTC); without
//     created, the modified time, or else the import time (File.Undated);
//     without modified, created;
//   - one target with a TextQuoteSelector, refining a FragmentSelector (the
//     clause id) next to a TextPositionSelector, or at the top level, maybe
//     with a TextPositionSelector over the document text (Document.Text).
//
// A position is only taken where the text there is the quote: each is tried
// as counting code points and as counting UTF-16 units (JavaScript tools
// count so), and the reading that finds the quote is taken. A quote copied
// from a rendered page with footnote markers in it (superscript digits) is
// also tried without them. Prefix and Suffix longer than ContextLength are
// cut; those taken from the document text are cut at the clause separator.

// w3cReader decodes a W3C file as a stream (see readW3C's rules above).
type w3cReader struct {
	r   *Reading
	now time.Time
	// state: where the decoder is.
	state    w3cState
	parent   w3cState // the state to go back to after items
	topArray bool
	top      map[string]any
	page     map[string]any
	hasItems bool
}

type w3cState int

const (
	w3cStart       w3cState = iota
	w3cTop                  // in the members of the top-level object
	w3cPageMembers          // in the members of the first page
	w3cItems                // in an array of annotations
	w3cDone
)

// step decodes until the deadline; it reports true once the whole file is
// decoded.
func (w *w3cReader) step(deadline time.Time) (bool, error) {
	r, dec := w.r, w.r.dec
	for k := 0; ; k++ {
		switch w.state {
		case w3cStart:
			tok, err := dec.Token()
			if err != nil {
				return false, syntaxError(err)
			}
			switch tok {
			case json.Delim('['):
				w.topArray, w.state, w.parent, w.hasItems = true, w3cItems, w3cDone, true
			case json.Delim('{'):
				w.top, w.state = map[string]any{}, w3cTop
			default:
				return false, ErrFormat
			}
		case w3cItems:
			if !dec.More() {
				if _, err := dec.Token(); err != nil {
					return false, syntaxError(err)
				}
				w.state = w.parent
				if w.state == w3cDone {
					return true, expectEnd(dec)
				}
				continue
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				return false, syntaxError(err)
			}
			it, ferr := w.item(v)
			it.entry = -1
			if r.add(it, ferr, r.count); r.stopped {
				return true, nil
			}
			if k%16 == 15 && past(deadline) {
				return false, nil
			}
		case w3cTop, w3cPageMembers:
			members := w.top
			if w.state == w3cPageMembers {
				members = w.page
			}
			if !dec.More() {
				if _, err := dec.Token(); err != nil {
					return false, syntaxError(err)
				}
				if w.state == w3cPageMembers {
					w.state = w3cTop
					continue
				}
				return true, expectEnd(dec)
			}
			tok, err := dec.Token()
			if err != nil {
				return false, syntaxError(err)
			}
			key, _ := tok.(string)
			field := key
			if w.state == w3cPageMembers {
				field = "first." + key
			}
			switch {
			case key == "items":
				if err := expectDelim(dec, '[', field); err != nil {
					return false, err
				}
				w.parent, w.state, w.hasItems = w.state, w3cItems, true
				continue
			case key == "first" && w.state == w3cTop:
				tok, err := dec.Token()
				if err != nil {
					return false, syntaxError(err)
				}
				switch v := tok.(type) {
				case json.Delim:
					if v != '{' {
						return false, fieldErrf("first", ErrInvalidValue, "want one AnnotationPage")
					}
					w.page, w.state = map[string]any{}, w3cPageMembers
				case string:
					members["first"] = v
				default:
					return false, fieldErrf("first", ErrInvalidValue, "want one AnnotationPage")
				}
				continue
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				return false, syntaxError(err)
			}
			members[key] = v
		}
	}
}

// finish checks what surrounds the items once the file is decoded.
func (w *w3cReader) finish() error {
	if w.topArray {
		return nil
	}
	v, f := w.top, w.r.file
	if !hasContext(v["@context"]) {
		return fieldErrf("@context", ErrFormat, "want %q", w3cContext)
	}
	switch {
	case hasType(v["type"], "AnnotationCollection"):
		if g, ok := v["generated"].(string); ok {
			if t, err := parseTime(g, false); err == nil {
				f.Exported = t
			}
		}
		if _, more := w.page["next"]; more {
			return fieldErrf("first.next", ErrInvalidValue, "collections of several pages are not supported")
		}
		if !w.hasItems {
			if _, isIRI := v["first"].(string); isIRI {
				return fieldErrf("first", ErrInvalidValue, "pages by reference are not supported: put the items in the file")
			}
			if w.page != nil {
				return fieldErr("first.items", ErrMissing)
			}
			return fieldErr("items", ErrMissing)
		}
	case hasType(v["type"], "Annotation") && !w.hasItems:
		it, ferr := w.item(v)
		it.entry = -1
		w.r.add(it, ferr, w.r.count)
	default:
		return fieldErrf("type", ErrFormat, "want AnnotationCollection or Annotation")
	}
	return nil
}

// item reads one annotation (see the reading rules above).
func (w *w3cReader) item(raw any) (it readItem, ferr *FieldError) {
	doc, f := w.r.doc, w.r.file
	obj, ok := raw.(map[string]any)
	if !ok {
		return it, fieldErrf("", ErrInvalidValue, "an annotation must be an object")
	}
	a := &it.a
	switch id := obj["id"].(type) {
	case string:
		if c := canonicalID(id); validID(c) {
			a.ID = c
		} else {
			a.ID = nameID("w3c\n" + id)
		}
	case nil:
		canon, _ := json.Marshal(obj) // map keys sorted: stable
		a.ID = nameID("w3c-content\n" + string(canon))
	default:
		return it, fieldErrf("id", ErrInvalidValue, "not a string")
	}
	if !hasType(obj["type"], "Annotation") {
		return it, fieldErrf("type", ErrInvalidValue, `want "Annotation"`)
	}
	w3cBodies(obj, a)
	undated, ferr := w3cTimes(obj, a, w.now)
	if ferr != nil {
		return it, ferr
	}
	switch c := obj["creator"].(type) {
	case nil:
	case string:
		a.Author = c
	case map[string]any:
		a.Author = firstString(c["name"], c["nickname"])
	case []any:
		if len(c) > 0 {
			if m, ok := c[0].(map[string]any); ok {
				a.Author = firstString(m["name"], m["nickname"])
			} else if s, ok := c[0].(string); ok {
				a.Author = s
			}
		}
	}
	t, source, err := w3cTargetSelectors(obj["target"])
	if err != nil {
		return it, err
	}
	if source != "" {
		if f.Source == "" {
			f.Source = source
		}
		if !sameSource(source, doc) {
			if !w.r.opts.AllowOtherDocument {
				return it, fieldErrf("target.source", ErrOtherDocument, "%q, not %q", source, doc.Source)
			}
			f.OtherDocument = true
		}
	}
	it.sel, it.alts = t.selectors(doc)
	a.Clause, a.Exact, a.Prefix, a.Suffix = it.sel.Clause, it.sel.Exact, it.sel.Prefix, it.sel.Suffix
	if it.sel.HasPosition {
		a.Start, a.End = it.sel.Start, it.sel.End
	} else {
		// Without a position the clause, if any, is only a hint for
		// anchoring.
		a.Start, a.End = 0, runeLen(a.Exact)
	}
	if ferr := validate(*a); ferr != nil {
		ferr.Field = w3cField(ferr.Field)
		return it, ferr
	}
	it.undated = undated
	return it, nil
}

// w3cField names a field of an annotation by where W3C keeps it.
func w3cField(f string) string {
	switch f {
	case "clause":
		return "target.selector.value"
	case "start", "end":
		return "target.selector.refinedBy." + f
	case "exact", "prefix", "suffix":
		return "target.selector.refinedBy." + f
	case "tag":
		return "body.purpose=tagging"
	case "note":
		return "body.purpose=commenting"
	case "author":
		return "creator"
	}
	return f
}

// w3cBodies reads the tag, the labels and the note of an annotation from its
// bodies and bodyValue.
func w3cBodies(obj map[string]any, a *Annotation) {
	var notes []string
	if bv, ok := obj["bodyValue"].(string); ok && bv != "" {
		notes = append(notes, bv)
	}
	var labels []string
	for _, b := range asList(obj["body"]) {
		body, ok := b.(map[string]any)
		if !ok {
			continue // a body by reference (an IRI): nothing to read
		}
		value, _ := body["value"].(string)
		purpose := firstString(asList(body["purpose"])...)
		if purpose == "" {
			if _, isTag := ParseTag(value); isTag {
				purpose = "tagging"
			} else {
				purpose = "commenting"
			}
		}
		switch purpose {
		case "tagging", "classifying", "identifying":
			if t, ok := ParseTag(value); ok && a.Tag == "" {
				a.Tag = t
			} else {
				labels = append(labels, value)
			}
		case "commenting", "describing", "replying", "questioning", "assessing", "editing":
			if value != "" {
				notes = append(notes, value)
			}
		}
	}
	a.Labels = cleanLabels(labels)
	a.Note = strings.Join(notes, "\n\n")
}

// cleanLabels makes labels of the free tags of another tool: control
// characters become spaces, runs of spaces one, each label is trimmed and
// cut to MaxLabelLength code points; empty ones and repeats are dropped, and
// those past MaxLabels.
func cleanLabels(in []string) []string {
	var out []string
	for _, l := range in {
		l = strings.Join(strings.FieldsFunc(l, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
		if !utf8.ValidString(l) {
			l = strings.ToValidUTF8(l, "\uFFFD")
		}
		l = strings.TrimSpace(firstRunes(l, MaxLabelLength))
		if l == "" || slices.Contains(out, l) {
			continue
		}
		if len(out) == MaxLabels {
			break
		}
		out = append(out, l)
	}
	return out
}

// w3cTimes reads created and modified; undated reports that the annotation
// had neither, and was dated now.
func w3cTimes(obj map[string]any, a *Annotation, now time.Time) (undated bool, ferr *FieldError) {
	read := func(field string) (time.Time, bool, *FieldError) {
		switch v := obj[field].(type) {
		case nil:
			return time.Time{}, false, nil
		case string:
			t, err := parseTime(v, false)
			if err != nil {
				return t, false, fieldErr(field, err)
			}
			return t, true, nil
		}
		return time.Time{}, false, fieldErrf(field, ErrInvalidTime, "not a string")
	}
	created, hasCreated, ferr := read("created")
	if ferr != nil {
		return false, ferr
	}
	modified, hasModified, ferr := read("modified")
	if ferr != nil {
		return false, ferr
	}
	switch {
	case hasCreated && hasModified:
		a.Created, a.Modified = created, modified
	case hasCreated:
		a.Created, a.Modified = created, created
	case hasModified:
		a.Created, a.Modified = modified, modified
	default:
		a.Created, a.Modified, undated = now, now, true
	}
	return undated, nil
}

// w3cTargetIn is what a target says, before it is matched with the document.
type w3cTargetIn struct {
	clause string // of the FragmentSelector
	// quote refines the fragment (or is docQuote when none does);
	// docQuote is at the top level.
	quote, docQuote map[string]any
	quoteIsDoc      bool
	// position refines the fragment (in the clause); docPosition is at the
	// top level (in the document text).
	position, docPosition *[2]int
}

// w3cTargetSelectors reads the one target of an annotation.
func w3cTargetSelectors(raw any) (t w3cTargetIn, source string, ferr *FieldError) {
	targets := asList(raw)
	if len(targets) != 1 {
		return t, "", fieldErrf("target", ErrInvalidValue, "want one target, got %d", len(targets))
	}
	target, ok := targets[0].(map[string]any)
	if !ok {
		return t, "", fieldErrf("target", ErrInvalidValue, "a target without a selector")
	}
	source, _ = target["source"].(string)
	fragment := false
	for _, s := range asList(target["selector"]) {
		m, ok := s.(map[string]any)
		if !ok {
			continue
		}
		switch {
		case hasType(m["type"], "FragmentSelector") && !fragment:
			fragment = true
			v, _ := m["value"].(string)
			t.clause = strings.TrimPrefix(v, "#")
			for _, r := range asList(m["refinedBy"]) {
				rm, ok := r.(map[string]any)
				if !ok {
					continue
				}
				switch {
				case hasType(rm["type"], "TextQuoteSelector") && t.quote == nil:
					t.quote = rm
				case hasType(rm["type"], "TextPositionSelector") && t.position == nil:
					p, ferr := readPosition(rm, "target.selector.refinedBy")
					if ferr != nil {
						return t, source, ferr
					}
					t.position = &p
				}
			}
		case hasType(m["type"], "TextQuoteSelector") && t.docQuote == nil:
			t.docQuote = m
		case hasType(m["type"], "TextPositionSelector") && t.docPosition == nil:
			p, ferr := readPosition(m, "target.selector")
			if ferr != nil {
				return t, source, ferr
			}
			t.docPosition = &p
		}
	}
	if t.quote == nil {
		t.quote, t.quoteIsDoc = t.docQuote, true
	}
	if t.quote == nil {
		return t, source, fieldErr("target.selector", fmt.Errorf("%w: no TextQuoteSelector", ErrMissing))
	}
	if exact, ok := t.quote["exact"].(string); !ok || exact == "" {
		return t, source, fieldErr("target.selector.exact", ErrMissing)
	}
	return t, source, nil
}

// readPosition reads a TextPositionSelector's start and end.
func readPosition(m map[string]any, field string) ([2]int, *FieldError) {
	start, ok1 := jsonInt(m["start"])
	end, ok2 := jsonInt(m["end"])
	if !ok1 || !ok2 {
		return [2]int{}, fieldErrf(field+".start", ErrInvalidValue, "start and end must be integers")
	}
	if start < 0 || end <= start || end > MaxOffset {
		return [2]int{}, fieldErrf(field+".end", ErrOutOfRange, "[%d, %d)", start, end)
	}
	return [2]int{start, end}, nil
}

// selectors makes the selectors to anchor a target with, in the document:
// the first, and alternatives to try in order when it does not anchor.
func (t w3cTargetIn) selectors(doc *Document) (Selectors, []Selectors) {
	q := quoteOf(t.quote, t.quoteIsDoc)
	sel := Selectors{Clause: t.clause, Exact: q.Exact, Prefix: q.Prefix, Suffix: q.Suffix}
	var alts []Selectors
	// The position in the clause, at the reading that finds the quote.
	if t.position != nil && t.clause != "" {
		if s, e, ok := positionIn(doc, t.clause, *t.position, sel.Exact); ok {
			sel.Start, sel.End, sel.HasPosition = s, e, true
		}
	}
	// The position in the document text, at the reading that finds the
	// quote: first if the fragment gave none.
	if t.docPosition != nil {
		p := *t.docPosition
		for _, locate := range []func(int, int) (string, int, int, bool){doc.Locate, doc.LocateUTF16} {
			clause, s, e, ok := locate(p[0], p[1])
			if !ok {
				continue
			}
			if d, err := doc.Describe(clause, s, e); err == nil && d.Exact == sel.Exact {
				if sel.HasPosition {
					alts = append(alts, d)
				} else {
					alts = append([]Selectors{sel}, alts...)
					sel = d
				}
				break
			}
		}
	}
	// The quote alone, with the document-level context, when the first
	// selectors came from a fragment.
	if t.docQuote != nil && !t.quoteIsDoc {
		d := quoteOf(t.docQuote, true)
		d.Clause = t.clause
		alts = append(alts, d)
	}
	// Without footnote markers, as copied from a rendered page.
	n := len(alts)
	for _, s := range append([]Selectors{sel}, alts[:n]...) {
		if stripped, ok := withoutMarkers(s); ok {
			alts = append(alts, stripped)
		}
	}
	return sel, alts
}

// quoteOf reads a TextQuoteSelector: exact, and prefix and suffix cut to
// ContextLength (and, for one over the document text, at the clause
// separator: what lies beyond is another clause).
func quoteOf(m map[string]any, overDocument bool) Selectors {
	var s Selectors
	s.Exact, _ = m["exact"].(string)
	s.Prefix, _ = m["prefix"].(string)
	s.Suffix, _ = m["suffix"].(string)
	if overDocument {
		if i := strings.LastIndex(s.Prefix, ClauseSeparator); i >= 0 {
			s.Prefix = s.Prefix[i+len(ClauseSeparator):]
		}
		if i := strings.Index(s.Suffix, ClauseSeparator); i >= 0 {
			s.Suffix = s.Suffix[:i]
		}
	}
	s.Prefix = lastRunes(s.Prefix, ContextLength)
	s.Suffix = firstRunes(s.Suffix, ContextLength)
	return s
}

// positionIn reads a position in a clause, as code points or as UTF-16
// units, whichever finds exact there; failing both, the code point reading
// if its length is that of exact (a hint for anchoring).
func positionIn(doc *Document, clause string, p [2]int, exact string) (int, int, bool) {
	n := runeLen(exact)
	c, ok := doc.Clause(clause)
	if !ok {
		return p[0], p[1], p[1]-p[0] == n
	}
	cs := doc.clauses[doc.index[clause]]
	if p[1]-p[0] == n && p[1] <= len(cs.runes) && cs.slice(p[0], p[1]) == exact {
		return p[0], p[1], true
	}
	s, e := UTF16ToCodePoints(c.Text, p[0]), UTF16ToCodePoints(c.Text, p[1])
	if e-s == n && CodePointsToUTF16(c.Text, s) == p[0] && CodePointsToUTF16(c.Text, e) == p[1] && cs.slice(s, e) == exact {
		return s, e, true
	}
	return p[0], p[1], p[1]-p[0] == n
}

// footnoteMarkers are the superscript digits a rendered page shows as
// footnote markers, which clause texts never contain.
const footnoteMarkers = "⁰¹²³⁴⁵⁶⁷⁸⁹"

// withoutMarkers returns s without footnote markers in its quote and
// context (white space around a removed marker collapsed), as a quote
// without a position; false if there was none.
func withoutMarkers(s Selectors) (Selectors, bool) {
	if !strings.ContainsAny(s.Exact+s.Prefix+s.Suffix, footnoteMarkers) {
		return s, false
	}
	strip := func(t string) string {
		if !strings.ContainsAny(t, footnoteMarkers) {
			return t
		}
		var b strings.Builder
		for _, r := range t {
			if !strings.ContainsRune(footnoteMarkers, r) {
				b.WriteRune(r)
			}
		}
		return collapseSpaces(b.String())
	}
	out := Selectors{Clause: s.Clause, Exact: strings.TrimSpace(strip(s.Exact)), Prefix: strip(s.Prefix), Suffix: strip(s.Suffix)}
	if out.Exact == "" {
		return s, false
	}
	return out, true
}

// collapseSpaces makes every run of spaces one space.
func collapseSpaces(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func jsonInt(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	if err != nil || i < -MaxOffset-1 || i > MaxOffset+1 {
		return 0, false
	}
	return int(i), true
}

// asList is v as a list: an array, a single value, or nothing.
func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func hasType(v any, want string) bool {
	for _, t := range asList(v) {
		if s, ok := t.(string); ok && (s == want || s == "oa:"+want) {
			return true
		}
	}
	return false
}

func hasContext(v any) bool {
	for _, c := range asList(v) {
		if s, ok := c.(string); ok && strings.TrimSuffix(strings.Replace(s, "https://", "http://", 1), "/") == w3cContext {
			return true
		}
	}
	return false
}

func firstString(vs ...any) string {
	for _, v := range vs {
		if s, ok := v.(string); ok && s != "" {
			return s
		}
	}
	return ""
}

// sameSource reports whether a W3C target source names doc: its Source, or
// an address ending in its symbol (https://undocs.org/en/A/HRC/RES/53/11).
func sameSource(source string, doc *Document) bool {
	if source == doc.Source {
		return true
	}
	return strings.HasSuffix(strings.ToLower(strings.TrimSuffix(source, "/")), "/"+strings.ToLower(doc.Symbol))
}

func lastRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[len(rs)-n:])
}

func firstRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n])
}
