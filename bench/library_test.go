package bench

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clausemark/clausemark/resolution"
)

func TestRenameSymbol(t *testing.T) {
	tests := []struct {
		name string
		text []byte
		k    int
		want string
	}{
		{"a symbol the text writes", corpus(t, "S_2018_95-EN.extract.txt"), 2, "S/2018/20095"},
		{"a resolution number only", resolution.Seed(), 1, "A/HRC/RES/54/11"},
		{"a resolution number, far", resolution.Seed(), 299, "A/HRC/RES/352/11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := RenameSymbol(tt.text, tt.k)
			if !ok {
				t.Fatal("not renamed")
			}
			if doc := parse(t, got); doc.Symbol != tt.want {
				t.Errorf("renamed to %q, want %q", doc.Symbol, tt.want)
			}
		})
	}
}

func TestLibraryOfTheSeedAlone(t *testing.T) {
	lib, err := Library([]BaseText{SeedText()}, 120, 5, 7)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range lib {
		if seen[a.Document.Symbol] || len(a.Annotations) != 5 {
			t.Fatalf("%s: twice, or %d annotations", a.Document.Symbol, len(a.Annotations))
		}
		seen[a.Document.Symbol] = true
	}
	if len(lib) != 120 || lib[0].Document.Symbol != "A/HRC/RES/53/11" || lib[119].Document.Symbol != "A/HRC/RES/172/11" {
		t.Errorf("%d documents, %s … %s", len(lib), lib[0].Document.Symbol, lib[len(lib)-1].Document.Symbol)
	}
}

func corpus(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
