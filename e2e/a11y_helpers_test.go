package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// screen is a size of the viewport the app is checked at, in CSS pixels:
// phones and tablets (portrait) are emulated as mobile devices with touch.
type screen struct {
	Name          string
	Width, Height int64
	Touch         bool
}

// The screens of the issue: an iPhone-sized phone, an iPad Air-sized tablet
// in portrait, and a desktop window.
var (
	phone   = screen{"phone", 390, 844, true}
	tablet  = screen{"tablet", 820, 1180, true}
	desktop = screen{"desktop", 1400, 1000, false}
)

// emulate makes the tab a screen of that size, in the light or dark theme
// (prefers-color-scheme). Call it before loading the page, so that the app
// starts as it would on that device.
func emulate(t testing.TB, ctx context.Context, s screen, dark bool) {
	t.Helper()
	metrics := emulation.SetDeviceMetricsOverrideParams{Width: s.Width, Height: s.Height, DeviceScaleFactor: 1, Mobile: s.Touch}
	if s.Touch {
		metrics.ScreenOrientation = &emulation.ScreenOrientation{Type: emulation.ScreenOrientationTypePortraitPrimary, Angle: 0}
	}
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, metrics); err != nil {
		t.Fatalf("emulating a %s: %v", s.Name, err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: s.Touch, MaxTouchPoints: 5}); err != nil {
		t.Fatalf("emulating touch: %v", err)
	}
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatalf("emulating the %s theme: %v", scheme, err)
	}
}

// box is an element's rectangle on screen (getBoundingClientRect).
type box struct {
	Left, Top, Right, Bottom, Width, Height float64
}

// boxOf returns the rectangle of the first element matching a selector; it
// fails the test when there is none.
func boxOf(t testing.TB, ctx context.Context, sel string) box {
	t.Helper()
	raw := eval[string](t, ctx, `(() => {
		const e = document.querySelector(`+strconv.Quote(sel)+`);
		if (!e) return '';
		const r = e.getBoundingClientRect();
		return JSON.stringify({Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom, Width: r.width, Height: r.height});
	})()`)
	if raw == "" {
		t.Fatalf("no element %s", sel)
	}
	var b box
	if err := json.Unmarshal([]byte(raw), &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// overlaps reports whether two rectangles share some area.
func (b box) overlaps(o box) bool {
	return b.Left < o.Right && o.Left < b.Right && b.Top < o.Bottom && o.Top < b.Bottom
}

// onTop reports whether the element matching sel is what the user sees at
// the middle of its rectangle (nothing covers it there).
func onTop(t testing.TB, ctx context.Context, sel string) bool {
	t.Helper()
	return eval[bool](t, ctx, `(() => {
		const e = document.querySelector(`+strconv.Quote(sel)+`);
		if (!e) return false;
		const r = e.getBoundingClientRect();
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return !!hit && (e === hit || e.contains(hit));
	})()`)
}

// axeSource is axe-core's browser build, installed by make node-deps.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile("../node_modules/axe-core/axe.min.js")
	if err != nil {
		return "", fmt.Errorf("axe-core is not installed (make node-deps): %w", err)
	}
	return string(b), nil
})

// wcag21 are the axe-core tags of the WCAG 2.0 and 2.1 success criteria of
// levels A and AA: the bar the app is held to.
var wcag21 = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeViolation is one rule axe-core finds broken, with the elements that
// break it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s, %d elements", v.ID, v.Impact, v.Help, len(v.Nodes))
	for i, n := range v.Nodes {
		if i == 5 {
			fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n\t%v %.160s\n\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
	}
	return b.String()
}

// axeRun injects axe-core into the page (once per document: through the
// DevTools protocol, which the page's Content-Security-Policy does not
// govern) and runs the WCAG 2.1 A and AA rules on the whole document. It
// returns the violations and the rules axe could not decide on some
// element (incomplete: for a person to review).
func axeRun(t testing.TB, ctx context.Context) ([]axeViolation, []string) {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, ctx, `typeof window.axe === 'object'`) {
		eval[bool](t, ctx, `(() => {`+src+"\n;return true; })()")
	}
	tags, _ := json.Marshal(wcag21)
	raw := eval[string](t, ctx, `(async () => {
		const r = await axe.run(document, {runOnly: {type: 'tag', values: `+string(tags)+`}, resultTypes: ['violations', 'incomplete']});
		return JSON.stringify({violations: r.violations, incomplete: r.incomplete.map(i => i.id + ' (' + i.nodes.length + ')')});
	})()`)
	var out struct {
		Violations []axeViolation `json:"violations"`
		Incomplete []string       `json:"incomplete"`
	}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatalf("reading axe's results: %v", err)
	}
	return out.Violations, out.Incomplete
}

// settle lets two frames pass: what the app renders and places is on
// screen.
func settle(t testing.TB, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

// clickInPlace clicks the middle of the first element matching a selector
// with the mouse, where it is now, without scrolling the page first (as
// click does): a control in the app bar is clicked where the reader sees
// it.
func clickInPlace(t testing.TB, ctx context.Context, sel string) {
	t.Helper()
	b := boxOf(t, ctx, sel)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(b.Left+b.Width/2, b.Top+b.Height/2)); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}
