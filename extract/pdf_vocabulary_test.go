package extract

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// vocabularySources are the clean texts the built-in vocabulary is made
// of: resolutions typed or read word by word from their official PDFs
// (not laid out from pdf.js items), with no torn words.
var vocabularySources = []string{
	"../resolution/seed/A-HRC-RES-53-11.txt",
	"../testdata/resolutions/A-RES-73-6.txt",
	"../testdata/resolutions/A-RES-73-7.txt",
	"../testdata/resolutions/A-RES-73-8.txt",
}

// vocabularyContents are the texts of Security Council drafts that the
// UNBench dataset extracted (MIT licence, see ../testdata/corpus/README.md):
// real text, with a few torn words and typos ("Speci al", "ivigorate"), so
// only the words that two of them print are taken.
const vocabularyContents = "../testdata/corpus/*.content.txt"

const vocabularyHeader = `# The built-in vocabulary of the PDF layout step (pdf_words.go): a word
# that pdf.js tore apart ("humanitari an") is mended when the joined form is
# a word the document prints elsewhere or a word of this list.
#
# Sources, all real UN text: every word of the clean resolution texts of this
# repository (resolution/seed/A-HRC-RES-53-11.txt and
# testdata/resolutions/A-RES-73-6.txt, A-RES-73-7.txt, A-RES-73-8.txt), and
# the words that at least two of the 20 Security Council drafts print in the
# text the UNBench dataset extracted from them
# (testdata/corpus/*.content.txt, MIT licence, Copyright (c) 2025 Yueqing
# Liang), which has a few torn words and typos of its own. A word is a token
# between spaces, without the markdown and punctuation around it, of two
# letters or more and no digit, lower-cased; a hyphenated word adds its
# parts. Sorted.
# Regenerate with: go test ./extract -run Vocabulary -update
`

// vocabularyOf returns the words of a text as the vocabulary lists them.
func vocabularyOf(text string) []string {
	set := map[string]bool{}
	for _, tok := range strings.Fields(strings.ReplaceAll(text, "*", " ")) {
		core := strings.TrimFunc(tok, func(r rune) bool { return !isWordRune(r) })
		for _, w := range vocabularyWords(core) {
			if len([]rune(w)) < 2 || strings.IndexFunc(w, unicode.IsDigit) >= 0 || strings.IndexFunc(w, unicode.IsLetter) < 0 {
				continue
			}
			set[strings.ToLower(w)] = true
		}
	}
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

// buildVocabulary returns the words of the built-in vocabulary, leaving
// out the UNBench text of the corpus document stem when it is not "" (to
// measure the layout of a document that the vocabulary never saw).
func buildVocabulary(t testing.TB, stem string) []string {
	t.Helper()
	set := map[string]bool{}
	for _, src := range vocabularySources {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range vocabularyOf(string(data)) {
			set[w] = true
		}
	}
	contents, err := filepath.Glob(vocabularyContents)
	if err != nil || len(contents) != 20 {
		t.Fatalf("found %d UNBench texts (%v), want 20", len(contents), err)
	}
	docs := map[string]int{}
	for _, src := range contents {
		if stem != "" && filepath.Base(src) == stem+".content.txt" {
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range vocabularyOf(string(data)) {
			docs[w]++
		}
	}
	for w, n := range docs {
		if n >= 2 {
			set[w] = true
		}
	}
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

func TestVocabularyIsTheWordsOfTheCleanTexts(t *testing.T) {
	want := vocabularyHeader + strings.Join(buildVocabulary(t, ""), "\n") + "\n"
	path := filepath.Join(".", "pdf_vocabulary.txt")
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if vocabularyFile != want {
		t.Errorf("pdf_vocabulary.txt is not the words of %v and %s: regenerate it with -update", vocabularySources, vocabularyContents)
	}
	words := builtinWords()
	if len(words) < 1000 {
		t.Errorf("the vocabulary has %d words, want the words of four resolutions", len(words))
	}
	for _, w := range []string{"of", "president", "cooperation", "united", "nations"} {
		if !words[w] {
			t.Errorf("%q is not in the vocabulary", w)
		}
	}
}
