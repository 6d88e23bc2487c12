package store

import (
	"encoding/json"
	"os"
	"os/exec"
	"sync"
)

type Snapshotter struct {
	mu    sync.Mutex
	state map[string]int
	path  string
}

// Save copies the state under the lock and writes it after unlocking.
func (s *Snapshotter) Save() error {
	s.mu.Lock()
	snapshot := make(map[string]int, len(s.state))
	for k, v := range s.state {
		snapshot[k] = v
	}
	s.mu.Unlock()
	data, err := json.Marshal(snapshot)
	if err != nil {
		return err
	}
	return os.WriteFile(s.path, data, 0o644)
}

// Reload reads and decodes first, then swaps the state in under the lock.
func (s *Snapshotter) Reload() error {
	data, err := os.ReadFile(s.path)
	if err != nil {
		return err
	}
	fresh := map[string]int{}
	if err := json.Unmarshal(data, &fresh); err != nil {
		return err
	}
	s.mu.Lock()
	s.state = fresh
	s.mu.Unlock()
	return nil
}

// Get takes a read lock only for the map access.
func (s *Snapshotter) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state[k]
}

// Flush starts the write in a goroutine: the lock is not held by the I/O.
func (s *Snapshotter) Flush(data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	go func() { _ = os.WriteFile(s.path, data, 0o644) }()
	s.state["flushes"]++
}

// fileMu exists only to serialise writes to one file; holding it across I/O is its purpose.
type appendLog struct {
	writeMu sync.Mutex
	f       *os.File
}

func (l *appendLog) Append(b []byte) error {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	_, err := l.f.Write(b)
	return err
}

// gitMu serialises git invocations on purpose: git takes its own index lock.
var gitMu sync.Mutex

func Checkout(dir, ref string) error {
	gitMu.Lock()
	defer gitMu.Unlock()
	return exec.Command("git", "-C", dir, "checkout", ref).Run()
}
