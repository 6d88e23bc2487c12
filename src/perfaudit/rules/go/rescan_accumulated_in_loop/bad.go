package tags

import "slices"

type Label struct {
	Name, Value string
}

// uniqueNames dedupes by scanning the result built so far.
func uniqueNames(labels []Label) []string {
	var names []string
	for _, l := range labels {
		dup := false
		for _, n := range names { // expect: rescan-accumulated-in-loop
			if n == l.Name {
				dup = true
				break
			}
		}
		if !dup {
			names = append(names, l.Name)
		}
	}
	return names
}

func uniqueIDs(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) { // expect: rescan-accumulated-in-loop
			out = append(out, id)
		}
	}
	return out
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func mergeHosts(groups [][]string) []string {
	var hosts []string
	for _, g := range groups {
		for _, h := range g {
			if !containsString(hosts, h) { // expect: rescan-accumulated-in-loop
				hosts = append(hosts, h)
			}
		}
	}
	return hosts
}
