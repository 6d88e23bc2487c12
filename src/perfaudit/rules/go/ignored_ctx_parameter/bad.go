package jobs

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type Store struct{ db *sql.DB }

// Count ignores the request's deadline and runs the query unbounded.
func (s *Store) Count(ctx context.Context, table string) (int, error) { // expect: ignored-ctx-parameter
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
	return n, err
}

// WaitReady polls with sleeps that cancellation cannot interrupt.
func WaitReady(ctx context.Context, ready func() bool) { // expect: ignored-ctx-parameter
	for !ready() {
		time.Sleep(100 * time.Millisecond)
	}
}

// Fetch builds a request without the caller's context.
func Fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) { // expect: ignored-ctx-parameter
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Next blocks on the channel even after the caller has gone.
func Next(ctx context.Context, jobs <-chan string) string { // expect: ignored-ctx-parameter
	return <-jobs
}
