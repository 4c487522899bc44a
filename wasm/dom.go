//go:build js && wasm

package wasm

import (
	"fmt"
	"github.com/clausemark/clausemark/browser"
	"time"

	"github.com/clausemark/clausemark/markup"
	"github.com/hack-pad/safejs"
)

// Functions that look an element up report a missing one as ok = false
// when the page may lack it at that moment (Focus, Flash, ClauseRect,
// AnnotationRect, InputValue, ToggleClass), and as an error wrapping
// ErrNotOnPage when the caller needs it to be there.

// KeyEvent is a key pressed on the page, with what had the focus: the
// browser seam's.
type KeyEvent = browser.KeyEvent

// OnKeyDown calls f for each key pressed on the page; when f returns true
// the browser's default action is prevented. f runs inside the browser's
// event: it must be quick and must not block (dispatch the work). release
// removes the listener. A key whose event cannot be read is logged on the
// console and not passed to f.
func OnKeyDown(f func(KeyEvent) bool) (release func(), err error) {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return nil, callError("listen to keys", err, false)
	}
	return listen(doc, func(e safejs.Value) {
		c := &jsCalls{op: "read a key press"}
		if c.bool(c.get(e, "isComposing")) {
			return
		}
		k := KeyEvent{
			Key:   c.str(c.get(e, "key")),
			Shift: c.bool(c.get(e, "shiftKey")),
			Ctrl:  c.bool(c.get(e, "ctrlKey")),
			Alt:   c.bool(c.get(e, "altKey")),
			Meta:  c.bool(c.get(e, "metaKey")),
		}
		if active := c.get(c.document(), "activeElement"); !absent(active) {
			tag := c.str(c.get(active, "tagName"))
			k.InField = tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || c.bool(c.get(active, "isContentEditable"))
			if k.InField {
				k.Field = c.str(c.get(active, "id"))
			}
			k.InDialog = !absent(c.call(active, "closest", "[role=dialog]"))
			k.InMenu = !absent(c.call(active, "closest", "[role=menu]"))
			if cl := c.call(active, "closest", "["+markup.AttrClause+"]"); !absent(cl) {
				k.Clause = c.str(c.call(cl, "getAttribute", markup.AttrClause))
			}
			if a := c.call(active, "closest", "["+markup.AttrAnnotation+"]"); !absent(a) {
				k.Annotation = c.str(c.call(a, "getAttribute", markup.AttrAnnotation))
			}
		}
		if c.err != nil {
			logError("%v", c.err)
			return
		}
		if f(k) {
			c.call(e, "preventDefault")
			if c.err != nil {
				logError("%v", c.err)
			}
		}
	}, "keydown")
}

// OnSelectionEnd calls f when the user may have finished selecting text
// (mouse or touch released, a key released). f runs inside the browser's
// event: dispatch the work. release removes the listeners.
func OnSelectionEnd(f func()) (release func(), err error) {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return nil, callError("listen to the selection", err, false)
	}
	return listen(doc, func(safejs.Value) { f() }, "mouseup", "touchend", "keyup")
}

// DroppedFile is a file dropped on the page, read.
type DroppedFile struct {
	Name string
	Data []byte
	Err  error
}

// OnFileDrop makes the whole page a drop target for files: over is called
// with true when files are dragged over the page and false when they
// leave or are dropped; each dropped file is read (up to max bytes) in a
// goroutine and passed to f. A drop whose files cannot be reached is
// passed to f as a DroppedFile with the error. release removes the
// listeners.
func OnFileDrop(max int64, over func(bool), f func(DroppedFile)) (release func(), err error) {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return nil, callError("listen to dropped files", err, false)
	}
	hasFiles := func(c *jsCalls, e safejs.Value) bool {
		dt := c.get(e, "dataTransfer")
		if absent(dt) {
			return false
		}
		types := c.get(dt, "types")
		for i := range c.int(c.get(types, "length")) {
			if c.str(c.call(types, "at", i)) == "Files" {
				return true
			}
		}
		return false
	}
	depth := 0
	stop, err := listen(doc, func(e safejs.Value) {
		c := &jsCalls{op: "read a drag and drop"}
		typ := c.str(c.get(e, "type"))
		c.op = "read a " + typ + " event"
		if !hasFiles(c, e) {
			if c.err != nil {
				logError("%v", c.err)
			}
			return
		}
		switch typ {
		case "dragenter":
			c.call(e, "preventDefault")
			depth++
			if depth == 1 {
				over(true)
			}
		case "dragover":
			c.call(e, "preventDefault")
			c.set(c.get(e, "dataTransfer"), "dropEffect", "copy")
		case "dragleave":
			depth--
			if depth <= 0 {
				depth = 0
				over(false)
			}
		case "drop":
			c.call(e, "preventDefault")
			depth = 0
			over(false)
			for _, file := range nodeList(c, c.get(c.get(e, "dataTransfer"), "files")) {
				go func() {
					name, data, err := ReadFileLimit(file, max)
					f(DroppedFile{Name: name, Data: data, Err: err})
				}()
			}
			if c.err != nil {
				go f(DroppedFile{Err: c.err})
				return
			}
		}
		if c.err != nil {
			logError("%v", c.err)
		}
	}, "dragenter", "dragover", "dragleave", "drop")
	if err != nil {
		return nil, err
	}
	return stop, nil
}

