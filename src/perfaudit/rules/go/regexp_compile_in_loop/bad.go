package logscan

import (
	"bufio"
	"io"
	"regexp"
	"strings"
)

type Rule struct {
	Name    string
	Pattern string
}

// countErrors compiles the same literal pattern for every line.
func countErrors(r io.Reader) int {
	n := 0
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		re := regexp.MustCompile(`level=(error|fatal)`) // expect: regexp-compile-in-loop
		if re.MatchString(sc.Text()) {
			n++
		}
	}
	return n
}

// filter compiles the caller's pattern once per line instead of once per call.
func filter(lines []string, pattern string) ([]string, error) {
	var out []string
	for _, line := range lines {
		re, err := regexp.Compile(pattern) // expect: regexp-compile-in-loop
		if err != nil {
			return nil, err
		}
		if re.MatchString(line) {
			out = append(out, line)
		}
	}
	return out, nil
}

// matchAll rebuilds an anchored expression from an outer value inside the inner loop.
func matchAll(rules []Rule, hosts []string) map[string][]string {
	hits := map[string][]string{}
	for _, rule := range rules {
		for _, h := range hosts {
			if regexp.MustCompile("^" + rule.Pattern + "$").MatchString(h) { // expect: regexp-compile-in-loop
				hits[rule.Name] = append(hits[rule.Name], h)
			}
		}
	}
	return hits
}

func posixWords(docs []string, word string) int {
	total := 0
	for i := 0; i < len(docs); i++ {
		re := regexp.MustCompilePOSIX(`\b` + strings.ToLower(word) + `\b`) // expect: regexp-compile-in-loop
		total += len(re.FindAllString(docs[i], -1))
	}
	return total
}
