package store

import (
	"encoding/json"
	"io"
	"os"
)

type Snapshot struct {
	Version int               `json:"version"`
	Entries map[string]string `json:"entries"`
}

// loadSnapshot buffers a potentially large file before decoding it.
func loadSnapshot(path string) (*Snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var s Snapshot
	if err := json.Unmarshal(raw, &s); err != nil { // expect: readall-then-decode
		return nil, err
	}
	return &s, nil
}

// decodeFrom reads an arbitrary stream whole.
func decodeFrom(r io.Reader) (Snapshot, error) {
	var s Snapshot
	data, err := io.ReadAll(r)
	if err != nil {
		return s, err
	}
	return s, json.Unmarshal(data, &s) // expect: readall-then-decode
}
