// perfaudit-test-version: 1.21
package fan

import (
	"sync"

	"golang.org/x/sync/errgroup"
)

func Process(items []string, handle func(string)) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() { // expect: loop-var-captured-by-goroutine
			defer wg.Done()
			handle(it)
		}()
	}
	wg.Wait()
}

func Upload(parts [][]byte, put func(int, []byte) error) error {
	var g errgroup.Group
	for i := 0; i < len(parts); i++ {
		g.Go(func() error { // expect: loop-var-captured-by-goroutine
			return put(i, parts[i])
		})
	}
	return g.Wait()
}
