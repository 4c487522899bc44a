package annotations

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// W3C Web Annotation (https://www.w3.org/TR/annotation-model/).
//
// ExportW3C writes an AnnotationCollection with its items inline. Each item:
// id (the annotation's urn:uuid), motivation "commenting" when there is a
// note and "tagging" otherwise, a TextualBody with purpose "tagging" whose
// value is the tag, a TextualBody with purpose "commenting" (format
// text/plain) holding the note if any, created and modified (UTC, Z), creator
// {type Organization, name} when an author is set, and a target whose source
// is Document.Source and whose selector is a FragmentSelector (value: the
// clause id; conformsTo RFC 3236, the HTML fragment) refinedBy a
// TextQuoteSelector and a TextPositionSelector (code points, end excluded).
// An orphan without a clause has a bare TextQuoteSelector.
const (
	w3cContext      = "http://www.w3.org/ns/anno.jsonld"
	w3cFragmentSpec = "http://tools.ietf.org/rfc/rfc3236"
)

type w3cCollection struct {
	Context   string          `json:"@context"`
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	Label     string          `json:"label"`
	Generated string          `json:"generated"`
	Total     int             `json:"total"`
	Items     []w3cAnnotation `json:"items"`
}

type w3cAnnotation struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Created    string    `json:"created"`
	Modified   string    `json:"modified"`
	Creator    *w3cAgent `json:"creator,omitempty"`
	Body       []w3cBody `json:"body"`
	Target     w3cTarget `json:"target"`
}

type w3cAgent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

type w3cBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
}

