// Package server serves Clausemark: the go-app handler (pre-rendered
// document, app.js, service worker, manifest), the static assets of web/,
// app.wasm precompressed, and the security headers. It is used by the
// clausemark command and, in process, by the end-to-end tests.
package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Version is the app version, set at build time with
// -ldflags "-X github.com/clausemark/clausemark/server.Version=…". The
// service worker cache is keyed by it: a fixed version keeps the offline
// cache valid across server restarts.
var Version = "dev"

// ContentSecurityPolicy is sent with every response. The app loads nothing
// from other origins; Go's WebAssembly needs 'wasm-unsafe-eval'; downloads
// use blob: URLs. pdf.js is a module imported from this origin
// (script-src 'self') and runs its worker from this origin
// (worker-src 'self'); it evaluates no code. The print view of the brief
// opens from a blob: URL, which keeps this policy: its one style sheet is
// allowed by its hash (annotations.PrintStyleSource), and nothing else
// inline is.
var ContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' " + annotations.PrintStyleSource + "; " +
	"img-src 'self' data: blob:; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"manifest-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"frame-ancestors 'none'"

// Options configure a server.
type Options struct {
	// WebDir is the directory served under /web/ (app.wasm, styles, icons).
	WebDir string
	// Version overrides the package Version when not empty.
	Version string
	// Document is the text of the resolution to serve instead of the one
	// compiled into the app (clausemark serve -doc FILE), at most
	// MaxDocumentSize bytes. The app fetches it from DocumentPath; the
	// service worker caches it for offline use.
	Document []byte
	// Title is the page title (cmapp.PageTitle of the document served);
	// "Clausemark" when empty.
	Title string
}

// MaxDocumentSize is the largest document the server serves: 4 MiB, some
// twenty times the longest UN resolutions. Every page request renders the
// document; a 50 MB text made 132 MB of HTML per request.
const MaxDocumentSize = 4 << 20

// ErrDocumentTooLarge is the error of New for a document over
// MaxDocumentSize.
var ErrDocumentTooLarge = errors.New("the document is too large to serve")

// DocumentPath is where the server serves Options.Document.
const DocumentPath = cmapp.DocumentPath

// CacheableResources are the assets of web/ the service worker caches on
// install, besides what go-app adds itself (/, app.js, app.css, the
// manifest, wasm_exec.js, app.wasm and the PNG icons).
var CacheableResources = []string{
	"/web/clausemark.css",
	"/web/icon.svg",
	"/web/icon-192.png",
	"/web/icon-512.png",
	PDFJSModule,
	PDFJSWorker,
	PDFJSLicense,
}

// The PDF reader: Clausemark's bridge script (web/pdf-text.js, a script of
// the page) and pdf.js, vendored into web/vendor/pdfjs/ by the Makefile.
// The bridge imports the module only when a PDF is opened; pdf.js runs its
// worker from PDFJSWorker, on this origin (worker-src 'self').
const (
	PDFBridgeScript = "/web/pdf-text.js"
	PDFJSModule     = "/web/vendor/pdfjs/pdf.min.mjs"
	PDFJSWorker     = "/web/vendor/pdfjs/pdf.worker.min.mjs"
	PDFJSLicense    = "/web/vendor/pdfjs/LICENSE"
)

// AppHandler returns the go-app handler that describes the PWA. The dist
// target uses it too, to generate the static site. withDocument says the
// resolution is served at DocumentPath; title is the page title ("" for
// "Clausemark").
func AppHandler(version, webDir string, withDocument bool, title string) *app.Handler {
	cacheable := CacheableResources
	var env map[string]string
	if withDocument {
		cacheable = append(append([]string{}, CacheableResources...), DocumentPath)
		env = map[string]string{cmapp.DocumentEnv: DocumentPath}
	}
	if title == "" {
		title = "Clausemark"
	}
	worker, err := workerTemplate()
	if err != nil {
		panic(err) // a go-app upgrade; the server test says so first
	}
	h := &app.Handler{
		ServiceWorkerTemplate: worker,
		Name:                  "Clausemark",
		ShortName:             "Clausemark",
		Title:                 title,
		Description:           "Read and annotate United Nations resolutions, offline.",
		Author:                "Clausemark",
		Lang:                  "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor:    "#fbfaf7",
		ThemeColor:         "#1d3557",
		LoadingLabel:       "Loading the annotator… {progress}%",
		Styles:             []string{"/web/clausemark.css"},
		Scripts:            []string{PDFBridgeScript + " defer"},
		CacheableResources: cacheable,
		Env:                env,
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + metaCSP() + `">`,
			`<meta name="color-scheme" content="light dark">`,
		},
		Version: version,
	}
	if fi, err := os.Stat(filepath.Join(webDir, "app.wasm")); err == nil {
		h.WasmContentLength = strconv.FormatInt(fi.Size(), 10)
	}
	return h
}

// metaCSP is the policy for the <meta> tag, so that a static copy of the
// site (make dist) is protected too; frame-ancestors is ignored there.
func metaCSP() string {
	return strings.TrimSuffix(ContentSecurityPolicy, "; frame-ancestors 'none'")
}

