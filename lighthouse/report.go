//go:build !js

package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// categories are the Lighthouse categories reported, in order.
var categories = []string{"performance", "accessibility", "best-practices", "seo"}

// metrics are the performance metrics reported, in order.
var metrics = []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"}

// lhReport is what is read of a Lighthouse JSON report.
type lhReport struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	Environment       struct {
		HostUserAgent string `json:"hostUserAgent"`
	} `json:"environment"`
	RuntimeError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]lhAudit `json:"audits"`
}

type lhAudit struct {
	Title            string   `json:"title"`
	Score            *float64 `json:"score"`
	ScoreDisplayMode string   `json:"scoreDisplayMode"`
	DisplayValue     string   `json:"displayValue"`
	NumericValue     *float64 `json:"numericValue"`
	Details          struct {
		// Items is a list for most audits, an object for some.
		Items json.RawMessage `json:"items"`
	} `json:"details"`
}

// nodes returns the elements an audit names, as "selector  <snippet>".
func (a lhAudit) nodes() []string {
	var items []struct {
		Node *struct {
			Selector string `json:"selector"`
			Snippet  string `json:"snippet"`
		} `json:"node"`
	}
	if json.Unmarshal(a.Details.Items, &items) != nil {
		return nil
	}
	var out []string
	for _, it := range items {
		if it.Node != nil {
			out = append(out, strings.TrimSpace(it.Node.Selector+"  "+it.Node.Snippet))
		}
	}
	return out
}

// Report is what lighthouse.json holds.
type Report struct {
	Date       string   `json:"date"`
	Lighthouse string   `json:"lighthouse"`
	Browser    string   `json:"browser"`
	App        string   `json:"app"`
	URL        string   `json:"url"`
	Runs       int      `json:"runs"`
	Presets    []Preset `json:"presets"`
}

// Preset is the result of the runs of one preset: the median score of
// each category (0–100), each run's scores, the median metrics, the
// audits that failed in any run, and diagnostics that do not count in the
// score (from the last run).
type Preset struct {
	Name        string             `json:"name"`
	Scores      map[string]int     `json:"scores"`
	RunScores   []map[string]int   `json:"run_scores"`
	Metrics     map[string]float64 `json:"metrics"`
	Failing     []Audit            `json:"failing"`
	Diagnostics []Audit            `json:"diagnostics"`
}

// diagnostics are performance audits that do not count in the score but
// say where the load spends its time and bytes.
var diagnostics = []string{"uses-text-compression", "render-blocking-insight", "document-latency-insight",
	"bootup-time", "mainthread-work-breakdown", "long-tasks", "total-byte-weight", "uses-long-cache-ttl"}

// Audit is an audit that counts in a category's score and did not pass:
// its score (0–1), the runs it failed in, what it says, and the elements
// it names (selector and HTML), at most maxItems.
type Audit struct {
	Category string   `json:"category"`
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Score    float64  `json:"score"`
	Failed   int      `json:"failed_runs"`
	Display  string   `json:"display,omitempty"`
	Items    []string `json:"items,omitempty"`
}

const maxItems = 8

