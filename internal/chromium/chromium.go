//go:build !js

// Package chromium drives headless Chromium for the end-to-end tests (e2e/)
// and the browser benchmark (bench/): it finds Debian's Chromium, starts it
// on a profile directory with the flags this machine needs, watches a tab's
// console for errors and for the death of the Go program in the page,
// evaluates and polls JavaScript, and serves HTTP in process on a free
// port of the loopback.
//
// chromedp does not build for js/wasm, so neither does this package.
package chromium

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Path finds Debian's Chromium: the binary itself rather than the
// /usr/bin/chromium wrapper script, when it is there.
func Path() (string, error) {
	for _, p := range []string{"/usr/lib/chromium/chromium", "/usr/bin/chromium"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("chromium is not installed: run 'make test-deps' (apt-get install chromium)")
}

// Options are how Start launches Chromium.
type Options struct {
	// Path is the Chromium binary; empty: Path().
	Path string
	// ProfileDir is the user data directory, required: a fresh temporary
	// directory gives a fresh profile.
	ProfileDir string
	// Logf receives chromedp's own error messages (a known harmless one
	// excepted); nil drops them.
	Logf func(format string, args ...any)
}

// Flags are the command line options Start gives Chromium: chromedp's
// defaults (headless, no sandbox for root, no background networking, no
// first-run UI), the binary, the profile, no QUIC, no component updates
// (the machine has no internet access: Chromium would flood it with
// refused connections), no GPU, and a 1280×900 window.
func Flags(path, profileDir string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profileDir),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.WindowSize(1280, 900),
	)
}

// harmless reports whether a chromedp error message is known noise: cdproto
// v0.159 does not know the IPAddressSpace value Chromium sends for
// loopback addresses.
func harmless(msg string) bool {
	return containsAny(msg, "IPAddressSpace")
}

// Start launches Chromium with o, bound to ctx, and returns the context of
// its first tab and a function that closes the browser. Closing is needed
// even after ctx ends, to release the allocator.
func Start(ctx context.Context, o Options) (context.Context, func(), error) {
	if o.ProfileDir == "" {
		return nil, nil, errors.New("chromium: no profile directory")
	}
	if o.Path == "" {
		p, err := Path()
		if err != nil {
			return nil, nil, err
		}
		o.Path = p
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, Flags(o.Path, o.ProfileDir)...)
	tab, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if o.Logf != nil && !harmless(msg) {
			o.Logf("chromedp: %s", msg)
		}
	}))
	closeAll := func() {
		cancel()
		cancelAlloc()
	}
	if err := chromedp.Do(tab); err != nil {
		closeAll()
		return nil, nil, fmt.Errorf("starting chromium: %w", err)
	}
	return tab, closeAll, nil
}

// NewTab opens another tab in the browser of tab (same profile); the
// returned function closes it.
func NewTab(tab context.Context) (context.Context, func(), error) {
	ctx, cancel := chromedp.NewContext(tab)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("opening a tab: %w", err)
	}
	return ctx, cancel, nil
}
