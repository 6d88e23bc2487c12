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

// Serve shuts the server down with the context whose cancellation stopped it.
func Serve(ctx context.Context, srv *http.Server) error {
	defer srv.Shutdown(ctx) // expect: deferred-cleanup-with-cancelled-ctx
	go func() { _ = srv.ListenAndServe() }()
	<-ctx.Done()
	return nil
}

// Run flushes telemetry with the signal context after Ctrl+C cancelled it.
func Run(tp provider, work func(context.Context) error) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	defer tp.Shutdown(ctx) // expect: deferred-cleanup-with-cancelled-ctx
	return work(ctx)
}

// Export derives a timeout from the cancelled parent: it is cancelled too.
func Export(ctx context.Context, tp provider) {
	flushCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	defer func() { // expect: deferred-cleanup-with-cancelled-ctx
		_ = tp.ForceFlush(flushCtx)
	}()
}
