package parse

import (
	"bytes"
	"net/http"
	"strings"
)

// mediaTypes returns the media type of every entry of an Accept-style header, parameters dropped.
func mediaTypes(r *http.Request) []string {
	var out []string
	for _, entry := range strings.Split(r.Header.Get("Accept"), ",") {
		parts := strings.Split(entry, ";") // expect: split-for-first-fields-in-loop
		out = append(out, strings.TrimSpace(parts[0]))
	}
	return out
}

// pairs parses "key=value" lines, skipping those without exactly one '='.
func pairs(lines []string) map[string]string {
	env := make(map[string]string, len(lines))
	for _, line := range lines {
		kv := strings.Split(line, "=") // expect: split-for-first-fields-in-loop
		if len(kv) != 2 {
			continue
		}
		env[kv[0]] = kv[1]
	}
	return env
}

// hosts strips the port of every address.
func hosts(addrs []string) []string {
	out := make([]string, 0, len(addrs))
	for _, a := range addrs {
		out = append(out, strings.Split(a, ":")[0]) // expect: split-for-first-fields-in-loop
	}
	return out
}

// names takes the name field of every record line.
func names(records [][]byte) [][]byte {
	out := make([][]byte, 0, len(records))
	for i := 0; i < len(records); i++ {
		fields := bytes.Split(records[i], []byte{'\t'}) // expect: split-for-first-fields-in-loop
		if len(fields) < 2 {
			continue
		}
		out = append(out, fields[1])
	}
	return out
}
