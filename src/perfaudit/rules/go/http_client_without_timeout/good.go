package fetch

import (
	"io"
	"net/http"
	"time"
)

var client = &http.Client{
	Timeout:   30 * time.Second,
	Transport: &http.Transport{MaxIdleConnsPerHost: 16},
}

// Sizes uses the shared client that has a timeout.
func Sizes(urls []string) map[string]int64 {
	out := make(map[string]int64, len(urls))
	for _, u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		out[u] = n
	}
	return out
}

// Version makes a single call at start-up; not part of a batch.
func Version(base string) (string, error) {
	resp, err := http.Get(base + "/version")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// NewClient sets the timeout after construction.
func NewClient(timeout time.Duration) *http.Client {
	c := &http.Client{Transport: http.DefaultTransport}
	c.Timeout = timeout
	return c
}

// NewDocker bounds every call through a client option applied after the literal.
func NewDocker(rt http.RoundTripper, refresh time.Duration) []func(*http.Client) {
	c := &http.Client{Transport: rt}
	return []func(*http.Client){
		func(*http.Client) { _ = c },
		withTimeout(refresh),
	}
}

func withTimeout(d time.Duration) func(*http.Client) {
	return func(c *http.Client) { c.Timeout = d }
}
