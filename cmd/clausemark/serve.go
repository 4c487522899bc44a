//go:build !(js && wasm)

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/browser"
	"github.com/clausemark/clausemark/resolution"
	"github.com/clausemark/clausemark/server"
)

// serve runs the web server until interrupted.
func serve(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	web := fs.String("web", "web", "directory of the static assets (app.wasm, styles, icons)")
	docFile := fs.String("doc", "", "resolution text `FILE` to serve instead of the built-in A/HRC/RES/53/11")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "serve takes no arguments, got %q\n", fs.Args())
		return errUsage
	}

	text := resolution.Seed()
	var served []byte
	if *docFile != "" {
		data, err := readServedDocument(*docFile)
		if err != nil {
			return err
		}
		text, served = data, data
	}
	doc, err := resolution.Parse(text)
	if err != nil {
		var pe *resolution.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s:%d: %s", *docFile, pe.Line, pe.Msg)
		}
		return err
	}
	if !doc.Recognised {
		fmt.Fprintf(stderr, "%s: the structure was not recognised; serving it as plain paragraphs\n", *docFile)
	}
	cmapp.Setup(doc, browser.None{})
	h, err := server.New(server.Options{WebDir: *web, Document: served, Title: cmapp.PageTitle(doc)})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stderr, "Clausemark %s: serving %s on http://%s\n", server.Version, doc.Symbol, ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// readServedDocument reads the resolution text to serve, refusing one larger than
// the server serves before reading it all.
func readServedDocument(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, server.MaxDocumentSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > server.MaxDocumentSize {
		size := int64(len(data))
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		return nil, fmt.Errorf("%s: %w: %.1f MB, and the server serves documents of at most %d MB", name, server.ErrDocumentTooLarge, float64(size)/1e6, server.MaxDocumentSize>>20)
	}
	return data, nil
}
