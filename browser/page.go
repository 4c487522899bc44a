package browser

import "github.com/clausemark/clausemark/markup"

// Pages is what the app asks of the browser about the page it starts on
// and the copy of it the next load starts on: the page painted before the
// wasm runs (pre-rendered by the server, or a copy the service worker
// serves, see KeepPage), which the app takes over rather than rendering
// it again.
type Pages interface {
	// FindPrerendered looks, the first time it is called in a page and
	// only then, for the element matching selector among those the page
	// was loaded with, keeps it for AdoptPrerendered and returns the value
	// of its attribute attr. ok is false when there is none (or on any
	// later call).
	FindPrerendered(selector, attr string) (value string, ok bool)
	// AdoptPrerendered moves the content of the element FindPrerendered
	// kept into the first other element matching selector (the app's own,
	// rendered empty), and takes the classes transient off every element
	// it moved. It fails, moving nothing, when either is missing.
	AdoptPrerendered(selector string, transient []string) error
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

// KeptPage is a copy of the document of a page that the service worker
// serves on the next load of the page's URL, spliced into the app shell
// (see the server's worker): an entry of Cache Storage under Key in the
// cache Cache, whose body is JSON with the fields version, title, symbol,
// count and html.
type KeptPage struct {
	// Cache names the cache (KeptPagesCache of the app's version); Key is
	// the URL path of the page ("/d/{id}").
	Cache, Key string
	// Selector finds the element copied, with its outer HTML (html).
	Selector string
	// Attrs are set on the element before it is copied; Transient are
	// classes left out of the copy (the page's passing state: the clause
	// the URL points to, a selection, a flash).
	Attrs     []markup.Attr
	Transient []string
	// Version is the app's version; Title the page title; Symbol the
	// document's symbol (the bar names it); Count the number of its
	// annotations (the bar's badge).
	Version, Title, Symbol string
	Count                  int
}

// KeptPagesCachePrefix starts the name of the Cache Storage cache that
// holds the pages kept for the service worker; the app's version ends it.
// The service worker of a version keeps its own cache of them and deletes
// the others: a new version may write its pages otherwise.
const KeptPagesCachePrefix = "clausemark-pages-"

// KeptPagesCache is the name of the cache of the pages kept by the app of
// this version.
func KeptPagesCache(version string) string { return KeptPagesCachePrefix + version }
