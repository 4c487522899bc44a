//go:build js && wasm

package wasm

import (
	"fmt"
	"strings"

	"github.com/clausemark/clausemark/browser"
	"github.com/hack-pad/safejs"
)

// The page the app starts on, and the copy of it the next load starts on.
// Before the wasm runs, the page shows what came with it: the document
// pre-rendered by the server, or the copy of it the app kept at the last
// visit (KeepPage), which the service worker put in the page.

// FindPrerendered returns the value of the attribute attr of the first
// element matching selector ("" when it has none). ok is false when there
// is no such element.
func FindPrerendered(selector, attr string) (value string, ok bool, err error) {
	c := &jsCalls{op: fmt.Sprintf("find the pre-rendered %s", selector)}
	el := c.call(c.document(), "querySelector", selector)
	if c.err != nil || absent(el) {
		return "", false, c.err
	}
	if has := c.bool(c.call(el, "hasAttribute", attr)); !has || c.err != nil {
		return "", c.err == nil, c.err
	}
	value = c.str(c.call(el, "getAttribute", attr))
	if c.err != nil {
		return "", false, c.err
	}
	return value, true, nil
}

// KeepPage copies the element k.Selector finds, without the elements
// k.Drop matches, the classes k.Transient and the attributes k.DropAttrs, and puts the copy into Cache
// Storage as a browser.KeptPage. The copy (a clone: the page is left as it
// is) is made now; the write goes on after KeepPage returns, and a failure
// of it is logged to the console. The HTML never leaves JavaScript.
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
	clone := c.call(el, "cloneNode", true)
	if len(k.Drop) > 0 {
		for _, d := range nodeList(c, c.call(clone, "querySelectorAll", strings.Join(k.Drop, ", "))) {
			c.call(d, "remove")
		}
	}
	if len(k.Transient) > 0 {
		for _, t := range nodeList(c, c.call(clone, "querySelectorAll", "."+strings.Join(k.Transient, ", ."))) {
			cl := c.get(t, "classList")
			for _, class := range k.Transient {
				c.call(cl, "remove", class)
			}
		}
	}
	for _, attr := range k.DropAttrs {
		c.call(clone, "removeAttribute", attr)
		for _, el := range nodeList(c, c.call(clone, "querySelectorAll", "["+attr+"]")) {
			c.call(el, "removeAttribute", attr)
		}
	}
	html := c.get(clone, "outerHTML")
	if c.err != nil {
		return c.err
	}
	// (A JS string has no properties syscall/js can read: its String
	// object does.)
	var length safejs.Value
	if k.MaxChars > 0 && c.err == nil {
		s, err := c.global("String").New(html)
		c.keep("new String", err)
		length = c.get(s, "length")
	}
	if k.MaxChars > 0 && c.int(length) > k.MaxChars {
		if c.err != nil {
			return c.err
		}
		if err := ForgetPage(k.Cache, k.Key); err != nil {
			return err
		}
		return fmt.Errorf("%s: %w", c.op, browser.ErrPageTooLarge)
	}
	body := c.call(c.global("JSON"), "stringify", map[string]any{
		"version": k.Version, "title": k.Title, "digest": k.Digest, "html": html,
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
