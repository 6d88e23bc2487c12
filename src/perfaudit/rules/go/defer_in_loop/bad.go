package ingest

import (
	"bufio"
	"net/http"
	"os"
	"sync"
)

// CountLines keeps every file open until all of them have been read.
func CountLines(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return 0, err
		}
		defer f.Close() // expect: defer-in-loop
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			total++
		}
	}
	return total, nil
}

// Probe holds every response body (and its connection) until the end.
func Probe(client *http.Client, urls []string) map[string]int {
	codes := make(map[string]int, len(urls))
	for _, u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // expect: defer-in-loop
		codes[u] = resp.StatusCode
	}
	return codes
}

// Drain deadlocks on the second item: the unlock only runs at return.
func Drain(mu *sync.Mutex, queue []string, handle func(string)) {
	for i := 0; i < len(queue); i++ {
		mu.Lock()
		defer mu.Unlock() // expect: defer-in-loop
		handle(queue[i])
	}
}

// Follow reads rotated files forever; the deferred closes never run.
func Follow(next func() string, lines chan<- string) {
	for {
		f, err := os.Open(next())
		if err != nil {
			continue
		}
		defer func() { _ = f.Close() }() // expect: defer-in-loop
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}
}
