package fetch

import (
	"io"
	"net/http"
	"sync"
)

var client = &http.Client{ // expect: http-client-without-timeout
	Transport: &http.Transport{MaxIdleConnsPerHost: 16},
}

// Sizes fetches each URL with the timeout-less default client.
func Sizes(urls []string) map[string]int64 {
	out := make(map[string]int64, len(urls))
	for _, u := range urls {
		resp, err := http.Get(u) // expect: http-client-without-timeout
		if err != nil {
			continue
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		out[u] = n
	}
	return out
}

// Ping checks every host concurrently; one hung host blocks Wait forever.
func Ping(hosts []string) {
	var wg sync.WaitGroup
	for _, h := range hosts {
		wg.Add(1)
		go func(h string) {
			defer wg.Done()
			resp, err := http.Head("https://" + h) // expect: http-client-without-timeout
			if err == nil {
				resp.Body.Close()
			}
		}(h)
	}
	wg.Wait()
}

// Download sends each request through a client built without a timeout.
func Download(reqs []*http.Request) error {
	c := http.Client{} // expect: http-client-without-timeout
	for _, r := range reqs {
		resp, err := c.Do(r)
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return nil
}
