package parse

import (
	"net/http"
	"strings"
)

// mediaTypes is the fixed version: Cut does not allocate.
func mediaTypes(r *http.Request) []string {
	var out []string
	for _, entry := range strings.Split(r.Header.Get("Accept"), ",") {
		typ, _, _ := strings.Cut(entry, ";")
		out = append(out, strings.TrimSpace(typ))
	}
	return out
}

// columns uses every field: the whole split is needed.
func columns(lines []string) [][]string {
	out := make([][]string, 0, len(lines))
	for _, line := range lines {
		fields := strings.Split(line, ",")
		out = append(out, fields)
	}
	return out
}

// thirds reads a field beyond the second.
func thirds(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		f := strings.Split(line, " ")
		if len(f) < 3 {
			continue
		}
		out = append(out, f[0]+f[2])
	}
	return out
}

// lasts takes the last field, wherever it is.
func lasts(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		segs := strings.Split(p, "/")
		out = append(out, segs[len(segs)-1])
	}
	return out
}

// exactlyThree demands a count that Cut cannot check.
func exactlyThree(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		parts := strings.Split(line, ".")
		if len(parts) != 3 {
			continue
		}
		out = append(out, parts[0])
	}
	return out
}

// walk ranges over the fields.
func walk(lines []string, visit func(string)) {
	for _, line := range lines {
		parts := strings.Split(line, ";")
		for _, p := range parts[1:] {
			visit(p)
		}
		visit(parts[0])
	}
}

// chars splits into runes: there is no separator to cut at.
func chars(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, strings.Split(w, "")[0])
	}
	return out
}

// once splits outside any loop.
func once(addr string) string {
	return strings.Split(addr, ":")[0]
}

// limited already bounds the split.
func limited(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		out = append(out, strings.SplitN(line, "=", 2)[0])
	}
	return out
}
