package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// libraryCounts reads the counts the library shows for a document: its
// commitments, requests and concerns.
func libraryCounts(t *testing.T, ctx context.Context, id string) [3]int {
	t.Helper()
	raw := eval[[]any](t, ctx, `[...document.querySelectorAll('[data-document="`+id+`"] .cm-library-counts .cm-tag-chip')].map(e => +e.dataset.count)`)
	var c [3]int
	for i := 0; i < 3 && i < len(raw); i++ {
		c[i] = int(raw[i].(float64))
	}
	return c
}

// addThreeDocuments opens a PDF, a Word file and a pasted text, and tags
// one clause of each (a concern, a request, a commitment); before, the
// browser held had annotations.
func addThreeDocuments(t *testing.T, ctx context.Context, had int) {
	t.Helper()
	chooseDocument(t, ctx, filepath.Join("..", "testdata", "corpus", "S_2018_221-EN.pdf"))
	poll(t, ctx, `location.pathname === '/d/S-2018-221' && document.getElementById('op1') !== null`)
	click(t, ctx, `#op1 .cm-label`)
	press(t, ctx, "3")
	newestHighlight(t, ctx, "op1", "concern")

	chooseDocument(t, ctx, filepath.Join("..", "testdata", "docx", "S_2024_400.docx"))
	poll(t, ctx, `location.pathname === '/d/S-2024-400' && document.getElementById('op2') !== null`)
	click(t, ctx, `#op2 .cm-label`)
	press(t, ctx, "2")
	newestHighlight(t, ctx, "op2", "request")

	text, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "S_2016_1061-EN.content.txt"))
	if err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `button[title^="Open the text of a resolution copied"]`)
	poll(t, ctx, `document.activeElement && document.activeElement.id === 'cm-paste'`)
	if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: string(text)}); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, `#cm-paste-dialog .cm-primary`)
	poll(t, ctx, `location.pathname.startsWith('/d/untitled-') && document.getElementById('op3') !== null`)
	click(t, ctx, `#op3 .cm-label`)
	press(t, ctx, "1")
	newestHighlight(t, ctx, "op3", "commitment")
	waitStored(t, ctx, had+3)
}

func TestTheLibraryKeepsDocumentsOfEveryKindWithTheirAnnotationsOffline(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	waitOfflineReady(t, b.ctx)
	addThreeDocuments(t, b.ctx, 0)
	untitled := strings.TrimPrefix(eval[string](t, b.ctx, `location.pathname`), "/d/")

	open(t, b.ctx, srv.URL+"/library")
	poll(t, b.ctx, `document.querySelectorAll('[role=region][aria-label="Library"] [data-document]').length === 4`)
	check := func() {
		t.Helper()
		for id, want := range map[string][3]int{
			"S-2018-221": {0, 0, 1}, "S-2024-400": {0, 1, 0}, untitled: {1, 0, 0}, "A-HRC-RES-53-11": {0, 0, 0},
		} {
			poll(t, b.ctx, `document.querySelector('[data-document="`+id+`"] a[href="/d/`+id+`"]') !== null`)
			if got := libraryCounts(t, b.ctx, id); got != want {
				t.Errorf("%s: the library counts %v, want %v", id, got, want)
			}
		}
	}
	// The counts are brought up to date a moment after the last change.
	poll(t, b.ctx, `[...document.querySelectorAll('[data-document="S-2018-221"] .cm-tag-chip')].map(e => e.dataset.count).join() === '0,0,1'`)
	check()

	// With the server stopped, the library and every document are there.
	srv.Stop()
	if err := chromedp.Do(b.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	poll(t, b.ctx, `document.querySelectorAll('[data-document]').length === 4`)
	check()
	for id, clause := range map[string]string{"S-2018-221": "op1", "S-2024-400": "op2", untitled: "op3"} {
		click(t, b.ctx, `[data-document="`+id+`"] a`)
		poll(t, b.ctx, `location.pathname === '/d/`+id+`' && document.querySelector('#`+clause+` mark[data-start]') !== null`)
		if err := chromedp.Do(b.ctx, chromedp.NavigateBack()); err != nil {
			t.Fatal(err)
		}
		poll(t, b.ctx, `location.pathname === '/library' && document.querySelectorAll('[data-document]').length === 4`)
	}
}

func TestAllAnnotationsFiltersAcrossDocumentsAndExportsTheRows(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	dl := b.watchDownloads()
	open(t, b.ctx, srv.Doc)
	click(t, b.ctx, `#op21 .cm-label`)
	press(t, b.ctx, "2")
	newestHighlight(t, b.ctx, "op21", "request")
	addThreeDocuments(t, b.ctx, 1)

	open(t, b.ctx, srv.URL+"/annotations")
	region := `[role=region][aria-label="All annotations"]`
	poll(t, b.ctx, `document.querySelectorAll('`+region+` .cm-item').length === 4`)
	if n := eval[float64](t, b.ctx, `document.querySelectorAll('`+region+` section[data-document]').length`); n != 4 {
		t.Errorf("%v document groups, want 4", n)
	}
	// Requests only: two, in two documents; the counts follow the search.
	click(t, b.ctx, region+` .cm-filter[data-tag="request"]`)
	poll(t, b.ctx, `document.querySelectorAll('`+region+` .cm-item').length === 2`)
	if err := chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("cm-all-search"), "Office of the United Nations")); err != nil {
		t.Fatal(err)
	}
	poll(t, b.ctx, `document.querySelectorAll('`+region+` .cm-item').length === 1 && document.querySelector('`+region+` .cm-filter[data-tag="request"] .cm-count-small').textContent === '1'`)

	if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.Search(`//button[normalize-space()="Spreadsheet (CSV)"]`))); err != nil {
		t.Fatal(err)
	}
	data := dl.next()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Error("the CSV has no byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][0] != "document" || rows[1][0] != "A/HRC/RES/53/11" || rows[1][2] != "request" {
		t.Errorf("CSV rows %q, want the header and the seed's request", rows)
	}
	// Clicking it opens its document at its highlight.
	click(t, b.ctx, region+` .cm-item a`)
	poll(t, b.ctx, `location.pathname === '/d/A-HRC-RES-53-11' && document.activeElement && document.activeElement.closest('#op21') !== null`)
}

