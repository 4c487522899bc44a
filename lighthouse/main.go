//go:build !js

// Command lighthouse runs Lighthouse against the built app and writes the
// scores: make lighthouse (not part of make test). From the repository's
// root:
//
//	go run ./lighthouse [-runs 3] [-presets desktop,mobile] [-out docs] [-url URL] [-raw DIR]
//
// It serves web/ with the real server in process on a free port of the
// loopback (or audits -url, e.g. a running clausemark serve), runs the
// Lighthouse that lighthouse/package.json pins (12.8.2, the last release
// that runs on Node 20) in Debian's Chromium, with the desktop and the
// mobile presets, each -runs times (a fresh profile each: a cold load), and
// writes the median scores of performance, accessibility, best practices
// and SEO, the metrics and the audits that fail to OUT/lighthouse.json and
// OUT/LIGHTHOUSE.md. -raw keeps Lighthouse's own reports.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
)

func main() {
	log.SetFlags(log.Ltime)
	log.SetPrefix("lighthouse: ")
	web := flag.String("web", "web", "directory of the built app (make build)")
	out := flag.String("out", "docs", "directory of lighthouse.json and LIGHTHOUSE.md")
	runs := flag.Int("runs", 3, "Lighthouse runs per preset (the median is reported)")
	presets := flag.String("presets", "desktop,mobile", "Lighthouse presets, comma-separated")
	url := flag.String("url", "", "audit this URL instead of serving -web in process")
	raw := flag.String("raw", "", "directory to keep Lighthouse's own JSON reports in")
	bin := flag.String("lighthouse", "lighthouse/node_modules/.bin/lighthouse", "the Lighthouse command (make lighthouse installs it)")
	version := flag.String("version", server.Version, "the app version the server reports")
	flag.Parse()
	if *runs < 1 {
		log.Fatal("-runs must be at least 1")
	}
	if err := run(*web, *out, *url, *raw, *bin, *version, strings.Split(*presets, ","), *runs); err != nil {
		log.Fatal(err)
	}
}

func run(web, out, url, raw, bin, version string, presets []string, runs int) error {
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("%s is missing: run 'make lighthouse' (it installs the pinned Lighthouse with npm)", bin)
	}
	chrome, err := chromium.Path()
	if err != nil {
		return err
	}
	if url == "" {
		srv, err := serve(web, version)
		if err != nil {
			return err
		}
		defer srv.Stop()
		// The reader of the built-in resolution: "/" takes a new delegate
		// (a fresh profile, as each run is) to the library.
		url = srv.URL + "/d/A-HRC-RES-53-11"
	}
	if raw == "" {
		dir, err := os.MkdirTemp("", "lighthouse-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		raw = dir
	} else if err := os.MkdirAll(raw, 0o755); err != nil {
		return err
	}

	rep := Report{Date: time.Now().UTC().Format(time.RFC3339), App: version, URL: url, Runs: runs}
	for _, preset := range presets {
		preset = strings.TrimSpace(preset)
		var reports []*lhReport
		for i := range runs {
			file := filepath.Join(raw, fmt.Sprintf("%s-%d.json", preset, i+1))
			log.Printf("%s, run %d of %d…", preset, i+1, runs)
			r, err := lighthouse(bin, chrome, url, preset, file)
			if err != nil {
				return err
			}
			reports = append(reports, r)
			rep.Lighthouse, rep.Browser = r.LighthouseVersion, r.Environment.HostUserAgent
		}
		p := summarize(preset, reports)
		log.Printf("%s: %v", preset, p.Scores)
		rep.Presets = append(rep.Presets, p)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	js, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "lighthouse.json"), append(js, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "LIGHTHOUSE.md"), []byte(rep.Markdown()), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s and %s", filepath.Join(out, "lighthouse.json"), filepath.Join(out, "LIGHTHOUSE.md"))
	return nil
}

// serve starts the real server on the built app, with the resolution
// compiled into it, as clausemark serve does.
func serve(web, version string) (*chromium.Server, error) {
	doc, err := resolution.Parse(resolution.Seed())
	if err != nil {
		return nil, err
	}
	cmapp.Setup(doc, browser.None{})
	h, err := server.New(server.Options{WebDir: web, Version: version, Title: cmapp.PageTitle(doc)})
	if err != nil {
		return nil, err
	}
	return chromium.Serve(h)
}

// ChromeFlags are the flags Lighthouse starts Chromium with: headless, no
// GPU, and, as internal/chromium does for the tests, no QUIC, no component
// updates, no background networking (the machine has no internet access);
// no sandbox when running as root, where Chromium refuses one.
func ChromeFlags() []string {
	flags := []string{"--headless=new", "--disable-gpu", "--disable-quic", "--disable-component-update",
		"--disable-background-networking", "--disable-sync", "--no-first-run"}
	if os.Geteuid() == 0 {
		flags = append(flags, "--no-sandbox")
	}
	return flags
}

// lighthouse runs Lighthouse once and reads its report.
func lighthouse(bin, chrome, url, preset, file string) (*lhReport, error) {
	args := []string{url, "--output=json", "--output-path=" + file, "--quiet",
		"--only-categories=" + strings.Join(categories, ","),
		"--chrome-flags=" + strings.Join(ChromeFlags(), " ")}
	switch preset {
	case "desktop":
		args = append(args, "--preset=desktop")
	case "mobile":
		// Lighthouse's default: a mid-range phone, 4× CPU slowdown, slow 4G.
	default:
		return nil, fmt.Errorf("unknown preset %q (desktop or mobile)", preset)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("lighthouse %s: %v\n%s", preset, err, stderr.String())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var r lhReport
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("reading Lighthouse's report %s: %w", file, err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		return nil, fmt.Errorf("lighthouse %s: %s: %s", preset, r.RuntimeError.Code, r.RuntimeError.Message)
	}
	if len(r.Categories) == 0 {
		return nil, errors.New("lighthouse " + preset + ": the report has no scores")
	}
	return &r, nil
}
