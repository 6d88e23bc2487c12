package runner

import (
	"os"
	"os/exec"
)

// Notify fires a hook per event and never reaps it.
func Notify(hook, event string) error {
	cmd := exec.Command(hook, event)
	cmd.Stdout = os.Stdout
	return cmd.Start() // expect: exec-start-without-wait
}

// Preview opens a viewer and forgets about it.
func Preview(path string) (int, error) {
	viewer := exec.Command("less", path)
	viewer.Stdin = os.Stdin
	if err := viewer.Start(); err != nil { // expect: exec-start-without-wait
		return 0, err
	}
	return viewer.Process.Pid, nil
}
