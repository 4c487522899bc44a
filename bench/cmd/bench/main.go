//go:build !js

// Command bench runs Clausemark's browser benchmark and compares its
// results (see bench/README.md; make bench, make bench-compare). From the
// repository's root:
//
//	go run ./bench/cmd/bench browser   # measure → $BENCH_OUT/results.json, RESULTS.md
//	go run ./bench/cmd/bench library   # the library scenario alone, put into $BENCH_OUT/results.json, RESULTS.md
//	go run ./bench/cmd/bench compare   # $BENCH_NEW (default $BENCH_OUT/results.json) against $BENCH_BASE (default HEAD:bench/results.json)
//	go run ./bench/cmd/bench report    # write RESULTS.md again from $BENCH_OUT/results.json and go.txt
//
// The BENCH_* variables of bench.ConfigFromEnv say what to measure; -root
// names the repository when the command does not run from it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/clausemark/clausemark/bench"
)

func main() {
	log.SetFlags(log.Ltime)
	log.SetPrefix("bench: ")
	root := flag.String("root", ".", "the repository's root directory")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: bench [-root DIR] browser|library|compare|report")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*root, flag.Arg(0)); err != nil {
		log.Fatal(err)
	}
}

func run(root, cmd string) error {
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return fmt.Errorf("%s is not the repository's root (no go.mod): run from it, or give -root", root)
	}
	cfg, err := bench.ConfigFromEnv(root, os.Getenv)
	if err != nil {
		return err
	}
	switch cmd {
	case "browser":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		ctx, cancel := context.WithTimeoutCause(ctx, cfg.Timeout, fmt.Errorf("the benchmark took longer than BENCH_TIMEOUT=%s", cfg.Timeout))
		defer cancel()
		return bench.Measure(ctx, cfg, log.Printf)
	case "library":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		ctx, cancel := context.WithTimeoutCause(ctx, cfg.Timeout, fmt.Errorf("the benchmark took longer than BENCH_TIMEOUT=%s", cfg.Timeout))
		defer cancel()
		return bench.MeasureLibrary(ctx, cfg, log.Printf)
	case "compare":
		base, baseName, err := bench.LoadBase(root, os.Getenv("BENCH_BASE"))
		if err != nil {
			fmt.Printf("No base results to compare with: %v\n", err)
			return nil
		}
		name := os.Getenv("BENCH_NEW")
		if name == "" {
			name = filepath.Join(cfg.Out, "results.json")
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("no new results: %v (run make bench first)", err)
		}
		cur, err := bench.ReadResults(data)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		fmt.Print(bench.Compare(base, cur, baseName, name))
		return nil
	case "report":
		name := filepath.Join(cfg.Out, "results.json")
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("no results to report: %v", err)
		}
		r, err := bench.ReadResults(data)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if g := bench.ReadGoResults(cfg.GoResults, cfg.Benchstat); g != nil {
			r.Go = g
		}
		return r.Write(cfg.Out)
	}
	return errors.New("unknown command " + cmd + ": browser, library, compare or report")
}
