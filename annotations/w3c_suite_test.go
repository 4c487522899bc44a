package annotations

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The W3C Web Annotation test suite's MUST assertions (JSON Schemas,
// draft-04, in ../testdata/w3c: see its README.md), run on every W3C export:
// the collection, its page on its own and each annotation on its own.

const suiteDir = "../testdata/w3c"

// suiteBase is the base URL the suite's files are registered under: one flat
// namespace, as the suite's harness has it (assertions refer to
// "annotations.json#/definitions/…" whatever their folder).
const suiteBase = "https://w3c-suite.test/"

// assertion is one MUST assertion of the suite.
type assertion struct {
	name   string
	schema *jsonschema.Schema
}

var (
	suiteOnce sync.Once
	suite     map[string][]assertion // by .test file
	suiteErr  error
)

// loadSuite compiles the assertions of the three .test files.
func loadSuite(tb testing.TB) map[string][]assertion {
	tb.Helper()
	suiteOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft4)
		c.AssertFormat()
		files := map[string]string{} // base name → path
		suiteErr = filepath.WalkDir(suiteDir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				return err
			}
			files[filepath.Base(p)] = p
			return c.AddResource(suiteBase+filepath.Base(p), doc)
		})
		if suiteErr != nil {
			return
		}
		suite = map[string][]assertion{}
		for _, test := range []string{"annotations/annotationMusts.test", "collections/collectionMusts.test", "collections/pages/pageMusts.test"} {
			data, err := os.ReadFile(filepath.Join(suiteDir, test))
			if err != nil {
				suiteErr = err
				return
			}
			var t struct{ Assertions []string }
			if suiteErr = json.Unmarshal(data, &t); suiteErr != nil {
				return
			}
			for _, a := range t.Assertions {
				name := path.Base(a)
				if _, ok := files[name]; !ok {
					suiteErr = os.ErrNotExist
					return
				}
				s, err := c.Compile(suiteBase + name)
				if err != nil {
					suiteErr = err
					return
				}
				suite[test] = append(suite[test], assertion{name, s})
			}
		}
	})
	if suiteErr != nil {
		tb.Fatalf("load the W3C test suite: %v", suiteErr)
	}
	return suite
}

// suiteFailures runs the assertions of one .test file on a JSON value and
// returns the names of those that fail, with why.
func suiteFailures(tb testing.TB, test string, v any) []string {
	tb.Helper()
	var out []string
	for _, a := range loadSuite(tb)[test] {
		if err := a.schema.Validate(v); err != nil {
			out = append(out, a.name+": "+err.Error())
		}
	}
	return out
}

// decodeForSuite decodes JSON as the validator wants it (numbers as
// json.Number).
func decodeForSuite(tb testing.TB, data []byte) any {
	tb.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// checkW3CExport runs every MUST assertion on a W3C export: the collection,
// its first page on its own, and every annotation on its own.
func checkW3CExport(tb testing.TB, data []byte) {
	tb.Helper()
	v := decodeForSuite(tb, data)
	for _, f := range suiteFailures(tb, "collections/collectionMusts.test", v) {
		tb.Errorf("collection: %s", f)
	}
	// The page assertions are written for a page or a collection with an
	// embedded page: both are run.
	for _, f := range suiteFailures(tb, "collections/pages/pageMusts.test", v) {
		tb.Errorf("page (in the collection): %s", f)
	}
	page, _ := v.(map[string]any)["first"].(map[string]any)
	if page == nil {
		tb.Fatalf("the collection has no first page")
	}
	for _, f := range suiteFailures(tb, "collections/pages/pageMusts.test", page) {
		tb.Errorf("page on its own: %s", f)
	}
	items, _ := page["items"].([]any)
	failed := 0
	for i, item := range items {
		for _, f := range suiteFailures(tb, "annotations/annotationMusts.test", item) {
			if failed++; failed <= 10 {
				tb.Errorf("annotation %d on its own: %s", i, f)
			}
		}
	}
	if failed > 10 {
		tb.Errorf("… %d failures in all", failed)
	}
}

func TestTheW3CExportPassesEveryMustOfTheW3CTestSuite(t *testing.T) {
	t.Run("the fixture", func(t *testing.T) {
		data, err := ExportW3C(fixtureSet(t), fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		checkW3CExport(t, data)
	})
	t.Run("500 random annotations with orphans, labels and untagged ones", func(t *testing.T) {
		s := randomSet(t, seedDoc(t), 500, 3)
		addForeignKinds(t, s)
		data, err := ExportW3C(s, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		checkW3CExport(t, data)
	})
	t.Run("an empty set", func(t *testing.T) {
		data, err := ExportW3C(NewSet(seedDoc(t), fixedNow), fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		checkW3CExport(t, data)
	})
}

// TestTheW3CTestSuiteCatchesWhatTheOldExportGotWrong runs the suite on the
// shapes the export had before: a collection with its items and no page,
// and annotations without @context. The suite must fail them, or it proves
// nothing about the export.
func TestTheW3CTestSuiteCatchesWhatTheOldExportGotWrong(t *testing.T) {
	data, err := ExportW3C(fixtureSet(t), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	v := decodeForSuite(t, data).(map[string]any)
	page := v["first"].(map[string]any)
	old := map[string]any{}
	for k, x := range v {
		if k != "first" && k != "last" {
			old[k] = x
		}
	}
	old["items"] = page["items"]
	fails := suiteFailures(t, "collections/collectionMusts.test", old)
	if len(fails) != 1 || !strings.HasPrefix(fails[0], "5.1-collectionFirstValidated.json") {
		t.Errorf("a collection of items without a first page: failures %q, want 5.1-collectionFirstValidated", fails)
	}
	item := page["items"].([]any)[0].(map[string]any)
	delete(item, "@context")
	fails = suiteFailures(t, "annotations/annotationMusts.test", item)
	if len(fails) != 1 || !strings.HasPrefix(fails[0], "3.1-annotationContextValidated.json") {
		t.Errorf("an annotation without @context: failures %q, want 3.1-annotationContextValidated", fails)
	}
	item["body"], item["bodyValue"] = []any{}, "a note"
	if fails := suiteFailures(t, "annotations/annotationMusts.test", item); len(fails) < 2 {
		t.Errorf("body and bodyValue together: failures %q, want notBodyBodyValue too", fails)
	}
}
