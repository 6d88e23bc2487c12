package batcher

import (
	"context"
	"time"
)

type Msg struct{ Body []byte }

// run flushes after a quiet period, creating a new timer for every message.
func run(ctx context.Context, in <-chan Msg, flush func([]Msg)) {
	var pending []Msg
	for {
		idle := time.NewTimer(200 * time.Millisecond) // expect: timer-or-ticker-per-iteration
		select {
		case m := <-in:
			idle.Stop()
			pending = append(pending, m)
		case <-idle.C:
			flush(pending)
			pending = nil
		case <-ctx.Done():
			idle.Stop()
			return
		}
	}
}

// heartbeat asks time.Tick for a new ticker on every pass.
func heartbeat(events <-chan string, beat func(), handle func(string)) {
	for {
		select {
		case e := <-events:
			handle(e)
		case <-time.Tick(time.Second): // expect: timer-or-ticker-per-iteration
			beat()
		}
	}
}

// watchdog uses an inline timer per received item.
func watchdog(items <-chan int, stalled func()) {
	for {
		select {
		case <-items:
		case <-time.NewTimer(5 * time.Second).C: // expect: timer-or-ticker-per-iteration
			stalled()
		}
	}
}

// progress makes a ticker per job while still consuming results.
func progress(jobs []string, results <-chan string, report func(string)) {
	for range jobs {
		t := time.NewTicker(time.Second) // expect: timer-or-ticker-per-iteration
		select {
		case r := <-results:
			report(r)
		case <-t.C:
			report("waiting")
		}
		t.Stop()
	}
}
