//go:build js && wasm

package wasm

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// errNoStorageManager says the browser has no navigator.storage (an old
// browser, or a page that is not a secure context).
var errNoStorageManager = errors.New("this browser does not say how its storage is used")

// storageManager returns navigator.storage.
func storageManager() (safejs.Value, error) {
	nav, err := safejs.Global().Get("navigator")
	if err != nil {
		return safejs.Undefined(), err
	}
	sm, err := nav.Get("storage")
	if err != nil || sm.Type() != safejs.TypeObject {
		return safejs.Undefined(), errNoStorageManager
	}
	return sm, nil
}

// Persist asks the browser to keep the site's storage when space runs low
// (navigator.storage.persist), unless it does already, and reports
// whether it will. It blocks until the browser answers (it may ask the
// user): call it off the UI goroutine.
func Persist() (bool, error) {
	sm, err := storageManager()
	if err != nil {
		return false, err
	}
	p, err := sm.Call("persisted")
	if err != nil {
		return false, err
	}
	v, err := await("storage persisted", p)
	if err != nil {
		return false, err
	}
	if done, _ := v.Bool(); done {
		return true, nil
	}
	if p, err = sm.Call("persist"); err != nil {
		return false, err
	}
	if v, err = await("storage persist", p); err != nil {
		return false, err
	}
	granted, _ := v.Bool()
	return granted, nil
}

// Estimate returns how many bytes the site stores and may store
// (navigator.storage.estimate). It blocks: call it off the UI goroutine.
func Estimate() (usage, quota int64, err error) {
	sm, err := storageManager()
	if err != nil {
		return 0, 0, err
	}
	p, err := sm.Call("estimate")
	if err != nil {
		return 0, 0, err
	}
	v, err := await("storage estimate", p)
	if err != nil {
		return 0, 0, err
	}
	num := func(name string) int64 {
		x, err := v.Get(name)
		if err != nil {
			return 0
		}
		f, err := x.Float()
		if err != nil {
			return 0
		}
		return int64(f)
	}
	return num("usage"), num("quota"), nil
}