// summarize makes the Preset of a preset's runs.
func summarize(name string, runs []*lhReport) Preset {
	p := Preset{Name: name, Scores: map[string]int{}, Metrics: map[string]float64{}}
	for _, r := range runs {
		s := map[string]int{}
		for _, c := range categories {
			if cat, ok := r.Categories[c]; ok && cat.Score != nil {
				s[c] = int(math.Round(*cat.Score * 100))
			}
		}
		p.RunScores = append(p.RunScores, s)
	}
	for _, c := range categories {
		var v []float64
		for _, s := range p.RunScores {
			if n, ok := s[c]; ok {
				v = append(v, float64(n))
			}
		}
		if len(v) > 0 {
			p.Scores[c] = int(math.Round(median(v)))
		}
	}
	for _, m := range metrics {
		var v []float64
		for _, r := range runs {
			if a, ok := r.Audits[m]; ok && a.NumericValue != nil {
				v = append(v, *a.NumericValue)
			}
		}
		if len(v) > 0 {
			p.Metrics[m] = math.Round(median(v)*1000) / 1000
		}
	}

	// The audits that count and fail, in any run; the last run that
	// failed describes them.
	byID := map[string]*Audit{}
	for _, r := range runs {
		for _, c := range categories {
			for _, ref := range r.Categories[c].AuditRefs {
				a, ok := r.Audits[ref.ID]
				if ref.Weight == 0 || !ok || a.Score == nil || *a.Score >= 1 {
					continue
				}
				if c == "performance" && slices.Contains(metrics, ref.ID) && *a.Score >= 0.9 {
					continue // a metric in the green
				}
				key := c + "/" + ref.ID
				f := byID[key]
				if f == nil {
					f = &Audit{Category: c, ID: ref.ID}
					byID[key] = f
				}
				f.Failed++
				f.Title, f.Score, f.Display = a.Title, *a.Score, a.DisplayValue
				f.Items = a.nodes()
				if len(f.Items) > maxItems {
					f.Items = f.Items[:maxItems]
				}
			}
		}
	}
	for _, f := range byID {
		p.Failing = append(p.Failing, *f)
	}
	if len(runs) > 0 {
		last := runs[len(runs)-1]
		for _, id := range diagnostics {
			if a, ok := last.Audits[id]; ok && a.Score != nil {
				p.Diagnostics = append(p.Diagnostics, Audit{Category: "performance", ID: id, Title: a.Title, Score: *a.Score, Display: a.DisplayValue})
			}
		}
	}
	slices.SortFunc(p.Failing, func(a, b Audit) int {
		return cmp.Or(cmp.Compare(slices.Index(categories, a.Category), slices.Index(categories, b.Category)),
			cmp.Compare(a.Score, b.Score), cmp.Compare(a.ID, b.ID))
	})
	return p
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Markdown is LIGHTHOUSE.md.
func (r Report) Markdown() string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# Lighthouse scores\n\n")
	w("Written by `make lighthouse` (`go run ./lighthouse`; machine-readable copy: `lighthouse.json`). ")
	w("Lighthouse %s in %s, against the built app served by the real server on the loopback, ", r.Lighthouse, r.Browser)
	w("a fresh profile for each run (a cold load). Median of %d run(s) per preset; each run's scores in brackets. ", r.Runs)
	w("The machine is shared: performance varies from run to run, the other categories do not.\n\n")
	w("- **Date:** %s\n- **App:** %s\n\n", r.Date, r.App)
	w("| preset | performance | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|\n")
	for _, p := range r.Presets {
		w("| %s |", p.Name)
		for _, c := range categories {
			var runs []string
			for _, s := range p.RunScores {
				runs = append(runs, fmt.Sprint(s[c]))
			}
			w(" %d (%s) |", p.Scores[c], strings.Join(runs, ", "))
		}
		w("\n")
	}
	w("\nMetrics (median): ")
	var parts []string
	for _, p := range r.Presets {
		parts = append(parts, fmt.Sprintf("**%s** FCP %.0f ms, LCP %.0f ms, TBT %.0f ms, CLS %.3f, Speed Index %.0f ms", p.Name,
			p.Metrics["first-contentful-paint"], p.Metrics["largest-contentful-paint"], p.Metrics["total-blocking-time"],
			p.Metrics["cumulative-layout-shift"], p.Metrics["speed-index"]))
	}
	w("%s.\n", strings.Join(parts, "; "))
	w("\n## Audits that fail\n\nThose that count in a category's score (a performance metric in the green, ≥ 0.9, is left out); score 0–1, in how many runs it failed, and what the last of them said.\n")
	for _, p := range r.Presets {
		w("\n### %s\n\n", p.Name)
		if len(p.Failing) == 0 {
			w("None.\n")
			continue
		}
		for _, a := range p.Failing {
			w("- **%s** `%s` (score %.2f, %d of %d runs): %s", a.Category, a.ID, a.Score, a.Failed, len(p.RunScores), a.Title)
			if a.Display != "" {
				w(" — %s", a.Display)
			}
			w("\n")
			for _, it := range a.Items {
				w("  - `%s`\n", strings.ReplaceAll(it, "`", "'"))
			}
		}
	}
	w("\n## Diagnostics\n\nPerformance audits that do not count in the score (the last run of each preset).\n\n")
	w("| preset | audit | score | |\n|---|---|---:|---|\n")
	for _, p := range r.Presets {
		for _, a := range p.Diagnostics {
			w("| %s | `%s` | %.2f | %s |\n", p.Name, a.ID, a.Score, a.Display)
		}
	}
	return b.String()
}
