package annotations

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Merging a file into a set, by annotation id:
//
//   - a new id is added, unless the set already holds an annotation with the
//     same content (same clause, start, end, exact, tag, note and author)
//     under another id: that is a Duplicate and nothing is added. (Within
//     one file, annotations with the same content under different ids are
//     all kept: a file gives back exactly the set it was exported from.)
//   - the same id with the same fields is Unchanged;
//   - the same id, the incoming one modified later: Updated, the incoming one
//     replaces the local one. If the incoming one is an orphan and the local
//     one is anchored, the local place is kept and only the tag, note, author
//     and times are taken (KeptAnchor);
//   - the same id, the local one modified later: a Conflict of kind
//     LocalNewer; the local one is kept and nothing changes;
//   - the same id, the same modified time, different fields (two edits in
//     the same millisecond, or clocks that disagree): a Conflict of kind
//     SameTime. Both are kept: the local one as it is, the incoming one as a
//     copy under a new id (name-based, so merging the same file again finds
//     the copy and adds nothing).
//   - the same id, the incoming one without a time of its own (a W3C file
//     without created or modified: File.Undated): Unchanged if it marks the
//     same text with the same tag, labels, note and author; else a Conflict
//     of kind Undated, both kept as for SameTime (which of the two is newer
//     cannot be told, and neither is lost).
//
// Deletions do not travel: an annotation deleted locally comes back if a
// file still holds it.

// Plan is what importing a file would do to a set, to show before Apply.
type Plan struct {
	// File is the file read (format, document, re-anchoring).
	File *File
	// Added are new annotations.
	Added []Annotation
	// Updated are annotations replaced by newer incoming ones.
	Updated []Update
	// Unchanged are incoming annotations identical to local ones.
	Unchanged []Annotation
	// Duplicates are incoming annotations with the content of one already
	// in the set under another id.
	Duplicates []Duplicate
	// Conflicts are the same annotation edited on both sides.
	Conflicts []Conflict
	// Orphans are the incoming annotations that will be stored (added,
	// updated or copied) without a place in the text, for review.
	Orphans []Annotation

	set      *Set
	revision int
}

// Update is a local annotation replaced by a newer incoming one.
type Update struct {
	Old, New Annotation
	// KeptAnchor: the incoming one was an orphan, the local place is kept.
	KeptAnchor bool
}

// Duplicate is an incoming annotation with the content of an existing one.
type Duplicate struct {
	Incoming, Existing Annotation
}

// ConflictKind says how a conflict is resolved.
type ConflictKind string

// The conflict kinds.
const (
	// LocalNewer: the local annotation was modified later; it is kept.
	LocalNewer ConflictKind = "local-newer"
	// SameTime: modified at the same time, differently; both are kept.
	SameTime ConflictKind = "same-time"
	// Undated: the incoming annotation has no time of its own and differs;
	// both are kept.
	Undated ConflictKind = "undated"
)

// Conflict is an annotation edited on both sides.
type Conflict struct {
	Kind            ConflictKind
	Local, Incoming Annotation
	// Copy is the incoming annotation under a new id, added next to the
	// local one (SameTime only; nil when the copy is already there).
	Copy *Annotation
}

// ErrStalePlan is returned by Apply when the set changed after the plan was
// made.
var ErrStalePlan = errors.New("the annotations changed since the import was planned: import again")

// Changes is the number of annotations Apply would add or replace.
func (p *Plan) Changes() int {
	n := len(p.Added) + len(p.Updated)
	for _, c := range p.Conflicts {
		if c.Copy != nil {
			n++
		}
	}
	return n
}

// Summary says in a line what the plan does.
func (p *Plan) Summary() string {
	kept := 0
	for _, c := range p.Conflicts {
		if c.Copy != nil || c.Kind == LocalNewer {
			kept++
		}
	}
	parts := []string{
		fmt.Sprintf("%d added", len(p.Added)),
		fmt.Sprintf("%d updated", len(p.Updated)),
		fmt.Sprintf("%d unchanged", len(p.Unchanged)+len(p.Duplicates)),
		fmt.Sprintf("%d conflicts kept", len(p.Conflicts)),
		fmt.Sprintf("%d orphans", len(p.Orphans)),
	}
	if p.File != nil {
		moved := len(p.File.Reanchored) - len(p.File.Orphans())
		if moved > 0 {
			parts = append(parts, fmt.Sprintf("%d re-anchored", moved))
		}
		if n := len(p.File.Undated); n > 0 {
			parts = append(parts, fmt.Sprintf("%d without a time, dated at this import", n))
		}
	}
	return strings.Join(parts, ", ")
}

