//go:build !js

package bench

import (
	"fmt"
	"math"
	"strings"
)

// ratioKinds are the figures of ours set against each peer's: our metric,
// the peer's metric it is divided by, and the column's name.
var ratioKinds = []struct{ kind, ours, peer string }{
	{"cold", "cold.all_painted_ms", "cold.all_painted_ms"},
	{"warm", "warm.all_painted_ms", "warm.all_painted_ms"},
	// A peer has no offline mode: its warm load is the nearest thing.
	{"offline", "offline.all_painted_ms", "warm.all_painted_ms"},
	{"add one", "keypress.median_ms", "keypress.median_ms"},
}

// ourRatio is ours ÷ the peer's median for a kind of ratioKinds ("cold",
// "warm", "offline", "add one"), and whether both were measured.
func ourRatio(c Cell, peer, kind string) (float64, bool) {
	p := c.Peer(peer)
	if p == nil {
		return math.NaN(), false
	}
	for _, k := range ratioKinds {
		if k.kind != kind {
			continue
		}
		o, okO := c.Metrics.Median(k.ours)
		v, okP := p.Metrics.Median(k.peer)
		q := ratio(o, v, okO, okP)
		return q, !math.IsNaN(q)
	}
	return math.NaN(), false
}

// ratioText shows a ratio with two decimals ("0.85"), "–" when unknown.
func ratioText(q float64) string {
	if math.IsNaN(q) || math.IsInf(q, 0) {
		return "–"
	}
	return fmt.Sprintf("%.2f", q)
}

// peerStat shows a peer's metric like cellStat does ours.
func peerStat(p *PeerCell, name string) string {
	return cellStat(Cell{Status: p.Status, Metrics: p.Metrics}, name)
}

// writePeers writes the table of ours against each peer, cell by cell.
func (r *Results) writePeers(w func(string, ...any)) {
	w("\n## Against the peers\n\n")
	measured := false
	for _, c := range r.Cells {
		measured = measured || len(c.Peers) > 0
	}
	if !measured {
		w("No peer was measured in this run (results of an older layout, or BENCH_PEERS=none).\n")
		return
	}
	w("The peers run in the same run, on the same document and the same annotations, each run interleaved with ours (ours, then each peer, run after run), each in a fresh Chromium profile, their pages served by the benchmark's own server: ")
	w("**bare DOM** — plain JavaScript, one `<p>` per clause, `<mark>` segments per annotated paragraph, no framework; ")
	w("**@recogito/text-annotator** (npm, pinned in bench/package.json) with its SPANS renderer, loaded with `setAnnotations(list, false)`. ")
	w("A peer's page fetches the document and annotations (data.json), renders them and sets the mark `peer-annotations-painted` once they are painted (the next animation frame, then a task: the app's technique; text-annotator's own redraw event, which comes the same way); ")
	w("a key `2` on a focused paragraph adds an annotation over the whole clause and sets `peer-tag-painted` once it is painted, as the app's `2` on a clause label. ")
	w("**Cold**: the first load in a fresh profile; **warm**: a reload with its HTTP cache. A peer has no offline mode. ")
	w("**ours ÷ peer**: our median divided by the peer's, cold by cold, warm by warm, offline by its warm load, add one by add one; below 1 ours is faster.\n\n")
	w("| K | N | page | cold | warm | offline | add one | ours ÷ peer: cold | warm | offline | add one |\n")
	w("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Cells {
		w("| %d | %s | Clausemark | %s | %s | %s | %s | | | | |\n", c.K, thousands(int64(c.N)),
			cellStat(c, "cold.all_painted_ms"), cellStat(c, "warm.all_painted_ms"),
			cellStat(c, "offline.all_painted_ms"), cellStat(c, "keypress.median_ms"))
		for i := range c.Peers {
			p := &c.Peers[i]
			label := p.Label
			if p.Version != "" {
				label += " " + p.Version
			}
			if p.Status == "missing" {
				w("| | | %s | missing | missing | | missing | | | | |\n", label)
				continue
			}
			var q []string
			for _, k := range ratioKinds {
				v, _ := ourRatio(c, p.Name, k.kind)
				q = append(q, ratioText(v))
			}
			w("| | | %s | %s | %s | – | %s | %s |\n", label,
				peerStat(p, "cold.all_painted_ms"), peerStat(p, "warm.all_painted_ms"),
				peerStat(p, "keypress.median_ms"), strings.Join(q, " | "))
		}
	}
	var missing []string
	seen := map[string]bool{}
	for _, c := range r.Cells {
		for _, p := range c.Peers {
			if p.Status == "missing" && !seen[p.Name+p.Missing] {
				seen[p.Name+p.Missing] = true
				missing = append(missing, fmt.Sprintf("%s: %s", p.Label, p.Missing))
			}
		}
	}
	for _, m := range missing {
		w("\nMissing — %s\n", m)
	}
}