// New returns the HTTP handler of Clausemark.
func New(o Options) (http.Handler, error) {
	if o.WebDir == "" {
		o.WebDir = "web"
	}
	version := o.Version
	if version == "" {
		version = Version
	}
	if len(o.Document) > MaxDocumentSize {
		return nil, fmt.Errorf("%w: %.1f MB, and the server serves documents of at most %d MB", ErrDocumentTooLarge, float64(len(o.Document))/1e6, MaxDocumentSize>>20)
	}
	wasm := filepath.Join(o.WebDir, "app.wasm")
	if _, err := os.Stat(wasm); err != nil {
		return nil, fmt.Errorf("%s is missing: build it first with 'make build' (%w)", wasm, err)
	}
	h := AppHandler(version, o.WebDir, o.Document != nil, o.Title)
	h.Resources = newWebResources(o.WebDir, version, servedFiles(h))
	return &handler{app: h, web: o.WebDir, version: version, document: o.Document}, nil
}

type handler struct {
	app      *app.Handler
	web      string
	version  string
	document []byte
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")

	switch r.URL.Path {
	case "/web/app.wasm", "/app.wasm":
		h.serveWasm(w, r)
		return
	case DocumentPath:
		if h.document != nil {
			hdr.Set("Content-Type", "text/plain; charset=utf-8")
			hdr.Set("Cache-Control", "no-cache")
			hdr.Set("ETag", `"`+h.version+"-doc"+`"`)
			http.ServeContent(w, r, "document.txt", time.Time{}, bytes.NewReader(h.document))
			return
		}
	}
	if strings.HasPrefix(r.URL.Path, "/web/app.wasm.") {
		http.NotFound(w, r) // the compressed copies are served as /web/app.wasm
		return
	}
	// go-app writes the attributes of the pages it renders with Go's
	// string quoting, which HTML does not read: a '"' in a value (a
	// document's title or symbol) would end the attribute. The pages are
	// written again with HTML's own escaping.
	rec := &pageRecorder{header: hdr}
	h.app.ServeHTTP(rec, r)
	body := rec.body.Bytes()
	if strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
		body = EscapeAttributes(body)
		hdr.Set("Content-Length", strconv.Itoa(len(body)))
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	w.WriteHeader(rec.status)
	w.Write(body)
}

// pageRecorder keeps a response of the go-app handler to write it again.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header { return p.header }

func (p *pageRecorder) WriteHeader(status int) {
	if p.status == 0 {
		p.status = status
	}
}

func (p *pageRecorder) Write(b []byte) (int, error) {
	p.WriteHeader(http.StatusOK)
	return p.body.Write(b)
}

// serveWasm serves app.wasm, precompressed with brotli or gzip when the
// client accepts it and the compressed file is there.
func (h *handler) serveWasm(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Vary", "Accept-Encoding")
	hdr.Set("Cache-Control", "no-cache")
	name := filepath.Join(h.web, "app.wasm")
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, enc.token) {
			continue
		}
		f, err := os.Open(name + enc.ext)
		if err != nil {
			continue
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			continue
		}
		hdr.Set("Content-Encoding", enc.token)
		hdr.Set("Content-Type", "application/wasm")
		hdr.Set("ETag", `"`+h.version+"-"+enc.token+`"`)
		http.ServeContent(w, r, "app.wasm", fi.ModTime(), f)
		return
	}
	f, err := os.Open(name)
	if err != nil {
		http.Error(w, "app.wasm is missing", http.StatusNotFound)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	hdr.Set("Content-Type", "application/wasm")
	hdr.Set("ETag", `"`+h.version+`"`)
	http.ServeContent(w, r, "app.wasm", fi.ModTime(), f)
}

// acceptsEncoding reports whether an Accept-Encoding header accepts the
// coding token with a non-zero quality.
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(fields[0]), token) {
			continue
		}
		for _, p := range fields[1:] {
			p = strings.TrimSpace(p)
			if q, ok := strings.CutPrefix(p, "q="); ok {
				if v, err := strconv.ParseFloat(q, 64); err == nil && v == 0 {
					return false
				}
			}
		}
		return true
	}
	return false
}

// webResources serves /web/… from a directory of any name and resolves
// /web/… to itself, as app.LocalDir("") would for a ./web directory. It
// serves only the files the app needs (those the service worker caches):
// no directory listing, no dotfile, nothing else that lies in the
// directory.
type webResources struct {
	dir     string
	version string
	allowed map[string]bool
}

// servedFiles are the paths of the files of web/ a page of h loads: what
// the service worker caches, the styles and the scripts.
func servedFiles(h *app.Handler) []string {
	paths := append(append([]string{}, h.CacheableResources...), h.Styles...)
	for _, s := range h.Scripts {
		paths = append(paths, strings.Fields(s)[0])
	}
	return paths
}

func newWebResources(dir, version string, cacheable []string) webResources {
	allowed := make(map[string]bool, len(cacheable))
	for _, p := range cacheable {
		if strings.HasPrefix(p, "/web/") {
			allowed[p] = true
		}
	}
	return webResources{dir: dir, version: version, allowed: allowed}
}

// Resolve returns the URL of a resource: local paths stay as they are.
func (r webResources) Resolve(location string) string {
	if location == "" {
		return "/"
	}
	return location
}

func (r webResources) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	p := strings.TrimPrefix(req.URL.Path, "/"+r.version)
	if !r.allowed[p] {
		http.NotFound(w, req)
		return
	}
	name := filepath.Join(r.dir, filepath.FromSlash(strings.TrimPrefix(p, "/web/")))
	f, err := os.Open(name)
	if err != nil {
		http.NotFound(w, req)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		http.NotFound(w, req)
		return
	}
	http.ServeContent(w, req, fi.Name(), fi.ModTime(), f)
}
