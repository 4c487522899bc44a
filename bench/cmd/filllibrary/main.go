//go:build js && wasm

// Command filllibrary is the Go program of the benchmark's page that fills
// a fresh profile's IndexedDB with a generated library (bench.LibraryFillPath):
// it fetches the library's JSON (bench.LibraryDataPath), and writes it with
// the app's own store (wasm.Open, then wasm.Store.Write: the documents, their
// summaries and their annotations in one transaction, as the app's import
// writes them). It reports with window.__cmFill, the JSON of a
// bench.LibraryFillResult, and exits. The benchmark builds it for js/wasm;
// it does nothing else.
package main

import (
	"context"
	"encoding/json"
	"syscall/js"
	"time"

	"github.com/clausemark/clausemark/bench"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/wasm"
)

func main() {
	res := fill()
	b, err := json.Marshal(res)
	if err != nil {
		b = []byte(`{"error":"cannot report"}`)
	}
	js.Global().Set("__cmFill", string(b))
}

func fill() (res bench.LibraryFillResult) {
	fail := func(err error) bench.LibraryFillResult {
		res.Error = err.Error()
		return res
	}
	data, err := wasm.FetchText(bench.LibraryDataPath)
	if err != nil {
		return fail(err)
	}
	t0 := time.Now()
	lib, err := bench.DecodeLibrary(data)
	if err != nil {
		return fail(err)
	}
	res.DecodeMS = ms(time.Since(t0))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := wasm.Open(ctx, wasm.DefaultName)
	if err != nil {
		return fail(err)
	}
	defer st.Close()
	t0 = time.Now()
	if err := st.Write(library.Batch{Add: lib}); err != nil {
		return fail(err)
	}
	res.WriteMS = ms(time.Since(t0))
	res.Documents = len(lib)
	for _, a := range lib {
		res.Annotations += len(a.Annotations)
	}
	return res
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
