package annotations

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// validateSchema checks v against the subset of JSON Schema 2020-12 that
// the native schema uses: $ref to #/$defs, type, const, enum, required,
// properties, additionalProperties false, items, maxItems, pattern,
// minLength, maxLength, minimum, maximum.
func validateSchema(root, s map[string]any, v any, path string) error {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		s = root["$defs"].(map[string]any)[name].(map[string]any)
	}
	if c, ok := s["const"]; ok && !reflect.DeepEqual(c, v) {
		return fmt.Errorf("%s: %v, want %v", path, v, c)
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return reflect.DeepEqual(x, v) }) {
		return fmt.Errorf("%s: %v not in %v", path, v, e)
	}
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: not an object", path)
		}
		for _, r := range s["required"].([]any) {
			if _, ok := obj[r.(string)]; !ok {
				return fmt.Errorf("%s: %s missing", path, r)
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, x := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if s["additionalProperties"] == false {
					return fmt.Errorf("%s: unknown %s", path, k)
				}
				continue
			}
			if err := validateSchema(root, ps, x, path+"."+k); err != nil {
				return err
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: not an array", path)
		}
		if m, ok := s["maxItems"].(float64); ok && float64(len(arr)) > m {
			return fmt.Errorf("%s: too many items", path)
		}
		for i, x := range arr {
			if err := validateSchema(root, s["items"].(map[string]any), x, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: not a string", path)
		}
		n := float64(utf8.RuneCountInString(str))
		if m, ok := s["minLength"].(float64); ok && n < m {
			return fmt.Errorf("%s: shorter than %v", path, m)
		}
		if m, ok := s["maxLength"].(float64); ok && n > m {
			return fmt.Errorf("%s: longer than %v", path, m)
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			return fmt.Errorf("%s: %q does not match %s", path, str, p)
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != float64(int64(f)) {
			return fmt.Errorf("%s: not an integer", path)
		}
		if m, ok := s["minimum"].(float64); ok && f < m {
			return fmt.Errorf("%s: below %v", path, m)
		}
		if m, ok := s["maximum"].(float64); ok && f > m {
			return fmt.Errorf("%s: above %v", path, m)
		}
	}
	return nil
}

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	var s map[string]any
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	return s
}

func TestSchemaAcceptsWhatWeWrite(t *testing.T) {
	root := loadSchema(t)
	files := []string{filepath.Join("testdata", "golden", "fixture.json")}
	data, err := ExportJSON(randomSet(t, seedDoc(t), 500, 9), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		json.Unmarshal(b, &v)
		if err := validateSchema(root, root, v, "$"); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	var v any
	json.Unmarshal(data, &v)
	if err := validateSchema(root, root, v, "$"); err != nil {
		t.Errorf("random export: %v", err)
	}
}

func TestSchemaRejectsWhatReadRejects(t *testing.T) {
	root := loadSchema(t)
	tests := []struct{ name, file string }{
		{"a wrong format", nativeFileWith(map[string]string{"format": `"x"`}, nil)},
		{"version 2", nativeFileWith(map[string]string{"version": "2"}, nil)},
		{"a bad tag", nativeFileWith(nil, map[string]string{"tag": `"urgent"`})},
		{"a local time", nativeFileWith(nil, map[string]string{"created": `"2024-02-20T15:05:00+01:00"`})},
		{"an unknown member", nativeFileWith(nil, map[string]string{"extra": "1"})},
		{"a missing exact", nativeFileWith(nil, map[string]string{"-exact": ""})},
		{"a negative start", nativeFileWith(nil, map[string]string{"start": "-1"})},
		{"an uppercase id", nativeFileWith(nil, map[string]string{"id": `"urn:uuid:0B9C4C0E-5E9F-4A8E-9D3A-6F1F1C2B3A4D"`})},
		{"a long prefix", nativeFileWith(nil, map[string]string{"prefix": `"` + strings.Repeat("é", 33) + `"`})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tt.file), &v); err != nil {
				t.Fatal(err)
			}
			if err := validateSchema(root, root, v, "$"); err == nil {
				t.Errorf("the schema accepts it")
			}
		})
	}
}

// TestSchemaNamesTheFieldsOfTheCode keeps the schema and the Go structs of
// the format in step.
func TestSchemaNamesTheFieldsOfTheCode(t *testing.T) {
	root := loadSchema(t)
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
	} {
		if got, want := keys(c.props), names(c.code); !slices.Equal(got, want) {
			t.Errorf("%s: schema has %v, code has %v", c.name, got, want)
		}
	}
}
