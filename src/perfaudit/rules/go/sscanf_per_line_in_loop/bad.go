package procfs

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

type Mount struct {
	ID, Parent   int
	Major, Minor int
	Root, Point  string
}

// ParseMounts scans every line of a mount table with Sscanf.
func ParseMounts(r io.Reader) ([]Mount, error) {
	var out []Mount
	s := bufio.NewScanner(r)
	for s.Scan() {
		var m Mount
		text := s.Text()
		if _, err := fmt.Sscanf(text, "%d %d %d:%d %s %s", // expect: sscanf-per-line-in-loop
			&m.ID, &m.Parent, &m.Major, &m.Minor, &m.Root, &m.Point); err != nil {
			return nil, fmt.Errorf("parsing %q: %w", text, err)
		}
		out = append(out, m)
	}
	return out, s.Err()
}

// CPUTimes reads the per-CPU counters of a stat file split into lines.
func CPUTimes(data string) map[string][4]uint64 {
	times := map[string][4]uint64{}
	for _, line := range strings.Split(data, "\n") {
		var name string
		var t [4]uint64
		n, _ := fmt.Sscan(line, &name, &t[0], &t[1], &t[2], &t[3]) // expect: sscanf-per-line-in-loop
		if n == 5 {
			times[name] = t
		}
	}
	return times
}

// Interfaces reads a device table line by line with ReadString.
func Interfaces(f *os.File) (map[string]uint64, error) {
	rd := bufio.NewReader(f)
	rx := map[string]uint64{}
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			break
		}
		var dev string
		var bytes uint64
		if _, err := fmt.Sscanf(strings.TrimSpace(line), "%s %d", &dev, &bytes); err == nil { // expect: sscanf-per-line-in-loop
			rx[dev] = bytes
		}
	}
	return rx, nil
}

type sample struct {
	pid  int
	rss  uint64
	name string
}

// parseLine is called once per line of the listing below.
func parseLine(line string) (sample, error) {
	var s sample
	_, err := fmt.Sscanf(line, "%d %d %s", &s.pid, &s.rss, &s.name) // expect: sscanf-per-line-in-loop
	return s, err
}

// Samples parses a process listing.
func Samples(r io.Reader) []sample {
	var out []sample
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if s, err := parseLine(sc.Text()); err == nil {
			out = append(out, s)
		}
	}
	return out
}

// Records ranges over lines held in a slice.
func Records(lines []string) (sum int) {
	for _, l := range lines {
		var a, b int
		fmt.Sscanln(l, &a, &b) // expect: sscanf-per-line-in-loop
		sum += a * b
	}
	return sum
}
