// perfaudit-test-version: 1.22
package watch

import "time"

// run stops its ticker when it returns.
func run(done <-chan struct{}, work func()) {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-done:
			return
		case <-ticker.C:
			work()
		}
	}
}

// forever ticks for the life of the program: what time.Tick is for.
func forever(work func()) {
	go func() {
		for range time.Tick(time.Minute) {
			work()
		}
	}()
}

func main() {
	for now := range time.Tick(time.Hour) {
		_ = now
	}
}
