package registry

import (
	"bufio"
	"io"
	"iter"
	"sync"
)

type Service struct {
	ID      string
	Name    string
	Address string
}

// byID is the fixed version: sized up front.
func byID(services []Service) map[string]Service {
	index := make(map[string]Service, len(services))
	for _, s := range services {
		index[s.ID] = s
	}
	return index
}

// healthy keeps only some services: the size is unknown.
func healthy(services []Service, ok func(Service) bool) map[string]Service {
	out := make(map[string]Service)
	for _, s := range services {
		if ok(s) {
			out[s.ID] = s
		}
	}
	return out
}

// countByName groups: the number of keys is not the number of items.
func countByName(services []Service) map[string][]Service {
	groups := map[string][]Service{}
	for _, s := range services {
		groups[s.Name] = append(groups[s.Name], s)
	}
	return groups
}

// words reads until EOF: unknown length.
func words(r io.Reader) map[string]bool {
	seen := make(map[string]bool)
	sc := bufio.NewScanner(r)
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		seen[sc.Text()] = true
	}
	return seen
}

// merged is filled from two sources; one length alone is not the size.
func merged(a, b []string) map[string]bool {
	all := make(map[string]bool)
	for _, s := range a {
		all[s] = true
	}
	for _, s := range b {
		all[s] = true
	}
	return all
}

// fromSeq ranges over an iterator whose length is not known.
func fromSeq(seq iter.Seq2[string, Service]) map[string]Service {
	out := make(map[string]Service)
	for k, v := range seq {
		out[k] = v
	}
	return out
}

// fromChannel drains a channel.
func fromChannel(in <-chan Service) map[string]Service {
	out := map[string]Service{}
	for s := range in {
		out[s.ID] = s
	}
	return out
}

// reset empties the map with a second make: it is not made once.
func reset(services []Service, flush bool) map[string]Service {
	var cur map[string]Service
	cur = make(map[string]Service)
	for _, s := range services {
		cur[s.ID] = s
		if flush {
			cur = make(map[string]Service)
		}
	}
	return cur
}

// snapshot copies a sync.Map, which has no length to size the copy with.
func snapshot(m *sync.Map) map[any]any {
	out := make(map[any]any)
	m.Range(func(k, v any) bool {
		out[k] = v
		return true
	})
	return out
}

// Labels has a callback iterator but no length.
type Labels struct{ names []string }

// Range calls f for each label.
func (l Labels) Range(f func(string) bool) {
	for _, n := range l.names {
		if !f(n) {
			return
		}
	}
}

// Set builds a set from the labels.
func (l Labels) Set() map[string]bool {
	set := map[string]bool{}
	l.Range(func(n string) bool {
		set[n] = true
		return true
	})
	return set
}

// Counted has a length, but the callback filters.
type Counted struct{ items []Service }

// Len is the number of items.
func (c *Counted) Len() int { return len(c.items) }

// ForEach calls f for each item.
func (c *Counted) ForEach(f func(Service)) {
	for _, s := range c.items {
		f(s)
	}
}

// Named keeps the named items only.
func (c *Counted) Named() map[string]Service {
	out := make(map[string]Service)
	c.ForEach(func(s Service) {
		if s.Name != "" {
			out[s.Name] = s
		}
	})
	return out
}

// setPorts may receive a non-empty map: its size is not the loop's length.
func setPorts(envs map[string]string, ports map[string]string) map[string]string {
	if envs == nil {
		envs = map[string]string{}
	}
	for label, port := range ports {
		envs["PORT_"+label] = port
	}
	return envs
}

// layerSet is made lazily inside an outer loop and filled on several iterations.
func layerSet(groups [][]string) map[string]bool {
	var set map[string]bool
	for _, g := range groups {
		if set == nil {
			set = make(map[string]bool)
		}
		for _, t := range g {
			set[t] = true
		}
	}
	return set
}
