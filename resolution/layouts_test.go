package resolution

import (
	"os"
	"strings"
	"testing"
)

// The layouts of the UN's documents, one small fixture each in
// testdata/ (real UN text; see the comment of each case for its source).
// Every fixture is also in the never-drop-text property test (realInputs).

// layoutCase is what a fixture must give.
type layoutCase struct {
	file string
	// why says what the fixture is and where its text comes from.
	why                                           string
	symbol, kind, body, date, distribution, title string
	sponsors                                      []string
	outline                                       string // clause ids in order
	// headings are "before: text" for each cross-heading, in order.
	headings []string
	// annexes are "id|heading|title|paragraphs".
	annexes []string
	// texts are some clause texts, exactly.
	texts map[string]string
	// notes is how many notes the parse must give.
	notes int
}

var layoutCases = []layoutCase{
	{
		file: "sc-resolution-2326.txt",
		why: "an adopted Security Council resolution: the text of draft S/2016/1061 as adopted, unchanged, as resolution 2326 (2016) " +
			"at the 7838th meeting on 15 December 2016 (press release SC/12631)",
		symbol: "S/RES/2326 (2016)", kind: KindResolution, body: "Security Council",
		outline: "pp1 pp2 pp3 op1 op2 op3",
		texts: map[string]string{
			"pp2": "Determining that the situation in South Sudan continues to constitute a threat to international peace and security,",
			"pp3": "Acting under Chapter VII of the Charter of the United Nations,",
			"op3": "Decides to remain actively seized of the matter.",
		},
	},
	{
		file:   "sc-draft-2016-1100.txt",
		why:    "a Security Council draft with a sponsor line of four States, its header and some of its paragraphs (S/2016/1100)",
		symbol: "S/2016/1100", kind: KindDraft, body: "Security Council", date: "23 December 2016", distribution: "General",
		sponsors: []string{"Malaysia", "New Zealand", "Senegal", "Bolivarian Republic of Venezuela"},
		outline:  "pp1 pp2 op1 op2 op13",
		notes:    1, // "Operative paragraph 13 follows 2": the excerpt skips 3–12
	},
	{
		file:   "sc-italic-headings-2017-142.txt",
		why:    "cross-headings set in italics in the operative part (S/2017/142, from PP13 to OP6)",
		symbol: "S/2017/142", kind: KindDraft, body: "Security Council", date: "23 February 2017", distribution: "General",
		sponsors: []string{"United Kingdom of Great Britain and Northern Ireland"},
		outline:  "pp1 pp2 op1 op2 op3 op4 op5 op6",
		headings: []string{"op3: Designation Criteria", "op5: Reporting"},
		texts: map[string]string{
			"op2": "Decides to renew until 26 February 2018 the measures imposed by paragraphs 11 and 15 of resolution 2140 (2014), reaffirms the provisions of paragraphs 12, 13, 14 and 16 of resolution 2140 (2015), and further reaffirms the provisions of paragraphs 14 to 17 of resolution 2216 (2015);",
		},
	},
	{
		file:   "sc-bold-headings-2020-445.txt",
		why:    "two bold cross-headings stacked over one paragraph (S/2020/445, OP7 to OP10)",
		symbol: "S/2020/445", kind: KindDraft, body: "Security Council", date: "29 May 2020", distribution: "General",
		sponsors: []string{"United Kingdom of Great Britain and Northern Ireland"},
		outline:  "pp1 op7 op8 op9 op10",
		headings: []string{"op9: AMISOM", "op9: Priorities and tasks"},
	},
	{
		file:   "sc-nested-2018-221.txt",
		why:    "sub-paragraphs on two levels, (a)(i), and an unlabelled chapeau under (d) (S/2018/221, OP6 to OP8)",
		symbol: "S/2018/221", kind: KindDraft, body: "Security Council", date: "15 March 2018", distribution: "General",
		sponsors: []string{"United States of America"},
		outline: "pp1 op6 op7 op7.a op7.a.i op7.a.ii op7.a.iii op7.a.iv op7.a.v op7.a.vi op7.a.vii " +
			"op7.b op7.b.i op7.b.ii op7.c op7.c.i op7.c.ii op7.c.iii op7.c.iv op7.d op7.d.i op7.d.ii op7.d.iii op8",
		texts: map[string]string{
			"op7.a":     "Protection of civilians:",
			"op7.d":     "Supporting the Implementation of the Agreement and the Peace Process: To carry out, within its capabilities, the following tasks in support of the implementation of the Agreement and peace process:",
			"op7.d.iii": "Actively participating in and supporting the work of the JMEC;",
		},
	},
	{
		file:   "sc-annex-2022-158.txt",
		why:    "an annex with a bold title and unnumbered paragraphs after the last operative paragraph (S/2022/158, OP23 to the end)",
		symbol: "S/2022/158", kind: KindDraft, body: "Security Council", date: "28 February 2022", distribution: "General",
		sponsors: []string{"United Kingdom of Great Britain and Northern Ireland"},
		outline:  "pp1 op23 op24 annex1.p1 annex1.p2 annex1.p3 annex1.p4",
		annexes:  []string{"annex1|Annex|THE HOUTHIS, AKA: ANSARALLAH, AKA: ANSAR ALLAH, AKA: PARTISANS OF GOD, AKA: SUPPORTERS OF GOD|4"},
		texts: map[string]string{
			"annex1.p3": "The Houthis have conducted attacks on commercial shipping in the Red Sea using waterborne improvised explosive devices and sea mines.",
		},
	},
	{
		file: "hrc-5-1-annex.txt",
		why: "Human Rights Council resolution 5/1 (2007) and the beginning of its annex: a quoted draft inside OP2, the meeting, " +
			"the vote record with a footnote marker, headings (one numbered, “1. Principles”), numbered annex paragraphs with letters",
		symbol: "A/HRC/RES/5/1", kind: KindResolution, body: "Human Rights Council",
		title:    "Institution-building of the United Nations Human Rights Council",
		outline:  "pp1 pp2 op1 op2 annex1.p1 annex1.p1.a annex1.p1.b annex1.p1.c annex1.p1.d annex1.p2 annex1.p3 annex1.p3.a",
		headings: []string{"annex1.p1: I. UNIVERSAL PERIODIC REVIEW MECHANISM", "annex1.p1: A. Basis of the review", "annex1.p3: B. Principles and objectives", "annex1.p3: 1. Principles"},
		annexes:  []string{"annex1|Annex|UNITED NATIONS HUMAN RIGHTS COUNCIL: INSTITUTION-BUILDING|3"},
		texts: map[string]string{
			"op2": "Decides to submit the following draft resolution to the General Assembly for its adoption as a matter of priority in order to facilitate the timely implementation of the text contained thereafter: “The General Assembly, “Taking note of Human Rights Council resolution 5/1 of 18 June 2007, “1. Welcomes the text entitled ‘United Nations Human Rights Council: Institution‑Building’, as contained in the annex to the present resolution, including its appendix(ces).”",
		},
		notes: 1, // the footnote marker is on the vote record, not in a clause
	},
	{
		file: "annexes-i-ii.txt",
		why: "two annexes (composite of real texts: the annex of S/2022/158 as “Annex I”, the beginning of the annex of " +
			"Human Rights Council resolution 5/1 as “Annex II”): each numbers its paragraphs anew, no id repeats",
		symbol: "S/2022/158", kind: KindDraft, body: "Security Council", date: "28 February 2022", distribution: "General",
		sponsors: []string{"United Kingdom of Great Britain and Northern Ireland"},
		outline: "pp1 op23 op24 annex1.p1 annex1.p2 annex1.p3 annex1.p4 " +
			"annex2.p1 annex2.p1.a annex2.p1.b annex2.p1.c annex2.p1.d annex2.p2 annex2.p3 annex2.p3.a",
		headings: []string{"annex2.p1: I. UNIVERSAL PERIODIC REVIEW MECHANISM", "annex2.p1: A. Basis of the review", "annex2.p3: B. Principles and objectives", "annex2.p3: 1. Principles"},
		annexes: []string{"annex1|Annex I|THE HOUTHIS, AKA: ANSARALLAH, AKA: ANSAR ALLAH, AKA: PARTISANS OF GOD, AKA: SUPPORTERS OF GOD|4",
			"annex2|Annex II|UNITED NATIONS HUMAN RIGHTS COUNCIL: INSTITUTION-BUILDING|3"},
	},
	{
		file:   "sc-resolution-2403.txt",
		why:    "a single unnumbered operative paragraph (“Decides that …”), Security Council resolution 2403 (2018) (press release SC/13229)",
		symbol: "S/RES/2403 (2018)", kind: KindResolution, body: "Security Council",
		outline: "pp1 pp2 pp3 op1",
	},
	{
		file: "sc-resolution-1571-pasted.txt",
		why: "a single unnumbered operative paragraph in a text copied from the PDF of Security Council resolution 1571 (2004): " +
			"page furniture, the body and distribution on one line, hard-wrapped lines, no blank lines",
		symbol: "S/RES/1571 (2004)", kind: KindResolution, body: "Security Council", date: "4 November 2004", distribution: "General",
		outline: "pp1 pp2 pp3 op1",
		texts: map[string]string{
			"pp1": "Noting with regret the resignation of Judge Gilbert Guillaume, taking effect on 11 February 2005,",
			"op1": "Decides that the election to fill the vacancy shall take place on 15 February 2005 at a meeting of the Security Council and at a meeting of the General Assembly at its fifty-ninth session.",
		},
	},
	{
		file: "ecosoc-decides-a-c.txt",
		why: "a single unnumbered “Decides:” with (a)–(c) (composite of real texts: the preamble of Economic and Social Council " +
			"resolution 1768 (LIV) and three items of its decision 1975/65 (ORG-75)); “Conscious” opens a preambular paragraph",
		body:    "Economic and Social Council",
		outline: "pp1 pp2 op1 op1.a op1.b op1.c",
		texts:   map[string]string{"op1": "Decides:"},
	},
	{
		file: "ecosoc-2018-27-pasted.txt",
		why: "Economic and Social Council resolution 2018/27 as copied from its Word file: tabs, the symbol and running title " +
			"on every page, job numbers, barcode and page numbers, bracketed image links; the copy stops inside PP2",
		symbol: "E/RES/2018/27", kind: KindResolution, body: "Economic and Social Council", date: "7 August 2018", distribution: "General",
		title:   "Report of the Committee for Development Policy on its twentieth session",
		outline: "pp1 pp2",
		notes:   1, // "No numbered operative paragraphs were found."
	},
}

