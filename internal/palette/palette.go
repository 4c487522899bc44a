// Package palette checks the colours of the style sheet the way people see
// them: it reads the custom properties of web/clausemark.css for the light
// and the dark theme, simulates the common colour-vision deficiencies
// (Machado, Oliveira and Fernandes 2009, at full severity), measures how
// far apart two colours look (CIEDE2000) and the contrast of text (WCAG
// 2.1). The tests of the package hold the palette to those measures.
package palette

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is an sRGB colour, each channel in [0, 1].
type RGB struct{ R, G, B float64 }

// RGBA is an sRGB colour with an alpha in [0, 1].
type RGBA struct {
	RGB
	A float64
}

// Over is c painted over the opaque background bg, as a browser blends
// (in sRGB, not linear light).
func (c RGBA) Over(bg RGB) RGB {
	mix := func(f, b float64) float64 { return f*c.A + b*(1-c.A) }
	return RGB{mix(c.R, bg.R), mix(c.G, bg.G), mix(c.B, bg.B)}
}

// Parse reads a CSS colour: #rgb, #rrggbb, rgb(r, g, b) or rgba(r, g, b, a)
// with channels 0–255 (comma or space separated, "/" before alpha).
func Parse(s string) (RGBA, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if hex, ok := strings.CutPrefix(s, "#"); ok {
		if len(hex) == 3 {
			hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
		}
		if len(hex) != 6 {
			return RGBA{}, fmt.Errorf("palette: %q is not a #rrggbb colour", s)
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil {
			return RGBA{}, fmt.Errorf("palette: %q is not a #rrggbb colour", s)
		}
		return RGBA{RGB{float64(v>>16) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}, 1}, nil
	}
	for _, fn := range []string{"rgba(", "rgb("} {
		inner, ok := strings.CutPrefix(s, fn)
		if !ok {
			continue
		}
		inner, ok = strings.CutSuffix(inner, ")")
		if !ok {
			break
		}
		parts := strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
		if len(parts) != 3 && len(parts) != 4 {
			break
		}
		var v [4]float64
		v[3] = 1
		for i, p := range parts {
			f, err := strconv.ParseFloat(p, 64)
			if err != nil {
				return RGBA{}, fmt.Errorf("palette: %q: %v", s, err)
			}
			if i < 3 {
				f /= 255
			}
			v[i] = f
		}
		return RGBA{RGB{v[0], v[1], v[2]}, v[3]}, nil
	}
	return RGBA{}, fmt.Errorf("palette: %q is not a colour this package reads", s)
}

// linear is an sRGB channel in linear light.
func linear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// gamma is a linear channel encoded in sRGB.
func gamma(c float64) float64 {
	c = min(max(c, 0), 1)
	if c <= 0.0031308 {
		return 12.92 * c
	}
	return 1.055*math.Pow(c, 1/2.4) - 0.055
}

// Luminance is the relative luminance of a colour (WCAG 2.1).
func (c RGB) Luminance() float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// Contrast is the contrast ratio of two colours (WCAG 2.1), from 1 to 21.
func Contrast(a, b RGB) float64 {
	x, y := a.Luminance(), b.Luminance()
	return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

// Vision is a way of seeing colour.
type Vision string

// The visions the palette is checked for: typical colour vision and the
// three dichromacies (red-blind, green-blind, blue-blind); the anomalous
// trichromacies, milder, lie between typical vision and these.
const (
	Typical      Vision = "typical"
	Protanopia   Vision = "protanopia"
	Deuteranopia Vision = "deuteranopia"
	Tritanopia   Vision = "tritanopia"
)

// Visions are all the visions, typical first.
var Visions = []Vision{Typical, Protanopia, Deuteranopia, Tritanopia}

// machado are the simulation matrices of Machado, Oliveira and Fernandes
// (2009), severity 1.0, applied to linear RGB.
var machado = map[Vision][3][3]float64{
	Protanopia: {
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998},
	},
	Deuteranopia: {
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881},
	},
	Tritanopia: {
		{1.255528, -0.076749, -0.178779},
		{-0.078411, 0.930809, 0.147602},
		{0.004733, 0.691367, 0.303900},
	},
}

