package resolution

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// expected is the structure recorded for a real resolution in
// ../testdata/resolutions/*.expected.json.
type expected struct {
	Symbol     string `json:"symbol"`
	Title      string `json:"title"`
	Preambular int    `json:"preambular"`
	Operative  int    `json:"operative"`
	Footnotes  int    `json:"footnotes"`
	VoteInText bool   `json:"vote_in_text"`
	// Subparagraphs maps a paragraph ("op6", "6" for an operative
	// paragraph, "pp3") to its number of direct sub-paragraphs.
	Subparagraphs map[string]int `json:"subparagraphs"`
	Vote          struct {
		AdoptedWithoutVote bool `json:"adopted_without_vote"`
		InFavour           int  `json:"in_favour"`
		Against            int  `json:"against"`
		Abstaining         int  `json:"abstaining"`
	} `json:"vote"`
}

// subparagraphCounts maps every clause with sub-paragraphs to their number.
func subparagraphCounts(d *Document) map[string]int {
	m := map[string]int{}
	for _, c := range d.Clauses() {
		if len(c.Children) > 0 {
			m[c.ID] = len(c.Children)
		}
	}
	return m
}

func TestEveryRealResolutionMatchesItsExpectedStructure(t *testing.T) {
	paths, err := filepath.Glob("../testdata/resolutions/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no files in ../testdata/resolutions")
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".expected.json")
			if err != nil {
				t.Fatalf("no expected structure: %v", err)
			}
			var want expected
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			d, err := Parse(data)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !d.Recognised {
				t.Errorf("not recognised; notes %q", d.Notes)
			}
			if d.Symbol != want.Symbol {
				t.Errorf("symbol: got %q, want %q", d.Symbol, want.Symbol)
			}
			if d.Title != want.Title {
				t.Errorf("title: got %q, want %q", d.Title, want.Title)
			}
			if got := len(d.Preamble); got != want.Preambular {
				t.Errorf("preambular: got %d, want %d", got, want.Preambular)
			}
			if got := len(d.Operative); got != want.Operative {
				t.Errorf("operative: got %d, want %d", got, want.Operative)
			}
			for _, c := range d.Operative {
				if c.Kind != Operative {
					t.Errorf("%s: got kind %s, want operative", c.ID, c.Kind)
				}
			}
			wantSubs := map[string]int{}
			for k, n := range want.Subparagraphs {
				if strings.Trim(k, "0123456789") == "" {
					k = "op" + k
				}
				wantSubs[strings.ToLower(k)] = n
			}
			gotSubs := subparagraphCounts(d)
			if len(gotSubs) != len(wantSubs) {
				t.Errorf("sub-paragraphs: got %v, want %v", gotSubs, wantSubs)
			}
			for k, n := range wantSubs {
				if gotSubs[k] != n {
					t.Errorf("sub-paragraphs of %s: got %d, want %d", k, gotSubs[k], n)
				}
			}
			if got := len(d.Footnotes); got != want.Footnotes {
				t.Errorf("footnotes: got %d, want %d", got, want.Footnotes)
			}
			for _, f := range d.Footnotes {
				if f.Text == "" || len(f.Clauses) == 0 {
					t.Errorf("footnote %d: got text %q referenced by %q, want a text and a clause", f.Number, f.Text, f.Clauses)
				}
			}
			switch {
			case !want.VoteInText && d.Vote != nil:
				t.Errorf("vote: got %+v, want none (the text states none)", d.Vote)
			case want.VoteInText && d.Vote == nil:
				t.Error("vote: got none, want one")
			case want.VoteInText:
				v := d.Vote
				if v.Recorded == want.Vote.AdoptedWithoutVote {
					t.Errorf("recorded: got %v, want %v", v.Recorded, !want.Vote.AdoptedWithoutVote)
				}
				wantCounts := Counts{want.Vote.InFavour, want.Vote.Against, want.Vote.Abstaining}
				if v.Stated != wantCounts {
					t.Errorf("stated: got %+v, want %+v", v.Stated, wantCounts)
				}
				if got := (Counts{len(v.InFavour), len(v.Against), len(v.Abstaining)}); v.Recorded && got != wantCounts {
					t.Errorf("lists: got %+v, want %+v", got, wantCounts)
				}
			}
			if len(d.Notes) != 0 {
				t.Errorf("notes: got %q, want none", d.Notes)
			}
		})
	}
}

func TestAContinuationStartingWithADigitIsJoined(t *testing.T) {
	data, err := os.ReadFile("../testdata/resolutions/A-RES-73-8.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Parse(data)
	pp6 := mustClause(t, d, "pp6")
	if !strings.Contains(pp6.Text, "57/11 of 12 November 2002, 58/7 of 4 November 2003") ||
		!strings.HasSuffix(pp6.Text, "72/4 of 1 November 2017,") {
		t.Errorf("got %q, want PP6 joined across the page break", pp6.Text)
	}
	if got, want := d.Reference, "without reference to a Main Committee (A/73/L.3)"; got != want {
		t.Errorf("reference: got %q, want %q", got, want)
	}
	if got, want := d.Adoption, (Adoption{Meeting: "30th plenary meeting", Date: "1 November 2018"}); got != want {
		t.Errorf("adoption: got %+v, want %+v", got, want)
	}
	// The only footnote sits after the meeting line.
	if len(d.Footnotes) != 1 || d.Footnotes[0].Text != "A/73/85." || d.Footnotes[0].Clauses[0] != "op1" {
		t.Errorf("footnotes: got %+v, want footnote 1 “A/73/85.” in op1", d.Footnotes)
	}
}

func TestFootnotesBetweenTheHalvesOfASplitParagraphAreTakenOut(t *testing.T) {
	data, err := os.ReadFile("../testdata/resolutions/A-RES-73-6.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Parse(data)
	tests := []struct{ id, contains string }{
		{"pp4", "and to continue to shape the global governance"},
		{"pp13", "would be consistent with the long-standing principles"},
		{"pp23", "which provide a perspective for the preparation of a “Space2030” agenda"},
		{"op5", "participation in space activities for emerging spacefaring nations"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if got := mustClause(t, d, tt.id).Text; !strings.Contains(got, tt.contains) {
				t.Errorf("got %q, want it to contain %q", got, tt.contains)
			}
		})
	}
	// Footnotes 1 and 2 are referenced more than once.
	want := map[int][]string{1: {"pp2", "pp22"}, 2: {"pp5", "op1", "op4"}}
	for _, f := range d.Footnotes {
		if w, ok := want[f.Number]; ok && strings.Join(f.Clauses, " ") != strings.Join(w, " ") {
			t.Errorf("footnote %d: got %q, want %q", f.Number, f.Clauses, w)
		}
	}
	if got, want := leadOf(mustClause(t, d, "pp17")), "Reaffirming"; got != want {
		t.Errorf("lead of “Reaffirming, in that regard,”: got %q, want %q", got, want)
	}
}
