//go:build js && wasm

package wasm

import (
	"errors"
	"reflect"
	"syscall/js"
	"testing"
	"time"
)

func testChannel(t *testing.T, name string) *Channel {
	t.Helper()
	c, err := OpenChannel(name)
	if err != nil {
		t.Fatalf("OpenChannel(%q): %v", name, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func receive(t *testing.T, c *Channel) Change {
	t.Helper()
	select {
	case ch, ok := <-c.Changes():
		if !ok {
			t.Fatal("Changes closed")
		}
		return ch
	case <-time.After(5 * time.Second):
		t.Fatal("no Change received within 5 s")
	}
	return Change{}
}

func TestChannelDeliversChangesToAnotherChannel(t *testing.T) {
	t.Parallel()
	name := "clausemark-test-" + randomID()
	sender, receiver := testChannel(t, name), testChannel(t, name)
	if sender.ID() == receiver.ID() || len(sender.ID()) != 16 {
		t.Errorf("IDs %q and %q: want two different random IDs", sender.ID(), receiver.ID())
	}

	first := Change{Document: "A/RES/78/1 «é»", Put: []string{"a1", "🐘"}, Deleted: []string{"a0"}}
	if err := sender.Post(first); err != nil {
		t.Fatal(err)
	}
	if err := sender.Post(Change{Document: "D2"}); err != nil {
		t.Fatal(err)
	}
	want := first
	want.Source = sender.ID()
	if got := receive(t, receiver); !reflect.DeepEqual(got, want) {
		t.Errorf("received %+v, want %+v", got, want)
	}
	if got := receive(t, receiver); got.Document != "D2" || len(got.Put) != 0 || len(got.Deleted) != 0 || got.Source != sender.ID() {
		t.Errorf("second Change = %+v, want D2 with no ids, from the sender", got)
	}

	// The sender does not get its own messages.
	select {
	case ch := <-sender.Changes():
		t.Errorf("the sender received its own Change %+v", ch)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestChannelIgnoresForeignMessages(t *testing.T) {
	t.Parallel()
	name := "clausemark-test-" + randomID()
	c := testChannel(t, name)
	other := js.Global().Get("BroadcastChannel").New(name)
	defer other.Call("close")
	for _, m := range []any{
		"not json",
		42,
		nil,
		map[string]any{"type": "something.else", "document": "X"},
		map[string]any{"type": changeType, "document": "mine", "source": c.ID()},
		js.Global().Get("Uint8Array").New(3),
		`{"type":"clausemark.change","v":1,"document":"as text","put":["t"],"deleted":[],"source":"other"}`,
		map[string]any{"type": changeType, "v": 1, "document": "D", "put": []any{"p"}, "deleted": []any{}, "source": "another-tab"},
	} {
		other.Call("postMessage", m)
	}
	if got := receive(t, c); got.Document != "as text" || got.Source != "other" {
		t.Errorf("first Change = %+v, want the one posted as JSON text", got)
	}
	if got := receive(t, c); got.Document != "D" || !reflect.DeepEqual(got.Put, []string{"p"}) || got.Source != "another-tab" {
		t.Errorf("second Change = %+v, want D from another-tab", got)
	}
}

func TestClosedChannel(t *testing.T) {
	t.Parallel()
	c := testChannel(t, "clausemark-test-"+randomID())
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := c.Post(Change{Document: "D"}); !errors.Is(err, ErrChannelClosed) {
		t.Errorf("Post after Close = %v, want ErrChannelClosed", err)
	}
	select {
	case _, ok := <-c.Changes():
		if ok {
			t.Error("Changes delivered a Change after Close")
		}
	case <-time.After(time.Second):
		t.Error("Changes not closed by Close")
	}
}
