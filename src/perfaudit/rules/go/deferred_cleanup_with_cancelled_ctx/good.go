package app

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

type provider interface {
	Shutdown(ctx context.Context) error
	ForceFlush(ctx context.Context) error
}

// Serve gives the shutdown a fresh bounded context.
func Serve(ctx context.Context, srv *http.Server) error {
	defer func() {
		shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	go func() { _ = srv.ListenAndServe() }()
	<-ctx.Done()
	return nil
}

// Run builds the cleanup context from Background before deferring.
func Run(tp provider, work func(context.Context) error) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cleanupCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	defer tp.Shutdown(cleanupCtx)
	return work(ctx)
}

// Close calls a context-free cleanup.
func Close(ctx context.Context, f *os.File) error {
	defer f.Close()
	_, err := f.WriteString("done")
	return err
}
