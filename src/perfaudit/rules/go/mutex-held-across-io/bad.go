package store

import (
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

type Snapshotter struct {
	mu    sync.Mutex
	state map[string]int
	path  string
	db    *sql.DB
}

// Save writes the state to disk while every reader waits.
func (s *Snapshotter) Save() error {
	s.mu.Lock() // expect: mutex-held-across-io
	defer s.mu.Unlock()
	data, err := json.Marshal(s.state)
	if err != nil {
		return err
	}
	return os.WriteFile(s.path, data, 0o644)
}

// Reload reads the file with the lock held until the explicit unlock.
func (s *Snapshotter) Reload() error {
	s.mu.Lock() // expect: mutex-held-across-io
	data, err := os.ReadFile(s.path)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	err = json.Unmarshal(data, &s.state)
	s.mu.Unlock()
	return err
}

// Count walks a directory tree under the lock.
func (s *Snapshotter) Count(root string) int {
	n := 0
	s.mu.Lock() // expect: mutex-held-across-io
	defer s.mu.Unlock()
	_ = filepath.WalkDir(root, func(string, os.DirEntry, error) error { n++; return nil })
	s.state["files"] = n
	return n
}

// Persist runs a query while holding the lock.
func (s *Snapshotter) Persist(key string) error {
	s.mu.Lock() // expect: mutex-held-across-io
	defer s.mu.Unlock()
	_, err := s.db.Exec("UPDATE counters SET n = ? WHERE k = ?", s.state[key], key)
	return err
}

var (
	cacheMu sync.Mutex
	heads   = map[string]string{}
)

// Head shells out to git while holding the cache lock.
func Head(dir string) (string, error) {
	cacheMu.Lock() // expect: mutex-held-across-io
	defer cacheMu.Unlock()
	if h, ok := heads[dir]; ok {
		return h, nil
	}
	out, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	heads[dir] = string(out)
	return string(out), err
}
