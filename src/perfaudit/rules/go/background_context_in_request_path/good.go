package api

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"time"
)

type Server struct{ db *sql.DB }

// Lookup derives a timeout from the caller's context.
func (s *Server) Lookup(ctx context.Context, id int) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var name string
	err := s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name, err
}

// ServeHTTP uses the request's context.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.QueryContext(r.Context(), "SELECT 1")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rows.Close()
}

// Audit writes the audit record in a goroutine that must outlive the request.
func (s *Server) Audit(ctx context.Context, event string) {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := s.db.ExecContext(ctx, "INSERT INTO audit VALUES (?)", event); err != nil {
			log.Print(err)
		}
	}()
}

// Start has no incoming context: the background context is the root.
func Start(db *sql.DB) *Server {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		log.Fatal(err)
	}
	return &Server{db: db}
}

// Tracer returns a shutdown func that runs after the caller's context is gone.
func Tracer(ctx context.Context, flush func(context.Context) error) func() error {
	return func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return flush(ctx)
	}
}

// Connect keeps the tunnel alive after Connect returns.
func Connect(ctx context.Context, open func(context.Context) error) error {
	// The tunnel outlives this call: give it its own cancellable background context.
	tunnelCtx, cancel := context.WithCancel(context.Background())
	if err := open(tunnelCtx); err != nil {
		cancel()
		return err
	}
	return nil
}

// Operation hands back a context that only signals completion to the caller.
func (s *Server) Operation(ctx context.Context, run func(context.Context)) context.Context {
	done, finish := context.WithCancel(context.Background())
	go func() {
		defer finish()
		run(ctx)
	}()
	return done
}

type logger interface{ Info(msg string, kv ...any) }

type logging struct{}

func (logging) FromContext(ctx context.Context) logger { return nil }

var logs logging

// Purge takes its logger from a background context: the context feeds only the logger.
func (s *Server) Purge(ctx context.Context, table string) error {
	lg := logs.FromContext(context.Background())
	lg.Info("purging", "table", table)
	_, err := s.db.ExecContext(ctx, "DELETE FROM "+table)
	return err
}

// Warm hands a background context to a helper that ignores its context parameter.
func (s *Server) Warm(ctx context.Context) {
	s.fill(context.Background(), "users")
}

func (s *Server) fill(_ context.Context, table string) {
	s.db.Exec("SELECT 1 FROM " + table)
}
