package api

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type Server struct{ db *sql.DB }

// Lookup ignores the caller's context for the query.
func (s *Server) Lookup(ctx context.Context, id int) (string, error) {
	var name string
	err := s.db.QueryRowContext(context.Background(), "SELECT name FROM users WHERE id = ?", id).Scan(&name) // expect: background-context-in-request-path
	return name, err
}

// ServeHTTP gives the query its own timeout but drops the client's cancellation.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // expect: background-context-in-request-path
	defer cancel()
	rows, err := s.db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rows.Close()
}

// Refresh uses a TODO placeholder where the caller's context belongs.
func (s *Server) Refresh(ctx context.Context) error {
	_, err := s.db.ExecContext(context.TODO(), "REFRESH MATERIALIZED VIEW stats") // expect: background-context-in-request-path
	return err
}

type catalog struct{ db *sql.DB }

// Reindex passes a background context to a call that is no logger ("catalog" only ends in "log").
func (c *catalog) Reindex(ctx context.Context) error {
	_, err := c.db.ExecContext(context.Background(), "REINDEX") // expect: background-context-in-request-path
	return err
}
