// Package server serves Clausemark: the go-app handler (pre-rendered
// document, app.js, service worker, manifest), the static assets of web/,
// app.wasm, every text response compressed (compress.go), and the security
// headers. It is used by the
// clausemark command and, in process, by the end-to-end tests.
package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
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

// VersionHeader is the response header that names the version of the app
// that sent it. The service worker's install takes a resource from the
// browser's HTTP cache (where the page's first load left it) only when it
// carries the worker's own version; otherwise it fetches it again.
const VersionHeader = "Clausemark-Version"

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
	cache := &compressedCache{}
	h := AppHandler(version, o.WebDir, o.Document != nil, o.Title)
	web := newWebResources(o.WebDir, version, servedFiles(h), cache)
	h.Resources = web
	appJS, err := generatedAppJS(h)
	if err != nil {
		return nil, err
	}
	return &handler{app: h, web: web, version: version, document: o.Document, appJS: appJS, cache: cache}, nil
}

// generatedAppJS is go-app's app.js for h, rewritten by RewriteAppJS.
func generatedAppJS(h *app.Handler) ([]byte, error) {
	req, err := http.NewRequest("GET", "http://localhost/app.js", nil)
	if err != nil {
		return nil, err
	}
	rec := &pageRecorder{header: http.Header{}}
	h.ServeHTTP(rec, req)
	if rec.status != http.StatusOK {
		return nil, fmt.Errorf("go-app's app.js: status %d", rec.status)
	}
	return RewriteAppJS(rec.body.Bytes())
}

type handler struct {
	app      *app.Handler
	web      *webResources
	version  string
	document []byte
	appJS    []byte // app.js, rewritten
	cache    *compressedCache
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
	hdr.Set(VersionHeader, h.version)

	switch r.URL.Path {
	case "/web/app.wasm", "/app.wasm":
		h.serveWasm(w, r)
		return
	case DocumentPath:
		if h.document != nil {
			hdr.Set("Content-Type", "text/plain; charset=utf-8")
			hdr.Set("Cache-Control", "no-cache")
			h.writeBody(w, r, http.StatusOK, h.document, h.version+"-doc", true)
			return
		}
	}
	if strings.HasPrefix(r.URL.Path, "/web/app.wasm.") {
		http.NotFound(w, r) // the compressed copies are served as /web/app.wasm
		return
	}
	if strings.HasPrefix(strings.TrimPrefix(r.URL.Path, "/"+h.version), "/web/") {
		h.web.ServeHTTP(w, r)
		return
	}
	h.serveApp(w, r)
}

// serveApp serves what go-app makes: the pages, rendered on the server,
// app.js, the service worker, wasm_exec.js, app.css and the manifest.
func (h *handler) serveApp(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	// go-app answers 304 to any request that names its version tag; the
	// compressed representations have their own tags, checked by
	// writeBody.
	inner := r.Clone(r.Context())
	inner.Header.Del("If-None-Match")
	inner.Header.Del("If-Modified-Since")
	rec := &pageRecorder{header: hdr}
	h.app.ServeHTTP(rec, inner)
	body := rec.body.Bytes()
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	page := strings.HasPrefix(hdr.Get("Content-Type"), "text/html")
	switch {
	case page:
		// go-app writes the attributes of the pages it renders with
		// Go's string quoting, which HTML does not read: a '"' in a
		// value (a document's title or symbol) would end the
		// attribute. The pages are written again with HTML's own
		// escaping.
		body = EscapeAttributes(body)
	case rec.status == http.StatusOK && (r.URL.Path == "/app.js" || r.URL.Path == "/goapp.js"):
		body = h.appJS
	}
	// A page is made for each request; the other responses (scripts,
	// styles, the manifest) are the same every time.
	h.writeBody(w, r, rec.status, body, h.version, !page)
}

