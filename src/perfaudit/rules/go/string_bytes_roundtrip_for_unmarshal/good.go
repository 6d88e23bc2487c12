package client

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

type Config struct {
	Name string `json:"name"`
}

// decodeBody is the fixed version: the bytes go straight to the decoder.
func decodeBody(resp *http.Response) (*Config, error) {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var cfg Config
	return &cfg, json.Unmarshal(body, &cfg)
}

// decodeString starts from a string (a flag, an env var): one conversion is needed.
func decodeString(s string) (*Config, error) {
	var cfg Config
	return &cfg, json.Unmarshal([]byte(s), &cfg)
}

// trimmed changes the string before decoding, so the conversion is not a pure round trip.
func trimmed(body []byte) (*Config, error) {
	text := string(body)
	text = strings.TrimPrefix(text, ")]}'\n")
	var cfg Config
	return &cfg, json.Unmarshal([]byte(text), &cfg)
}

// runeBytes encodes a rune as UTF-8: string(r) is not a byte round trip.
func runeBytes(r rune) []byte {
	return []byte(string(r))
}

// clone makes one copy.
func clone(payload []byte) []byte {
	return bytes.Clone(payload)
}