func TestEachLayoutGivesItsStructure(t *testing.T) {
	for _, tt := range layoutCases {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(data)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			checkDocument(t, data, d)
			eq(t, "symbol", d.Symbol, tt.symbol)
			eq(t, "kind", d.Kind, tt.kind)
			eq(t, "body", d.Body, tt.body)
			eq(t, "date", d.Date, tt.date)
			eq(t, "distribution", d.Distribution, tt.distribution)
			if tt.title != "" {
				eq(t, "title", d.Title, tt.title)
			}
			eq(t, "sponsors", strings.Join(d.Sponsors, "|"), strings.Join(tt.sponsors, "|"))
			eq(t, "clauses", outline(d), tt.outline)
			var heads []string
			for _, h := range d.CrossHeadings {
				heads = append(heads, h.Before+": "+h.Text)
			}
			eq(t, "cross-headings", strings.Join(heads, " | "), strings.Join(tt.headings, " | "))
			var annexes []string
			for _, a := range d.Annexes {
				annexes = append(annexes, a.ID+"|"+a.Heading+"|"+a.Title+"|"+itoa(len(a.Paragraphs)))
			}
			eq(t, "annexes", strings.Join(annexes, " "), strings.Join(tt.annexes, " "))
			for id, want := range tt.texts {
				if c := mustClause(t, d, id); c.Text != want {
					t.Errorf("%s: got %q, want %q", id, c.Text, want)
				}
			}
			if len(d.Notes) != tt.notes {
				t.Errorf("notes: got %q, want %d", d.Notes, tt.notes)
			}
		})
	}
}

