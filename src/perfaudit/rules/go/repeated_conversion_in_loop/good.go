package proto

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

type Record struct {
	Key   []byte
	Value []byte
}

// filterByPrefix converts once.
func filterByPrefix(recs []Record, prefix string) []Record {
	p := []byte(prefix)
	var out []Record
	for _, r := range recs {
		if bytes.HasPrefix(r.Key, p) {
			out = append(out, r)
		}
	}
	return out
}

// keys converts each record's own key.
func keys(recs []Record) []string {
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		out = append(out, string(r.Key))
	}
	return out
}

// count uses string(b) as a map key and in comparisons: the compiler does not copy.
func count(recs []Record, want []byte) map[string]int {
	m := map[string]int{}
	for _, r := range recs {
		m[string(want)]++
		if string(want) == "x" {
			continue
		}
		_ = r
	}
	return m
}

// readLines reuses a buffer whose contents change every iteration.
func readLines(r *bufio.Reader) []string {
	var out []string
	buf := make([]byte, 64)
	for {
		n, err := r.Read(buf)
		out = append(out, string(buf[:n]))
		if err != nil {
			return out
		}
	}
}

// build reads the builder after appending to it inside the loop.
func build(parts []string) []string {
	var sb bytes.Buffer
	var snapshots []string
	for _, p := range parts {
		sb.WriteString(p)
		snapshots = append(snapshots, sb.String())
	}
	return snapshots
}

// copies appends a fresh []byte per element: each needs its own backing array.
func copies(s string, n int) [][]byte {
	var out [][]byte
	for i := 0; i < n; i++ {
		out = append(out, []byte(s))
	}
	return out
}

// joined is a strings.Builder: String() does not copy.
func joined(parts []string, w io.Writer) {
	var sb strings.Builder
	sb.WriteString("> ")
	for _, p := range parts {
		io.WriteString(w, sb.String()+p)
	}
}

// chars converts a rune, one character, per iteration.
func chars(r rune, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(string(r))
	}
	return b.String()
}

// literal separators are left to the compiler.
func writeAll(w io.Writer, lines [][]byte) {
	for _, l := range lines {
		w.Write(l)
		w.Write([]byte("\n"))
	}
}

// header expressions of a range loop run once.
func fields(msg string) int {
	n := 0
	for len(msg) > 0 {
		for _, b := range []byte(string(msg[0])) {
			n += int(b)
		}
		msg = msg[1:]
	}
	for _, part := range strings.Split(string(bytes.TrimSpace([]byte(msg))), ",") {
		n += len(part)
	}
	return n
}

// a constant conversion is folded at compile time.
func split(paths []string) int {
	n := 0
	for _, p := range paths {
		const sep = string('/')
		n += strings.Count(p, sep)
	}
	return n
}

const crlf = "\r\n"

const (
	fieldSep        = ","
	tagPrefix string = "x-"
)

// writeRecords converts constants: the compiler keeps the bytes read-only or folds them.
func writeRecords(w io.Writer, recs []Record) {
	for _, r := range recs {
		w.Write([]byte(tagPrefix))
		w.Write(r.Key)
		w.Write([]byte(fieldSep + " "))
		w.Write(r.Value)
		w.Write([]byte(crlf))
	}
}
