// perfaudit-test-version: 1.25
package pool

import "sync"

func Run(tasks []func()) {
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Go(t)
	}
	wg.Wait()
}

// Start passes an argument to the goroutine: wg.Go takes a plain func().
func Start(wg *sync.WaitGroup, ids []int, work func(int)) {
	for _, id := range ids {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			work(id)
		}(id)
	}
}

// AddN adds a batch count up front.
func AddN(wg *sync.WaitGroup, n int, work func()) {
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			work()
		}()
	}
}

// Counter.Add(1) on something that is not a WaitGroup, followed by other code.
type Counter struct{ n int }

func (c *Counter) Add(d int) { c.n += d }

func bump(c *Counter) {
	c.Add(1)
	_ = c.n
}
