//go:build js && wasm

package wasm

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/hack-pad/safejs"
)

// DefaultChannelName is the name of Clausemark's BroadcastChannel.
const DefaultChannelName = "clausemark"

// changeType marks Clausemark's messages on a BroadcastChannel, so other
// messages on the same channel name are ignored.
const changeType = "clausemark.change"

// Change tells other tabs that annotations of a document changed, so they
// can reload them from the Store.
type Change struct {
	// Document is the symbol of the document whose annotations changed.
	Document string
	// Put lists the ids of annotations added or replaced.
	Put []string
	// Deleted lists the ids of annotations removed.
	Deleted []string
	// Source is the ID of the Channel that posted the change; Post fills it.
	// An app opens one Channel per tab, so it identifies the tab.
	Source string
}

// wireChange is a Change as posted: a plain object built by JSON.parse.
type wireChange struct {
	Type     string   `json:"type"`
	Version  int      `json:"v"`
	Document string   `json:"document"`
	Put      []string `json:"put"`
	Deleted  []string `json:"deleted"`
	Source   string   `json:"source"`
}

// Channel sends and receives Changes between the tabs of Clausemark over a
// BroadcastChannel.
//
// The browser delivers a message to every other BroadcastChannel object of
// the same name and origin, in this tab or another, never to the object that
// posted it. A Channel also drops messages whose Source is its own ID, and
// messages that are not Changes.
type Channel struct {
	bc      safejs.Value // the BroadcastChannel
	id      string
	stop    func()
	out     chan Change
	signal  chan struct{} // capacity 1: the queue has grown
	closing chan struct{} // closed by Close

	mu     sync.Mutex
	queue  []Change // received, not yet handed to the reader of out
	closed bool
}

// OpenChannel opens the BroadcastChannel name (DefaultChannelName if name
// is empty). Receive with Changes; call Close when done. It fails with an
// error wrapping ErrUnavailable if the browser has no BroadcastChannel.
func OpenChannel(name string) (*Channel, error) {
	if name == "" {
		name = DefaultChannelName
	}
	op := fmt.Sprintf("BroadcastChannel %q open", name)
	ctor, err := safejs.Global().Get("BroadcastChannel")
	if err != nil {
		return nil, callError(op, err, false)
	}
	if ctor.Type() != safejs.TypeFunction {
		return nil, &DOMError{Op: op, Message: "BroadcastChannel is " + ctor.Type().String(), Err: ErrUnavailable}
	}
	bc, err := ctor.New(name)
	if err != nil {
		return nil, callError(op, err, false)
	}
	c := &Channel{
		bc:      bc,
		id:      randomID(),
		out:     make(chan Change),
		signal:  make(chan struct{}, 1),
		closing: make(chan struct{}),
	}
	c.stop, err = listen(bc, c.receive, "message")
	if err != nil {
		_, _ = bc.Call("close")
		return nil, callError(op, err, false)
	}
	go c.pump()
	return c, nil
}

// ID returns the random ID of this Channel, the Source of the Changes it
// posts.
func (c *Channel) ID() string { return c.id }

// Post sends ch to the other Channels of the same name. It sets ch.Source to
// the Channel's ID if it is empty.
func (c *Channel) Post(ch Change) error {
	op := "BroadcastChannel post"
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return &DOMError{Op: op, Message: "Close was called", Err: ErrChannelClosed}
	}
	if ch.Source == "" {
		ch.Source = c.id
	}
	w := wireChange{Type: changeType, Version: 1, Document: ch.Document, Put: ch.Put, Deleted: ch.Deleted, Source: ch.Source}
	if w.Put == nil {
		w.Put = []string{}
	}
	if w.Deleted == nil {
		w.Deleted = []string{}
	}
	b, err := json.Marshal(w)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	v, err := jsonParse(op, string(b))
	if err != nil {
		return err
	}
	if _, err := c.bc.Call("postMessage", v); err != nil {
		err = callError(op, err, false)
		var d *DOMError
		if errors.As(err, &d) && d.Name == "InvalidStateError" {
			d.Err = ErrChannelClosed
		}
		return err
	}
	return nil
}

// Changes returns the channel on which received Changes arrive, in order.
// It is closed by Close. Changes are queued without limit until read.
func (c *Channel) Changes() <-chan Change { return c.out }

// Close closes the BroadcastChannel, releases its listener and closes the
// Changes channel. Queued Changes not yet read are dropped. Close may be
// called more than once.
func (c *Channel) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.queue = nil
	c.mu.Unlock()
	c.stop()
	close(c.closing)
	_, err := c.bc.Call("close")
	return callError("BroadcastChannel close", err, false)
}

// receive handles a message event. It runs inside a JavaScript callback, so
// it only queues the Change for pump.
func (c *Channel) receive(event safejs.Value) {
	data, err := event.Get("data")
	if err != nil {
		return
	}
	var text string
	switch data.Type() {
	case safejs.TypeString: // tolerate a Change posted as JSON text
		text, err = data.String()
	case safejs.TypeObject:
		text, err = jsonStringify("BroadcastChannel receive", data)
	default:
		return
	}
	if err != nil {
		return
	}
	var w wireChange
	if json.Unmarshal([]byte(text), &w) != nil || w.Type != changeType || w.Source == c.id {
		return // not ours, or our own
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	c.queue = append(c.queue, Change{Document: w.Document, Put: w.Put, Deleted: w.Deleted, Source: w.Source})
	select {
	case c.signal <- struct{}{}:
	default:
	}
}

// pump hands queued Changes to the reader of c.out, in order, until Close.
func (c *Channel) pump() {
	defer close(c.out)
	for {
		c.mu.Lock()
		var next Change
		ok := len(c.queue) > 0
		if ok {
			next = c.queue[0]
			c.queue = c.queue[1:]
		}
		c.mu.Unlock()
		if !ok {
			select {
			case <-c.signal:
				continue
			case <-c.closing:
				return
			}
		}
		select {
		case c.out <- next:
		case <-c.closing:
			return
		}
	}
}

// randomID returns 16 random hexadecimal digits.
func randomID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // never fails (crypto.getRandomValues)
	return hex.EncodeToString(b[:])
}
