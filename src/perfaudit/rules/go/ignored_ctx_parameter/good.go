package jobs

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type Store struct{ db *sql.DB }

// Count passes the context to the driver.
func (s *Store) Count(ctx context.Context, table string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n)
	return n, err
}

// WaitReady stops polling when the context ends.
func WaitReady(ctx context.Context, ready func() bool) error {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for !ready() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// Fetch attaches the context to the request.
func Fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

type memCache struct{ m map[string]string }

// Get satisfies a context-taking interface with a quick in-memory lookup.
func (c *memCache) Get(ctx context.Context, key string) (string, bool) {
	v, ok := c.m[key]
	return v, ok
}

// Close is a no-op stub.
func (c *memCache) Close(ctx context.Context) error { return nil }

// Flush names the unused parameter `_` to say it is ignored on purpose.
func (c *memCache) Flush(_ context.Context, out chan<- string) {
	for k := range c.m {
		out <- k
	}
}

// Unsupported only panics.
func (c *memCache) Watch(ctx context.Context) <-chan string { panic("not supported") }
