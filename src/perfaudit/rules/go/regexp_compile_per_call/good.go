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

// changelogURL runs once per command invocation: compiling on use keeps start-up fast.
func changelogURL(version string) string {
	r := regexp.MustCompile(`^v?\d+\.\d+\.\d+(-[\w.]+)?$`)
	if !r.MatchString(version) {
		return "https://example.com/releases/latest"
	}
	return "https://example.com/releases/tag/" + version
}

type group interface{ Go(func() error) }

// background starts one goroutine: the closure runs once per call of background.
func background(g group, input string) {
	g.Go(func() error {
		_ = regexp.MustCompile(`^\d+$`).MatchString(input)
		return nil
	})
}
