package annotations

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// nativeSchema compiles a JSON Schema of the native format (2020-12).
func nativeSchema(t *testing.T, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

func loadSchema(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	return s
}

func validateJSON(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(v)
}

func TestSchemaAcceptsWhatWeWrite(t *testing.T) {
	schema := nativeSchema(t, SchemaV2())
	golden, err := os.ReadFile(filepath.Join("testdata", "golden", "fixture.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := randomSet(t, seedDoc(t), 500, 9)
	addForeignKinds(t, s)
	random, err := ExportJSON(s, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"the golden fixture": golden, "a random export": random} {
		if err := validateJSON(t, schema, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	t.Run("version 3", func(t *testing.T) {
		v3 := nativeSchema(t, Schema())
		golden, err := os.ReadFile(filepath.Join("testdata", "golden", "collection.json"))
		if err != nil {
			t.Fatal(err)
		}
		random, err := ExportEntries([]Entry{EntryOf(s, &Text{Text: draftText, SourceFormat: "docx", FileName: "L.12.docx"}), twoEntries(t)[1]}, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string][]byte{"the golden collection": golden, "a random export": random} {
			if err := validateJSON(t, v3, data); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	})
	t.Run("version 1", func(t *testing.T) {
		v1, err := os.ReadFile(filepath.Join("schema", "clausemark-annotations-v1.schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		old, err := os.ReadFile(filepath.Join("testdata", "v1", "fixture.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := validateJSON(t, nativeSchema(t, v1), old); err != nil {
			t.Errorf("a file of version 1: %v", err)
		}
	})
}

func TestSchemaRejectsWhatReadRejects(t *testing.T) {
	schema := nativeSchema(t, SchemaV2())
	v2 := func(annotation map[string]string) string {
		return nativeFileWith(map[string]string{"version": "2"}, annotation)
	}
	tests := []struct {
		name, file  string
		readAccepts bool // the reader makes it right (ids are made lowercase)
	}{
		{"a wrong format", nativeFileWith(map[string]string{"format": `"x"`, "version": "2"}, nil), false},
		{"version 3 with one document", nativeFileWith(map[string]string{"version": "3"}, nil), false},
		{"a bad tag", v2(map[string]string{"tag": `"urgent"`}), false},
		{"a tag in capitals", v2(map[string]string{"tag": `"Request"`}), false},
		{"a local time", v2(map[string]string{"created": `"2024-02-20T15:05:00+01:00"`}), false},
		{"an unknown member", v2(map[string]string{"extra": "1"}), false},
		{"a missing exact", v2(map[string]string{"-exact": ""}), false},
		{"a missing tag", v2(map[string]string{"-tag": ""}), false},
		{"a negative start", v2(map[string]string{"start": "-1"}), false},
		{"an uppercase id", v2(map[string]string{"id": `"urn:uuid:0B9C4C0E-5E9F-4A8E-9D3A-6F1F1C2B3A4D"`}), true},
		{"a long prefix", v2(map[string]string{"prefix": `"` + strings.Repeat("é", 33) + `"`}), false},
		{"a label twice", v2(map[string]string{"labels": `["UNGA","UNGA"]`}), false},
		{"a label of two lines", v2(map[string]string{"labels": `["UN\nGA"]`}), false},
		{"a label with a space before", v2(map[string]string{"labels": `[" UNGA"]`}), false},
		{"an empty label", v2(map[string]string{"labels": `[""]`}), false},
	}
	doc := seedDoc(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := validateJSON(t, schema, []byte(tt.file)); err == nil {
				t.Errorf("the schema accepts it")
			}
			if _, err := Read(doc, []byte(tt.file), ImportOptions{}); (err == nil) != tt.readAccepts {
				t.Errorf("Read: %v", err)
			}
		})
	}
	t.Run("what both accept", func(t *testing.T) {
		for _, file := range []string{
			v2(map[string]string{"tag": `""`, "labels": `["UNGA","Third Committee"]`}),
			v2(nil),
		} {
			if err := validateJSON(t, schema, []byte(file)); err != nil {
				t.Errorf("the schema refuses %s: %v", file, err)
			}
			if _, err := Read(doc, []byte(file), ImportOptions{}); err != nil {
				t.Errorf("Read refuses %s: %v", file, err)
			}
		}
	})
}

func TestSchemaV3RejectsWhatReadCollectionRejects(t *testing.T) {
	schema := nativeSchema(t, Schema())
	v3 := func(document string) string {
		return `{"format":"clausemark.annotations","version":3,"exported":"2024-03-01T09:30:00.000Z","documents":[{"document":` + document + `,"annotations":[]}]}`
	}
	for name, file := range map[string]string{
		"a source format without text": v3(`{"symbol":"S/1","sourceFormat":"pdf"}`),
		"a file name without text":     v3(`{"symbol":"S/1","fileName":"x.pdf"}`),
		"an unknown source format":     v3(`{"symbol":"S/1","text":"x","sourceFormat":"odt"}`),
		"an empty text":                v3(`{"symbol":"S/1","text":""}`),
		"a file name of two lines":     v3(`{"symbol":"S/1","text":"x","fileName":"a\nb"}`),
		"no symbol":                    v3(`{"text":"x"}`),
		"a document with an author":    v3(`{"symbol":"S/1","author":"x"}`),
		"an entry without annotations": `{"format":"clausemark.annotations","version":3,"exported":"2024-03-01T09:30:00.000Z","documents":[{"document":{"symbol":"S/1"}}]}`,
		"version 2 with documents":     `{"format":"clausemark.annotations","version":2,"exported":"2024-03-01T09:30:00.000Z","documents":[]}`,
	} {
		t.Run(name, func(t *testing.T) {
			if err := validateJSON(t, schema, []byte(file)); err == nil {
				t.Errorf("the schema accepts it")
			}
			if _, err := ReadCollection([]byte(file)); err == nil {
				t.Errorf("ReadCollection accepts it")
			}
		})
	}
	ok := v3(`{"symbol":"S/1","title":"t","textSHA256":"","text":"x","sourceFormat":"html","fileName":"S_1.html"}`)
	if err := validateJSON(t, schema, []byte(ok)); err != nil {
		t.Errorf("the schema refuses %s: %v", ok, err)
	}
	if _, err := ReadCollection([]byte(ok)); err != nil {
		t.Errorf("ReadCollection refuses %s: %v", ok, err)
	}
}

// TestSchemaNamesTheFieldsOfTheCode keeps the schema and the Go structs of
// the format in step.
func TestSchemaNamesTheFieldsOfTheCode(t *testing.T) {
	root := loadSchema(t, SchemaV2())
	v3 := loadSchema(t, Schema())
	v3defs := v3["$defs"].(map[string]any)
	names := func(v any) []string {
		var out []string
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			out = append(out, strings.Split(rt.Field(i).Tag.Get("json"), ",")[0])
		}
		slices.Sort(out)
		return out
	}
	keys := func(m any) []string {
		var out []string
		for k := range m.(map[string]any) {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	defs := root["$defs"].(map[string]any)
	props := root["properties"].(map[string]any)
	for _, c := range []struct {
		name        string
		code, props any
	}{
		{"file", nativeFile{}, props},
		{"document", nativeDocument{}, props["document"].(map[string]any)["properties"]},
		{"annotation", nativeAnnotation{}, defs["annotation"].(map[string]any)["properties"]},
		{"annotation (read)", nativeAnnotationIn{}, defs["annotation"].(map[string]any)["properties"]},
		{"file, version 3", nativeFileV3{}, v3["properties"]},
		{"entry, version 3", nativeEntry{}, v3defs["entry"].(map[string]any)["properties"]},
		{"document, version 3", nativeDocumentV3{}, v3defs["document"].(map[string]any)["properties"]},
		{"document, version 3 (read)", nativeDocumentIn{}, v3defs["document"].(map[string]any)["properties"]},
		{"annotation, version 3", nativeAnnotation{}, v3defs["annotation"].(map[string]any)["properties"]},
	} {
		if got, want := keys(c.props), names(c.code); !slices.Equal(got, want) {
			t.Errorf("%s: schema has %v, code has %v", c.name, got, want)
		}
	}
}
