//go:build js && wasm

package wasm

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

// randomText returns a string mixing ASCII, escapes JSON must write,
// accents, combining marks, CJK and emoji.
func randomText(r *rand.Rand) string {
	pieces := []string{"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "e\u0301",
		"Å", "ß", "日本", "🐘", "👩🏽‍⚖️", "🇺🇳", "\u2028", "\u2029", "\ufeff", "\uffff", "{", "}", "[", "]", ",", ":", "null"}
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// stringifiedByJS returns the JSON of v after a trip through the browser:
// JSON.parse then JSON.stringify, as List sees it.
func stringifiedByJS(t *testing.T, text string) string {
	t.Helper()
	json := js.Global().Get("JSON")
	return json.Call("stringify", json.Call("parse", text)).String()
}

// checkSameAsEncodingJSON fails if decodeRecordsFast accepts text but
// decodes it differently from encoding/json, or accepts what encoding/json
// refuses.
func checkSameAsEncodingJSON(t *testing.T, text string) (fast bool) {
	t.Helper()
	got, ok := decodeRecordsFast(text)
	var want []record
	err := json.Unmarshal([]byte(text), &want)
	switch {
	case ok && err != nil:
		t.Errorf("decodeRecordsFast accepts %q, which encoding/json refuses: %v", text, err)
	case ok && !reflect.DeepEqual(got, want):
		t.Errorf("decodeRecordsFast(%q) =\n%#v\nencoding/json gives\n%#v", text, got, want)
	}
	return ok
}

func TestDecodeRecordsFastAgreesWithEncodingJSON(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		as := make([]annotations.Annotation, r.IntN(4))
		for j := range as {
			as[j] = annotations.Annotation{
				ID: randomText(r) + fmt.Sprint(j), Document: randomText(r) + "D", Clause: randomText(r),
				Start: r.IntN(1000) - 10, End: r.IntN(1 << 30), Exact: randomText(r), Prefix: randomText(r),
				Suffix: randomText(r), Tag: annotations.Tag(randomText(r)), Note: randomText(r), Author: randomText(r),
				Created: time.UnixMilli(r.Int64N(1 << 42)), Modified: time.UnixMilli(r.Int64N(1 << 42)),
			}
			for range r.IntN(3) {
				as[j].Labels = append(as[j].Labels, randomText(r))
			}
		}
		text, err := encodeRecords(as)
		if err != nil {
			t.Fatal(err)
		}
		text = stringifiedByJS(t, text)
		if !checkSameAsEncodingJSON(t, text) {
			t.Errorf("case %d: decodeRecordsFast refuses canonical records %q", i, text)
		}
	}

	// Lone surrogates, which only JavaScript strings can hold:
	// JSON.stringify escapes them, and both decoders make them U+FFFD.
	lone := js.Global().Get("Function").New(`return JSON.stringify([{id: "a\ud800b", note: "\udc00\ud83d\ude00\ud83d", exact: "\ud800\u0041"}]);`).Invoke().String()
	if !checkSameAsEncodingJSON(t, lone) {
		t.Errorf("decodeRecordsFast refuses %q", lone)
	}
}

func TestDecodeRecordsFastLeavesOddJSONToEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		`[]`, ` [ ] `, `[{}]`, "[ {\"id\" : \"a\" ,\n\"start\": -0 } ]",
		`[{"id":null}]`, `[{"start":1.5}]`, `[{"start":1e3}]`, `[{"start":01}]`, `[{"start":-}]`,
		`[{"start":99999999999999999999}]`, `[{"ID":"a"}]`, `[{"legacy":{"a":[1,2]}}]`, `[{"id":"a","id":"b"}]`,
		`[{"id":"\x"}]`, `[{"id":"\u12"}]`, `[{"id":"\ud800\u12"}]`, "[{\"id\":\"\x01\"}]", `[{"id":"a"`, `[{"id":"a"}]x`,
		`[{"id":"a"},]`, `[,]`, `{}`, `null`, ``, `"[]"`, `[{"id":1}]`, `[{"start":"1"}]`, "[{\"id\":\"\xff\"}]",
		`[{"note":"\/\b\f\n\r\t\"\\\u00e9\uD83D\uDE00"}]`,
		`[{"labels":[]}]`, `[{"labels":["a", "b"]}]`, `[{"labels":null}]`, `[{"labels":["a",]}]`, `[{"labels":[1]}]`, `[{"labels":"a"}]`,
	} {
		checkSameAsEncodingJSON(t, text)
	}
	// Escaped surrogates that do not pair up: both decoders must agree.
	for _, text := range []string{
		`[{"id":"\ud800\u0041"}]`, `[{"id":"\ud800\ud800\udc00"}]`, `[{"id":"\udc00\ud800"}]`, `[{"id":"x\ud800"}]`,
	} {
		if !checkSameAsEncodingJSON(t, text) {
			t.Errorf("decodeRecordsFast refuses %s", text)
		}
	}
}
