//go:build js && wasm

package wasm

import (
	"encoding/json"
	"errors"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/clausemark/clausemark/browser"
)

// keptEntry resolves to the body of what the cache holds under key, or
// null.
const keptEntry = `async (cache, key) => {
	const r = await (await caches.open(cache)).match(key);
	return r ? await r.text() : null;
}`

// keptBody waits (at most a few seconds) until the cache holds key, or
// holds it no more when gone, and returns the body ("" when gone).
func keptBody(t *testing.T, cache, key string, gone bool) string {
	t.Helper()
	fn := jsFunc(t, keptEntry)
	for range 200 {
		v, err := awaitJS(t, fn, cache, key)
		if err != nil {
			t.Fatal(err)
		}
		if present := v.Type() == js.TypeString; present != gone {
			if present {
				return v.String()
			}
			return ""
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the cache %s never held %s (or never dropped it: %v)", cache, key, gone)
	return ""
}

// keptFixture puts an app element into the page and removes it when the
// test ends.
func keptFixture(t *testing.T) js.Value {
	t.Helper()
	doc := js.Global().Get("document")
	el := doc.Call("createElement", "div")
	el.Set("id", "t-app")
	el.Set("className", "cm-app")
	el.Call("setAttribute", "data-ready", "true")
	el.Set("innerHTML", `<article class="cm-doc"><p class="cm-clause is-target" data-clause="op1" data-ready="">Requests <mark data-annotation="a1" class="cm-hl">the &lt;Secretary&gt;</mark> &amp; “others”</p><div class="cm-toast">Saved.</div><div class="cm-editor"><textarea>note</textarea></div></article>`)
	doc.Get("body").Call("appendChild", el)
	t.Cleanup(func() { el.Call("remove") })
	return el
}

func TestKeepPageKeepsACopyWithoutThePassingPartsAndLeavesThePageAsItIs(t *testing.T) {
	el := keptFixture(t)
	before := el.Get("outerHTML").String()
	k := browser.KeptPage{
		Cache: "t-pages-1", Key: "/d/T-1", Selector: "#t-app",
		Drop: []string{".cm-toast", ".cm-editor"}, Transient: []string{"is-target"}, DropAttrs: []string{"data-ready"},
		Version: "v1", Title: "Clausemark — T/1", Digest: "T-1 abc 1-x-y",
	}
	if err := KeepPage(k); err != nil {
		t.Fatal(err)
	}
	if after := el.Get("outerHTML").String(); after != before {
		t.Errorf("the page changed:\n%s\nwas\n%s", after, before)
	}
	var got struct{ Version, Title, Digest, HTML string }
	if err := json.Unmarshal([]byte(keptBody(t, k.Cache, k.Key, false)), &got); err != nil {
		t.Fatal(err)
	}
	want := `<div id="t-app" class="cm-app"><article class="cm-doc"><p class="cm-clause" data-clause="op1">Requests <mark data-annotation="a1" class="cm-hl">the &lt;Secretary&gt;</mark> &amp; “others”</p></article></div>`
	if got.HTML != want || got.Version != "v1" || got.Title != k.Title || got.Digest != k.Digest {
		t.Errorf("kept %+v\nwant the HTML %s", got, want)
	}
	if err := ForgetPage(k.Cache, k.Key); err != nil {
		t.Fatal(err)
	}
	keptBody(t, k.Cache, k.Key, true)
}

func TestKeepPageKeepsNoCopyLongerThanMaxCharsAndForgetsTheOneBefore(t *testing.T) {
	keptFixture(t)
	k := browser.KeptPage{Cache: "t-pages-2", Key: "/d/T-2", Selector: "#t-app", Version: "v1", Digest: "d"}
	if err := KeepPage(k); err != nil {
		t.Fatal(err)
	}
	keptBody(t, k.Cache, k.Key, false)
	k.MaxChars = 100
	if err := KeepPage(k); !errors.Is(err, browser.ErrPageTooLarge) {
		t.Fatalf("KeepPage of a copy over MaxChars: %v, want ErrPageTooLarge", err)
	}
	keptBody(t, k.Cache, k.Key, true)
	k.Selector = "#t-none"
	if err := KeepPage(k); err == nil || !strings.Contains(err.Error(), "#t-none") {
		t.Errorf("KeepPage of an element not on the page: %v", err)
	}
}

func TestFindPrerenderedReadsTheAttributeOfTheElementThePageHas(t *testing.T) {
	el := keptFixture(t)
	el.Call("setAttribute", "data-digest", `T-1 "x" 1-a-b`)
	if v, ok, err := FindPrerendered("#t-app", "data-digest"); err != nil || !ok || v != `T-1 "x" 1-a-b` {
		t.Errorf("FindPrerendered = %q, %v, %v", v, ok, err)
	}
	if v, ok, err := FindPrerendered("#t-app", "data-other"); err != nil || !ok || v != "" {
		t.Errorf("an attribute the element lacks: %q, %v, %v", v, ok, err)
	}
	if _, ok, err := FindPrerendered("#t-none", "data-digest"); err != nil || ok {
		t.Errorf("an element not on the page: found %v, %v", ok, err)
	}
}

func TestMarkSinceMarksAtTheTimeOfTheOtherMark(t *testing.T) {
	perf := js.Global().Get("performance")
	perf.Call("mark", "t-since")
	time.Sleep(30 * time.Millisecond)
	if err := MarkSince("t-painted", "t-since"); err != nil {
		t.Fatal(err)
	}
	since := perf.Call("getEntriesByName", "t-since", "mark").Index(0).Get("startTime").Float()
	marks := perf.Call("getEntriesByName", "t-painted", "mark")
	if marks.Length() != 1 || marks.Index(0).Get("startTime").Float() != since {
		t.Errorf("t-painted marked %d times, at %v; want once at %v", marks.Length(), marks.Index(0).Get("startTime"), since)
	}
	// No mark since: after the next paint.
	if err := MarkSince("t-later", "t-never"); err != nil {
		t.Fatal(err)
	}
	within(t, 3*time.Second, "the mark after the paint", func() {
		for perf.Call("getEntriesByName", "t-later", "mark").Length() == 0 {
			time.Sleep(10 * time.Millisecond)
		}
	})
}
