package cachekey

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"hash/fnv"
)

type Request struct {
	Path   string            `json:"path"`
	Params map[string]string `json:"params"`
}

// key fingerprints a request and its options through a streaming hasher.
func key(req Request, opts map[string]any) (string, error) {
	h := sha256.New()
	reqJSON, err := json.Marshal(req) // expect: json-marshal-for-hash
	if err != nil {
		return "", err
	}
	h.Write(reqJSON)
	optJSON, err := json.Marshal(opts) // expect: json-marshal-for-hash
	if err != nil {
		return "", err
	}
	h.Write(optJSON)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// bucket hashes every request in a batch with one-shot sums.
func bucket(reqs []Request) [][32]byte {
	sums := make([][32]byte, 0, len(reqs))
	for _, r := range reqs {
		data, _ := json.Marshal(r) // expect: json-marshal-for-hash
		sums = append(sums, sha256.Sum256(data))
	}
	return sums
}

// shard writes into a hash.Hash parameter.
func shard(h hash.Hash, v any) error {
	b, err := json.Marshal(v) // expect: json-marshal-for-hash
	if err != nil {
		return err
	}
	_, err = h.Write(b)
	return err
}

// fnvKey uses a 64-bit FNV hasher.
func fnvKey(v any) uint64 {
	h := fnv.New64a()
	b, _ := json.Marshal(v) // expect: json-marshal-for-hash
	h.Write(b)
	return h.Sum64()
}
