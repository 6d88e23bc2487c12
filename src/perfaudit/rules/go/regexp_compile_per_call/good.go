package api

import (
	"regexp"
	"sync"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var (
	emailOnce sync.Once
	emailRE   *regexp.Regexp
	phoneRE   *regexp.Regexp
)

type Parser struct {
	word *regexp.Regexp
}

// validSlug uses the package-level expression.
func validSlug(s string) bool { return slugRE.MatchString(s) }

// validEmail compiles lazily, once.
func validEmail(s string) bool {
	emailOnce.Do(func() {
		emailRE = regexp.MustCompile("^[^@\\s]+@[^@\\s]+$")
	})
	return emailRE.MatchString(s)
}

// validPhone fills a package-level cache on first use.
func validPhone(s string) bool {
	if phoneRE == nil {
		phoneRE = regexp.MustCompile(`^\+?[0-9 ]{6,20}$`)
	}
	return phoneRE.MatchString(s)
}

// NewParser compiles once per parser, which is long-lived.
func NewParser() *Parser {
	return &Parser{word: regexp.MustCompile(`\w+`)}
}

// reset stores the expression on the receiver for later calls.
func (p *Parser) reset() {
	p.word = regexp.MustCompile(`[\p{L}\d_]+`)
}

// userPattern compiles a caller-supplied pattern: nothing to hoist.
func userPattern(pattern, s string) (bool, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// versionRE is a factory used to initialise package variables.
func versionRE() *regexp.Regexp {
	return regexp.MustCompile(`^v(\d+)\.(\d+)\.(\d+)$`)
}

var semver = versionRE()

func init() {
	_ = regexp.MustCompile(`^[A-Z]{3}$`)
}

func main() {
	_ = regexp.MustCompile(`^--[a-z-]+$`).MatchString("--help")
}

// ipPattern is compiled once, by sync.OnceValue, on first use.
var ipPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\d{1,3}(\.\d{1,3}){3}$`)
})

// validIP matches with a pattern the caller supplies at run time.
func validIP(pattern, s string) bool {
	ok, _ := regexp.MatchString(pattern, s)
	return ok
}
