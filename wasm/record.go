//go:build js && wasm

package wasm

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// timeLayout is how records store times: RFC 3339 in UTC with exactly three
// fractional digits, the form of JavaScript's Date.prototype.toISOString.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// record is an annotation as stored in schema version 2: a plain JavaScript
// object with the native JSON field names, plus the document symbol.
type record struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	Clause   string `json:"clause"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Exact    string `json:"exact"`
	Prefix   string `json:"prefix"`
	Suffix   string `json:"suffix"`
	Tag      string `json:"tag"`
	Note     string `json:"note"`
	Author   string `json:"author"`
	Created  string `json:"created"`
	Modified string `json:"modified"`
	// Labels are the annotation's free labels (tags of other tools); the
	// key is absent when there are none.
	Labels []string `json:"labels,omitempty"`
}

// formatTime formats t for a record. JavaScript dates, and so records, keep
// milliseconds: finer precision is dropped and the zone becomes UTC.
func formatTime(t time.Time) (string, error) {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return "", fmt.Errorf("time %v is outside the years 0 to 9999", t)
	}
	return t.Format(timeLayout), nil
}

// newRecord converts an annotation to its record, checking what the database
// itself needs: an id (the key) and a document (the index).
func newRecord(a annotations.Annotation) (record, error) {
	if a.ID == "" {
		return record{}, fmt.Errorf("annotation has an empty id")
	}
	if a.Document == "" {
		return record{}, fmt.Errorf("annotation %q has an empty document symbol", a.ID)
	}
	created, err := formatTime(a.Created)
	if err != nil {
		return record{}, fmt.Errorf("annotation %q: created: %v", a.ID, err)
	}
	modified, err := formatTime(a.Modified)
	if err != nil {
		return record{}, fmt.Errorf("annotation %q: modified: %v", a.ID, err)
	}
	return record{
		ID:       a.ID,
		Document: a.Document,
		Clause:   a.Clause,
		Start:    a.Start,
		End:      a.End,
		Exact:    a.Exact,
		Prefix:   a.Prefix,
		Suffix:   a.Suffix,
		Tag:      string(a.Tag),
		Note:     a.Note,
		Author:   a.Author,
		Created:  created,
		Modified: modified,
		Labels:   a.Labels,
	}, nil
}

// annotation converts a record back to an annotation. Times come back in
// UTC, to the millisecond.
func (r record) annotation() (annotations.Annotation, error) {
	created, err := time.Parse(time.RFC3339Nano, r.Created)
	if err != nil {
		return annotations.Annotation{}, fmt.Errorf("stored annotation %q is damaged: created: %v", r.ID, err)
	}
	modified, err := time.Parse(time.RFC3339Nano, r.Modified)
	if err != nil {
		return annotations.Annotation{}, fmt.Errorf("stored annotation %q is damaged: modified: %v", r.ID, err)
	}
	return annotations.Annotation{
		ID:       r.ID,
		Document: r.Document,
		Clause:   r.Clause,
		Start:    r.Start,
		End:      r.End,
		Exact:    r.Exact,
		Prefix:   r.Prefix,
		Suffix:   r.Suffix,
		Tag:      annotations.Tag(r.Tag),
		Note:     r.Note,
		Author:   r.Author,
		Labels:   r.Labels,
		Created:  created.UTC(),
		Modified: modified.UTC(),
	}, nil
}

// encodeRecords converts annotations to the JSON text of an array of
// records. It refuses the whole batch if one annotation is invalid.
func encodeRecords(as []annotations.Annotation) (string, error) {
	rs := make([]record, len(as))
	for i, a := range as {
		r, err := newRecord(a)
		if err != nil {
			if len(as) > 1 {
				err = fmt.Errorf("annotation %d of %d: %w", i+1, len(as), err)
			}
			return "", err
		}
		rs[i] = r
	}
	b, err := json.Marshal(rs)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// decodeRecords converts the JSON text of an array of records to
// annotations: with decodeRecordsFast if it can, else with encoding/json.
func decodeRecords(text string) ([]annotations.Annotation, error) {
	rs, ok := decodeRecordsFast(text)
	if !ok {
		if err := json.Unmarshal([]byte(text), &rs); err != nil {
			return nil, fmt.Errorf("stored annotations are damaged: %v", err)
		}
	}
	as := make([]annotations.Annotation, len(rs))
	for i, r := range rs {
		a, err := r.annotation()
		if err != nil {
			return nil, err
		}
		as[i] = a
	}
	return as, nil
}
