package app

import (
	"sync"
	"time"
)

// upkeep is the library's upkeep at the start (keepDefault), run once:
// at once for the pages that list the library; after the first paint for
// the page of a document, so that the delegate sees the document sooner
// (postpone). Whatever reads or writes the library waits for it
// (workspace.store).
type upkeep struct {
	once     sync.Once
	done     chan struct{}
	mu       sync.Mutex
	deferred bool // start waits for the first paint, or for upkeepAtLatest
	run      func()
}

// upkeepAtLatest is when a deferred upkeep starts if no page was painted.
const upkeepAtLatest = 3 * time.Second

// init sets what the upkeep runs; the workspace calls it once.
func (u *upkeep) init(run func()) {
	u.run = run
	u.done = make(chan struct{})
}

// postpone makes the upkeep wait for start (the first paint), or
// upkeepAtLatest.
func (u *upkeep) postpone() {
	u.mu.Lock()
	u.deferred = true
	u.mu.Unlock()
	time.AfterFunc(upkeepAtLatest, u.start)
}

// start runs the upkeep in a goroutine, once.
func (u *upkeep) start() {
	u.once.Do(func() {
		go func() {
			defer close(u.done)
			u.run()
		}()
	})
}

// wait waits for the end of the upkeep, starting it unless it waits for
// the first paint. The upkeep itself must not call it (it uses
// openStore).
func (u *upkeep) wait() {
	u.mu.Lock()
	deferred := u.deferred
	u.mu.Unlock()
	if !deferred {
		u.start()
	}
	<-u.done
}
