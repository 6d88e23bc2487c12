package worker

import "time"

type Job struct{ ID int }

// consume reuses one timer for the whole loop.
func consume(jobs <-chan Job, handle func(Job)) {
	timer := time.NewTimer(time.Minute)
	defer timer.Stop()
	for {
		select {
		case j := <-jobs:
			handle(j)
			timer.Reset(time.Minute)
		case <-timer.C:
			return
		}
	}
}

// waitOnce uses time.After outside any loop: one timer per call is fine.
func waitOnce(done <-chan struct{}) bool {
	select {
	case <-done:
		return true
	case <-time.After(time.Second):
		return false
	}
}

// spawn starts goroutines in a loop; the timer belongs to each goroutine, not the loop.
func spawn(n int, work func()) {
	for i := 0; i < n; i++ {
		go func() {
			select {
			case <-time.After(time.Second):
				work()
			}
		}()
	}
}

// perfaudit-test-version: 1.22 (the rule applies only before Go 1.23)
