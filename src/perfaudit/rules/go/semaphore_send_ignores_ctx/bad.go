package fetch

import (
	"context"
	"net/http"
)

type Fetcher struct {
	sem    chan struct{}
	client *http.Client
}

// Get waits for a slot even after the request was cancelled.
func (f *Fetcher) Get(ctx context.Context, url string) (*http.Response, error) {
	f.sem <- struct{}{} // expect: semaphore-send-ignores-ctx
	defer func() { <-f.sem }()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return f.client.Do(req)
}

// All bounds concurrency with a local token channel, ignoring ctx while queued.
func All(ctx context.Context, urls []string, get func(context.Context, string) error) {
	slots := make(chan struct{}, 8)
	for _, u := range urls {
		slots <- struct{}{} // expect: semaphore-send-ignores-ctx
		go func(u string) {
			defer func() { <-slots }()
			_ = get(ctx, u)
		}(u)
	}
}
