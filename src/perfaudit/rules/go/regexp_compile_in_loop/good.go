package logscan

import (
	"bufio"
	"io"
	"regexp"
	"strings"
	"sync"
)

type Rule struct {
	Name    string
	Pattern string
}

var errorLine = regexp.MustCompile(`level=(error|fatal)`)

// countErrors uses the package-level expression.
func countErrors(r io.Reader) int {
	n := 0
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if errorLine.MatchString(sc.Text()) {
			n++
		}
	}
	return n
}

// filter hoists the compile above the loop.
func filter(lines []string, pattern string) ([]string, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range lines {
		if re.MatchString(line) {
			out = append(out, line)
		}
	}
	return out, nil
}

// compileRules compiles one expression per rule: the pattern differs each iteration.
func compileRules(rules []Rule) (map[string]*regexp.Regexp, error) {
	out := make(map[string]*regexp.Regexp, len(rules))
	for _, rule := range rules {
		re, err := regexp.Compile("^" + rule.Pattern + "$")
		if err != nil {
			return nil, err
		}
		out[rule.Name] = re
	}
	return out, nil
}

// compileIndexed builds each pattern from the loop index.
func compileIndexed(patterns []string) []*regexp.Regexp {
	res := make([]*regexp.Regexp, 0, len(patterns))
	for i := 0; i < len(patterns); i++ {
		res = append(res, regexp.MustCompile(patterns[i]))
	}
	return res
}

// compileLoaded compiles a pattern computed inside the loop body.
func compileLoaded(names []string, load func(string) string) []*regexp.Regexp {
	var res []*regexp.Regexp
	for _, name := range names {
		p := load(name)
		res = append(res, regexp.MustCompile(p))
	}
	return res
}

// lazy compiles inside a closure started per item; the closure is not the loop body.
func lazy(items []string, pattern string) []func() bool {
	var fns []func() bool
	var once sync.Once
	var re *regexp.Regexp
	for _, it := range items {
		it := it
		fns = append(fns, func() bool {
			once.Do(func() { re = regexp.MustCompile(pattern) })
			return re.MatchString(it)
		})
	}
	return fns
}

// firstMatch compiles only on the iteration that returns.
func firstMatch(lines []string, prefix, pattern string) string {
	for _, line := range lines {
		if strings.HasPrefix(line, prefix) {
			re := regexp.MustCompile(pattern)
			return re.FindString(line)
		}
	}
	return ""
}

// scanTokens compiles per line from the scanner's current text.
func scanTokens(r io.Reader) []*regexp.Regexp {
	var out []*regexp.Regexp
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		out = append(out, regexp.MustCompile(regexp.QuoteMeta(sc.Text())))
	}
	return out
}

// compileIncoming compiles each pattern received from the channel.
func compileIncoming(patterns <-chan string, done <-chan struct{}) []*regexp.Regexp {
	var out []*regexp.Regexp
	for {
		select {
		case p := <-patterns:
			out = append(out, regexp.MustCompile(p))
		case <-done:
			return out
		}
	}
}
