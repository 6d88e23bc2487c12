package config

import (
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"slices"
)

type Limits struct {
	CPU    string            `json:"cpu"`
	Memory string            `json:"memory"`
	Labels map[string]string `json:"labels"`
}

type Spec struct {
	Name   string   `json:"name"`
	Limits Limits   `json:"limits"`
	Hosts  []string `json:"hosts"`
}

// Clone copies explicitly.
func (s *Spec) Clone() *Spec {
	out := *s
	out.Hosts = slices.Clone(s.Hosts)
	out.Limits.Labels = maps.Clone(s.Limits.Labels)
	return &out
}

// save persists the marshalled bytes and reads back what is on disk to verify it.
func save(path string, s Spec) (Spec, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return Spec{}, err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return Spec{}, err
	}
	var back Spec
	err = json.Unmarshal(b, &back)
	return back, err
}

// decodeBody unmarshals bytes that came from the network, not from Marshal.
func decodeBody(r *http.Request, body []byte) (Spec, error) {
	var s Spec
	err := json.Unmarshal(body, &s)
	return s, err
}

// roundTripCheck marshals one value and unmarshals a different payload.
func roundTripCheck(s Spec, payload []byte) (bool, error) {
	if _, err := json.Marshal(s); err != nil {
		return false, err
	}
	var other Spec
	return other.Name == s.Name, json.Unmarshal(payload, &other)
}
