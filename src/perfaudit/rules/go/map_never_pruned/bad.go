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
}

func NewStore() *Store {
	return &Store{sessions: make(map[string]*Session), hits: make(map[string]int)}
}

// Login adds a session per login; expired sessions are never removed.
func (s *Store) Login(token, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[token] = &Session{User: user, Expires: time.Now().Add(time.Hour)} // expect: map-never-pruned
}

// Touch counts requests per client IP forever.
func (s *Store) Touch(ip string) {
	s.mu.Lock()
	s.hits[ip] = s.hits[ip] + 1 // expect: map-never-pruned
	s.mu.Unlock()
}
