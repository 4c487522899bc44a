//go:build js && wasm

package wasm

import (
	"fmt"
	"syscall/js"
	"time"
)

// KeyEvent is a key pressed on the page, with what had the focus.
type KeyEvent struct {
	// Key is the KeyboardEvent key ("j", "1", "Delete", "ArrowRight", "?").
	Key                    string
	Shift, Ctrl, Alt, Meta bool
	// InField is set when the focus is in a text field (input, textarea,
	// select, contenteditable): typing there is not a shortcut.
	InField bool
	// InDialog is set when the focus is inside a dialog.
	InDialog bool
	// Clause is the id of the clause that holds the focus, if any.
	Clause string
	// Annotation is the id of the highlight that has the focus, if any.
	Annotation string
}

// OnKeyDown calls f for each key pressed on the page; when f returns true
// the browser's default action is prevented. f runs inside the browser's
// event: it must be quick and must not block (dispatch the work). release
// removes the listener.
func OnKeyDown(f func(KeyEvent) bool) (release func()) {
	fn := js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				logError("keydown handler: %v", r)
			}
		}()
		e := args[0]
		k := KeyEvent{
			Key:   e.Get("key").String(),
			Shift: e.Get("shiftKey").Bool(),
			Ctrl:  e.Get("ctrlKey").Bool(),
			Alt:   e.Get("altKey").Bool(),
			Meta:  e.Get("metaKey").Bool(),
		}
		if e.Get("isComposing").Bool() {
			return nil
		}
		active := js.Global().Get("document").Get("activeElement")
		if !active.IsNull() && !active.IsUndefined() {
			tag := active.Get("tagName").String()
			k.InField = tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || active.Get("isContentEditable").Bool()
			k.InDialog = !active.Call("closest", "[role=dialog]").IsNull()
			if c := active.Call("closest", "["+clauseAttr+"]"); !c.IsNull() {
				k.Clause = c.Call("getAttribute", clauseAttr).String()
			}
			if a := active.Call("closest", "[data-annotation]"); !a.IsNull() {
				k.Annotation = a.Call("getAttribute", "data-annotation").String()
			}
		}
		if f(k) {
			e.Call("preventDefault")
		}
		return nil
	})
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "keydown", fn)
	return func() {
		doc.Call("removeEventListener", "keydown", fn)
		fn.Release()
	}
}

// OnSelectionEnd calls f when the user may have finished selecting text
// (mouse or touch released, a key released) and when the selection
// collapses. f runs inside the browser's event: dispatch the work.
func OnSelectionEnd(f func()) (release func()) {
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		defer func() {
			if r := recover(); r != nil {
				logError("selection handler: %v", r)
			}
		}()
		f()
		return nil
	})
	doc := js.Global().Get("document")
	events := []string{"mouseup", "touchend", "keyup"}
	for _, ev := range events {
		doc.Call("addEventListener", ev, fn)
	}
	return func() {
		for _, ev := range events {
			doc.Call("removeEventListener", ev, fn)
		}
		fn.Release()
	}
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
// goroutine and passed to f.
func OnFileDrop(max int64, over func(bool), f func(DroppedFile)) (release func()) {
	doc := js.Global().Get("document")
	hasFiles := func(e js.Value) bool {
		dt := e.Get("dataTransfer")
		if dt.IsNull() || dt.IsUndefined() {
			return false
		}
		types := dt.Get("types")
		for i := 0; i < types.Length(); i++ {
			if types.Index(i).String() == "Files" {
				return true
			}
		}
		return false
	}
	depth := 0
	guard := func(name string, h func(e js.Value)) js.Func {
		return js.FuncOf(func(this js.Value, args []js.Value) any {
			defer func() {
				if r := recover(); r != nil {
					logError("%s handler: %v", name, r)
				}
			}()
			h(args[0])
			return nil
		})
	}
	enter := guard("dragenter", func(e js.Value) {
		if !hasFiles(e) {
			return
		}
		e.Call("preventDefault")
		depth++
		if depth == 1 {
			over(true)
		}
	})
	dragOver := guard("dragover", func(e js.Value) {
		if hasFiles(e) {
			e.Call("preventDefault")
			e.Get("dataTransfer").Set("dropEffect", "copy")
		}
	})
	leave := guard("dragleave", func(e js.Value) {
		if !hasFiles(e) {
			return
		}
		depth--
		if depth <= 0 {
			depth = 0
			over(false)
		}
	})
	drop := guard("drop", func(e js.Value) {
		if !hasFiles(e) {
			return
		}
		e.Call("preventDefault")
		depth = 0
		over(false)
		files := e.Get("dataTransfer").Get("files")
		for i := 0; i < files.Length(); i++ {
			file := files.Index(i)
			go func() {
				name, data, err := ReadFileLimit(file, max)
				f(DroppedFile{Name: name, Data: data, Err: err})
			}()
		}
	})
	handlers := map[string]js.Func{"dragenter": enter, "dragover": dragOver, "dragleave": leave, "drop": drop}
	for ev, fn := range handlers {
		doc.Call("addEventListener", ev, fn)
	}
	return func() {
		for ev, fn := range handlers {
			doc.Call("removeEventListener", ev, fn)
			fn.Release()
		}
	}
}

