package plugins

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

type Plugin struct {
	Name    string
	Enabled bool
}

// enabled reads the allow list once.
func enabled(plugins []Plugin, allowPath string) ([]Plugin, error) {
	data, err := os.ReadFile(allowPath)
	if err != nil {
		return nil, err
	}
	var out []Plugin
	for _, p := range plugins {
		if strings.Contains(string(data), p.Name) {
			out = append(out, p)
		}
	}
	return out, nil
}

// loadAll reads one file per plugin.
func loadAll(plugins []Plugin, dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, p := range plugins {
		b, err := os.ReadFile(filepath.Join(dir, p.Name+".json"))
		if err != nil {
			return nil, err
		}
		out[p.Name] = b
	}
	return out, nil
}

// watch re-reads the file on each tick because it may change.
func watch(path string, tick *time.Ticker, apply func([]byte)) {
	for range tick.C {
		if b, err := os.ReadFile(path); err == nil {
			apply(b)
		}
	}
}

// waitForFile polls until the file exists.
func waitForFile(path string) []byte {
	for {
		b, err := os.ReadFile(path)
		if err == nil {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// firstExisting tries candidate paths in order.
func firstExisting(candidates []string) (*os.File, error) {
	var lastErr error
	for _, c := range candidates {
		f, err := os.Open(c)
		if err == nil {
			return f, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

// readWithRetry retries a flaky read a few times.
func readWithRetry(path string, attempts int) ([]byte, error) {
	var err error
	for i := 0; i < attempts; i++ {
		var b []byte
		if b, err = os.ReadFile(path); err == nil {
			return b, nil
		}
		time.Sleep(time.Duration(i+1) * 50 * time.Millisecond)
	}
	return nil, err
}
