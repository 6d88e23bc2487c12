// perfaudit-test-version: 1.25
package pool

import "sync"

func Run(tasks []func()) {
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Add(1) // expect: waitgroup-add-done-pattern
		go func() {
			defer wg.Done()
			t()
		}()
	}
	wg.Wait()
}

type Server struct{ wg sync.WaitGroup }

func (s *Server) Start(loop func()) {
	s.wg.Add(1) // expect: waitgroup-add-done-pattern
	go func() {
		defer s.wg.Done()
		loop()
	}()
}
