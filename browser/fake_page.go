package browser

// fakePages is what a Fake keeps of the Pages calls.
type fakePages struct {
	kept []KeptPage // KeepPage's pages, in order
}

// FindPrerendered returns Prerendered[selector], and is recorded.
func (f *Fake) FindPrerendered(selector, attr string) (string, bool) {
	f.record("FindPrerendered(%s, %s)", selector, attr)
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.Prerendered[selector]
	return v, ok
}

// KeepPage is recorded, and the page kept (Kept).
func (f *Fake) KeepPage(k KeptPage) error {
	f.record("KeepPage(%s, %s)", k.Cache, k.Key)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pages.kept = append(f.pages.kept, k)
	return nil
}

// Kept returns the pages KeepPage kept, in order.
func (f *Fake) Kept() []KeptPage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]KeptPage{}, f.pages.kept...)
}

// ForgetPage is recorded.
func (f *Fake) ForgetPage(cache, key string) error {
	f.record("ForgetPage(%s, %s)", cache, key)
	return nil
}

// MarkSince is recorded.
func (f *Fake) MarkSince(name, since string) { f.record("MarkSince(%s, %s)", name, since) }
