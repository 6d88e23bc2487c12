package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

// Syncer pulls the upstream catalogue into the store.
type Syncer struct {
	base   string
	store  *Store
	client *http.Client
}

// NewSyncer builds a syncer with a bounded HTTP client.
func NewSyncer(base string, store *Store) *Syncer {
	return &Syncer{base: base, store: store, client: &http.Client{Timeout: 10 * time.Second}}
}

// Run syncs every interval until ctx is cancelled.
func (s *Syncer) Run(ctx context.Context, interval time.Duration) {
	for {
		if err := s.syncOnce(ctx); err != nil {
			log.Printf("sync: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

func (s *Syncer) syncOnce(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/products", nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("upstream: %s", resp.Status)
	}
	var incoming []Product
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&incoming); err != nil {
		return err
	}
	for _, p := range incoming {
		if err := s.store.Put(p); err != nil {
			return err
		}
	}
	return nil
}

// mergeTags returns the tags of all products without duplicates.
func mergeTags(products []Product) []string {
	var tags []string
	for _, p := range products {
		for _, t := range p.Tags {
			seen := false
			for _, have := range tags {
				if have == t {
					seen = true
					break
				}
			}
			if !seen {
				tags = append(tags, t)
			}
		}
	}
	return tags
}

// importFiles loads product lists from several JSON-lines files.
func importFiles(paths []string, store *Store) error {
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var p Product
			if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if err := store.Put(p); err != nil {
				return err
			}
		}
	}
	return nil
}
