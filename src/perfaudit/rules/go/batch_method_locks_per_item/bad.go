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

// Delete locks for one item.
func (r *Registry) Delete(key string) {
	r.mu.Lock()
	delete(r.items, key)
	r.mu.Unlock()
}

// AddAll takes the lock once per element.
func (r *Registry) AddAll(kv map[string]int) {
	for k, v := range kv {
		r.Add(k, v) // expect: batch-method-locks-per-item
	}
}

// Prune locks once per expired key.
func (r *Registry) Prune(expired []string) {
	for i := 0; i < len(expired); i++ {
		r.Delete(expired[i]) // expect: batch-method-locks-per-item
	}
}

type Tracker struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (t *Tracker) set(key string, needLock bool) {
	if needLock {
		t.mu.Lock()
		defer t.mu.Unlock()
	}
	t.seen[key] = true
}

// SetAll asks set to lock for every key.
func (t *Tracker) SetAll(keys []string) {
	for _, k := range keys {
		t.set(k, true) // expect: batch-method-locks-per-item
	}
}

type Postings struct {
	mtx sync.RWMutex
	m   map[string][]uint64
}

// Delete takes the write lock for every name, although most need no change.
func (p *Postings) Delete(names []string, deleted map[uint64]struct{}) {
	for _, n := range names {
		p.mtx.Lock() // expect: batch-method-locks-per-item
		kept := p.m[n][:0]
		for _, id := range p.m[n] {
			if _, ok := deleted[id]; !ok {
				kept = append(kept, id)
			}
		}
		p.m[n] = kept
		p.mtx.Unlock()
	}
}
