package annotations

import (
	"errors"
	"strings"
	"testing"
)

func TestW3CRoundTripOfTheFixture(t *testing.T) {
	s := fixtureSet(t)
	data, err := ExportW3C(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(s.Document(), data, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Format != W3C || f.Source != s.Document().Source || !f.Exported.Equal(fixedNow()) {
		t.Errorf("file: format %q source %q exported %v", f.Format, f.Source, f.Exported)
	}
	if d := diffAnnotations(f.Annotations, s.All()); d != "" {
		t.Error(d)
	}
}

// foreignW3C is what another tool (Hypothesis-like) exports: no clause, no
// clause-relative position, ids that are URLs, a note in bodyValue.
const foreignW3C = `{
  "@context": ["http://www.w3.org/ns/anno.jsonld", {"extra": "http://example.org/extra"}],
  "type": "AnnotationCollection",
  "first": {
    "type": "AnnotationPage",
    "items": [
      {
        "id": "https://hypothes.is/a/abc123",
        "type": "Annotation",
        "created": "2024-01-10T08:00:00+01:00",
        "bodyValue": "Ils veulent élargir la base — “donor base” 👍🏽",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "request"},
        "creator": "acct:delegate@hypothes.is",
        "target": {
          "source": "https://undocs.org/en/A/HRC/RES/53/11",
          "selector": [
            {"type": "TextPositionSelector", "start": 24000, "end": 24031},
            {"type": "TextQuoteSelector", "exact": "non-traditional donor countries"}
          ]
        }
      },
      {
        "id": "https://hypothes.is/a/def456",
        "type": "Annotation",
        "created": "2024-01-10T08:05:00Z",
        "modified": "2024-01-11T09:00:00Z",
        "body": [{"type": "TextualBody", "value": "concern"}, {"type": "TextualBody", "value": "Too vague"}],
        "creator": {"type": "Person", "nickname": "delegate"},
        "target": {
          "source": "https://undocs.org/A/HRC/RES/53/11",
          "selector": {"type": "TextQuoteSelector", "exact": "human rights and fundamental freedoms", "prefix": "the urgent task of preventing violations of ", "suffix": ";"}
        }
      },
      {
        "type": "Annotation",
        "created": "2024-01-10T08:10:00Z",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "commitment"},
        "target": {
          "source": "https://undocs.org/A/HRC/RES/53/11",
          "selector": {"type": "TextQuoteSelector", "exact": "human rights"}
        }
      }
    ]
  }
}`

func TestReadForeignW3CAnchorsByQuote(t *testing.T) {
	doc := seedDoc(t)
	f, err := Read(doc, []byte(foreignW3C), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Annotations) != 3 {
		t.Fatalf("got %d annotations, want 3", len(f.Annotations))
	}
	unique, context, ambiguous := f.Annotations[0], f.Annotations[1], f.Annotations[2]
	t.Run("a quote unique in the document anchors", func(t *testing.T) {
		if !doc.Fits(unique) || unique.Clause != "op21" || unique.Exact != "non-traditional donor countries" {
			t.Errorf("got %+v", unique)
		}
		if unique.Note != "Ils veulent élargir la base — “donor base” 👍🏽" || unique.Tag != Request || unique.Author != "acct:delegate@hypothes.is" {
			t.Errorf("bodies: %+v", unique)
		}
		if got := formatTime(unique.Created); got != "2024-01-10T07:00:00.000Z" || !unique.Modified.Equal(unique.Created) {
			t.Errorf("created %s modified %v, want the time in UTC and modified = created", got, unique.Modified)
		}
		if !validID(unique.ID) || unique.ID != nameID("w3c\nhttps://hypothes.is/a/abc123") {
			t.Errorf("id %q, want the name-based id of the foreign one", unique.ID)
		}
	})
	t.Run("context picks one of several occurrences", func(t *testing.T) {
		if !doc.Fits(context) || context.Clause != "op12" || context.Tag != Concern || context.Note != "Too vague" || context.Author != "delegate" {
			t.Errorf("got %+v", context)
		}
	})
	t.Run("an ambiguous quote without context is an orphan", func(t *testing.T) {
		if doc.Fits(ambiguous) || ambiguous.Clause != "" || ambiguous.Start != 0 || ambiguous.End != 12 {
			t.Errorf("got %+v", ambiguous)
		}
		if got := f.Orphans(); len(got) != 1 || got[0].ID != ambiguous.ID {
			t.Errorf("Orphans() = %v", ids(got))
		}
	})
	t.Run("the same file gives the same ids again", func(t *testing.T) {
		g, _ := Read(doc, []byte(foreignW3C), ImportOptions{})
		for i := range g.Annotations {
			if g.Annotations[i].ID != f.Annotations[i].ID {
				t.Errorf("annotation %d: id %q then %q", i, f.Annotations[i].ID, g.Annotations[i].ID)
			}
		}
	})
}

func TestReadW3CShapes(t *testing.T) {
	doc := seedDoc(t)
	item := `{"id":"urn:uuid:0B9C4C0E-5E9F-4A8E-9D3A-6F1F1C2B3A4D","type":"Annotation","created":"2024-01-10T08:10:00Z",
		"body":{"type":"TextualBody","purpose":"tagging","value":"commitment"},
		"target":{"source":"https://undocs.org/A/HRC/RES/53/11","selector":{"type":"FragmentSelector","value":"op23",
		"refinedBy":{"type":"TextQuoteSelector","exact":"the funds"}}}}`
	tests := []struct {
		name string
		file string
	}{
		{"a single annotation", strings.Replace(item, `{"id"`, `{"@context":"http://www.w3.org/ns/anno.jsonld","id"`, 1)},
		{"an array of annotations", "[" + item + "]"},
		{"a collection with items", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","items":[` + item + `]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(doc, []byte(tt.file), ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			a := f.Annotations[0]
			if a.ID != "urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d" || a.Clause != "op23" || !doc.Fits(a) || a.Exact != "the funds" {
				t.Errorf("got %+v", a)
			}
		})
	}
}

func TestReadW3CRejects(t *testing.T) {
	doc := seedDoc(t)
	wrap := func(item string) string {
		return `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","items":[` + item + `]}`
	}
	good := func(replace ...string) string {
		item := `{"id":"urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d","type":"Annotation","created":"2024-01-10T08:10:00Z",
			"body":{"type":"TextualBody","purpose":"tagging","value":"commitment"},
			"target":{"source":"https://undocs.org/A/HRC/RES/53/11","selector":{"type":"FragmentSelector","value":"op23",
			"refinedBy":[{"type":"TextQuoteSelector","exact":"the funds"},{"type":"TextPositionSelector","start":36,"end":45}]}}}`
		for i := 0; i+1 < len(replace); i += 2 {
			item = strings.Replace(item, replace[i], replace[i+1], 1)
		}
		return item
	}
	tests := []struct {
		name  string
		file  string
		field string
		err   error
	}{
		{"no @context", `{"type":"AnnotationCollection","items":[]}`, "@context", ErrFormat},
		{"another type", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Page"}`, "type", ErrFormat},
		{"a paged collection", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":"https://x/page1"}`, "first", ErrInvalidValue},
		{"a bad time", wrap(good(`"2024-01-10T08:10:00Z"`, `"last Tuesday"`)), "created", ErrInvalidTime},
		{"a time that is a number", wrap(good(`"2024-01-10T08:10:00Z"`, `1704874200`)), "created", ErrInvalidTime},
		{"items that are not an array", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","items":{}}`, "items", ErrInvalidValue},
		{"a page that is an array", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":[]}`, "first", ErrInvalidValue},
		{"no quote selector", wrap(good(`"type":"TextQuoteSelector","exact":"the funds"`, `"type":"CssSelector","value":"p"`)), "target.selector", ErrMissing},
		{"a negative position", wrap(good(`"start":36`, `"start":-3`)), "target.selector.refinedBy.end", ErrOutOfRange},
		{"two targets", wrap(good(`"target":{`, `"target":["https://undocs.org/A/HRC/RES/53/11",{`, `]}}}`, `]}}]}`)), "target", ErrInvalidValue},
		{"another document", wrap(good(`RES/53/11`, `RES/53/12`)), "target.source", ErrOtherDocument},
		{"a duplicate id", wrap(good() + "," + good()), "id", ErrDuplicateID},
		{"a note over the limit", wrap(good(`"body":{`, `"bodyValue":"`+strings.Repeat("x", MaxNoteLength+1)+`","body":{`)), "body.purpose=commenting", ErrTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(doc, []byte(tt.file), ImportOptions{})
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, tt.err) || fe.Field != tt.field {
				t.Errorf("got %v (field %q), want field %q, %v", err, field(fe), tt.field, tt.err)
			}
		})
	}
}

func field(fe *FieldError) string {
	if fe == nil {
		return ""
	}
	return fe.Field
}