// writeBody writes a response made in memory, whose headers but the
// validators are set: compressed when the client accepts it and it is text,
// with the entity tag etagBase and its encoding, or 304 Not Modified when
// the request names that tag. unchanging says the body is the same for
// every request, so its compressed copy is kept.
func (h *handler) writeBody(w http.ResponseWriter, r *http.Request, status int, body []byte, etagBase string, unchanging bool) {
	hdr := w.Header()
	encoding := ""
	if compressible(hdr.Get("Content-Type")) && len(body) >= minCompressSize {
		hdr.Set("Vary", "Accept-Encoding")
		encoding = negotiate(r.Header.Get("Accept-Encoding"))
	}
	hdr.Del("ETag")
	if status == http.StatusOK {
		// The tag of go-app's responses is the version: a page is not
		// the same bytes twice (go-app writes attributes in map order).
		etag := encodedETag(etagBase, encoding)
		hdr.Set("ETag", etag)
		if etagMatches(r.Header.Get("If-None-Match"), etag) {
			hdr.Del("Content-Type")
			hdr.Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if encoding != "" {
		if unchanging {
			body = h.cache.get(encoding, body)
		} else {
			body = compress(encoding, body)
		}
		hdr.Set("Content-Encoding", encoding)
	}
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
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

// serveWasm serves app.wasm, with the copy compressed with brotli or gzip
// at build time when the client accepts it and the copy is not older than
// app.wasm.
func (h *handler) serveWasm(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Vary", "Accept-Encoding")
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("Content-Type", "application/wasm")
	name := filepath.Join(h.web.dir, "app.wasm")
	f, fi, err := openRegular(name)
	if err != nil {
		http.Error(w, "app.wasm is missing", http.StatusNotFound)
		return
	}
	defer f.Close()
	for _, enc := range acceptedEncodings(r.Header.Get("Accept-Encoding")) {
		if z, zi, ok := openCopy(name, enc, fi); ok {
			defer z.Close()
			hdr.Set("Content-Encoding", enc)
			hdr.Set("ETag", encodedETag(h.version, enc))
			http.ServeContent(w, r, "", zi.ModTime(), z)
			return
		}
	}
	hdr.Set("ETag", encodedETag(h.version, ""))
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

// openRegular opens a regular file.
func openRegular(name string) (*os.File, os.FileInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is not a regular file", name)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// staleCopy is how much older than its file a compressed copy must be to be
// out of date: the file changed after the build (make builds the copy after
// its file). Within it, the copies of a directory copied file by file.
const staleCopy = 2 * time.Second

// openCopy opens the copy of the file name compressed with the encoding at
// build time (name.br, name.gz), if it is there and up to date (see
// staleCopy) with the file it was made from (src).
func openCopy(name, encoding string, src os.FileInfo) (*os.File, os.FileInfo, bool) {
	for _, e := range encodings {
		if e.token != encoding {
			continue
		}
		f, fi, err := openRegular(name + e.ext)
		if err != nil {
			return nil, nil, false
		}
		if fi.ModTime().Add(staleCopy).Before(src.ModTime()) {
			f.Close()
			return nil, nil, false
		}
		return f, fi, true
	}
	return nil, nil, false
}

// webResources serves /web/… from a directory of any name and resolves
// /web/… to itself, as app.LocalDir("") would for a ./web directory. It
// serves only the files the app needs (those the service worker caches):
// no directory listing, no dotfile, nothing else that lies in the
// directory. Text files are served compressed: their copies compressed at
// build time (make build) when they are up to date, or compressed once
// when first asked for.
type webResources struct {
	dir     string
	version string
	allowed map[string]bool
	cache   *compressedCache
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

func newWebResources(dir, version string, cacheable []string, cache *compressedCache) *webResources {
	allowed := make(map[string]bool, len(cacheable))
	for _, p := range cacheable {
		if strings.HasPrefix(p, "/web/") {
			allowed[p] = true
		}
	}
	return &webResources{dir: dir, version: version, allowed: allowed, cache: cache}
}

// Resolve returns the URL of a resource: local paths stay as they are.
func (r *webResources) Resolve(location string) string {
	if location == "" {
		return "/"
	}
	return location
}

func (r *webResources) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	p := strings.TrimPrefix(req.URL.Path, "/"+r.version)
	if !r.allowed[p] {
		http.NotFound(w, req)
		return
	}
	name := filepath.Join(r.dir, filepath.FromSlash(strings.TrimPrefix(p, "/web/")))
	f, fi, err := openRegular(name)
	if err != nil {
		http.NotFound(w, req)
		return
	}
	defer f.Close()
	ctype, err := fileType(f)
	if err != nil {
		http.Error(w, "reading "+p+" failed", http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", ctype)
	hdr.Set("Cache-Control", "no-cache")
	if strings.HasPrefix(ctype, "image/") {
		// The icon is asked for by the browser (the page's icon), by the
		// pre-rendered page and again by the app once it has mounted:
		// fresh for a few minutes, it is fetched once.
		hdr.Set("Cache-Control", imageCacheControl)
	}
	if compressible(ctype) && fi.Size() >= minCompressSize {
		hdr.Set("Vary", "Accept-Encoding")
		if enc := negotiate(req.Header.Get("Accept-Encoding")); enc != "" {
			hdr.Set("Content-Encoding", enc)
			hdr.Set("ETag", encodedETag(r.version, enc))
			if z, zi, ok := openCopy(name, enc, fi); ok {
				defer z.Close()
				http.ServeContent(w, req, "", zi.ModTime(), z)
				return
			}
			data, err := io.ReadAll(f)
			if err != nil {
				hdr.Del("Content-Encoding")
				http.Error(w, "reading "+p+" failed", http.StatusInternalServerError)
				return
			}
			http.ServeContent(w, req, "", fi.ModTime(), bytes.NewReader(r.cache.get(enc, data)))
			return
		}
	}
	hdr.Set("ETag", encodedETag(r.version, ""))
	http.ServeContent(w, req, "", fi.ModTime(), f)
}

// imageCacheControl is the Cache-Control of the images of web/: the
// other files are revalidated each time they are used (no-cache).
const imageCacheControl = "max-age=300"

// fileType is the Content-Type of a file of web/: from its extension, or
// from its first bytes when it has none (LICENSE).
func fileType(f *os.File) (string, error) {
	if t := mime.TypeByExtension(filepath.Ext(f.Name())); t != "" {
		return t, nil
	}
	var head [512]byte
	n, err := io.ReadFull(f, head[:])
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	return http.DetectContentType(head[:n]), nil
}
