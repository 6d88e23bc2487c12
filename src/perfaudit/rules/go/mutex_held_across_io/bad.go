package store

import (
	"database/sql"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

type Config struct {
	mu     sync.RWMutex // guards values: a comment that says nothing about I/O
	values map[string]string
	path   string
	db     *sql.DB
}

// Lookup fills a per-key cache from disk under the lock: every miss stalls every reader.
func (c *Config) Lookup(key string) (string, error) {
	c.mu.Lock() // expect: mutex-held-across-io
	defer c.mu.Unlock()
	v, ok := c.values[key]
	if !ok {
		data, err := os.ReadFile(filepath.Join(c.path, key))
		if err != nil {
			return "", err
		}
		v = string(data)
		c.values[key] = v
	}
	return v, nil
}

// Size walks a directory tree while holding the lock until the explicit unlock.
func (c *Config) Size(root string) int64 {
	var n int64
	c.mu.Lock() // expect: mutex-held-across-io
	_ = filepath.WalkDir(root, func(_ string, d fs.DirEntry, _ error) error {
		if info, err := d.Info(); err == nil {
			n += info.Size()
		}
		return nil
	})
	c.values["size"] = "known"
	c.mu.Unlock()
	return n
}

// Owner queries the database with the lock held.
func (c *Config) Owner(key string) (string, error) {
	c.mu.Lock() // expect: mutex-held-across-io
	defer c.mu.Unlock()
	var owner string
	err := c.db.QueryRow("SELECT owner FROM settings WHERE k = ?", key).Scan(&owner)
	c.values["owner:"+key] = owner
	return owner, err
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
