package app

import (
	"strings"
	"testing"

	"github.com/clausemark/clausemark/browser"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestAMissingDocumentSaysSo(t *testing.T) {
	ws := newWorkspace(browser.NewFake(), seedDoc(t))
	_, err := ws.open("S-2024-400")
	if _, missing := err.(errNoDocument); !missing {
		t.Fatalf("opening an unknown document: %v", err)
	}
	h := app.HTMLString(newMissingDocument().Problem(err).Render())
	if !strings.Contains(h, "This document is not here") || !strings.Contains(h, "S-2024-400") {
		t.Errorf("the page does not say so:\n%s", h)
	}
	h = app.HTMLString(newMissingDocument().Loading("S-2024-400").Render())
	if !strings.Contains(h, "Opening S-2024-400") || strings.Contains(h, "not here") {
		t.Errorf("a document being read from the library: %s", h)
	}
	d, err := ws.open("A-HRC-RES-53-11")
	if err != nil || d.doc.Symbol != "A/HRC/RES/53/11" {
		t.Fatal("the seed does not open at its own URL")
	}
	if home, _ := ws.open(""); home != d {
		t.Error("/ and /d/A-HRC-RES-53-11 are not the same open document")
	}
}

func TestDocumentIDs(t *testing.T) {
	for symbol, want := range map[string]string{
		"A/HRC/RES/53/11":        "A-HRC-RES-53-11",
		"S/RES/2719 (2023)":      "S-RES-2719-2023",
		"A/C.3/78/L.41/Rev.1":    "A-C.3-78-L.41-Rev.1",
		"untitled-0123456789ab":  "untitled-0123456789ab",
		"S/2024/400":             "S-2024-400",
		"A/RES/\"><meta>":        "A-RES-meta",
		"//weird//":              "weird",
		"E/CN.6/2024/L.3/Add.1 ": "E-CN.6-2024-L.3-Add.1",
	} {
		if got := DocumentID(symbol); got != want {
			t.Errorf("DocumentID(%q) = %q, want %q", symbol, got, want)
		}
	}
	for path, want := range map[string]string{"/": "", "/d/S-2024-400": "S-2024-400"} {
		if got, ok := docIDOf(path); !ok || got != want {
			t.Errorf("docIDOf(%q) = %q, %v", path, got, ok)
		}
	}
	for _, path := range []string{"/d/", "/d/a/b", "/library"} {
		if _, ok := docIDOf(path); ok {
			t.Errorf("docIDOf(%q) took it", path)
		}
	}
}
