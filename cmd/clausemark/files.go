//go:build !(js && wasm)

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
	cmapp "github.com/clausemark/clausemark/app"
	"github.com/clausemark/clausemark/resolution"
)

// now is the clock of the files export and merge write (their "exported"
// time, the date of a brief). Tests fix it.
var now = time.Now

// clock returns the time of now in UTC.
func clock() time.Time { return now().UTC() }

// parseArgs parses the flags of fs wherever they stand among the arguments
// ("A.json B.json -o OUT.json"; the flag package stops at the first
// argument), and returns the other arguments in order. "--" ends the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// resolutionError names the file and line of an unreadable resolution.
func resolutionError(name string, err error) error {
	var pe *resolution.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %s", name, pe.Line, pe.Msg)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// loadDocument reads the resolution the annotations are on: the file name,
// or the embedded seed (A/HRC/RES/53/11) when name is empty.
func loadDocument(name string) (*annotations.Document, error) {
	data := resolution.Seed()
	label := "the embedded seed"
	if name != "" {
		var err error
		if data, err = os.ReadFile(name); err != nil {
			return nil, err
		}
		label = name
	}
	doc, err := resolution.Parse(data)
	if err != nil {
		return nil, resolutionError(label, err)
	}
	adoc, err := cmapp.AnnotationDocument(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	return adoc, nil
}

// readAnnotationFile reads an annotation file, at most a byte more than
// annotations.MaxFileSize (which Read then refuses as too large).
func readAnnotationFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, annotations.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}

// importFile reads the annotation file name into s and applies the merge.
// Errors name the file; a file for another document says how to accept it.
func importFile(s *annotations.Set, name string, data []byte, opts annotations.ImportOptions) (*annotations.Plan, error) {
	p, err := s.Import(data, opts)
	if err != nil {
		if errors.Is(err, annotations.ErrOtherDocument) {
			err = fmt.Errorf("%w (use -any-document to re-anchor its annotations by quote)", err)
		}
		return nil, &fileError{name, err}
	}
	if _, err := p.Apply(); err != nil {
		return nil, &fileError{name, err}
	}
	return p, nil
}

// fileError is an error of an annotation file: each of its errors (Read
// joins up to 100) on a line that starts with the file name.
type fileError struct {
	name string
	err  error
}

func (e *fileError) Error() string {
	errs := []error{e.err}
	if j, ok := e.err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	lines := make([]string, len(errs))
	for i, err := range errs {
		lines[i] = e.name + ": " + err.Error()
	}
	return strings.Join(lines, "\n")
}

func (e *fileError) Unwrap() error { return e.err }

// anchoringNote says in a line what became of the annotations of a file that
// did not fit the document's text (re-anchored by quote, or kept as orphans),
// or of a file of another document; it returns "" when the file is of the
// document and all its annotations fit.
func anchoringNote(name string, doc *annotations.Document, f *annotations.File) string {
	if len(f.Reanchored) == 0 && !f.OtherDocument {
		return ""
	}
	orphans := len(f.Orphans())
	moved := len(f.Reanchored) - orphans
	var why string
	switch {
	case f.OtherDocument && f.Symbol != "":
		why = fmt.Sprintf("made on %s, not %s", f.Symbol, doc.Symbol)
	case f.OtherDocument:
		why = fmt.Sprintf("made on %s, not %s", f.Source, doc.Symbol)
	case f.TextChanged:
		why = "made on another text of " + doc.Symbol
	default:
		why = "annotations that do not fit the text of " + doc.Symbol
	}
	note := fmt.Sprintf("%s: %s: %d re-anchored, %d %s", name, why, moved, orphans, plural(orphans, "orphan", "orphans"))
	if orphans > 0 {
		note += " (kept, for review)"
	}
	return note
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// writeOutput writes data to the file name, or to stdout when name is "" or
// "-". A new or regular file is written atomically: to a temporary file in
// the same directory, renamed over name once complete, so that name is never
// left half-written (an existing file keeps its permissions). A symbolic link
// or a device (-o /dev/stdout) is written through, in place: renaming would
// replace the link or the device node. Either way data is complete before
// anything is written.
func writeOutput(name string, data []byte, stdout io.Writer) error {
	if name == "" || name == "-" {
		_, err := stdout.Write(data)
		return err
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Lstat(name); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("%s: is a directory", name)
		case !fi.Mode().IsRegular():
			return writeInPlace(name, data)
		}
		mode = fi.Mode().Perm()
	}
	if err := writeAtomic(name, data, mode); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// writeAtomic writes data to a temporary file next to name and renames it
// to name; on error the temporary file is removed.
func writeAtomic(name string, data []byte, mode os.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// writeInPlace writes data through a symbolic link or to a device (escaped
// if the device is a terminal: -o /dev/tty).
func writeInPlace(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = terminalSafe(f).Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