// InputFile reads the first file chosen in the file input with this id (up
// to max bytes), then clears the input so the same file can be chosen
// again. It blocks: call it from a goroutine.
func InputFile(id string, max int64) (name string, data []byte, err error) {
	c := &jsCalls{op: fmt.Sprintf("read the file chosen in %q", id)}
	input := elementByID(c, id)
	files := c.get(input, "files")
	if c.err != nil {
		return "", nil, c.err
	}
	if absent(files) || c.int(c.get(files, "length")) == 0 {
		if c.err != nil {
			return "", nil, c.err
		}
		return "", nil, fmt.Errorf("no file was chosen")
	}
	file := c.call(files, "item", 0)
	c.set(input, "value", "")
	if c.err != nil {
		return "", nil, c.err
	}
	return ReadFileLimit(file, max)
}

// ClickElement clicks the element with this id (to open a file picker from
// a button).
func ClickElement(id string) error {
	c := &jsCalls{op: fmt.Sprintf("click %q", id)}
	c.call(elementByID(c, id), "click")
	return c.err
}

// Focus moves the focus to the first element matching a CSS selector and
// reports whether there was one.
func Focus(selector string) (ok bool, err error) {
	c := &jsCalls{op: fmt.Sprintf("focus %s", selector)}
	el := c.call(c.document(), "querySelector", selector)
	if c.err != nil || absent(el) {
		return false, c.err
	}
	focusInPlace(c, el)
	return c.err == nil, c.err
}

// Flash scrolls the elements matching a selector into view and makes them
// flash once (the class cm-flash, for 1.5 s). ok is false when no element
// matches.
func Flash(selector string) (ok bool, err error) {
	c := &jsCalls{op: fmt.Sprintf("flash %s", selector)}
	els := nodeList(c, c.call(c.document(), "querySelectorAll", selector))
	if c.err != nil || len(els) == 0 {
		return false, c.err
	}
	c.call(els[0], "scrollIntoView", map[string]any{"block": "center", "behavior": "instant"})
	for _, el := range els {
		cl := c.get(el, "classList")
		c.call(cl, "remove", "cm-flash")
		// Force a style flush so the animation restarts.
		c.get(el, "offsetWidth")
		c.call(cl, "add", "cm-flash")
	}
	if c.err != nil {
		return false, c.err
	}
	time.AfterFunc(1500*time.Millisecond, func() {
		c := &jsCalls{op: fmt.Sprintf("end the flash of %s", selector)}
		for _, el := range els {
			c.call(c.get(el, "classList"), "remove", "cm-flash")
		}
		if c.err != nil {
			logError("%v", c.err)
		}
	})
	return true, nil
}

// ClauseRect returns where the text of a clause (or, lacking one, the
// clause) is on screen; ok is false when the clause is not on the page.
func ClauseRect(clauseID string) (r Rect, ok bool, err error) {
	c := &jsCalls{op: fmt.Sprintf("measure clause %q", clauseID)}
	el := c.call(c.document(), "getElementById", clauseID)
	if c.err != nil || absent(el) {
		return r, false, c.err
	}
	if t := c.call(el, "querySelector", markup.TextSelector); !absent(t) {
		el = t
	}
	r = rectOf(c, el)
	return r, c.err == nil, c.err
}

// AnnotationRect returns where the first element of a highlight is; ok is
// false when the highlight is not on the page.
func AnnotationRect(id string) (r Rect, ok bool, err error) {
	c := &jsCalls{op: fmt.Sprintf("measure the highlight %q", id)}
	el := c.call(c.document(), "querySelector", markup.AnnotationSelector(id))
	if c.err != nil || absent(el) {
		return r, false, c.err
	}
	r = rectOf(c, el)
	return r, c.err == nil, c.err
}

// InputValue returns the value of the input or textarea with this id; ok
// is false when there is none.
func InputValue(id string) (v string, ok bool, err error) {
	c := &jsCalls{op: fmt.Sprintf("read the field %q", id)}
	el := c.call(c.document(), "getElementById", id)
	if c.err != nil || absent(el) {
		return "", false, c.err
	}
	v = c.str(c.get(el, "value"))
	return v, c.err == nil, c.err
}

// MarkAfterPaint adds a User Timing mark (performance.mark) once the
// browser has painted the next frame: benchmarks read it to measure how
// long a change takes to reach the screen. It is built from bound browser
// functions — requestAnimationFrame, then setTimeout 0, then mark — so that
// no Go code runs in between to delay it.
func MarkAfterPaint(name string) error {
	c := &jsCalls{op: fmt.Sprintf("mark %q after the next paint", name)}
	g := safejs.Global()
	perf := c.get(g, "performance")
	mark := c.call(c.get(perf, "mark"), "bind", perf, name, map[string]any{})
	later := c.call(c.get(g, "setTimeout"), "bind", g, mark, 0)
	c.call(g, "requestAnimationFrame", later)
	return c.err
}

