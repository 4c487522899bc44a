//go:build !js

package chromium

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Server is an HTTP server in process on a free port of 127.0.0.1, which a
// test can stop to take the page offline.
type Server struct {
	// URL is "http://127.0.0.1:PORT", without a final slash.
	URL  string
	srv  *http.Server
	ln   net.Listener
	once sync.Once
}

// Serve starts serving h on a free port of the loopback.
func Serve(h http.Handler) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String(), ln: ln,
		srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}}
	go s.srv.Serve(ln)
	return s, nil
}

// Stop stops the server: its port refuses connections from then on. It may
// be called more than once.
func (s *Server) Stop() {
	s.once.Do(func() {
		s.srv.Close()
		s.ln.Close()
	})
}
