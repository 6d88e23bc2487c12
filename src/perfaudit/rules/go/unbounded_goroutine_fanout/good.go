package sync2

import (
	"context"
	"net/http"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"
)

// FetchAll bounds concurrency with errgroup.SetLimit.
func FetchAll(ctx context.Context, client *http.Client, urls []string) ([]int, error) {
	codes := make([]int, len(urls))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for i, u := range urls {
		g.Go(func() error {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err != nil {
				return err
			}
			resp, err := client.Do(req)
			if err != nil {
				return err
			}
			resp.Body.Close()
			codes[i] = resp.StatusCode
			return nil
		})
	}
	return codes, g.Wait()
}

type Store interface{ Delete(key string) error }

// Purge uses a buffered channel as a semaphore.
func Purge(s Store, keys []string) {
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		sem <- struct{}{}
		go func(k string) {
			defer func() { <-sem; wg.Done() }()
			_ = s.Delete(k)
		}(k)
	}
	wg.Wait()
}

// Pool starts a fixed number of workers that drain a channel.
func Pool(s Store, keys <-chan string, workers int) {
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range keys {
				_ = s.Delete(k)
			}
		}()
	}
	wg.Wait()
}

type component interface{ Run(context.Context) }

// Start runs one long-lived loop per configured component.
func Start(ctx context.Context, parts []component) {
	for _, p := range parts {
		go p.Run(ctx)
	}
}

// Serve handles each message from the channel as it arrives.
func Serve(msgs <-chan string, handle func(string)) {
	for m := range msgs {
		go handle(m)
	}
}

type loop interface{ stop() }

// StopAll stops every scrape loop in parallel: lifecycle management, not per-item work.
func StopAll(loops map[string]loop) {
	var wg sync.WaitGroup
	for _, l := range loops {
		wg.Add(1)
		go func(l loop) {
			defer wg.Done()
			l.stop()
		}(l)
	}
	wg.Wait()
}

// Refresh queries each configured endpoint: the set comes from configuration.
func Refresh(ctx context.Context, configs []string, refresh func(context.Context, string)) {
	var wg sync.WaitGroup
	for _, c := range configs {
		wg.Add(1)
		go func(c string) {
			defer wg.Done()
			refresh(ctx, c)
		}(c)
	}
	wg.Wait()
}

const fetchers = 4

func drain(ctx context.Context, s Store, keys <-chan string) {
	for k := range keys {
		_ = s.Delete(k)
	}
}

// Pools of fixed size ranging over an int: a constant, the CPU count, a configured width.
func ConstPool(ctx context.Context, s Store, keys <-chan string) {
	for range fetchers {
		go func() { drain(ctx, s, keys) }()
	}
}

func CPUPool(ctx context.Context, s Store, keys <-chan string) {
	for range runtime.NumCPU() {
		go func() { drain(ctx, s, keys) }()
	}
}

func ProcsPool(ctx context.Context, s Store, keys <-chan string) {
	for i := range runtime.GOMAXPROCS(0) {
		go func() { _ = i; drain(ctx, s, keys) }()
	}
}

func WidthPool(ctx context.Context, s Store, keys <-chan string, concurrency, n int) {
	for range concurrency {
		go func() { drain(ctx, s, keys) }()
	}
	for range n {
		go func() { drain(ctx, s, keys) }()
	}
}

// LoopPool is the three-clause form with a constant bound.
func LoopPool(ctx context.Context, s Store, keys <-chan string) {
	var wg sync.WaitGroup
	for i := 0; i < fetchers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			drain(ctx, s, keys)
		}()
	}
	wg.Wait()
}
