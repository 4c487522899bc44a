package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// corpusTruth is the part of a corpus document's expected structure
// (testdata/corpus/*.expected.json, made by reading the PDF) these tests
// check on the page.
type corpusTruth struct {
	Symbol        string         `json:"symbol"`
	Preambular    int            `json:"preambular"`
	Operative     int            `json:"operative"`
	Subparagraphs map[string]int `json:"subparagraphs"`
	CrossHeadings []struct {
		Before string `json:"before"`
		Text   string `json:"text"`
	} `json:"cross_headings"`
	Annexes []struct {
		ID         string `json:"id"`
		Paragraphs int    `json:"paragraphs"`
	} `json:"annexes"`
}

func readTruth(t *testing.T, stem string) corpusTruth {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", stem+".expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c corpusTruth
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// docURLOf is the path of a document's page: its symbol with '/' → '-'.
func docURLOf(symbol string) string {
	return "/d/" + strings.NewReplacer("/", "-", " ", "-", "(", "", ")", "").Replace(symbol)
}

// chooseDocument chooses a file through the Open document control: the
// file input whose accessible name is "Open document".
func chooseDocument(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	path, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	sel := `input[type=file][aria-label="Open document"]`
	if accept := eval[string](t, ctx, `document.querySelector('`+sel+`').accept`); !strings.Contains(accept, ".pdf") {
		t.Fatalf("the Open document input accepts %q, not PDFs", accept)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(sel), []string{path})); err != nil {
		t.Fatal(err)
	}
}

// checkStructure checks the page shows a corpus document as its expected
// structure says. A text without its symbol line (pasted from the body of
// a PDF) has none: its page is an untitled one.
func checkStructure(t *testing.T, ctx context.Context, want corpusTruth) {
	t.Helper()
	if want.Symbol == "" {
		poll(t, ctx, `location.pathname.startsWith('/d/untitled-') && (document.querySelector('.cm-doc').dataset.symbol || '') === ''`)
	} else {
		poll(t, ctx, `location.pathname === '`+docURLOf(want.Symbol)+`' && document.querySelector('.cm-doc').dataset.symbol === '`+want.Symbol+`'`)
	}
	counts := map[string]float64{
		"preambular": float64(want.Preambular),
		"operative":  float64(want.Operative),
	}
	for kind, n := range counts {
		if got := eval[float64](t, ctx, `document.querySelectorAll('.cm-clause.cm-`+kind+`').length`); got != n {
			t.Errorf("%s paragraphs: got %v, want %v", kind, got, n)
		}
	}
	for parent, n := range want.Subparagraphs {
		got := eval[float64](t, ctx, `(() => { const c = document.getElementById('`+parent+`'); return c ? c.querySelectorAll(':scope > .cm-children > .cm-clause').length : -1; })()`)
		if got != float64(n) {
			t.Errorf("%s: %v sub-paragraphs, want %d", parent, got, n)
		}
	}
	for _, h := range want.CrossHeadings {
		if h.Before == "" {
			continue
		}
		got := eval[string](t, ctx, `(() => { const c = document.getElementById('`+h.Before+`'); const p = c && c.previousElementSibling; return p && p.matches('.cm-crosshead') ? p.textContent : ''; })()`)
		if got != h.Text {
			t.Errorf("the cross-heading before %s: got %q, want %q", h.Before, got, h.Text)
		}
	}
	for _, a := range want.Annexes {
		got := eval[float64](t, ctx, `document.querySelectorAll('#`+a.ID+` > .cm-clause').length`)
		if got != float64(a.Paragraphs) {
			t.Errorf("%s: %v paragraphs, want %d", a.ID, got, a.Paragraphs)
		}
	}
}

func TestAPDFChosenThroughOpenDocumentShowsItsStructureAndCanBeAnnotated(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	for _, stem := range []string{"S_2018_221-EN", "S_2022_158-EN"} {
		chooseDocument(t, b.ctx, filepath.Join("..", "testdata", "corpus", stem+".pdf"))
		want := readTruth(t, stem)
		checkStructure(t, b.ctx, want)
	}
	// Annotate it like the seed: a whole clause by its label.
	click(t, b.ctx, `#op1 .cm-label`)
	press(t, b.ctx, "3")
	newestHighlight(t, b.ctx, "op1", "concern")
	for _, a := range waitStored(t, b.ctx, 1) {
		if a.Document != "S/2022/158" || a.Clause != "op1" {
			t.Errorf("stored %+v, want a concern on OP1 of S/2022/158", a)
		}
	}
}

