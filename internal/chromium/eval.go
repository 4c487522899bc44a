//go:build !js

package chromium

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// Eval evaluates a JavaScript expression in the tab, awaiting a promise.
func Eval[T any](tab context.Context, js string) (T, error) {
	return chromedp.Run(tab, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// pollInterval is how often Poll evaluates its expression.
const pollInterval = 25 * time.Millisecond

// Poll waits until a JavaScript expression (a promise is awaited) is
// truthy, at most timeout; what names it in the error. It returns at once
// when the tab or its context ends. chromedp.Poll cannot be used: it builds
// its predicate with new Function, which a Content-Security-Policy without
// 'unsafe-eval' (the app's) forbids.
func Poll(tab context.Context, what, js string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	expr := `(async () => !!(await (` + js + `)))()`
	var last error
	for {
		ok, err := Eval[bool](tab, expr)
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		if tab.Err() != nil {
			return fmt.Errorf("waiting for %s: %w", what, context.Cause(tab))
		}
		if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, chromedp.ErrTargetDetached)) {
			return fmt.Errorf("waiting for %s: %w", what, err) // the browser or the tab is gone
		}
		if time.Now().After(deadline) {
			if last != nil {
				return fmt.Errorf("waiting for %s: timed out after %s (last error: %v)", what, timeout, last)
			}
			return fmt.Errorf("waiting for %s: timed out after %s", what, timeout)
		}
		time.Sleep(pollInterval)
	}
}
