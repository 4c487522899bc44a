// Package bench is Clausemark's performance measurement harness (make
// bench).
//
// Its generators (generate.go) make deterministic large resolutions and
// annotation files: the same arguments give the same bytes on every
// machine and every Go release (they use their own pseudo-random
// generator, not math/rand), so that results of different runs measure the
// same work.
//
// The browser benchmark (Measure) serves the app from the real server in
// process, drives headless Chromium (internal/chromium) with a fresh
// profile per run over a grid of document sizes and numbers of saved
// annotations, and measures cold, warm and offline loads, adding one
// annotation, memory and bytes. In the same run, interleaved with ours, it
// measures the peers (peers.go): a bare-DOM page and
// @recogito/text-annotator on the same document and annotations. It writes
// results.json and RESULTS.md (report.go); Compare sets a run beside
// another. The command bench/cmd/bench runs them; the Go benchmarks of the
// pure packages live with those packages (resolution, annotations) and
// make bench runs them too.
//
// Everything but the generators drives Chromium through chromedp, which
// does not build for js/wasm: those files are built for other targets only.
package bench
