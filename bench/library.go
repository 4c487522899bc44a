package bench

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/clausemark/clausemark/library"
	"github.com/clausemark/clausemark/resolution"
)

// A library for the benchmarks: many documents, each with its
// annotations, made from a few real texts repeated under other symbols.
// The same arguments give the same library, to the byte, on every machine.

// BaseText is a text the library generator repeats.
type BaseText struct {
	// Name says where it comes from (a file name, "seed").
	Name string
	// Text is what resolution.Parse reads.
	Text []byte
	// Source is its library.Version source format.
	Source string
}

// SeedText is the built-in resolution as a BaseText: the one text the
// generator has in the browser, which reads no files.
func SeedText() BaseText {
	return BaseText{Name: "seed", Text: resolution.Seed(), Source: library.SourceText}
}

// CorpusTexts returns the texts of the repository's corpus under root
// (the repository's top directory): the seed, then testdata/resolutions/
// *.txt, then the text the extractor makes of each PDF of testdata/corpus
// (*.extract.txt), each list in file name order. Texts that do not parse
// to a symbol are left out: the generator renames documents by symbol.
func CorpusTexts(root string) ([]BaseText, error) {
	out := []BaseText{SeedText()}
	for _, dir := range []struct{ glob, source string }{
		{filepath.Join(root, "testdata", "resolutions", "*.txt"), library.SourceText},
		{filepath.Join(root, "testdata", "corpus", "*.extract.txt"), library.SourcePDF},
	} {
		names, err := filepath.Glob(dir.glob)
		if err != nil {
			return nil, err
		}
		slices.Sort(names)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				return nil, err
			}
			doc, err := resolution.Parse(data)
			if err != nil || doc.Symbol == "" {
				continue
			}
			out = append(out, BaseText{Name: filepath.Base(name), Text: data, Source: dir.source})
		}
	}
	if len(out) < 2 {
		return nil, fmt.Errorf("bench: no corpus texts under %s", root)
	}
	return out, nil
}

// Library returns a library of n documents with perDoc annotations each:
// the texts in turn, the first time as they are, then again and again
// under new symbols (RenameSymbol, copy 1, 2, …), with perDoc
// pseudo-random annotations each (as Annotations places them, from seed
// and the document's number), added a minute apart from a fixed day,
// every third one opened, every fifth one named. The library of 300
// documents with 100 annotations each is the scale the library pages are
// measured at.
func Library(texts []BaseText, n, perDoc int, seed int64) ([]library.Addition, error) {
	if len(texts) == 0 {
		return nil, fmt.Errorf("bench: no texts to make a library of")
	}
	out := make([]library.Addition, 0, n)
	symbols := map[string]bool{}
	parsedBase := make([]*resolution.Document, len(texts))
	for i := 0; len(out) < n; i++ {
		if i > 100*n+len(texts) {
			return nil, fmt.Errorf("bench: cannot make %d documents of these texts", n)
		}
		base := texts[i%len(texts)]
		copyNo := i / len(texts)
		if parsedBase[i%len(texts)] == nil {
			p, err := resolution.Parse(base.Text)
			if err != nil {
				return nil, fmt.Errorf("bench: %s: %v", base.Name, err)
			}
			parsedBase[i%len(texts)] = p
		}
		text, parsed := base.Text, parsedBase[i%len(texts)]
		if copyNo > 0 {
			var ok bool
			if text, parsed, ok = renameSymbol(base.Text, parsed, copyNo); !ok {
				continue
			}
		}
		k := len(out)
		added := libraryDay.Add(time.Duration(k) * time.Minute)
		d, err := library.NewDocument(string(text), parsed, base.Source, base.Name, added)
		if err != nil {
			return nil, fmt.Errorf("bench: %s copy %d: %v", base.Name, copyNo, err)
		}
		if symbols[d.Symbol] {
			continue // the same document as an earlier text (a corpus text of the seed's symbol)
		}
		symbols[d.Symbol] = true
		if k%3 == 0 {
			d.Touch(added.Add(24*time.Hour), "")
		}
		if k%5 == 0 {
			_ = d.Rename(fmt.Sprintf("Our file %d", k))
		}
		adoc, err := library.AnnotationDocument(parsed, d.Symbol)
		if err != nil {
			return nil, err
		}
		set := annotationSet(adoc, perDoc, seed+int64(k))
		as := set.All()
		s, err := library.NewSummary(d, parsed, as)
		if err != nil {
			return nil, err
		}
		out = append(out, library.Addition{Document: d, Summary: s, Annotations: as})
	}
	return out, nil
}

// libraryDay is when the generated library's documents are added.
var libraryDay = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)

// RenameSymbol returns the text with its symbol changed for copy k (k ≥ 1)
// of it: the last number of the symbol (before a bracketed year) plus
// 10000·k ("S/2018/95" → "S/2018/10095"), written wherever the text writes
// the symbol, or, when the text gives only a resolution number ("53/11."),
// that number with its session plus k wherever the text writes it
// ("54/11", so "A/HRC/RES/54/11": resolution numbers have at most four
// digits a part). ok is false when the renamed text does not parse to the
// new symbol.
func RenameSymbol(text []byte, k int) ([]byte, bool) {
	doc, err := resolution.Parse(text)
	if err != nil {
		return nil, false
	}
	renamed, _, ok := renameSymbol(text, doc, k)
	return renamed, ok
}

// renameSymbol is RenameSymbol of a text parsed as doc; it returns the
// renamed text parsed too.
func renameSymbol(text []byte, doc *resolution.Document, k int) ([]byte, *resolution.Document, bool) {
	if doc.Symbol == "" || k < 1 {
		return nil, nil, false
	}
	to, ok := bumpLastNumber(doc.Symbol, 10000*k)
	if !ok {
		return nil, nil, false
	}
	renamed := bytes.ReplaceAll(text, []byte(doc.Symbol), []byte(to))
	if bytes.Equal(renamed, text) && doc.Number != "" {
		session, rest, ok := strings.Cut(doc.Number, "/")
		n, err := strconv.Atoi(session)
		if !ok || err != nil || !strings.HasSuffix(doc.Symbol, "/"+doc.Number) {
			return nil, nil, false
		}
		number := strconv.Itoa(n+k) + "/" + rest
		to = strings.TrimSuffix(doc.Symbol, doc.Number) + number
		renamed = bytes.ReplaceAll(text, []byte(doc.Number), []byte(number))
	}
	got, err := resolution.Parse(renamed)
	if err != nil || got.Symbol != to {
		return nil, nil, false
	}
	return renamed, got, true
}

var lastNumber = regexp.MustCompile(`\d+`)

// bumpLastNumber adds delta to the last run of digits of s before any
// " (" (the year of "S/RES/2719 (2023)" stays).
func bumpLastNumber(s string, delta int) (string, bool) {
	core, rest := s, ""
	if i := strings.Index(s, " ("); i >= 0 {
		core, rest = s[:i], s[i:]
	}
	locs := lastNumber.FindAllStringIndex(core, -1)
	if len(locs) == 0 {
		return "", false
	}
	l := locs[len(locs)-1]
	n, err := strconv.Atoi(core[l[0]:l[1]])
	if err != nil {
		return "", false
	}
	return core[:l[0]] + strconv.Itoa(n+delta) + core[l[1]:] + rest, true
}
