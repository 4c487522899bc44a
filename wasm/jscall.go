//go:build js && wasm

package wasm

import (
	"github.com/hack-pad/safejs"
)

// jsCalls makes a series of JavaScript calls through safejs and keeps the
// first error: once a call has failed, the next ones do nothing and return
// null (or a zero value), so a sequence of DOM calls reads as straight code
// and ends with one check of err. Loops over nodes end on null, so they end
// after a failure too.
type jsCalls struct {
	op  string // what is being done, for the error: "highlight \"x\" in clause \"op1\""
	err error
}

// keep records err, made by the call what, unless an error is already
// recorded.
func (c *jsCalls) keep(what string, err error) {
	if err != nil && c.err == nil {
		c.err = callError(c.op+": "+what, err, false)
	}
}

// fail records err unless an error is already recorded, and returns the
// first error: the one that explains what happened.
func (c *jsCalls) fail(err error) error {
	if c.err == nil {
		c.err = err
	}
	return c.err
}

// notOnPage records that what (an element) is missing from the page.
func (c *jsCalls) notOnPage(what string) error {
	return c.fail(&DOMError{Op: c.op, Message: what + " is not on the page", Err: ErrNotOnPage})
}

// global returns the global variable name.
func (c *jsCalls) global(name string) safejs.Value { return c.get(safejs.Global(), name) }

// document returns the page's document.
func (c *jsCalls) document() safejs.Value { return c.global("document") }

// get returns v[prop].
func (c *jsCalls) get(v safejs.Value, prop string) safejs.Value {
	if c.err != nil {
		return safejs.Null()
	}
	r, err := v.Get(prop)
	if err != nil {
		c.keep(prop, err)
		return safejs.Null()
	}
	return r
}

// set sets v[prop] to x.
func (c *jsCalls) set(v safejs.Value, prop string, x any) {
	if c.err == nil {
		c.keep(prop+" =", v.Set(prop, x))
	}
}

// call calls the method of v.
func (c *jsCalls) call(v safejs.Value, method string, args ...any) safejs.Value {
	if c.err != nil {
		return safejs.Null()
	}
	r, err := v.Call(method, args...)
	if err != nil {
		c.keep(method, err)
		return safejs.Null()
	}
	return r
}

// str returns v as a string: "" for null or undefined (a missing
// attribute), and an error for any other value that is not a string.
func (c *jsCalls) str(v safejs.Value) string {
	if c.err != nil || v.IsNull() || v.IsUndefined() {
		return ""
	}
	if v.Type() != safejs.TypeString {
		c.fail(&DOMError{Op: c.op, Message: "expected a string, got a JavaScript " + v.Type().String()})
		return ""
	}
	s, err := v.String()
	c.keep("string", err)
	return s
}

// int returns v, a number, as an int.
func (c *jsCalls) int(v safejs.Value) int {
	if c.err != nil {
		return 0
	}
	n, err := v.Int()
	c.keep("number", err)
	return n
}

// float returns v, a number.
func (c *jsCalls) float(v safejs.Value) float64 {
	if c.err != nil {
		return 0
	}
	f, err := v.Float()
	c.keep("number", err)
	return f
}

// bool returns v, a boolean.
func (c *jsCalls) bool(v safejs.Value) bool {
	if c.err != nil {
		return false
	}
	b, err := v.Bool()
	c.keep("boolean", err)
	return b
}

// absent reports whether v is null or undefined: no such node.
func absent(v safejs.Value) bool { return v.IsNull() || v.IsUndefined() }

// utf16Len is the length of s in UTF-16 code units, as the DOM counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
