package chromium

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestProblemIsAnErrorAnExceptionOrTheDeathOfGo(t *testing.T) {
	cases := []struct {
		m    chromedp.ConsoleMessage
		want bool
	}{
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleError, Text: "Failed to load resource"}, true},
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleException, Text: "Uncaught TypeError: x is undefined"}, true},
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleLog, Text: "panic: runtime error: index out of range"}, true},
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleWarning, Text: "fatal error: all goroutines are asleep"}, true},
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleLog, Text: "Go program has already exited"}, true},
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleLog, Text: "exit code: 2"}, true},
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleLog, Text: "Took 12 ms"}, false},
		{chromedp.ConsoleMessage{Type: chromedp.ConsoleWarning, Text: "deprecated API"}, false},
	}
	for _, c := range cases {
		if got := Problem(c.m); got != c.want {
			t.Errorf("Problem(%s %q) = %v, want %v", c.m.Type, c.m.Text, got, c.want)
		}
	}
}

func TestDescribeNamesTheTypeTextAndOneBasedLine(t *testing.T) {
	m := chromedp.ConsoleMessage{Type: chromedp.ConsoleError, Text: "boom", URL: "http://127.0.0.1:1/app.js", Line: 9}
	if got, want := Describe(m), "error: boom (http://127.0.0.1:1/app.js:10)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	m.URL = ""
	if got, want := Describe(m), "error: boom"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestProblemsKeepsEachDistinctProblemOnceUpToMax(t *testing.T) {
	var died []string
	p := &problems{o: WatchOptions{
		Max:      2,
		Expected: func(s string) bool { return s == "expected" },
		GoDied:   func(s string) { died = append(died, s) },
	}}
	for _, m := range []chromedp.ConsoleMessage{
		{Type: chromedp.ConsoleError, Text: "one"},
		{Type: chromedp.ConsoleLog, Text: "not a problem"},
		{Type: chromedp.ConsoleError, Text: "expected"},
		{Type: chromedp.ConsoleError, Text: "one"},
		{Type: chromedp.ConsoleLog, Text: "panic: boom"},
		{Type: chromedp.ConsoleError, Text: "three"},
		{Type: chromedp.ConsoleLog, Text: "exit code: 2"},
	} {
		p.add(m)
	}
	if got, want := p.get(), []string{"error: one", "log: panic: boom"}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	// The death of Go is told each time, even past Max.
	if want := []string{"panic: boom", "exit code: 2"}; !slices.Equal(died, want) {
		t.Errorf("GoDied called with %q, want %q", died, want)
	}
}

func TestFlagsNameTheBinaryAndProfile(t *testing.T) {
	if got, want := len(Flags("/x/chromium", "/tmp/p")), len(chromedp.DefaultExecAllocatorOptions)+6; got != want {
		t.Errorf("%d options, want %d", got, want)
	}
}