// Seen is the colour as a person with vision v sees it.
func (c RGB) Seen(v Vision) RGB {
	m, ok := machado[v]
	if !ok {
		return c
	}
	l := [3]float64{linear(c.R), linear(c.G), linear(c.B)}
	var o [3]float64
	for i := range o {
		o[i] = m[i][0]*l[0] + m[i][1]*l[1] + m[i][2]*l[2]
	}
	return RGB{gamma(o[0]), gamma(o[1]), gamma(o[2])}
}

// lab is a colour in CIELAB (D65).
type lab struct{ L, A, B float64 }

func (c RGB) lab() lab {
	r, g, b := linear(c.R), linear(c.G), linear(c.B)
	x := (0.4124564*r + 0.3575761*g + 0.1804375*b) / 0.95047
	y := 0.2126729*r + 0.7151522*g + 0.0721750*b
	z := (0.0193339*r + 0.1191920*g + 0.9503041*b) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return lab{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// DeltaE is how different two colours look (CIEDE2000): about 1 is the
// smallest difference people notice side by side, 10 and more is plain.
func DeltaE(a, b RGB) float64 { return deltaE00(a.lab(), b.lab()) }

// deltaE00 is the CIEDE2000 difference of two CIELAB colours (Sharma, Wu
// and Dalal 2005).
func deltaE00(p, q lab) float64 {
	rad := math.Pi / 180
	c1, c2 := math.Hypot(p.A, p.B), math.Hypot(q.A, q.B)
	cb := (c1 + c2) / 2
	g := 0.5 * (1 - math.Sqrt(math.Pow(cb, 7)/(math.Pow(cb, 7)+math.Pow(25, 7))))
	a1, a2 := (1+g)*p.A, (1+g)*q.A
	c1p, c2p := math.Hypot(a1, p.B), math.Hypot(a2, q.B)
	hue := func(b, a float64) float64 {
		if a == 0 && b == 0 {
			return 0
		}
		return math.Mod(math.Atan2(b, a)/rad+360, 360)
	}
	h1, h2 := hue(p.B, a1), hue(q.B, a2)
	dL, dC := q.L-p.L, c2p-c1p
	var dh float64
	switch {
	case c1p*c2p == 0:
	case math.Abs(h2-h1) <= 180:
		dh = h2 - h1
	case h2-h1 > 180:
		dh = h2 - h1 - 360
	default:
		dh = h2 - h1 + 360
	}
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh*rad/2)
	lb, cbp := (p.L+q.L)/2, (c1p+c2p)/2
	var hb float64
	switch {
	case c1p*c2p == 0:
		hb = h1 + h2
	case math.Abs(h1-h2) <= 180:
		hb = (h1 + h2) / 2
	case h1+h2 < 360:
		hb = (h1 + h2 + 360) / 2
	default:
		hb = (h1 + h2 - 360) / 2
	}
	t := 1 - 0.17*math.Cos((hb-30)*rad) + 0.24*math.Cos(2*hb*rad) + 0.32*math.Cos((3*hb+6)*rad) - 0.20*math.Cos((4*hb-63)*rad)
	dth := 30 * math.Exp(-math.Pow((hb-275)/25, 2))
	rc := 2 * math.Sqrt(math.Pow(cbp, 7)/(math.Pow(cbp, 7)+math.Pow(25, 7)))
	sl := 1 + 0.015*math.Pow(lb-50, 2)/math.Sqrt(20+math.Pow(lb-50, 2))
	sc := 1 + 0.045*cbp
	sh := 1 + 0.015*cbp*t
	rt := -math.Sin(2*dth*rad) * rc
	return math.Sqrt(math.Pow(dL/sl, 2) + math.Pow(dC/sc, 2) + math.Pow(dH/sh, 2) + rt*(dC/sc)*(dH/sh))
}