// Import reads a file (see Read) and plans its merge into the set. Nothing
// changes until Plan.Apply.
func (s *Set) Import(data []byte, opts ImportOptions) (*Plan, error) {
	f, err := Read(s.doc, data, opts)
	if err != nil {
		return nil, err
	}
	return s.Plan(f), nil
}

// Plan plans the merge of a file read for the set's document.
func (s *Set) Plan(f *File) *Plan {
	p := &Plan{File: f, set: s, revision: s.revision}
	content := make(map[contentKey]Annotation, len(s.byID))
	s.each(func(a Annotation) {
		if _, seen := content[a.contentKey()]; !seen {
			content[a.contentKey()] = a
		}
	})
	planned := make(map[string]bool) // ids Apply will add
	undated := make(map[string]bool, len(f.Undated))
	for _, id := range f.Undated {
		undated[id] = true
	}
	orphan := func(a Annotation) {
		if !s.doc.Fits(a) {
			p.Orphans = append(p.Orphans, a)
		}
	}
	for _, x := range f.Annotations {
		x.Document = s.doc.Symbol
		l, exists := s.byID[x.ID]
		switch {
		case !exists:
			if d, dup := content[x.contentKey()]; dup {
				p.Duplicates = append(p.Duplicates, Duplicate{Incoming: x, Existing: d})
				continue
			}
			p.Added = append(p.Added, x)
			planned[x.ID] = true
			orphan(x)
		case l.Equal(x) || s.keptAnchor(l, x) || undated[x.ID] && l.sameContent(x):
			p.Unchanged = append(p.Unchanged, x)
		case undated[x.ID]:
			p.Conflicts = append(p.Conflicts, s.copyConflict(Undated, l, x, content, planned, digestContent(x), orphan))
		case x.Modified.After(l.Modified):
			u := Update{Old: l, New: x}
			if !s.doc.Fits(x) && s.doc.Fits(l) {
				n := l
				n.Tag, n.Labels, n.Note, n.Author, n.Created, n.Modified = x.Tag, x.Labels, x.Note, x.Author, x.Created, x.Modified
				u.New, u.KeptAnchor = n, true
			}
			p.Updated = append(p.Updated, u)
			orphan(u.New)
		case x.Modified.Before(l.Modified):
			p.Conflicts = append(p.Conflicts, Conflict{Kind: LocalNewer, Local: l, Incoming: x})
		default:
			p.Conflicts = append(p.Conflicts, s.copyConflict(SameTime, l, x, content, planned, digest(x), orphan))
		}
	}
	return p
}

// copyConflict is a conflict where both annotations are kept, the incoming
// one as a copy under a name-based id made of its id and d, unless that copy
// is already there or planned.
func (s *Set) copyConflict(kind ConflictKind, l, x Annotation, content map[contentKey]Annotation, planned map[string]bool, d string, orphan func(Annotation)) Conflict {
	c := Conflict{Kind: kind, Local: l, Incoming: x}
	cp := x
	cp.ID = nameID("conflict\n" + x.ID + "\n" + d)
	_, there := s.byID[cp.ID]
	_, dup := content[cp.contentKey()]
	if !there && !dup && !planned[cp.ID] {
		c.Copy = &cp
		planned[cp.ID] = true
		orphan(cp)
	}
	return c
}

// keptAnchor reports whether the local annotation is the incoming orphan as
// a previous merge stored it (KeptAnchor): same id, tag, note, author and
// times, the local one anchored.
func (s *Set) keptAnchor(l, x Annotation) bool {
	return l.ID == x.ID && l.Tag == x.Tag && slices.Equal(l.Labels, x.Labels) && l.Note == x.Note && l.Author == x.Author &&
		l.Created.Equal(x.Created) && l.Modified.Equal(x.Modified) &&
		!s.doc.Fits(x) && s.doc.Fits(l)
}

// digest identifies the content of an annotation, times included.
func digest(a Annotation) string {
	return digestOf(a, formatTime(a.Created), formatTime(a.Modified))
}

// digestContent identifies the content of an annotation without its times
// (an undated one gets new times at every import).
func digestContent(a Annotation) string { return digestOf(a) }

