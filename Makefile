# Clausemark — make help lists the targets.
#
# On a fresh Debian machine with Go, `make run` and `make test` install what
# they need themselves: Debian packages chromium and brotli (with apt-get),
# and the pinned wasmbrowsertest into ./bin.

SHELL := /bin/bash
.DEFAULT_GOAL := help

GO        ?= go
ADDR      ?= 127.0.0.1:8000
VERSION   ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
BIN       := $(CURDIR)/bin
DIST      ?= dist
# brotli -q 11 takes about 40 s on 2 cores; it runs only when app.wasm changed.
BROTLI_QUALITY ?= 11
WASMBROWSERTEST_VERSION := v0.11.0

MODULE    := github.com/clausemark/clausemark
LDFLAGS   := -s -w -X $(MODULE)/server.Version=$(VERSION)
GO_SOURCES := $(shell find . -name '*.go' -not -path './dist/*' -not -path './bin/*') go.mod go.sum $(wildcard resolution/seed/*)

# Packages tested natively (everything but the browser-only ones).
NATIVE_PKGS = $(shell $(GO) list ./... | grep -v -e /e2e -e /wasm)

.PHONY: help
help: ## Show this help.
	@echo "Clausemark — offline annotator for UN resolutions"
	@echo
	@awk 'BEGIN {FS = ":.*?## "} /^[a-zA-Z_-]+:.*?## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# ---------------------------------------------------------------- build

.PHONY: build
build: web/app.wasm web/app.wasm.gz web/app.wasm.br web-compressed bin/clausemark ## Build app.wasm, the server, and brotli and gzip copies of app.wasm and of the text files of web/.

# app.wasm is built with WASM_MODFILE, go.mod with go-app replaced by a
# copy that leaves its server half (net/http, crypto/tls, …: 1.6 MB of
# app.wasm that the browser never runs) out of the wasm build; see
# internal/cmd/wasmmodfile and docs/WASM-SIZE.md. WASM_MODFILE= builds with
# go.mod itself.
WASM_MODFILE ?= $(BIN)/wasm-build/wasm.mod

web/app.wasm: $(GO_SOURCES) $(WASM_MODFILE)
	GOOS=js GOARCH=wasm $(GO) build -trimpath $(if $(WASM_MODFILE),-modfile $(WASM_MODFILE)) -ldflags "-s -w" -o $@ ./cmd/clausemark

$(BIN)/wasm-build/wasm.mod: go.mod go.sum internal/cmd/wasmmodfile/main.go
	$(GO) run ./internal/cmd/wasmmodfile -o $(BIN)/wasm-build

bin/clausemark: $(GO_SOURCES)
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $@ ./cmd/clausemark

.PHONY: run
run: build ## Build and serve the app on http://$(ADDR) (ADDR=host:port to change).
	./bin/clausemark serve -addr $(ADDR) -web web

.PHONY: dist
dist: build ## Generate a static site in ./dist that any static host can serve.
	rm -rf $(DIST)
	./bin/clausemark dist -o $(DIST) -web web
	@echo "static site in $(DIST)/"

.PHONY: clean
clean: ## Remove build outputs.
	rm -rf bin $(DIST) web/app.wasm web/*.br web/*.gz web/*.tmp

# ---------------------------------------------------------------- npm packages
#
# package.json and package-lock.json pin them exactly; `npm ci` installs
# them into node_modules when the lock file is newer than the installed
# tree (node_modules is build output, not committed).
#
# pdf.js (pdfjs-dist) reads PDFs in the browser: its browser build (two ES
# modules) and its licence are copied into web/vendor/pdfjs/, served from
# our own origin and cached by the service worker. The optional native
# canvas package is not installed: the browser build needs nothing else,
# whatever the Node version.
#
# Test-only (devDependencies, nothing of them ships): Recogito's text
# annotator (@recogito/text-annotator), into which e2e/textannotator loads
# the W3C export in headless Chromium to check that every annotation
# highlights its quote; and axe-core, which the end-to-end tests inject into
# the page (node_modules/axe-core/axe.min.js) to check every view against
# WCAG 2.1 A and AA. (The W3C test suite's schemas need nothing: they are in
# testdata/w3c and run with the native tests.)

NPM        ?= npm
PDFJS_SRC  := node_modules/pdfjs-dist
PDFJS_DIR  := web/vendor/pdfjs
PDFJS_FILES := $(PDFJS_DIR)/pdf.min.mjs $(PDFJS_DIR)/pdf.worker.min.mjs $(PDFJS_DIR)/LICENSE

.PHONY: vendor node-deps clean-vendor
vendor: $(PDFJS_FILES) ## Install the pinned npm packages and copy pdf.js into web/vendor/pdfjs.
node-deps: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@command -v $(NPM) >/dev/null || { echo "error: npm is missing: apt-get install npm" >&2; exit 1; }
	$(NPM) ci --omit=optional --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(PDFJS_DIR)/%.mjs: node_modules/.package-lock.json
	@mkdir -p $(PDFJS_DIR)
	cp $(PDFJS_SRC)/build/$*.mjs $@

$(PDFJS_DIR)/LICENSE: node_modules/.package-lock.json
	@mkdir -p $(PDFJS_DIR)
	cp $(PDFJS_SRC)/LICENSE $@

# ---------------------------------------------------------------- compressed copies
#
# The server sends every text response compressed (server/compress.go):
# app.wasm and the text files of web/ (styles, scripts, the SVG icon, pdf.js
# and its licence) from these copies, made once here (brotli -q 11, gzip
# -9). brotli writes to stdout: a copy it writes itself is dated like its
# file, to the second, and so looks older than it to make, which would make
# it again at every build. The
# server ignores a copy older than its file and compresses the file
# itself; it compresses what go-app generates (the pages, app.js,
# wasm_exec.js, …) as it serves it.
WEB_TEXT := $(wildcard web/*.css web/*.js web/*.svg) $(PDFJS_FILES)
WEB_COMPRESSED := web/app.wasm.br web/app.wasm.gz $(addsuffix .br,$(WEB_TEXT)) $(addsuffix .gz,$(WEB_TEXT))

.PHONY: web-compressed
web-compressed: $(WEB_COMPRESSED)

web/app.wasm.gz $(addsuffix .gz,$(WEB_TEXT)): %.gz: %
	gzip -9 -n -c $< > $@.tmp && mv $@.tmp $@

web/app.wasm.br $(addsuffix .br,$(WEB_TEXT)): %.br: % | brotli-dep
	brotli -q $(BROTLI_QUALITY) -c $< > $@.tmp && mv $@.tmp $@

# What needs pdf.js in web/: the app, its tests in the browser, make dist;
# the end-to-end tests need the test-only packages too.
build test-e2e: vendor
test-deps test-e2e: node-deps

clean: clean-vendor
clean-vendor:
	rm -rf web/vendor node_modules

# ---------------------------------------------------------------- dependencies

# apt-get as root, or through sudo; a clear error otherwise.
APT := $(shell if [ "$$(id -u)" = 0 ]; then echo apt-get; elif command -v sudo >/dev/null; then echo "sudo apt-get"; fi)

.PHONY: brotli-dep chromium-dep test-deps
brotli-dep:
	@command -v brotli >/dev/null || $(MAKE) --no-print-directory apt-install PKG=brotli

chromium-dep:
	@command -v chromium >/dev/null || $(MAKE) --no-print-directory apt-install PKG=chromium

.PHONY: apt-install
apt-install:
	@if [ -z "$(APT)" ]; then echo "error: $(PKG) is missing and neither root nor sudo is available to install it: apt-get install $(PKG)" >&2; exit 1; fi
	@echo "installing Debian package $(PKG)…"
	DEBIAN_FRONTEND=noninteractive $(APT) update -qq
	DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq $(PKG) >/dev/null
	@command -v $(PKG) >/dev/null || { echo "error: installing $(PKG) failed" >&2; exit 1; }

$(BIN)/wasmbrowsertest:
	GOBIN=$(BIN) $(GO) install github.com/agnivade/wasmbrowsertest@$(WASMBROWSERTEST_VERSION)

test-deps: chromium-dep brotli-dep $(BIN)/wasmbrowsertest ## Install what the tests need (chromium, brotli, wasmbrowsertest).

# ---------------------------------------------------------------- tests

.PHONY: test fmt-check vet test-native test-wasm test-e2e
test: test-deps fmt-check vet test-native test-wasm build test-e2e ## Run every check: gofmt, vet, native (-race), js/wasm in Chromium, end-to-end.
	@echo "all tests passed"

fmt-check:
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./wasm/... ./cmd/... ./bench/cmd/filllibrary

test-native:
	$(GO) test -race -count=1 $(NATIVE_PKGS)

test-wasm: $(BIN)/wasmbrowsertest chromium-dep
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec $(BIN)/wasmbrowsertest ./wasm/... ./app/...

test-e2e: build chromium-dep
	$(GO) test -count=1 -timeout 15m ./e2e/...

# ---------------------------------------------------------------- benchmarks
#
# make bench measures and reports; it never fails on the figures. The Go
# benchmarks of the pure packages go to bench/go.txt (summarised by
# benchstat, pinned into ./bin); the browser benchmark (package bench, run
# by go run ./bench/cmd/bench browser: the real server in process, headless
# Chromium, a fresh profile per run) writes bench/results.json and
# bench/RESULTS.md. In the same run, interleaved with ours, it measures the
# peers (bench/peers/): a bare-DOM page and @recogito/text-annotator, which
# bench-peers installs from npm (bench/package.json pins it and esbuild,
# which bundles it; bench/package-lock.json locks them) into
# bench/node_modules, not committed.
# A peer that fails to install is reported missing, with why.
# A quick subset, written elsewhere so that the committed results stay:
#   make bench BENCH_GRID=1x100,10x1000 BENCH_RUNS=2 BENCH_OUT=/tmp/bench
# Other knobs (environment): BENCH_KEYS (key presses per run, 50),
# BENCH_SEED, BENCH_PEERS (bare,text-annotator|all|none), BENCH_PROFILE
# (KxN,…|all|none), BENCH_PROFILE_DIR (keep the raw CPU profiles),
# BENCH_RUN_TIMEOUT (15m), BENCH_LOAD_TIMEOUT (5m), BENCH_TIMEOUT (300m, the
# whole browser benchmark). After the grid, the library scenario (a library
# of 300 documents × 100 annotations in IndexedDB: /library, /annotations,
# opening a document from the list): BENCH_LIBRARY=0 leaves it out,
# BENCH_LIBRARY_SIZE (DxA, 300x100) and BENCH_LIBRARY_RUNS (BENCH_RUNS) size
# it; BENCH_GRID=none measures the library only. make bench-library runs
# the library scenario alone and puts it into the results there, keeping
# their grid.
# make bench-compare runs make bench again and compares the new figures with
# the committed bench/go.txt (benchstat) and bench/results.json (medians);
# NORUN=1 compares the files as they are, without a new run.
# make bench-report writes RESULTS.md again from results.json and go.txt.

BENCHSTAT_VERSION := v0.0.0-20260908200009-22c9c6c9d4da
BENCH_OUT     ?= $(CURDIR)/bench
BENCH_COUNT   ?= 6
BENCH_TIMEOUT ?= 300m
BENCH_GO_PKGS := ./resolution ./annotations
BENCH_CMD     := $(GO) run ./bench/cmd/bench
BENCH_NPM_STAMP := bench/node_modules/.installed
export BENCH_GRID BENCH_RUNS BENCH_KEYS BENCH_SEED BENCH_PEERS BENCH_PROFILE BENCH_PROFILE_DIR BENCH_RUN_TIMEOUT BENCH_LOAD_TIMEOUT BENCH_TIMEOUT
export BENCH_LIBRARY BENCH_LIBRARY_SIZE BENCH_LIBRARY_RUNS

$(BIN)/benchstat:
	GOBIN=$(BIN) $(GO) install golang.org/x/perf/cmd/benchstat@$(BENCHSTAT_VERSION)

# npm ci (or the esbuild bundle of text-annotator, npm run build) failing,
# or npm missing, does not stop make bench: the harness reports the peer
# missing. The stamp is made only when the install worked.
$(BENCH_NPM_STAMP): bench/package.json bench/package-lock.json
	@if ! command -v npm >/dev/null; then \
		echo "warning: npm is missing: the text-annotator peer will be reported missing" >&2; \
	elif (cd bench && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build); then \
		touch $@; \
	else \
		echo "warning: npm ci in bench/ failed: the text-annotator peer will be reported missing" >&2; \
	fi

.PHONY: bench bench-go bench-browser bench-library bench-compare bench-report bench-peers
bench: chromium-dep build $(BIN)/benchstat ## Benchmarks: Go (bench/go.txt), browser and peers → bench/results.json, bench/RESULTS.md.
	@$(MAKE) --no-print-directory bench-go
	@$(MAKE) --no-print-directory bench-browser

bench-go: $(BIN)/benchstat
	@mkdir -p $(BENCH_OUT)
	$(GO) test -run='^$$' -bench=. -benchmem -count=$(BENCH_COUNT) $(BENCH_GO_PKGS) > $(BENCH_OUT)/go.txt.tmp
	mv $(BENCH_OUT)/go.txt.tmp $(BENCH_OUT)/go.txt
	$(BIN)/benchstat $(BENCH_OUT)/go.txt

bench-peers: $(BENCH_NPM_STAMP) ## Install the benchmark's peers (npm ci in bench/).

bench-browser: chromium-dep build $(BIN)/benchstat bench-peers
	@mkdir -p $(BENCH_OUT)
	BENCH_OUT=$(BENCH_OUT) BENCHSTAT=$(BIN)/benchstat $(BENCH_CMD) browser

bench-library: chromium-dep build ## The library scenario alone, put into bench/results.json and RESULTS.md (BENCH_OUT) beside the grid there.
	@mkdir -p $(BENCH_OUT)
	BENCH_OUT=$(BENCH_OUT) BENCHSTAT=$(BIN)/benchstat $(BENCH_CMD) library

bench-report: ## Write bench/RESULTS.md again from results.json and go.txt (BENCH_OUT), measuring nothing.
	BENCH_OUT=$(BENCH_OUT) BENCHSTAT=$(BIN)/benchstat $(BENCH_CMD) report

bench-compare: $(BIN)/benchstat ## Run make bench again and compare with the committed results (NORUN=1: no new run).
	@if [ -z "$(NORUN)" ]; then $(MAKE) --no-print-directory bench; fi
	@tmp=$$(mktemp -d); \
	if git show HEAD:bench/go.txt > $$tmp/go.txt 2>/dev/null; then \
		echo "## Go benchmarks: HEAD:bench/go.txt → $(BENCH_OUT)/go.txt"; \
		$(BIN)/benchstat committed=$$tmp/go.txt new=$(BENCH_OUT)/go.txt; \
	else \
		echo "No bench/go.txt committed at HEAD: nothing to compare the Go benchmarks with."; \
	fi; \
	rm -rf $$tmp
	@BENCH_NEW=$(BENCH_OUT)/results.json $(BENCH_CMD) compare

# ---------------------------------------------------------------- lighthouse
#
# make lighthouse (not part of make test) runs Lighthouse against the built
# app, served by the real server in process (go run ./lighthouse), in
# Debian's Chromium, with the desktop and mobile presets, LIGHTHOUSE_RUNS
# times each (3; the median is reported), and writes the scores, the
# metrics and the audits that fail to docs/lighthouse.json and
# docs/LIGHTHOUSE.md. lighthouse/package.json pins Lighthouse 12.8.2, the
# last release that runs on Node 20 (13.x wants Node ≥ 22.19); npm ci
# installs it into lighthouse/node_modules (not committed).
# LIGHTHOUSE_OUT=dir writes elsewhere; LIGHTHOUSE_RAW=dir keeps
# Lighthouse's own reports.

LIGHTHOUSE_RUNS ?= 3
LIGHTHOUSE_OUT  ?= docs
LIGHTHOUSE_NPM_STAMP := lighthouse/node_modules/.installed

$(LIGHTHOUSE_NPM_STAMP): lighthouse/package.json lighthouse/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "error: npm is missing: apt-get install npm" >&2; exit 1; }
	cd lighthouse && $(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: lighthouse
lighthouse: chromium-dep build $(LIGHTHOUSE_NPM_STAMP) ## Lighthouse scores of the built app, desktop and mobile → docs/lighthouse.json, docs/LIGHTHOUSE.md.
	$(GO) run ./lighthouse -web web -out $(LIGHTHOUSE_OUT) -runs $(LIGHTHOUSE_RUNS) -version $(VERSION) $(if $(LIGHTHOUSE_RAW),-raw $(LIGHTHOUSE_RAW))
