package markup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausemark/clausemark/compare"
	"github.com/clausemark/clausemark/resolution"
)

// comparison compares the seed (or another text of testdata) with a
// revised text of compare/testdata/revisions.
func comparison(t *testing.T, old *resolution.Document, revision string) *compare.Comparison {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "compare", "testdata", "revisions", revision))
	if err != nil {
		t.Fatal(err)
	}
	c, err := compare.Compare(old, parseText(t, data))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func parseText(t *testing.T, data []byte) *resolution.Document {
	t.Helper()
	d, err := resolution.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// changes parses the HTML of a comparison into its clause elements.
func changes(t *testing.T, c *compare.Comparison) []*node {
	t.Helper()
	h := ChangesHTML(c)
	// <br> is the one void element the writer uses.
	root := parseHTML(t, strings.ReplaceAll(h, "<br>", ""))
	if len(root.children) != len(c.Matches) {
		t.Fatalf("%d elements for %d matches", len(root.children), len(c.Matches))
	}
	for _, n := range root.children {
		if n.name != "div" || !strings.HasPrefix(n.attrs["class"], ClassChange+" ") {
			t.Fatalf("not a clause element: %v", n)
		}
	}
	return root.children
}

// sideText is the text of a clause element's paragraph as one version
// reads: without what was inserted (old) or deleted (new), and without
// the pilcrows of clause breaks.
func sideText(n *node, old bool) string {
	var b strings.Builder
	var walk func(n *node, skip bool)
	walk = func(n *node, skip bool) {
		if n.name == "" {
			if !skip {
				b.WriteString(n.text)
			}
			return
		}
		if old && n.name == "ins" || !old && n.name == "del" || n.attrs["class"] == ClassBreak {
			skip = true
		}
		for _, c := range n.children {
			walk(c, skip)
		}
	}
	for _, c := range n.children {
		if c.name == "p" {
			walk(c, false)
		}
	}
	return b.String()
}

func count(n *node, name string) int {
	k := 0
	if n.name == name {
		k++
	}
	for _, c := range n.children {
		k += count(c, name)
	}
	return k
}

func find(t *testing.T, ns []*node, attr, value string) (*node, int) {
	t.Helper()
	for i, n := range ns {
		if v, ok := n.attrs[attr]; ok && v == value {
			return n, i
		}
	}
	t.Fatalf("no clause element with %s=%q", attr, value)
	return nil, -1
}

func TestChangesSpellBothVersionsOfEveryClause(t *testing.T) {
	seed := seedDoc(t)
	for _, rev := range []string{"insert-op8.txt", "delete-pp5.txt", "move-op12.txt", "split-op3.txt", "words.txt", "pp33-operative.txt", "merge-op22-op23.txt", "rewrite-lookalike.txt"} {
		t.Run(rev, func(t *testing.T) {
			c := comparison(t, seed, rev)
			ns := changes(t, c)
			unmarked := 0
			for i, m := range c.Matches {
				n := ns[i]
				if got, want := n.attrs[AttrChange], ChangeOf(m); got != want {
					t.Errorf("%s: %s=%q, want %q", m.Label(), AttrChange, got, want)
				}
				if n.attrs[AttrLabel] != m.Label() {
					t.Errorf("label %q, want %q", n.attrs[AttrLabel], m.Label())
				}
				if got, want := sideText(n, false), strings.ReplaceAll(m.NewText(), "\n", ""); got != want {
					t.Errorf("%s: the new version reads\n%q\nwant\n%q", m.Label(), got, want)
				}
				if got, want := sideText(n, true), strings.ReplaceAll(m.OldText(), "\n", ""); got != want {
					t.Errorf("%s: the old version reads\n%q\nwant\n%q", m.Label(), got, want)
				}
				if _, has := n.attrs[AttrChange]; !has {
					unmarked++
					if count(n, "ins")+count(n, "del") != 0 {
						t.Errorf("%s: unchanged, with <ins> or <del>", m.Label())
					}
				}
			}
			k := c.Counts()
			if unmarked == 0 || unmarked > k.Unchanged {
				t.Errorf("%d clauses without a change, of %d unchanged", unmarked, k.Unchanged)
			}
		})
	}
}

func TestChangesShowWhatNegotiatorsLookFor(t *testing.T) {
	seed := seedDoc(t)

	ns := changes(t, comparison(t, seed, "insert-op8.txt"))
	op8, _ := find(t, ns, "id", "op8")
	if op8.attrs[AttrChange] != ChangeInserted || count(op8, "ins") != 1 || !strings.HasPrefix(sideText(op8, false), "Calls upon all States to refrain") {
		t.Errorf("the inserted OP8: %v", op8)
	}
	op9, _ := find(t, ns, "id", "op9")
	if _, has := op9.attrs[AttrChange]; has || op9.attrs[AttrLabel] != "OP9 (was OP8)" || op9.attrs[AttrOld] != "op8" {
		t.Errorf("OP9, renumbered by the insertion: %v", op9)
	}

	ns = changes(t, comparison(t, seed, "delete-pp5.txt"))
	gone, i := find(t, ns, AttrOld, "pp5")
	if gone.attrs[AttrChange] != ChangeDeleted || gone.attrs["id"] != "" || gone.attrs[AttrLabel] != "PP5" || count(gone, "del") != 1 || sideText(gone, false) != "" {
		t.Errorf("the deleted PP5 is not a struck placeholder: %v", gone)
	}
	if before := ns[i-1]; before.attrs["id"] != "pp4" {
		t.Errorf("the deleted PP5 stands after %v, want PP4", before)
	}

	ns = changes(t, comparison(t, seed, "move-op12.txt"))
	moved, _ := find(t, ns, "id", "op15")
	if moved.attrs[AttrChange] != ChangeMoved || moved.attrs[AttrLabel] != "OP15 (was OP12)" {
		t.Errorf("OP12 moved after OP15: %v", moved)
	}

	ns = changes(t, comparison(t, seed, "words.txt"))
	op21, _ := find(t, ns, "id", "op21")
	h := ChangesHTML(comparison(t, seed, "words.txt"))
	if op21.attrs[AttrChange] != ChangeChanged || !strings.Contains(h, "<del>Requests</del><ins>Encourages</ins>") {
		t.Errorf("OP21, Requests → Encourages: %v", op21)
	}
	if !strings.Contains(h, "in a timely<del> and</del><ins>,</ins> transparent<ins> and non-discriminatory</ins> manner") {
		t.Errorf("OP22's words are not marked as a negotiator reads them")
	}

	ns = changes(t, comparison(t, seed, "split-op3.txt"))
	split, _ := find(t, ns, "id", "op3")
	if split.attrs[AttrClause] != "op3 op4" || split.attrs[AttrLabel] != "OP3, OP4 (was OP3)" || split.attrs[AttrChange] != ChangeChanged || !strings.Contains(ChangesHTML(comparison(t, seed, "split-op3.txt")), `<ins class="`+ClassBreak+`"`) {
		t.Errorf("OP3 split in two: %v", split)
	}

	ns = changes(t, comparison(t, seed, "merge-op22-op23.txt"))
	merged, _ := find(t, ns, AttrOld, "op22 op23")
	if merged.attrs[AttrClause] != "op22" || merged.attrs[AttrChange] != ChangeChanged || !strings.Contains(ChangesHTML(comparison(t, seed, "merge-op22-op23.txt")), `<del class="`+ClassBreak+`"`) {
		t.Errorf("OP22 and OP23 merged: %v", merged)
	}

	ns = changes(t, comparison(t, seed, "pp33-operative.txt"))
	turned, _ := find(t, ns, AttrOld, "pp33")
	if turned.attrs["id"] != "op1" || turned.attrs[AttrChange] != ChangeChanged || !strings.Contains(turned.attrs["class"], "cm-operative") {
		t.Errorf("PP33 turned operative: %v", turned)
	}
}

func TestChangesEscapeTheText(t *testing.T) {
	seed := seedDoc(t)
	text := strings.Replace(string(resolution.Seed()), "*Requests* the Office", `*Requests* <script>alert("x")</script> & the Office`, 1)
	c, err := compare.Compare(seed, parseText(t, []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	h := ChangesHTML(c)
	if strings.Contains(h, "<script") || !strings.Contains(h, "&lt;script&gt;") {
		t.Errorf("the inserted text is not escaped")
	}
	changes(t, c) // and it parses
}
