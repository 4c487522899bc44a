//go:build js && wasm

package wasm

import (
	"fmt"
	"strings"
	"sync"

	"github.com/clausemark/clausemark/browser"
	"github.com/hack-pad/safejs"
)

// The page the app starts on. Before the wasm runs, the page shows what
// came with it: the document pre-rendered by the server, or the copy of
// it the service worker kept from the last visit (KeepPage). The app
// takes that document over — its nodes move into the app's own element —
// instead of building it again.

// prerendered is the element FindPrerendered found, until it is adopted.
var prerendered struct {
	sync.Mutex
	looked bool
	el     safejs.Value
}

// FindPrerendered looks, the first time it is called and only then, for
// the first element matching selector, keeps it for AdoptPrerendered and
// returns the value of its attribute attr ("" when it has none). ok is
// false when there is no such element, or on a later call: the page's own
// elements are only there before the app first renders.
func FindPrerendered(selector, attr string) (value string, ok bool, err error) {
	prerendered.Lock()
	defer prerendered.Unlock()
	if prerendered.looked {
		return "", false, nil
	}
	prerendered.looked = true
	c := &jsCalls{op: fmt.Sprintf("find the pre-rendered %s", selector)}
	el := c.call(c.document(), "querySelector", selector)
	if c.err != nil || absent(el) {
		return "", false, c.err
	}
	value = c.str(c.call(el, "getAttribute", attr))
	if c.err != nil {
		return "", false, c.err
	}
	prerendered.el = el
	return value, true, nil
}

// AdoptPrerendered moves the child nodes of the element FindPrerendered
// kept into the first other element matching selector, after what that
// one holds, and takes the classes transient off the elements moved. It
// fails, moving nothing, when there is no element kept or no other
// element matches.
func AdoptPrerendered(selector string, transient []string) error {
	prerendered.Lock()
	from := prerendered.el
	prerendered.el = safejs.Null()
	prerendered.Unlock()
	c := &jsCalls{op: fmt.Sprintf("take over the pre-rendered %s", selector)}
	if from.IsUndefined() || absent(from) {
		return c.notOnPage("the pre-rendered element")
	}
	var into safejs.Value
	for _, el := range nodeList(c, c.call(c.document(), "querySelectorAll", selector)) {
		if !el.Equal(from) {
			into = el
			break
		}
	}
	if c.err != nil {
		return c.err
	}
	if into.IsUndefined() || absent(into) {
		return c.notOnPage(selector)
	}
	if len(transient) > 0 {
		sel := "." + strings.Join(transient, ", .")
		for _, el := range nodeList(c, c.call(from, "querySelectorAll", sel)) {
			cl := c.get(el, "classList")
			for _, class := range transient {
				c.call(cl, "remove", class)
			}
		}
	}
	for child := c.get(from, "firstChild"); !absent(child) && c.err == nil; child = c.get(from, "firstChild") {
		c.call(into, "appendChild", child)
	}
	return c.err
}

// KeepPage copies the element k.Selector finds, with k.Attrs set on it
// and without the classes k.Transient, and puts the copy into Cache
// Storage as a browser.KeptPage. The copy is made now; the write goes on
// after KeepPage returns, and a failure of it is logged to the console.
// The HTML never leaves JavaScript.
func KeepPage(k browser.KeptPage) error {
	c := &jsCalls{op: fmt.Sprintf("keep the page %s", k.Key)}
	g := safejs.Global()
	caches := c.get(g, "caches")
	if c.err == nil && absent(caches) {
		return c.fail(&DOMError{Op: c.op, Message: "Cache Storage is not available: the page is not served over HTTPS or from localhost"})
	}
	el := c.call(c.document(), "querySelector", k.Selector)
	if c.err == nil && absent(el) {
		return c.notOnPage(k.Selector)
	}
	for _, a := range k.Attrs {
		c.call(el, "setAttribute", a.Name, a.Value)
	}
	// The page's passing state is taken off while the copy is made, then
	// put back: in one task, nothing of it reaches the screen.
	var off []safejs.Value
	if len(k.Transient) > 0 {
		off = nodeList(c, c.call(el, "querySelectorAll", "."+strings.Join(k.Transient, ", .")))
	}
	removed := make([][]string, len(off))
	for i, t := range off {
		cl := c.get(t, "classList")
		for _, class := range k.Transient {
			if c.bool(c.call(cl, "contains", class)) {
				c.call(cl, "remove", class)
				removed[i] = append(removed[i], class)
			}
		}
	}
	html := c.get(el, "outerHTML")
	for i, t := range off {
		cl := c.get(t, "classList")
		for _, class := range removed[i] {
			c.call(cl, "add", class)
		}
	}
	if c.err != nil {
		return c.err
	}
	body := c.call(c.global("JSON"), "stringify", map[string]any{
		"version": k.Version, "title": k.Title, "symbol": k.Symbol, "count": k.Count, "html": html,
	})
	var response safejs.Value
	if ctor := c.global("Response"); c.err == nil {
		r, err := ctor.New(body, map[string]any{"headers": map[string]any{"Content-Type": "application/json; charset=utf-8"}})
		c.keep("new Response", err)
		response = r
	}
	open := c.call(caches, "open", k.Cache)
	if c.err != nil {
		return c.err
	}
	go func() {
		cache, err := await(c.op, open)
		if err == nil {
			var put safejs.Value
			if put, err = cache.Call("put", k.Key, response); err == nil {
				_, err = await(c.op, put)
			}
		}
		if err != nil {
			logWarning("keeping the page %s for the next visit failed: %v", k.Key, err)
		}
	}()
	return nil
}

// ForgetPage removes what the cache named cache keeps under key; it
// returns at once, and a failure is logged to the console.
func ForgetPage(cache, key string) error {
	c := &jsCalls{op: fmt.Sprintf("forget the page %s", key)}
	caches := c.global("caches")
	if c.err == nil && absent(caches) {
		return nil // nothing was kept
	}
	open := c.call(caches, "open", cache)
	if c.err != nil {
		return c.err
	}
	go func() {
		ch, err := await(c.op, open)
		if err == nil {
			var del safejs.Value
			if del, err = ch.Call("delete", key); err == nil {
				_, err = await(c.op, del)
			}
		}
		if err != nil {
			logWarning("forgetting the page %s failed: %v", key, err)
		}
	}()
	return nil
}

// MarkSince adds the User Timing mark name with the start time of the
// first mark since; with no such mark yet, it marks name after the next
// paint (MarkAfterPaint).
func MarkSince(name, since string) error {
	c := &jsCalls{op: fmt.Sprintf("mark %q at %q", name, since)}
	perf := c.global("performance")
	entries := c.call(perf, "getEntriesByName", since, "mark")
	if n := c.int(c.get(entries, "length")); c.err != nil || n == 0 {
		if c.err != nil {
			return c.err
		}
		return MarkAfterPaint(name)
	}
	first, err := entries.Index(0)
	c.keep("[0]", err)
	start := c.float(c.get(first, "startTime"))
	c.call(perf, "mark", name, map[string]any{"startTime": start})
	return c.err
}

// logWarning writes a warning to the browser's console: something that
// did not work, and that the app does without.
func logWarning(format string, args ...any) {
	msg := fmt.Sprintf("clausemark: "+format, args...)
	if console, err := safejs.Global().Get("console"); err == nil {
		_, _ = console.Call("warn", msg)
	}
}
