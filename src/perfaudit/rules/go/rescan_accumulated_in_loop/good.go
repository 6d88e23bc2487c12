package tags

import "slices"

type Label struct {
	Name, Value string
}

// uniqueNames keeps a set next to the result.
func uniqueNames(labels []Label) []string {
	seen := make(map[string]struct{}, len(labels))
	names := make([]string, 0, len(labels))
	for _, l := range labels {
		if _, ok := seen[l.Name]; ok {
			continue
		}
		seen[l.Name] = struct{}{}
		names = append(names, l.Name)
	}
	return names
}

// filterAllowed scans a fixed list, not the slice being built.
func filterAllowed(in, allowed []string) []string {
	var out []string
	for _, s := range in {
		if slices.Contains(allowed, s) {
			out = append(out, s)
		}
	}
	return out
}

// sortedUnique sorts then compacts.
func sortedUnique(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// summarize scans the result after the loop, once.
func summarize(ls []Label) int {
	var vals []string
	for _, l := range ls {
		vals = append(vals, l.Value)
	}
	n := 0
	for _, v := range vals {
		n += len(v)
	}
	return n
}

type chunk struct{ n int }

// flushEvery resets the buffer after processing it, so each scan is bounded.
func flushEvery(in []chunk, limit int, sink func([]chunk)) {
	var buf []chunk
	for _, c := range in {
		buf = append(buf, c)
		if len(buf) < limit {
			continue
		}
		for _, b := range buf {
			if b.n == 0 {
				return
			}
		}
		sink(buf)
		buf = buf[:0]
	}
}

// closeAll walks what it collected, without searching it.
func closeAll(groups [][]func() error) []error {
	var errs []error
	for _, g := range groups {
		for _, closeFn := range g {
			errs = append(errs, closeFn())
		}
		for _, e := range errs {
			_ = e
		}
	}
	return errs
}