// InputFile reads the first file chosen in the file input with this id (up
// to max bytes), then clears the input so the same file can be chosen
// again. It blocks: call it from a goroutine.
func InputFile(id string, max int64) (name string, data []byte, err error) {
	var file js.Value
	func() {
		defer recoverJS(&err)
		input := js.Global().Get("document").Call("getElementById", id)
		if input.IsNull() {
			err = fmt.Errorf("no file input %q", id)
			return
		}
		files := input.Get("files")
		if files.IsNull() || files.Length() == 0 {
			err = fmt.Errorf("no file was chosen")
			return
		}
		file = files.Index(0)
		input.Set("value", "")
	}()
	if err != nil {
		return "", nil, err
	}
	return ReadFileLimit(file, max)
}

// ClickElement clicks the element with this id (to open a file picker from
// a button).
func ClickElement(id string) {
	defer recoverJS(new(error))
	if el := js.Global().Get("document").Call("getElementById", id); !el.IsNull() {
		el.Call("click")
	}
}

// Focus moves the focus to the first element matching a CSS selector and
// reports whether there was one.
func Focus(selector string) (ok bool) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("querySelector", selector)
	if el.IsNull() {
		return false
	}
	el.Call("focus", map[string]any{"preventScroll": false})
	return true
}

// ScrollIntoView scrolls the first element matching a selector to the
// middle of the view, if it is not in view already.
func ScrollIntoView(selector string) (ok bool) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("querySelector", selector)
	if el.IsNull() {
		return false
	}
	el.Call("scrollIntoView", map[string]any{"block": "center", "behavior": "instant"})
	return true
}

// Flash scrolls the elements matching a selector into view and makes them
// flash once (the class cm-flash, for 1.5 s).
func Flash(selector string) (ok bool) {
	defer recoverJS(new(error))
	els := js.Global().Get("document").Call("querySelectorAll", selector)
	if els.Length() == 0 {
		return false
	}
	els.Index(0).Call("scrollIntoView", map[string]any{"block": "center", "behavior": "instant"})
	for i := 0; i < els.Length(); i++ {
		cl := els.Index(i).Get("classList")
		cl.Call("remove", "cm-flash")
		// Force a style flush so the animation restarts.
		_ = els.Index(i).Get("offsetWidth")
		cl.Call("add", "cm-flash")
	}
	time.AfterFunc(1500*time.Millisecond, func() {
		defer recoverJS(new(error))
		for i := 0; i < els.Length(); i++ {
			els.Index(i).Get("classList").Call("remove", "cm-flash")
		}
	})
	return true
}

// Place positions the element with this id at (top, left) in viewport
// pixels through the CSS object model (a style attribute would break the
// Content-Security-Policy), keeping it inside the viewport.
func Place(id string, top, left float64) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("getElementById", id)
	if el.IsNull() {
		return
	}
	w := js.Global().Get("innerWidth").Float()
	h := js.Global().Get("innerHeight").Float()
	ew := el.Get("offsetWidth").Float()
	eh := el.Get("offsetHeight").Float()
	left = max(8, min(left, w-ew-8))
	top = max(8, min(top, h-eh-8))
	style := el.Get("style")
	style.Call("setProperty", "top", fmt.Sprintf("%.0fpx", top))
	style.Call("setProperty", "left", fmt.Sprintf("%.0fpx", left))
}

// ClauseRect returns where the label of a clause is on screen.
func ClauseRect(clauseID string) (r Rect, ok bool) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("getElementById", clauseID)
	if el.IsNull() {
		return r, false
	}
	if t := el.Call("querySelector", textSel); !t.IsNull() {
		el = t
	}
	return rectOf(el), true
}

// AnnotationRect returns where the first element of a highlight is.
func AnnotationRect(id string) (r Rect, ok bool) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("querySelector", `[data-annotation="`+cssString(id)+`"]`)
	if el.IsNull() {
		return r, false
	}
	return rectOf(el), true
}

// cssString escapes a string for a CSS attribute selector in double quotes.
func cssString(s string) string {
	return js.Global().Get("CSS").Call("escape", s).String()
}

// AnnotationSelector is the CSS selector of the elements of a highlight.
func AnnotationSelector(id string) string {
	return `[data-annotation="` + cssString(id) + `"]`
}

func logError(format string, args ...any) {
	js.Global().Get("console").Call("error", fmt.Sprintf("clausemark: "+format, args...))
}

