package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// Store holds products in memory and snapshots them to disk.
type Store struct {
	mu       sync.Mutex
	dir      string
	products map[string]Product
	sessions map[string]Session
}

// OpenStore loads the latest snapshot from dir, if any.
func OpenStore(dir string) (*Store, error) {
	s := &Store{dir: dir, products: make(map[string]Product), sessions: make(map[string]Session)}
	data, err := os.ReadFile(filepath.Join(dir, "snapshot.json"))
	if os.IsNotExist(err) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	var items []Product
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("decode snapshot: %w", err)
	}
	for _, p := range items {
		s.products[p.SKU] = p
	}
	return s, nil
}

// Get returns one product.
func (s *Store) Get(sku string) (Product, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[sku]
	return p, ok
}

// List returns every product sorted by SKU.
func (s *Store) List() []Product {
	s.mu.Lock()
	out := make([]Product, 0, len(s.products))
	for _, p := range s.products {
		out = append(out, p)
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	return out
}

// Put stores a product and writes a new snapshot.
func (s *Store) Put(p Product) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p.Modified = time.Now()
	s.products[p.SKU] = p
	items := make([]Product, 0, len(s.products))
	for _, p := range s.products {
		items = append(items, p)
	}
	data, err := json.MarshalIndent(items, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(s.dir, "snapshot.json.tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(s.dir, "snapshot.json"))
}

// Flush makes sure the snapshot directory's contents reach the disk.
func (s *Store) Flush() error {
	d, err := os.Open(s.dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Adjust changes a product's stock and records the change in the journal.
func (s *Store) Adjust(sku string, delta int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[sku]
	if !ok {
		return fmt.Errorf("unknown sku %q", sku)
	}
	p.Stock += delta
	s.products[sku] = p
	f, err := os.OpenFile(filepath.Join(s.dir, "journal.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintf(f, "%s %s %+d\n", time.Now().Format(time.RFC3339), sku, delta)
	return err
}

// Touch records that a session made a request.
func (s *Store) Touch(id, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[id] = Session{ID: id, User: user, LastSeen: time.Now()}
}

// Clone returns a deep copy of a product that callers may modify.
func Clone(p Product) (Product, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return Product{}, err
	}
	var out Product
	err = json.Unmarshal(data, &out)
	return out, err
}
