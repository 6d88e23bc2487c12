package main

import (
	"context"
	"log"
	"os"
)

func run(ctx context.Context, dir string) error { return nil }

func main() {
	dir, err := os.MkdirTemp("", "export-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background() // expect: cli-main-without-signal-context
	if err := run(ctx, dir); err != nil {
		log.Print(err)
	}
}