// InputValue returns the value of the input or textarea with this id.
func InputValue(id string) (v string, ok bool) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("getElementById", id)
	if el.IsNull() {
		return "", false
	}
	return el.Get("value").String(), true
}

// MarkAfterPaint adds a User Timing mark (performance.mark) once the
// browser has painted the next frame: benchmarks read it to measure how
// long a change takes to reach the screen. It is built from bound browser
// functions — requestAnimationFrame, then setTimeout 0, then mark — so that
// no Go code runs in between to delay it.
func MarkAfterPaint(name string) {
	defer recoverJS(new(error))
	g := js.Global()
	perf := g.Get("performance")
	mark := perf.Get("mark").Call("bind", perf, name, map[string]any{})
	later := g.Get("setTimeout").Call("bind", g, mark, 0)
	g.Call("requestAnimationFrame", later)
}

// AfterPaint calls f once the browser has painted what the page holds now:
// in a task queued by the next animation frame, which runs after it.
func AfterPaint(f func()) {
	defer recoverJS(new(error))
	g := js.Global()
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		f()
		return nil
	})
	later := g.Get("setTimeout").Call("bind", g, cb, 0)
	g.Call("requestAnimationFrame", later)
}

// PlaceAbove positions the element with this id just above a rectangle
// (a selection), or below it when there is no room above (under the app
// bar), aligned on its left edge and kept inside the viewport.
func PlaceAbove(id string, r Rect) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("getElementById", id)
	if el.IsNull() {
		return
	}
	h := el.Get("offsetHeight").Float()
	top := r.Top - h - 8
	if top < 56 {
		top = r.Bottom + 8
	}
	Place(id, top, r.Left)
}

// FocusPlace says which element of a clause has the focus, so that it can
// have it again once the clause is rendered anew.
type FocusPlace struct {
	Clause     string
	Annotation string // a highlight, by annotation id
	Suggestion bool   // the suggestion button
}

// FocusIn reports what has the focus inside the clause with this id (the
// clause or one of its sub-paragraphs), if anything does.
func FocusIn(clauseID string) (f FocusPlace, ok bool) {
	defer recoverJS(new(error))
	doc := js.Global().Get("document")
	active := doc.Get("activeElement")
	if active.IsNull() || active.IsUndefined() {
		return f, false
	}
	root := doc.Call("getElementById", clauseID)
	if root.IsNull() || !root.Call("contains", active).Bool() {
		return f, false
	}
	c := active.Call("closest", "["+clauseAttr+"]")
	if c.IsNull() {
		return f, false
	}
	f.Clause = c.Call("getAttribute", clauseAttr).String()
	if a := active.Get("dataset").Get("annotation"); !a.IsUndefined() {
		f.Annotation = a.String()
	}
	f.Suggestion = active.Get("classList").Call("contains", "cm-suggest").Bool()
	return f, true
}

// RestoreFocus gives the focus back to the same element of a clause
// rendered anew, or to its label when that element is gone.
func RestoreFocus(f FocusPlace) {
	defer recoverJS(new(error))
	clause := `[` + clauseAttr + `="` + cssString(f.Clause) + `"]`
	switch {
	case f.Annotation != "" && Focus(clause+` `+AnnotationSelector(f.Annotation)+`[data-start]`):
	case f.Suggestion && Focus(clause+` > .cm-margin .cm-suggest`):
	default:
		Focus(clause + ` > .cm-margin .cm-label`)
	}
}

// ReplaceClause puts new HTML in place of the clause element with this id
// (its outerHTML), keeping the focus on the same element of the clause.
func ReplaceClause(id, html string) {
	defer recoverJS(new(error))
	el := js.Global().Get("document").Call("getElementById", id)
	if el.IsNull() {
		return
	}
	f, focused := FocusIn(id)
	el.Set("outerHTML", html)
	if focused {
		RestoreFocus(f)
	}
}

// SetInnerHTML replaces the content of the first element matching a
// selector, keeping the focus on the same element of a clause.
func SetInnerHTML(selector, html string) {
	defer recoverJS(new(error))
	doc := js.Global().Get("document")
	el := doc.Call("querySelector", selector)
	if el.IsNull() {
		return
	}
	var f FocusPlace
	focused := false
	if active := doc.Get("activeElement"); !active.IsNull() && el.Call("contains", active).Bool() {
		if c := active.Call("closest", "["+clauseAttr+"]"); !c.IsNull() {
			f, focused = FocusIn(c.Get("id").String())
		}
	}
	el.Set("innerHTML", html)
	if focused {
		RestoreFocus(f)
	}
}

// ToggleClass adds or removes a class of the element with this id.
func ToggleClass(id, class string, on bool) {
	defer recoverJS(new(error))
	if id == "" {
		return
	}
	el := js.Global().Get("document").Call("getElementById", id)
	if el.IsNull() {
		return
	}
	el.Get("classList").Call("toggle", class, on)
}
