package runner

import (
	"io"
	"os"
	"os/exec"
)

// Notify reaps the hook in the background.
func Notify(hook, event string) error {
	cmd := exec.Command(hook, event)
	cmd.Stdout = os.Stdout
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// Stream returns the command so the caller can Wait after reading.
func Stream(name string, args ...string) (*exec.Cmd, io.Reader, error) {
	cmd := exec.Command(name, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	return cmd, out, nil
}

// Detach starts a daemon and releases it on purpose.
func Detach(path string) error {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

type server struct{ proc *exec.Cmd }

// Launch keeps the command so Stop can wait for it.
func (s *server) Launch(bin string) error {
	cmd := exec.Command(bin)
	if err := cmd.Start(); err != nil {
		return err
	}
	s.proc = cmd
	return nil
}

// Timer.Start-like methods on other types are not processes.
type ticker struct{}

func (ticker) Start() error { return nil }

func run() error {
	t := ticker{}
	return t.Start()
}
