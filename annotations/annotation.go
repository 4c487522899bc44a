package annotations

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Tag is what an annotation says about the text it marks. The empty Tag is
// an untagged annotation: one imported from a tool that tags otherwise (its
// tags are then its Labels).
type Tag string

// The three tags.
const (
	Commitment Tag = "commitment"
	Request    Tag = "request"
	Concern    Tag = "concern"
)

// Tags are the three tags in the order the brief and the counts use.
var Tags = [...]Tag{Commitment, Request, Concern}

// Valid reports whether t is one of the three tags. The empty tag (an
// untagged annotation) is not one of them, though an annotation may have it.
func (t Tag) Valid() bool {
	return t == Commitment || t == Request || t == Concern
}

// tagSynonyms are the words other tools tag with that name one of the
// three tags, lowercase (see ParseTag).
var tagSynonyms = map[string]Tag{
	"commitment": Commitment, "commitments": Commitment, "commit": Commitment,
	"commits": Commitment, "committed": Commitment, "pledge": Commitment, "pledges": Commitment,
	"request": Request, "requests": Request, "requested": Request, "ask": Request, "asks": Request,
	"concern": Concern, "concerns": Concern, "concerned": Concern, "worry": Concern, "worries": Concern,
}

// ParseTag reads a tag written by a person or another tool: one of the
// three tags or a synonym, in any case, with spaces and a leading '#'
// ignored ("Request", "#concerns", "Pledge"). It reports false for any other
// word ("UNGA", "important"), which an import keeps as a label.
func ParseTag(s string) (Tag, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	t, ok := tagSynonyms[strings.ToLower(strings.TrimSpace(s))]
	return t, ok
}

// bit is t's bit in a TagSet; 0 for an invalid tag.
func (t Tag) bit() TagSet {
	switch t {
	case Commitment:
		return 1
	case Request:
		return 2
	case Concern:
		return 4
	}
	return 0
}

// Annotation marks a whole clause or a span of it with a tag and a note.
//
// Start and End count Unicode code points of the clause's plain text, End
// excluded. Exact is the text at those offsets, Prefix and Suffix up to
// ContextLength code points before and after it: together they are the
// selectors the annotation is re-anchored with when the text changes. Its JSON
// form is the one of the native file format (FORMAT.md).
//
// Labels are free words another tool tagged it with besides (or instead of)
// a Tag ("UNGA", "follow-up"); nil when there are none. A Set shares the
// slice with the annotations it returns: treat it as read-only.
//
// An annotation whose Clause is empty has no known position (it came from a
// W3C file of another tool and could not be anchored): its Start and End are
// then 0 and the length of Exact, and mean nothing.
type Annotation struct {
	ID       string    `json:"id"`
	Document string    `json:"-"` // document symbol; the file envelope carries it
	Clause   string    `json:"clause"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Exact    string    `json:"exact"`
	Prefix   string    `json:"prefix"`
	Suffix   string    `json:"suffix"`
	Tag      Tag       `json:"tag"`
	Labels   []string  `json:"labels,omitempty"`
	Note     string    `json:"note"`
	Author   string    `json:"author,omitempty"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
}

// WholeClause reports whether a marks its whole clause: it starts at the
// first code point and nothing of the clause comes before or after it (empty
// Prefix and Suffix, as Describe makes them for the full range).
func (a Annotation) WholeClause() bool {
	return a.Clause != "" && a.Start == 0 && a.Exact != "" && a.Prefix == "" && a.Suffix == ""
}

// Len is the length of the marked text in code points.
func (a Annotation) Len() int { return a.End - a.Start }

// Selectors returns the selectors a is anchored with. Without a clause it has
// no known position.
func (a Annotation) Selectors() Selectors {
	return Selectors{
		Clause:      a.Clause,
		Start:       a.Start,
		End:         a.End,
		HasPosition: a.Clause != "",
		Exact:       a.Exact,
		Prefix:      a.Prefix,
		Suffix:      a.Suffix,
	}
}

// Equal reports whether a and b are the same in every field (times compared
// with time.Time.Equal).
func (a Annotation) Equal(b Annotation) bool {
	return a.ID == b.ID && a.Document == b.Document && a.sameContent(b) &&
		a.Prefix == b.Prefix && a.Suffix == b.Suffix &&
		a.Created.Equal(b.Created) && a.Modified.Equal(b.Modified)
}

// sameContent reports whether a and b mark the same text with the same tag,
// labels, note and author: the identity merge uses to avoid duplicates under
// different ids.
func (a Annotation) sameContent(b Annotation) bool {
	return a.contentKey() == b.contentKey()
}

// contentKey is the map key of sameContent.
type contentKey struct {
	clause     string
	start, end int
	exact      string
	tag        Tag
	labels     string // joined by newlines (a label is one line)
	note       string
	author     string
}

func (a Annotation) contentKey() contentKey {
	return contentKey{a.Clause, a.Start, a.End, a.Exact, a.Tag, strings.Join(a.Labels, "\n"), a.Note, a.Author}
}

// normalized returns a with its times in UTC at millisecond precision, the
// precision of the files.
func (a Annotation) normalized() Annotation {
	a.Created = normTime(a.Created)
	a.Modified = normTime(a.Modified)
	if len(a.Labels) == 0 {
		a.Labels = nil
	} else {
		a.Labels = slices.Clone(a.Labels)
	}
	return a
}

// runeLen is the number of code points of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Store keeps annotations. The in-memory implementation is MemoryStore; the
// browser one (IndexedDB) lives in package wasm. A Session saves through it.
type Store interface {
	// List returns the annotations of a document, in no particular order.
	List(document string) ([]Annotation, error)
	// Get returns one annotation as stored, and whether there is one.
	Get(id string) (Annotation, bool, error)
	// Put adds or replaces one annotation.
	Put(a Annotation) error
	// PutIf writes a only if the stored copy with a.ID still has the
	// modified time base (to the millisecond) or, for the zero base, does
	// not exist. Otherwise it writes nothing and returns the stored copy
	// (the zero Annotation if it was deleted) with an error that wraps
	// ErrConflict. When a is written it returns a as stored.
	PutIf(a Annotation, base time.Time) (Annotation, error)
	// Delete removes an annotation by id; deleting a missing id is no error.
	Delete(id string) error
	// PutMany adds or replaces several annotations atomically: all or none.
	PutMany(as []Annotation) error
}
