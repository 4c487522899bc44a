//go:build !js

package bench

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// num formats a number for the tables: thousands separated, ms with no
// decimals from 100 on.
func num(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	switch {
	case math.Abs(x) >= 100 || x == math.Trunc(x):
		return thousands(int64(math.Round(x)))
	case math.Abs(x) >= 10:
		return strconv.FormatFloat(x, 'f', 1, 64)
	default:
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// cellStat shows "median (min–max)" of a metric, "–" when not measured.
func cellStat(c Cell, name string) string {
	s, ok := c.Metrics[name]
	if !ok || s.N == 0 {
		if c.Status == "failed" {
			return "failed"
		}
		return "–"
	}
	if s.N == 1 || s.Min == s.Max {
		return num(s.Median)
	}
	return fmt.Sprintf("%s (%s–%s)", num(s.Median), num(s.Min), num(s.Max))
}

func mb(b int64) string {
	if b < 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f MB", float64(b)/(1<<20))
}

func kb(b int64) string {
	if b < 0 {
		return "–"
	}
	if b < 1<<10 {
		return fmt.Sprintf("%d B", b)
	}
	return fmt.Sprintf("%.1f KB", float64(b)/(1<<10))
}
