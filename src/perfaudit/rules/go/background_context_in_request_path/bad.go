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

type Catalog interface{ Refresh(ctx context.Context) error }

type Shop struct{ catalog Catalog }

// Sync refreshes the catalog under a background context: "catalog" is no logger.
func (s *Shop) Sync(ctx context.Context) error {
	return s.catalog.Refresh(context.Background()) // expect: background-context-in-request-path
}
