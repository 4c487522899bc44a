package browser

// The Fake's side of focus, new tabs and printing.

// KeepFocus is recorded; back records FocusBack() and reports FocusKept.
func (f *Fake) KeepFocus() func() bool {
	f.record("KeepFocus()")
	return func() bool {
		f.record("FocusBack()")
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.FocusKept
	}
}

// OpenTab keeps the data opened (Tabs), or fails with TabErr when set.
func (f *Fake) OpenTab(mime string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.TabErr != nil {
		return f.TabErr
	}
	f.tabs = append(f.tabs, File{Name: mime, Data: data})
	return nil
}

// Tabs returns what the app opened in new tabs: the type as Name, and the
// data.
func (f *Fake) Tabs() []File {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]File{}, f.tabs...)
}

// OnPrint keeps before and after for Print.
func (f *Fake) OnPrint(before, after func()) func() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.print = append(f.print, [2]func(){before, after})
	return func() {}
}

// Print runs the page's print listeners as the browser does around
// printing: every before, then inspect (may be nil) — the page as it is
// printed — then every after.
func (f *Fake) Print(inspect func()) {
	f.mu.Lock()
	hs := append([][2]func(){}, f.print...)
	f.mu.Unlock()
	for _, h := range hs {
		h[0]()
	}
	if inspect != nil {
		inspect()
	}
	for _, h := range hs {
		h[1]()
	}
}

// InsertAfter keeps the HTML inserted (Inserted) and records the call.
func (f *Fake) InsertAfter(selector, html string) error {
	f.record("InsertAfter(%s)", selector)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.inserted == nil {
		f.inserted = map[string]string{}
	}
	f.inserted[selector] += html
	return nil
}

// Inserted returns the HTML inserted after each selector and not removed
// since, by selector.
func (f *Fake) Inserted() map[string]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]string, len(f.inserted))
	for k, v := range f.inserted {
		out[k] = v
	}
	return out
}

// SetInputValue sets Values[id].
func (f *Fake) SetInputValue(id, value string) error {
	f.record("SetInputValue(%s, %q)", id, value)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Values == nil {
		f.Values = map[string]string{}
	}
	f.Values[id] = value
	return nil
}

// RemoveAll is recorded; it forgets everything inserted (the app removes
// what it inserted by the class all of it has).
func (f *Fake) RemoveAll(selector string) error {
	f.record("RemoveAll(%s)", selector)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inserted = nil
	return nil
}
