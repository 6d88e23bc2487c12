package metrics

import (
	"fmt"
	"strings"
)

type Sample struct {
	ID    int64
	Name  string
	Count int
}

// ids formats every sample id.
func ids(samples []Sample) []string {
	out := make([]string, 0, len(samples))
	for _, s := range samples {
		out = append(out, fmt.Sprintf("%d", s.ID)) // expect: sprintf-trivial-conversion-in-loop
	}
	return out
}

// names copies strings through the formatter.
func names(samples []Sample) string {
	var b strings.Builder
	for _, s := range samples {
		b.WriteString(fmt.Sprintf("%s", s.Name)) // expect: sprintf-trivial-conversion-in-loop
		b.WriteByte(',')
	}
	return b.String()
}

// labels uses %v on a variable declared as int.
func labels(n int) map[string]bool {
	seen := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		var shard int = i % 16
		seen[fmt.Sprintf("%v", shard)] = true // expect: sprintf-trivial-conversion-in-loop
	}
	return seen
}

// keys uses fmt.Sprint on an int parameter inside a loop.
func keys(prefix string, count int) []string {
	out := make([]string, 0, count)
	for i := 0; i < count; i++ {
		out = append(out, prefix+fmt.Sprint(count)) // expect: sprintf-trivial-conversion-in-loop
	}
	return out
}
