package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"
)

func run(ctx context.Context, dir string) error { return nil }

func main() {
	dir, err := os.MkdirTemp("", "export-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, dir); err != nil {
		log.Print(err)
	}
}

