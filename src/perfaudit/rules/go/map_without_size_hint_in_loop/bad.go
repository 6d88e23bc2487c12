package registry

import "strings"

type Service struct {
	ID      string
	Name    string
	Address string
}

// byID indexes services for lookups.
func byID(services []Service) map[string]Service {
	index := make(map[string]Service)
	for _, s := range services {
		index[s.ID] = s // expect: map-without-size-hint-in-loop
	}
	return index
}

// nameSet builds a set from a slice, rejecting an invalid entry.
func nameSet(names []string) (map[string]struct{}, error) {
	set := map[string]struct{}{}
	for _, n := range names {
		if n == "" {
			return nil, errEmptyName
		}
		set[strings.ToLower(n)] = struct{}{} // expect: map-without-size-hint-in-loop
	}
	return set, nil
}

// invert swaps keys and values of a map.
func invert(m map[string]string) map[string]string {
	out := make(map[string]string)
	for k, v := range m {
		out[v] = k // expect: map-without-size-hint-in-loop
	}
	return out
}

// positions maps each slot number to its address.
func positions(addrs []string) map[int]string {
	pos := map[int]string{}
	for i := 0; i < len(addrs); i++ {
		pos[i] = addrs[i] // expect: map-without-size-hint-in-loop
	}
	return pos
}

// addresses fills a named result assigned once with a hint-less make.
func addresses(services []Service) (byName map[string]string) {
	byName = make(map[string]string)
	for _, s := range services {
		byName[s.Name] = s.Address // expect: map-without-size-hint-in-loop
	}
	return byName
}

// withIndex declares the map first and assigns it before the loop.
func withIndex(services []Service) map[string]int {
	var ports map[string]int
	ports = map[string]int{}
	for i := range services {
		ports[services[i].ID] = i // expect: map-without-size-hint-in-loop
	}
	return ports
}

// Attributes is a key-value collection with a length and a callback iterator.
type Attributes struct {
	keys   []string
	values []any
}

// Len is the number of entries.
func (a Attributes) Len() int { return len(a.keys) }

// Range calls f for each entry until it returns false.
func (a Attributes) Range(f func(k string, v any) bool) {
	for i, k := range a.keys {
		if !f(k, a.values[i]) {
			return
		}
	}
}

// AsRaw copies the entries into a plain map; Len is known before Range.
func (a Attributes) AsRaw() map[string]any {
	raw := make(map[string]any)
	a.Range(func(k string, v any) bool {
		raw[k] = v // expect: map-without-size-hint-in-loop
		return true
	})
	return raw
}

var errEmptyName = errorString("empty name")

type errorString string

func (e errorString) Error() string { return string(e) }
