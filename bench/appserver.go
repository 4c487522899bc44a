//go:build !js

package bench

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/internal/chromium"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
)

// appVersion is the version the in-process server announces: fixed, so the
// service worker's cache stays valid across the server restarts of a run.
const appVersion = "bench"

// appServer is the real Clausemark server in process, serving webDir and
// the resolution text, counting what it sends.
type appServer struct {
	*chromium.Server
	counter *counter
}

func startAppServer(webDir string, text []byte) (*appServer, error) {
	h, err := server.New(server.Options{WebDir: webDir, Version: appVersion, Document: text})
	if err != nil {
		return nil, err
	}
	c := &counter{}
	s, err := chromium.Serve(c.wrap(h))
	if err != nil {
		return nil, err
	}
	return &appServer{Server: s, counter: c}, nil
}

// counter counts the responses and body bytes the server sends, by path.
type counter struct {
	mu     sync.Mutex
	byPath map[string]*PathBytes
}

func (c *counter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(cw, r)
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.byPath == nil {
			c.byPath = map[string]*PathBytes{}
		}
		p := c.byPath[r.URL.Path]
		if p == nil {
			p = &PathBytes{}
			c.byPath[r.URL.Path] = p
		}
		p.Requests++
		p.Bytes += cw.n
		if cw.status == http.StatusOK {
			p.Full++
		}
		if enc := w.Header().Get("Content-Encoding"); enc != "" {
			p.Encoding = enc
		}
	})
}

func (c *counter) reset() {
	c.mu.Lock()
	c.byPath = nil
	c.mu.Unlock()
}

func (c *counter) snapshot() ServerBytes {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := ServerBytes{}
	for k, v := range c.byPath {
		out[k] = *v
	}
	return out
}

type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *countingWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

// pageSize is the size of the pre-rendered page (/) of the document that
// app.Setup was given.
func pageSize(webDir string, text []byte) int {
	srv, err := startAppServer(webDir, text)
	if err != nil {
		return -1
	}
	defer srv.Stop()
	b, _, err := fetch(srv.URL + "/")
	if err != nil {
		return -1
	}
	return len(b)
}

// fetch gets a URL as a browser would (accepting brotli and gzip) and
// returns the body as sent, not decompressed.
func fetch(url string) ([]byte, http.Header, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept-Encoding", "br, gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("GET %s: %v", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return b, resp.Header, nil
}

// snapshotWeb copies web/ (with its subdirectories) into dir/web and checks that its compressed
// copies of app.wasm belong to it.
func snapshotWeb(src, dir string) (string, error) {
	wasm, err := os.Stat(filepath.Join(src, "app.wasm"))
	if err != nil {
		return "", errors.New("web/app.wasm is missing: run 'make build' (make bench builds it) first")
	}
	for _, c := range []string{"app.wasm.gz", "app.wasm.br"} {
		fi, err := os.Stat(filepath.Join(src, c))
		// brotli gives its output the input's time, to the second.
		if err == nil && fi.ModTime().Before(wasm.ModTime().Truncate(time.Second)) {
			return "", fmt.Errorf("web/%s is older than web/app.wasm (a build in progress?): run 'make build' again", c)
		}
	}
	dst := filepath.Join(dir, "web")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return "", err
	}
	// Its subdirectories too: pdf.js is in web/vendor/pdfjs, and the
	// service worker caches nothing when one file it caches is missing.
	err = filepath.WalkDir(src, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		switch {
		case e.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		case !e.Type().IsRegular() || strings.HasSuffix(e.Name(), ".tmp"):
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		return "", err
	}
	// The gzip copy must decompress to app.wasm.
	if gz, err := os.Open(filepath.Join(dst, "app.wasm.gz")); err == nil {
		defer gz.Close()
		zr, err := gzip.NewReader(gz)
		if err != nil {
			return "", fmt.Errorf("web/app.wasm.gz: %v", err)
		}
		h := sha256.New()
		if _, err := io.Copy(h, zr); err != nil {
			return "", fmt.Errorf("web/app.wasm.gz: %v", err)
		}
		raw, err := os.ReadFile(filepath.Join(dst, "app.wasm"))
		if err != nil {
			return "", err
		}
		if sum := sha256.Sum256(raw); !bytes.Equal(sum[:], h.Sum(nil)) {
			return "", errors.New("web/app.wasm.gz is not web/app.wasm compressed (a build in progress?): run 'make build' again")
		}
	}
	return dst, nil
}

// measureSizes reports app.wasm raw, gzip and brotli (web/, as make build
// leaves it) and what the server sends for every other asset, fetched from
// an in-process server with the built-in resolution.
func measureSizes(webDir string) (Sizes, []error) {
	var errs []error
	var s Sizes
	stat := func(name string) int64 {
		fi, err := os.Stat(filepath.Join(webDir, name))
		if err != nil {
			return -1
		}
		return fi.Size()
	}
	s.Wasm = WasmSizes{Raw: stat("app.wasm"), Gzip: stat("app.wasm.gz"), Brotli: stat("app.wasm.br")}
	seed, _ := resolution.Parse(resolution.Seed())
	cmapp.Setup(seed, browser.None{})
	h, err := server.New(server.Options{WebDir: webDir, Version: appVersion})
	if err != nil {
		return s, []error{err}
	}
	srv, err := chromium.Serve(h)
	if err != nil {
		return s, []error{err}
	}
	defer srv.Stop()
	base := srv.URL
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest",
		"/web/clausemark.css", "/web/icon.svg", "/web/icon-192.png", "/web/icon-512.png", "/web/app.wasm"} {
		b, hdr, err := fetch(base + p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s.Assets = append(s.Assets, Asset{Path: p, Bytes: len(b), ContentType: hdr.Get("Content-Type"), Encoding: hdr.Get("Content-Encoding")})
	}
	return s, errs
}
