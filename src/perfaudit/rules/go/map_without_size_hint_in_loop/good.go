package registry

import (
	"bufio"
	"io"
	"iter"
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
