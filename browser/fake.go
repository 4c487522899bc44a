package browser

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/clausemark/clausemark/annotations"
	"github.com/clausemark/clausemark/extract"
	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/markup"
)

// Fake is a Browser for the app's tests: the store is a MemoryStore, the
// selection and the files are what the test sets, key presses are what
// the test sends (Press), and every other call is recorded (Calls) for the
// test to check. It paints nothing: painting is checked in the browser.
// Its methods are safe for concurrent use.
type Fake struct {
	mu sync.Mutex

	// Store is the annotation store OpenStore returns (a new MemoryStore
	// when nil); StoreErr, when set, is what OpenStore fails with instead,
	// and WriteErr what every write fails with while it is set.
	Store    *annotations.MemoryStore
	StoreErr error
	WriteErr error
	// Library is the library over Store (made by OpenStore when nil).
	Library *library.MemoryStore
	// Selection is what ReadSelection returns while HasSelection is set.
	Selection    Selection
	HasSelection bool
	// Files are what InputFile returns, by input id.
	Files map[string]File
	// Values are what InputValue returns, by id.
	Values map[string]string
	// Width is the window's width (1280 when zero).
	Width float64
	// PDFs are what ExtractPDF returns, by the file's bytes (as a string).
	PDFs map[string]*extract.PDFDocument
	// Prerendered is what FindPrerendered finds, by selector: the value
	// of the attribute asked for (see fake_page.go).
	Prerendered map[string]string
	pages       fakePages
	// FocusKept is what the back function of KeepFocus reports; TabErr,
	// when set, is what OpenTab fails with.
	FocusKept bool
	TabErr    error
	// FocusMoved is what FocusStays's function reports the opposite of:
	// set it to say the delegate moved the focus elsewhere meanwhile.
	FocusMoved bool

	calls     []string
	downloads []File
	keys      []func(KeyEvent) bool
	selEnd    []func()
	leave     []func() bool
	posts     []annotations.Change
	channel   func(annotations.Change)
	onClosed  func(string)
	tabs      []File
	print     [][2]func()
	inserted  map[string]string
}

var _ Browser = (*Fake)(nil)

// NewFake returns a Fake with an empty store.
func NewFake() *Fake { return &Fake{Store: annotations.NewMemoryStore()} }

func (f *Fake) record(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
}

// Calls returns the calls recorded, in order, as "Name(args)" strings.
func (f *Fake) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string{}, f.calls...)
}

// Called reports whether a recorded call starts with prefix.
func (f *Fake) Called(prefix string) bool {
	for _, c := range f.Calls() {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

// Downloads returns the files downloaded.
func (f *Fake) Downloads() []File {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]File{}, f.downloads...)
}

// Posts returns what the app told the other tabs.
func (f *Fake) Posts() []annotations.Change {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]annotations.Change{}, f.posts...)
}

// Press sends a key press to the page's listeners and reports whether one
// of them took it (prevented the default).
func (f *Fake) Press(k KeyEvent) bool {
	f.mu.Lock()
	keys := append([]func(KeyEvent) bool{}, f.keys...)
	f.mu.Unlock()
	took := false
	for _, h := range keys {
		took = h(k) || took
	}
	return took
}

// Announce delivers a change as if another tab had saved it.
func (f *Fake) Announce(c annotations.Change) {
	f.mu.Lock()
	h := f.channel
	f.mu.Unlock()
	if h != nil {
		h(c)
	}
}

// Leaving asks the page's leave listeners whether leaving needs a
// confirmation, as the browser does before unloading.
func (f *Fake) Leaving() bool {
	f.mu.Lock()
	hs := append([]func() bool{}, f.leave...)
	f.mu.Unlock()
	confirm := false
	for _, h := range hs {
		confirm = h() || confirm
	}
	return confirm
}

// CloseStore tells the app its store was closed under it.
func (f *Fake) CloseStore(reason string) {
	f.mu.Lock()
	h := f.onClosed
	f.mu.Unlock()
	if h != nil {
		h(reason)
	}
}

