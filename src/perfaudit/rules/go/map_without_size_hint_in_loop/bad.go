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

var errEmptyName = errorString("empty name")

type errorString string

func (e errorString) Error() string { return string(e) }