type w3cTarget struct {
	Source   string `json:"source"`
	Selector any    `json:"selector"`
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
// "generated" time (nil: time.Now).
func ExportW3C(s *Set, now func() time.Time) ([]byte, error) {
	doc := s.doc
	exported := formatTime(clock(now))
	as := s.All()
	c := w3cCollection{
		Context:   w3cContext,
		ID:        nameID("collection\n" + doc.Symbol + "\n" + exported),
		Type:      "AnnotationCollection",
		Label:     "Clausemark annotations on " + doc.Symbol + ": " + doc.Title,
		Generated: exported,
		Total:     len(as),
		Items:     make([]w3cAnnotation, len(as)),
	}
	for i, a := range as {
		item := w3cAnnotation{
			ID:         a.ID,
			Type:       "Annotation",
			Motivation: "tagging",
			Created:    formatTime(a.Created),
			Modified:   formatTime(a.Modified),
			Body:       []w3cBody{{Type: "TextualBody", Purpose: "tagging", Value: string(a.Tag)}},
			Target:     w3cTarget{Source: doc.Source},
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
			item.Target.Selector = quote
		} else {
			item.Target.Selector = w3cFragment{
				Type: "FragmentSelector", ConformsTo: w3cFragmentSpec, Value: a.Clause,
				RefinedBy: []any{quote, w3cPosition{Type: "TextPositionSelector", Start: a.Start, End: a.End}},
			}
		}
		c.Items[i] = item
	}
	return marshal(c)
}

// Reading: JSON-LD allows one value or an array almost everywhere, so the
// reader is lenient on shapes, strict on values. It accepts an
// AnnotationCollection (items inline, or a single first page with items), an
// array of annotations, or one annotation. From each annotation it takes the
// id (a urn:uuid is kept; any other id becomes a name-based urn:uuid, the
// same on every import), the tagging body (required, one of the three tags),
// the commenting bodies or bodyValue (the note; several are joined by blank
// lines), creator (a string or an object's name or nickname), created and
// modified (RFC 3339, any offset, stored in UTC; modified defaults to
// created), and one target with a TextQuoteSelector, either refining a
// FragmentSelector (the clause id) next to a TextPositionSelector, or alone.
// A TextPositionSelector outside a FragmentSelector counts in the whole
// document and is ignored; one that disagrees with the length of the quote
// is ignored too. Prefix and Suffix longer than ContextLength are cut.

// readW3C decodes and validates a W3C file (whose size, encoding and depth
// were checked).
func readW3C(doc *Document, data []byte, opts ImportOptions) (*File, error) {
	var top any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil {
		return nil, jsonError(-1, "", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fieldErrf("", ErrSyntax, "data after the JSON value")
	}
	f := &File{Format: W3C}
	var items []any
	switch v := top.(type) {
	case []any:
		items = v
	case map[string]any:
		if !hasContext(v["@context"]) {
			return nil, fieldErrf("@context", ErrFormat, "want %q", w3cContext)
		}
		switch {
		case hasType(v["type"], "AnnotationCollection"):
			if g, ok := v["generated"].(string); ok {
				if t, err := parseTime(g, false); err == nil {
					f.Exported = t
				}
			}
			list, err := collectionItems(v)
			if err != nil {
				return nil, err
			}
			items = list
		case hasType(v["type"], "Annotation"):
			items = []any{v}
		default:
			return nil, fieldErrf("type", ErrFormat, "want AnnotationCollection or Annotation")
		}
	default:
		return nil, ErrFormat
	}
	if len(items) > MaxAnnotations {
		return nil, fieldErrf("items", ErrTooMany, "%d, at most %d", len(items), MaxAnnotations)
	}

	var errs errorList
	parsed := make([]readItem, 0, len(items))
	seen := make(map[string]int, len(items))
	for i, raw := range items {
		it, source, ferr := w3cItem(raw, i)
		if ferr == nil {
			if j, dup := seen[it.a.ID]; dup {
				ferr = fieldErrf("id", ErrDuplicateID, "same as annotation %d", j)
			}
			seen[it.a.ID] = i
		}
		if ferr == nil && source != "" {
			if f.Source == "" {
				f.Source = source
			}
			if !sameSource(source, doc) {
				if !opts.AllowOtherDocument {
					ferr = fieldErrf("target.source", ErrOtherDocument, "%q, not %q", source, doc.Source)
				}
				f.OtherDocument = true
			}
		}
		if ferr != nil {
			ferr.Index = i
			if ferr.ID == "" {
				ferr.ID = it.a.ID
			}
			if errs.add(ferr) {
				break
			}
			continue
		}
		it.a.Document = doc.Symbol
		parsed = append(parsed, it)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	f.anchor(doc, parsed)
	return f, nil
}

func collectionItems(v map[string]any) ([]any, error) {
	if items, ok := v["items"]; ok {
		list, ok := items.([]any)
		if !ok {
			return nil, fieldErrf("items", ErrInvalidValue, "not an array")
		}
		return list, nil
	}
	first, ok := v["first"].(map[string]any)
	if !ok {
		if _, isIRI := v["first"].(string); isIRI {
			return nil, fieldErrf("first", ErrInvalidValue, "pages by reference are not supported: put the items in the file")
		}
		return nil, fieldErr("items", ErrMissing)
	}
	if _, more := first["next"]; more {
		return nil, fieldErrf("first.next", ErrInvalidValue, "collections of several pages are not supported")
	}
	list, ok := first["items"].([]any)
	if !ok {
		return nil, fieldErr("first.items", ErrMissing)
	}
	return list, nil
}

// w3cItem reads one annotation; source is its target source ("" if none).
func w3cItem(raw any, index int) (it readItem, source string, ferr *FieldError) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return it, "", fieldErrf("", ErrInvalidValue, "an annotation must be an object")
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
		return it, "", fieldErrf("id", ErrInvalidValue, "not a string")
	}
	if !hasType(obj["type"], "Annotation") {
		return it, "", fieldErrf("type", ErrInvalidValue, `want "Annotation"`)
	}
	if ferr := w3cBodies(obj, a); ferr != nil {
		return it, "", ferr
	}
	if ferr := w3cTimes(obj, a); ferr != nil {
		return it, "", ferr
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
	var err *FieldError
	it.sel, source, err = w3cTargetSelectors(obj["target"])
	if err != nil {
		return it, "", err
	}
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
		return it, source, ferr
	}
	return it, source, nil
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

func w3cBodies(obj map[string]any, a *Annotation) *FieldError {
	var notes []string
	if bv, ok := obj["bodyValue"].(string); ok {
		notes = append(notes, bv)
	}
	for _, b := range asList(obj["body"]) {
		body, ok := b.(map[string]any)
		if !ok {
			continue // a body by reference (an IRI): nothing to read
		}
		value, _ := body["value"].(string)
		purpose, _ := body["purpose"].(string)
		if purpose == "" {
			if Tag(value).Valid() {
				purpose = "tagging"
			} else {
				purpose = "commenting"
			}
		}
		switch purpose {
		case "tagging":
			t := Tag(value)
			if !t.Valid() {
				return fieldErrf("body.purpose=tagging", ErrInvalidTag, "%q", value)
			}
			if a.Tag != "" && a.Tag != t {
				return fieldErrf("body.purpose=tagging", ErrInvalidTag, "two tags, %q and %q", a.Tag, t)
			}
			a.Tag = t
		case "commenting", "describing", "replying":
			if value != "" {
				notes = append(notes, value)
			}
		}
	}
	if a.Tag == "" {
		return fieldErr("body.purpose=tagging", ErrMissing)
	}
	a.Note = strings.Join(notes, "\n\n")
	return nil
}

func w3cTimes(obj map[string]any, a *Annotation) *FieldError {
	cs, ok := obj["created"].(string)
	if !ok {
		return fieldErr("created", ErrMissing)
	}
	var err error
	if a.Created, err = parseTime(cs, false); err != nil {
		return fieldErr("created", err)
	}
	a.Modified = a.Created
	if ms, ok := obj["modified"].(string); ok {
		if a.Modified, err = parseTime(ms, false); err != nil {
			return fieldErr("modified", err)
		}
	} else if obj["modified"] != nil {
		return fieldErrf("modified", ErrInvalidTime, "not a string")
	}
	return nil
}

// w3cTargetSelectors reads the one target of an annotation.
func w3cTargetSelectors(raw any) (sel Selectors, source string, ferr *FieldError) {
	targets := asList(raw)
	if len(targets) != 1 {
		return sel, "", fieldErrf("target", ErrInvalidValue, "want one target, got %d", len(targets))
	}
	target, ok := targets[0].(map[string]any)
	if !ok {
		return sel, "", fieldErrf("target", ErrInvalidValue, "a target without a selector")
	}
	source, _ = target["source"].(string)
	var quote, position map[string]any
	for _, s := range asList(target["selector"]) {
		m, ok := s.(map[string]any)
		if !ok {
			continue
		}
		switch {
		case hasType(m["type"], "FragmentSelector") && sel.Clause == "":
			v, _ := m["value"].(string)
			sel.Clause = strings.TrimPrefix(v, "#")
			for _, r := range asList(m["refinedBy"]) {
				rm, ok := r.(map[string]any)
				if !ok {
					continue
				}
				switch {
				case hasType(rm["type"], "TextQuoteSelector") && quote == nil:
					quote = rm
				case hasType(rm["type"], "TextPositionSelector") && position == nil:
					position = rm
				}
			}
		case hasType(m["type"], "TextQuoteSelector") && quote == nil:
			quote = m
		}
	}
	if quote == nil {
		return sel, source, fieldErr("target.selector", fmt.Errorf("%w: no TextQuoteSelector", ErrMissing))
	}
	var okExact bool
	if sel.Exact, okExact = quote["exact"].(string); !okExact || sel.Exact == "" {
		return sel, source, fieldErr("target.selector.exact", ErrMissing)
	}
	sel.Prefix, _ = quote["prefix"].(string)
	sel.Suffix, _ = quote["suffix"].(string)
	sel.Prefix = lastRunes(sel.Prefix, ContextLength)
	sel.Suffix = firstRunes(sel.Suffix, ContextLength)
	if position != nil && sel.Clause != "" {
		start, ok1 := jsonInt(position["start"])
		end, ok2 := jsonInt(position["end"])
		if !ok1 || !ok2 {
			return sel, source, fieldErrf("target.selector.refinedBy.start", ErrInvalidValue, "start and end must be integers")
		}
		if start < 0 || end <= start || end > MaxOffset {
			return sel, source, fieldErrf("target.selector.refinedBy.end", ErrOutOfRange, "[%d, %d)", start, end)
		}
		if end-start == runeLen(sel.Exact) {
			sel.Start, sel.End, sel.HasPosition = start, end, true
		}
	}
	return sel, source, nil
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
