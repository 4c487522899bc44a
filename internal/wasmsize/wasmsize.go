// Package wasmsize measures what a WebAssembly module made by Go carries:
// the size of each section, and the code of each function, named by the
// module's "name" section (a build without -ldflags -s keeps it), summed
// by Go package. go tool nm does not read wasm executables; this reads the
// binary format itself (https://webassembly.github.io/spec/core/binary/).
package wasmsize

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Module is what a module carries.
type Module struct {
	// Size is the module's size in bytes.
	Size int
	// Sections are the sizes of the sections, by name ("code", "data",
	// "custom:name", …), headers included.
	Sections map[string]int
	// Funcs are the functions the module defines, with the size of
	// their body in the code section.
	Funcs []Func
}

// Func is a function of the code section.
type Func struct {
	// Name is its name from the name section ("" without one).
	Name string
	// Size is the size of its body in bytes, its length prefix included.
	Size int
}

var sectionNames = map[byte]string{0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
	6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

// Parse reads a module.
func Parse(wasm []byte) (*Module, error) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	m := &Module{Size: len(wasm), Sections: map[string]int{}}
	var imported int // functions imported, numbered before those defined
	names := map[int]string{}
	r := &reader{b: wasm, off: 8}
	for r.off < len(r.b) {
		start := r.off
		id, err := r.byte()
		if err != nil {
			return nil, err
		}
		size, err := r.uint()
		if err != nil {
			return nil, err
		}
		if size > len(r.b)-r.off {
			return nil, fmt.Errorf("section %d at %d runs past the end", id, start)
		}
		body := &reader{b: r.b[r.off : r.off+size]}
		r.off += size
		name := sectionNames[id]
		if name == "" {
			name = fmt.Sprintf("section %d", id)
		}
		switch id {
		case 0:
			n, err := body.name()
			if err != nil {
				return nil, err
			}
			name = "custom:" + n
			if n == "name" {
				if err := readNames(body, names); err != nil {
					return nil, fmt.Errorf("name section: %w", err)
				}
			}
		case 2:
			if imported, err = countImportedFuncs(body); err != nil {
				return nil, fmt.Errorf("import section: %w", err)
			}
		case 10:
			n, err := body.uint()
			if err != nil {
				return nil, err
			}
			for i := range n {
				fstart := body.off
				size, err := body.uint()
				if err != nil {
					return nil, err
				}
				if size > len(body.b)-body.off {
					return nil, fmt.Errorf("function %d runs past the code section", i)
				}
				body.off += size
				m.Funcs = append(m.Funcs, Func{Size: body.off - fstart})
			}
		}
		m.Sections[name] += r.off - start
	}
	for i := range m.Funcs {
		m.Funcs[i].Name = names[imported+i]
	}
	return m, nil
}

// countImportedFuncs counts the functions of an import section.
func countImportedFuncs(r *reader) (int, error) {
	n, err := r.uint()
	if err != nil {
		return 0, err
	}
	funcs := 0
	for range n {
		if _, err := r.name(); err != nil {
			return 0, err
		}
		if _, err := r.name(); err != nil {
			return 0, err
		}
		kind, err := r.byte()
		if err != nil {
			return 0, err
		}
		switch kind {
		case 0: // function: a type index
			funcs++
			_, err = r.uint()
		case 1: // table: a reference type and limits
			if _, err = r.byte(); err == nil {
				err = r.limits()
			}
		case 2: // memory: limits
			err = r.limits()
		case 3: // global: a value type and mutability
			if _, err = r.byte(); err == nil {
				_, err = r.byte()
			}
		default:
			err = fmt.Errorf("unknown import kind %d", kind)
		}
		if err != nil {
			return 0, err
		}
	}
	return funcs, nil
}

// readNames reads the function names of a name section.
func readNames(r *reader, names map[int]string) error {
	for r.off < len(r.b) {
		id, err := r.byte()
		if err != nil {
			return err
		}
		size, err := r.uint()
		if err != nil {
			return err
		}
		if size > len(r.b)-r.off {
			return errors.New("a subsection runs past the end")
		}
		sub := &reader{b: r.b[r.off : r.off+size]}
		r.off += size
		if id != 1 { // function names
			continue
		}
		n, err := sub.uint()
		if err != nil {
			return err
		}
		for range n {
			idx, err := sub.uint()
			if err != nil {
				return err
			}
			name, err := sub.name()
			if err != nil {
				return err
			}
			names[idx] = name
		}
	}
	return nil
}

// Package is the Go package a function name belongs to. Go's wasm linker
// writes names with '/', '-' and the like as '_', and keeps the dots:
// "github.com_x_y.__T_.M" (github.com/x/y.(*T).M) → "github.com_x_y",
// "encoding_json.f" → "encoding_json", "runtime.f" → "runtime"; the
// generated equality functions ("type_.eq.…") are "type_"; a name in the
// form "type:…" is "type:"; "" is "(unnamed)".
func Package(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	if p, _, ok := strings.Cut(name, ":"); ok && !strings.ContainsAny(p, "._") {
		return p + ":"
	}
	rest := name
	if m := domain.FindString(name); m != "" {
		rest = name[len(m):] // the dot of github.com is not the package's end
	}
	dot := strings.IndexByte(rest, '.')
	if dot < 0 {
		return name
	}
	return name[:len(name)-len(rest)+dot]
}

// domain matches the host at the start of a module path, as the linker
// writes it ("github.com_").
var domain = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)+_`)

// ByPackage sums the code of the functions by package, largest first.
func (m *Module) ByPackage() []Sum {
	sums := map[string]*Sum{}
	for _, f := range m.Funcs {
		p := Package(f.Name)
		s := sums[p]
		if s == nil {
			s = &Sum{Name: p}
			sums[p] = s
		}
		s.Size += f.Size
		s.Funcs++
	}
	out := make([]Sum, 0, len(sums))
	for _, s := range sums {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Size != out[j].Size {
			return out[i].Size > out[j].Size
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Sum is the code of a package: bytes and functions.
type Sum struct {
	Name  string
	Size  int
	Funcs int
}

// CodeSize is the size of the function bodies.
func (m *Module) CodeSize() int {
	n := 0
	for _, f := range m.Funcs {
		n += f.Size
	}
	return n
}

type reader struct {
	b   []byte
	off int
}

var errShort = errors.New("unexpected end of the module")

func (r *reader) byte() (byte, error) {
	if r.off >= len(r.b) {
		return 0, errShort
	}
	c := r.b[r.off]
	r.off++
	return c, nil
}

// uint reads an unsigned LEB128 number of at most 32 bits.
func (r *reader) uint() (int, error) {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > 1<<32-1 {
				return 0, errors.New("a number over 32 bits")
			}
			return int(v), nil
		}
	}
	return 0, errors.New("a number over 32 bits")
}

func (r *reader) name() (string, error) {
	n, err := r.uint()
	if err != nil {
		return "", err
	}
	if n > len(r.b)-r.off {
		return "", errShort
	}
	s := string(r.b[r.off : r.off+n])
	r.off += n
	return s, nil
}

func (r *reader) limits() error {
	flag, err := r.byte()
	if err != nil {
		return err
	}
	if _, err := r.uint(); err != nil {
		return err
	}
	if flag&1 != 0 {
		_, err = r.uint()
	}
	return err
}
