package batcher

import (
	"context"
	"time"
)

type Msg struct{ Body []byte }

// run is the fixed version: one timer, Reset per message (Go 1.23+ semantics).
func run(ctx context.Context, in <-chan Msg, flush func([]Msg)) {
	idle := time.NewTimer(200 * time.Millisecond)
	defer idle.Stop()
	var pending []Msg
	for {
		select {
		case m := <-in:
			pending = append(pending, m)
			idle.Reset(200 * time.Millisecond)
		case <-idle.C:
			flush(pending)
			pending = nil
		case <-ctx.Done():
			return
		}
	}
}

// retry waits between attempts: one timer per attempt is the backoff itself.
func retry(ctx context.Context, attempt func() error, backoff func(int) time.Duration) error {
	for i := 0; ; i++ {
		if err := attempt(); err == nil {
			return nil
		}
		t := time.NewTimer(backoff(i))
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// poll creates its ticker in the for clause's init statement: once.
func poll(refresh func()) {
	for c := time.Tick(time.Minute); ; <-c {
		refresh()
	}
}

// perWorker starts goroutines; each owns one ticker for its lifetime.
func perWorker(n int, work func()) {
	for i := 0; i < n; i++ {
		go func() {
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for range t.C {
				work()
			}
		}()
	}
}

// sleepy waits on a timer with no other events: a plain delay per iteration.
func sleepy(steps []func()) {
	for _, step := range steps {
		step()
		t := time.NewTimer(10 * time.Millisecond)
		<-t.C
	}
}
