package render

import (
	"os"
	"os/exec"
	"path/filepath"
)

// Unpack removes the scratch directory when done.
func Unpack(archive string) (int, error) {
	tmp, err := os.MkdirTemp("", "unpack")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	if err := exec.Command("tar", "-xf", archive, "-C", tmp).Run(); err != nil {
		return 0, err
	}
	entries, err := os.ReadDir(tmp)
	return len(entries), err
}

// Workspace returns the path and a cleanup func: the caller owns it.
func Workspace() (string, func(), error) {
	dir, err := os.MkdirTemp("", "ws-")
	if err != nil {
		return "", nil, err
	}
	return dir, func() { os.RemoveAll(dir) }, nil
}

type Cache struct{ root string }

// NewCache keeps the directory for the cache's lifetime.
func NewCache() (*Cache, error) {
	dir, err := os.MkdirTemp("", "cache-")
	if err != nil {
		return nil, err
	}
	return &Cache{root: filepath.Join(dir, "v1")}, nil
}

// Build removes the directory in a deferred closure that also logs.
func Build(src string) error {
	dir, err := os.MkdirTemp("", "build-")
	if err != nil {
		return err
	}
	defer func() {
		if err := os.RemoveAll(dir); err != nil {
			println(err.Error())
		}
	}()
	return exec.Command("go", "build", "-o", filepath.Join(dir, "bin"), src).Run()
}
