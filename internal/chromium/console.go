//go:build !js

package chromium

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/chromedp"
)

// goDeath are what the Go runtime prints in the page when the program
// panics or exits; after that the app no longer answers.
var goDeath = []string{"panic:", "fatal error:", "Go program has already exited", "exit code:"}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// GoDied reports whether a console text says the Go program in the page
// panicked or exited.
func GoDied(text string) bool { return containsAny(text, goDeath...) }

// Problem reports whether a console message means something went wrong:
// an error, an uncaught exception, or the Go program's death.
func Problem(m chromedp.ConsoleMessage) bool {
	switch m.Type {
	case chromedp.ConsoleError, chromedp.ConsoleException:
		return true
	}
	return GoDied(m.Text)
}

// Describe formats a console message as "type: text (url:line)".
func Describe(m chromedp.ConsoleMessage) string {
	s := string(m.Type) + ": " + m.Text
	if m.URL != "" {
		s += fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
	}
	return s
}

// WatchOptions tune WatchConsole.
type WatchOptions struct {
	// Expected tells a message a test provokes on purpose, not a problem;
	// it is asked for every problem as it comes. Nil: none is expected.
	Expected func(text string) bool
	// GoDied is called, once per message, as soon as the Go program in
	// the page panics or exits. Nil: nothing is called.
	GoDied func(text string)
	// Max bounds how many distinct problems are kept; 0 keeps them all.
	Max int
}

// problems keeps the distinct problems of a tab, in order.
type problems struct {
	o    WatchOptions
	mu   sync.Mutex
	seen map[string]bool
	list []string
}

// add records m if it is a problem and not expected.
func (p *problems) add(m chromedp.ConsoleMessage) {
	if !Problem(m) || (p.o.Expected != nil && p.o.Expected(m.Text)) {
		return
	}
	if p.o.GoDied != nil && GoDied(m.Text) {
		p.o.GoDied(m.Text)
	}
	s := Describe(m)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.seen[s] || (p.o.Max > 0 && len(p.list) >= p.o.Max) {
		return
	}
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	p.seen[s] = true
	p.list = append(p.list, s)
}

func (p *problems) get() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...)
}

// WatchConsole watches the console of a tab from now on; the returned
// function stops watching and gives the problems seen (see Problem, and
// Describe for their form), each once.
func WatchConsole(tab context.Context, o WatchOptions) (stop func() []string) {
	wctx, cancel := context.WithCancel(tab)
	messages := chromedp.Console(wctx)
	p := &problems{o: o}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			p.add(m)
		}
	}()
	return func() []string {
		cancel()
		<-done
		return p.get()
	}
}
