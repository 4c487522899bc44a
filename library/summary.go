package library

import (
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/resolution"
)

// Summary is what the library page lists of a document, kept in a small
// record of its own (the "summaries" object store) so that the page never
// reads a text: symbol, title, name, body, session, date, kind, sponsors,
// counts per tag, when it was last annotated, added and opened, how many
// versions and how long its text is. It also keeps the ids of its clauses
// in document order, so that the annotations of every document can be
// listed in document order without parsing any text.
//
// The fields that mirror the Document (ID, Symbol, Name, Added, Opened,
// Builtin, Versions, TextSize) are set by Mirror; those of the text by
// NewSummary when a version is added; Counts and LastAnnotated by Recount
// when the annotations change.
type Summary struct {
	ID     string `json:"id"`
	Symbol string `json:"symbol"`
	Name   string `json:"name,omitempty"`
	// Title, Body ("Human Rights Council"), Session ("Fifty-third
	// session"), Kind (resolution.KindResolution, KindDraft or "") and
	// Sponsors are those of the current version's text.
	Title    string   `json:"title"`
	Body     string   `json:"body,omitempty"`
	Session  string   `json:"session,omitempty"`
	Kind     string   `json:"kind,omitempty"`
	Sponsors []string `json:"sponsors,omitempty"`
	// Date is the date of the text as printed: the date of adoption, else
	// the date of the document ("12 July 2023"); Day is the same as
	// YYYY-MM-DD when it reads as a date ("" otherwise), for sorting.
	Date string `json:"date,omitempty"`
	Day  string `json:"day,omitempty"`
	// Counts are the annotations per tag, untagged and orphans (see
	// annotations.Counts).
	Counts annotations.Counts `json:"counts"`
	// LastAnnotated is the latest modified time of its annotations (zero
	// when it has none).
	LastAnnotated time.Time `json:"lastAnnotated"`
	Added         time.Time `json:"added"`
	Opened        time.Time `json:"opened"`
	Builtin       bool      `json:"builtin,omitempty"`
	// Versions is how many versions the document has; TextSize the bytes
	// of the current text.
	Versions int `json:"versions"`
	TextSize int `json:"textSize"`
	// Clauses are the clause ids of the current text, in document order.
	Clauses []string `json:"clauses"`
}

// NewSummary makes the summary of d, whose current text parses as parsed,
// with as its annotations (all of them, as stored). It is pure: it reads
// nothing and writes nothing.
func NewSummary(d Document, parsed *resolution.Document, as []annotations.Annotation) (Summary, error) {
	adoc, err := AnnotationDocument(parsed, d.Symbol)
	if err != nil {
		return Summary{}, err
	}
	s := Summary{
		Title:    parsed.Title,
		Body:     parsed.Body,
		Session:  parsed.Session,
		Kind:     parsed.Kind,
		Sponsors: append([]string(nil), parsed.Sponsors...),
		Clauses:  make([]string, len(adoc.Clauses)),
	}
	if s.Title == "" && parsed.Symbol == "" && len(adoc.Clauses) > 0 {
		// A text with neither symbol nor title (notes, a text not
		// recognised as a resolution) is known by its opening words.
		s.Title = resolution.Preview(strings.Join(strings.Fields(adoc.Clauses[0].Text), " "), openingLength)
	}
	if s.Body == "" {
		s.Body = BodyOfSymbol(parsed.Symbol)
	}
	if len(s.Sponsors) == 0 {
		s.Sponsors = nil
	}
	for i, c := range adoc.Clauses {
		s.Clauses[i] = c.ID
	}
	s.Date = parsed.Adoption.Date
	if s.Date == "" {
		s.Date = parsed.Date
	}
	s.Day = isoDay(s.Date)
	s.Mirror(d)
	s.Recount(adoc, as)
	return s, nil
}

// openingLength is at most how many code points of its opening words name
// a text with neither symbol nor title.
const openingLength = 80

// Mirror copies into s what it shows of d: id, symbol, name, times,
// built-in flag, number of versions and size of the current text.
func (s *Summary) Mirror(d Document) {
	s.ID, s.Symbol, s.Name = d.ID, d.Symbol, d.Name
	s.Added, s.Opened, s.Builtin = d.Added, d.Opened, d.Builtin
	s.Versions = len(d.Versions)
	s.TextSize = len(d.Current().Text)
}

// Recount sets the counts and the last annotated time from the document's
// annotations (those of other documents are ignored): an annotation that
// does not fit adoc's text where it is stored counts as an orphan too, as
// in annotations.Set. After the annotations were loaded in a Set (which
// re-anchors them), SetCounts is the same from the Set.
func (s *Summary) Recount(adoc *annotations.Document, as []annotations.Annotation) {
	var c annotations.Counts
	var last time.Time
	for _, a := range as {
		if a.Document != s.Symbol {
			continue
		}
		switch a.Tag {
		case annotations.Commitment:
			c.Commitment++
		case annotations.Request:
			c.Request++
		case annotations.Concern:
			c.Concern++
		default:
			c.Untagged++
		}
		if !adoc.Fits(a) {
			c.Orphans++
		}
		if a.Modified.After(last) {
			last = a.Modified
		}
	}
	s.Counts, s.LastAnnotated = c, last.UTC()
	if last.IsZero() {
		s.LastAnnotated = time.Time{}
	}
}

// SetCounts sets the counts and the last annotated time from a document's
// Set, as the app has it once the annotations are loaded: what the library
// shows after a change of the annotations.
func (s *Summary) SetCounts(set *annotations.Set) {
	s.Counts = set.Counts()
	var last time.Time
	for _, a := range set.All() {
		if a.Modified.After(last) {
			last = a.Modified
		}
	}
	s.LastAnnotated = last.UTC()
	if last.IsZero() {
		s.LastAnnotated = time.Time{}
	}
}

// DisplayTitle returns what the library shows as the document's name: the Name,
// else the title, else the symbol.
func (s *Summary) DisplayTitle() string {
	switch {
	case s.Name != "":
		return s.Name
	case s.Title != "":
		return s.Title
	}
	return s.Symbol
}

// bodyPrefixes name the organ of a symbol by its series, longest first.
var bodyPrefixes = []struct{ prefix, body string }{
	{"A/HRC/", "Human Rights Council"},
	{"A/C.1/", "General Assembly, First Committee"},
	{"A/C.2/", "General Assembly, Second Committee"},
	{"A/C.3/", "General Assembly, Third Committee"},
	{"A/C.4/", "General Assembly, Fourth Committee"},
	{"A/C.5/", "General Assembly, Fifth Committee"},
	{"A/C.6/", "General Assembly, Sixth Committee"},
	{"A/", "General Assembly"},
	{"S/", "Security Council"},
	{"E/", "Economic and Social Council"},
}

// BodyOfSymbol names the organ a document symbol belongs to, by its series
// ("S/2018/95" → "Security Council", "A/HRC/53/L.12" → "Human Rights
// Council"); "" when the series is not one of them. The summary uses it
// when the text does not name its body.
func BodyOfSymbol(symbol string) string {
	for _, b := range bodyPrefixes {
		if strings.HasPrefix(symbol, b.prefix) {
			return b.body
		}
	}
	return ""
}

// isoDay reads a date as the UN prints it ("12 July 2023", "1 March
// 2018", "15 March 2018") as "2023-07-12"; "" when it does not read.
func isoDay(date string) string {
	date = strings.Join(strings.Fields(date), " ")
	for _, layout := range []string{"2 January 2006", "January 2, 2006", "2006-01-02"} {
		if t, err := time.Parse(layout, date); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