func TestAnnexParagraphsAreClausesAfterTheOperativePartWithTheirOwnLabels(t *testing.T) {
	data, err := os.ReadFile("testdata/annexes-i-ii.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Parse(data)
	tests := []struct{ id, label, number string }{
		{"annex1.p2", "Annex I, 2", ""},   // unnumbered: the id counts the position
		{"annex2.p1", "Annex II, 1", "1"}, // numbered: the printed number
		{"annex2.p1.d", "Annex II, 1(d)", "d"},
		{"annex2.p3", "Annex II, 3", "3"},
	}
	for _, tt := range tests {
		c := mustClause(t, d, tt.id)
		if c.Label != tt.label || c.Number != tt.number {
			t.Errorf("%s: got label %q number %q, want %q %q", tt.id, c.Label, c.Number, tt.label, tt.number)
		}
	}
	if k := mustClause(t, d, "annex1.p1").Kind; k != AnnexParagraph {
		t.Errorf("kind: got %s, want %s", k, AnnexParagraph)
	}
	if len(d.Operative) != 2 {
		t.Errorf("operative: got %d, want 2 (annex paragraphs are not operative paragraphs)", len(d.Operative))
	}
	for _, h := range d.CrossHeadings {
		if h.Annex != "annex2" {
			t.Errorf("heading %q: got annex %q, want annex2", h.Text, h.Annex)
		}
	}
}

func TestTheVoteRecordAndTheMeetingComeBeforeTheAnnex(t *testing.T) {
	data, err := os.ReadFile("testdata/hrc-5-1-annex.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Parse(data)
	if got, want := d.Adoption, (Adoption{Meeting: "9th meeting", Date: "18 June 2007"}); got != want {
		t.Errorf("adoption: got %+v, want %+v", got, want)
	}
	if d.Vote == nil || d.Vote.Recorded || !strings.Contains(d.Vote.Statement, "adopted without a vote") {
		t.Errorf("vote: got %+v, want adopted without a vote", d.Vote)
	}
	if len(d.Footnotes) != 1 || d.Footnotes[0].Text != "See A/HRC/5/21, chap. III, paras. 60-62." {
		t.Errorf("footnotes: got %+v, want footnote 1", d.Footnotes)
	}
}
