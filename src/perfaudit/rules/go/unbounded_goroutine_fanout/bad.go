package sync2

import (
	"net/http"
	"sync"
)

// FetchAll starts one request per URL, all at once.
func FetchAll(client *http.Client, urls []string) []int {
	codes := make([]int, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func(i int, u string) { // expect: unbounded-goroutine-fanout
			defer wg.Done()
			resp, err := client.Get(u)
			if err != nil {
				return
			}
			resp.Body.Close()
			codes[i] = resp.StatusCode
		}(i, u)
	}
	wg.Wait()
	return codes
}

type Store interface{ Delete(key string) error }

// Purge deletes every key concurrently with no bound.
func Purge(s Store, keys map[string]bool) {
	var wg sync.WaitGroup
	for k := range keys {
		wg.Add(1)
		go func() { // expect: unbounded-goroutine-fanout
			defer wg.Done()
			_ = s.Delete(k)
		}()
	}
	wg.Wait()
}
