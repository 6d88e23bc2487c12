package session

import (
	"sync"
	"time"
)

type Session struct {
	User    string
	Expires time.Time
}

type Store struct {
	mu       sync.Mutex
	sessions map[string]*Session
	hits     map[string]int
	routes   map[string]func()
}

func NewStore() *Store {
	s := &Store{sessions: make(map[string]*Session), hits: make(map[string]int)}
	s.routes = map[string]func(){}
	return s
}

// Login adds a session; Logout and the sweeper remove them.
func (s *Store) Login(token, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[token] = &Session{User: user, Expires: time.Now().Add(time.Hour)}
}

func (s *Store) Logout(token string) {
	s.mu.Lock()
	delete(s.sessions, token)
	s.mu.Unlock()
}

// Touch counts per IP; Reset swaps in a fresh map every interval.
func (s *Store) Touch(ip string) {
	s.mu.Lock()
	s.hits[ip]++
	s.mu.Unlock()
}

func (s *Store) Reset() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.hits
	s.hits = make(map[string]int)
	return old
}

// RegisterRoute fills a map whose keys come from code, at start-up.
func (s *Store) RegisterRoute(path string, h func()) {
	s.mu.Lock()
	s.routes[path] = h
	s.mu.Unlock()
}

// builder is short-lived and unshared (no mutex): its map dies with it.
type builder struct {
	seen map[string]bool
}

func (b *builder) add(k string) { b.seen[k] = true }

type warner struct {
	mu     sync.Mutex
	logged map[string]struct{}
}

// Warn remembers at most 100 distinct messages: the size check bounds the map.
func (w *warner) Warn(msg string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.logged) < 100 {
		w.logged[msg] = struct{}{}
	}
}

type health struct {
	mu        sync.Mutex
	statusMap map[string]int
	watchers  map[string]map[chan int]bool
}

// SetStatus is keyed by service names from code and config, a bounded set.
func (h *health) SetStatus(service string, status int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.statusMap[service] = status
	h.watchers[service] = make(map[chan int]bool)
}
