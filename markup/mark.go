package markup

import (
	"strconv"
	"strings"

	"github.com/clausemark/clausemark/annotations"
)

// The attributes of the clause markup.
const (
	// AttrClause is on a clause element: its id. AttrLabel: its label.
	AttrClause = "data-clause"
	AttrLabel  = "data-label"
	// AttrAnnotation is on every element of a highlight: the annotation id.
	AttrAnnotation = "data-annotation"
	// AttrTag is on every element of a highlight, and on the suggestion
	// button: the tag.
	AttrTag = "data-tag"
	// AttrStart marks the first element of a highlight, the one keyboard
	// users reach and screen readers name.
	AttrStart = "data-start"
	// AttrNote is on the elements and the tag letter of a highlight that
	// has a note.
	AttrNote = "data-note"
	// AttrNonText is on the elements inside a clause's text element that
	// are not part of its plain text: footnote markers, tag letters, the
	// printed number.
	AttrNonText = "data-nontext"
	// AttrTagMark is on the tag letter of a highlight: its tag.
	AttrTagMark = "data-tagmark"
	// AttrFor is on the tag letter of a highlight: the annotation id.
	AttrFor = "data-for"
	// AttrTabIndex and AttrAriaDescription are on the first element of a
	// highlight; AttrAriaHidden on its tag letter.
	AttrTabIndex        = "tabindex"
	AttrAriaDescription = "aria-description"
	AttrAriaHidden      = "aria-hidden"
)

// The classes of the clause markup.
const (
	ClassClause        = "cm-clause"
	ClassMargin        = "cm-margin"
	ClassLabel         = "cm-label"
	ClassSuggest       = "cm-suggest"
	ClassPara          = "cm-para"
	ClassText          = "cm-text"
	ClassLead          = "cm-lead"
	ClassTagMark       = "cm-tagmark"
	ClassFootnoteRef   = "cm-fnref"
	ClassTarget        = "is-target"
	ClassSelected      = "is-selected"
	ClassHasSuggestion = "has-suggestion"
)

// Selectors from a clause element (querySelector on it).
const (
	// TextSelector finds a clause's text element: the one of its own
	// paragraph, not of its sub-paragraphs.
	TextSelector = ":scope > ." + ClassPara + " ." + ClassText
	// MarginSelector finds a clause's margin.
	MarginSelector = ":scope > ." + ClassMargin
)

// Attr is an attribute of an element, in the order the markup writes it.
// An empty Value is written as the bare name (data-start), which the
// browser reads as the empty value.
type Attr struct {
	Name, Value string
}

// Mark is what the elements of one annotation's highlight say about it.
type Mark struct {
	ID   string          // AttrAnnotation
	Tag  annotations.Tag // AttrTag
	Note bool            // AttrNote: the annotation has a note
	// Description is the accessible description of the first element
	// (AttrAriaDescription): HighlightDescription of the annotation.
	Description string
}

// MarkOf is the Mark of an annotation.
func MarkOf(a annotations.Annotation) Mark {
	return Mark{ID: a.ID, Tag: a.Tag, Note: a.Note != "", Description: HighlightDescription(a)}
}

// Attrs returns the attributes of an element of the highlight in the order
// the markup writes them; first says it is the annotation's first element.
// The attributes that only the first element has are those for which
// FirstOnly is true; AttrNote, present or not, is always last.
func (m Mark) Attrs(first bool) []Attr {
	return m.appendAttrs(make([]Attr, 0, 7), first)
}

func (m Mark) appendAttrs(dst []Attr, first bool) []Attr {
	dst = append(dst, Attr{AttrAnnotation, m.ID}, Attr{AttrTag, string(m.Tag)})
	if first {
		dst = append(dst, Attr{AttrStart, ""}, Attr{AttrTabIndex, "0"}, Attr{AttrAriaDescription, m.Description})
	}
	if m.Note {
		dst = append(dst, Attr{AttrNote, ""})
	}
	return dst
}

// FirstOnly reports whether only the first element of a highlight has the
// attribute name: an element that continues a highlight has the others.
func FirstOnly(name string) bool {
	switch name {
	case AttrStart, AttrTabIndex, AttrAriaDescription:
		return true
	}
	return false
}

// TagMarkAttrs returns the attributes of the highlight's tag letter (a
// <span>, empty), in the order the markup writes them; AttrNote, present
// or not, is last.
func (m Mark) TagMarkAttrs() []Attr {
	return m.appendTagMarkAttrs(make([]Attr, 0, 6))
}

func (m Mark) appendTagMarkAttrs(dst []Attr) []Attr {
	dst = append(dst, Attr{"class", ClassTagMark}, Attr{AttrNonText, ""}, Attr{AttrAriaHidden, "true"},
		Attr{AttrTagMark, string(m.Tag)}, Attr{AttrFor, m.ID})
	if m.Note {
		dst = append(dst, Attr{AttrNote, ""})
	}
	return dst
}

// TagName is the name of a tag as the interface shows it ("Commitment"),
// "Untagged" for none (an annotation imported from another tool with
// labels only), or "" for an unknown tag.
func TagName(t annotations.Tag) string {
	switch t {
	case "":
		return "Untagged"
	case annotations.Commitment:
		return "Commitment"
	case annotations.Request:
		return "Request"
	case annotations.Concern:
		return "Concern"
	}
	return ""
}

// TagLetter is the letter that ends a highlight of the tag (a cue that
// needs no colour: C, R, !; a dash for an untagged one), or "" for an
// unknown tag. The style sheet
// shows it from AttrTagMark; the panel and the help write it.
func TagLetter(t annotations.Tag) string {
	switch t {
	case "":
		return "–"
	case annotations.Commitment:
		return "C"
	case annotations.Request:
		return "R"
	case annotations.Concern:
		return "!"
	}
	return ""
}

// HighlightDescription is the accessible description of a highlight: its
// tag, whether it has a note, and how to open it. A highlight has no
// accessible name of its own: what a screen reader reads of it is its
// text, the words the reader sees (WCAG 2.5.3), and it is no button, for
// the highlights of overlapping annotations nest, and controls must not.
// The note is not in it (it is user text, shown by the tooltip and the
// editor, which render it as text).
func HighlightDescription(a annotations.Annotation) string {
	d := TagName(a.Tag)
	if a.Note != "" {
		d += ", with a note"
	}
	return d + ". Enter to open."
}

// AnnotationSelector is the CSS selector of the elements of a highlight.
func AnnotationSelector(id string) string {
	return "mark[" + AttrAnnotation + "=" + cssString(id) + "]"
}

// TagMarkSelector is the CSS selector of the tag letter of a highlight.
func TagMarkSelector(id string) string {
	return "." + ClassTagMark + "[" + AttrFor + "=" + cssString(id) + "]"
}

// ClauseSelector is the CSS selector of a clause element.
func ClauseSelector(id string) string {
	return "[" + AttrClause + "=" + cssString(id) + "]"
}

// cssString quotes s as a CSS string, as CSSOM serializes one: in double
// quotes, with '"' and '\' escaped, control characters as code point
// escapes, NUL as U+FFFD.
func cssString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == 0:
			b.WriteRune('\uFFFD')
		case r < 0x20 || r == 0x7f:
			b.WriteByte('\\')
			b.WriteString(strconv.FormatInt(int64(r), 16))
			b.WriteByte(' ')
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
