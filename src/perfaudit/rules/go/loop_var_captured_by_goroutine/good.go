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
		go func(it string) {
			defer wg.Done()
			handle(it)
		}(it)
	}
	wg.Wait()
}

func Upload(parts [][]byte, put func(int, []byte) error) error {
	var g errgroup.Group
	for i := 0; i < len(parts); i++ {
		i := i
		g.Go(func() error {
			return put(i, parts[i])
		})
	}
	return g.Wait()
}

// Sync closures called in place see the current value.
func Sum(xs []int) int {
	total := 0
	for _, x := range xs {
		func() { total += x }()
	}
	return total
}
