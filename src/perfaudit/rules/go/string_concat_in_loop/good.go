package report

import (
	"bytes"
	"fmt"
	"strings"
)

type Row struct {
	Name  string
	Count int
}

// render is the fixed version with a strings.Builder.
func render(rows []Row) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-20s %6d\n", r.Name, r.Count)
	}
	return b.String()
}

// encode writes into a bytes.Buffer.
func encode(rows []Row) []byte {
	var buf bytes.Buffer
	for _, r := range rows {
		buf.WriteString(r.Name)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// total adds numbers: += on an int is not string concatenation.
func total(rows []Row) int {
	sum := 0
	for _, r := range rows {
		sum += r.Count
	}
	return sum
}

// label concatenates once, outside any loop.
func label(r Row) string {
	s := r.Name
	s += ": " + fmt.Sprint(r.Count)
	return s
}

// wrap resets the line every time it fills up, so it never grows past the width.
func wrap(words []string, width int) []string {
	var lines []string
	line := ""
	for _, w := range words {
		if len(line)+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		line += w + " "
	}
	return append(lines, line)
}

// perIteration builds a short string that lives for one iteration only.
func perIteration(rows []Row) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		key := r.Name
		key += "#"
		out = append(out, key)
	}
	return out
}

// counters tracks float sums in a map-free loop.
func counters(rows []Row) (float64, int) {
	var avg float64
	n := 0
	for _, r := range rows {
		avg += float64(r.Count)
		n++
	}
	return avg, n
}

// uniqueDelimiter grows the delimiter only when it collides, then restarts the scan.
func uniqueDelimiter(lines []string) string {
	delimiter := "EOT"
OUTER:
	for {
		for _, line := range lines {
			if strings.TrimSpace(line) == delimiter {
				delimiter = delimiter + "_"
				continue OUTER
			}
		}
		return delimiter
	}
}
