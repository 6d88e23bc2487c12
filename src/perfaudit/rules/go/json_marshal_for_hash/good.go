package cachekey

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
)

type Request struct {
	Path   string            `json:"path"`
	Params map[string]string `json:"params"`
}

// key is the fixed version: one encoder streams into the hasher.
func key(req Request, opts map[string]any) (string, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := enc.Encode(req); err != nil {
		return "", err
	}
	if err := enc.Encode(opts); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// etag also sends the bytes: the marshalled slice is needed anyway.
func etag(w http.ResponseWriter, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	w.Header().Set("ETag", hex.EncodeToString(sum[:]))
	_, err = w.Write(body)
	return err
}

// digest hashes one value once; the saving is a single copy.
func digest(v any) [32]byte {
	b, _ := json.Marshal(v)
	return sha256.Sum256(b)
}

// send writes the bytes to a writer that is not a hash.
func send(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
