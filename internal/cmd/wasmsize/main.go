// Command wasmsize prints what a WebAssembly module made by Go carries:
// its sections, and the code of its functions summed by Go package (see
// package wasmsize). The module must keep its names: build it without
// -ldflags -s.
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/app.wasm ./cmd/clausemark
//	go run ./internal/cmd/wasmsize [-n 40] /tmp/app.wasm
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"sort"

	"github.com/clausemark/clausemark/internal/wasmsize"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("wasmsize: ")
	n := flag.Int("n", 40, "packages to list")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: wasmsize [-n 40] FILE.wasm")
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	m, err := wasmsize.Parse(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d bytes\n\nsection               bytes      %%\n", flag.Arg(0), m.Size)
	var names []string
	for s := range m.Sections {
		names = append(names, s)
	}
	sort.Slice(names, func(i, j int) bool { return m.Sections[names[i]] > m.Sections[names[j]] })
	for _, s := range names {
		fmt.Printf("%-18s %10d %6.1f\n", s, m.Sections[s], 100*float64(m.Sections[s])/float64(m.Size))
	}
	code := m.CodeSize()
	fmt.Printf("\ncode by package (%d functions, %d bytes)\npackage                                                   bytes  funcs  %% of code\n", len(m.Funcs), code)
	for i, s := range m.ByPackage() {
		if i == *n {
			break
		}
		fmt.Printf("%-52s %10d %6d %6.1f\n", s.Name, s.Size, s.Funcs, 100*float64(s.Size)/float64(code))
	}
}
