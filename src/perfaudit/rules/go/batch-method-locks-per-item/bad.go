package registry

import "sync"

type Registry struct {
	mu    sync.RWMutex
	items map[string]int
}

// Add locks for one item.
func (r *Registry) Add(key string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.items[key] = v
}

// Get read-locks for one item.
func (r *Registry) Get(key string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.items[key]
}

// AddAll takes the lock once per element.
func (r *Registry) AddAll(kv map[string]int) {
	for k, v := range kv {
		r.Add(k, v) // expect: batch-method-locks-per-item
	}
}

// Sum read-locks once per key.
func (r *Registry) Sum(keys []string) int {
	total := 0
	for i := 0; i < len(keys); i++ {
		total += r.Get(keys[i]) // expect: batch-method-locks-per-item
	}
	return total
}
