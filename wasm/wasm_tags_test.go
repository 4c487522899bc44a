//go:build !js

package wasm

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestEveryFileIsBrowserOnly checks that every Go file of the package is
// built for js/wasm only, except doc.go, which natively keeps an empty but
// valid package and so must hold nothing but the package documentation.
func TestEveryFileIsBrowserOnly(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || name == "wasm_tags_test.go" {
			continue
		}
		checked++
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		expr := buildConstraint(t, name, string(src[:f.Package-1]))
		if name == "doc.go" {
			if expr != nil {
				t.Errorf("doc.go has the build constraint %q; it must have none, so the package exists natively", expr)
			}
			if len(f.Decls) > 0 || len(f.Imports) > 0 {
				t.Errorf("doc.go declares or imports something; it must hold only the package documentation")
			}
			continue
		}
		if expr == nil {
			t.Errorf("%s has no build constraint; want //go:build js && wasm", name)
			continue
		}
		for _, tags := range [][]string{{"js"}, {"wasm"}, {"linux", "amd64"}, {"darwin", "arm64"}, {"windows", "amd64"}, {"wasip1", "wasm"}} {
			if expr.Eval(has(tags)) {
				t.Errorf("%s: build constraint %q holds for %v; want js && wasm only", name, expr, tags)
			}
		}
		if !expr.Eval(has([]string{"js", "wasm"})) {
			t.Errorf("%s: build constraint %q does not hold for js/wasm", name, expr)
		}
	}
	if checked < 2 {
		t.Errorf("checked %d files; the package must have more", checked)
	}
}

// buildConstraint returns the //go:build constraint in header, the part of
// a file before its package clause, or nil if there is none.
func buildConstraint(t *testing.T, file, header string) constraint.Expr {
	for _, line := range strings.Split(header, "\n") {
		line = strings.TrimSpace(line)
		if !constraint.IsGoBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			return nil
		}
		return expr
	}
	return nil
}

func has(tags []string) func(string) bool {
	return func(tag string) bool {
		for _, t := range tags {
			if t == tag {
				return true
			}
		}
		return false
	}
}
