//go:build !js

package bench

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/clausemark/clausemark/internal/chromium"
)

// loadAvg is the system's 1-minute load average, to spot runs disturbed
// by other work on the machine (-1 if unknown).
func loadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	var l float64
	if _, err := fmt.Sscanf(string(b), "%f", &l); err != nil {
		return -1
	}
	return l
}

// machineInfo describes the machine and the browser at path.
func machineInfo(path string) Machine {
	m := Machine{CPUs: runtime.NumCPU(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, Go: runtime.Version()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "MemTotal:") {
				var kb int64
				fmt.Sscanf(strings.TrimPrefix(l, "MemTotal:"), "%d", &kb)
				m.MemoryGB = round(float64(kb)/(1<<20), 1)
			}
		}
	}
	if b, err := os.ReadFile("/etc/os-release"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "PRETTY_NAME="); ok {
				m.OS = strings.Trim(v, `"`)
			}
		}
	}
	// The browser's own version string, from a short-lived browser.
	dir, err := os.MkdirTemp("", "clausemark-bench-version-")
	if err != nil {
		return m
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tab, closeBrowser, err := chromium.Start(ctx, chromium.Options{Path: path, ProfileDir: dir})
	if err == nil {
		defer closeBrowser()
		if v, err := chromedp.CallBrowser(tab, cdpbrowser.GetVersion, cdp.Empty{}); err == nil {
			m.Chromium = v.Product
			m.UserAgent = v.UserAgent
			m.V8 = v.JsVersion
		}
	}
	return m
}

// appInfo identifies the app.wasm of web and the commit of the repository
// at root.
func appInfo(root, web string) AppInfo {
	var a AppInfo
	if b, err := os.ReadFile(filepath.Join(web, "app.wasm")); err == nil {
		a.WasmSHA256 = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(out))
	}
	a.Version = git("describe", "--always", "--dirty")
	a.Commit = git("rev-parse", "HEAD")
	return a
}
