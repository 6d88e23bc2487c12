package mime

import (
	"strings"
	"sync"
)

// types is the fixed version: built once at package initialisation.
var types = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
}

func contentType(name string) string {
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 {
		return "application/octet-stream"
	}
	return types[name[dot:]]
}

// defaults returns a fresh map the caller may modify: it must be built per call.
func defaults() map[string]string {
	return map[string]string{"mode": "fast", "level": "3"}
}

// withOverrides mutates the map after building it.
func withOverrides(over map[string]string) map[string]string {
	m := map[string]string{"mode": "fast", "level": "3"}
	for k, v := range over {
		m[k] = v
	}
	return m
}

// counts increments entries: the map is written.
func counts(words []string) map[string]int {
	c := map[string]int{"a": 0, "the": 0}
	for _, w := range words {
		c[w]++
	}
	return c
}

type Options struct{ Labels map[string]string }

// newOptions stores the literal in a struct: it escapes.
func newOptions(name string) Options {
	labels := map[string]string{"app": "web", "tier": "frontend"}
	_ = name
	return Options{Labels: labels}
}

// handler passes the map to another function.
func handler(send func(map[string]any)) {
	send(map[string]any{"status": "ok", "code": 200})
}

// dynamic uses non-constant values.
func dynamic(host string, port int) bool {
	ok := map[string]bool{host: true, "localhost": port > 0}
	return ok["localhost"]
}

var lookup = sync.OnceValue(func() map[string]int {
	return map[string]int{"one": 1, "two": 2}
})

// parseLevel runs once per process from init.
var levels map[string]int

func init() {
	table := map[string]int{"debug": 0, "info": 1, "warn": 2}
	levels = make(map[string]int, len(table))
	for k, v := range table {
		levels[k] = v
	}
}

// single uses a one-entry literal; nothing to hoist worth the name.
func single(k string) bool {
	return map[string]bool{"yes": true}[k]
}
