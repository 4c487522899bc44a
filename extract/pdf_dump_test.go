package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDumpPDFText(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../testdata/pdfjs/*.json")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		var d PDFDocument
		json.Unmarshal(b, &d)
		txt, err := PDFText(&d)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(os.Getenv("DUMP"), strings.TrimSuffix(filepath.Base(f), ".json")+".txt"), []byte(txt), 0o644)
	}
}
