package app

// Small words of the interface: plurals, sizes, times, lists.

import (
	"time"
)

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// byteSize writes a number of bytes for people: "12.3 MB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return trimZero(float64(n)/(1<<30)) + " GB"
	case n >= 1<<20:
		return trimZero(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return trimZero(float64(n)/(1<<10)) + " kB"
	}
	return itoa(int(n)) + " bytes"
}

func trimZero(f float64) string {
	s := itoa(int(f*10+0.5) / 10)
	if d := int(f*10+0.5) % 10; d != 0 {
		s += "." + itoa(d)
	}
	return s
}

// when says when something happened, for people: "today at 14:05",
// "3 March 2026".
func when(t time.Time) string {
	t = t.Local()
	now := time.Now()
	if y, m, d := t.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return "today at " + t.Format("15:04")
	}
	return t.Format("2 January 2006")
}

// libraryImportID is the id of the file input of Import a shared file.
const libraryImportID = "cm-library-import-file"

// planImport reads a shared file and shows what importing it would do.
