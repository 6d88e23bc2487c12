package api

import (
	"net/http"
	"regexp"
	"strings"
)

type Validator struct{ strict bool }

// validSlug compiles the same literal on every call.
func validSlug(s string) bool {
	re := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) // expect: regexp-compile-per-call
	return re.MatchString(s)
}

// Email is a method called per record.
func (v *Validator) Email(s string) (bool, error) {
	re, err := regexp.Compile("^[^@\\s]+@[^@\\s]+$") // expect: regexp-compile-per-call
	if err != nil {
		return false, err
	}
	return re.MatchString(strings.TrimSpace(s)), nil
}

// handleSearch runs once per request.
func handleSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if !regexp.MustCompile(`^[\w\s-]{1,64}$`).MatchString(q) { // expect: regexp-compile-per-call
		http.Error(w, "bad query", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/tags", func(w http.ResponseWriter, r *http.Request) {
		tag := regexp.MustCompile("[^a-z0-9-]+").ReplaceAllString(r.URL.Path, "") // expect: regexp-compile-per-call
		_, _ = w.Write([]byte(tag))
	})
}

func cleanAll(names []string, v *Validator) []string {
	var out []string
	for _, n := range names {
		if ok, _ := v.Email(n); ok || validSlug(n) {
			out = append(out, n)
		}
	}
	return out
}

// changelogURL compiles on every call; whether that matters is heat's call (a command
// that runs it once leaves it out as cold, a request path makes it a finding).
func changelogURL(version string) string {
	r := regexp.MustCompile(`^v?\d+\.\d+\.\d+(-[\w.]+)?$`) // expect: regexp-compile-per-call
	if !r.MatchString(version) {
		return "https://example.com/releases/latest"
	}
	return "https://example.com/releases/tag/" + version
}

// validMethod compiles its pattern on every call: regexp.MatchString has no cache.
func validMethod(method string) bool {
	ok, _ := regexp.MatchString("^[A-Z]+$", method) // expect: regexp-compile-per-call
	return ok
}

type group interface{ Go(func() error) }

// background starts one goroutine per call, and each compiles the pattern again.
func background(g group, input string) {
	g.Go(func() error {
		_ = regexp.MustCompile(`^\d+$`).MatchString(input) // expect: regexp-compile-per-call
		return nil
	})
}
