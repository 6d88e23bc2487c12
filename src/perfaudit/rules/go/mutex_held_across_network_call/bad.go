package tokens

import (
	"net"
	"net/http"
	"sync"
)

type TokenSource struct {
	mu     sync.Mutex
	client *http.Client
	token  string
	url    string
}

// Token refreshes while holding the lock: every caller waits for the round trip.
func (t *TokenSource) Token() (string, error) {
	t.mu.Lock() // expect: mutex-held-across-network-call
	defer t.mu.Unlock()
	if t.token != "" {
		return t.token, nil
	}
	resp, err := t.client.Get(t.url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	t.token = resp.Header.Get("X-Token")
	return t.token, nil
}

type Pool struct {
	mu    sync.Mutex
	conns map[string]net.Conn
}

// Get dials under the pool lock.
func (p *Pool) Get(addr string) (net.Conn, error) {
	p.mu.Lock() // expect: mutex-held-across-network-call
	if c, ok := p.conns[addr]; ok {
		p.mu.Unlock()
		return c, nil
	}
	c, err := net.Dial("tcp", addr)
	if err == nil {
		p.conns[addr] = c
	}
	p.mu.Unlock()
	return c, err
}

var reportMu sync.Mutex

// Report posts with a package-level lock held.
func Report(req *http.Request) error {
	reportMu.Lock() // expect: mutex-held-across-network-call
	defer reportMu.Unlock()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
