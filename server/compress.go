package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"mime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/andybalholm/brotli"
)

// Compression. Every text response goes out compressed when the client
// accepts it: brotli first, then gzip (Vary: Accept-Encoding). app.wasm and
// the text files of web/ have copies compressed at build time (make build:
// brotli -q 11, gzip -9), served when they are not older than the file.
// Everything else is compressed when it is served, at a level that takes a
// few milliseconds (brotli 5, gzip 6: brotli 11 takes some 0.8 s for a
// 68 KB page in Go, for 15% less); a body that does not change (go-app's
// scripts, the manifest, the served document, a web/ file without its
// copies) is compressed once and kept.

// Encodings the server offers, best first: the Content-Encoding token and
// the extension of the copies compressed at build time.
var encodings = []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// minCompressSize is the smallest body worth compressing.
const minCompressSize = 256

// Compression levels used when serving.
const (
	brotliLevel = 5
	gzipLevel   = gzip.DefaultCompression
)

// negotiate returns the encoding of the response to a request with this
// Accept-Encoding header: "br", "gzip" or "" (none).
func negotiate(accept string) string {
	if acc := acceptedEncodings(accept); len(acc) > 0 {
		return acc[0]
	}
	return ""
}

// acceptedEncodings returns the encodings the server offers that an
// Accept-Encoding header accepts, best first. A coding with q=0 is refused;
// "*" stands for the codings the header does not name.
func acceptedEncodings(accept string) []string {
	q := map[string]float64{}
	for _, part := range strings.Split(accept, ",") {
		fields := strings.Split(part, ";")
		token := strings.ToLower(strings.TrimSpace(fields[0]))
		if token == "" {
			continue
		}
		v := 1.0
		for _, p := range fields[1:] {
			p = strings.TrimSpace(p)
			if s, ok := strings.CutPrefix(p, "q="); ok {
				if f, err := strconv.ParseFloat(s, 64); err == nil {
					v = f
				}
			}
		}
		q[token] = v
	}
	var acc []string
	for _, e := range encodings {
		v, named := q[e.token]
		if !named {
			v, named = q["*"]
		}
		if named && v > 0 {
			acc = append(acc, e.token)
		}
	}
	return acc
}

// compressible reports whether a response of this Content-Type is text that
// compression makes smaller (not images but SVG, nor app.wasm, which has its
// own copies).
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	if strings.HasPrefix(mt, "text/") {
		return true
	}
	switch mt {
	case "application/javascript", "application/json", "application/manifest+json",
		"application/xml", "image/svg+xml":
		return true
	}
	return false
}

// compressions counts the calls of compress (the tests check that a body
// is compressed once).
var compressions atomic.Int64

// compress returns data compressed with the encoding ("br" or "gzip").
func compress(encoding string, data []byte) []byte {
	compressions.Add(1)
	var b bytes.Buffer
	switch encoding {
	case "br":
		w := brotli.NewWriterLevel(&b, brotliLevel)
		w.Write(data)
		w.Close()
	case "gzip":
		w, _ := gzip.NewWriterLevel(&b, gzipLevel)
		w.Write(data)
		w.Close()
	default:
		return data
	}
	return b.Bytes()
}

// compressedCache keeps the compressed copies of the bodies that do not
// change, by encoding and content, so that none is compressed twice.
type compressedCache struct {
	mu sync.Mutex
	m  map[compressedKey][]byte
	n  int // bytes held
}

type compressedKey struct {
	encoding string
	sum      [sha256.Size]byte
}

// maxCompressedCache bounds what the cache holds (it holds a handful of
// scripts, styles and the served document, some 1 MB).
const maxCompressedCache = 32 << 20

// get returns data compressed with the encoding, compressing it the first
// time only.
func (c *compressedCache) get(encoding string, data []byte) []byte {
	key := compressedKey{encoding, sha256.Sum256(data)}
	c.mu.Lock()
	z, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return z
	}
	z = compress(encoding, data)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.n+len(z) > maxCompressedCache {
		c.m, c.n = map[compressedKey][]byte{}, 0
	}
	c.m[key] = z
	c.n += len(z)
	return z
}

// etagMatches reports whether an If-None-Match header names the entity tag
// (weak comparison, as for GET).
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	if strings.TrimSpace(header) == "*" {
		return true
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		if strings.TrimPrefix(strings.TrimSpace(t), "W/") == want {
			return true
		}
	}
	return false
}

// encodedETag is the entity tag of a representation: `"base"` for the
// identity, `"base-br"`, `"base-gzip"` for the compressed ones.
func encodedETag(base, encoding string) string {
	if encoding == "" {
		return `"` + base + `"`
	}
	return `"` + base + "-" + encoding + `"`
}
