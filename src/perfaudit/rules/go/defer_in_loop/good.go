package ingest

import (
	"bufio"
	"net/http"
	"os"
	"time"
)

// CountLines closes each file when its helper returns.
func CountLines(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		n, err := countFile(p)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func countFile(p string) (int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

// Probe wraps each iteration in a closure so the body closes per request.
func Probe(client *http.Client, urls []string) map[string]int {
	codes := make(map[string]int, len(urls))
	for _, u := range urls {
		func() {
			resp, err := client.Get(u)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			codes[u] = resp.StatusCode
		}()
	}
	return codes
}

// Dial retries until it connects; the loop exits right after the defer, so it runs once.
func OpenWithRetry(path string, attempts int) (int, error) {
	var err error
	for i := 0; i < attempts; i++ {
		var f *os.File
		f, err = os.Open(path)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		return int(st.Size()), nil
	}
	return 0, err
}

// Workers start one goroutine per item; each goroutine's defer runs when it finishes.
func Workers(items []string, work func(string)) {
	done := make(chan struct{}, len(items))
	for _, it := range items {
		go func(it string) {
			defer func() { done <- struct{}{} }()
			work(it)
		}(it)
	}
	for range items {
		<-done
	}
}

type closer interface{ Close() error }

// Swap closes the previous generation when the function returns, after the new one is live.
func Swap(old []closer, install func()) {
	for _, c := range old {
		if c != nil {
			defer c.Close()
		}
	}
	install()
}

// OpenAll keeps every file open on purpose until the merge below has finished.
func OpenAll(paths []string, merge func([]*os.File) error) error {
	files := make([]*os.File, 0, len(paths))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		files = append(files, f)
	}
	return merge(files)
}

// Import closes each writer explicitly; the defer only covers early error returns.
func Import(blocks []string, write func(*os.File, string) error) (err error) {
	for _, b := range blocks {
		w, err := os.Create(b)
		if err != nil {
			return err
		}
		closed := false
		defer func() {
			if !closed {
				_ = w.Close()
			}
		}()
		if err := write(w, b); err != nil {
			return err
		}
		closed = true
		if err := w.Close(); err != nil {
			return err
		}
	}
	return nil
}

type locker interface{ Lock(); Unlock() }

// Apply takes the lock at most once, the first time an item needs it.
func Apply(mu locker, items []int, needsLock func(int) bool) {
	locked := false
	for _, it := range items {
		if needsLock(it) && !locked {
			mu.Lock()
			defer mu.Unlock()
			locked = true
		}
	}
}
