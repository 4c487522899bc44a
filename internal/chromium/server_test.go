package chromium

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestServeServesOnTheLoopbackUntilStopped(t *testing.T) {
	s, err := Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello "+r.URL.Path)
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || strings.HasSuffix(s.URL, "/") {
		t.Errorf("URL %q", s.URL)
	}
	resp, err := http.Get(s.URL + "/x")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "hello /x" {
		t.Errorf("got %q", b)
	}
	s.Stop()
	s.Stop() // twice is fine
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if resp, err := c.Get(s.URL + "/x"); err == nil {
		resp.Body.Close()
		t.Error("the stopped server still answers")
	}
}
