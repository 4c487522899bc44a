package resolution

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// parseSeed parses the embedded seed, failing the test on error.
func parseSeed(t *testing.T) *Document {
	t.Helper()
	d, err := Parse(Seed())
	if err != nil {
		t.Fatalf("Parse(seed): got error %v, want none", err)
	}
	return d
}

// mustClause returns the clause with id, failing the test if it is missing.
func mustClause(t *testing.T, d *Document, id string) *Clause {
	t.Helper()
	c := d.Clause(id)
	if c == nil {
		t.Fatalf("clause %s is missing", id)
	}
	return c
}

// leadOf returns the opening phrase of a clause.
func leadOf(c *Clause) string { return string([]rune(c.Text)[:c.Lead]) }

func TestTheSeedMetadataMatchesTheGroundTruth(t *testing.T) {
	d := parseSeed(t)
	tests := []struct{ name, got, want string }{
		{"symbol", d.Symbol, "A/HRC/RES/53/11"},
		{"number", d.Number, "53/11"},
		{"title", d.Title, "Enhancement of international cooperation in the field of human rights"},
		{"body", d.Body, "Human Rights Council"},
		{"session", d.Session, "Fifty-third session"},
		{"dates", d.Dates, "19 June–14 July 2023"},
		{"agenda item", d.AgendaItem, "3"},
		{"agenda title", d.AgendaTitle, "Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development"},
		{"heading", d.Heading, "Resolution adopted by the Human Rights Council on 12 July 2023"},
		{"enacting formula", d.EnactingFormula, "The Human Rights Council,"},
		{"reference", d.Reference, ""},
		{"meeting", d.Adoption.Meeting, "34th meeting"},
		{"adoption date", d.Adoption.Date, "12 July 2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if !d.Recognised {
		t.Error("the seed is not recognised")
	}
	if len(d.Notes) != 0 || len(d.Other) != 0 {
		t.Errorf("got notes %q and other header text %q, want none", d.Notes, d.Other)
	}
}

func TestTheSeedHas33PreambularAnd37OperativeParagraphs(t *testing.T) {
	d := parseSeed(t)
	if got := len(d.Preamble); got != 33 {
		t.Errorf("preambular: got %d, want 33", got)
	}
	if got := len(d.Operative); got != 37 {
		t.Errorf("operative: got %d, want 37", got)
	}
	for i, c := range d.Preamble {
		if want := "pp" + itoa(i+1); c.ID != want || c.Kind != Preambular || c.Label != "PP"+itoa(i+1) {
			t.Errorf("preambular %d: got %s %s %s, want %s", i, c.ID, c.Label, c.Kind, want)
		}
	}
	for i, c := range d.Operative {
		if want := "op" + itoa(i+1); c.ID != want || c.Kind != Operative || c.Number != itoa(i+1) {
			t.Errorf("operative %d: got %s %s %s, want %s", i, c.ID, c.Number, c.Kind, want)
		}
	}
	for _, c := range d.Clauses() {
		if len(c.Children) != 0 {
			t.Errorf("%s: got %d sub-paragraphs, want none", c.ID, len(c.Children))
		}
	}
}

func TestPageBreaksInsideParagraphsAreJoined(t *testing.T) {
	d := parseSeed(t)
	tests := []struct{ id, want string }{
		{"pp7", "Reaffirming General Assembly resolution 33/134 of 19 December 1978, entitled “United Nations Conference on Technical Cooperation among Developing Countries”, in which the Assembly endorsed the Buenos Aires Plan of Action for Promoting and Implementing Technical Cooperation among Developing Countries,"},
		{"op10", "Calls upon the international community to maximize the benefits of globalization through, inter alia, the strengthening and enhancement of international cooperation and global communications for the promotion of understanding and respect for cultural diversity;"},
		{"pp8", "Recalling resolution 2000/22 of 18 August 2000 on the promotion of dialogue on human rights issues, adopted by the Subcommittee on the Promotion and Protection of Human Rights at its fifty-second session,"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if got := mustClause(t, d, tt.id).Text; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTheSeedFootnotesAreWhereTheGroundTruthSays(t *testing.T) {
	d := parseSeed(t)
	if len(d.Footnotes) != 5 {
		t.Fatalf("got %d footnotes, want 5", len(d.Footnotes))
	}
	tests := []struct {
		number int
		clause string
		after  string // the text right before the marker
		text   string
	}{
		{1, "pp8", "at its fifty-second session,", "See E/CN.4/2001/2–E/CN.4/Sub.2/2000/46, chap. II, sect. A."},
		{2, "pp10", "to commemorate the tenth and twentieth anniversaries of the adoption of the Durban Declaration and Programme of Action,", "See General Assembly resolutions 66/3 and 76/1."},
		{3, "pp14", "moving together to build a healthier world\",", "See General Assembly resolution 74/2."},
		{4, "op20", "in the Field of Human Rights;", "A/HRC/52/80."},
		{5, "op32", "at the present session;", "A/HRC/53/46."},
	}
	for _, tt := range tests {
		t.Run("footnote "+itoa(tt.number), func(t *testing.T) {
			f := d.Footnotes[tt.number-1]
			if f.Number != tt.number || f.Text != tt.text {
				t.Errorf("got %d %q, want %d %q", f.Number, f.Text, tt.number, tt.text)
			}
			if len(f.Clauses) != 1 || f.Clauses[0] != tt.clause {
				t.Errorf("clauses: got %q, want [%s]", f.Clauses, tt.clause)
			}
			c := mustClause(t, d, tt.clause)
			if len(c.Footnotes) != 1 || c.Footnotes[0].Number != tt.number {
				t.Fatalf("refs of %s: got %+v, want footnote %d", tt.clause, c.Footnotes, tt.number)
			}
			before := string([]rune(c.Text)[:c.Footnotes[0].At])
			if !strings.HasSuffix(before, tt.after) {
				t.Errorf("text before the marker: got …%q, want …%q", tail(before, 60), tt.after)
			}
		})
	}
	// PP10's marker is mid-sentence: the text goes on after it.
	pp10 := mustClause(t, d, "pp10")
	if at, n := pp10.Footnotes[0].At, utf8.RuneCountInString(pp10.Text); at != 445 || at >= n {
		t.Errorf("PP10 marker: got At %d of %d, want 445, inside the text", at, n)
	}
	if got, want := string([]rune(pp10.Text)[445:]), " and their role in the enhancement of international cooperation in the field of human rights,"; got != want {
		t.Errorf("text after the PP10 marker: got %q, want %q", got, want)
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

func TestTheSeedVoteAddsUp(t *testing.T) {
	d := parseSeed(t)
	v := d.Vote
	if v == nil {
		t.Fatal("got no vote, want the recorded vote")
	}
	if !v.Recorded {
		t.Error("got an unrecorded vote, want a recorded one")
	}
	if want := (Counts{InFavour: 33, Against: 13, Abstaining: 1}); v.Stated != want {
		t.Errorf("stated: got %+v, want %+v", v.Stated, want)
	}
	if got := (Counts{len(v.InFavour), len(v.Against), len(v.Abstaining)}); got != v.Stated {
		t.Errorf("list lengths: got %+v, want %+v", got, v.Stated)
	}
	if want := "Adopted by a recorded vote of 33 to 13, with 1 abstention."; v.Statement != want {
		t.Errorf("statement: got %q, want %q", v.Statement, want)
	}
	if len(v.Abstaining) != 1 || v.Abstaining[0] != "Mexico" {
		t.Errorf("abstaining: got %q, want [Mexico]", v.Abstaining)
	}
	names := []struct {
		list []string
		i    int
		want string
	}{
		{v.InFavour, 0, "Algeria"},
		{v.InFavour, 4, "Bolivia (Plurinational State of)"},
		{v.InFavour, 9, "Côte d'Ivoire"},
		{v.InFavour, 31, "Uzbekistan"},
		{v.InFavour, 32, "Viet Nam"},
		{v.Against, 11, "United Kingdom of Great Britain and Northern Ireland"},
		{v.Against, 12, "United States of America"},
	}
	for _, n := range names {
		if n.i >= len(n.list) || n.list[n.i] != n.want {
			t.Errorf("name %d: got %q, want %q", n.i, n.list, n.want)
		}
	}
	if len(v.Warnings) != 0 {
		t.Errorf("warnings: got %q, want none", v.Warnings)
	}
}

func TestTheSeedLeadsAreTheOpeningPhrases(t *testing.T) {
	d := parseSeed(t)
	tests := []struct{ id, want string }{
		{"pp1", "Reaffirming its commitment"},
		{"pp3", "Recalling also"},
		{"pp4", "Recalling further"},
		{"pp9", "Taking note with appreciation of"},
		{"pp11", "Deeply concerned"},
		{"pp15", "Recognizing with deep concern"},
		{"pp22", "Determined"},
		{"op6", "Also reaffirms"},
		{"op8", "Expresses its concern"},
		{"op10", "Calls upon"},
		{"op14", "Re-emphasizes"},
		{"op20", "Takes note"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if got := leadOf(mustClause(t, d, tt.id)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
