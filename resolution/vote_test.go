package resolution

import (
	"bytes"
	"strings"
	"testing"
)

func TestAVoteWhoseListsDoNotAddUpIsFlagged(t *testing.T) {
	data := bytes.Replace(Seed(),
		[]byte("recorded vote of 33 to 13, with 1 abstention"),
		[]byte("recorded vote of 34 to 13, with 2 abstentions"), 1)
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	v := d.Vote
	if want := (Counts{InFavour: 34, Against: 13, Abstaining: 2}); v.Stated != want {
		t.Errorf("stated: got %+v, want %+v", v.Stated, want)
	}
	// The lists are reported as printed, never padded to the statement.
	if got := (Counts{len(v.InFavour), len(v.Against), len(v.Abstaining)}); got != (Counts{33, 13, 1}) {
		t.Errorf("lists: got %+v, want {33 13 1}", got)
	}
	want := []string{
		"In favour: the list names 33 States but the statement says 34.",
		"Abstaining: the list names 1 States but the statement says 2.",
	}
	if strings.Join(v.Warnings, "|") != strings.Join(want, "|") {
		t.Errorf("warnings: got %q, want %q", v.Warnings, want)
	}
	for _, w := range want {
		found := false
		for _, n := range d.Notes {
			found = found || n == w
		}
		if !found {
			t.Errorf("notes: got %q, want them to hold %q", d.Notes, w)
		}
	}
}

func TestVoteStatementsGiveTheirCounts(t *testing.T) {
	tests := []struct {
		name     string
		record   string
		recorded bool
		stated   Counts
		lists    Counts
		warnings int
	}{
		{"without a vote", "[Adopted without a vote.]", false, Counts{}, Counts{}, 0},
		{"by consensus", "[Adopted by consensus.]", false, Counts{}, Counts{}, 0},
		{"several abstentions", "[Adopted by a recorded vote of 2 to 1, with 3 abstentions. The voting was as follows:\n\nIn favour:\n\nChile and France\n\nAgainst:\n\nChina\n\nAbstaining:\n\nIndia, Japan and Mexico]",
			true, Counts{2, 1, 3}, Counts{2, 1, 3}, 0},
		{"no abstentions", "[Adopted by a recorded vote of 2 to 0, with no abstentions. The voting was as follows:\n\nIn favour:\n\nAntigua and Barbuda and Trinidad and Tobago]",
			true, Counts{2, 0, 0}, Counts{2, 0, 0}, 0},
		{"no abstention clause", "[Adopted by a recorded vote of 1 to 1. The voting was as follows: In favour: Chile Against: Peru]",
			true, Counts{1, 1, 0}, Counts{1, 1, 0}, 0},
		{"lists without counts", "[The voting was as follows:\n\nIn favour:\n\nChile]", true, Counts{}, Counts{1, 0, 0}, 1},
		{"a bare record after the meeting", "Adopted by a recorded vote of 1 to 0, with 0 abstentions.\n\nIn favour:\n\nChile", true, Counts{1, 0, 0}, Counts{1, 0, 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("General Assembly**Seventy-ninth session**\n\n**79/1. Test***The General Assembly,*\n\n" +
				"Recalling,\n\n1. *Decides*.\n\n*1st plenary meeting\n1 October 2024*\n\n" + tt.record + "\n")
			d, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			v := d.Vote
			if v == nil {
				t.Fatal("got no vote, want one")
			}
			if v.Recorded != tt.recorded {
				t.Errorf("recorded: got %v, want %v", v.Recorded, tt.recorded)
			}
			if v.Stated != tt.stated {
				t.Errorf("stated: got %+v, want %+v", v.Stated, tt.stated)
			}
			if got := (Counts{len(v.InFavour), len(v.Against), len(v.Abstaining)}); got != tt.lists {
				t.Errorf("lists: got %+v (%q %q %q), want %+v", got, v.InFavour, v.Against, v.Abstaining, tt.lists)
			}
			if len(v.Warnings) != tt.warnings {
				t.Errorf("warnings: got %q, want %d", v.Warnings, tt.warnings)
			}
			if len(d.Operative) != 1 {
				t.Errorf("operative: got %q, want op1 only", outline(d))
			}
			checkDocument(t, data, d)
		})
	}
}

func TestVoteListsSplitOnKnownStateNames(t *testing.T) {
	tests := []struct {
		name   string
		list   string
		stated int
		want   []string
	}{
		{"a single name", "Mexico", 1, []string{"Mexico"}},
		{"a name holding and", "Trinidad and Tobago", 1, []string{"Trinidad and Tobago"}},
		{"two names", "Israel and United States of America", 2, []string{"Israel", "United States of America"}},
		{"the last and after a name holding and",
			"France, United Kingdom of Great Britain and Northern Ireland and United States of America", 3,
			[]string{"France", "United Kingdom of Great Britain and Northern Ireland", "United States of America"}},
		{"two names holding and", "Antigua and Barbuda and Bosnia and Herzegovina", 2,
			[]string{"Antigua and Barbuda", "Bosnia and Herzegovina"}},
		{"typographic apostrophes", "Chile and Côte d’Ivoire", 2, []string{"Chile", "Côte d’Ivoire"}},
		{"unknown names in a list", "Atlantis, Lemuria and Mu", 3, []string{"Atlantis", "Lemuria", "Mu"}},
		{"an unknown pair stated as one", "Foo and Bar", 1, []string{"Foo and Bar"}},
		{"an unknown pair stated as two", "Foo and Bar", 2, []string{"Foo", "Bar"}},
		{"line breaks and a full stop", "Algeria,\nArgentina and\nViet Nam.", 3, []string{"Algeria", "Argentina", "Viet Nam"}},
		{"empty", "", 0, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitStates(collapse(tt.list), tt.stated)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
