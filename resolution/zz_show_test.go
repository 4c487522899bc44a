package resolution

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZShow(t *testing.T) {
	for _, f := range strings.Fields(os.Getenv("SHOW")) {
		b, _ := os.ReadFile(f)
		d, _ := Parse(b)
		fmt.Printf("=== %s symbol=%q kind=%q body=%q date=%q distr=%q sponsors=%d %q title=%q\n", f, d.Symbol, d.Kind, d.Body, d.Date, d.Distribution, len(d.Sponsors), d.Sponsors, d.Title)
		fmt.Printf("PP=%d OP=%d other=%q\n", len(d.Preamble), len(d.Operative), d.Other)
		heads := map[string][]string{}
		for _, h := range d.CrossHeadings {
			heads[h.Before] = append(heads[h.Before], h.Text)
		}
		for _, a := range d.Annexes {
			fmt.Printf("ANNEX %s %q %q %d\n", a.ID, a.Heading, a.Title, len(a.Paragraphs))
		}
		for _, c := range d.Clauses() {
			for _, h := range heads[c.ID] {
				fmt.Printf("   ## %s\n", h)
			}
			txt := c.Text
			r := []rune(txt)
			if len(r) > 110 {
				txt = string(r[:60]) + " … " + string(r[len(r)-45:])
			}
			fmt.Printf("%-10s %s [%d fn]\n", c.ID, txt, len(c.Footnotes))
		}
		for _, h := range heads[""] {
			fmt.Printf("   ## (end) %s\n", h)
		}
		for _, f := range d.Footnotes {
			fmt.Printf("FN %d %q %v\n", f.Number, f.Text, f.Clauses)
		}
		fmt.Printf("FURN %q\nNOTES %q\n", d.Furniture, d.Notes)
	}
}
