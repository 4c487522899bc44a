package annotations

import (
	"testing"
	"time"
)

// TestGoldenExports checks the exports of the fixture set against
// testdata/golden (go test -update rewrites them).
func TestGoldenExports(t *testing.T) {
	exports := []struct {
		file   string
		export func(*Set, func() time.Time) ([]byte, error)
	}{
		{"fixture.json", ExportJSON},
		{"fixture.w3c.jsonld", ExportW3C},
		{"fixture.md", ExportMarkdown},
		{"fixture.csv", ExportCSV},
		{"fixture.html", ExportPrint},
	}
	for _, e := range exports {
		t.Run(e.file, func(t *testing.T) {
			got, err := e.export(fixtureSet(t), fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, e.file, got)
		})
	}
}
