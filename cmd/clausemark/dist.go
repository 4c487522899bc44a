//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dist writes a static copy of the site (go-app's static website
// generation, plus the files of web/) that any static host can serve.
func dist(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("dist", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "dist", "output directory")
	web := fs.String("web", "web", "directory of the static assets")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if _, err := os.Stat(filepath.Join(*web, "app.wasm")); err != nil {
		return fmt.Errorf("%s/app.wasm is missing: run 'make build' first", *web)
	}
	doc, _ := resolution.Parse(resolution.Seed())
	cmapp.Setup(doc, browser.None{})
	h := server.AppHandler(server.Version, *web, false, cmapp.PageTitle(doc))
	if err := app.GenerateStaticWebsite(*out, h); err != nil {
		return err
	}
	// app.js as the server sends it: app.wasm compiled while it
	// downloads, the service worker registered after the load.
	appJS := filepath.Join(*out, "app.js")
	js, err := os.ReadFile(appJS)
	if err != nil {
		return err
	}
	if js, err = server.RewriteAppJS(js); err != nil {
		return err
	}
	if err := os.WriteFile(appJS, js, 0o644); err != nil {
		return err
	}
	return copyDir(*web, filepath.Join(*out, "web"))
}

// copyDir copies the regular files of src into dst, and its directories
// (web/vendor/pdfjs) recursively.
func copyDir(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		from, to := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())
		if e.IsDir() {
			if err := copyDir(from, to); err != nil {
				return err
			}
			continue
		}
		if !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
