package palette

import (
	"math"
	"os"
	"testing"
)

// The bar the style sheet's palette is held to, for typical vision and
// each dichromacy (CIEDE2000; about 1 is the least difference people see
// side by side).
const (
	// The underlines, the chips' letters and the panel's borders of two
	// tags.
	minInkApart = 15
	// The tints of two tags' highlights, over the paper.
	minTintApart = 7
	// A tag's tint and the clause a link points to (the target).
	minTintFromTarget = 7
	// A tag's underline and the target.
	minInkFromTarget = 25
	// The contrast of a tag's letter (WCAG 1.4.3, small text).
	minLetterContrast = 4.5
	// The contrast of an underline with the paper (WCAG 1.4.11).
	minInkContrast = 3
)

var tags = []string{"commitment", "request", "concern"}

func themes(t *testing.T) map[string]Theme {
	t.Helper()
	css, err := os.ReadFile("../../web/clausemark.css")
	if err != nil {
		t.Fatal(err)
	}
	light, dark, err := Themes(string(css))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]Theme{"light": light, "dark": dark}
}

func colour(t *testing.T, th Theme, name string) RGBA {
	t.Helper()
	c, err := th.Colour(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTheTagsStayApartForEveryVisionInBothThemes(t *testing.T) {
	for name, th := range themes(t) {
		paper := colour(t, th, "paper").RGB
		target := colour(t, th, "target").Over(paper)
		ink := map[string]RGB{}
		tint := map[string]RGB{}
		letter := map[string]RGB{}
		for _, tag := range tags {
			ink[tag] = colour(t, th, tag).Over(paper)
			tint[tag] = colour(t, th, tag+"-bg").Over(paper)
			letter[tag] = colour(t, th, tag+"-letter").Over(paper)
		}
		for _, v := range Visions {
			for i, a := range tags {
				for _, b := range tags[i+1:] {
					if d := DeltaE(ink[a].Seen(v), ink[b].Seen(v)); d < minInkApart {
						t.Errorf("%s theme, %s: the underlines of %s and %s are %.1f apart, want %d", name, v, a, b, d, minInkApart)
					}
					if d := DeltaE(letter[a].Seen(v), letter[b].Seen(v)); d < minInkApart {
						t.Errorf("%s theme, %s: the letters of %s and %s are %.1f apart, want %d", name, v, a, b, d, minInkApart)
					}
					if d := DeltaE(tint[a].Seen(v), tint[b].Seen(v)); d < minTintApart {
						t.Errorf("%s theme, %s: the highlights of %s and %s are %.1f apart, want %d", name, v, a, b, d, minTintApart)
					}
				}
				if d := DeltaE(tint[a].Seen(v), target.Seen(v)); d < minTintFromTarget {
					t.Errorf("%s theme, %s: the highlight of %s is %.1f from the target, want %d", name, v, a, d, minTintFromTarget)
				}
				if d := DeltaE(ink[a].Seen(v), target.Seen(v)); d < minInkFromTarget {
					t.Errorf("%s theme, %s: the underline of %s is %.1f from the target, want %d", name, v, a, d, minInkFromTarget)
				}
			}
		}
	}
}

func TestTagLettersAndUnderlinesReadInBothThemes(t *testing.T) {
	for name, th := range themes(t) {
		paper := colour(t, th, "paper").RGB
		fg := colour(t, th, "tag-letter-ink").Over(paper)
		for _, tag := range tags {
			bg := colour(t, th, tag+"-letter").Over(paper)
			if c := Contrast(fg, bg); c < minLetterContrast {
				t.Errorf("%s theme: the letter of %s has a contrast of %.2f, want %.1f", name, tag, c, minLetterContrast)
			}
			if c := Contrast(colour(t, th, tag).Over(paper), paper); c < minInkContrast {
				t.Errorf("%s theme: the underline of %s has a contrast of %.2f with the paper, want %d", name, tag, c, minInkContrast)
			}
			// The text on a highlight, and on the target.
			text := colour(t, th, "ink").Over(paper)
			if c := Contrast(text, colour(t, th, tag+"-bg").Over(paper)); c < 4.5 {
				t.Errorf("%s theme: text on a %s highlight has a contrast of %.2f", name, tag, c)
			}
			if c := Contrast(text, colour(t, th, "target").Over(paper)); c < 4.5 {
				t.Errorf("%s theme: text on the target has a contrast of %.2f", name, c)
			}
		}
		if c := Contrast(colour(t, th, "danger").Over(paper), paper); c < 4.5 {
			t.Errorf("%s theme: the colour of Delete has a contrast of %.2f, want 4.5", name, c)
		}
	}
}

// Sharma, Wu and Dalal's test data for CIEDE2000 (a few of its 34 pairs).
func TestDeltaE00MatchesTheReferenceData(t *testing.T) {
	for _, c := range []struct {
		a, b lab
		want float64
	}{
		{lab{50, 2.6772, -79.7751}, lab{50, 0, -82.7485}, 2.0425},
		{lab{50, 3.1571, -77.2803}, lab{50, 0, -82.7485}, 2.8615},
		{lab{50, -1.3802, -84.2814}, lab{50, 0, -82.7485}, 1.0000},
		{lab{50, 2.5, 0}, lab{73, 25, -18}, 27.1492},
		{lab{50, 2.5, 0}, lab{56, -27, -3}, 31.9030},
		{lab{60.2574, -34.0099, 36.2677}, lab{60.4626, -34.1751, 39.4387}, 1.2644},
		{lab{22.7233, 20.0904, -46.6940}, lab{23.0331, 14.9730, -42.5619}, 2.0373},
		{lab{90.9257, -0.5406, -0.9208}, lab{88.6381, -0.8985, -0.7239}, 1.5381},
		{lab{2.0776, 0.0795, -1.1350}, lab{0.9033, -0.0636, -0.5514}, 0.9082},
	} {
		if got := deltaE00(c.a, c.b); math.Abs(got-c.want) > 1e-4 {
			t.Errorf("ΔE00(%v, %v) = %.4f, want %.4f", c.a, c.b, got, c.want)
		}
		if got := deltaE00(c.b, c.a); math.Abs(got-c.want) > 1e-4 {
			t.Errorf("ΔE00 is not symmetric for %v, %v: %.4f", c.a, c.b, got)
		}
	}
}

func TestContrastAndSimulation(t *testing.T) {
	white, black := RGB{1, 1, 1}, RGB{}
	if c := Contrast(white, black); math.Abs(c-21) > 1e-9 {
		t.Errorf("white on black: %v, want 21", c)
	}
	grey := mustParse(t, "#777777").RGB
	if c := Contrast(grey, white); math.Abs(c-4.48) > 0.01 {
		t.Errorf("#777 on white: %.3f, want 4.48", c)
	}
	red, green := mustParse(t, "#d00000").RGB, mustParse(t, "#4a8a00").RGB
	for _, v := range Visions {
		// Greys are seen as they are: the matrices keep white white.
		if d := DeltaE(white.Seen(v), white); d > 0.5 {
			t.Errorf("%s: white is seen %.2f away", v, d)
		}
		if d := DeltaE(grey.Seen(v), grey); d > 0.5 {
			t.Errorf("%s: grey is seen %.2f away", v, d)
		}
	}
	// Red and green, plain to typical vision, draw close for the
	// red-green dichromacies and stay apart for tritanopia.
	typical := DeltaE(red, green)
	for _, v := range []Vision{Protanopia, Deuteranopia} {
		if d := DeltaE(red.Seen(v), green.Seen(v)); d > typical/3 {
			t.Errorf("%s: red and green are %.1f apart (typical %.1f)", v, d, typical)
		}
	}
	if d := DeltaE(red.Seen(Tritanopia), green.Seen(Tritanopia)); d < typical/2 {
		t.Errorf("tritanopia: red and green are %.1f apart (typical %.1f)", d, typical)
	}
}

func mustParse(t *testing.T, s string) RGBA {
	t.Helper()
	c, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseAndThemes(t *testing.T) {
	for in, want := range map[string]RGBA{
		"#fff":                    {RGB{1, 1, 1}, 1},
		"#FF0000":                 {RGB{1, 0, 0}, 1},
		"rgba(0, 0, 255, 0.5)":    {RGB{0, 0, 1}, 0.5},
		"rgb(0 255 0)":            {RGB{0, 1, 0}, 1},
		"rgb(255 255 255 / 0.25)": {RGB{1, 1, 1}, 0.25},
		" rgba(255,255,255,1.0) ": {RGB{1, 1, 1}, 1},
	} {
		if got := mustParse(t, in); got != want {
			t.Errorf("Parse(%q) = %+v, want %+v", in, got, want)
		}
	}
	for _, bad := range []string{"", "#12", "#12345g", "red", "rgb(1, 2)", "rgb(a, b, c)", "hsl(0, 0%, 0%)"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		}
	}
	css := `/* :root { --x: #000; } */
:root { --paper: #ffffff; --ink: #000; --link: var(--ink); }
a { color: red; }
@media (prefers-color-scheme: dark) {
  :root { --paper: #000000; --ink: #fff; }
  a { color: blue; }
}`
	light, dark, err := Themes(css)
	if err != nil {
		t.Fatal(err)
	}
	if light["paper"] != "#ffffff" || dark["paper"] != "#000000" || dark["link"] != "var(--ink)" {
		t.Errorf("light %v, dark %v", light, dark)
	}
	if c, err := dark.Colour("link"); err != nil || c.RGB != (RGB{1, 1, 1}) {
		t.Errorf("dark --link: %v, %v", c, err)
	}
	if _, err := light.Colour("missing"); err == nil {
		t.Error("a missing property: no error")
	}
	if _, _, err := Themes(":root { --a: #000; }"); err == nil {
		t.Error("no dark theme: no error")
	}
}
