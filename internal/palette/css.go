package palette

import (
	"fmt"
	"strings"
)

// Theme is the custom properties (without their "--") a theme of the style
// sheet defines, with their values as written.
type Theme map[string]string

// Themes reads the custom properties of a style sheet: light, those of its
// first ":root" rule; dark, light overridden by those of the ":root" rule
// inside "@media (prefers-color-scheme: dark)". Comments are ignored.
func Themes(css string) (light, dark Theme, err error) {
	css = stripComments(css)
	body, _, ok := block(css, ":root")
	if !ok {
		return nil, nil, fmt.Errorf("palette: the style sheet has no :root rule")
	}
	light = declarations(body)
	media, _, ok := block(css, "@media (prefers-color-scheme: dark)")
	if !ok {
		return nil, nil, fmt.Errorf("palette: the style sheet has no dark theme (@media (prefers-color-scheme: dark))")
	}
	darkRoot, _, ok := block(media, ":root")
	if !ok {
		return nil, nil, fmt.Errorf("palette: the dark theme has no :root rule")
	}
	dark = Theme{}
	for k, v := range light {
		dark[k] = v
	}
	for k, v := range declarations(darkRoot) {
		dark[k] = v
	}
	return light, dark, nil
}

// Colour resolves a custom property to a colour, following var()
// references.
func (t Theme) Colour(name string) (RGBA, error) {
	v, ok := t[name]
	for i := 0; ok && i < 8; i++ {
		ref, isVar := strings.CutPrefix(v, "var(--")
		if !isVar {
			break
		}
		v, ok = t[strings.TrimSuffix(ref, ")")]
	}
	if !ok {
		return RGBA{}, fmt.Errorf("palette: no custom property --%s", name)
	}
	c, err := Parse(v)
	if err != nil {
		return RGBA{}, fmt.Errorf("--%s: %w", name, err)
	}
	return c, nil
}

// stripComments removes the /* */ comments of a style sheet.
func stripComments(css string) string {
	var b strings.Builder
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			b.WriteString(css)
			return b.String()
		}
		b.WriteString(css[:i])
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			return b.String()
		}
		css = css[i+2+j+2:]
	}
}

// block finds the first rule whose prelude is exactly prelude (spaces
// aside) and returns its body and what follows it.
func block(css, prelude string) (body, rest string, ok bool) {
	want := strings.Join(strings.Fields(prelude), " ")
	start := 0 // where the current prelude starts
	depth := 0
	for i := 0; i < len(css); i++ {
		switch css[i] {
		case '{':
			if depth == 0 && strings.Join(strings.Fields(css[start:i]), " ") == want {
				end := matching(css, i)
				if end < 0 {
					return "", "", false
				}
				return css[i+1 : end], css[end+1:], true
			}
			depth++
		case '}':
			depth--
			if depth == 0 {
				start = i + 1
			}
		case ';':
			if depth == 0 {
				start = i + 1 // an at-rule without a block (@import)
			}
		}
	}
	return "", "", false
}

// matching returns the index of the brace that closes the one at open.
func matching(css string, open int) int {
	depth := 0
	for i := open; i < len(css); i++ {
		switch css[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// declarations reads the custom properties declared in a rule's body.
func declarations(body string) Theme {
	t := Theme{}
	for _, d := range strings.Split(body, ";") {
		name, value, ok := strings.Cut(d, ":")
		name = strings.TrimSpace(name)
		if n, isCustom := strings.CutPrefix(name, "--"); ok && isCustom {
			t[n] = strings.TrimSpace(value)
		}
	}
	return t
}
