package proto

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"strings"
)

type Record struct {
	Key   []byte
	Value []byte
}

// filterByPrefix converts the same prefix for every record.
func filterByPrefix(recs []Record, prefix string) []Record {
	var out []Record
	for _, r := range recs {
		if bytes.HasPrefix(r.Key, []byte(prefix)) { // expect: repeated-conversion-in-loop
			out = append(out, r)
		}
	}
	return out
}

// writeAll writes a separator converted once per line.
func writeAll(w io.Writer, lines [][]byte, sep string) error {
	for _, l := range lines {
		if _, err := w.Write(l); err != nil {
			return err
		}
		if _, err := w.Write([]byte(sep)); err != nil { // expect: repeated-conversion-in-loop
			return err
		}
	}
	return nil
}

// tagLines formats the same address for every line.
func tagLines(r io.Reader, addr net.IP) []string {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		out = append(out, addr.String()+" "+sc.Text()) // expect: repeated-conversion-in-loop
	}
	return out
}

// matchHeader converts the header bytes again for each candidate.
func matchHeader(header []byte, candidates []string) int {
	n := 0
	for _, c := range candidates {
		if strings.HasPrefix(c, string(header)) { // expect: repeated-conversion-in-loop
			n++
		}
	}
	return n
}