func TestRemovingADocumentTakesItsAnnotationsAndCanBeUndone(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	chooseDocument(t, b.ctx, filepath.Join("..", "testdata", "corpus", "S_2018_221-EN.pdf"))
	poll(t, b.ctx, `location.pathname === '/d/S-2018-221' && document.getElementById('op1') !== null`)
	click(t, b.ctx, `#op1 .cm-label`)
	press(t, b.ctx, "3")
	newestHighlight(t, b.ctx, "op1", "concern")
	waitStored(t, b.ctx, 1)

	open(t, b.ctx, srv.URL+"/library")
	poll(t, b.ctx, `document.querySelector('[data-document="S-2018-221"]') !== null`)
	click(t, b.ctx, `[data-document="S-2018-221"] .cm-danger`)
	poll(t, b.ctx, `document.querySelector('#cm-remove-dialog') !== null`)
	if got := eval[string](t, b.ctx, `document.getElementById('cm-remove-what').textContent`); !strings.Contains(got, "1 annotation") || !strings.Contains(got, "export it first") {
		t.Errorf("the dialog says %q", got)
	}
	click(t, b.ctx, `#cm-remove-dialog .cm-primary`)
	poll(t, b.ctx, `document.querySelector('[data-document="S-2018-221"]') === null && document.querySelectorAll('[data-document]').length === 1`)
	if n := len(stored(t, b.ctx)); n != 0 {
		t.Errorf("%d annotations stored after the removal, want 0", n)
	}
	click(t, b.ctx, `.cm-toast-undo`)
	poll(t, b.ctx, `document.querySelector('[data-document="S-2018-221"]') !== null`)
	if n := len(stored(t, b.ctx)); n != 1 {
		t.Errorf("%d annotations stored after Undo, want 1", n)
	}
}

func TestASharedFileBringsItsDocumentIntoAFreshProfile(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	dl := b.watchDownloads()
	open(t, b.ctx, srv.Doc)
	chooseDocument(t, b.ctx, filepath.Join("..", "testdata", "corpus", "S_2018_221-EN.pdf"))
	poll(t, b.ctx, `location.pathname === '/d/S-2018-221' && document.getElementById('op1') !== null`)
	click(t, b.ctx, `#op1 .cm-label`)
	press(t, b.ctx, "3")
	newestHighlight(t, b.ctx, "op1", "concern")
	waitStored(t, b.ctx, 1)
	open(t, b.ctx, srv.URL+"/library")
	poll(t, b.ctx, `document.querySelector('[data-document="S-2018-221"]') !== null`)
	click(t, b.ctx, `[data-document="S-2018-221"] button[aria-label^="Export"]`)
	file := filepath.Join(t.TempDir(), "S-2018-221.json")
	if err := os.WriteFile(file, dl.next(), 0o644); err != nil {
		t.Fatal(err)
	}

	colleague := newBrowser(t)
	open(t, colleague.ctx, srv.URL+"/library")
	poll(t, colleague.ctx, `document.querySelectorAll('[data-document]').length === 1`)
	if err := chromedp.Do(colleague.ctx, chromedp.SetUploadFiles(chromedp.ID("cm-library-import-file"), []string{file})); err != nil {
		t.Fatal(err)
	}
	poll(t, colleague.ctx, `document.querySelector('#cm-library-import-dialog [data-document="S-2018-221"]') !== null`)
	click(t, colleague.ctx, `#cm-library-import-dialog .cm-primary`)
	poll(t, colleague.ctx, `document.querySelector('[data-document="S-2018-221"] .cm-tag-chip[data-tag="concern"]') !== null && document.querySelector('[data-document="S-2018-221"] .cm-tag-chip[data-tag="concern"]').dataset.count === '1'`)
	click(t, colleague.ctx, `[data-document="S-2018-221"] a`)
	poll(t, colleague.ctx, `document.querySelector('#op1 mark[data-tag="concern"]') !== null`)
}

func TestADocumentAddedInOneTabAppearsInTheOthersLibrary(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.URL+"/library")
	poll(t, b.ctx, `document.querySelectorAll('[data-document]').length === 1`)
	other := b.newTab()
	open(t, other, srv.Doc)
	chooseDocument(t, other, filepath.Join("..", "testdata", "corpus", "S_2019_90-EN.pdf"))
	poll(t, other, `location.pathname === '/d/S-2019-90'`)
	poll(t, b.ctx, `document.querySelector('[data-document="S-2019-90"]') !== null`)
}
