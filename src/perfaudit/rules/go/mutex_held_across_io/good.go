package store

import (
	"encoding/json"
	"os"
	"os/exec"
	"sync"
)

type Config struct {
	mu     sync.RWMutex
	values map[string]string
	path   string
}

// Get reads the file before taking the lock and only publishes under it.
func (c *Config) Get(key string) (string, error) {
	c.mu.RLock()
	v, ok := c.values[key]
	c.mu.RUnlock()
	if ok {
		return v, nil
	}
	data, err := os.ReadFile(c.path)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.values[key] = string(data)
	c.mu.Unlock()
	return string(data), nil
}

// Encode marshals under the lock: a consistent copy, CPU only.
func (c *Config) Encode() ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return json.Marshal(c.values)
}

// Save serialises writes of the file on purpose: the method is the I/O.
func (c *Config) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	data, err := json.Marshal(c.values)
	if err != nil {
		return err
	}
	return os.WriteFile(c.path, data, 0o644)
}

// Notify starts the write in a goroutine: the lock is not held by the I/O.
func (c *Config) Notify(data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	go func() { _ = os.WriteFile(c.path, data, 0o644) }()
	c.values["notified"] = "yes"
}

// gitMu exists only to serialise git invocations; holding it across them is its purpose.
var gitMu sync.Mutex

func Checkout(dir, ref string) error {
	gitMu.Lock()
	defer gitMu.Unlock()
	return exec.Command("git", "-C", dir, "checkout", ref).Run()
}

type appendLog struct {
	writeMu sync.Mutex
	f       *os.File
}

func (l *appendLog) Append(b []byte) (int, error) {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	if _, err := os.Stat(l.f.Name()); err != nil {
		return 0, err
	}
	return l.f.Write(b)
}
