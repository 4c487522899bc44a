//go:build js && wasm

package wasm

import (
	"fmt"
	"math"

	"github.com/hack-pad/safejs"
)

// DefaultMaxFileSize is the size limit of ReadFile: 64 MiB, far above any
// annotation file, far below what would exhaust the memory of the page.
const DefaultMaxFileSize = 64 << 20

// FileTooLargeError is the error of ReadFileLimit for a file above the
// limit. errors.Is(err, ErrFileTooLarge) reports it.
type FileTooLargeError struct {
	Name string // the file's name, "" for a Blob
	Size int64  // its size in bytes
	Max  int64  // the limit in bytes
}

// Error tells the user the file's size and the limit.
func (e *FileTooLargeError) Error() string {
	name := "the file"
	if e.Name != "" {
		name = fmt.Sprintf("the file %q", e.Name)
	}
	// The size is rounded up, so that it never looks equal to the limit.
	return fmt.Sprintf("%s is too large to open: it has %s, the limit is %s", name, byteSize(e.Size, math.Ceil), byteSize(e.Max, math.Floor))
}

// Is reports whether target is ErrFileTooLarge.
func (e *FileTooLargeError) Is(target error) bool { return target == ErrFileTooLarge }

// ReadFile reads a File, such as an element of the files of an <input
// type=file> or of a drop event's dataTransfer, and returns its name and
// content. It refuses files above DefaultMaxFileSize; see ReadFileLimit.
func ReadFile(file safejs.Value) (name string, data []byte, err error) {
	return ReadFileLimit(file, DefaultMaxFileSize)
}

// ReadFileLimit is ReadFile with a size limit of max bytes: a larger file is
// refused with a *FileTooLargeError before anything is read. A max of 0 or
// less means no limit. Any Blob can be read; its name is "".
//
// It awaits file.arrayBuffer(): it blocks the calling goroutine, never the
// page, so call it from a goroutine, not from the JavaScript event handler
// itself.
func ReadFileLimit(f safejs.Value, max int64) (name string, data []byte, err error) {
	op := "read file"
	blob, err := safejs.Global().Get("Blob")
	if err != nil {
		return "", nil, callError(op, err, false)
	}
	if ok, err := f.InstanceOf(blob); err != nil || !ok {
		return "", nil, fmt.Errorf("%s: a JavaScript %s is not a File or Blob", op, f.Type())
	}
	name = stringProp(f, "name")
	if name != "" {
		op = fmt.Sprintf("read file %q", name)
	}
	sizeValue, err := f.Get("size")
	if err != nil {
		return name, nil, callError(op, err, false)
	}
	size, err := sizeValue.Float()
	if err != nil {
		return name, nil, callError(op, err, false)
	}
	if max > 0 && size > float64(max) {
		return name, nil, &FileTooLargeError{Name: name, Size: int64(size), Max: max}
	}
	promise, err := f.Call("arrayBuffer")
	if err != nil {
		return name, nil, callError(op, err, false)
	}
	buffer, err := await(op, promise)
	if err != nil {
		return name, nil, err
	}
	u8, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return name, nil, callError(op, err, false)
	}
	bytes, err := u8.New(buffer)
	if err != nil {
		return name, nil, callError(op, err, false)
	}
	n, err := bytes.Length()
	if err != nil {
		return name, nil, callError(op, err, false)
	}
	if max > 0 && int64(n) > max { // the file changed between size and read
		return name, nil, &FileTooLargeError{Name: name, Size: int64(n), Max: max}
	}
	data = make([]byte, n)
	if _, err := safejs.CopyBytesToGo(data, bytes); err != nil {
		return name, nil, callError(op, err, false)
	}
	return name, data, nil
}

// byteSize formats a size for people: 512 bytes, 1.5 KB, 64 MB. round
// (math.Ceil or math.Floor) rounds to the tenth.
func byteSize(n int64, round func(float64) float64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	v, suffix := float64(n)/unit, "KB"
	for _, s := range []string{"MB", "GB", "TB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	v = round(v*10) / 10
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d %s", int64(v), suffix)
	}
	return fmt.Sprintf("%.1f %s", v, suffix)
}
