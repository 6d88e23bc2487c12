// Command inventory serves a small product inventory over HTTP and keeps it in
// sync with an upstream catalogue.
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"time"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	dataDir := flag.String("data", "./data", "directory for snapshots")
	upstream := flag.String("upstream", "http://catalogue.internal", "catalogue base URL")
	flag.Parse()

	store, err := OpenStore(*dataDir)
	if err != nil {
		log.Fatalf("open store: %v", err)
	}
	defer func() {
		if err := store.Flush(); err != nil {
			log.Printf("flush: %v", err)
		}
	}()

	ctx := context.Background()
	syncer := NewSyncer(*upstream, store)
	go syncer.Run(ctx, 30*time.Second)

	api := NewAPI(store)
	srv := &http.Server{
		Addr:    *addr,
		Handler: api.Routes(),
	}
	log.Printf("listening on %s", *addr)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Print(err)
	}
}