// OpenStore returns a library store over Store (or StoreErr).
func (f *Fake) OpenStore(onClosed func(string)) (library.Store, error) {
	f.record("OpenStore()")
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.StoreErr != nil {
		return nil, f.StoreErr
	}
	if f.Store == nil {
		f.Store = annotations.NewMemoryStore()
	}
	if f.Library == nil {
		f.Library = library.NewMemoryStoreWith(f.Store)
	}
	f.onClosed = onClosed
	return fakeStore{f.Library, f}, nil
}

// OpenChannel records what the app posts and keeps its listener for
// Announce.
func (f *Fake) OpenChannel(h func(annotations.Change)) (func(annotations.Change) error, func(), error) {
	f.mu.Lock()
	f.channel = h
	f.mu.Unlock()
	post := func(c annotations.Change) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.posts = append(f.posts, c)
		return nil
	}
	return post, func() {}, nil
}

// OnKeyDown keeps h for Press.
func (f *Fake) OnKeyDown(h func(KeyEvent) bool) func() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keys = append(f.keys, h)
	return func() {}
}

// OnSelectionEnd keeps h for SelectionEnded.
func (f *Fake) OnSelectionEnd(h func()) func() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.selEnd = append(f.selEnd, h)
	return func() {}
}

// Select sets the page's selection and tells the listeners, as a mouse
// release after selecting does.
func (f *Fake) Select(s Selection) {
	f.mu.Lock()
	f.Selection, f.HasSelection = s, true
	hs := append([]func(){}, f.selEnd...)
	f.mu.Unlock()
	for _, h := range hs {
		h()
	}
}

// SetWriteErr makes every write of the store fail with err (nil: succeed).
func (f *Fake) SetWriteErr(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.WriteErr = err
}

func (f *Fake) writeErr() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.WriteErr
}

// fakeStore is the Fake's MemoryStore, whose writes fail while WriteErr
// is set.
type fakeStore struct {
	library.Store
	f *Fake
}

// Document is the library's, recorded.
func (s fakeStore) Document(id string) (library.Document, bool, error) {
	s.f.record("Document(%s)", id)
	return s.Store.Document(id)
}

// CurrentTextSHA256 is the library's, recorded.
func (s fakeStore) CurrentTextSHA256(id string) (string, bool, error) {
	s.f.record("CurrentTextSHA256(%s)", id)
	return s.Store.CurrentTextSHA256(id)
}

func (s fakeStore) Put(a annotations.Annotation) error {
	if err := s.f.writeErr(); err != nil {
		return err
	}
	return s.Store.Put(a)
}

func (s fakeStore) PutIf(a annotations.Annotation, base time.Time) (annotations.Annotation, error) {
	if err := s.f.writeErr(); err != nil {
		return annotations.Annotation{}, err
	}
	return s.Store.PutIf(a, base)
}

func (s fakeStore) PutMany(as []annotations.Annotation) error {
	if err := s.f.writeErr(); err != nil {
		return err
	}
	return s.Store.PutMany(as)
}

func (s fakeStore) Delete(id string) error {
	if err := s.f.writeErr(); err != nil {
		return err
	}
	return s.Store.Delete(id)
}

// OnFileDrop is recorded.
func (f *Fake) OnFileDrop(int64, func(bool), func(File)) func() { return func() {} }

// OnLeave keeps h for Leaving.
func (f *Fake) OnLeave(h func() bool) func() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.leave = append(f.leave, h)
	return func() {}
}

// ReadSelection returns Selection while HasSelection is set.
func (f *Fake) ReadSelection() (Selection, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.Selection, f.HasSelection, nil
}

// SelectText is recorded.
func (f *Fake) SelectText(clause string, start, end int) (Rect, error) {
	f.record("SelectText(%s, %d, %d)", clause, start, end)
	return Rect{}, nil
}

