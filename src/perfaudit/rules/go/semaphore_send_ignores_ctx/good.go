package fetch

import (
	"context"
	"net/http"
)

type Fetcher struct {
	sem    chan struct{}
	client *http.Client
}

// Get gives up waiting for a slot when the context ends.
func (f *Fetcher) Get(ctx context.Context, url string) (*http.Response, error) {
	select {
	case f.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-f.sem }()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return f.client.Do(req)
}

// Work signals completion on a buffered done channel: not a semaphore.
func Work(ctx context.Context, done chan<- struct{}, run func(context.Context)) {
	run(ctx)
	done <- struct{}{}
}

// Warm has no context to honour.
func (f *Fetcher) Warm(urls []string) {
	for range urls {
		f.sem <- struct{}{}
		<-f.sem
	}
}
