package export

import (
	"crypto/sha256"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
)

type Report struct {
	Rows []map[string]any `json:"rows"`
}

// writeReport encodes straight into the file.
func writeReport(path string, r Report) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// serveReport needs the length for Content-Length, so it keeps the bytes.
func serveReport(w http.ResponseWriter, r Report) {
	b, err := json.Marshal(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

// signed hashes the bytes as well as writing them.
func signed(f *os.File, r Report) ([32]byte, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return [32]byte{}, err
	}
	_, err = f.Write(b)
	return sha256.Sum256(b), err
}

// cache stores the bytes for later.
func cache(store map[string][]byte, key string, r Report) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	store[key] = b
	return nil
}

type codec interface {
	Marshal(v any) ([]byte, error)
}

// respondError marshals with a local codec named json before choosing the status.
func respondError(w http.ResponseWriter, json codec, r Report) {
	b, err := json.Marshal(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusBadRequest)
	_, _ = w.Write(b)
}
