package sanitize

import (
	"bytes"
	"os"
	"strings"
)

var crlf, lf = []byte("\r\n"), []byte("\n")

// normalizeNewlines is the fixed version on bytes.
func normalizeNewlines(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return bytes.ReplaceAll(data, crlf, lf), nil
}

// title wants a string in the end: one conversion is necessary.
func title(raw []byte) string {
	return strings.ReplaceAll(string(raw), "_", " ")
}

// cleanLines keeps working with the string.
func cleanLines(out []byte) []string {
	var lines []string
	for _, chunk := range bytes.Split(out, []byte{0}) {
		c := strings.ReplaceAll(string(chunk), "\r\n", "\n")
		lines = append(lines, strings.TrimSpace(c))
	}
	return lines
}

// replaceName starts from a string, not from bytes.
func replaceName(tmpl, name string) []byte {
	return []byte(strings.ReplaceAll(tmpl, "{{name}}", name))
}

// runeSwap converts a rune, not a byte slice.
func runeSwap(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, []byte(strings.ReplaceAll(string(r), "-", "_"))...)
	}
	return out
}