func digestOf(a Annotation, extra ...string) string {
	h := sha256.New()
	fields := []string{a.Clause, fmt.Sprint(a.Start, a.End), a.Exact, a.Prefix, a.Suffix, string(a.Tag), a.Note, a.Author}
	if len(a.Labels) > 0 { // absent from digests made before labels
		fields = append(fields, "labels\n"+strings.Join(a.Labels, "\n"))
	}
	for _, f := range append(fields, extra...) {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Apply makes the planned changes to the set, all of them, and returns the
// annotations added or replaced: save them with one Store.PutMany. It fails
// with ErrStalePlan, changing nothing, if the set changed since the plan.
func (p *Plan) Apply() ([]Annotation, error) {
	s := p.set
	if s == nil || s.revision != p.revision {
		return nil, ErrStalePlan
	}
	out := make([]Annotation, 0, p.Changes())
	for _, a := range p.Added {
		s.insert(a)
		out = append(out, a)
	}
	for _, u := range p.Updated {
		s.remove(u.Old)
		s.insert(u.New)
		out = append(out, u.New)
	}
	for _, c := range p.Conflicts {
		if c.Copy != nil {
			s.insert(*c.Copy)
			out = append(out, *c.Copy)
		}
	}
	p.revision = s.revision
	p.set = nil // a plan applies once
	return out, nil
}

// MergeFiles merges the native or W3C file incoming into the native or W3C
// file base, both made for doc, and returns the result as a native file with
// the plan of the second merge. now is the clock of the export.
func MergeFiles(doc *Document, base, incoming []byte, opts ImportOptions, now func() time.Time) ([]byte, *Plan, error) {
	s := NewSet(doc, now)
	p, err := s.Import(base, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("base: %w", err)
	}
	if _, err := p.Apply(); err != nil {
		return nil, nil, err
	}
	if p, err = s.Import(incoming, opts); err != nil {
		return nil, nil, fmt.Errorf("incoming: %w", err)
	}
	if _, err := p.Apply(); err != nil {
		return nil, nil, err
	}
	out, err := ExportJSON(s, now)
	return out, p, err
}

// EditConflict is a field of one annotation that two writers (two tabs,
// or an editor open while another tab saved) changed differently from the
// same base. Rebase reports it; the session tells the delegate.
type EditConflict struct {
	ID     string
	Clause string
	// Field is "tag" or "note".
	Field string
	// Mine is the value of this writer (the later one), Theirs the value
	// the other writer saved first.
	Mine, Theirs string
}

// ConcurrentNoteSeparator stands between the two notes Rebase keeps when
// both writers changed the note: this writer's first, then the one saved
// first elsewhere. Nothing a delegate typed is lost; they can tidy it up.
const ConcurrentNoteSeparator = "\n\n— Saved at the same time in another tab:\n"

// Rebase applies one writer's change of an annotation — from base to mine —
// onto the copy another writer saved meanwhile (theirs), field by field:
//
//   - a field mine did not change keeps their value;
//   - a field only mine changed takes my value;
//   - the tag changed on both sides to different tags: mine (the later
//     edit) wins, and an EditConflict says which tag it replaced;
//   - the note changed on both sides to different texts: both are kept in
//     the note, mine first, theirs after ConcurrentNoteSeparator (cut to
//     MaxNoteLength), and an EditConflict says so.
//
// The place (clause, offsets, selectors) and the author follow the same
// first two rules. merged.Modified is after both mine's and theirs'.
func Rebase(base, mine, theirs Annotation) (merged Annotation, conflicts []EditConflict) {
	merged = theirs
	if mine.Tag != base.Tag {
		merged.Tag = mine.Tag
		if theirs.Tag != base.Tag && theirs.Tag != mine.Tag {
			conflicts = append(conflicts, EditConflict{ID: mine.ID, Clause: mine.Clause, Field: "tag", Mine: string(mine.Tag), Theirs: string(theirs.Tag)})
		}
	}
	if mine.Clause != base.Clause || mine.Start != base.Start || mine.End != base.End || mine.Exact != base.Exact {
		merged.Clause, merged.Start, merged.End = mine.Clause, mine.Start, mine.End
		merged.Exact, merged.Prefix, merged.Suffix = mine.Exact, mine.Prefix, mine.Suffix
	}
	if mine.Author != base.Author {
		merged.Author = mine.Author
	}
	if mine.Note != base.Note {
		merged.Note = mine.Note
		if theirs.Note != base.Note && theirs.Note != mine.Note && theirs.Note != "" &&
			!strings.Contains(mine.Note, theirs.Note) {
			merged.Note = joinNotes(mine.Note, theirs.Note)
			conflicts = append(conflicts, EditConflict{ID: mine.ID, Clause: mine.Clause, Field: "note", Mine: mine.Note, Theirs: theirs.Note})
		}
	}
	merged.Modified = mine.Modified
	if !merged.Modified.After(theirs.Modified) {
		merged.Modified = theirs.Modified.Add(time.Millisecond)
	}
	return merged, conflicts
}

// joinNotes keeps two notes in one: mine, the separator, theirs; cut to
// MaxNoteLength code points.
func joinNotes(mine, theirs string) string {
	if mine == "" {
		return theirs
	}
	joined := []rune(mine + ConcurrentNoteSeparator + theirs)
	if len(joined) > MaxNoteLength {
		joined = append(joined[:MaxNoteLength-1], '…')
	}
	return string(joined)
}
