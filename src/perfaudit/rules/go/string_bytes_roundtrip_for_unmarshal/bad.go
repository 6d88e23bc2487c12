package client

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
)

type Config struct {
	Name string `json:"name"`
}

// decodeBody keeps a string copy of the body, then converts it back to decode.
func decodeBody(resp *http.Response) (*Config, error) {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	text := string(body)
	var cfg Config
	if err := json.Unmarshal([]byte(text), &cfg); err != nil { // expect: string-bytes-roundtrip-for-unmarshal
		return nil, err
	}
	return &cfg, nil
}

// load round-trips a file's bytes directly.
func load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg Config
	err = json.Unmarshal([]byte(string(data)), &cfg) // expect: string-bytes-roundtrip-for-unmarshal
	return &cfg, err
}

// copyPayload clones bytes through a string.
func copyPayload(payload []byte) []byte {
	return []byte(string(payload)) // expect: string-bytes-roundtrip-for-unmarshal
}

// decodeRaw converts a json.RawMessage the long way round.
func decodeRaw(raw json.RawMessage, v any) error {
	return json.Unmarshal([]byte(string(raw)), v) // expect: string-bytes-roundtrip-for-unmarshal
}
