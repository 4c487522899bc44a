//go:build !js

package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// report is a Lighthouse report cut down to what summarize reads, in
// Lighthouse's own shape: a category's score, its audits with weights,
// and the audits (items a list, or an object for some).
func report(t *testing.T, perf, a11y float64, tbt float64, imageAlt bool) *lhReport {
	t.Helper()
	altScore := 1.0
	if !imageAlt {
		altScore = 0
	}
	js := `{
	  "lighthouseVersion": "12.8.2",
	  "environment": {"hostUserAgent": "HeadlessChrome/156"},
	  "categories": {
	    "performance": {"score": ` + jsonNum(perf) + `, "auditRefs": [
	      {"id": "total-blocking-time", "weight": 30}, {"id": "first-contentful-paint", "weight": 10},
	      {"id": "speed-index", "weight": 10}, {"id": "uses-text-compression", "weight": 0}]},
	    "accessibility": {"score": ` + jsonNum(a11y) + `, "auditRefs": [{"id": "image-alt", "weight": 10}, {"id": "tabindex", "weight": 0}]},
	    "best-practices": {"score": 1, "auditRefs": [{"id": "errors-in-console", "weight": 1}]},
	    "seo": {"score": 0.91, "auditRefs": [{"id": "image-alt", "weight": 10}]}
	  },
	  "audits": {
	    "total-blocking-time": {"title": "Total Blocking Time", "score": 0.01, "displayValue": "1,480 ms", "numericValue": ` + jsonNum(tbt) + `},
	    "first-contentful-paint": {"title": "First Contentful Paint", "score": 0.95, "numericValue": 400, "displayValue": "0.4 s"},
	    "speed-index": {"title": "Speed Index", "score": 0.99, "numericValue": 900},
	    "uses-text-compression": {"title": "Enable text compression", "score": 0, "displayValue": "Est savings of 97 KiB", "details": {"items": [{"url": "/"}]}},
	    "image-alt": {"title": "Image elements do not have [alt] attributes", "score": ` + jsonNum(altScore) + `, "details": {"items": [
	      {"node": {"selector": "header > img.cm-logo", "snippet": "<img class=\"cm-logo\" src=\"/web/icon.svg\">"}}]}},
	    "tabindex": {"title": "No element has a [tabindex] value greater than 0", "score": 0},
	    "errors-in-console": {"title": "No browser errors", "score": 1, "details": {"items": {"type": "debugdata"}}}
	  }
	}`
	var r lhReport
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func jsonNum(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

func TestSummarizeTakesTheMedianAndListsWhatFails(t *testing.T) {
	runs := []*lhReport{
		report(t, 0.70, 0.95, 1480, false),
		report(t, 0.88, 0.95, 900, false),
		report(t, 0.66, 0.95, 2000, false),
	}
	p := summarize("desktop", runs)
	if p.Scores["performance"] != 70 || p.Scores["accessibility"] != 95 || p.Scores["best-practices"] != 100 || p.Scores["seo"] != 91 {
		t.Errorf("scores %v", p.Scores)
	}
	if len(p.RunScores) != 3 || p.RunScores[1]["performance"] != 88 {
		t.Errorf("run scores %v", p.RunScores)
	}
	if p.Metrics["total-blocking-time"] != 1480 || p.Metrics["first-contentful-paint"] != 400 {
		t.Errorf("metrics %v", p.Metrics)
	}
	var failing []string
	for _, a := range p.Failing {
		failing = append(failing, a.Category+"/"+a.ID)
		if a.ID == "image-alt" && (a.Failed != 3 || len(a.Items) != 1 || !strings.Contains(a.Items[0], "img.cm-logo")) {
			t.Errorf("image-alt: %+v", a)
		}
	}
	// A metric in the green (FCP 0.95), an audit of weight 0 (tabindex,
	// text compression) and a passing one are left out.
	want := "performance/total-blocking-time accessibility/image-alt seo/image-alt"
	if got := strings.Join(failing, " "); got != want {
		t.Errorf("failing: %s, want %s", got, want)
	}
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].ID != "uses-text-compression" || p.Diagnostics[0].Display != "Est savings of 97 KiB" {
		t.Errorf("diagnostics %+v", p.Diagnostics)
	}

	md := Report{Lighthouse: "12.8.2", Runs: 3, Presets: []Preset{p}}.Markdown()
	for _, s := range []string{"| desktop | 70 (70, 88, 66) | 95 (95, 95, 95) | 100 (100, 100, 100) | 91 (91, 91, 91) |",
		"**accessibility** `image-alt` (score 0.00, 3 of 3 runs)", "`header > img.cm-logo  <img class=\"cm-logo\" src=\"/web/icon.svg\">`",
		"TBT 1480 ms", "| desktop | `uses-text-compression` | 0.00 | Est savings of 97 KiB |"} {
		if !strings.Contains(md, s) {
			t.Errorf("LIGHTHOUSE.md lacks %q:\n%s", s, md)
		}
	}
}

func TestAnAuditThatPassesInEveryRunIsNotListed(t *testing.T) {
	p := summarize("mobile", []*lhReport{report(t, 0.9, 1, 100, true), report(t, 0.9, 1, 100, true)})
	for _, a := range p.Failing {
		if a.ID == "image-alt" {
			t.Errorf("image-alt passed but is listed: %+v", a)
		}
	}
	if p.Scores["accessibility"] != 100 {
		t.Errorf("accessibility %d", p.Scores["accessibility"])
	}
}

func TestChromeFlagsKeepChromiumOffTheNetwork(t *testing.T) {
	flags := strings.Join(ChromeFlags(), " ")
	for _, f := range []string{"--headless=new", "--disable-background-networking", "--disable-component-update", "--disable-quic"} {
		if !strings.Contains(flags, f) {
			t.Errorf("the flags lack %s: %s", f, flags)
		}
	}
}