func TestAWordFileDroppedOnThePageOpens(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	path, err := filepath.Abs(filepath.Join("..", "testdata", "docx", "S_2024_400.docx"))
	if err != nil {
		t.Fatal(err)
	}
	drop := &input.DragData{Files: []string{path}, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		if _, err := chromedp.Call(b.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 400, Y: 300, Data: drop}); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
	}
	want := readTruth(t, "S_2024_400-EN")
	want.Subparagraphs, want.CrossHeadings = nil, nil // the Word copy is a rendering of the text, not the PDF
	checkStructure(t, b.ctx, want)
}

func TestPastedTextOpens(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	text, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "S_2016_1061-EN.content.txt"))
	if err != nil {
		t.Fatal(err)
	}
	click(t, b.ctx, `button[title^="Open the text of a resolution copied"]`)
	poll(t, b.ctx, `document.activeElement && document.activeElement.id === 'cm-paste'`)
	// What a paste does: the text lands in the box.
	if _, err := chromedp.Call(b.ctx, input.InsertText, input.InsertTextParams{Text: string(text)}); err != nil {
		t.Fatal(err)
	}
	click(t, b.ctx, `#cm-paste-dialog .cm-primary`)
	want := readTruth(t, "S_2016_1061-EN")
	if !strings.Contains(string(text), want.Symbol) {
		want.Symbol = "" // the copied text begins after the symbol
	}
	checkStructure(t, b.ctx, want)
}

func TestFilesThatCannotBeOpenedSayWhyAndChangeNothing(t *testing.T) {
	srv := startServer(t)
	b := newBrowser(t)
	open(t, b.ctx, srv.Doc)
	notes := filepath.Join(t.TempDir(), "meeting-notes.txt")
	if err := os.WriteFile(notes, []byte("Notes of the informal consultations\n\nThe facilitator opened the meeting.\n\nDelegations asked for more time.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(t.TempDir(), "empty.docx")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join("..", "testdata", "pdf-bad")
	for _, tc := range []struct {
		path, says string
	}{
		{filepath.Join(bad, "scanned.pdf"), "no text layer"},
		{filepath.Join(bad, "encrypted.pdf"), "password"},
		{filepath.Join(bad, "truncated.pdf"), "damaged"},
		{filepath.Join(bad, "too-many-pages.pdf"), "61 pages"},
		{filepath.Join("..", "testdata", "docx", "zip-bomb.docx"), ""},
		{empty, "empty"},
		{notes, "does not look like a UN resolution"},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			chooseDocument(t, b.ctx, tc.path)
			poll(t, b.ctx, `document.querySelector('#cm-open-dialog .cm-open-error') !== null`)
			got := eval[string](t, b.ctx, `document.querySelector('#cm-open-dialog .cm-open-error').textContent`)
			if !strings.Contains(got, tc.says) || !strings.Contains(got, "Nothing was added") {
				t.Errorf("the message says %q, want it to say %q", got, tc.says)
			}
			if path := eval[string](t, b.ctx, `location.pathname`); path != "/d/A-HRC-RES-53-11" {
				t.Errorf("the page went to %s", path)
			}
			press(t, b.ctx, kb.Escape)
			poll(t, b.ctx, `document.querySelector('#cm-open-dialog') === null`)
		})
	}
	// A text that is not laid out as a resolution can still be opened, as
	// plain paragraphs.
	chooseDocument(t, b.ctx, notes)
	poll(t, b.ctx, `document.querySelector('#cm-open-dialog .cm-primary') !== null`)
	click(t, b.ctx, `#cm-open-dialog .cm-primary`)
	poll(t, b.ctx, `location.pathname.startsWith('/d/untitled-') && document.querySelectorAll('.cm-clause.cm-paragraph').length === 3`)
}
