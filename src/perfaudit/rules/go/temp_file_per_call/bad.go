package lint

import (
	"context"
	"io/ioutil"
	"os"
	"os/exec"
)

const eslintConfig = `{"rules": {"no-unused-vars": "error"}}`

var helperScript = []byte("#!/bin/sh\nexec git \"$@\"\n")

type Runner struct {
	bin string
}

// Lint writes the same config file for every file it lints.
func (r *Runner) Lint(ctx context.Context, path string) ([]byte, error) {
	cfg, err := os.CreateTemp("", "eslint-*.json") // expect: temp-file-per-call
	if err != nil {
		return nil, err
	}
	defer os.Remove(cfg.Name())
	if _, err := cfg.WriteString(eslintConfig); err != nil {
		return nil, err
	}
	cfg.Close()
	return exec.CommandContext(ctx, r.bin, "-c", cfg.Name(), path).Output()
}

// Git writes the same helper script on every invocation.
func (r *Runner) Git(ctx context.Context, args ...string) error {
	f, err := ioutil.TempFile("", "askpass") // expect: temp-file-per-call
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(helperScript); err != nil {
		return err
	}
	f.Close()
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Env = append(os.Environ(), "GIT_ASKPASS="+f.Name())
	return cmd.Run()
}
