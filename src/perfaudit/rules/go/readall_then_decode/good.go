package store

import (
	"crypto/sha256"
	"encoding/json"
	"io"
	"os"
)

type Snapshot struct {
	Version int               `json:"version"`
	Entries map[string]string `json:"entries"`
	Sum     [32]byte          `json:"-"`
}

// loadSnapshot decodes from the file.
func loadSnapshot(path string) (*Snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var s Snapshot
	if err := json.NewDecoder(f).Decode(&s); err != nil {
		return nil, err
	}
	return &s, nil
}

// verified also hashes the raw bytes, so it needs them.
func verified(r io.Reader) (Snapshot, error) {
	var s Snapshot
	data, err := io.ReadAll(r)
	if err != nil {
		return s, err
	}
	s.Sum = sha256.Sum256(data)
	return s, json.Unmarshal(data, &s)
}

// readConfig uses os.ReadFile, which sizes its buffer from the file.
func readConfig(path string) (Snapshot, error) {
	var s Snapshot
	b, err := os.ReadFile(path)
	if err != nil {
		return s, err
	}
	return s, json.Unmarshal(b, &s)
}

// withCopy reads everything through a TeeReader to keep a full copy for the caller.
func withCopy(r io.Reader, keep io.Writer) (Snapshot, error) {
	var s Snapshot
	b, err := io.ReadAll(io.TeeReader(r, keep))
	if err != nil {
		return s, err
	}
	return s, json.Unmarshal(b, &s)
}
