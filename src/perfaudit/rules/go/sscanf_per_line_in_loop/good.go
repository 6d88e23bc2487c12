package procfs

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Version parses one line, once: nothing to gain.
func Version(s string) (major, minor int, err error) {
	_, err = fmt.Sscanf(s, "%d.%d", &major, &minor)
	return major, minor, err
}

// ParseMounts splits each line and converts with strconv (the fix).
func ParseMounts(r io.Reader) ([][2]int, error) {
	var out [][2]int
	s := bufio.NewScanner(r)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 2 {
			continue
		}
		id, err := strconv.Atoi(fields[0])
		if err != nil {
			return nil, err
		}
		parent, err := strconv.Atoi(fields[1])
		if err != nil {
			return nil, err
		}
		out = append(out, [2]int{id, parent})
	}
	return out, s.Err()
}

// BlockIndexes parses the index out of each file name in a directory: one Sscanf per
// file next to the directory read is not where the time goes.
func BlockIndexes(dir string) []uint64 {
	entries, _ := os.ReadDir(dir)
	var out []uint64
	for _, e := range entries {
		var index uint64
		if n, err := fmt.Sscanf(e.Name(), "%d.blk", &index); err == nil && n == 1 {
			out = append(out, index)
		}
	}
	return out
}

// Header scans the same first line on each retry: it does not change per iteration.
func Header(first string, lines []string) (v int) {
	for range lines {
		if _, err := fmt.Sscanf(first, "v%d", &v); err == nil {
			return v
		}
	}
	return 0
}

// parseRange is called once per configured range, not per line.
func parseRange(id string) (start, end int) {
	fmt.Sscanf(id, "%d-%d", &start, &end)
	return start, end
}

// Ranges reads a handful of configured ranges.
func Ranges(ids []string) [][2]int {
	var out [][2]int
	for _, id := range ids {
		s, e := parseRange(id)
		out = append(out, [2]int{s, e})
	}
	return out
}

// Ports uses Fscan on a reader: not this rule's shape.
func Ports(r io.Reader) (p int) {
	fmt.Fscan(r, &p)
	return p
}
