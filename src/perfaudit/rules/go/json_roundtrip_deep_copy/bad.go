package config

import "encoding/json"

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

// Clone copies the spec through JSON.
func (s *Spec) Clone() (*Spec, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	var out Spec
	if err := json.Unmarshal(b, &out); err != nil { // expect: json-roundtrip-deep-copy
		return nil, err
	}
	return &out, nil
}

// withDefaults copies the defaults for each tenant before overriding them.
func withDefaults(def Spec, tenants []string) []Spec {
	specs := make([]Spec, 0, len(tenants))
	for _, t := range tenants {
		raw, _ := json.Marshal(def)
		var s Spec
		_ = json.Unmarshal(raw, &s) // expect: json-roundtrip-deep-copy
		s.Name = t
		specs = append(specs, s)
	}
	return specs
}

// toMap converts a struct to a generic map through JSON.
func toMap(l Limits) map[string]any {
	m := map[string]any{}
	data, err := json.Marshal(l)
	if err != nil {
		return nil
	}
	if json.Unmarshal(data, &m) != nil { // expect: json-roundtrip-deep-copy
		return nil
	}
	return m
}
