// perfaudit-test-version: 1.22
package watch

import "time"

type Batcher struct {
	events   chan string
	out      chan []string
	interval time.Duration
}

// run exits when the events channel closes, and leaves its ticker behind.
func (b *Batcher) run() {
	tick := time.Tick(b.interval) // expect: time-tick-leak
	var batch []string
loop:
	for {
		select {
		case ev, ok := <-b.events:
			if !ok {
				break loop
			}
			batch = append(batch, ev)
		case <-tick:
			b.out <- batch
			batch = nil
		}
	}
}

func worker(done <-chan struct{}, work func()) {
	for {
		select {
		case <-done:
			return
		case <-time.Tick(time.Second): // expect: time-tick-leak
			work()
		}
	}
}
