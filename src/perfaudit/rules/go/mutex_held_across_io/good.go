package store

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"strconv"
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

// Values loads the file on first use only: a one-time lazy load, later calls read the map.
func (c *Config) Values() (map[string]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.values == nil {
		data, err := os.ReadFile(c.path)
		if err != nil {
			return nil, err
		}
		c.values = map[string]string{"raw": string(data)}
	}
	return c.values, nil
}

// stateFile's mutex exists to keep writers of the state file from interleaving.
type stateFile struct {
	mu   sync.Mutex // serialises writes of the state file
	path string
	runs int
}

func (s *stateFile) Bump() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.runs++
	return os.WriteFile(s.path, []byte(strconv.Itoa(s.runs)), 0o644)
}

// journal's mutexes are named for the file they guard.
type journal struct {
	fileMu sync.Mutex
	wmu    sync.Mutex
	path   string
	out    *os.File
}

func (j *journal) Record(line string) error {
	j.fileMu.Lock()
	defer j.fileMu.Unlock()
	f, err := os.OpenFile(j.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(line + "\n")
	return err
}

func (j *journal) Tee(r io.Reader) (int64, error) {
	j.wmu.Lock()
	defer j.wmu.Unlock()
	return io.Copy(j.out, r)
}

// Rewrite says at the lock why it is held across the rewrite.
func (c *Config) Rewrite(tmp string) error {
	// held across the rewrite on purpose: one writer of the file at a time
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := os.WriteFile(tmp, []byte(c.values["raw"]), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, c.path)
}
