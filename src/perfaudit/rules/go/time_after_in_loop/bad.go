package worker

import "time"

type Job struct{ ID int }

// consume drains jobs, giving up after a quiet minute.
func consume(jobs <-chan Job, handle func(Job)) {
	for {
		select {
		case j := <-jobs:
			handle(j)
		case <-time.After(time.Minute): // expect: time-after-in-loop
			return
		}
	}
}

func poll(stop <-chan struct{}, tick func()) {
	for i := 0; ; i++ {
		tick()
		select {
		case <-stop:
			return
		case <-time.After(50 * time.Millisecond): // expect: time-after-in-loop
		}
	}
}

// perfaudit-test-version: 1.22 (the rule applies only before Go 1.23)
