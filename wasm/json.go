//go:build js && wasm

package wasm

import (
	"fmt"

	"github.com/hack-pad/safejs"
)

// jsonStringify converts a JavaScript value to JSON text with one call to
// JSON.stringify. It is how records cross from JavaScript to Go: one call
// for a whole array instead of one call per field.
func jsonStringify(op string, v safejs.Value) (string, error) {
	json, err := safejs.Global().Get("JSON")
	if err != nil {
		return "", callError(op, err, false)
	}
	s, err := json.Call("stringify", v)
	if err != nil {
		return "", callError(op+" (JSON.stringify)", err, false)
	}
	if s.Type() != safejs.TypeString {
		// JSON.stringify(undefined) is undefined, not a string.
		return "", fmt.Errorf("%s: JSON.stringify returned a JavaScript %s, not a string", op, s.Type())
	}
	return s.String()
}

// jsonParse builds a JavaScript value from JSON text with one call to
// JSON.parse: how records cross from Go to JavaScript.
func jsonParse(op string, text string) (safejs.Value, error) {
	json, err := safejs.Global().Get("JSON")
	if err != nil {
		return safejs.Undefined(), callError(op, err, false)
	}
	v, err := json.Call("parse", text)
	if err != nil {
		return safejs.Undefined(), callError(op+" (JSON.parse)", err, false)
	}
	return v, nil
}
