package metrics

import (
	"fmt"
	"strconv"
)

type Sample struct {
	ID    int64
	Name  string
	Count int
}

// ids is the fixed version.
func ids(samples []Sample) []string {
	out := make([]string, 0, len(samples))
	for _, s := range samples {
		out = append(out, strconv.FormatInt(s.ID, 10))
	}
	return out
}

// rows formats several values: Sprintf earns its keep.
func rows(samples []Sample) []string {
	out := make([]string, 0, len(samples))
	for _, s := range samples {
		out = append(out, fmt.Sprintf("%s=%d", s.Name, s.Count))
	}
	return out
}

// padded uses width and flags that strconv does not offer.
func padded(samples []Sample) []string {
	out := make([]string, 0, len(samples))
	for _, s := range samples {
		out = append(out, fmt.Sprintf("%08d", s.Count))
	}
	return out
}

// describe formats an arbitrary value with %v: its type is unknown here.
func describe(values []any) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, fmt.Sprintf("%v", v))
	}
	return out
}

// once is outside any loop.
func once(s Sample) string {
	return fmt.Sprintf("%d", s.ID)
}

// async formats inside a goroutine started per item, not in the loop itself.
func async(samples []Sample, emit func(string)) {
	for _, s := range samples {
		go func(id int64) {
			emit(fmt.Sprintf("%d", id))
		}(s.ID)
	}
}