// AfterPaint calls f once the browser has painted what the page holds now:
// in a task queued by the next animation frame, which runs after it.
func AfterPaint(f func()) error {
	c := &jsCalls{op: "wait for the next paint"}
	var cb safejs.Func
	cb, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		cb.Release()
		f()
		return nil
	})
	if err != nil {
		return c.fail(fmt.Errorf("%s: %w", c.op, err))
	}
	g := safejs.Global()
	later := c.call(c.get(g, "setTimeout"), "bind", g, cb, 0)
	c.call(g, "requestAnimationFrame", later)
	if c.err != nil {
		cb.Release()
	}
	return c.err
}

// focusPlace says which element of a clause has the focus, so that it can
// have it again once the clause is rendered anew.
type focusPlace struct {
	clause     string
	annotation string // a highlight, by annotation id
	suggestion bool   // the suggestion button
}

// focusIn reports what has the focus inside root (a clause, or an element
// holding clauses), if anything does.
func focusIn(c *jsCalls, root safejs.Value) (f focusPlace, ok bool) {
	active := c.get(c.document(), "activeElement")
	if absent(active) || !c.bool(c.call(root, "contains", active)) {
		return f, false
	}
	cl := c.call(active, "closest", "["+markup.AttrClause+"]")
	if absent(cl) {
		return f, false
	}
	f.clause = c.str(c.call(cl, "getAttribute", markup.AttrClause))
	f.annotation = c.str(c.call(active, "getAttribute", markup.AttrAnnotation))
	f.suggestion = c.bool(c.call(c.get(active, "classList"), "contains", markup.ClassSuggest))
	return f, c.err == nil
}

// restoreFocus gives the focus back to the same element of a clause
// rendered anew, or to its label when that element is gone.
func restoreFocus(c *jsCalls, f focusPlace) {
	clause := markup.ClauseSelector(f.clause)
	focus := func(selector string) bool {
		el := c.call(c.document(), "querySelector", selector)
		if absent(el) {
			return false
		}
		c.call(el, "focus", map[string]any{"preventScroll": false})
		return true
	}
	switch {
	case f.annotation != "" && focus(clause+" "+markup.AnnotationSelector(f.annotation)+"["+markup.AttrStart+"]"):
	case f.suggestion && focus(clause+" > ."+markup.ClassMargin+" ."+markup.ClassSuggest):
	default:
		focus(clause + " > ." + markup.ClassMargin + " ." + markup.ClassLabel)
	}
}

// ReplaceClause puts new HTML in place of the clause element with this id
// (its outerHTML), keeping the focus on the same element of the clause.
func ReplaceClause(id, html string) error {
	c := &jsCalls{op: fmt.Sprintf("paint clause %q", id)}
	el := elementByID(c, id)
	f, focused := focusIn(c, el)
	c.set(el, "outerHTML", html)
	if focused {
		restoreFocus(c, f)
	}
	return c.err
}

// SetInnerHTML replaces the content of the first element matching a
// selector, keeping the focus on the same element of a clause.
func SetInnerHTML(selector, html string) error {
	c := &jsCalls{op: fmt.Sprintf("paint %s", selector)}
	el := c.call(c.document(), "querySelector", selector)
	if c.err == nil && absent(el) {
		return c.notOnPage(selector)
	}
	f, focused := focusIn(c, el)
	c.set(el, "innerHTML", html)
	if focused {
		restoreFocus(c, f)
	}
	return c.err
}

// ToggleClass adds or removes a class of the element with this id; ok is
// false when there is no such element (or id is "").
func ToggleClass(id, class string, on bool) (ok bool, err error) {
	if id == "" {
		return false, nil
	}
	c := &jsCalls{op: fmt.Sprintf("set the class %s of %q", class, id)}
	el := c.call(c.document(), "getElementById", id)
	if c.err != nil || absent(el) {
		return false, c.err
	}
	c.call(c.get(el, "classList"), "toggle", class, on)
	return c.err == nil, c.err
}

// elementByID returns the element with this id, or records an error
// wrapping ErrNotOnPage.
func elementByID(c *jsCalls, id string) safejs.Value {
	el := c.call(c.document(), "getElementById", id)
	if c.err == nil && absent(el) {
		c.notOnPage(fmt.Sprintf("the element %q", id))
		return safejs.Null()
	}
	return el
}

// logError writes an error to the browser's console.
func logError(format string, args ...any) {
	msg := fmt.Sprintf("clausemark: "+format, args...)
	if console, err := safejs.Global().Get("console"); err == nil {
		_, _ = console.Call("error", msg) // nowhere else to report it
	}
}
