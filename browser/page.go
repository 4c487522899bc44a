package browser

import "errors"

// Pages is what the app asks of the browser about the page it starts on
// and the copy of it the next load starts on: the page painted before the
// wasm runs, which may be a copy of a document's page the app kept at the
// last visit (KeepPage), put in the page by the service worker.
type Pages interface {
	// FindPrerendered returns the value of the attribute attr of the
	// first element of the page matching selector. ok is false when there
	// is none.
	FindPrerendered(selector, attr string) (value string, ok bool)
	// KeepPage keeps a copy of an element of the page in Cache Storage,
	// for the service worker to serve with the next load of its page (see
	// KeptPage). It copies at once and returns; the write goes on after,
	// and a failure of it is logged to the console.
	KeepPage(k KeptPage) error
	// ForgetPage removes the copy kept under key from the cache named
	// cache, if there is one; it returns at once.
	ForgetPage(cache, key string) error
	// MarkSince adds the User Timing mark name at the time of the mark
	// since: what name marks happened then (the page as it came showed
	// it). When there is no mark since yet, name is marked after the next
	// paint (MarkAfterPaint).
	MarkSince(name, since string)
}

// KeptPage is a copy of an element of a page that the service worker
// serves on the next load of the page's URL, spliced into the app shell
// (see the server's worker): an entry of Cache Storage under Key in the
// cache Cache, whose body is JSON with the fields version, title, digest
// and html (the element's outer HTML).
type KeptPage struct {
	// Cache names the cache (KeptPagesCache of the app's version); Key is
	// the URL path of the page ("/d/{id}").
	Cache, Key string
	// Selector finds the element copied. Drop are CSS selectors of
	// elements left out of the copy (dialogs, toasts: passing things);
	// Transient are classes left out (the clause the URL points to, a
	// selection).
	// DropAttrs are attributes left out (data-ready: the copy is not a
	// running app).
	Selector  string
	Drop      []string
	Transient []string
	DropAttrs []string
	// Version is the app's version: the worker serves only a copy of its
	// own. Title is the page title. Digest says what the copy shows (the
	// document, its text and its highlights): the app compares it with
	// its own when it starts.
	Version, Title, Digest string
	// MaxChars is the longest copy kept (in UTF-16 code units, as the
	// browser counts); a longer one is not kept, the copy kept before is
	// forgotten, and KeepPage reports ErrPageTooLarge. 0: no limit.
	MaxChars int
}

// ErrPageTooLarge says a copy of a page was too long to keep (see
// KeptPage.MaxChars).
var ErrPageTooLarge = errors.New("the page is too large to keep a copy of")

// MarkKeptPainted is the User Timing mark the page sets once it has
// painted the copy it came with (the server's app.js).
const MarkKeptPainted = "cm-kept-painted"

// KeptPagesCachePrefix starts the name of the Cache Storage cache that
// holds the pages kept for the service worker; the app's version ends it.
// The service worker of a version keeps its own cache of them and deletes
// the others: a new version may write its pages otherwise.
const KeptPagesCachePrefix = "clausemark-pages-"

// KeptPagesCache is the name of the cache of the pages kept by the app of
// this version.
func KeptPagesCache(version string) string { return KeptPagesCachePrefix + version }

// EarlyFetches is the global object of the page's app.js (the server's)
// that holds the responses (promises) of the fetches it starts as the page
// starts, by path: the text of the resolution the server serves, fetched
// in parallel with app.wasm. wasm.FetchText takes its response from there.
const EarlyFetches = "clausemarkEarlyFetches"
