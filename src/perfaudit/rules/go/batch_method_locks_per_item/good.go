package registry

import (
	"context"
	"sync"
)

type Registry struct {
	mu    sync.RWMutex
	items map[string]int
}

func (r *Registry) Add(key string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addLocked(key, v)
}

func (r *Registry) addLocked(key string, v int) { r.items[key] = v }

// AddAll locks once and calls the lock-free helper.
func (r *Registry) AddAll(kv map[string]int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for k, v := range kv {
		r.addLocked(k, v)
	}
}

// Retry calls Add a fixed few times: not a batch.
func (r *Registry) Retry(key string) {
	for attempt := 0; attempt < 3; attempt++ {
		r.Add(key, attempt)
	}
}

// Copy calls a method of another registry, whose lock is a different mutex.
func (r *Registry) Copy(other *Registry, keys []string) {
	for _, k := range keys {
		other.Add(k, 1)
	}
}

// Keys uses a method that does not lock.
func (r *Registry) Keys(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, r.normalize(n))
	}
	return out
}

func (r *Registry) normalize(s string) string { return s }

// Snapshot ranges over the result of one locking call: the header runs once.
func (r *Registry) Snapshot() []string {
	out := []string{}
	for _, k := range r.List() {
		out = append(out, k)
	}
	return out
}

func (r *Registry) List() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	keys := make([]string, 0, len(r.items))
	for k := range r.items {
		keys = append(keys, k)
	}
	return keys
}

// Child memoises under the lock; callers may loop over it: a cheap getter, not a batch.
func (r *Registry) Child(key string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.items[key]
	if !ok {
		v = len(key)
		r.items[key] = v
	}
	return v
}

func (r *Registry) Children(keys []string) []int {
	out := make([]int, 0, len(keys))
	for _, k := range keys {
		out = append(out, r.Child(k))
	}
	return out
}

// Tracker's set and mark lock only when told to; the batches hold the lock and say so.
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

func (t *Tracker) SetAll(keys []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		t.set(k, false)
	}
}

func (t *Tracker) mark(key string, locked bool) {
	if !locked {
		t.mu.Lock()
		defer t.mu.Unlock()
	}
	t.seen[key] = true
}

func (t *Tracker) MarkAll(keys []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		t.mark(k, true)
	}
}

// Shards locks a different mutex per item: nothing to batch.
type shard struct {
	mu sync.Mutex
	n  int
}

func bumpAll(shards []*shard) {
	for _, s := range shards {
		s.mu.Lock()
		s.n++
		s.mu.Unlock()
	}
	for i := range shards {
		sh := shards[i]
		sh.mu.Lock()
		sh.n--
		sh.mu.Unlock()
	}
}

type hub struct {
	mu   sync.Mutex
	subs []string
}

// notify releases the lock around a per-item call and takes it back.
func (h *hub) notify(names []string, send func(string)) {
	h.mu.Lock()
	for _, n := range names {
		h.mu.Unlock()
		send(n)
		h.mu.Lock()
	}
	h.mu.Unlock()
}

// forward does per-item I/O under the lock: the lock is not the cost.
func (h *hub) forward(ctx context.Context, names []string, w func(context.Context, string) error) {
	for _, n := range names {
		h.mu.Lock()
		_ = w(ctx, n)
		h.mu.Unlock()
	}
}

// poll waits between rounds: the lock is taken once per interval.
func (h *hub) poll(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		h.mu.Lock()
		h.subs = h.subs[:0]
		h.mu.Unlock()
	}
}

// resetAll locks only around the field write and does per-item work outside the lock.
func (h *hub) resetAll(names []string, send func(string)) {
	for _, n := range names {
		h.mu.Lock()
		h.subs = append(h.subs, n)
		h.mu.Unlock()
		send(n)
	}
}
