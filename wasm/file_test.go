//go:build js && wasm

package wasm

import (
	"bytes"
	"errors"
	"syscall/js"
	"testing"

	"github.com/hack-pad/safejs"
)

// newFile makes a File named name holding data.
func newFile(name string, data []byte) safejs.Value {
	u8 := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(u8, data)
	return safejs.Safe(js.Global().Get("File").New([]any{u8}, name, map[string]any{"type": "application/json"}))
}

func TestReadFile(t *testing.T) {
	t.Parallel()
	data := []byte(`{"note":"Résolution 🐘"}` + "\x00\xff")
	name, got, err := ReadFile(newFile("notes é.json", data))
	if err != nil {
		t.Fatal(err)
	}
	if name != "notes é.json" || !bytes.Equal(got, data) {
		t.Errorf("ReadFile = %q, %q; want %q, %q", name, got, "notes é.json", data)
	}

	name, got, err = ReadFileLimit(newFile("empty.json", nil), 10)
	if err != nil || name != "empty.json" || len(got) != 0 {
		t.Errorf("ReadFileLimit of an empty file = %q, %q, %v", name, got, err)
	}

	blob := js.Global().Get("Blob").New([]any{"plain blob"})
	name, got, err = ReadFile(safejs.Safe(blob))
	if err != nil || name != "" || string(got) != "plain blob" {
		t.Errorf("ReadFile of a Blob = %q, %q, %v; want \"\", \"plain blob\", nil", name, got, err)
	}
}

func TestReadFileRefusesLargeFilesBeforeReading(t *testing.T) {
	t.Parallel()
	_, data, err := ReadFileLimit(newFile("big.json", make([]byte, 3*1024+1)), 3*1024)
	if !errors.Is(err, ErrFileTooLarge) || data != nil {
		t.Fatalf("ReadFileLimit = %d bytes, %v; want ErrFileTooLarge", len(data), err)
	}
	want := `the file "big.json" is too large to open: it has 3.1 KB, the limit is 3 KB`
	if err.Error() != want {
		t.Errorf("message = %q\nwant      %q", err, want)
	}
	var e *FileTooLargeError
	if !errors.As(err, &e) || e.Size != 3*1024+1 || e.Max != 3*1024 || e.Name != "big.json" {
		t.Errorf("error = %#v", err)
	}
	if _, data, err := ReadFileLimit(newFile("ok.json", make([]byte, 10)), 0); err != nil || len(data) != 10 {
		t.Errorf("ReadFileLimit with no limit = %d bytes, %v", len(data), err)
	}
}

func TestReadFileRefusesWhatIsNotAFile(t *testing.T) {
	t.Parallel()
	for _, v := range []js.Value{js.ValueOf("a string"), js.Undefined(), js.Null(), js.ValueOf(3), js.Global().Get("Object").New()} {
		if _, _, err := ReadFile(safejs.Safe(v)); err == nil {
			t.Errorf("ReadFile(%v) succeeded, want an error", v)
		}
	}
}

func TestAwaitRejection(t *testing.T) {
	t.Parallel()
	reject := jsFunc(t, `() => Promise.reject(new DOMException("gone", "NotReadableError"))`)
	_, err := awaitJS(t, reject)
	if !errors.Is(err, ErrFileUnreadable) {
		t.Errorf("await of a rejected promise = %v, want ErrFileUnreadable", err)
	}
	rejectNothing := jsFunc(t, `() => Promise.reject()`)
	if _, err := awaitJS(t, rejectNothing); err == nil {
		t.Error("await of a promise rejected with undefined succeeded")
	}
}
