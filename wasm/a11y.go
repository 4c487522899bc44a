//go:build js && wasm

package wasm

import (
	"fmt"

	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/markup"
	"github.com/hack-pad/safejs"
)

// The page's side of placing floating elements, of focus, of new tabs and
// of printing.

// PlaceBeside positions the floating element with this id beside what it
// is about (browser.Beside says where): target, or the first element of
// the highlight of annotation when that is set, clear of the paragraph of
// clause when there is room. It stays in the free part of the viewport:
// under the app bar (.cm-bar) and within the main column (.cm-main, which
// ends where the panel begins).
func PlaceBeside(id string, target Rect, annotation, clause string, below bool) error {
	c := &jsCalls{op: fmt.Sprintf("place %q", id)}
	el := elementByID(c, id)
	doc := c.document()
	if annotation != "" {
		m := c.call(doc, "querySelector", markup.AnnotationSelector(annotation)+"["+markup.AttrStart+"]")
		if c.err == nil && absent(m) {
			return c.notOnPage("the highlight " + annotation)
		}
		target = rectOf(c, m)
	}
	var avoid Rect
	if clause != "" {
		if cl := c.call(doc, "querySelector", markup.ClauseSelector(clause)); !absent(cl) {
			if para := c.call(cl, "querySelector", ":scope > ."+markup.ClassPara); !absent(para) {
				avoid = rectOf(c, para)
			}
		}
	}
	if target == (Rect{}) {
		target = avoid // the clause as a whole
	}
	g := safejs.Global()
	const margin = 8
	bounds := Rect{Top: margin, Left: margin, Right: c.float(c.get(g, "innerWidth")) - margin, Bottom: c.float(c.get(g, "innerHeight")) - margin}
	if bar := c.call(doc, "querySelector", ".cm-bar"); !absent(bar) {
		bounds.Top = max(bounds.Top, rectOf(c, bar).Bottom+margin)
	}
	if main := c.call(doc, "querySelector", ".cm-main"); !absent(main) {
		m := rectOf(c, main)
		bounds.Left = max(bounds.Left, m.Left+margin)
		bounds.Right = min(bounds.Right, m.Right-margin)
	}
	w := c.float(c.get(el, "offsetWidth"))
	h := c.float(c.get(el, "offsetHeight"))
	if c.err != nil {
		return c.err
	}
	top, left := browser.Beside(w, h, browser.Rect(bounds), browser.Rect(target), browser.Rect(avoid), below)
	style := c.get(el, "style")
	c.call(style, "setProperty", "top", fmt.Sprintf("%.0fpx", top))
	c.call(style, "setProperty", "left", fmt.Sprintf("%.0fpx", left))
	return c.err
}

// visible reports whether an element is inside the part of the viewport
// the reader sees: under the app bar, above the bottom.
func visible(c *jsCalls, el safejs.Value) bool {
	r := rectOf(c, el)
	g := safejs.Global()
	top := 0.0
	if bar := c.call(c.document(), "querySelector", ".cm-bar"); !absent(bar) && !c.bool(c.call(bar, "contains", el)) {
		top = rectOf(c, bar).Bottom
	}
	return r.Top >= top && r.Bottom <= c.float(c.get(g, "innerHeight")) &&
		r.Left >= 0 && r.Right <= c.float(c.get(g, "innerWidth"))
}

// focusInPlace gives el the focus without moving the page when it is in
// view, and scrolls it into view — as little as needed — when it is not.
func focusInPlace(c *jsCalls, el safejs.Value) {
	c.call(el, "focus", map[string]any{"preventScroll": true})
	if c.err == nil && !visible(c, el) {
		c.call(el, "scrollIntoView", map[string]any{"block": "nearest", "inline": "nearest"})
	}
}

// KeepFocus remembers the element that has the focus; back gives it the
// focus again (in place) and reports whether it could.
func KeepFocus() (back func() bool) {
	c := &jsCalls{op: "remember the focus"}
	doc := c.document()
	el := c.get(doc, "activeElement")
	if c.err != nil || absent(el) || el.Equal(c.get(doc, "body")) {
		return func() bool { return false }
	}
	return func() bool {
		c := &jsCalls{op: "give the focus back"}
		if !c.bool(c.get(el, "isConnected")) {
			return false
		}
		focusInPlace(c, el)
		if c.err != nil {
			logError("%v", c.err)
			return false
		}
		return c.get(c.document(), "activeElement").Equal(el)
	}
}

// OpenTab opens data in a new tab from a blob: URL, revoked a while after.
// It fails with browser.ErrTabBlocked when the browser did not open it.
func OpenTab(mimeType string, data []byte) error {
	c := &jsCalls{op: "open a new tab"}
	g := safejs.Global()
	bytes, err := c.global("Uint8Array").New(len(data))
	if err != nil {
		return callError(c.op, err, false)
	}
	if _, err := safejs.CopyBytesToJS(bytes, data); err != nil {
		return callError(c.op, err, false)
	}
	blob, err := c.global("Blob").New([]any{bytes}, map[string]any{"type": mimeType})
	if err != nil {
		return callError(c.op, err, false)
	}
	url := c.global("URL")
	href := c.call(url, "createObjectURL", blob)
	win := c.call(g, "open", href, "_blank")
	if c.err != nil {
		c.call(url, "revokeObjectURL", href)
		return c.err
	}
	if absent(win) {
		_, _ = url.Call("revokeObjectURL", href)
		return fmt.Errorf("%s: %w", c.op, browser.ErrTabBlocked)
	}
	if err := revokeLater(url, href); err != nil {
		logError("revoking the URL of the new tab: %v", err)
	}
	return nil
}

// OnPrint calls before on the window's beforeprint event and after on its
// afterprint; release removes the listeners.
func OnPrint(before, after func()) (release func(), err error) {
	g := safejs.Global()
	stopBefore, err := listen(g, func(safejs.Value) { before() }, "beforeprint")
	if err != nil {
		return nil, callError("listen to printing", err, false)
	}
	stopAfter, err := listen(g, func(safejs.Value) { after() }, "afterprint")
	if err != nil {
		stopBefore()
		return nil, callError("listen to printing", err, false)
	}
	return func() { stopBefore(); stopAfter() }, nil
}

// InsertAfter inserts html right after the first element matching a
// selector.
func InsertAfter(selector, html string) error {
	c := &jsCalls{op: fmt.Sprintf("insert after %s", selector)}
	el := c.call(c.document(), "querySelector", selector)
	if c.err == nil && absent(el) {
		return c.notOnPage(selector)
	}
	c.call(el, "insertAdjacentHTML", "afterend", html)
	return c.err
}

// SetInputValue sets the value of the input or textarea with this id.
func SetInputValue(id, value string) error {
	c := &jsCalls{op: fmt.Sprintf("set the value of %q", id)}
	c.set(elementByID(c, id), "value", value)
	return c.err
}

// RemoveAll removes every element matching a selector.
func RemoveAll(selector string) error {
	c := &jsCalls{op: fmt.Sprintf("remove %s", selector)}
	for _, el := range nodeList(c, c.call(c.document(), "querySelectorAll", selector)) {
		c.call(el, "remove")
	}
	return c.err
}
