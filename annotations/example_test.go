package annotations_test

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/clausemark/clausemark/annotations"
)

func exampleDocument() *annotations.Document {
	doc, err := annotations.NewDocument(annotations.Document{
		Symbol: "A/HRC/RES/53/11",
		Title:  "Enhancement of international cooperation in the field of human rights",
		Clauses: []annotations.Clause{
			{ID: "op23", Label: "OP23", Text: "Urges States to continue to support the funds;", Part: annotations.OperativePart},
			{ID: "op24", Label: "OP24", Text: "Calls upon States, specialized agencies and intergovernmental organizations to continue to carry out a constructive and cooperative dialogue;", Part: annotations.OperativePart},
		},
	})
	if err != nil {
		panic(err)
	}
	return doc
}

func clock() time.Time { return time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC) }

// Export a set in the native format, then import the file into another set:
// plan, show, apply, save.
func Example() {
	doc := exampleDocument()
	mine := annotations.NewSet(doc, clock)
	mine.Create("op23", 13, 45, annotations.Request, "Which funds? 👍🏽", "France")
	mine.CreateWhole("op24", annotations.Commitment, "", "")

	data, _ := annotations.ExportJSON(mine, clock)

	theirs := annotations.NewSet(doc, clock)
	plan, err := theirs.Import(data, annotations.ImportOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plan.Summary())
	changed, _ := plan.Apply()
	store := annotations.NewMemoryStore()
	store.PutMany(changed)
	for _, a := range theirs.All() {
		fmt.Printf("%s %s %q\n", doc.Label(a.Clause), a.Tag, a.Exact)
	}
	// Output:
	// 2 added, 0 updated, 0 unchanged, 0 conflicts kept, 0 orphans
	// OP23 request "to continue to support the funds"
	// OP24 commitment "Calls upon States, specialized agencies and intergovernmental organizations to continue to carry out a constructive and cooperative dialogue;"
}

// An import validates the whole file first: one bad field and nothing
// changes.
func ExampleSet_Import_invalid() {
	doc := exampleDocument()
	s := annotations.NewSet(doc, clock)
	_, err := s.Import([]byte(`{"format":"clausemark.annotations","version":1,
		"document":{"symbol":"A/HRC/RES/53/11"},"exported":"2024-03-01T09:30:00Z",
		"annotations":[{"id":"urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d","clause":"op23",
		"start":0,"end":5,"exact":"Urges","tag":"urgent",
		"created":"2024-03-01T09:00:00Z","modified":"2024-03-01T09:00:00Z"}]}`), annotations.ImportOptions{})
	fmt.Println(err)
	fmt.Println(s.Len())
	// Output:
	// annotation 0 (urn:uuid:0b9c4c0e-5e9f-4a8e-9d3a-6f1f1c2b3a4d): tag: not "commitment", "request" or "concern": "urgent"
	// 0
}

// The drafting brief gives each annotated clause in full, the marked words
// in bold, under its tag and its part.
func ExampleExportMarkdown() {
	s := annotations.NewSet(exampleDocument(), clock)
	s.Create("op23", 13, 45, annotations.Request, "Which *funds*?", "France")
	md, _ := annotations.ExportMarkdown(s, clock)
	fmt.Print(string(md))
	// Output:
	// # A/HRC/RES/53/11 — Enhancement of international cooperation in the field of human rights
	//
	// - Delegation: France
	// - Exported: 1 March 2024
	// - Annotations: 1 request
	//
	// ## Requests (1)
	//
	// ### Operative paragraphs
	//
	// - **OP23** — Urges States **to continue to support the funds**;
	//   - Which \*funds\*?
}

// The exports of a cross-document view take the annotations chosen in
// several documents, and suggest a file name.
func ExampleWriteCSV() {
	doc := exampleDocument()
	s := annotations.NewSet(doc, clock)
	s.Create("op23", 13, 45, annotations.Request, "Which funds?", "France")
	s.CreateWhole("op24", annotations.Commitment, "", "France")
	requests := s.Selection(func(a annotations.Annotation) bool { return a.Tag == annotations.Request })
	sels := []annotations.Selection{requests}
	data, _ := annotations.WriteCSV(sels)
	fmt.Println(annotations.FileName(sels, "requests", clock(), ".csv"))
	fmt.Printf("%q\n", data[:3])
	ids := regexp.MustCompile(`urn:uuid:[0-9a-f-]+`)           // new every time
	rows := strings.ReplaceAll(string(data[3:]), "\r\n", "\n") // CRLF line ends
	fmt.Print(ids.ReplaceAllString(rows, "urn:uuid:…"))
	// Output:
	// A-HRC-RES-53-11-requests-2024-03-01.csv
	// "\ufeff"
	// document,label,tag,labels,quote,clause_text,note,author,created,modified,clause,start,end,id
	// A/HRC/RES/53/11,OP23,request,,to continue to support the funds,Urges States to continue to support the funds;,Which funds?,France,2024-03-01T09:30:00.000Z,2024-03-01T09:30:00.000Z,op23,13,45,urn:uuid:…
}

// Segments cut a clause for rendering; offsets from the DOM are UTF-16.
func ExampleSegments() {
	text := "Urges States 👍🏽 to support the funds;"
	start := annotations.UTF16ToCodePoints(text, 6) // "States"
	end := annotations.UTF16ToCodePoints(text, 17)  // after the emoji
	segs, _ := annotations.Segments(text, []annotations.Annotation{
		{ID: "a", Start: start, End: end, Tag: annotations.Request},
		{ID: "b", Start: 0, End: 12, Tag: annotations.Concern},
	})
	for _, s := range segs {
		fmt.Printf("%q %v [%s]\n", s.Text, s.Annotations, s.Tags)
	}
	// Output:
	// "Urges " [1] [concern]
	// "States" [0 1] [request concern]
	// " 👍🏽" [0] [request]
	// " to support the funds;" [] []
}