// ClearSelection clears Selection.
func (f *Fake) ClearSelection() error {
	f.mu.Lock()
	f.HasSelection = false
	f.mu.Unlock()
	f.record("ClearSelection()")
	return nil
}

// InputFile returns Files[id].
func (f *Fake) InputFile(id string, max int64) (File, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	file, ok := f.Files[id]
	if !ok {
		return File{}, errors.New("no file chosen")
	}
	return file, file.Err
}

// InputValue returns Values[id].
func (f *Fake) InputValue(id string) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.Values[id]
	return v, ok
}

// Click is recorded.
func (f *Fake) Click(id string) error { f.record("Click(%s)", id); return nil }

// Focus is recorded.
func (f *Fake) Focus(selector string) error { f.record("Focus(%s)", selector); return nil }

// Flash is recorded.
func (f *Fake) Flash(selector string) error { f.record("Flash(%s)", selector); return nil }

// Place is recorded.
func (f *Fake) Place(id string, at Placement) error {
	f.record("Place(%s, %s)", id, at.Clause)
	return nil
}

// ClauseRect finds the clause at a fixed place.
func (f *Fake) ClauseRect(string) (Rect, bool) {
	return Rect{Top: 100, Left: 40, Bottom: 120, Right: 600}, true
}

// AnnotationRect finds the highlight at a fixed place.
func (f *Fake) AnnotationRect(string) (Rect, bool) {
	return Rect{Top: 200, Left: 60, Bottom: 220, Right: 400}, true
}

// WindowWidth is Width, or 1280.
func (f *Fake) WindowWidth() float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Width == 0 {
		return 1280
	}
	return f.Width
}

// Highlight is recorded.
func (f *Fake) Highlight(clause string, start, end int, m markup.Mark) error {
	f.record("Highlight(%s, %d, %d, %s, %s)", clause, start, end, m.ID, m.Tag)
	return nil
}

// Unhighlight is recorded.
func (f *Fake) Unhighlight(id string) error { f.record("Unhighlight(%s)", id); return nil }

// Restyle is recorded.
func (f *Fake) Restyle(m markup.Mark) error { f.record("Restyle(%s, %s)", m.ID, m.Tag); return nil }

// SetSuggestion is recorded.
func (f *Fake) SetSuggestion(clause, html string) error {
	f.record("SetSuggestion(%s)", clause)
	return nil
}

// ReplaceClause is recorded.
func (f *Fake) ReplaceClause(id, html string) error { f.record("ReplaceClause(%s)", id); return nil }

// SetInnerHTML is recorded.
func (f *Fake) SetInnerHTML(selector, html string) error {
	f.record("SetInnerHTML(%s)", selector)
	return nil
}

// ToggleClass is recorded.
func (f *Fake) ToggleClass(id, class string, on bool) error {
	f.record("ToggleClass(%s, %s, %v)", id, class, on)
	return nil
}

// ExtractPDF returns PDFs[data], or extract.ErrCorruptPDF.
func (f *Fake) ExtractPDF(data []byte) (*extract.PDFDocument, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if d, ok := f.PDFs[string(data)]; ok {
		return d, nil
	}
	return nil, extract.ErrCorruptPDF
}

// Persist is granted.
func (f *Fake) Persist() (bool, error) { f.record("Persist()"); return true, nil }

// Estimate says 1 MB of 1 GB.
func (f *Fake) Estimate() (int64, int64, error) { return 1 << 20, 1 << 30, nil }

// Download keeps the file.
func (f *Fake) Download(name, mime string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.downloads = append(f.downloads, File{Name: name, Data: data})
	return nil
}

// MarkAfterPaint is recorded.
func (f *Fake) MarkAfterPaint(name string) { f.record("MarkAfterPaint(%s)", name) }

// AfterPaint calls fn at once: there is no paint to wait for.
func (f *Fake) AfterPaint(fn func()) { fn() }

// Log is recorded.
func (f *Fake) Log(args ...any) { f.record("Log(%s)", strings.TrimSpace(fmt.Sprintln(args...))) }
