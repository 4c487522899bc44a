package resolution

import (
	"bytes"
	"testing"
)

func BenchmarkParseSeed(b *testing.B) {
	data := Seed()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// longDocument is the seed with its preamble and operative part repeated n
// times (operative numbers continue), a resolution n times as long.
func longDocument(n int) []byte {
	seed := Seed()
	start := bytes.Index(seed, []byte("Reaffirming its commitment"))
	ops := bytes.Index(seed, []byte("\n1. *Reaffirms*"))
	end := bytes.Index(seed, []byte("*34th meeting"))
	var b bytes.Buffer
	b.Write(seed[:start])
	for range n {
		b.Write(seed[start:ops])
	}
	opText := seed[ops:end]
	for i := range n {
		if i == 0 {
			b.Write(opText)
			continue
		}
		// Renumber: 1. → 1+37i.
		for _, line := range bytes.SplitAfter(opText, []byte("\n")) {
			if m := numberedRe.FindSubmatchIndex(line); m != nil {
				num := 0
				for _, c := range line[m[2]:m[3]] {
					num = num*10 + int(c-'0')
				}
				b.WriteString(itoa(num + 37*i))
				b.Write(line[m[3]:])
				continue
			}
			b.Write(line)
		}
	}
	b.Write(seed[end:])
	return b.Bytes()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

func BenchmarkParseLong(b *testing.B) {
	data := longDocument(10)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
