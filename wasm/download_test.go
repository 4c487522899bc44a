//go:build js && wasm

package wasm

import (
	"bytes"
	"syscall/js"
	"testing"
	"time"

	"github.com/hack-pad/safejs"
)

// spyDownloads replaces URL.createObjectURL, URL.revokeObjectURL and the
// click of links with spies that record what Download does, without
// downloading anything, and restores them when the test ends. The test must
// not run in parallel with others.
const spyDownloads = `() => {
	const spy = {created: [], revoked: [], clicks: []};
	const create = URL.createObjectURL, revoke = URL.revokeObjectURL, click = HTMLAnchorElement.prototype.click;
	URL.createObjectURL = (blob) => { const url = create(blob); spy.created.push({url, blob}); return url; };
	URL.revokeObjectURL = (url) => { spy.revoked.push(url); revoke(url); };
	HTMLAnchorElement.prototype.click = function () {
		spy.clicks.push({href: this.href, download: this.download, connected: this.isConnected, element: this});
	};
	spy.restore = () => {
		URL.createObjectURL = create;
		URL.revokeObjectURL = revoke;
		HTMLAnchorElement.prototype.click = click;
	};
	return spy;
}`

func TestDownload(t *testing.T) { // not parallel: it replaces browser functions
	spy := jsFunc(t, spyDownloads).Invoke()
	t.Cleanup(func() { spy.Call("restore") })

	data := []byte("id,note\na1,Résolution 🐘\n")
	start := time.Now()
	if err := Download("notes é.csv", "text/csv", data); err != nil {
		t.Fatal(err)
	}

	if n := spy.Get("created").Length(); n != 1 {
		t.Fatalf("%d object URLs created, want 1", n)
	}
	created := spy.Get("created").Index(0)
	url := created.Get("url").String()
	blob := created.Get("blob")
	if typ := blob.Get("type").String(); typ != "text/csv" {
		t.Errorf("Blob type = %q, want text/csv", typ)
	}
	_, content, err := ReadFile(safejs.Safe(blob))
	if err != nil || !bytes.Equal(content, data) {
		t.Errorf("Blob content = %q, %v; want %q", content, err, data)
	}

	if n := spy.Get("clicks").Length(); n != 1 {
		t.Fatalf("%d clicks, want 1", n)
	}
	click := spy.Get("clicks").Index(0)
	if click.Get("href").String() != url || click.Get("download").String() != "notes é.csv" || !click.Get("connected").Bool() {
		t.Errorf("clicked link: href %s, download %q, in the document %v; want href %s, download %q, in the document",
			click.Get("href"), click.Get("download"), click.Get("connected"), url, "notes é.csv")
	}
	if click.Get("element").Get("isConnected").Bool() {
		t.Error("the link is still in the document after Download")
	}

	if revocations(spy, url) != 0 {
		t.Errorf("URL revoked at once; the browser needs it for a moment")
	}
	waitRevoked(t, spy, url)
	if d := time.Since(start); d < revokeDelay/2 {
		t.Errorf("URL revoked after %v, want about %v", d, revokeDelay)
	}
}

// revocations counts the revocations of url the spy saw.
func revocations(spy js.Value, url string) int {
	n := 0
	revoked := spy.Get("revoked")
	for i := range revoked.Length() {
		if revoked.Index(i).String() == url {
			n++
		}
	}
	return n
}

// waitRevoked waits until url is revoked, so that no timer of the test is
// left when it ends.
func waitRevoked(t *testing.T, spy js.Value, url string) {
	t.Helper()
	for start := time.Now(); revocations(spy, url) == 0 && time.Since(start) < 5*time.Second; {
		time.Sleep(50 * time.Millisecond)
	}
	if n := revocations(spy, url); n != 1 {
		t.Fatalf("%s revoked %d times, want once", url, n)
	}
}

func TestDownloadEmptyWithDefaultType(t *testing.T) { // not parallel: see TestDownload
	spy := jsFunc(t, spyDownloads).Invoke()
	t.Cleanup(func() { spy.Call("restore") })
	if err := Download("empty.bin", "", nil); err != nil {
		t.Fatal(err)
	}
	created := spy.Get("created").Index(0)
	blob := created.Get("blob")
	if blob.Get("type").String() != "application/octet-stream" || blob.Get("size").Int() != 0 {
		t.Errorf("Blob type %q size %d, want application/octet-stream, 0", blob.Get("type"), blob.Get("size").Int())
	}
	waitRevoked(t, spy, created.Get("url").String())
}
