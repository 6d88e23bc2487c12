package lint

import (
	"context"
	"os"
	"os/exec"
	"sync"
)

const eslintConfig = `{"rules": {"no-unused-vars": "error"}}`

type Runner struct {
	bin     string
	cfgOnce sync.Once
	cfgPath string
	cfgErr  error
}

// config writes the shared file once.
func (r *Runner) config() (string, error) {
	r.cfgOnce.Do(func() {
		f, err := os.CreateTemp("", "eslint-*.json")
		if err != nil {
			r.cfgErr = err
			return
		}
		defer f.Close()
		_, r.cfgErr = f.WriteString(eslintConfig)
		r.cfgPath = f.Name()
	})
	return r.cfgPath, r.cfgErr
}

// Format writes the caller's source into the temp file: content differs per call.
func (r *Runner) Format(ctx context.Context, src []byte) ([]byte, error) {
	f, err := os.CreateTemp("", "src-*.js")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	data := append([]byte("// generated\n"), src...)
	if _, err := f.Write(data); err != nil {
		return nil, err
	}
	f.Close()
	return exec.CommandContext(ctx, r.bin, "--fix", f.Name()).Output()
}

// Report lets the subprocess write its output into a fresh file per call.
func (r *Runner) Report(ctx context.Context, path string) ([]byte, error) {
	out, err := os.CreateTemp("", "report-*.json")
	if err != nil {
		return nil, err
	}
	defer os.Remove(out.Name())
	out.Close()
	if err := exec.CommandContext(ctx, r.bin, "-o", out.Name(), path).Run(); err != nil {
		return nil, err
	}
	return os.ReadFile(out.Name())
}
