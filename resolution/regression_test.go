package resolution

import (
	"os"
	"testing"
)

// TestTheExistingTextsKeepTheirClauseIdsAndTexts guards the annotations
// made on the texts the parser read before it learnt the UN's other
// layouts: the hashes of their clause ids and texts (TextSHA256) are those
// the parser of commit 534b896 gave, so every clause keeps its id and its
// text (and every annotation its anchor).
func TestTheExistingTextsKeepTheirClauseIdsAndTexts(t *testing.T) {
	tests := []struct {
		path    string
		clauses int
		hash    string
	}{
		{"seed", 70, "eccb16b4ea6b0a836bef8aa92f88b5d196701de0a37ca7ec1022b1cc1e47329a"},
		{"../testdata/resolutions/A-RES-73-6.txt", 39, "31e2a473503b90a61950daac04f84d3d99d7f42e428229cfd874db3d4225e494"},
		{"../testdata/resolutions/A-RES-73-7.txt", 41, "a4faff613c4aef62f3a78da10c02aa52fcfe3505f072de801736326c05fea87e"},
		{"../testdata/resolutions/A-RES-73-8.txt", 13, "05af636b9f5c692b05b65f560c4d18e7e97225350399cdbe9a8313fd4be0c5d7"},
		{"testdata/subparagraphs.txt", 30, "9fd11c79021e61e798ec5d167b103da86ada37132934bcc640df107977375b9e"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			data := Seed()
			if tt.path != "seed" {
				var err error
				if data, err = os.ReadFile(tt.path); err != nil {
					t.Fatal(err)
				}
			}
			d, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(d.Clauses()); got != tt.clauses {
				t.Errorf("clauses: got %d, want %d", got, tt.clauses)
			}
			if got := d.TextSHA256(); got != tt.hash {
				t.Errorf("TextSHA256: got %s, want %s (a clause id or text changed)", got, tt.hash)
			}
			if len(d.CrossHeadings) != 0 || len(d.Annexes) != 0 || len(d.Furniture) != 0 {
				t.Errorf("got cross-headings %v, annexes %v, furniture %q, want none", d.CrossHeadings, d.Annexes, d.Furniture)
			}
		})
	}
}
